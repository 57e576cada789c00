import { RegistryError } from '../../src/adapters/registry.js'
import { isTransientPushError, pushImages, type PublishItem } from '../../src/publish/push.js'
import { FakeDocker, FakeRegistry, RecordingLogger, fakeDigest } from '../helpers/fakes.js'

const fail = (error: string) => ({ exitCode: 1, error })
const REFUSED =
  'failed to do request: Head "http://127.0.0.1:5000/v2/acme/nb/blobs/sha256:d929": dial tcp 127.0.0.1:5000: connect: connection refused'

const items = (): PublishItem[] => [
  {
    name: 'tier1',
    tiers: ['tier1'],
    localRef: 'acme/nb:tier1',
    refs: ['r/nb:tier1-1.2.3', 'r/nb:tier1-1.2', 'r/nb:tier1-latest']
  },
  {
    name: 'tier2',
    tiers: ['tier2'],
    localRef: 'acme/nb:tier2',
    refs: ['r/nb:tier2-1.2.3', 'r/nb:tier2-1.2', 'r/nb:tier2-latest']
  }
]

function setup(): {
  docker: FakeDocker
  registry: FakeRegistry
  logger: RecordingLogger
  waits: number[]
} {
  const docker = new FakeDocker()
  const registry = new FakeRegistry()
  docker.registry = registry
  return { docker, registry, logger: new RecordingLogger(), waits: [] }
}

async function run(env: ReturnType<typeof setup>, list = items()) {
  return pushImages(list, {
    docker: env.docker,
    registry: env.registry,
    logger: env.logger,
    sleep: async (ms) => {
      env.waits.push(ms)
    }
  })
}

