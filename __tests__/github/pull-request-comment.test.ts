// The comment phase end to end in-process: the real GitHub adapter against the fake API,
// which checks every request against GitHub's OpenAPI description.
import { createGitHubApi, type GitHubApi, type IssueComment } from '../../src/adapters/github.js'
import { COMMENT_LIMIT, commentMarker } from '../../src/render/comment-markdown.js'
import type { RunContext } from '../../src/github/context.js'
import { commentDecision, type CommentSettings } from '../../src/github/sharing.js'
import {
  findStickyComment,
  problemsWarning,
  runCommentPhase,
  type CommentPhaseInput
} from '../../src/github/pull-request-comment.js'
import type { Report } from '../../src/report/types.js'
import {
  baseReport,
  descriptions,
  fixtureReport,
  headReport,
  headTiers,
  type FixtureImage
} from '../helpers/comparisons.js'
import { FakeFs, RecordingLogger } from '../helpers/fakes.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'

let server: GitHubApiServer
let logger: RecordingLogger
let pr = 100

beforeAll(async () => {
  server = await GitHubApiServer.start()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  logger = new RecordingLogger()
  server.requests.length = 0
  server.faults.length = 0
  pr++
})
afterEach(() => {
  server.expectNoViolations()
})

const settings = (fields: Partial<CommentSettings> = {}): CommentSettings => ({
  token: 'ghs_write',
  comment: 'auto',
  commentKey: '',
  upload: 'auto',
  artifactName: 'nb-image-report',
  ...fields
})

/** The pull request of the run: its base and head branches, and whether the head is a fork. */
const pull = (
  baseRef: string,
  headRef: string,
  fromFork: boolean
): NonNullable<RunContext['pullRequest']> => ({
  number: pr,
  baseRef,
  headRef,
  headSha: 'b'.repeat(40),
  headCloneUrl: null,
  headRepository: fromFork ? 'stranger/notebooks' : 'acme/notebooks',
  baseRepository: 'acme/notebooks',
  fromFork
})

const pullRequestContext = (fields: Partial<RunContext> = {}): RunContext => ({
  eventName: 'pull_request',
  repository: 'acme/notebooks',
  owner: 'acme',
  repo: 'notebooks',
  repositoryId: 1296269,
  defaultBranch: 'main',
  cloneUrl: null,
  release: null,
  ref: `refs/pull/${pr}/merge`,
  sha: 'a'.repeat(40),
  serverUrl: 'https://github.com',
  apiUrl: server.url,
  runUrl: 'https://github.com/acme/notebooks/actions/runs/99',
  pullRequest: pull('main', 'feature', false),
  ...fields
})

function github(token = 'ghs_write'): GitHubApi {
  return createGitHubApi({
    token,
    apiUrl: server.url,
    owner: 'acme',
    repo: 'notebooks',
    logger,
    retry: { tries: 4, baseDelayMs: 1, maxDelayMs: 60_000, sleep: async () => {} }
  })
}

function phase(
  fields: Partial<CommentPhaseInput> = {},
  deps: { github?: GitHubApi | null; fs?: FakeFs } = {}
): ReturnType<typeof runCommentPhase> {
  const input = {
    settings: settings(),
    context: pullRequestContext(),
    report: headReport,
    declaredTiers: headTiers,
    descriptions,
    ...fields
  }
  // As the run decides it (github/sharing.ts), unless the test decides.
  const decision =
    fields.decision ??
    commentDecision(
      input.settings.comment,
      input.context,
      input.settings.baselineReport !== undefined
    )
  return runCommentPhase(
    { ...input, decision },
    {
      github: deps.github === undefined ? github() : deps.github,
      fs: deps.fs ?? new FakeFs(),
      logger,
      sleep: async () => {}
    }
  )
}

