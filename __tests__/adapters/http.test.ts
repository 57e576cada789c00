// proxyAwareFetch routes as @actions/http-client does, shown through a logging forward proxy.
// Machine-independent: the proxied host is a name only the proxy resolves
// (registry.nb-image.test → 127.0.0.1), so a request that skipped the proxy cannot succeed.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { proxyAwareFetch, proxyFor } from '../../src/adapters/http.js'
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js'

const NAME = 'registry.nb-image.test'
const VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy']
let server: Server
let port = 0
let proxy: ForwardProxy
const saved = { ...process.env }
const seen: { url: string; proxyAuthorization?: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '' })
    res.writeHead(200, { 'docker-content-digest': 'sha256:abc' }).end(`seen ${req.url}`)
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  port = (server.address() as AddressInfo).port
  proxy = await startForwardProxy({ hosts: { [NAME]: '127.0.0.1' } })
})
afterAll(async () => {
  await proxy.close()
  await new Promise((done) => server.close(done))
})
beforeEach(() => {
  process.env = Object.fromEntries(
    Object.entries(saved).filter(([key]) => !VARIABLES.includes(key))
  )
  proxy.requests.length = 0
})
afterEach(() => {
  process.env = { ...saved }
})

test('with HTTP_PROXY set, a request goes through the proxy, headers and body intact', async () => {
  process.env['HTTP_PROXY'] = proxy.url
  const response = await proxyAwareFetch()(`http://${NAME}:${port}/v2/x/manifests/1`, {
    method: 'GET',
    headers: { accept: 'application/json' }
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('docker-content-digest')).toBe('sha256:abc')
  expect(await response.text()).toBe('seen /v2/x/manifests/1')
  expect(proxy.targets()).toEqual([`${NAME}:${port}`])
})

test.each([
  [NAME],
  [`${NAME}:PORT`], // PORT: the server's port, known only once it listens
  ['.nb-image.test'],
  ['nb-image.test'],
  ['other.test, NB-IMAGE.TEST'],
  ['*']
])('with NO_PROXY=%s the proxy is not used (the name then does not resolve)', async (noProxy) => {
  process.env['HTTP_PROXY'] = proxy.url
  process.env['NO_PROXY'] = noProxy.replace('PORT', String(port))
  await expect(proxyAwareFetch()(`http://${NAME}:${port}/v2/`)).rejects.toThrow()
  expect(proxy.requests).toEqual([])
})

test('lower-case variables win, and https_proxy is not used for http URLs', async () => {
  process.env['https_proxy'] = 'http://127.0.0.1:9' // would fail if used
  process.env['http_proxy'] = proxy.url
  process.env['HTTP_PROXY'] = 'http://127.0.0.1:9'
  expect((await proxyAwareFetch()(`http://${NAME}:${port}/`)).status).toBe(200)
  expect(proxy.targets()).toEqual([`${NAME}:${port}`])
})

test('loopback addresses are always direct, as on the runner', async () => {
  process.env['HTTP_PROXY'] = proxy.url
  for (const host of ['127.0.0.1', 'localhost']) {
    expect((await proxyAwareFetch()(`http://${host}:${port}/`)).status).toBe(200)
  }
  expect(proxy.requests).toEqual([])
})

test('no proxy variables: direct', async () => {
  expect((await proxyAwareFetch()(`http://127.0.0.1:${port}/`)).status).toBe(200)
  await expect(proxyAwareFetch()(`http://${NAME}:${port}/`)).rejects.toThrow()
  expect(proxy.requests).toEqual([])
})

test('proxyFor names the proxy of a URL, without its credentials', () => {
  process.env['HTTPS_PROXY'] = 'http://user:s3cret@proxy.corp:3128'
  process.env['NO_PROXY'] = 'internal.corp'
  expect(proxyFor('https://ghcr.io/v2/')).toBe('http://proxy.corp:3128')
  expect(proxyFor('https://registry.internal.corp/v2/')).toBe('')
  expect(proxyFor('http://ghcr.io/v2/')).toBe('')
})
