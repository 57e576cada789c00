// A PEP 503 "simple" package index the tests serve themselves, for pip running inside
// build containers. node:http is all it needs: the simple API is two HTML pages and
// static files.
//
// Where it listens: on the default bridge's gateway (bridgeGateway(), 172.17.0.1 here),
// the host's address on docker0. Build containers and `docker run` containers on the
// bridge reach it there; nothing outside this machine does, unlike 0.0.0.0 which would
// also listen on the machine's external interface. Port 0 lets parallel test files each
// have their own index.
import { spawnSync } from 'node:child_process'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash, timingSafeEqual } from 'node:crypto'
import { normalizeName, type Wheel } from './wheel-builder.js'

/** One request the index answered, in order. Never holds a password. */
export interface IndexRequest {
  method: string
  path: string
  status: number
  /** The Basic-auth user name sent, if any (whether or not it was right). */
  user?: string
  remoteAddress: string
  /** pip puts its version, Python's and the CI flag here. */
  userAgent: string
}

/** How the index behaves. */
export interface PipIndexOptions {
  /** Ask every request for these Basic credentials (401 otherwise). */
  auth?: { username: string; password: string }
  /**
   * Whether to serve `<wheel>.metadata` (PEP 658) and under which attribute:
   * - `core` (default): `data-core-metadata` only, PEP 714's name. pip ≥ 23.3 resolves
   *   from the metadata files; bookworm's pip 23.0.1 does not know the name and
   *   downloads whole wheels to resolve, as from an index without metadata.
   * - `both`: also PEP 658's `data-dist-info-metadata`, which pip 22.3-23.2 use. Their
   *   check compares the requirement's spelling with the metadata's Name unnormalised
   *   (pip 23.0.1 operations/prepare.py: `metadata_dist.raw_name != req.req.name`), so
   *   `nbt-plot` is refused ("has inconsistent Name: expected 'nbt-plot', but metadata
   *   has 'NBT_Plot'") where `NBT_Plot` or `nbt_plot`… would not be: PEP 714's reason.
   * - `none`: no metadata files, like many private indexes.
   */
  metadata?: 'core' | 'both' | 'none'
}

/** Finds the default bridge's gateway, where containers reach the host. */
export function bridgeGateway(): string {
  const result = spawnSync(
    'docker',
    ['network', 'inspect', 'bridge', '--format', '{{range .IPAM.Config}}{{.Gateway}} {{end}}'],
    { encoding: 'utf8' }
  )
  const gateway = result.stdout.split(/\s+/).find((address) => /^\d+\.\d+\.\d+\.\d+$/.test(address))
  if (result.status !== 0 || !gateway)
    throw new Error(`no IPv4 gateway on the default bridge: ${result.stderr || result.stdout}`)
  return gateway
}

/** A package index serving the given wheels under `/simple/` and `/files/`. */
export class PipIndexServer {
  /** Every request so far, to prove which index pip used and what it fetched. */
  readonly requests: IndexRequest[] = []
  /** Answer every request with this status instead (e.g. 503), when set. */
  failWith: number | undefined
  /** Accept connections but never answer, when set: pip's timeout path. */
  hang = false
  /** Sees each request as it is answered (the standalone driver prints them). */
  onRequest: ((request: IndexRequest) => void) | undefined
  private readonly projects = new Map<string, Wheel[]>()
  private readonly files = new Map<string, Wheel>()
  private server: Server | undefined
  private address = ''

  constructor(
    wheels: Wheel[],
    readonly options: PipIndexOptions = {}
  ) {
    for (const wheel of wheels) this.add(wheel)
  }

  /** Publishes one more wheel (a test can add a release between two runs). */
  add(wheel: Wheel): void {
    if (this.files.has(wheel.filename)) throw new Error(`${wheel.filename} is already served`)
    this.files.set(wheel.filename, wheel)
    this.projects.set(wheel.project, [...(this.projects.get(wheel.project) ?? []), wheel])
  }

