// End to end: the bundled action, the real engine, and local stand-ins for GitHub's REST
// API (every request checked against GitHub's OpenAPI description) and the Actions results
// service (which the real @actions/artifact uploads to). A push to main stores the report
// as an artifact; pull-request runs find it, compare, and keep one comment up to date.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/types.js'
import { ActionsResultsServer } from '../helpers/actions-results-server.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'
import { prepareWorkspace, removeImages, runAction, uniqueId, type ActionRun } from './harness.js'

const id = uniqueId()
const image = `nb-image-e2e-${id}/comment`
const PR = 42
let github: GitHubApiServer
let results: ActionsResultsServer
let workspace: string

beforeAll(async () => {
  github = await GitHubApiServer.start()
  results = await ActionsResultsServer.start(github)
  github.tokens.set('ghs_fork', {
    issues: 'read',
    pullRequests: 'read',
    actions: 'read',
    user: 'bot'
  })
  workspace = prepareWorkspace('sized', image)
})

afterAll(async () => {
  removeImages(image)
  await results?.close()
  await github?.close()
})

afterEach(() => {
  github.expectNoViolations()
  results.expectNoViolations()
})

/** The hidden first line of the comment (README, "One comment per pull request and manifest"). */
const MARKER = '<!-- nb-image-action:comment key=notebook-tiers.yaml -->'

const repository = { id: 1296269, full_name: 'acme/notebooks', default_branch: 'main' }

function pullRequestEvent(fork = false, number = PR): { name: string; payload: unknown } {
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        base: { ref: 'main', repo: { full_name: 'acme/notebooks' } },
        head: {
          ref: 'feature/bigger',
          repo: { full_name: fork ? 'stranger/notebooks' : 'acme/notebooks' }
        }
      },
      repository
    }
  }
}

/** Runs the action as the given workflow run, against the local services. */
function runAs(
  runId: number,
  event: { name: string; payload: unknown },
  ref: string,
  token = 'ghs_write',
  inputs: Record<string, string> = {},
  where = workspace
): Promise<ActionRun> {
  return runAction({
    workspace: where,
    inputs: { manifest: 'notebook-tiers.yaml', 'github-token': token, ...inputs },
    event,
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_RUN_ID: String(runId),
      GITHUB_REF: ref,
      ACTIONS_RESULTS_URL: results.url,
      ACTIONS_RUNTIME_TOKEN: results.runtimeToken(runId)
    }
  })
}

const readReport = (run: ActionRun): Report =>
  JSON.parse(readFileSync(run.outputs['report-file'] ?? '', 'utf8')) as Report

const warnings = (run: ActionRun): string[] =>
  run.stdout.split('\n').filter((line) => line.startsWith('::warning'))

const sizeOf = (report: Report, name: string): number =>
  report.images.find((i) => i.name === name)?.sizeBytes ?? Number.NaN

/** What the pull request changes: tier2 grows by 2 MiB, tier3 goes, tier4 comes. */
function changeManifestAsThePullRequestDoes(): void {
  const manifest = path.join(workspace, 'notebook-tiers.yaml')
  const text = readFileSync(manifest, 'utf8')
    .replace('TIER2_MB: 6', 'TIER2_MB: 8')
    .replace(/ {2}tier3:\n {4}description: Model serving\n?/, '')
  writeFileSync(
    manifest,
    `${text.trimEnd()}\n  tier4:\n    description: 'GPU <b>inference</b> @octocat | #1'\n`
  )
  appendFileSync(
    path.join(workspace, 'Dockerfile'),
    '\nFROM base AS tier4\nRUN dd if=/dev/urandom of=/tier4.bin bs=1048576 count=2 2>/dev/null\n'
  )
}

