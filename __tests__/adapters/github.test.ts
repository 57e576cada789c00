import { strToU8, unzipSync, strFromU8 } from 'fflate'
import net, { type AddressInfo } from 'node:net'
import { createGitHubApi, GitHubApiError, type GitHubApi } from '../../src/adapters/github.js'
import { githubDelay, type GitHubRetry } from '../../src/adapters/github-requests.js'
import { RecordingLogger } from '../helpers/fakes.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'

let server: GitHubApiServer
let delays: number[]
let logger: RecordingLogger

const policy = (): GitHubRetry => ({
  tries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  // Record the waits instead of sleeping: the tests check the policy, not the clock.
  sleep: async (ms) => {
    delays.push(ms)
  }
})

function api(token = 'ghs_write', apiUrl = server.url): GitHubApi {
  return createGitHubApi({
    token,
    apiUrl,
    owner: 'acme',
    repo: 'notebooks',
    logger,
    retry: policy()
  })
}

beforeAll(async () => {
  server = await GitHubApiServer.start()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  delays = []
  logger = new RecordingLogger()
  server.requests.length = 0
  server.faults.length = 0
})
afterEach(() => {
  server.expectNoViolations()
})

const calls = (): string[] =>
  server.requests.map(
    (r) => `${r.method} ${r.path}${r.query['page'] ? ` page=${r.query['page']}` : ''}`
  )

describe('comments', () => {
  test('lists every page of a pull request with 100 per page', async () => {
    server.addComments(11, 250)
    const comments = await api().listIssueComments(11)
    expect(comments).toHaveLength(250)
    expect(comments[249]).toMatchObject({
      body: 'Comment 250',
      user: { login: 'octocat', type: 'User' }
    })
    expect(calls()).toEqual([
      'GET /repos/acme/notebooks/issues/11/comments',
      'GET /repos/acme/notebooks/issues/11/comments page=2',
      'GET /repos/acme/notebooks/issues/11/comments page=3'
    ])
    expect(server.requests.every((r) => r.query['per_page'] === '100')).toBe(true)
    expect(server.requests[0]?.authorization).toBe('token ghs_write')
  })

  test('creates and updates, returning the id and the page URL', async () => {
    const created = await api().createIssueComment(12, 'first')
    expect(created).toMatchObject({
      body: 'first',
      htmlUrl: `https://github.com/acme/notebooks/pull/12#issuecomment-${created.id}`,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      authorAssociation: 'NONE'
    })
    const updated = await api().updateIssueComment(created.id, 'second')
    expect([updated.id, updated.body]).toEqual([created.id, 'second'])
    expect(server.commentsOf(12).map((c) => c.body)).toEqual(['second'])
  })

  test('403 is final: no retry, an error with the status', async () => {
    server.tokens.set('ghs_read', {
      issues: 'read',
      pullRequests: 'read',
      actions: 'read',
      user: 'bot'
    })
    const error = await api('ghs_read')
      .createIssueComment(12, 'x')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitHubApiError)
    expect(error).toMatchObject({ status: 403 })
    expect((error as Error).message).toContain('Resource not accessible by integration')
    expect(server.requests).toHaveLength(1)
    expect(delays).toEqual([])
  })
})

