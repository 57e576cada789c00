// A local stand-in for api.github.com that holds the action to GitHub's own contract: every
// request's method, path, path and query parameters and JSON body are checked against
// GitHub's published OpenAPI description (@octokit/openapi), and so is every answer the
// fake gives, which is built from the description's own examples. A request the
// description does not have, or one it would reject, is recorded as a violation;
// `expectNoViolations()` fails the test on any.
//
// It keeps a repository's issue comments, workflow runs and artifacts in memory, pages
// lists with `Link` headers like GitHub, answers artifact downloads with a 302 to a blob
// server on another origin (which, like Azure, refuses requests that carry a token),
// enforces token permissions (403 "Resource not accessible by integration") and the
// 65,536-character comment limit, and can inject faults (403, 404, 429, 5xx, with headers
// such as retry-after).
import { Ajv, type ValidateFunction } from 'ajv'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import path from 'node:path'
import { zipSync, strToU8 } from 'fflate'

type Json = Record<string, unknown>

interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Json
}

interface OpenApiOperation {
  operationId: string
  parameters?: (OpenApiParameter | { $ref: string })[]
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Json }> }
  responses: Record<string, Json>
}

interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>
  components: {
    parameters: Record<string, OpenApiParameter>
    responses: Record<string, Json>
    examples: Record<string, { value: unknown }>
  } & Json
}

interface Route {
  template: string
  pattern: RegExp
  names: string[]
  literals: number
  methods: Record<string, OpenApiOperation>
}

// The description is 13 MB of JSON: load and compile it once per test process.
let loaded: { spec: OpenApi; ajv: Ajv; routes: Route[] } | undefined
const validators = new Map<string, ValidateFunction>()

function openApi(): { spec: OpenApi; ajv: Ajv; routes: Route[] } {
  if (loaded) return loaded
  const require = createRequire(import.meta.url)
  const file = path.join(
    path.dirname(require.resolve('@octokit/openapi/package.json')),
    'generated',
    'api.github.com.json'
  )
  const spec = JSON.parse(readFileSync(file, 'utf8')) as OpenApi
  // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; formats and x- keywords are not checked.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false })
  ajv.addSchema({ $id: 'github', components: spec.components })
  const routes = Object.entries(spec.paths).map(([template, methods]) => {
    const names: string[] = []
    const pattern = new RegExp(
      `^${template
        .split('/')
        .map((segment) =>
          segment.replace(/\{([^}]+)\}|[^{]+/g, (part, name?: string) => {
            if (name) {
              names.push(name)
              return '([^/]+)'
            }
            return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          })
        )
        .join('/')}$`
    )
    const literals = template.split('/').filter((segment) => !segment.includes('{')).length
    return { template, pattern, names, literals, methods }
  })
  // Prefer the most specific template when several match (`…/comments/{id}` vs `…/{n}/comments`).
  routes.sort((a, b) => b.literals - a.literals)
  loaded = { spec, ajv, routes }
  return loaded
}

/** Rewrites `#/components/…` references so they resolve in the `github` schema. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase)
  if (typeof schema !== 'object' || schema === null) return schema
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `github${value}`
        : rebase(value)
    ])
  )
}

function validator(key: string, schema: Json): ValidateFunction {
  const known = validators.get(key)
  if (known) return known
  const validate = openApi().ajv.compile(rebase(schema) as Json)
  validators.set(key, validate)
  return validate
}

function deref<T>(value: T | { $ref: string }): T {
  if (typeof value === 'object' && value !== null && '$ref' in value) {
    const parts = value.$ref.replace(/^#\//, '').split('/')
    let node: unknown = openApi().spec
    for (const part of parts) node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')]
    return deref(node as T)
  }
  return value
}

/** A deep copy of one of the description's examples, the base of every fake answer. */
export function example<T = Json>(name: string): T {
  const value = openApi().spec.components.examples[name]?.value
  if (value === undefined) throw new Error(`no example ${name} in the OpenAPI description`)
  return structuredClone(value) as T
}

/** One request the fake received. */
export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  operationId: string | null
  authorization: string | null
}

