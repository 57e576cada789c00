// A logging forward proxy for tests: plain-HTTP requests in absolute-URI form
// (`GET http://host:port/path`) are relayed, CONNECT tunnels (what undici's ProxyAgent and
// http-client's tunnel send for every target, http and https alike) are spliced. Every
// request is logged as `host:port`, and the local port of every connection it opened
// upstream is kept, so a server can tell the connections that came through the proxy from
// the ones that did not.
//
// `hosts` maps names to addresses, so a test can use a name only the proxy resolves.
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

/** One request the proxy relayed. */
export interface ProxiedRequest {
  /** `CONNECT` or the HTTP method of an absolute-URI request. */
  method: string
  /** `host:port` as the client asked for it (before any `hosts` mapping). */
  target: string
}

/** A running proxy. */
export interface ForwardProxy {
  /** `http://127.0.0.1:<port>`, for HTTP_PROXY / HTTPS_PROXY. */
  url: string
  port: number
  requests: ProxiedRequest[]
  /** Local ports of the connections the proxy opened to servers. */
  upstreamPorts: Set<number>
  /** Targets seen, without duplicates, in order. */
  targets(): string[]
  close(): Promise<void>
}

/** Starts a forward proxy on 127.0.0.1 and a free port. */
export async function startForwardProxy(
  options: { hosts?: Record<string, string> } = {}
): Promise<ForwardProxy> {
  const requests: ProxiedRequest[] = []
  const upstreamPorts = new Set<number>()
  const sockets = new Set<Socket>()
  const resolve = (host: string): string => options.hosts?.[host.toLowerCase()] ?? host
  const track = (socket: Socket): void => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  }

  const server: Server = createServer((incoming, outgoing) => {
    let target: URL
    try {
      target = new URL(incoming.url ?? '')
    } catch {
      outgoing.writeHead(400).end('absolute URI required\n')
      return
    }
    const port = Number(target.port || 80)
    requests.push({ method: incoming.method ?? 'GET', target: `${target.hostname}:${port}` })
    const headers = { ...incoming.headers }
    delete headers['proxy-connection']
    delete headers['proxy-authorization']
    const upstream = request(
      {
        host: resolve(target.hostname.replace(/^\[|\]$/g, '')),
        port,
        method: incoming.method,
        path: `${target.pathname}${target.search}`,
        headers,
        agent: false
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers)
        response.pipe(outgoing)
      }
    )
    upstream.on('socket', (socket) => {
      socket.on('connect', () => {
        if (socket.localPort) upstreamPorts.add(socket.localPort)
      })
    })
    upstream.on('error', (error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502)
      outgoing.end(`proxy: ${error.message}\n`)
    })
    incoming.pipe(upstream)
  })

  server.on('connect', (incoming: IncomingMessage, client: Socket, head: Buffer) => {
    const authority = incoming.url ?? ''
    const colon = authority.lastIndexOf(':')
    const host = authority.slice(0, colon).replace(/^\[|\]$/g, '')
    const port = Number(authority.slice(colon + 1))
    requests.push({ method: 'CONNECT', target: authority })
    track(client)
    const upstream = connect(port, resolve(host), () => {
      if (upstream.localPort) upstreamPorts.add(upstream.localPort)
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    track(upstream)
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'))
    client.on('error', () => upstream.destroy())
  })

  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    upstreamPorts,
    targets: () => [...new Set(requests.map((r) => r.target))],
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy()
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
