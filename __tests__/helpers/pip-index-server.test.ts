// The index is only worth its checks if it speaks the simple API as pip reads it and
// refuses what a private index would. These run on 127.0.0.1 and need no Docker; the
// end-to-end tests run real pip against it on the bridge gateway.
import { createHash } from 'node:crypto'
import { PipIndexServer } from './pip-index-server.js'
import { pipFixtureWheels } from './pip-packages.js'
import { buildWheel } from './wheel-builder.js'

const PASSWORD = 'pw-Never-Logged-7'
let open: PipIndexServer
let locked: PipIndexServer

beforeAll(async () => {
  open = new PipIndexServer(pipFixtureWheels())
  locked = new PipIndexServer(pipFixtureWheels(), {
    auth: { username: 'alice', password: PASSWORD },
    metadata: 'both'
  })
  await open.start('127.0.0.1')
  await locked.start('127.0.0.1')
})
afterAll(async () => {
  await open.stop()
  await locked.stop()
})

async function get(
  server: PipIndexServer,
  path: string,
  auth?: string
): Promise<{ status: number; text: string; bytes: Buffer; location: string | null }> {
  const base = server.url().replace(/\/simple\/$/, '')
  const response = await fetch(`${base}${path}`, {
    redirect: 'manual',
    ...(auth ? { headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}` } } : {})
  })
  const bytes = Buffer.from(await response.arrayBuffer())
  return {
    status: response.status,
    text: bytes.toString('utf8'),
    bytes,
    location: response.headers.get('location')
  }
}

test('the root page lists every project by its normal name', async () => {
  const { status, text } = await get(open, '/simple/')
  expect(status).toBe(200)
  const projects = [...text.matchAll(/<a href="([^"]+)\/">/g)].map((m) => m[1])
  expect(projects).toEqual([
    'nbt-config',
    'nbt-core',
    'nbt-grpc',
    'nbt-k8s',
    'nbt-plot',
    'nbt-runner',
    'nbt-serve',
    'nbt-tiny',
    'nbt-train'
  ])
})

test('a project page links each file with its sha256, which the file matches', async () => {
  const { status, text } = await get(open, '/simple/nbt-config/')
  expect(status).toBe(200)
  const links = [...text.matchAll(/<a href="([^"#]+)#sha256=([0-9a-f]{64})"([^>]*)>/g)]
  expect(links.map((m) => m[1])).toEqual([
    '../../files/nbt_config-1.0.0-py3-none-any.whl',
    '../../files/nbt_config-1.1.0-py3-none-any.whl',
    '../../files/nbt_config-1.2.0-py3-none-any.whl'
  ])
  for (const [, href = '', sha256] of links) {
    const file = await get(open, href.replace('../..', ''))
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(sha256)
  }
  // Python-version and PEP 714 metadata attributes, HTML-escaped.
  expect(links[2]?.[3]).toContain('data-requires-python="&gt;=3.12"')
  expect(links[0]?.[3]).toMatch(/data-core-metadata="sha256=[0-9a-f]{64}"/)
  expect(links[0]?.[3]).not.toContain('data-dist-info-metadata')
})

test('non-normal project names redirect to the normal form; unknown ones are 404', async () => {
  expect(await get(open, '/simple/NBT_Plot/')).toMatchObject({
    status: 301,
    location: '/simple/nbt-plot/'
  })
  expect(await get(open, '/simple/nbt-plot')).toMatchObject({
    status: 301,
    location: '/simple/nbt-plot/'
  })
  expect((await get(open, '/simple/nbt-nope/')).status).toBe(404)
  expect((await get(open, '/files/nbt_nope-1.0.0-py3-none-any.whl')).status).toBe(404)
})

test('metadata files are served as announced', async () => {
  const page = (await get(locked, '/simple/nbt-core/', `alice:${PASSWORD}`)).text
  const digest = /data-dist-info-metadata="sha256=([0-9a-f]{64})"/.exec(page)?.[1]
  const metadata = await get(
    locked,
    '/files/nbt_core-1.0.0-py3-none-any.whl.metadata',
    `alice:${PASSWORD}`
  )
  expect(metadata.text).toMatch(/^Metadata-Version: 2.1\nName: nbt-core\nVersion: 1.0.0\n/)
  expect(createHash('sha256').update(metadata.bytes).digest('hex')).toBe(digest)
  const none = new PipIndexServer(pipFixtureWheels().slice(0, 1), { metadata: 'none' })
  await none.start('127.0.0.1')
  try {
    expect((await get(none, '/simple/nbt-core/')).text).not.toContain('metadata')
    expect((await get(none, '/files/nbt_core-1.0.0-py3-none-any.whl.metadata')).status).toBe(404)
  } finally {
    await none.stop()
  }
})

test('a locked index wants the right Basic credentials and logs the user, never the password', async () => {
  locked.requests.length = 0
  expect((await get(locked, '/simple/')).status).toBe(401)
  expect((await get(locked, '/simple/', 'alice:wrong')).status).toBe(401)
  expect((await get(locked, '/simple/', `alice:${PASSWORD}`)).status).toBe(200)
  expect(locked.requests.map((r) => [r.status, r.user])).toEqual([
    [401, undefined],
    [401, 'alice'],
    [200, 'alice']
  ])
  expect(JSON.stringify(locked.requests)).not.toContain(PASSWORD)
  expect(locked.url(true)).toMatch(
    new RegExp(`^http://alice:${PASSWORD}@127\\.0\\.0\\.1:\\d+/simple/$`)
  )
  expect(locked.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/simple\/$/)
})

test('faults: a failing index answers every request with the status it is given', async () => {
  open.failWith = 503
  try {
    expect((await get(open, '/simple/nbt-core/')).status).toBe(503)
  } finally {
    open.failWith = undefined
  }
  expect((await get(open, '/simple/nbt-core/')).status).toBe(200)
})

test('downloads() lists the files fetched, in order', async () => {
  open.requests.length = 0
  await get(open, '/simple/nbt-tiny/')
  await get(open, '/files/nbt_tiny-1.0.0-py3-none-any.whl')
  await get(open, '/files/nbt_tiny-9.9.9-py3-none-any.whl')
  expect(open.downloads()).toEqual(['nbt_tiny-1.0.0-py3-none-any.whl'])
})

test('a release added later is served, and a duplicate is refused', async () => {
  expect((await get(open, '/simple/nbt-late/')).status).toBe(404)
  open.add(buildWheel({ name: 'nbt-late', version: '0.1.0', payloadBytes: 10 }))
  expect((await get(open, '/simple/nbt-late/')).text).toContain('nbt_late-0.1.0-py3-none-any.whl')
  const [first] = pipFixtureWheels()
  if (!first) throw new Error('no fixture wheels')
  expect(() => open.add(first)).toThrow(/already served/)
})