  /** Listens on `host` (default: the bridge gateway) and returns `http://host:port`. */
  async start(host = bridgeGateway(), port = 0): Promise<string> {
    this.server = createServer((request, response) => this.handle(request, response))
    // A hung index must not keep the test process alive after stop().
    this.server.keepAliveTimeout = 1000
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject)
      this.server?.listen(port, host, resolve)
    })
    const address = this.server.address() as AddressInfo
    this.address = `${address.address}:${address.port}`
    return `http://${this.address}`
  }

  /** The index URL to give pip, with the credentials in it when `withCredentials`. */
  url(withCredentials = false): string {
    if (!this.address) throw new Error('the index is not started')
    const auth = this.options.auth
    const userinfo =
      withCredentials && auth
        ? `${encodeURIComponent(auth.username)}:${encodeURIComponent(auth.password)}@`
        : ''
    return `http://${userinfo}${this.address}/simple/`
  }

  /** `host` for pip's trusted-host (plain HTTP to something other than localhost). */
  get trustedHost(): string {
    return this.address.replace(/:\d+$/, '')
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    this.server = undefined
  }

  /** The requests for files (wheels and metadata), i.e. what pip downloaded. */
  downloads(): string[] {
    return this.requests
      .filter((request) => request.path.startsWith('/files/') && request.status === 200)
      .map((request) => decodeURIComponent(request.path.slice('/files/'.length)))
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    if (this.hang) return
    const path = new URL(request.url ?? '/', 'http://index').pathname
    const header = request.headers.authorization ?? ''
    const basic = /^Basic (.+)$/i.exec(header)?.[1]
    const [user] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : []
    const answer = (status: number, headers: Record<string, string>, body?: Buffer): void => {
      const seen: IndexRequest = {
        method: request.method ?? '',
        path,
        status,
        ...(user !== undefined ? { user } : {}),
        remoteAddress: request.socket.remoteAddress ?? '',
        userAgent: request.headers['user-agent'] ?? ''
      }
      this.requests.push(seen)
      this.onRequest?.(seen)
      response.writeHead(status, {
        ...headers,
        ...(body ? { 'content-length': String(body.length) } : {})
      })
      response.end(request.method === 'HEAD' ? undefined : body)
    }
    if (this.failWith !== undefined) return answer(this.failWith, {}, Buffer.from('failing\n'))
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return answer(405, { allow: 'GET, HEAD' })
    if (!this.authorized(header))
      return answer(401, { 'www-authenticate': 'Basic realm="nb-image test index"' })

    if (path === '/simple/') return answer(200, PAGE, this.rootPage())
    const project = /^\/simple\/([^/]+)\/?$/.exec(path)?.[1]
    if (project !== undefined) {
      const name = normalizeName(decodeURIComponent(project))
      // PEP 503: non-normalised names may be redirected to the normal form.
      if (name !== project || !path.endsWith('/'))
        return answer(301, { location: `/simple/${name}/` })
      const wheels = this.projects.get(name)
      return wheels
        ? answer(200, PAGE, this.projectPage(name, wheels))
        : answer(404, TEXT, NOT_FOUND)
    }
    const file = /^\/files\/([^/]+)$/.exec(path)?.[1]
    if (file !== undefined) {
      const name = decodeURIComponent(file)
      const wheel = this.files.get(name.replace(/\.metadata$/, ''))
      if (wheel && name.endsWith('.metadata') && this.metadataMode !== 'none')
        return answer(200, { ...TEXT, ...FILE_CACHING }, wheel.metadata)
      if (wheel && name === wheel.filename) {
        const headers = { 'content-type': 'application/octet-stream', etag: `"${wheel.sha256}"` }
        return answer(200, { ...headers, ...FILE_CACHING }, wheel.bytes)
      }
    }
    return answer(404, TEXT, NOT_FOUND)
  }

  private get metadataMode(): 'core' | 'both' | 'none' {
    return this.options.metadata ?? 'core'
  }

  private authorized(header: string): boolean {
    const auth = this.options.auth
    if (!auth) return true
    const expected = Buffer.from(
      `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
    )
    const given = Buffer.from(header)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  private rootPage(): Buffer {
    const links = [...this.projects.keys()]
      .sort()
      .map((name) => `<a href="${name}/">${name}</a><br/>`)
    return page('Simple index', links)
  }

  private projectPage(name: string, wheels: Wheel[]): Buffer {
    const links = wheels.map((wheel) => {
      const attributes = [`href="../../files/${wheel.filename}#sha256=${wheel.sha256}"`]
      if (wheel.spec.requiresPython)
        attributes.push(`data-requires-python="${escapeHtml(wheel.spec.requiresPython)}"`)
      if (this.metadataMode !== 'none') {
        const digest = `sha256=${createHash('sha256').update(wheel.metadata).digest('hex')}`
        attributes.push(`data-core-metadata="${digest}"`)
        if (this.metadataMode === 'both') attributes.push(`data-dist-info-metadata="${digest}"`)
      }
      return `<a ${attributes.join(' ')}>${wheel.filename}</a><br/>`
    })
    return page(`Links for ${name}`, links)
  }
}

// As PyPI answers: files never change, so pip's HTTP cache keeps them (a resolution and the
// download after it then fetch each wheel once); pip asks for index pages with max-age=0.
const PAGE = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'max-age=600, public' }
const FILE_CACHING = { 'cache-control': 'max-age=365000000, immutable, public' }
const TEXT = { 'content-type': 'text/plain; charset=utf-8' }
const NOT_FOUND = Buffer.from('not found\n')

function page(title: string, links: string[]): Buffer {
  return Buffer.from(
    `<!DOCTYPE html>\n<html><head><meta name="pypi:repository-version" content="1.0"><title>${title}</title></head><body>\n<h1>${title}</h1>\n${links.join('\n')}\n</body></html>\n`
  )
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