/** An answer to force on matching requests, `times` times. */
export interface Fault {
  operationId?: string
  method?: string
  status: number
  headers?: Record<string, string>
  body?: unknown
  times?: number
}

/** What a token may do; GITHUB_TOKEN permissions in the workflow's terms. */
export interface TokenScope {
  issues: 'none' | 'read' | 'write'
  pullRequests: 'none' | 'read' | 'write'
  actions: 'none' | 'read' | 'write'
  /** Who the token writes as. */
  user: 'bot' | 'member'
}

/** What a new workflow run looks like. */
export interface RunOptions {
  id?: number
  headBranch: string
  headSha?: string
  event?: string
  status?: 'completed' | 'in_progress' | 'queued'
  conclusion?: 'success' | 'failure' | 'cancelled' | null
  /** The run built a fork's branch. */
  fork?: boolean
}

/** What a new artifact holds. */
export interface ArtifactOptions {
  name: string
  runId: number
  /** Files put in the zip archive… */
  files?: Record<string, string | Uint8Array>
  /** …or the raw archive bytes. */
  zip?: Uint8Array
  expired?: boolean
  createdAt?: string
}

interface ArtifactState {
  id: number
  name: string
  runId: number
  zip: Uint8Array
  expired: boolean
  createdAt: string
}

interface RunState {
  id: number
  headBranch: string
  headSha: string
  event: string
  status: string
  conclusion: string | null
  fork: boolean
}

interface CommentState {
  id: number
  issue: number
  body: string
  user: Json
  association: string
  createdAt: string
  updatedAt: string
}

interface PullState {
  number: number
  baseRef: string
  headSha: string
  state: 'open' | 'closed'
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {}
  ) {}
}

const WRITE_ALL: TokenScope = {
  issues: 'write',
  pullRequests: 'write',
  actions: 'read',
  user: 'bot'
}

/** The fake GitHub REST API of one repository, `acme/notebooks`. */
export class GitHubApiServer {
  readonly owner = 'acme'
  readonly repo = 'notebooks'
  readonly repositoryId = 1296269
  readonly requests: RecordedRequest[] = []
  readonly blobRequests: { path: string; authorization: string | null }[] = []
  readonly violations: string[] = []
  /** Tokens the fake accepts; `ghs_write` may do everything the action needs. */
  readonly tokens = new Map<string, TokenScope>([['ghs_write', WRITE_ALL]])
  readonly faults: Fault[] = []
  readonly pulls = new Map<number, PullState>()
  private readonly comments: CommentState[] = []
  private readonly runs = new Map<number, RunState>()
  private readonly artifacts: ArtifactState[] = []
  private readonly blobs = new Map<string, Uint8Array>()
  private nextId = 1_000
  private clock = Date.parse('2026-01-02T03:04:05Z')

  /** The client port of every connection the API and blob servers accepted, in order. */
  readonly connections: number[] = []

  private constructor(
    private readonly api: http.Server,
    private readonly blob: http.Server,
    private readonly host: string
  ) {}

  /**
   * Starts the API and the blob server on free loopback ports. `host` is the name the URLs
   * it hands out use (127.0.0.1 by default; a name that resolves to it, for the proxy test).
   */
  static async start(options: { host?: string } = {}): Promise<GitHubApiServer> {
    openApi()
    const api = http.createServer()
    const blob = http.createServer()
    const server = new GitHubApiServer(api, blob, options.host ?? '127.0.0.1')
    api.on('request', (request, response) => void server.handle(request, response))
    blob.on('request', (request, response) => server.handleBlob(request, response))
    for (const listener of [api, blob]) {
      listener.on('connection', (socket) => server.connections.push(socket.remotePort ?? 0))
    }
    await Promise.all([listen(api), listen(blob)])
    return server
  }

  /** GITHUB_API_URL for the action. */
  get url(): string {
    return `http://${this.host}:${(this.api.address() as AddressInfo).port}`
  }

  /** `host:port` of the API and of the blob server, as the action addresses them. */
  get hosts(): string[] {
    return [this.api, this.blob].map(
      (server) => `${this.host}:${(server.address() as AddressInfo).port}`
    )
  }

