import { readFileSync } from 'node:fs'
import type { CredentialLookup } from '../../src/adapters/docker-credentials.js'
import {
  engineAllowsPlainHttp,
  HttpRegistry,
  parseChallenge,
  parseReference,
  RegistryError
} from '../../src/adapters/registry.js'
import { locateRepository } from '../../src/image/reference.js'
import { FakeRegistryServer, type FakeAuth } from '../helpers/registry-server.js'

// The adapter against a registry on 127.0.0.1 that speaks the distribution API and Docker's
// token auth (helpers/registry-server.ts), serving the real bytes of a buildx push.

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/oci/${name}`, import.meta.url)))
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const INDEX_DIGEST = 'sha256:5e5bfc419ed983f4ca5585dfd7ea5f3037e95842293fda18f629b07a7bedf3a0'
const MANIFEST_DIGEST = 'sha256:a3b93156c35c395837ed46e76bd1a0f8d431c1e4d5f40fcf4a57d33df25461e1'

async function withRegistry<T>(
  auth: FakeAuth,
  fn: (server: FakeRegistryServer, host: string) => Promise<T>
): Promise<T> {
  const server = new FakeRegistryServer(auth)
  server.put('acme/nb', fixture('index.json'), OCI_INDEX, 'tier1-1.2.3')
  server.put('acme/nb', fixture('manifest.json'), OCI_MANIFEST)
  server.put('acme/nb', fixture('attestation.json'), OCI_MANIFEST)
  const host = await server.start()
  try {
    return await fn(server, host)
  } finally {
    await server.stop()
  }
}

const creds =
  (username: string, secret: string): CredentialLookup =>
  async () => ({ username, secret })

describe('HttpRegistry.inspect', () => {
  test.each<[string, FakeAuth, CredentialLookup | undefined]>([
    ['anonymous', { kind: 'none' }, undefined],
    ['basic auth', { kind: 'basic', username: 'ci', password: 's3cret' }, creds('ci', 's3cret')],
    [
      'token auth with credentials',
      { kind: 'bearer', username: 'ci', password: 's3cret' },
      creds('ci', 's3cret')
    ],
    ['token auth, anonymous pull', { kind: 'bearer' }, undefined],
    [
      'token auth with an identity token',
      { kind: 'bearer', refreshToken: 'refresh-me' },
      creds('<token>', 'refresh-me')
    ]
  ])(
    '%s: resolves the index to the platform manifest and sums config + layers',
    async (_, auth, lookup) => {
      await withRegistry(auth, async (server, host) => {
        const masked: string[] = []
        const registry = new HttpRegistry(lookup, fetch, (secret) => masked.push(secret))
        const resolved = await registry.inspect(`${host}/acme/nb:tier1-1.2.3`, {
          os: 'linux',
          architecture: 'amd64'
        })
        expect(resolved).toMatchObject({
          digest: INDEX_DIGEST,
          platformDigest: MANIFEST_DIGEST,
          compressedBytes: 4_216_966
        })
        // Only the index and the platform manifest are read: never the attestation.
        const reads = server.requests.filter(
          (r) =>
            r.url.includes('/manifests/') &&
            (r.authorization !== undefined) === (auth.kind !== 'none')
        )
        expect(reads.map((r) => r.url)).toEqual(
          expect.arrayContaining([
            `/v2/acme/nb/manifests/tier1-1.2.3`,
            `/v2/acme/nb/manifests/${MANIFEST_DIGEST}`
          ])
        )
        expect(server.requests.some((r) => r.url.includes('4fafd6199d34'))).toBe(false)
        // Every secret was masked before it was sent: the stored one, and each credential
        // that went over the wire (Basic encodings, bearer tokens).
        const sent = server.requests.flatMap((r) =>
          r.authorization ? [r.authorization.replace(/^\w+ /, '')] : []
        )
        expect(sent.length > 0).toBe(auth.kind !== 'none')
        expect(masked).toEqual(expect.arrayContaining(sent))
        const stored = await lookup?.(locateRepository(`${host}/acme/nb`))
        if (stored) expect(masked).toContain(stored.secret)
        if (!lookup && auth.kind === 'none') expect(masked).toEqual([])
      })
    }
  )

  test('the bearer token is fetched once and reused', async () => {
    await withRegistry({ kind: 'bearer', username: 'ci', password: 'pw' }, async (server, host) => {
      const registry = new HttpRegistry(creds('ci', 'pw'))
      await registry.inspect(`${host}/acme/nb:tier1-1.2.3`)
      await registry.tagDigest(`${host}/acme/nb:tier1-1.2.3`)
      expect(server.requests.filter((r) => r.url.startsWith('/token')).map((r) => r.url)).toEqual([
        '/token?service=fake-registry&scope=repository%3Aacme%2Fnb%3Apull'
      ])
    })
  })

  test('wrong credentials: a clear, permanent error that names the registry', async () => {
    await withRegistry({ kind: 'bearer', username: 'ci', password: 'pw' }, async (_, host) => {
      const error = await new HttpRegistry(creds('ci', 'wrong'))
        .inspect(`${host}/acme/nb:tier1-1.2.3`)
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RegistryError)
      expect((error as RegistryError).transient).toBe(false)
      expect((error as RegistryError).message).toBe(
        `${host}: the token service http://${host} answered 401 Unauthorized`
      )
    })
  })

  test('basic auth without stored credentials says to log in', async () => {
    await withRegistry({ kind: 'basic', username: 'ci', password: 'pw' }, async (_, host) => {
      await expect(new HttpRegistry().inspect(`${host}/acme/nb:tier1-1.2.3`)).rejects.toThrow(
        `${host}/acme/nb: manifests/tier1-1.2.3 answered 401 Unauthorized (log in to the registry with docker/login-action before this step)`
      )
    })
  })

  test('a 500 is transient; a missing tag is not', async () => {
    await withRegistry({ kind: 'none' }, async (server, host) => {
      server.failFirst = 1
      const error = (await new HttpRegistry()
        .inspect(`${host}/acme/nb:tier1-1.2.3`)
        .catch((e: unknown) => e)) as RegistryError
      expect([error.transient, error.status, error.message]).toEqual([
        true,
        500,
        `${host}/acme/nb: manifests/tier1-1.2.3 answered 500 Internal Server Error`
      ])
      const missing = (await new HttpRegistry()
        .inspect(`${host}/acme/nb:nope`)
        .catch((e: unknown) => e)) as RegistryError
      expect([missing.transient, missing.status]).toEqual([false, 404])
    })
  })

  test('a registry that does not answer is a transient error naming it', async () => {
    // A port that was just free: nothing listens there.
    const probe = new FakeRegistryServer()
    const host = await probe.start()
    await probe.stop()
    const error = (await new HttpRegistry()
      .inspect(`${host}/acme/nb:x`)
      .catch((e: unknown) => e)) as RegistryError
    expect(error.transient).toBe(true)
    expect(error.message).toBe(
      `${host}: GET http://${host}/v2/acme/nb/manifests/x failed: ECONNREFUSED: connect ECONNREFUSED ${host}`
    )
  })

  test('bytes that do not match the digest the registry announces are refused', async () => {
    await withRegistry({ kind: 'none' }, async (server, host) => {
      server.putCorrupt('acme/nb', MANIFEST_DIGEST, fixture('attestation.json'), OCI_MANIFEST)
      const wrong = `${host}/acme/nb: manifest ${MANIFEST_DIGEST} has digest sha256:4fafd6199d3464b63a450e84d53351ed91fdb16cb6a2d7c9b765dcaaa8c6011d, expected ${MANIFEST_DIGEST}`
      await expect(new HttpRegistry().inspect(`${host}/acme/nb:tier1-1.2.3`)).rejects.toThrow(wrong)
      await expect(
        new HttpRegistry().inspect(`${host}/acme/nb@${MANIFEST_DIGEST}`)
      ).rejects.toThrow(wrong)
    })
  })
})

