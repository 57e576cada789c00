import {
  commentDecision,
  forSelection,
  readRunContext,
  shouldUploadReport,
  type CommentSettings,
  type RunContext
} from '../../src/github/context.js'

const ENV = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_REPOSITORY: 'acme/notebooks',
  GITHUB_REF: 'refs/pull/7/merge',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_RUN_ID: '42'
}

const pullRequestEvent = (head: string | null, base = 'acme/notebooks'): unknown => ({
  number: 7,
  pull_request: {
    number: 7,
    base: { ref: 'main', repo: { full_name: base } },
    head: { ref: 'feature/x', repo: head === null ? null : { full_name: head } }
  },
  repository: { id: 1296269, full_name: 'acme/notebooks', default_branch: 'main' }
})

describe('readRunContext', () => {
  test('a pull request from a branch of the repository', () => {
    expect(readRunContext(ENV, pullRequestEvent('acme/notebooks'))).toEqual({
      eventName: 'pull_request',
      owner: 'acme',
      repo: 'notebooks',
      repositoryId: 1296269,
      defaultBranch: 'main',
      ref: 'refs/pull/7/merge',
      sha: 'f'.repeat(40),
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runUrl: 'https://github.com/acme/notebooks/actions/runs/42',
      pullRequest: { number: 7, baseRef: 'main', headRef: 'feature/x', fromFork: false }
    })
  })

  test.each([
    ['a fork', 'stranger/notebooks', true],
    ['a deleted fork', null, true],
    ['the same repository', 'acme/notebooks', false],
    // GitHub ignores the case of names; the push code (event.ts) reads it the same way.
    ['the same repository, other case', 'Acme/Notebooks', false]
  ])('%s is fromFork=%s', (_name, head, fork) => {
    expect(readRunContext(ENV, pullRequestEvent(head)).pullRequest?.fromFork).toBe(fork)
  })

  test('a push has no pull request', () => {
    const context = readRunContext(
      { ...ENV, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' },
      { ref: 'refs/heads/main', repository: { id: 1, default_branch: 'main' } }
    )
    expect(context.pullRequest).toBeNull()
    expect(context.defaultBranch).toBe('main')
  })

  test.each([
    ['no payload', undefined],
    [
      'a payload of the wrong types',
      { pull_request: { number: '7', base: { ref: 1 } }, repository: [] }
    ],
    ['a string', 'garbage']
  ])('%s gives an empty context, not a crash', (_name, payload) => {
    const context = readRunContext(ENV, payload)
    expect(context.pullRequest).toBeNull()
    expect(context.repositoryId).toBeNull()
  })

  test('GHES URLs lose their trailing slash; a missing run ID means no run URL', () => {
    const context = readRunContext(
      {
        ...ENV,
        GITHUB_SERVER_URL: 'https://ghe.acme.example/',
        GITHUB_API_URL: 'https://ghe.acme.example/api/v3/',
        GITHUB_RUN_ID: ''
      },
      {}
    )
    expect([context.serverUrl, context.apiUrl, context.runUrl]).toEqual([
      'https://ghe.acme.example',
      'https://ghe.acme.example/api/v3',
      null
    ])
  })
})

describe('decisions', () => {
  const context = (fields: Partial<RunContext>): RunContext => ({
    ...readRunContext(ENV, pullRequestEvent('acme/notebooks')),
    ...fields
  })
  const push = context({ eventName: 'push', ref: 'refs/heads/main', pullRequest: null })

  test.each<[string, RunContext, 'auto' | 'true' | 'false', boolean]>([
    ['auto: a push to the default branch', push, 'auto', true],
    ['auto: a push to another branch', { ...push, ref: 'refs/heads/dev' }, 'auto', false],
    ['auto: a tag push', { ...push, ref: 'refs/tags/v1' }, 'auto', false],
    ['auto: a pull request', context({}), 'auto', false],
    ['auto: no default branch known', { ...push, defaultBranch: null }, 'auto', false],
    ['true: a pull request', context({}), 'true', true],
    ['false: a push to the default branch', push, 'false', false]
  ])('upload %s → %s', (_name, run, mode, expected) => {
    expect(shouldUploadReport(mode, run)).toBe(expected)
  })

  test.each<
    [string, RunContext, 'auto' | 'always' | 'never', boolean, { render: boolean; post: boolean }]
  >([
    ['auto on a pull request', context({}), 'auto', false, { render: true, post: true }],
    ['auto on a push', push, 'auto', false, { render: false, post: false }],
    ['auto on a push with a baseline file', push, 'auto', true, { render: true, post: false }],
    ['always on a push', push, 'always', false, { render: true, post: true }],
    ['never on a pull request', context({}), 'never', false, { render: true, post: false }],
    ['never on a push', push, 'never', false, { render: false, post: false }]
  ])('comment %s', (_name, run, mode, file, expected) => {
    expect(commentDecision(mode, run, file)).toEqual(expected)
  })
})

describe('forSelection', () => {
  const pr = readRunContext(ENV, pullRequestEvent('acme/notebooks'))
  const push: RunContext = { ...pr, eventName: 'push', ref: 'refs/heads/main', pullRequest: null }
  const settings = (
    comment: CommentSettings['comment'],
    upload: CommentSettings['upload']
  ): CommentSettings => ({
    token: 't',
    comment,
    commentKey: '',
    upload,
    artifactName: 'nb-image-report'
  })
  const all = ['tier1', 'tier2', 'tier3']
  const note = (held: string, instead: string, of = ' of tier1, tier2, tier3'): string =>
    `This run builds only tier tier2${of}, so it ${held}: a run of every tier (the merge job of a fan-out) does. Set ${instead} to do it from here.`
  const noComment = note('posts no pull-request comment', 'comment: always')
  const noUpload = note('uploads no baseline report', 'upload-report: true')

  it.each<
    [
      string,
      CommentSettings,
      RunContext,
      string[] | undefined,
      string[] | undefined,
      [CommentSettings['comment'], CommentSettings['upload']],
      string | null
    ]
  >([
    ['no tiers input', settings('auto', 'auto'), pr, undefined, all, ['auto', 'auto'], null],
    ['an empty tiers input', settings('auto', 'auto'), pr, [], all, ['auto', 'auto'], null],
    [
      'every tier named',
      settings('auto', 'auto'),
      push,
      ['tier3', 'tier1', 'tier2'],
      all,
      ['auto', 'auto'],
      null
    ],
    [
      'one tier of three on a pull request',
      settings('auto', 'auto'),
      pr,
      ['tier2'],
      all,
      ['never', 'false'],
      noComment
    ],
    [
      'one tier of three on a push to main',
      settings('auto', 'auto'),
      push,
      ['tier2'],
      all,
      ['never', 'false'],
      noUpload
    ],
    [
      'one tier of three on a push to another branch',
      settings('auto', 'auto'),
      { ...push, ref: 'refs/heads/dev' },
      ['tier2'],
      all,
      ['never', 'false'],
      null
    ],
    [
      'one tier, manifest unknown',
      settings('auto', 'auto'),
      pr,
      ['tier2'],
      undefined,
      ['never', 'false'],
      note('posts no pull-request comment', 'comment: always', '')
    ],
    [
      'comment always is kept',
      settings('always', 'auto'),
      pr,
      ['tier2'],
      all,
      ['always', 'false'],
      null
    ],
    [
      'upload true is kept',
      settings('auto', 'true'),
      push,
      ['tier2'],
      all,
      ['never', 'true'],
      null
    ],
    [
      'upload true with comment auto on a pull request',
      settings('auto', 'true'),
      pr,
      ['tier2'],
      all,
      ['never', 'true'],
      noComment
    ],
    ['both off already', settings('never', 'false'), pr, ['tier2'], all, ['never', 'false'], null]
  ])('%s', (_name, given, run, selected, declared, [comment, upload], expectedNote) => {
    const result = forSelection(given, run, selected, declared)
    expect(result.settings).toEqual({ ...given, comment, upload })
    expect(result.note).toBe(expectedNote)
  })
})
