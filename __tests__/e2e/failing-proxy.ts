// A tiny HTTP proxy in front of the real registry that answers the first N requests with
// 500, then passes everything through: a registry that fails and recovers.
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The proxy: where it listens, and how many requests it failed and passed. */
export interface FailingProxy {
  host: string
  failed: number
  passed: number
  close(): Promise<void>
}

/** Starts a proxy on 127.0.0.1 to `target` (host:port) that fails the first `failFirst` requests. */
export async function startFailingProxy(target: string, failFirst: number): Promise<FailingProxy> {
  const [targetHost = '127.0.0.1', targetPort = '80'] = target.split(':')
  let remaining = failFirst
  let host = ''
  const proxy: FailingProxy = { host: '', failed: 0, passed: 0, close: async () => undefined }
  const server: Server = createServer((incoming, outgoing) => {
    if (remaining > 0) {
      remaining--
      proxy.failed++
      incoming.resume()
      outgoing
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"UNKNOWN","message":"injected by the test proxy"}]}')
      return
    }
    proxy.passed++
    const upstream = request(
      {
        host: targetHost,
        port: Number(targetPort),
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target }
      },
      (response) => {
        const headers = { ...response.headers }
        // Upload locations point at the registry; keep the client talking to the proxy.
        if (typeof headers.location === 'string') {
          headers.location = headers.location.replace(target, host)
        }
        outgoing.writeHead(response.statusCode ?? 502, headers)
        response.pipe(outgoing)
      }
    )
    upstream.on('error', (error) => outgoing.writeHead(502).end(String(error)))
    incoming.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  proxy.host = host
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return proxy
}