describe('HttpRegistry.tagDigest', () => {
  test('the digest a tag points at, or undefined for a missing tag', async () => {
    await withRegistry({ kind: 'none' }, async (server, host) => {
      const registry = new HttpRegistry()
      await expect(registry.tagDigest(`${host}/acme/nb:tier1-1.2.3`)).resolves.toBe(INDEX_DIGEST)
      await expect(registry.tagDigest(`${host}/acme/nb:tier1-9.9.9`)).resolves.toBeUndefined()
      expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'HEAD'])
    })
  })
})

describe('HTTPS first, plain HTTP only where the engine uses it', () => {
  /** A fetch that records the URLs it is asked for, then fetches them. */
  function recording(): { fetcher: typeof fetch; urls: string[] } {
    const urls: string[] = []
    const fetcher = ((input: string | URL | Request, init?: RequestInit) => {
      urls.push(`${init?.method ?? 'GET'} ${String(input)}`)
      return fetch(input, init)
    }) as typeof fetch
    return { fetcher, urls }
  }

  test('a plain-HTTP registry the engine treats as insecure: HTTPS fails, HTTP answers and is kept', async () => {
    await withRegistry({ kind: 'none' }, async (_, host) => {
      const { fetcher, urls } = recording()
      const registry = new HttpRegistry(undefined, fetcher, undefined, async () => true)
      await expect(registry.tagDigest(`${host}/acme/nb:tier1-1.2.3`)).resolves.toBe(INDEX_DIGEST)
      await expect(registry.tagDigest(`${host}/acme/nb:tier1-1.2.3`)).resolves.toBe(INDEX_DIGEST)
      expect(urls).toStrictEqual([
        `HEAD https://${host}/v2/acme/nb/manifests/tier1-1.2.3`,
        `HEAD http://${host}/v2/acme/nb/manifests/tier1-1.2.3`,
        `HEAD http://${host}/v2/acme/nb/manifests/tier1-1.2.3`
      ])
    })
  })

  test('a registry the engine reaches over HTTPS only: never plain HTTP', async () => {
    await withRegistry({ kind: 'none' }, async (server, host) => {
      const { fetcher, urls } = recording()
      const asked: string[] = []
      const registry = new HttpRegistry(undefined, fetcher, undefined, async (name) => {
        asked.push(name)
        return false
      })
      const error = (await registry
        .inspect(`${host}/acme/nb:tier1-1.2.3`)
        .catch((e: unknown) => e)) as RegistryError
      expect(error).toBeInstanceOf(RegistryError)
      expect(error.message).toMatch(
        new RegExp(`^${host}: GET https://${host}/v2/acme/nb/manifests/tier1-1.2.3 failed: `)
      )
      expect(urls).toStrictEqual([`GET https://${host}/v2/acme/nb/manifests/tier1-1.2.3`])
      expect(asked).toStrictEqual([host])
      expect(server.requests).toStrictEqual([])
    })
  })

  test('by default only loopback registries may be read over plain HTTP', async () => {
    await withRegistry({ kind: 'none' }, async (_, host) => {
      expect(host).toMatch(/^127\.0\.0\.1:\d+$/)
      await expect(new HttpRegistry().tagDigest(`${host}/acme/nb:tier1-1.2.3`)).resolves.toBe(
        INDEX_DIGEST
      )
    })
  })
})