describe('publish', () => {
  test('exact tags first for every image, then the floating tags; each read back', async () => {
    const env = setup()
    const outcome = await run(env)
    expect(outcome.error).toBeUndefined()
    expect(env.docker.calls.filter((call) => call.startsWith('push'))).toEqual([
      'push r/nb:tier1-1.2.3',
      'push r/nb:tier2-1.2.3',
      'push r/nb:tier1-1.2',
      'push r/nb:tier1-latest',
      'push r/nb:tier2-1.2',
      'push r/nb:tier2-latest'
    ])
    // Each floating tag: is it there already (no), then where it points after the push.
    expect(env.registry.calls).toEqual([
      'inspect r/nb:tier1-1.2.3',
      'inspect r/nb:tier2-1.2.3',
      'head r/nb:tier1-1.2',
      'head r/nb:tier1-1.2',
      'head r/nb:tier1-latest',
      'head r/nb:tier1-latest',
      'head r/nb:tier2-1.2',
      'head r/nb:tier2-1.2',
      'head r/nb:tier2-latest',
      'head r/nb:tier2-latest'
    ])
    const tier1 = fakeDigest('index acme/nb:tier1')
    expect(outcome.images[0]).toEqual({
      name: 'tier1',
      tags: items()[0]?.refs.map((ref) => ({ ref, pushed: true, uploaded: true, digest: tier1 })),
      digest: tier1,
      platformDigest: fakeDigest('manifest acme/nb:tier1'),
      compressedBytes: 600
    })
    expect(env.waits).toEqual([])
  })

  test('an image the registry already serves under every tag: nothing pushed, the digests stay', async () => {
    const env = setup()
    // A first run pushed everything; the second has the same images (the same IDs).
    await run(env)
    const before = new Map(env.registry.images)
    env.docker.calls.length = 0
    env.registry.calls.length = 0
    const withIds = items().map((item) => ({
      ...item,
      localId: fakeDigest(`index ${item.localRef}`)
    }))
    const outcome = await run(env, withIds)
    expect(outcome.error).toBeUndefined()
    expect(env.docker.calls).toStrictEqual([])
    expect(env.registry.images).toStrictEqual(before)
    for (const [index, image] of outcome.images.entries()) {
      const digest = fakeDigest(`index ${withIds[index]?.localRef ?? ''}`)
      expect(image.digest).toBe(digest)
      expect(image.tags).toStrictEqual(
        withIds[index]?.refs.map((ref) => ({ ref, pushed: true, uploaded: false, digest }))
      )
    }
    expect(env.logger.lines).toContain(
      `info: r/nb:tier1-1.2.3: already in the registry at ${fakeDigest('index acme/nb:tier1')}; nothing to push`
    )
    // Still read back: the compressed size and the platform manifest come from there.
    expect(env.registry.calls.filter((call) => call.startsWith('inspect'))).toStrictEqual([
      'inspect r/nb:tier1-1.2.3',
      'inspect r/nb:tier2-1.2.3'
    ])
  })

  test('the exact tag is there but latest points elsewhere: only latest is pushed', async () => {
    const env = setup()
    const digest = fakeDigest('index acme/nb:tier1')
    const old = { ...env.docker.packedFor('acme/nb:old'), digest: fakeDigest('old') }
    env.registry.images.set('r/nb:tier1-1.2.3', env.docker.packedFor('acme/nb:tier1'))
    env.registry.images.set('r/nb:tier1-1.2', env.docker.packedFor('acme/nb:tier1'))
    env.registry.images.set('r/nb:tier1-latest', old)
    const [tier1] = items()
    const outcome = await run(env, [{ ...(tier1 as PublishItem), localId: digest }])
    expect(outcome.error).toBeUndefined()
    expect(env.docker.calls).toStrictEqual([
      'tag acme/nb:tier1 r/nb:tier1-latest',
      'push r/nb:tier1-latest'
    ])
    expect(outcome.images[0]?.tags.map((tag) => [tag.ref, tag.uploaded, tag.digest])).toStrictEqual(
      [
        ['r/nb:tier1-1.2.3', false, digest],
        ['r/nb:tier1-1.2', false, digest],
        ['r/nb:tier1-latest', true, digest]
      ]
    )
  })

  test.each<[string, (registry: FakeRegistry) => void]>([
    ['another image under the tag', () => undefined],
    [
      'a registry that cannot say (its HEAD fails)',
      (registry) => {
        registry.tagDigest = async (reference) => {
          registry.calls.push(`head ${reference}`)
          throw new RegistryError(
            'r: HEAD manifests/tier1-1.2.3 answered 401 Unauthorized',
            false,
            401
          )
        }
      }
    ]
  ])('%s: pushed as usual', async (_name, script) => {
    const env = setup()
    env.registry.images.set('r/nb:tier1-1.2.3', {
      ...env.docker.packedFor('acme/nb:old'),
      digest: fakeDigest('old')
    })
    script(env.registry)
    const [tier1] = items()
    const local = { ...(tier1 as PublishItem), refs: ['r/nb:tier1-1.2.3'] }
    const outcome = await run(env, [{ ...local, localId: fakeDigest('index acme/nb:tier1') }])
    expect(outcome.error).toBeUndefined()
    expect(env.docker.calls).toStrictEqual([
      'tag acme/nb:tier1 r/nb:tier1-1.2.3',
      'push r/nb:tier1-1.2.3'
    ])
    expect(outcome.images[0]?.tags[0]?.uploaded).toBe(true)
  })

  test('a transient failure is retried with backoff (2 s, then 4 s) and succeeds', async () => {
    const env = setup()
    env.docker.pushResults['r/nb:tier2-1.2.3'] = [
      fail('received unexpected HTTP status: 500 Internal Server Error'),
      fail(REFUSED)
    ]
    const outcome = await run(env)
    expect(outcome.error).toBeUndefined()
    expect(env.waits).toEqual([2000, 4000])
    expect(env.logger.lines.filter((line) => line.startsWith('warning:'))).toEqual([
      'warning: docker push r/nb:tier2-1.2.3 failed (try 1 of 3): received unexpected HTTP status: 500 Internal Server Error; retrying in 2 s',
      `warning: docker push r/nb:tier2-1.2.3 failed (try 2 of 3): ${REFUSED}; retrying in 4 s`
    ])
  })

  test('after 3 tries the run stops, names the image, and claims only what was pushed', async () => {
    const env = setup()
    env.docker.pushResults['r/nb:tier2-1.2.3'] = [fail(REFUSED), fail(REFUSED), fail(REFUSED)]
    const outcome = await run(env)
    expect(outcome.error).toBe(
      `tier2 (tier2): pushing r/nb:tier2-1.2.3 failed after 3 tries: ${REFUSED}`
    )
    expect(outcome.images.map((image) => image.tags.map((tag) => tag.pushed))).toEqual([
      [true, false, false],
      [false, false, false]
    ])
    // No floating tag moved: latest still points where it did before the run.
    expect(env.docker.calls).not.toContain('push r/nb:tier1-latest')
    expect(env.waits).toEqual([2000, 4000])
  })

  test('a permanent error (denied) is not retried', async () => {
    const env = setup()
    env.docker.pushResults['r/nb:tier1-1.2.3'] = [
      fail('denied: requested access to the resource is denied')
    ]
    const outcome = await run(env)
    expect(outcome.error).toBe(
      'tier1 (tier1): pushing r/nb:tier1-1.2.3 failed: denied: requested access to the resource is denied'
    )
    expect(env.waits).toEqual([])
    expect(outcome.images.flatMap((image) => image.tags).some((tag) => tag.pushed)).toBe(false)
  })

  test('a floating tag failing stops the run after the exact tags are all in', async () => {
    const env = setup()
    env.docker.pushResults['r/nb:tier1-latest'] = [fail('unauthorized: authentication required')]
    const outcome = await run(env)
    expect(outcome.error).toBe(
      'tier1 (tier1): pushing r/nb:tier1-latest failed: unauthorized: authentication required'
    )
    expect(outcome.images.map((image) => image.tags.map((tag) => tag.pushed))).toEqual([
      [true, true, false],
      [true, false, false]
    ])
  })

  test('reading back retries transient registry errors, then says the push happened', async () => {
    const env = setup()
    env.registry.inspectErrors['r/nb:tier1-1.2.3'] = [new RegistryError('503', true, 503)]
    expect((await run(env)).error).toBeUndefined()
    const again = setup()
    again.registry.inspectErrors['r/nb:tier1-1.2.3'] = [
      new RegistryError('x: answered 401', false, 401)
    ]
    const outcome = await run(again)
    expect(outcome.error).toBe(
      'tier1 (tier1): r/nb:tier1-1.2.3 was pushed, but reading it back from the registry failed: x: answered 401'
    )
    expect(outcome.images[0]?.tags[0]?.pushed).toBe(true)
  })

  test('the registry must hold what the budget was checked against (compressed basis)', async () => {
    const env = setup()
    const list = items()
    const [first] = list
    if (first) first.expected = { digest: fakeDigest('index acme/nb:tier1'), compressedBytes: 599 }
    const outcome = await run(env, list)
    expect(outcome.error).toBe(
      `tier1 (tier1): the registry holds ${fakeDigest('index acme/nb:tier1')} with 600 compressed bytes, but the budget was checked against the local ${fakeDigest('index acme/nb:tier1')} with 599; the engine re-packed the image on push`
    )
  })

  test('a digest printed by docker push that the registry does not serve is an error', async () => {
    const env = setup()
    env.docker.pushResults['r/nb:tier1-1.2.3'] = [
      { exitCode: 0, digest: fakeDigest('other'), error: '' }
    ]
    const outcome = await run(env)
    expect(outcome.error).toBe(
      `tier1 (tier1): docker push reported ${fakeDigest('other')} for r/nb:tier1-1.2.3, but the registry serves ${fakeDigest('index acme/nb:tier1')}`
    )
  })
})

describe('isTransientPushError', () => {
  test.each<[string, boolean]>([
    [REFUSED, true],
    ['received unexpected HTTP status: 502 Bad Gateway', true],
    ['toomanyrequests: You have reached your pull rate limit', true],
    ['net/http: TLS handshake timeout', true],
    ['unexpected EOF', true],
    ['denied: requested access to the resource is denied', false],
    ['unauthorized: authentication required', false],
    ['name unknown: repository name not known to registry', false],
    ['An image does not exist locally with the tag: x', false],
    ['invalid reference format', false]
  ])('%s → %s', (message, transient) => {
    expect(isTransientPushError(message)).toBe(transient)
  })
})
