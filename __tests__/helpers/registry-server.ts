import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sha256Digest } from '../../src/image/oci.js'

/** How the fake registry asks for credentials. */
export type FakeAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; username?: string; password?: string; refreshToken?: string }

/** One request the fake registry saw. */
export interface SeenRequest {
  method: string
  url: string
  authorization?: string
  body?: string
}

/**
 * A registry on 127.0.0.1 that serves manifests the test puts in it, speaking the parts of
 * the distribution API (and Docker's token auth) that src/adapters/registry.ts uses.
 */
export class FakeRegistryServer {
  readonly requests: SeenRequest[] = []
  /** `<name>/<tag or digest>` → manifest bytes and media type. */
  private readonly manifests = new Map<string, { bytes: Uint8Array; mediaType: string }>()
  /** Answer this many requests with 500 before serving. */
  failFirst = 0
  /** Leave out Docker-Content-Digest, as some registries do on GET. */
  omitDigestHeader = false
  private server: Server | undefined

  constructor(readonly auth: FakeAuth = { kind: 'none' }) {}

  /** Stores a manifest under its digest and, if given, a tag; returns its digest. */
  put(name: string, document: unknown, mediaType: string, tag?: string): string {
    const bytes =
      document instanceof Uint8Array ? document : new TextEncoder().encode(JSON.stringify(document))
    const digest = sha256Digest(bytes)
    this.manifests.set(`${name}/${digest}`, { bytes, mediaType })
    if (tag) this.manifests.set(`${name}/${tag}`, { bytes, mediaType })
    return digest
  }

  /** Serves bytes that do not match the digest they are stored under. */
  putCorrupt(name: string, ref: string, bytes: Uint8Array, mediaType: string): void {
    this.manifests.set(`${name}/${ref}`, { bytes, mediaType })
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response))
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = ''
    for await (const chunk of request) body += String(chunk)
    const seen: SeenRequest = { method: request.method ?? '', url: request.url ?? '' }
    if (request.headers.authorization) seen.authorization = request.headers.authorization
    if (body) seen.body = body
    this.requests.push(seen)
    if (this.failFirst > 0) {
      this.failFirst--
      response.writeHead(500, 'Internal Server Error').end('{"errors":[{"code":"UNKNOWN"}]}')
      return
    }
    const url = new URL(request.url ?? '/', 'http://registry')
    if (url.pathname === '/token') return this.token(request, response, url, body)
    if (!this.authorized(request)) {
      const challenge =
        this.auth.kind === 'basic'
          ? 'Basic realm="fake"'
          : `Bearer realm="http://${request.headers.host}/token",service="fake-registry",scope="repository:${/^\/v2\/(.+)\/manifests\//.exec(url.pathname)?.[1] ?? ''}:pull"`
      response.writeHead(401, { 'www-authenticate': challenge }).end()
      return
    }
    const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname)
    const found = match ? this.manifests.get(`${match[1]}/${match[2]}`) : undefined
    if (!found) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}')
      return
    }
    const headers: Record<string, string> = {
      'content-type': found.mediaType,
      'content-length': String(found.bytes.length)
    }
    if (!this.omitDigestHeader || request.method === 'HEAD')
      headers['docker-content-digest'] = sha256Digest(found.bytes)
    response.writeHead(200, headers)
    response.end(request.method === 'HEAD' ? undefined : found.bytes)
  }

  private authorized(request: IncomingMessage): boolean {
    const header = request.headers.authorization ?? ''
    if (this.auth.kind === 'none') return true
    if (this.auth.kind === 'basic') {
      return (
        header ===
        `Basic ${Buffer.from(`${this.auth.username}:${this.auth.password}`).toString('base64')}`
      )
    }
    return header === 'Bearer fake-token'
  }

  private token(request: IncomingMessage, response: ServerResponse, url: URL, body: string): void {
    if (this.auth.kind !== 'bearer') {
      response.writeHead(404).end()
      return
    }
    const { username, password, refreshToken } = this.auth
    const basicOk =
      username === undefined ||
      request.headers.authorization ===
        `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`
    const refreshOk =
      refreshToken !== undefined && new URLSearchParams(body).get('refresh_token') === refreshToken
    const scopeOk = (
      url.searchParams.get('scope') ??
      new URLSearchParams(body).get('scope') ??
      ''
    ).startsWith('repository:')
    if ((refreshToken !== undefined ? refreshOk : basicOk) && scopeOk) {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ token: 'fake-token' }))
    } else {
      response.writeHead(401, 'Unauthorized').end()
    }
  }
}