  private get blobUrl(): string {
    return `http://${this.host}:${(this.blob.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    await Promise.all([close(this.api), close(this.blob)])
  }

  /** Fails the test when any request or answer broke GitHub's description. */
  expectNoViolations(): void {
    expect(this.violations).toEqual([])
  }

  /** Answers the next `times` matching requests with `status` (and headers, body). */
  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault })
  }

  /** Adds a pull request (for the commit → pull request lookup). */
  addPull(pull: PullState): void {
    this.pulls.set(pull.number, pull)
  }

  /** Adds comments by other people to an issue or pull request, oldest first. */
  addComments(issue: number, count: number, body = (n: number) => `Comment ${n}`): void {
    for (let n = 1; n <= count; n++) {
      this.insertComment(issue, body(n), userObject('octocat', 'User'), 'CONTRIBUTOR')
    }
  }

  /** Adds one comment with the given author. */
  addComment(
    issue: number,
    text: string,
    author: { login: string; type: 'User' | 'Bot'; association: string }
  ): number {
    return this.insertComment(
      issue,
      text,
      userObject(author.login, author.type),
      author.association
    ).id
  }

  /** The comments of an issue, oldest first. */
  commentsOf(issue: number): { id: number; body: string; login: string; page: number }[] {
    return this.comments
      .filter((comment) => comment.issue === issue)
      .map((comment, index) => ({
        id: comment.id,
        body: comment.body,
        login: String(comment.user['login']),
        page: Math.floor(index / 100) + 1
      }))
  }

  /** Adds a workflow run; returns its id. */
  addRun(options: RunOptions): number {
    const id = options.id ?? this.nextId++
    this.runs.set(id, {
      id,
      headBranch: options.headBranch,
      headSha: options.headSha ?? randomBytes(20).toString('hex'),
      event: options.event ?? 'push',
      status: options.status ?? 'completed',
      conclusion: options.conclusion === undefined ? 'success' : options.conclusion,
      fork: options.fork ?? false
    })
    return id
  }

  /** Finishes a run, as GitHub does when its last job ends. */
  completeRun(id: number, conclusion: 'success' | 'failure'): void {
    const run = this.runs.get(id)
    if (!run) throw new Error(`no run ${id}`)
    run.status = 'completed'
    run.conclusion = conclusion
  }

  /** The run's head SHA (for expectations). */
  runSha(id: number): string {
    return this.runs.get(id)?.headSha ?? ''
  }

  /** Adds an artifact of a run; returns its id. */
  addArtifact(options: ArtifactOptions): number {
    if (!this.runs.has(options.runId)) throw new Error(`no run ${options.runId}`)
    const zip =
      options.zip ??
      zipSync(
        Object.fromEntries(
          Object.entries(options.files ?? {}).map(([name, content]) => [
            name,
            typeof content === 'string' ? strToU8(content) : content
          ])
        )
      )
    const id = this.nextId++
    this.clock += 60_000
    this.artifacts.push({
      id,
      name: options.name,
      runId: options.runId,
      zip,
      expired: options.expired ?? false,
      createdAt: options.createdAt ?? new Date(this.clock).toISOString().replace('.000', '')
    })
    return id
  }

  /** The artifacts, newest first. */
  artifactList(): { id: number; name: string; runId: number; zip: Uint8Array }[] {
    return [...this.artifacts].reverse()
  }

  private insertComment(
    issue: number,
    body: string,
    user: Json,
    association: string
  ): CommentState {
    this.clock += 1000
    const at = new Date(this.clock).toISOString().replace('.000', '')
    const comment = {
      id: this.nextId++,
      issue,
      body,
      user,
      association,
      createdAt: at,
      updatedAt: at
    }
    this.comments.push(comment)
    return comment
  }

  private async handle(
    request: http.IncomingMessage,
    response: http.ServerResponse
  ): Promise<void> {
    const url = new URL(request.url ?? '/', this.url)
    const text = await readBody(request)
    const method = (request.method ?? 'GET').toLowerCase()
    const authorization = request.headers.authorization ?? null
    const query = Object.fromEntries(url.searchParams)
    const record: RecordedRequest = {
      method: method.toUpperCase(),
      path: url.pathname,
      query,
      body: text === '' ? undefined : safeJson(text),
      operationId: null,
      authorization
    }
    this.requests.push(record)
    let answer: HttpAnswer
    let operation: OpenApiOperation | undefined
    try {
      const match = this.match(method, url.pathname)
      if (!match) {
        this.violations.push(
          `${record.method} ${url.pathname}: not in GitHub's OpenAPI description`
        )
        answer = error(404, 'Not Found')
      } else {
        operation = match.operation
        record.operationId = operation.operationId
        const problems = this.checkRequest(match.operation, match.params, query, text)
        if (problems.length > 0) {
          this.violations.push(
            ...problems.map(
              (p) => `${record.method} ${url.pathname} (${operation?.operationId}): ${p}`
            )
          )
          answer = error(422, `Invalid request: ${problems.join('; ')}`)
        } else {
          answer = this.answer(operation, match.params, query, record.body, authorization)
        }
      }
    } catch (thrown) {
      this.violations.push(`${record.method} ${url.pathname}: the fake failed: ${String(thrown)}`)
      answer = error(500, 'Server Error')
    }
    if (operation) this.checkResponse(operation, answer, `${record.method} ${url.pathname}`)
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body)
    response.writeHead(answer.status, {
      ...(body === '' ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      ...answer.headers
    })
    response.end(body)
  }

  private handleBlob(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', this.blobUrl)
    const authorization = request.headers.authorization ?? null
    this.blobRequests.push({ path: url.pathname, authorization })
    const bytes = this.blobs.get(`${url.pathname}?${url.searchParams.get('sig') ?? ''}`)
    if (authorization !== null) {
      // Blob storage refuses a second credential next to the signature, as Azure does.
      this.violations.push(`blob download ${url.pathname} carried an Authorization header`)
      response.writeHead(400, { 'content-type': 'application/xml' })
      response.end('<Error><Code>InvalidAuthenticationInfo</Code></Error>')
      return
    }
    if (!bytes || request.method !== 'GET') {
      response.writeHead(403, { 'content-type': 'application/xml' })
      response.end('<Error><Code>AuthenticationFailed</Code></Error>')
      return
    }
    response.writeHead(200, {
      'content-type': 'application/zip',
      'content-length': String(bytes.byteLength)
    })
    response.end(Buffer.from(bytes))
  }

  private match(
    method: string,
    pathname: string
  ): { operation: OpenApiOperation; params: Record<string, string> } | undefined {
    for (const route of openApi().routes) {
      const found = route.pattern.exec(pathname)
      if (!found) continue
      const operation = route.methods[method]
      if (!operation) continue
      const params = Object.fromEntries(
        route.names.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? '')])
      )
      return { operation, params }
    }
    return undefined
  }

  private checkRequest(
    operation: OpenApiOperation,
    params: Record<string, string>,
    query: Record<string, string>,
    text: string
  ): string[] {
    const problems: string[] = []
    const declared = (operation.parameters ?? []).map((p) => deref(p))
    for (const parameter of declared) {
      const key = `${operation.operationId}:${parameter.in}:${parameter.name}`
      const raw =
        parameter.in === 'path'
          ? params[parameter.name]
          : parameter.in === 'query'
            ? query[parameter.name]
            : undefined
      if (parameter.in !== 'path' && parameter.in !== 'query') continue
      if (raw === undefined) {
        if (parameter.required) problems.push(`missing ${parameter.in} parameter ${parameter.name}`)
        continue
      }
      const schema = parameter.schema ?? {}
      const value = coerce(raw, deref(schema))
      const validate = validator(key, schema)
      if (!validate(value)) {
        problems.push(`${parameter.in} parameter ${parameter.name}=${raw}: ${describe(validate)}`)
      }
    }
    for (const name of Object.keys(query)) {
      if (!declared.some((p) => p.in === 'query' && p.name === name)) {
        problems.push(`query parameter ${name} is not in the description`)
      }
    }
    const content = operation.requestBody?.content?.['application/json']
    if (!content) {
      if (text !== '') problems.push('a body was sent to an operation that takes none')
      return problems
    }
    if (text === '') {
      if (operation.requestBody?.required) problems.push('the required JSON body is missing')
      return problems
    }
    const body = safeJson(text)
    if (body === undefined) return [...problems, 'the body is not JSON']
    const validate = validator(`${operation.operationId}:body`, content.schema ?? {})
    if (!validate(body)) problems.push(`body: ${describe(validate)}`)
    return problems
  }

  private checkResponse(operation: OpenApiOperation, answer: HttpAnswer, label: string): void {
    const documented = operation.responses[String(answer.status)]
    if (!documented) {
      // GitHub may answer any operation with these, documented or not.
      if ([401, 403, 404, 409, 422, 429].includes(answer.status) || answer.status >= 500) {
        if (answer.body !== undefined)
          this.checkSchema(
            `basic-error`,
            { $ref: '#/components/schemas/basic-error' },
            answer.body,
            label
          )
        return
      }
      this.violations.push(
        `${label}: the fake answered ${answer.status}, which ${operation.operationId} does not document`
      )
      return
    }
    const schema = deref(documented as Json & { content?: Record<string, { schema?: Json }> })
      .content?.['application/json']?.schema
    if (schema && answer.body !== undefined) {
      this.checkSchema(`${operation.operationId}:${answer.status}`, schema, answer.body, label)
    }
  }

  private checkSchema(key: string, schema: Json, body: unknown, label: string): void {
    const validate = validator(`response:${key}`, schema)
    if (!validate(body)) {
      this.violations.push(
        `${label}: the fake's ${key} answer breaks the description: ${describe(validate)}`
      )
    }
  }

  private scope(authorization: string | null): TokenScope | undefined {
    const token = authorization?.replace(/^(token|bearer)\s+/i, '')
    return token === undefined ? undefined : this.tokens.get(token)
  }

  private answer(
    operation: OpenApiOperation,
    params: Record<string, string>,
    query: Record<string, string>,
    body: unknown,
    authorization: string | null
  ): HttpAnswer {
    if (
      params['owner'] !== undefined &&
      `${params['owner']}/${params['repo']}` !== `${this.owner}/${this.repo}`
    ) {
      return error(404, 'Not Found')
    }
    const faultIndex = this.faults.findIndex(
      (fault) =>
        (fault.times ?? 1) > 0 &&
        (fault.operationId === undefined || fault.operationId === operation.operationId)
    )
    const fault = this.faults[faultIndex]
    if (fault) {
      fault.times = (fault.times ?? 1) - 1
      if (fault.times <= 0) this.faults.splice(faultIndex, 1)
      return new HttpAnswer(
        fault.status,
        fault.body ?? { message: statusMessage(fault.status), documentation_url: docs(operation) },
        fault.headers
      )
    }
    const scope = this.scope(authorization)
    if (!scope) return error(401, 'Bad credentials', docs(operation))
    const denied = error(403, 'Resource not accessible by integration', docs(operation))
    const canWriteComments = scope.issues === 'write' || scope.pullRequests === 'write'
    const issue = Number(params['issue_number'])
    switch (operation.operationId) {
      case 'issues/list-comments':
        return this.page(
          this.comments
            .filter((comment) => comment.issue === issue)
            .map((c) => this.commentObject(c)),
          query,
          `/repos/${this.owner}/${this.repo}/issues/${issue}/comments`
        )
      case 'issues/create-comment': {
        if (!canWriteComments) return denied
        const text = String((body as Json)['body'])
        if ([...text].length > 65_536) return tooLong(operation)
        const comment = this.insertComment(
          issue,
          text,
          scope.user === 'bot'
            ? userObject('github-actions[bot]', 'Bot')
            : userObject('maintainer', 'User'),
          scope.user === 'bot' ? 'NONE' : 'MEMBER'
        )
        return new HttpAnswer(201, this.commentObject(comment), {
          location: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${comment.id}`
        })
      }
      case 'issues/update-comment': {
        if (!canWriteComments) return denied
        const comment = this.comments.find((c) => c.id === Number(params['comment_id']))
        if (!comment) return error(404, 'Not Found', docs(operation))
        const text = String((body as Json)['body'])
        if ([...text].length > 65_536) return tooLong(operation)
        this.clock += 1000
        comment.body = text
        comment.updatedAt = new Date(this.clock).toISOString().replace('.000', '')
        return new HttpAnswer(200, this.commentObject(comment))
      }
      case 'actions/list-artifacts-for-repo': {
        if (scope.actions === 'none') return denied
        const all = this.artifactList()
          .filter((artifact) => query['name'] === undefined || artifact.name === query['name'])
          .map((artifact) => this.artifactObject(artifact.id))
        return this.page(
          all,
          query,
          `/repos/${this.owner}/${this.repo}/actions/artifacts`,
          (items) => ({
            total_count: all.length,
            artifacts: items
          })
        )
      }
      case 'actions/get-workflow-run': {
        if (scope.actions === 'none') return denied
        const run = this.runs.get(Number(params['run_id']))
        return run
          ? new HttpAnswer(200, this.runObject(run))
          : error(404, 'Not Found', docs(operation))
      }
      case 'actions/download-artifact': {
        if (scope.actions === 'none') return denied
        const artifact = this.artifacts.find((a) => a.id === Number(params['artifact_id']))
        if (!artifact || params['archive_format'] !== 'zip')
          return error(404, 'Not Found', docs(operation))
        if (artifact.expired) return error(410, 'Artifact has expired', docs(operation))
        const sig = randomBytes(8).toString('hex')
        const blobPath = `/artifacts/${artifact.id}.zip`
        this.blobs.set(`${blobPath}?${sig}`, artifact.zip)
        return new HttpAnswer(302, undefined, { location: `${this.blobUrl}${blobPath}?sig=${sig}` })
      }
      case 'pulls/get': {
        const pull = this.pulls.get(Number(params['pull_number']))
        if (!pull) return error(404, 'Not Found', docs(operation))
        const value = example<Json>('pull-request')
        return new HttpAnswer(200, {
          ...value,
          number: pull.number,
          state: pull.state,
          html_url: `https://github.com/${this.owner}/${this.repo}/pull/${pull.number}`,
          requested_teams: [],
          head: { ...(value['head'] as Json), sha: pull.headSha },
          base: { ...(value['base'] as Json), ref: pull.baseRef }
        })
      }
      case 'repos/list-pull-requests-associated-with-commit': {
        const pulls = [...this.pulls.values()].filter(
          (pull) => pull.headSha === params['commit_sha']
        )
        return this.page(
          pulls.map((pull) => this.pullObject(pull)),
          query,
          `/repos/${this.owner}/${this.repo}/commits/${params['commit_sha']}/pulls`
        )
      }
      default:
        this.violations.push(`${operation.operationId}: called, but the fake does not implement it`)
        return error(501, 'Not Implemented')
    }
  }

  /** One page of a list, with GitHub's `Link` header. */
  private page(
    items: unknown[],
    query: Record<string, string>,
    route: string,
    wrap: (items: unknown[]) => unknown = (list) => list
  ): HttpAnswer {
    const perPage = Math.min(Number(query['per_page'] ?? 30), 100)
    const page = Number(query['page'] ?? 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (n: number): string => {
      const params = new URLSearchParams({ ...query, per_page: String(perPage), page: String(n) })
      return `${this.url}${route}?${params.toString()}`
    }
    const links: string[] = []
    if (page > 1) links.push(`<${link(page - 1)}>; rel="prev"`, `<${link(1)}>; rel="first"`)
    if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
    return new HttpAnswer(
      200,
      wrap(items.slice((page - 1) * perPage, page * perPage)),
      links.length > 0 ? { link: links.join(', ') } : {}
    )
  }

  private commentObject(comment: CommentState): Json {
    const base = `${this.url}/repos/${this.owner}/${this.repo}`
    return {
      ...example('issue-comment'),
      id: comment.id,
      node_id: Buffer.from(`IssueComment${comment.id}`).toString('base64'),
      url: `${base}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
      issue_url: `${base}/issues/${comment.issue}`,
      body: comment.body,
      user: comment.user,
      author_association: comment.association,
      created_at: comment.createdAt,
      updated_at: comment.updatedAt
    }
  }

  private artifactObject(id: number): Json {
    const artifact = this.artifacts.find((a) => a.id === id)
    if (!artifact) throw new Error(`no artifact ${id}`)
    const run = this.runs.get(artifact.runId)
    const base = `${this.url}/repos/${this.owner}/${this.repo}/actions/artifacts/${id}`
    const expires = new Date(Date.parse(artifact.createdAt) + 90 * 86_400_000).toISOString()
    return {
      ...example('artifact'),
      id,
      node_id: Buffer.from(`Artifact${id}`).toString('base64'),
      name: artifact.name,
      size_in_bytes: artifact.zip.byteLength,
      url: base,
      archive_download_url: `${base}/zip`,
      expired: artifact.expired,
      created_at: artifact.createdAt,
      updated_at: artifact.createdAt,
      expires_at: expires.replace('.000', ''),
      workflow_run: {
        id: artifact.runId,
        repository_id: this.repositoryId,
        head_repository_id: run?.fork ? this.repositoryId + 1 : this.repositoryId,
        head_branch: run?.headBranch ?? null,
        head_sha: run?.headSha ?? null
      }
    }
  }

  private runObject(run: RunState): Json {
    const value = example('workflow-run')
    const repository = value['repository'] as Json
    const headRepository = value['head_repository'] as Json
    const base = `${this.url}/repos/${this.owner}/${this.repo}/actions/runs/${run.id}`
    return {
      ...value,
      id: run.id,
      head_branch: run.headBranch,
      head_sha: run.headSha,
      event: run.event,
      status: run.status,
      conclusion: run.conclusion,
      url: base,
      html_url: `https://github.com/${this.owner}/${this.repo}/actions/runs/${run.id}`,
      jobs_url: `${base}/jobs`,
      artifacts_url: `${base}/artifacts`,
      repository: { ...repository, id: this.repositoryId, full_name: `${this.owner}/${this.repo}` },
      head_repository: run.fork
        ? { ...headRepository, id: this.repositoryId + 1, full_name: `stranger/${this.repo}` }
        : { ...headRepository, id: this.repositoryId, full_name: `${this.owner}/${this.repo}` }
    }
  }

  private pullObject(pull: PullState): Json {
    const [value] = example<Json[]>('pull-request-simple-items')
    const head = (value?.['head'] ?? {}) as Json
    const base = (value?.['base'] ?? {}) as Json
    return {
      ...value,
      number: pull.number,
      state: pull.state,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${pull.number}`,
      // The description's example lists teams without their required `type`; GitHub's own
      // answers carry it, and an empty list is as real.
      requested_teams: [],
      head: { ...head, sha: pull.headSha },
      base: { ...base, ref: pull.baseRef }
    }
  }
}

function userObject(login: string, type: 'User' | 'Bot'): Json {
  const user = example<Json>('issue-comment')['user'] as Json
  const id =
    login === 'github-actions[bot]'
      ? 41898282
      : [...login].reduce((sum, c) => sum + c.charCodeAt(0), 0)
  return {
    ...user,
    login,
    id,
    node_id: Buffer.from(`User${id}`).toString('base64'),
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    html_url: `https://github.com/${encodeURIComponent(login)}`,
    type
  }
}

function error(
  status: number,
  message: string,
  documentation = 'https://docs.github.com/rest'
): HttpAnswer {
  return new HttpAnswer(status, {
    message,
    documentation_url: documentation,
    status: String(status)
  })
}

function tooLong(operation: OpenApiOperation): HttpAnswer {
  return new HttpAnswer(422, {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)'
      }
    ],
    documentation_url: docs(operation),
    status: '422'
  })
}

function docs(operation: OpenApiOperation): string {
  const external = (operation as unknown as { externalDocs?: { url?: string } }).externalDocs
  return external?.url ?? 'https://docs.github.com/rest'
}

function statusMessage(status: number): string {
  return status === 429 || status === 403
    ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
    : (http.STATUS_CODES[status] ?? 'Error')
}

function coerce(raw: string, schema: Json): unknown {
  const type = schema['type']
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw)
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true'
  return raw
}

function describe(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map(
      (e) =>
        `${e.instancePath || '(root)'} ${e.message ?? ''}${e.params && 'missingProperty' in e.params ? ` (${String(e.params['missingProperty'])})` : ''}`
    )
    .join('; ')
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function listen(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })
}
