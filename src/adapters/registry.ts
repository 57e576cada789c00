import { lookup } from 'node:dns/promises'
import { allowsPlainHttp, registryHost, type RegistryConfig } from '../image/insecure-registry.js'
import {
  MANIFEST_ACCEPT,
  resolveImage,
  sha256Digest,
  type Descriptor,
  type Platform,
  type ResolvedImage
} from '../image/oci.js'
import {
  isLoopbackRegistry,
  locateRepository,
  splitTag,
  type RepositoryLocation
} from '../image/reference.js'
import type { CredentialLookup, Credentials } from './docker-credentials.js'
import type { Fetch } from './http.js'

// Reads what a push left in the registry, over the Registry HTTP API v2 (the OCI
// distribution spec): manifests by tag or digest, with anonymous, basic or token auth
// from the same credentials `docker login` (and docker/login-action) stored. Requests go
// through the fetch it is given (adapters/http.ts: proxies as @actions/http-client), over
// HTTPS, and over plain HTTP only to a registry the engine itself would push to that way.

/** What the pipeline asks of a registry. */
export interface RegistryClient {
  /** The image a reference (`repo:tag` or `repo@digest`) names, resolved to one platform. */
  inspect(reference: string, platform?: Platform): Promise<ResolvedImage>
  /** The digest a tag points at now, or undefined when the tag does not exist. */
  tagDigest(reference: string): Promise<string | undefined>
}

/** A registry request that failed; `transient` errors are worth retrying. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError'
  constructor(
    message: string,
    readonly transient: boolean,
    readonly status?: number
  ) {
    super(message)
  }
}

/** How long one registry request may take. */
const REQUEST_TIMEOUT_MS = 60_000

/**
 * Whether the engine pushes to a registry (`host[:port]`) over plain HTTP when HTTPS fails:
 * the engine's `insecure-registries`, which the action asks (main.ts); by default the rule
 * dockerd applies with nothing configured, loopback addresses only.
 */
export type PlainHttpCheck = (registry: string) => Promise<boolean>

const loopbackOnly: PlainHttpCheck = async (registry) => isLoopbackRegistry(registry)

/**
 * The engine's own rule (its RegistryConfig, asked once, when first needed), with names
 * resolved as dockerd resolves them; when the engine cannot be asked, loopback only.
 */
export function engineAllowsPlainHttp(
  config: () => Promise<RegistryConfig>,
  resolve: (host: string) => Promise<string[]> = resolveAll
): PlainHttpCheck {
  let asked: Promise<RegistryConfig | undefined> | undefined
  return async (registry) => {
    asked ??= config().catch(() => undefined)
    const engine = await asked
    if (!engine) return isLoopbackRegistry(registry)
    const addresses = await resolve(registryHost(registry)).catch(() => [])
    return allowsPlainHttp(registry, engine, addresses)
  }
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true })).map((entry) => entry.address)
}

/** RegistryClient speaking HTTP(S) to the registry the reference names. */
export class HttpRegistry implements RegistryClient {
  private readonly tokens = new Map<string, string>()
  /** The scheme that answered, per registry, once one has. */
  private readonly schemes = new Map<string, 'https' | 'http'>()

  /**
   * @param mask told every secret this client sends (the stored secret, the Basic header's
   *   encoding of it, bearer tokens) before it is sent: the action passes `core.setSecret`, so
   *   none of them can show in a log even if an error or a debug line quoted it.
   * @param plainHttp whether a registry may be read over plain HTTP once HTTPS failed to
   *   connect, as the engine does for its insecure registries.
   */
  constructor(
    private readonly credentials: CredentialLookup = async () => undefined,
    private readonly fetcher: Fetch = fetch,
    private readonly mask: (secret: string) => void = () => undefined,
    private readonly plainHttp: PlainHttpCheck = loopbackOnly
  ) {}

  async inspect(reference: string, platform?: Platform): Promise<ResolvedImage> {
    const { location, ref } = parseReference(reference)
    const top = await this.manifest(location, ref)
    return resolveImage(
      top,
      async (descriptor: Descriptor) => (await this.manifest(location, descriptor.digest)).bytes,
      platform
    )
  }