describe('retries', () => {
  test('5xx on a read is retried with exponential backoff', async () => {
    server.fail({ operationId: 'issues/list-comments', status: 502, times: 2 })
    expect(await api().listIssueComments(13)).toEqual([])
    expect(delays).toEqual([1000, 2000])
    expect(logger.lines.filter((l) => l.includes('retrying'))).toEqual([
      'info: GitHub API GET /repos/acme/notebooks/issues/13/comments answered 502; retrying in 1.0 s (retry 1 of 3)',
      'info: GitHub API GET /repos/acme/notebooks/issues/13/comments answered 502; retrying in 2.0 s (retry 2 of 3)'
    ])
  })

  test('gives up after three retries with the last status', async () => {
    server.fail({ operationId: 'actions/get-workflow-run', status: 503, times: 10 })
    const error = await api()
      .getWorkflowRun(1)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 503 })
    expect(server.requests).toHaveLength(4)
    expect(delays).toEqual([1000, 2000, 4000])
  })

  test('429 waits for retry-after', async () => {
    server.fail({
      operationId: 'issues/list-comments',
      status: 429,
      headers: { 'retry-after': '7' }
    })
    await api().listIssueComments(13)
    expect(delays).toEqual([7000])
  })

  test('a secondary rate limit (403 with retry-after) is retried, also for POST', async () => {
    server.fail({
      operationId: 'issues/create-comment',
      status: 403,
      headers: { 'retry-after': '2' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api'
      }
    })
    const created = await api().createIssueComment(14, 'x')
    expect(created.body).toBe('x')
    expect(delays).toEqual([2000])
    expect(server.commentsOf(14)).toHaveLength(1)
  })

  test('a POST is not retried on 5xx: it may have been created', async () => {
    server.fail({ operationId: 'issues/create-comment', status: 502 })
    const error = await api()
      .createIssueComment(15, 'x')
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 502 })
    expect(server.requests).toHaveLength(1)
  })

  test('a primary rate limit resetting beyond a minute fails at once', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600
    server.fail({
      operationId: 'issues/list-comments',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: {
        message: 'API rate limit exceeded for installation.',
        documentation_url: 'https://docs.github.com'
      }
    })
    const error = await api()
      .listIssueComments(13)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 403 })
    expect(delays).toEqual([])
  })

  test('no answer at all (the connection drops) is status null, after retries', async () => {
    // A listener that hangs up on every connection: no HTTP answer, deterministically.
    const dropper = net.createServer((socket) => socket.destroy())
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(dropper.address() as AddressInfo).port}`
    try {
      const error = await api('ghs_write', url)
        .listIssueComments(1)
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(GitHubApiError)
      expect(error).toMatchObject({ status: null })
      expect(delays).toEqual([1000, 2000, 4000])
    } finally {
      await new Promise((resolve) => dropper.close(resolve))
    }
  })
})

describe('githubDelay', () => {
  const p = { baseDelayMs: 1000, maxDelayMs: 60_000 }
  const now = 1_700_000_000_000
  const err = (status: number | undefined, headers: Record<string, string> = {}, message = '') => ({
    status,
    message,
    response: status === undefined ? undefined : { headers }
  })
  test.each<[string, unknown, string, number, number | null]>([
    ['500 GET, after the first attempt', err(500), 'GET', 1, 1000],
    ['500 GET, after the third attempt', err(500), 'GET', 3, 4000],
    ['502 PATCH', err(502), 'PATCH', 1, 1000],
    ['502 POST', err(502), 'POST', 1, null],
    ['no answer GET', err(undefined), 'GET', 2, 2000],
    ['404', err(404), 'GET', 1, null],
    ['422', err(422), 'POST', 1, null],
    [
      '403 without rate limit',
      err(403, {}, 'Resource not accessible by integration'),
      'GET',
      0,
      null
    ],
    ['429 retry-after 5', err(429, { 'retry-after': '5' }), 'POST', 1, 5000],
    ['429 without headers', err(429), 'GET', 2, 2000],
    ['403 retry-after 0', err(403, { 'retry-after': '0' }), 'GET', 1, 0],
    ['403 retry-after beyond the cap', err(403, { 'retry-after': '120' }), 'GET', 1, null],
    [
      '403 primary limit, reset in 30 s',
      err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) }),
      'GET',
      1,
      30_000
    ],
    [
      '403 secondary limit without headers waits a minute',
      err(403, {}, 'You have exceeded a secondary rate limit'),
      'GET',
      1,
      60_000
    ]
  ])('%s', (_name, error, method, attempt, expected) => {
    expect(githubDelay(method, p, () => now)(error, attempt)).toBe(expected)
  })
})

describe('artifacts and runs', () => {
  test('lists artifacts by name, newest first, at most the pages asked for', async () => {
    const run = server.addRun({ headBranch: 'main' })
    const ids = Array.from({ length: 250 }, () =>
      server.addArtifact({ name: 'paged-report', runId: run, files: { 'a.json': '{}' } })
    )
    const artifacts = await api().listArtifacts('paged-report', 2)
    expect(artifacts).toHaveLength(200)
    expect(artifacts[0]).toMatchObject({
      id: ids[249],
      name: 'paged-report',
      expired: false,
      workflowRun: { id: run, headBranch: 'main', repositoryId: 1296269, headRepositoryId: 1296269 }
    })
    expect(calls()).toEqual([
      'GET /repos/acme/notebooks/actions/artifacts',
      'GET /repos/acme/notebooks/actions/artifacts page=2'
    ])
    expect(server.requests[0]?.query).toEqual({ name: 'paged-report', per_page: '100' })
  })

  test('reads a run', async () => {
    const id = server.addRun({
      headBranch: 'main',
      event: 'push',
      conclusion: 'failure',
      fork: true
    })
    expect(await api().getWorkflowRun(id)).toEqual({
      id,
      event: 'push',
      status: 'completed',
      conclusion: 'failure',
      headBranch: 'main',
      headSha: server.runSha(id),
      htmlUrl: `https://github.com/acme/notebooks/actions/runs/${id}`,
      repositoryId: 1296269,
      headRepositoryId: 1296270
    })
  })

  test('downloads the zip through the redirect, without sending the token to blob storage', async () => {
    const run = server.addRun({ headBranch: 'main' })
    const id = server.addArtifact({
      name: 'nb-image-report',
      runId: run,
      files: { 'nb-image-report.json': '{"schemaVersion":1}' }
    })
    const zip = await api().downloadArtifact(id, 1_000_000)
    expect(strFromU8(unzipSync(zip)['nb-image-report.json'] ?? strToU8(''))).toBe(
      '{"schemaVersion":1}'
    )
    expect(server.blobRequests).toEqual(
      [{ path: `/artifacts/${id}.zip`, authorization: null }].map((r) => expect.objectContaining(r))
    )
  })

  test('an expired artifact answers 410', async () => {
    const run = server.addRun({ headBranch: 'main' })
    const id = server.addArtifact({
      name: 'old',
      runId: run,
      files: { 'a.json': '{}' },
      expired: true
    })
    await expect(api().downloadArtifact(id, 1_000_000)).rejects.toMatchObject({ status: 410 })
  })

  test('an archive larger than allowed is refused', async () => {
    const run = server.addRun({ headBranch: 'main' })
    const id = server.addArtifact({
      name: 'big',
      runId: run,
      files: { 'a.json': 'x'.repeat(5000) }
    })
    await expect(api().downloadArtifact(id, 10)).rejects.toThrow(/more than the 10 a report needs/)
  })

  test('finds the pull requests of a commit', async () => {
    server.addPull({ number: 21, baseRef: 'develop', headSha: 'c0ffee', state: 'open' })
    expect(await api().pullRequestsOfCommit('c0ffee')).toEqual([
      { number: 21, state: 'open', baseRef: 'develop', headSha: 'c0ffee' }
    ])
  })
})