describe('engineAllowsPlainHttp: the engine decides, as for its own pushes', () => {
  test('asks the engine once, resolves names, and follows its insecure registries', async () => {
    let asked = 0
    const check = engineAllowsPlainHttp(
      async () => {
        asked++
        return {
          IndexConfigs: { 'registry.lan:5000': { Secure: false } },
          InsecureRegistryCIDRs: ['127.0.0.0/8']
        }
      },
      async (host) => (host === 'vm' ? ['127.0.0.1'] : ['192.0.2.9'])
    )
    expect(await check('vm:5000')).toBe(true)
    expect(await check('registry.lan:5000')).toBe(true)
    expect(await check('ghcr.io')).toBe(false)
    expect(asked).toBe(1)
  })

  test('an engine that cannot be asked: loopback addresses only', async () => {
    const check = engineAllowsPlainHttp(
      async () => {
        throw new Error('no engine')
      },
      async () => ['127.0.0.1']
    )
    expect(await check('127.0.0.1:5000')).toBe(true)
    expect(await check('vm:5000')).toBe(false)
  })
})

describe('references and challenges', () => {
  test.each<[string, string, string, string]>([
    ['ghcr.io/acme/nb:tier1-1.2.3', 'ghcr.io', 'acme/nb', 'tier1-1.2.3'],
    ['127.0.0.1:5000/acme/nb:1', '127.0.0.1:5000', 'acme/nb', '1'],
    ['localhost/nb@sha256:abc', 'localhost', 'nb', 'sha256:abc'],
    ['acme/nb:1.2', 'registry-1.docker.io', 'acme/nb', '1.2'],
    ['python:3.12', 'registry-1.docker.io', 'library/python', '3.12'],
    ['docker.io/library/python', 'registry-1.docker.io', 'library/python', 'latest']
  ])('%s', (reference, registry, name, ref) => {
    const parsed = parseReference(reference)
    expect([parsed.location.registry, parsed.location.path, parsed.ref]).toEqual([
      registry,
      name,
      ref
    ])
  })

  test('WWW-Authenticate challenges', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/nb:pull"'
      )
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://ghcr.io/token',
        service: 'ghcr.io',
        scope: 'repository:acme/nb:pull'
      }
    })
    expect(parseChallenge('Basic realm="Registry Realm"')).toEqual({
      scheme: 'basic',
      params: { realm: 'Registry Realm' }
    })
  })
})
