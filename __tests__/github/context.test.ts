import {
  gitSource,
  parsePayload,
  readEventPayload,
  readRunContext,
  type GitSource,
  type RunContext
} from '../../src/github/context.js'
import { loadEvent } from '../helpers/events.js'
import { PULL_REQUEST_ENV as ENV, pullRequestEvent } from '../helpers/events.js'

const SHA = '4f2c1a9d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a'
const OWN = 'https://github.com/acme/notebooks.git'

describe('gitSource: what the operator clones for each event fixture', () => {
  test.each<[string, GitSource | undefined]>([
    ['release', { url: OWN, ref: 'v1.2.3', revision: SHA }],
    ['prerelease', { url: OWN, ref: 'v2.0.0-rc.1', revision: SHA }],
    ['tag-push', { url: OWN, ref: 'v0.4.10', revision: SHA }],
    ['branch-push', { url: OWN, ref: 'feature/Tier2+GPU', revision: SHA }],
    [
      'pull-request',
      { url: OWN, ref: 'tier3-serving', revision: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d' }
    ],
    // A fork's branch lives in the fork: clone from there.
    [
      'pull-request-fork',
      {
        url: 'https://github.com/mallory/notebooks.git',
        ref: 'patch-1',
        revision: '8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c'
      }
    ],
    [
      'pull-request-target',
      { url: OWN, ref: 'docs', revision: '7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b' }
    ],
    ['schedule', { url: OWN, ref: 'main', revision: SHA }]
  ])('%s', (fixture, source) => {
    expect(gitSource(loadEvent(fixture))).toEqual(source)
  })

  test('an enterprise server URL is used as it is', () => {
    const event = readRunContext(
      {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: 'abc',
        GITHUB_SERVER_URL: 'https://ghe.example.com/',
        GITHUB_REPOSITORY: 'acme/nb'
      },
      {}
    )
    expect(gitSource(event)).toEqual({
      url: 'https://ghe.example.com/acme/nb.git',
      ref: 'main',
      revision: 'abc'
    })
  })

  test('no branch or tag: nothing to clone', () => {
    expect(
      gitSource(
        readRunContext(
          { GITHUB_EVENT_NAME: 'workflow_run', GITHUB_SHA: SHA, GITHUB_REPOSITORY: 'acme/nb' },
          {}
        )
      )
    ).toBeUndefined()
  })
})

describe('fork pull requests', () => {
  /** The fork as the push refusal names it: head and base repositories, or undefined. */
  const fork = (context: RunContext): { head: string; base: string } | undefined =>
    context.pullRequest?.fromFork
      ? {
          head: context.pullRequest.headRepository ?? '(deleted fork)',
          base: context.pullRequest.baseRepository
        }
      : undefined

  test.each<[string, { head: string; base: string } | undefined]>([
    ['pull-request', undefined],
    ['pull-request-fork', { head: 'mallory/notebooks', base: 'acme/notebooks' }],
    ['pull-request-target', undefined],
    ['release', undefined],
    ['branch-push', undefined]
  ])('%s', (fixture, expected) => {
    expect(fork(loadEvent(fixture))).toEqual(expected)
  })

  const pullRequest = (head: unknown): RunContext =>
    readRunContext(
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/3/merge', GITHUB_SHA: SHA },
      {
        pull_request: { number: 3, head: { ref: 'x', repo: head } },
        repository: { full_name: 'acme/nb' }
      }
    )

  test('a pull request whose fork was deleted counts as a fork', () => {
    expect(fork(pullRequest(null))).toEqual({ head: '(deleted fork)', base: 'acme/nb' })
  })

  test('names are compared without case, as GitHub does', () => {
    expect(fork(pullRequest({ full_name: 'Acme/NB' }))).toBeUndefined()
  })
})

describe('pull request numbers and parsePayload', () => {
  test.each<[string, string, Record<string, unknown>, number | undefined]>([
    ['pull_request', 'refs/pull/12/merge', {}, 12],
    ['pull_request', 'refs/pull/12/head', {}, 12],
    ['pull_request_target', 'refs/heads/main', { number: 5 }, 5],
    ['pull_request', '', { pull_request: { number: 9 } }, 9],
    ['pull_request', '', { number: -1 }, undefined]
  ])('%s %j %j → %s', (name, ref, payload, number) => {
    const context = readRunContext({ GITHUB_EVENT_NAME: name, GITHUB_REF: ref }, payload)
    expect(context.pullRequest?.number).toBe(number)
  })

  test.each<[string, unknown]>([
    ['{"number": 3}', { number: 3 }],
    ['not json', {}],
    ['[1,2]', {}],
    ['null', {}]
  ])('parsePayload(%j)', (text, payload) => {
    expect(parsePayload(text)).toEqual(payload)
  })
})

describe('readEventPayload', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
  test.each<[string, string | undefined, () => Promise<Uint8Array>, unknown]>([
    ['no GITHUB_EVENT_PATH', undefined, async () => bytes('{"number":7}'), {}],
    ['a JSON object', '/event.json', async () => bytes('{"number":7}'), { number: 7 }],
    [
      'a file that cannot be read',
      '/event.json',
      async () => Promise.reject(new Error('ENOENT')),
      {}
    ],
    ['not JSON', '/event.json', async () => bytes('{'), {}],
    ['a JSON list', '/event.json', async () => bytes('[1]'), {}]
  ])('%s', async (_name, file, readFile, expected) => {
    const read: string[] = []
    const payload = await readEventPayload(
      (path) => {
        read.push(path)
        return readFile()
      },
      { GITHUB_EVENT_PATH: file }
    )
    expect(payload).toStrictEqual(expected)
    expect(read).toStrictEqual(file ? [file] : [])
  })
})