  async tagDigest(reference: string): Promise<string | undefined> {
    const { location, ref } = parseReference(reference)
    const response = await this.request(location, `manifests/${ref}`, 'HEAD')
    if (response.status === 404) return undefined
    if (!response.ok) throw this.failure(response, location, `manifests/${ref}`)
    const digest = response.headers.get('docker-content-digest')
    if (digest) return digest
    // Registries must send the header on HEAD; without it, fetch the bytes and hash them.
    return (await this.manifest(location, ref)).digest
  }

  /** GETs a manifest and checks its bytes against the digest asked for or announced. */
  private async manifest(
    location: RepositoryLocation,
    ref: string
  ): Promise<{ digest: string; bytes: Uint8Array; mediaType: string }> {
    const response = await this.request(location, `manifests/${ref}`, 'GET')
    if (!response.ok) throw this.failure(response, location, `manifests/${ref}`)
    const bytes = new Uint8Array(await response.arrayBuffer())
    const actual = sha256Digest(bytes)
    const expected = ref.includes(':') ? ref : response.headers.get('docker-content-digest')
    if (expected && expected !== actual) {
      throw new RegistryError(
        `${location.registry}/${location.path}: manifest ${ref} has digest ${actual}, expected ${expected}`,
        false
      )
    }
    return { digest: actual, bytes, mediaType: response.headers.get('content-type') ?? '' }
  }