/** Stores `report` as the nb-image-report artifact of a finished push run on `branch`. */
function storeBaseline(
  report: Report,
  run: Parameters<GitHubApiServer['addRun']>[0] = { headBranch: 'main' },
  artifact: { expired?: boolean; name?: string; content?: string } = {}
): { runId: number; artifactId: number } {
  const runId = server.addRun(run)
  const artifactId = server.addArtifact({
    name: artifact.name ?? 'nb-image-report',
    runId,
    expired: artifact.expired ?? false,
    files: { 'nb-image-report.json': artifact.content ?? JSON.stringify(report) }
  })
  return { runId, artifactId }
}

const operations = (): string[] => server.requests.map((r) => r.operationId ?? '?')

describe('posting', () => {
  test('the first run creates the comment, with the marker of the manifest', async () => {
    const result = await phase()
    expect(result?.comment).toMatchObject({ action: 'created' })
    const comments = server.commentsOf(pr)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toBe(result?.rendered.body)
    expect(comments[0]?.body.startsWith(commentMarker('ci/notebook-tiers.yaml'))).toBe(true)
    expect(comments[0]?.login).toBe('github-actions[bot]')
    expect(result?.comment?.url).toBe(
      `https://github.com/acme/notebooks/pull/${pr}#issuecomment-${comments[0]?.id}`
    )
    expect(result?.problems).toEqual([])
  })

  test('the second run edits the same comment when it sits on page 3', async () => {
    server.addComments(pr, 230)
    const first = await phase()
    server.addComments(pr, 40)
    const ours = server.commentsOf(pr).find((c) => c.id === first?.comment?.id)
    expect(ours?.page).toBe(3)
    server.requests.length = 0

    const second = await phase({
      report: { ...headReport, finishedAt: '2026-01-03T00:00:00.000Z' }
    })
    expect(second?.comment).toEqual({
      id: first?.comment?.id,
      url: first?.comment?.url,
      action: 'updated'
    })
    expect(server.commentsOf(pr)).toHaveLength(271)
    expect(
      server
        .commentsOf(pr)
        .filter((c) => c.body.startsWith(commentMarker('ci/notebook-tiers.yaml')))
    ).toHaveLength(1)
    expect(server.commentsOf(pr).find((c) => c.id === first?.comment?.id)?.body).toContain(
      '2026-01-03T00:00:00.000Z'
    )
    const lists = server.requests.filter((r) => r.operationId === 'issues/list-comments')
    expect(lists.map((r) => r.query['page'] ?? '1')).toEqual(['1', '2', '3'])
    expect(operations().filter((o) => o.startsWith('issues/'))).toEqual([
      'issues/list-comments',
      'issues/list-comments',
      'issues/list-comments',
      'issues/update-comment'
    ])
  })

  test('each comment key gets its own comment', async () => {
    await phase()
    await phase({ settings: settings({ commentKey: 'gpu' }) })
    await phase({ settings: settings({ commentKey: 'gpu' }) })
    expect(server.commentsOf(pr).map((c) => c.body.split('\n')[0])).toEqual([
      commentMarker('ci/notebook-tiers.yaml'),
      commentMarker('gpu')
    ])
  })

  test('a marker pasted by someone without write access is not taken over', async () => {
    server.addComment(pr, `${commentMarker('ci/notebook-tiers.yaml')}\nall fine, trust me`, {
      login: 'mallory',
      type: 'User',
      association: 'CONTRIBUTOR'
    })
    const result = await phase()
    expect(result?.comment?.action).toBe('created')
    expect(server.commentsOf(pr).map((c) => c.login)).toEqual(['mallory', 'github-actions[bot]'])
    expect(server.commentsOf(pr)[0]?.body).toContain('trust me')
  })

  test('a 5xx on create looks again before retrying, and leaves one comment', async () => {
    server.fail({ operationId: 'issues/create-comment', status: 502 })
    const result = await phase()
    expect(result?.comment?.action).toBe('created')
    expect(server.commentsOf(pr)).toHaveLength(1)
    expect(operations()).toEqual([
      'actions/list-artifacts-for-repo',
      'issues/list-comments',
      'issues/create-comment',
      'issues/list-comments',
      'issues/create-comment'
    ])
  })

  test('a 403 on create (a fork, a read-only token) is a problem naming pull-requests: write', async () => {
    server.tokens.set('ghs_fork', {
      issues: 'read',
      pullRequests: 'read',
      actions: 'read',
      user: 'bot'
    })
    const result = await phase(
      {
        context: pullRequestContext({
          pullRequest: pull('main', 'main', true)
        })
      },
      { github: github('ghs_fork') }
    )
    expect(result?.comment).toBeNull()
    expect(server.commentsOf(pr)).toEqual([])
    expect(result?.rendered.body).toContain('## Notebook images: ✅ within budget')
    expect(result?.problems).toEqual([
      {
        message: expect.stringContaining(
          'the comment could not be posted (POST /repos/acme/notebooks/issues/'
        ),
        permission: 'pull-requests: write'
      }
    ])
    expect(result?.problems[0]?.message).toContain(
      '403 Resource not accessible by integration - https://docs.github.com/rest/issues/comments#create-an-issue-comment): a pull request from a fork gets a read-only token'
    )
    expect(problemsWarning(result?.problems ?? [], true)).toBe(
      `Pull request comment: ${result?.problems[0]?.message}. Add \`pull-requests: write\` to the workflow's \`permissions:\`. Pull requests from forks only get a read-only token: post the comment-body output from a workflow_run workflow (see the README). The comment is in the job summary.`
    )
  })

  test('comment: never posts nothing and still renders', async () => {
    const result = await phase({ settings: settings({ comment: 'never' }) })
    expect(result?.comment).toBeNull()
    expect(result?.rendered.body).toContain(commentMarker('ci/notebook-tiers.yaml'))
    expect(operations()).toEqual(['actions/list-artifacts-for-repo'])
    expect(result?.problems).toEqual([])
  })

  test('comment: auto on a push renders nothing', async () => {
    const result = await phase({
      context: pullRequestContext({ eventName: 'push', pullRequest: null })
    })
    expect(result).toBeNull()
    expect(server.requests).toEqual([])
  })

  test('comment: always on a push finds the pull request of the commit and its base', async () => {
    const sha = 'b'.repeat(40)
    server.addPull({ number: pr, baseRef: 'develop', headSha: sha, state: 'open' })
    storeBaseline(baseReport, { headBranch: 'develop' })
    const result = await phase({
      settings: settings({ comment: 'always' }),
      context: pullRequestContext({ eventName: 'push', sha, pullRequest: null })
    })
    expect(result?.pullRequest).toBe(pr)
    expect(result?.baseline).toMatchObject({ found: true, branch: 'develop' })
    expect(server.commentsOf(pr)).toHaveLength(1)
  })

  test('comment: always on a commit without a pull request renders but posts nothing', async () => {
    const result = await phase({
      settings: settings({ comment: 'always' }),
      context: pullRequestContext({ eventName: 'push', sha: 'c'.repeat(40), pullRequest: null })
    })
    expect(result?.pullRequest).toBeNull()
    expect(result?.baseline).toEqual({ found: false, reason: 'no-branch' })
    expect(result?.problems).toEqual([])
    expect(operations()).toEqual(['repos/list-pull-requests-associated-with-commit'])
  })

  test('without a token nothing is called and the problem says so', async () => {
    const result = await phase({}, { github: null })
    expect(result?.problems.map((p) => p.permission)).toEqual([
      'actions: read',
      'pull-requests: write'
    ])
    expect(server.requests).toEqual([])
  })

  test('a comment too long for GitHub is shortened and accepted', async () => {
    const many: FixtureImage[] = Array.from({ length: 500 }, (_, index) => ({
      name: `tier${index}`,
      layers: [
        [
          1_000 + index,
          `RUN /bin/sh -c pip install package-${index} and-more-words-here`,
          `sha256:${index}`
        ]
      ]
    }))
    const result = await phase({
      report: fixtureReport('multi-stage', many),
      declaredTiers: undefined
    })
    expect(result?.rendered.truncated).toBe(true)
    expect(result?.comment?.action).toBe('created')
    const posted = server.commentsOf(pr)[0]?.body ?? ''
    expect(posted.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(posted).toContain("Shortened to fit GitHub's limit")
    expect(result?.rendered.full.length).toBeGreaterThan(COMMENT_LIMIT)
  })
})

describe('baseline', () => {
  test('found: the newest artifact of a successful push to the base branch', async () => {
    storeBaseline(
      fixtureReport('multi-stage', [{ name: 'tier1', layers: [[1, 'RUN old', 'sha256:o']] }])
    )
    const { runId, artifactId } = storeBaseline(baseReport)
    const result = await phase()
    expect(result?.baseline).toEqual({
      found: true,
      source: 'artifact',
      artifactName: 'nb-image-report',
      branch: 'main',
      runId,
      runUrl: `https://github.com/acme/notebooks/actions/runs/${runId}`,
      headSha: server.runSha(runId),
      createdAt: expect.any(String)
    })
    expect(operations()).toEqual([
      'actions/list-artifacts-for-repo',
      'actions/get-workflow-run',
      'actions/download-artifact',
      'issues/list-comments',
      'issues/create-comment'
    ])
    expect(server.requests[2]?.path).toBe(
      `/repos/acme/notebooks/actions/artifacts/${artifactId}/zip`
    )
    const body = server.commentsOf(pr)[0]?.body ?? ''
    // tier1 grew by exactly 12,346,912 bytes; tier4 is new, tier5 removed.
    expect(body).toContain('🔺 <span title="+12,346,912 bytes">+12.3 MB</span> (+2.5%)')
    expect(body).toContain('| tier4 🆕 <sub>GPU inference</sub> |')
    expect(body).toContain('| ~~tier5~~ | – | 🔽 <span title="-240,000,000 bytes">-240 MB</span> |')
    expect(body).toContain(
      '🆕 New tiers: <code>tier4</code>.\n🗑️ Removed tiers: <code>tier5</code>.'
    )
  })

  test('runs that failed, are still running, or built a fork are passed over', async () => {
    const good = storeBaseline(baseReport)
    storeBaseline(baseReport, { headBranch: 'main', conclusion: 'failure' })
    storeBaseline(baseReport, { headBranch: 'main', status: 'in_progress', conclusion: null })
    storeBaseline(baseReport, { headBranch: 'main', event: 'pull_request' })
    storeBaseline(baseReport, { headBranch: 'main', fork: true })
    const result = await phase()
    expect(result?.baseline).toMatchObject({ found: true, runId: good.runId })
    // The fork's artifact is dropped from the list without asking for its run.
    expect(operations().filter((o) => o === 'actions/get-workflow-run')).toHaveLength(4)
    expect(logger.lines.filter((l) => l.startsWith('info: Skipping artifact'))).toEqual([
      expect.stringMatching(/: run \d+ was triggered by pull_request$/),
      expect.stringMatching(/: run \d+ is in_progress$/),
      expect.stringMatching(/: run \d+ ended failure$/)
    ])
  })

  test('missing: no artifact yet', async () => {
    const result = await phase({ settings: settings({ artifactName: 'nothing-here' }) })
    expect(result?.baseline).toEqual({
      found: false,
      reason: 'none',
      artifactName: 'nothing-here',
      branch: 'main'
    })
    expect(result?.rendered.body).toContain(
      '**No baseline yet:** no <code>nothing-here</code> artifact'
    )
    expect(result?.problems).toEqual([])
  })

  test('missing: artifacts only from unsuccessful runs', async () => {
    storeBaseline(
      baseReport,
      { headBranch: 'main', conclusion: 'failure' },
      { name: 'only-failed' }
    )
    const result = await phase({ settings: settings({ artifactName: 'only-failed' }) })
    expect(result?.baseline).toMatchObject({
      found: false,
      reason: 'none',
      detail: '1 checked, none from a finished, successful run'
    })
  })

  test('expired: every artifact of the branch has expired', async () => {
    storeBaseline(baseReport, { headBranch: 'main' }, { expired: true, name: 'old-report' })
    const result = await phase({ settings: settings({ artifactName: 'old-report' }) })
    expect(result?.baseline).toEqual({
      found: false,
      reason: 'expired',
      artifactName: 'old-report',
      branch: 'main'
    })
    expect(result?.rendered.body).toContain('have expired, so sizes are shown without changes')
    expect(operations()).not.toContain('actions/download-artifact')
  })

  test('another base branch: main’s artifacts do not count', async () => {
    storeBaseline(baseReport)
    const result = await phase({
      context: pullRequestContext({
        pullRequest: pull('release/1.x', 'fix', false)
      })
    })
    expect(result?.baseline).toMatchObject({ found: false, reason: 'none', branch: 'release/1.x' })
  })

  test('no permission to read artifacts: a problem naming actions: read, the comment still posted', async () => {
    server.tokens.set('ghs_noactions', {
      issues: 'write',
      pullRequests: 'write',
      actions: 'none',
      user: 'bot'
    })
    const result = await phase({}, { github: github('ghs_noactions') })
    expect(result?.baseline).toMatchObject({
      found: false,
      reason: 'unavailable',
      detail: 'GitHub answered 403'
    })
    expect(result?.problems.map((p) => p.permission)).toEqual(['actions: read'])
    expect(result?.comment?.action).toBe('created')
  })

  test('an artifact that holds no report: unreadable, said in the comment', async () => {
    storeBaseline(
      baseReport,
      { headBranch: 'main' },
      { name: 'broken', content: '{"schemaVersion":7}' }
    )
    const result = await phase({ settings: settings({ artifactName: 'broken' }) })
    expect(result?.baseline).toMatchObject({ found: false, reason: 'unreadable' })
    expect(result?.problems[0]?.message).toMatch(
      /^the baseline report is not usable: artifact broken \(id \d+, run \d+\): schemaVersion: expected 1 \(got 7\)$/
    )
    expect(result?.rendered.body).toContain(
      '**No baseline:** the report of <code>main</code> is not usable'
    )
  })

  test('an explicit baseline-report file wins over the lookup', async () => {
    const fs = new FakeFs({ '/work/base.json': JSON.stringify(baseReport) })
    const result = await phase(
      { settings: settings({ baselineReport: '/work/base.json' }) },
      { fs }
    )
    expect(result?.baseline).toEqual({ found: true, source: 'file', file: '/work/base.json' })
    expect(operations()).not.toContain('actions/list-artifacts-for-repo')
    expect(result?.rendered.body).toContain('🔺 <span title="+12,346,912 bytes">+12.3 MB</span>')
  })

  test('a missing baseline-report file is a problem, not a failure', async () => {
    const result = await phase({ settings: settings({ baselineReport: '/work/none.json' }) })
    expect(result?.baseline).toMatchObject({ found: false, reason: 'unreadable' })
    expect(result?.problems[0]?.message).toMatch(/^baseline-report: cannot read \/work\/none.json/)
    expect(result?.comment?.action).toBe('created')
  })
})

describe('problemsWarning', () => {
  test.each([
    [[], false, null],
    [
      [{ message: 'the comment could not be posted: 502 Bad Gateway' }],
      false,
      'Pull request comment: the comment could not be posted: 502 Bad Gateway. The comment is in the job summary.'
    ],
    [
      [
        { message: 'a', permission: 'actions: read' as const },
        { message: 'b', permission: 'pull-requests: write' as const }
      ],
      false,
      "Pull request comment: a; b. Add `actions: read` and `pull-requests: write` to the workflow's `permissions:`. The comment is in the job summary."
    ]
  ])('%j', (problems, fork, expected) => {
    expect(problemsWarning(problems, fork)).toBe(expected)
  })
})

describe('findStickyComment', () => {
  const marker = commentMarker('nb.yaml')
  const comment = (
    id: number,
    body: string,
    type: 'Bot' | 'User' = 'Bot',
    authorAssociation = 'NONE'
  ): Omit<IssueComment, 'htmlUrl'> => ({
    id,
    body,
    user: { login: type === 'Bot' ? 'github-actions[bot]' : 'someone', type },
    authorAssociation
  })

  test.each<[string, Omit<IssueComment, 'htmlUrl'>[], number | undefined]>([
    ['none yet', [comment(1, 'LGTM', 'User')], undefined],
    [
      'the bot comment with the marker',
      [comment(1, 'hi', 'User'), comment(2, `${marker}\n## x`)],
      2
    ],
    ['the first of two', [comment(3, `${marker}\na`), comment(4, `${marker}\nb`)], 3],
    ['another key is not ours', [comment(1, `${commentMarker('other.yaml')}\n## x`)], undefined],
    ['the marker must open the comment', [comment(1, `quote:\n${marker}`)], undefined],
    [
      'a marker pasted by someone without write access is ignored',
      [comment(1, `${marker}\nfake numbers`, 'User', 'CONTRIBUTOR')],
      undefined
    ],
    [
      'a member’s comment counts (a personal token posts as a member)',
      [comment(1, `${marker}\n## x`, 'User', 'MEMBER')],
      1
    ],
    [
      'the bot wins over a member',
      [comment(1, `${marker}\nx`, 'User', 'OWNER'), comment(2, `${marker}\ny`)],
      2
    ],
    ['a comment without a body', [{ ...comment(1, ''), body: null }], undefined]
  ])('%s', (_name, comments, expected) => {
    expect(findStickyComment(comments, 'nb.yaml')?.id).toBe(expected)
  })
})

describe('comment: changed', () => {
  const changed = (fields: Partial<CommentSettings> = {}): CommentSettings =>
    settings({ comment: 'changed', baselineReport: '/work/base.json', ...fields })
  const against = (base: Report): FakeFs => new FakeFs({ '/work/base.json': JSON.stringify(base) })

  test('nothing changed and no comment yet: none is created', async () => {
    const result = await phase({ settings: changed() }, { fs: against(headReport) })
    expect(result?.comment).toBeNull()
    expect(result?.held).toBe(
      'no image changed by more than 1% and no verdict changed (comment: changed)'
    )
    expect(server.commentsOf(pr)).toEqual([])
    expect(operations()).toEqual(['issues/list-comments'])
    expect(result?.rendered.body).toContain('no change')
  })

  test('nothing changed, but a comment exists: it is brought up to date all the same', async () => {
    const first = await phase({ settings: settings() })
    const result = await phase(
      {
        settings: changed(),
        report: { ...headReport, finishedAt: '2026-01-04T00:00:00.000Z' }
      },
      { fs: against(headReport) }
    )
    expect(result?.comment).toEqual({ ...first?.comment, action: 'updated' })
    expect(server.commentsOf(pr)[0]?.body).toContain('2026-01-04T00:00:00.000Z')
  })

  test('a change above the threshold: the comment is created', async () => {
    const result = await phase({ settings: changed() }, { fs: against(baseReport) })
    expect(result?.comment?.action).toBe('created')
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^info: Worth a comment \(comment: changed\): /)
    )
  })

  test('a threshold above every change: the same comparison is not worth a new comment', async () => {
    const result = await phase(
      { settings: changed({ commentThreshold: { percent: 1000 } }) },
      { fs: against(headReport) }
    )
    expect(result?.comment).toBeNull()
  })
})