describe('readRunContext', () => {
  test('a pull request from a branch of the repository', () => {
    expect(readRunContext(ENV, pullRequestEvent('acme/notebooks'))).toEqual({
      eventName: 'pull_request',
      ref: 'refs/pull/7/merge',
      sha: 'f'.repeat(40),
      repository: 'acme/notebooks',
      owner: 'acme',
      repo: 'notebooks',
      repositoryId: 1296269,
      defaultBranch: 'main',
      cloneUrl: null,
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runUrl: 'https://github.com/acme/notebooks/actions/runs/42',
      pullRequest: {
        number: 7,
        baseRef: 'main',
        headRef: 'feature/x',
        headSha: null,
        headCloneUrl: null,
        headRepository: 'acme/notebooks',
        baseRepository: 'acme/notebooks',
        fromFork: false
      },
      release: null
    } satisfies RunContext)
  })

  test.each([
    ['a fork', 'stranger/notebooks', true],
    ['a deleted fork', null, true],
    ['the same repository', 'acme/notebooks', false],
    // GitHub ignores the case of names.
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

  test.each<[string, unknown, boolean]>([
    ['no payload', undefined, false],
    [
      'a payload of the wrong types',
      { pull_request: { number: '7', base: { ref: 1 } }, repository: [] },
      // A pull request whose head the payload does not name: the cautious reading.
      true
    ],
    ['a string', 'garbage', false]
  ])('%s: only what the ref says, not a crash', (_name, payload, fromFork) => {
    const context = readRunContext(ENV, payload)
    expect(context.pullRequest).toStrictEqual({
      number: 7,
      baseRef: null,
      headRef: null,
      headSha: null,
      headCloneUrl: null,
      headRepository: null,
      baseRepository: 'acme/notebooks',
      fromFork
    })
    expect(context.repositoryId).toBeNull()
  })

  test.each<[string, string, string, boolean]>([
    ['pull_request', 'refs/pull/7/merge', 'a pull request', true],
    ['pull_request_target', 'refs/heads/main', 'its base branch', true],
    // Reviews build the pull request's merge commit too: a pull request for the comment,
    // the tags and the fork rule alike.
    ['pull_request_review', 'refs/pull/7/merge', 'a review', true],
    ['pull_request_review_comment', 'refs/pull/7/merge', 'a review comment', true],
    ['push', 'refs/heads/feature/x', 'a push', false],
    ['issue_comment', 'refs/heads/main', 'a comment on it', false]
  ])('%s (%s, %s) is a pull-request run: %s', (event, ref, _what, expected) => {
    const context = readRunContext(
      { ...ENV, GITHUB_EVENT_NAME: event, GITHUB_REF: ref },
      pullRequestEvent('stranger/notebooks')
    )
    expect(context.pullRequest !== null).toBe(expected)
    if (expected) expect(context.pullRequest).toMatchObject({ number: 7, fromFork: true })
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
