// A local stand-in for the Actions results service and its blob storage, the two services
// @actions/artifact uploads to (ACTIONS_RESULTS_URL with the job's ACTIONS_RUNTIME_TOKEN):
// Twirp JSON calls CreateArtifact and FinalizeArtifact, and between them Azure block-blob
// uploads (Put Block, Put Block List) to the signed URL CreateArtifact handed out. A
// finalized upload becomes an artifact of the run in the fake GitHub API, so a later
// pull-request run finds it through the REST API as it would on GitHub.
//
// Every call is checked: the bearer token, the backend IDs it carries, the artifact name,
// the protocol version, the uploaded size and the SHA-256 the client reports. Problems are
// recorded as violations, like the API fake does.
import { createHash, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { GitHubApiServer } from './github-api-server.js'

const SERVICE = '/twirp/github.actions.results.api.v1.ArtifactService/'

interface Upload {
  runId: number
  name: string
  sig: string
  blocks: Map<string, Buffer>
  blob: Buffer | null
  finalized: boolean
}

/** The results service of one fake GitHub; one runtime token per workflow run. */
export class ActionsResultsServer {
  readonly violations: string[] = []
  readonly calls: string[] = []
  private readonly runs = new Map<string, number>()
  private readonly uploads = new Map<string, Upload>()

  /** The client port of every connection the service accepted, in order. */
  readonly connections: number[] = []

  private constructor(
    private readonly server: http.Server,
    private readonly github: GitHubApiServer,
    private readonly host: string
  ) {}

  /** Starts on a free loopback port; `host` is the name its URLs use (127.0.0.1 by default). */
  static async start(
    github: GitHubApiServer,
    options: { host?: string } = {}
  ): Promise<ActionsResultsServer> {
    const server = http.createServer()
    const results = new ActionsResultsServer(server, github, options.host ?? '127.0.0.1')
    server.on('request', (request, response) => void results.handle(request, response))
    server.on('connection', (socket) => results.connections.push(socket.remotePort ?? 0))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return results
  }

  /** ACTIONS_RESULTS_URL for the action. */
  get url(): string {
    return `http://${this.host}:${(this.server.address() as AddressInfo).port}/`
  }

  /** `host:port` as the action addresses the service. */
  get hostPort(): string {
    return `${this.host}:${(this.server.address() as AddressInfo).port}`
  }

  /**
   * The ACTIONS_RUNTIME_TOKEN of a job of `runId`: a JWT whose `scp` claim carries the run's
   * and job's backend IDs, as the runner's does (unsigned: only the service reads it).
   */
  runtimeToken(runId: number): string {
    const runBackendId = `run-${randomBytes(6).toString('hex')}`
    const jobBackendId = `job-${randomBytes(6).toString('hex')}`
    this.runs.set(`${runBackendId}:${jobBackendId}`, runId)
    const encode = (value: object): string =>
      Buffer.from(JSON.stringify(value)).toString('base64url')
    return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
      scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`
    })}.`
  }

  expectNoViolations(): void {
    expect(this.violations).toEqual([])
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async handle(
    request: http.IncomingMessage,
    response: http.ServerResponse
  ): Promise<void> {
    const url = new URL(request.url ?? '/', this.url)
    const body = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = []
      request.on('data', (chunk: Buffer) => chunks.push(chunk))
      request.on('end', () => resolve(Buffer.concat(chunks)))
      request.on('error', reject)
    })
    const reply = (status: number, value: unknown, headers: Record<string, string> = {}): void => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers })
      response.end(value === undefined ? '' : JSON.stringify(value))
    }
    try {
      if (request.method === 'POST' && url.pathname.startsWith(SERVICE)) {
        const method = url.pathname.slice(SERVICE.length)
        this.calls.push(method)
        const answer = this.twirp(
          method,
          request.headers.authorization ?? '',
          body.toString('utf8')
        )
        reply(answer.status, answer.body)
        return
      }
      if (request.method === 'PUT' && url.pathname.startsWith('/blob/')) {
        const upload = this.uploads.get(url.pathname.slice('/blob/'.length))
        if (!upload || url.searchParams.get('sig') !== upload.sig) {
          this.violations.push(`blob PUT ${url.pathname} with a wrong or no signature`)
          response.writeHead(403).end()
          return
        }
        if (request.headers.authorization) {
          this.violations.push('blob PUT carried an Authorization header next to the signature')
        }
        const comp = url.searchParams.get('comp')
        this.calls.push(`PUT ${comp ?? 'blob'}`)
        if (comp === 'block') {
          upload.blocks.set(url.searchParams.get('blockid') ?? '', body)
        } else if (comp === 'blocklist') {
          const ids = [
            ...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)
          ].map((match) => match[1] ?? '')
          const missing = ids.filter((id) => !upload.blocks.has(id))
          if (missing.length > 0)
            this.violations.push(`block list names unknown blocks ${missing.join(', ')}`)
          upload.blob = Buffer.concat(ids.map((id) => upload.blocks.get(id) ?? Buffer.alloc(0)))
        } else {
          upload.blob = body
        }
        response.writeHead(201, {
          'x-ms-request-id': randomBytes(8).toString('hex'),
          'x-ms-version': '2024-11-04',
          'x-ms-request-server-encrypted': 'true',
          etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
          'last-modified': new Date().toUTCString(),
          date: new Date().toUTCString()
        })
        response.end()
        return
      }
      this.violations.push(`${request.method} ${url.pathname}: not a results-service call`)
      reply(404, { code: 'bad_route', msg: 'no such route' })
    } catch (error) {
      this.violations.push(`${request.method} ${url.pathname}: the fake failed: ${String(error)}`)
      reply(500, { code: 'internal', msg: String(error) })
    }
  }

  private twirp(
    method: string,
    authorization: string,
    text: string
  ): { status: number; body: unknown } {
    const request = JSON.parse(text) as Record<string, unknown>
    const token = authorization.replace(/^Bearer /, '')
    const ids = `${String(request['workflow_run_backend_id'])}:${String(request['workflow_job_run_backend_id'])}`
    const runId = this.runs.get(ids)
    const claims = token.split('.')[1] ?? ''
    const scope = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8') || '{}') as {
      scp?: string
    }
    if (runId === undefined || !scope.scp?.includes(`Actions.Results:${ids}`)) {
      this.violations.push(`${method}: the token does not carry the backend IDs ${ids}`)
      return { status: 401, body: { code: 'unauthenticated', msg: 'invalid token' } }
    }
    const name = String(request['name'] ?? '')
    const key = `${runId}/${name}`
    if (method === 'CreateArtifact') {
      if (request['version'] !== 7)
        this.violations.push(`CreateArtifact: version ${String(request['version'])}, expected 7`)
      if (name === '') this.violations.push('CreateArtifact: no name')
      if (this.uploads.has(key)) {
        return {
          status: 409,
          body: {
            code: 'already_exists',
            msg: 'an artifact with this name already exists on the workflow run'
          }
        }
      }
      const sig = randomBytes(8).toString('hex')
      this.uploads.set(key, { runId, name, sig, blocks: new Map(), blob: null, finalized: false })
      return {
        status: 200,
        body: { ok: true, signed_upload_url: `${this.url}blob/${key}?sig=${sig}&sv=2024-11-04` }
      }
    }
    if (method === 'FinalizeArtifact') {
      const upload = this.uploads.get(key)
      if (!upload?.blob) {
        this.violations.push(`FinalizeArtifact: nothing was uploaded for ${name}`)
        return { status: 404, body: { code: 'not_found', msg: 'artifact not found' } }
      }
      if (String(request['size']) !== String(upload.blob.byteLength)) {
        this.violations.push(
          `FinalizeArtifact: size ${String(request['size'])}, uploaded ${upload.blob.byteLength}`
        )
      }
      const hash = `sha256:${createHash('sha256').update(upload.blob).digest('hex')}`
      if (request['hash'] !== hash)
        this.violations.push(`FinalizeArtifact: hash ${String(request['hash'])}, uploaded ${hash}`)
      upload.finalized = true
      const id = this.github.addArtifact({ name, runId, zip: new Uint8Array(upload.blob) })
      return { status: 200, body: { ok: true, artifact_id: String(id) } }
    }
    this.violations.push(`${method}: not a call the uploader should make`)
    return { status: 404, body: { code: 'bad_route', msg: method } }
  }
}
