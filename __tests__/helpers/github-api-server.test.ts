// The fake is only worth its checks if it refuses what GitHub would: these tests send it
// requests that break the OpenAPI description and expect each to be caught.
import { GitHubApiServer } from './github-api-server.js'

let server: GitHubApiServer

beforeAll(async () => {
  server = await GitHubApiServer.start()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.violations.length = 0
})

async function call(
  method: string,
  path: string,
  body?: unknown,
  token = 'ghs_write'
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) })
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers
  }
}

test.each([
  [
    'GET',
    '/repos/acme/notebooks/issues/7/commentz',
    undefined,
    "not in GitHub's OpenAPI description"
  ],
  [
    'DELETE',
    '/repos/acme/notebooks/issues/7/comments',
    undefined,
    "not in GitHub's OpenAPI description"
  ],
  [
    'GET',
    '/repos/acme/notebooks/issues/7/comments?perpage=100',
    undefined,
    'query parameter perpage is not in the description'
  ],
  [
    'GET',
    '/repos/acme/notebooks/issues/7/comments?per_page=many',
    undefined,
    'query parameter per_page=many'
  ],
  [
    'GET',
    '/repos/acme/notebooks/issues/seven/comments',
    undefined,
    'path parameter issue_number=seven'
  ],
  [
    'POST',
    '/repos/acme/notebooks/issues/7/comments',
    { text: 'hi' },
    "body: (root) must have required property 'body' (body)"
  ],
  ['POST', '/repos/acme/notebooks/issues/7/comments', { body: 42 }, 'body: /body must be string'],
  [
    'POST',
    '/repos/acme/notebooks/issues/7/comments',
    undefined,
    'the required JSON body is missing'
  ],
  [
    'DELETE',
    '/repos/acme/notebooks/issues/comments/1',
    { x: 1 },
    'a body was sent to an operation that takes none'
  ]
])('%s %s is a violation', async (method, path, body, message) => {
  await call(method, path, body)
  expect(server.violations).toHaveLength(1)
  expect(server.violations[0]).toContain(message)
})

test('a valid request is no violation, and answers are checked against the description', async () => {
  const created = await call('POST', '/repos/acme/notebooks/issues/7/comments', { body: 'hi' })
  expect(created.status).toBe(201)
  expect(created.body).toMatchObject({
    body: 'hi',
    user: { login: 'github-actions[bot]', type: 'Bot' }
  })
  expect(server.violations).toEqual([])
})

test('unknown tokens get 401, read-only ones 403 on writes', async () => {
  server.tokens.set('ghs_read', {
    issues: 'read',
    pullRequests: 'read',
    actions: 'read',
    user: 'bot'
  })
  expect(
    (await call('GET', '/repos/acme/notebooks/issues/7/comments', undefined, 'nope')).status
  ).toBe(401)
  const denied = await call(
    'POST',
    '/repos/acme/notebooks/issues/7/comments',
    { body: 'x' },
    'ghs_read'
  )
  expect(denied.status).toBe(403)
  expect(denied.body).toMatchObject({ message: 'Resource not accessible by integration' })
  expect(server.violations).toEqual([])
})

test('bodies over 65,536 characters are refused like GitHub does', async () => {
  const answer = await call('POST', '/repos/acme/notebooks/issues/7/comments', {
    body: '🚀'.repeat(65_537)
  })
  expect(answer.status).toBe(422)
  expect(JSON.stringify(answer.body)).toContain('body is too long (maximum is 65536 characters)')
  // Characters, not UTF-16 units: 65,536 rockets fit.
  const fits = await call('POST', '/repos/acme/notebooks/issues/7/comments', {
    body: '🚀'.repeat(65_536)
  })
  expect(fits.status).toBe(201)
})

test('lists page with Link headers', async () => {
  server.addComments(8, 150)
  const first = await call('GET', '/repos/acme/notebooks/issues/8/comments?per_page=100')
  expect((first.body as unknown[]).length).toBe(100)
  expect(first.headers.get('link')).toBe(
    `<${server.url}/repos/acme/notebooks/issues/8/comments?per_page=100&page=2>; rel="next", <${server.url}/repos/acme/notebooks/issues/8/comments?per_page=100&page=2>; rel="last"`
  )
  const second = await call('GET', '/repos/acme/notebooks/issues/8/comments?per_page=100&page=2')
  expect((second.body as unknown[]).length).toBe(50)
  expect(server.violations).toEqual([])
})

test('faults answer the matching operation, the given number of times', async () => {
  server.fail({
    operationId: 'issues/list-comments',
    status: 429,
    headers: { 'retry-after': '3' },
    times: 2
  })
  const answers = []
  for (let i = 0; i < 3; i++)
    answers.push(await call('GET', '/repos/acme/notebooks/issues/9/comments'))
  expect(answers.map((a) => a.status)).toEqual([429, 429, 200])
  expect(answers[0]?.headers.get('retry-after')).toBe('3')
})