  private async request(
    location: RepositoryLocation,
    resource: string,
    method: 'GET' | 'HEAD'
  ): Promise<Response> {
    const scope = `repository:${location.path}:pull`
    const cacheKey = `${location.registry} ${scope}`
    const send = (authorization?: string): Promise<Response> =>
      this.sendToRegistry(location, resource, method, authorization)
    const cached = this.tokens.get(cacheKey)
    let response = await send(cached)
    if (response.status !== 401) return response
    const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '')
    await response.arrayBuffer().catch(() => undefined)
    const credentials = await this.credentials(location)
    if (credentials) this.mask(credentials.secret)
    let authorization: string | undefined
    if (challenge?.scheme === 'basic') {
      if (!credentials) return response
      authorization = this.basic(credentials)
    } else if (challenge?.scheme === 'bearer' && challenge.params['realm']) {
      const token = await this.token(challenge.params, scope, credentials, location)
      this.mask(token)
      authorization = `Bearer ${token}`
    } else {
      return response
    }
    this.tokens.set(cacheKey, authorization)
    response = await send(authorization)
    return response
  }

  /** Gets a bearer token from the realm the challenge names (Docker's token auth). */
  private async token(
    params: Record<string, string>,
    scope: string,
    credentials: Credentials | undefined,
    location: RepositoryLocation
  ): Promise<string> {
    const realm = new URL(params['realm'] ?? '')
    if (params['service']) realm.searchParams.set('service', params['service'])
    realm.searchParams.set('scope', params['scope'] ?? scope)
    let response: Response
    if (credentials?.username === '<token>') {
      // An identity token (`docker login` with OAuth) is a refresh token for this endpoint.
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: credentials.secret,
        service: params['service'] ?? '',
        scope: params['scope'] ?? scope,
        client_id: 'nb-image-action'
      })
      response = await this.fetchOrThrow(realm.origin + realm.pathname, location, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString()
      })
    } else {
      response = await this.fetchOrThrow(realm.toString(), location, {
        method: 'GET',
        headers: credentials ? { authorization: this.basic(credentials) } : {}
      })
    }
    if (!response.ok) {
      throw new RegistryError(
        `${location.registry}: the token service ${realm.origin} answered ${response.status} ${response.statusText}${credentials ? '' : ' (no credentials for this registry in the docker config: log in with docker/login-action)'}`,
        response.status >= 500 || response.status === 429,
        response.status
      )
    }
    const body = (await response.json()) as { token?: string; access_token?: string }
    const token = body.token ?? body.access_token
    if (!token)
      throw new RegistryError(`${location.registry}: the token service sent no token`, false)
    return token
  }

  /** The Basic authorization header, its encoded credentials masked. */
  private basic(credentials: Credentials): string {
    const encoded = Buffer.from(`${credentials.username}:${credentials.secret}`).toString('base64')
    this.mask(encoded)
    return `Basic ${encoded}`
  }

  /**
   * Sends a request to the registry over HTTPS, or over plain HTTP when HTTPS could not
   * connect and the engine allows plain HTTP to it (as dockerd tries its endpoints). The
   * scheme that answered is kept for the rest of the run.
   */
  private async sendToRegistry(
    location: RepositoryLocation,
    resource: string,
    method: string,
    authorization: string | undefined
  ): Promise<Response> {
    const { registry } = location
    const url = (scheme: string): string =>
      `${scheme}://${registry}/v2/${location.path}/${resource}`
    const known = this.schemes.get(registry)
    if (known) return this.send(url(known), method, authorization, location)
    let response: Response
    try {
      response = await this.send(url('https'), method, authorization, location)
    } catch (error) {
      if (!(error instanceof RegistryError) || !(await this.plainHttp(registry))) throw error
      response = await this.send(url('http'), method, authorization, location)
      this.schemes.set(registry, 'http')
      return response
    }
    this.schemes.set(registry, 'https')
    return response
  }

  private async send(
    url: string,
    method: string,
    authorization: string | undefined,
    location: RepositoryLocation
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: MANIFEST_ACCEPT }
    if (authorization) headers['authorization'] = authorization
    return this.fetchOrThrow(url, location, { method, headers })
  }

  private async fetchOrThrow(
    url: string,
    location: RepositoryLocation,
    init: RequestInit
  ): Promise<Response> {
    try {
      return await this.fetcher(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    } catch (error) {
      throw new RegistryError(
        `${location.registry}: ${init.method ?? 'GET'} ${url} failed: ${networkDetail(error)}`,
        true
      )
    }
  }

  private failure(
    response: Response,
    location: RepositoryLocation,
    resource: string
  ): RegistryError {
    const status = response.status
    const hint =
      status === 401 || status === 403
        ? ' (log in to the registry with docker/login-action before this step)'
        : status === 404
          ? ' (not found)'
          : ''
    return new RegistryError(
      `${location.registry}/${location.path}: ${resource} answered ${status} ${response.statusText}${hint}`,
      status >= 500 || status === 429,
      status
    )
  }
}

/** What went wrong under fetch's generic "fetch failed": ECONNREFUSED, a timeout, … */
function networkDetail(error: unknown): string {
  // Duck-typed: under test runners the error may come from another realm.
  const { name, message, cause } = (error ?? {}) as {
    name?: string
    message?: string
    cause?: { code?: string; message?: string }
  }
  if (name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`
  if (cause?.code || cause?.message) return [cause.code, cause.message].filter(Boolean).join(': ')
  return message ?? String(error)
}

/** Splits `repo:tag` or `repo@sha256:…` into where it lives and the tag or digest. */
export function parseReference(reference: string): { location: RepositoryLocation; ref: string } {
  const at = reference.indexOf('@')
  if (at >= 0)
    return { location: locateRepository(reference.slice(0, at)), ref: reference.slice(at + 1) }
  const { repository, tag } = splitTag(reference)
  return { location: locateRepository(repository), ref: tag }
}

/** A parsed `WWW-Authenticate` header: `Bearer realm="…",service="…",scope="…"`. */
export function parseChallenge(
  header: string
): { scheme: string; params: Record<string, string> } | undefined {
  const match = /^\s*(\w+)\s*(.*)$/.exec(header)
  if (!match) return undefined
  const params: Record<string, string> = {}
  for (const param of (match[2] ?? '').matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[(param[1] ?? '').toLowerCase()] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1')
  }
  return { scheme: (match[1] ?? '').toLowerCase(), params }
}