// The tests of each describe run in order and build on each other (the baseline, the
// comment, the changed workspace); they cannot run alone.
describe('pull-request comment against a stored baseline', () => {
  let baseRunId: number
  let base: Report
  let first: ActionRun
  let commentId: string

  test('a push to main uploads the report as the nb-image-report artifact', async () => {
    const runId = github.addRun({ headBranch: 'main', status: 'in_progress', conclusion: null })
    baseRunId = runId
    const run = await runAs(
      runId,
      { name: 'push', payload: { ref: 'refs/heads/main', repository } },
      'refs/heads/main'
    )
    expect(run.exitCode).toBe(0)
    github.completeRun(runId, 'success')
    base = readReport(run)
    const [artifact] = github.artifactList()
    expect(artifact).toMatchObject({ name: 'nb-image-report', runId })
    expect(run.stdout).toContain('::group::Upload report')
    expect(run.stdout).toMatch(
      /Uploaded the report as artifact nb-image-report \(id \d+, \d+ bytes\)/
    )
    expect(run.stdout).not.toContain('::group::Pull request comment')
    expect(run.outputs['comment-body']).toBeUndefined()
    expect(warnings(run)).toEqual([])
    // Nothing was posted on a push.
    expect(github.requests.filter((r) => r.operationId?.startsWith('issues/'))).toEqual([])
  })

  test('the pull request run posts one comment with the deltas against that report', async () => {
    changeManifestAsThePullRequestDoes()
    github.addComments(PR, 230)
    const runId = github.addRun({ headBranch: 'feature/bigger', event: 'pull_request' })
    first = await runAs(runId, pullRequestEvent(), `refs/pull/${PR}/merge`)
    expect(first.exitCode).toBe(0)
    const head = readReport(first)
    expect(head.images.map((i) => i.name)).toEqual(['tier1', 'tier2', 'tier4'])

    const comments = github.commentsOf(PR)
    expect(comments).toHaveLength(231)
    const ours = comments.at(-1)
    expect(ours?.page).toBe(3)
    expect(ours?.login).toBe('github-actions[bot]')
    commentId = String(ours?.id)
    expect(first.outputs['comment-id']).toBe(commentId)
    expect(first.outputs['comment-url']).toBe(
      `https://github.com/acme/notebooks/pull/${PR}#issuecomment-${commentId}`
    )
    const body = ours?.body ?? ''
    expect(first.outputs['comment-body']).toBe(body)
    expect(body.split('\n')[0]).toBe(MARKER)
    expect(body).toContain('## Notebook images: ✅ within budget')

    // tier2 grew by exactly what the two reports say (2 MiB of random bytes, give or take
    // filesystem blocks), tier1 is the same cached image, tier3 is gone, tier4 is new.
    const grown = sizeOf(head, 'tier2') - sizeOf(base, 'tier2')
    expect(grown).toBeGreaterThanOrEqual(2 * 1024 * 1024)
    expect(grown).toBeLessThan(2 * 1024 * 1024 + 64 * 1024)
    expect(body).toContain(`<span title="+${grown.toLocaleString('en-US')} bytes">`)
    expect(body).toMatch(
      /\| tier1 <sub>Setup<\/sub> \| <span title="[\d,]+ bytes">[\d.]+ MB<\/span> \| unchanged \|/
    )
    expect(body).toContain(
      `| ~~tier3~~ | – | 🔽 <span title="-${sizeOf(base, 'tier3').toLocaleString('en-US')} bytes">`
    )
    expect(body).toContain(
      '| tier4 🆕 <sub>GPU &lt;b&gt;inference&lt;/b&gt; &#64;<!-- -->octocat &#124; &#35;<!-- -->1</sub> |'
    )
    expect(body).toContain(
      '🆕 New tiers: <code>tier4</code>.\n🗑️ Removed tiers: <code>tier3</code>.'
    )
    const uniqueDelta = head.totals.uniqueBytes - base.totals.uniqueBytes
    expect(body).toContain(
      `| **Total** <sub>unique bytes</sub> | **<span title="${head.totals.uniqueBytes.toLocaleString('en-US')} bytes">`
    )
    expect(body).toContain(
      `title="${uniqueDelta > 0 ? '+' : ''}${uniqueDelta.toLocaleString('en-US')} bytes"`
    )
    expect(body).toContain(
      `Compared with the <code>nb-image-report</code> artifact of <code>main</code> from [run ${baseRunId}](https://github.com/acme/notebooks/actions/runs/${baseRunId})`
    )

    // The job summary has the report and the comparison; the log has the comparison too.
    expect(first.summary).toContain('| Tier | Image | Size |')
    expect(first.summary).toContain(
      `> Pull request comment: [posted on the pull request](${first.outputs['comment-url']}).`
    )
    expect(first.summary).toContain(body)
    expect(first.stdout).toContain('::group::Pull request comment')
    expect(warnings(first)).toEqual([])
    // The token never shows in the log.
    expect(first.stdout).toContain('::add-mask::ghs_write')
    expect(
      first.stdout
        .split('\n')
        .filter((l) => l.includes('ghs_write') && !l.startsWith('::add-mask::'))
    ).toEqual([])
  })

  test('the next run edits that comment on page 3 instead of adding one', async () => {
    github.addComments(PR, 30)
    const manifest = path.join(workspace, 'notebook-tiers.yaml')
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('BASE_MB: 2', 'BASE_MB: 3'))
    github.requests.length = 0
    const runId = github.addRun({ headBranch: 'feature/bigger', event: 'pull_request' })
    const second = await runAs(runId, pullRequestEvent(), `refs/pull/${PR}/merge`)
    expect(second.exitCode).toBe(0)
    expect(second.outputs['comment-id']).toBe(commentId)
    const comments = github.commentsOf(PR)
    expect(comments).toHaveLength(261)
    expect(comments.filter((c) => c.body.startsWith(MARKER))).toHaveLength(1)
    const ours = comments.find((c) => String(c.id) === commentId)
    expect(ours?.page).toBe(3)
    expect(ours?.body).toBe(second.outputs['comment-body'])
    expect(ours?.body).not.toBe(first.outputs['comment-body'])
    // A bigger base layer: every tier grew by about 1 MiB against main.
    expect(ours?.body).toMatch(
      /\| tier1 <sub>Setup<\/sub> \| <span title="[\d,]+ bytes">[\d.]+ MB<\/span> \| 🔺 /
    )
    const ops = github.requests.map(
      (r) => `${r.method} ${r.operationId}${r.query['page'] ? ` ${r.query['page']}` : ''}`
    )
    expect(ops.filter((o) => o.includes('issues/'))).toEqual([
      'GET issues/list-comments',
      'GET issues/list-comments 2',
      'GET issues/list-comments 3',
      'PATCH issues/update-comment'
    ])
  })

  test('a fork pull request (read-only token, 403 on create) stays green with the markdown in the job summary', async () => {
    const before = github.commentsOf(PR + 1).length
    const runId = github.addRun({ headBranch: 'main', event: 'pull_request', fork: true })
    const event = pullRequestEvent(true)
    ;(event.payload as { number: number; pull_request: { number: number } }).number = PR + 1
    ;(event.payload as { pull_request: { number: number } }).pull_request.number = PR + 1
    const run = await runAs(runId, event, `refs/pull/${PR + 1}/merge`, 'ghs_fork')
    expect(run.exitCode).toBe(0)
    expect(github.commentsOf(PR + 1)).toHaveLength(before)
    const create = github.requests.filter((r) => r.operationId === 'issues/create-comment').at(-1)
    expect(create?.authorization).toBe('token ghs_fork')
    const [warning, ...others] = warnings(run)
    expect(others).toEqual([])
    expect(warning).toContain('::warning title=Pull request comment::')
    expect(warning).toContain('403 Resource not accessible by integration')
    expect(warning).toContain('`pull-requests: write`')
    expect(warning).toContain('Pull requests from forks only get a read-only token')
    const body = run.outputs['comment-body'] ?? ''
    expect(body.split('\n')[0]).toBe(MARKER)
    expect(run.summary).toContain('> Pull request comment: not posted on the pull request.')
    expect(run.summary).toContain(body)
    // The log has the comment itself (its marker line), not only the report's summary.
    expect(run.stdout).toContain(`\n${MARKER}\n`)
    expect(run.outputs['comment-id']).toBeUndefined()
  })

  test('a broken manifest replaces the comment’s verdict instead of leaving the old one', async () => {
    const manifest = path.join(workspace, 'notebook-tiers.yaml')
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('threshold: 50MB', 'threshold: fifty')
    )
    const runId = github.addRun({ headBranch: 'feature/bigger', event: 'pull_request' })
    const run = await runAs(runId, pullRequestEvent(), `refs/pull/${PR}/merge`)
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain('::error title=Invalid tier manifest,file=notebook-tiers.yaml')
    expect(run.outputs['comment-id']).toBe(commentId)
    const ours = github.commentsOf(PR).find((c) => String(c.id) === commentId)
    expect(ours?.body).toContain('## Notebook images: 💥 not built')
    expect(ours?.body).toContain('> **Error:** notebook-tiers.yaml:')
    expect(warnings(run)).toEqual([])
  })
})

describe('a fan-out: one job per tier, then a merge job', () => {
  const fanOutImage = `nb-image-e2e-${id}/fan-out`
  const number = PR + 2
  const tiers = ['tier1', 'tier2', 'tier3']
  let fanOut: string
  let mainRunId: number

  beforeAll(() => {
    fanOut = prepareWorkspace('sized', fanOutImage)
  })

  afterAll(() => removeImages(fanOutImage))

  /** The jobs of one workflow run: one per tier, then the merge of their reports. */
  async function fanOutRun(
    runId: number,
    event: { name: string; payload: unknown },
    ref: string
  ): Promise<{ jobs: ActionRun[]; merge: ActionRun }> {
    const jobs: ActionRun[] = []
    for (const tier of tiers) {
      const inputs = { tiers: tier, 'report-file': `reports/${runId}/${tier}/nb-image-report.json` }
      jobs.push(await runAs(runId, event, ref, 'ghs_write', inputs, fanOut))
    }
    const merge = await runAs(
      runId,
      event,
      ref,
      'ghs_write',
      { mode: 'merge', reports: `reports/${runId}/**/nb-image-report.json` },
      fanOut
    )
    return { jobs, merge }
  }

  test('on a push to main only the merge job uploads the baseline', async () => {
    const runId = github.addRun({ headBranch: 'main', status: 'in_progress', conclusion: null })
    mainRunId = runId
    const uploaded = github.artifactList().length
    const { jobs, merge } = await fanOutRun(
      runId,
      { name: 'push', payload: { ref: 'refs/heads/main', repository } },
      'refs/heads/main'
    )
    jobs.forEach((job, index) => {
      expect(job.exitCode).toBe(0)
      expect(job.stdout).toContain(
        `This run builds only tier ${tiers[index]} of tier1, tier2, tier3, so it uploads no baseline report: a run of every tier (the merge job of a fan-out) does. Set upload-report: true to do it from here.`
      )
      expect(job.stdout).not.toContain('::group::Upload report')
      expect(warnings(job)).toEqual([])
    })
    expect(merge.exitCode).toBe(0)
    expect(merge.stdout).not.toContain('This run builds only')
    const artifacts = github.artifactList()
    expect(artifacts).toHaveLength(uploaded + 1)
    expect(artifacts.filter((a) => a.runId === runId).map((a) => a.name)).toEqual([
      'nb-image-report'
    ])
    github.completeRun(runId, 'success')
  })

  test('on a pull request only the merge job posts the comment, of every tier', async () => {
    const runId = github.addRun({ headBranch: 'feature/bigger', event: 'pull_request' })
    const requestsBefore = github.requests.length
    const { jobs, merge } = await fanOutRun(
      runId,
      pullRequestEvent(false, number),
      `refs/pull/${number}/merge`
    )
    jobs.forEach((job, index) => {
      expect(job.exitCode).toBe(0)
      expect(job.stdout).toContain(
        `This run builds only tier ${tiers[index]} of tier1, tier2, tier3, so it posts no pull-request comment: a run of every tier (the merge job of a fan-out) does. Set comment: always to do it from here.`
      )
      // Rendered for the job summary, not posted.
      expect(job.summary).toContain('> Pull request comment: not posted on the pull request.')
      expect(job.outputs['comment-id']).toBeUndefined()
      expect(warnings(job)).toEqual([])
    })
    // One write to GitHub in the whole run: the merge job's comment.
    expect(
      github.requests
        .slice(requestsBefore)
        .filter((r) => r.method !== 'GET')
        .map((r) => r.operationId)
    ).toEqual(['issues/create-comment'])

    expect(merge.exitCode).toBe(0)
    expect(merge.stdout).not.toContain('This run builds only')
    const comments = github.commentsOf(number)
    expect(comments).toHaveLength(1)
    const body = comments[0]?.body ?? ''
    expect(merge.outputs['comment-id']).toBe(String(comments[0]?.id))
    expect(body).toContain('## Notebook images: ✅ within budget')
    // Every tier, compared with the merged report of main: the same cached images.
    for (const tier of tiers) {
      expect(body).toMatch(
        new RegExp(
          `\\| ${tier} <sub>[^|]+</sub> \\| <span title="[\\d,]+ bytes">[\\d.]+ MB</span> \\| unchanged \\|`
        )
      )
    }
    expect(body).not.toContain('Not built in this run')
    // The merge job's upload on main, not the first describe's (its sizes are the same).
    expect(body).toContain(
      `Compared with the <code>nb-image-report</code> artifact of <code>main</code> from [run ${mainRunId}](`
    )
    expect(warnings(merge)).toEqual([])
  })
})
