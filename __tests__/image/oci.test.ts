import { readFileSync } from 'node:fs'
import {
  compressedSize,
  isAttestation,
  ManifestFormatError,
  parseManifestDocument,
  pickPlatformManifest,
  resolveArchiveImage,
  resolveImage,
  sha256Digest,
  type ArchiveFile,
  type Descriptor,
  type ImageIndex
} from '../../src/image/oci.js'

// Real bytes from a local registry after `docker push` of a buildx 0.13 image with default
// attestations (see __tests__/fixtures/oci/README.md).
const bytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/oci/${name}`, import.meta.url)))
const INDEX = bytes('index.json')
const MANIFEST = bytes('manifest.json')
const ATTESTATION = bytes('attestation.json')
const INDEX_DIGEST = 'sha256:5e5bfc419ed983f4ca5585dfd7ea5f3037e95842293fda18f629b07a7bedf3a0'
const MANIFEST_DIGEST = 'sha256:a3b93156c35c395837ed46e76bd1a0f8d431c1e4d5f40fcf4a57d33df25461e1'
const ATTESTATION_DIGEST = 'sha256:4fafd6199d3464b63a450e84d53351ed91fdb16cb6a2d7c9b765dcaaa8c6011d'
const CONFIG_DIGEST = 'sha256:7706e4b70def731958ed06e6eca74c31471ae00484a11f938292a1e171c24c10'
const LAYERS: [string, number][] = [
  ['sha256:b93075ebf1792b9e48d84d93002191022e4d5eb192bd1072ce42df9d6dee4d77', 1_068_733],
  ['sha256:60dc9e82a38557006b436316b05768f1b1a7cf0a366873a456515b823fced9c4', 2_097_936],
  ['sha256:0c19f0abd26086d1321095af6c4a39f24fd3a88f73ea8178715eef1955169d31', 1_049_043]
]

const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))
const d = (digit: string): string => `sha256:${digit.repeat(64)}`
const entry = (fields: Partial<Descriptor>): Descriptor => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: d('1'),
  size: 100,
  ...fields
})

describe('parseManifestDocument', () => {
  test('the fixtures hash to their digests', () => {
    expect([sha256Digest(INDEX), sha256Digest(MANIFEST), sha256Digest(ATTESTATION)]).toEqual([
      INDEX_DIGEST,
      MANIFEST_DIGEST,
      ATTESTATION_DIGEST
    ])
  })

  test('an OCI index with its attestation entry', () => {
    const index = parseManifestDocument(INDEX) as ImageIndex
    expect(index.kind).toBe('index')
    expect(index.manifests.map((m) => [m.digest, m.platform, isAttestation(m)])).toEqual([
      [MANIFEST_DIGEST, { os: 'linux', architecture: 'amd64' }, false],
      [ATTESTATION_DIGEST, { os: 'unknown', architecture: 'unknown' }, true]
    ])
  })

  test('an OCI image manifest: config plus layers is the compressed size', () => {
    const manifest = parseManifestDocument(MANIFEST)
    expect(manifest.kind).toBe('manifest')
    if (manifest.kind !== 'manifest') return
    expect(manifest.config).toMatchObject({ digest: CONFIG_DIGEST, size: 1254 })
    expect(manifest.layers.map((layer) => [layer.digest, layer.size])).toEqual(LAYERS)
    expect(compressedSize(manifest)).toBe(1254 + 1_068_733 + 2_097_936 + 1_049_043)
  })

  test.each<[string, unknown, string | undefined, string]>([
    [
      'a Docker manifest list',
      {
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
        manifests: []
      },
      undefined,
      'index'
    ],
    [
      'a Docker v2 manifest',
      {
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: entry({}),
        layers: []
      },
      undefined,
      'manifest'
    ],
    [
      'an index without mediaType, by its Content-Type',
      { schemaVersion: 2, manifests: [] },
      'application/vnd.oci.image.index.v1+json; charset=utf-8',
      'index'
    ],
    [
      'a manifest without any media type, by its fields',
      { schemaVersion: 2, config: entry({}), layers: [] },
      undefined,
      'manifest'
    ]
  ])('%s', (_, doc, declared, kind) => {
    expect(parseManifestDocument(json(doc), declared).kind).toBe(kind)
  })

  test.each<[string, Uint8Array, string]>([
    ['not JSON', new TextEncoder().encode('<html>'), 'the manifest is not JSON'],
    ['a JSON list', json([]), 'the manifest is not a JSON object'],
    [
      'a schema 1 manifest',
      json({ schemaVersion: 1, fsLayers: [] }),
      'unsupported manifest media type "(none)" (schema 1 manifests are not supported)'
    ],
    [
      'a bad digest',
      json({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { digest: 'md5:x', size: 1 },
        layers: []
      }),
      '"config.digest" is not a digest'
    ],
    [
      'a negative size',
      json({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: entry({ size: -1 }),
        layers: []
      }),
      '"config.size" is not a size'
    ],
    [
      'layers not a list',
      json({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: entry({}),
        layers: {}
      }),
      '"layers" is not a list'
    ]
  ])('%s is refused', (_, input, message) => {
    expect(() => parseManifestDocument(input)).toThrow(new ManifestFormatError(message))
  })
})

describe('pickPlatformManifest', () => {
  const index = (...manifests: Descriptor[]): ImageIndex => ({
    kind: 'index',
    mediaType: '',
    manifests
  })
  const amd64 = entry({ digest: d('a'), platform: { os: 'linux', architecture: 'amd64' } })
  const arm64 = entry({
    digest: d('b'),
    platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }
  })
  const attest = entry({ digest: d('c'), platform: { os: 'unknown', architecture: 'unknown' } })
  const annotated = entry({
    digest: d('e'),
    annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
  })

  test.each<
    [string, ImageIndex, { os: string; architecture: string; variant?: string } | undefined, string]
  >([
    ['the one image, attestations skipped', index(attest, amd64), undefined, d('a')],
    [
      'annotated attestations are skipped too',
      index(annotated, amd64),
      { os: 'linux', architecture: 'amd64' },
      d('a')
    ],
    [
      'the matching platform of several',
      index(amd64, arm64, attest),
      { os: 'linux', architecture: 'arm64' },
      d('b')
    ],
    [
      'a variant must match when both give one',
      index(amd64, arm64),
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      d('b')
    ]
  ])('%s', (_, idx, platform, digest) => {
    expect(pickPlatformManifest(idx, platform).digest).toBe(digest)
  })

  test.each<
    [string, ImageIndex, { os: string; architecture: string; variant?: string } | undefined, string]
  >([
    ['only attestations', index(attest, annotated), undefined, 'the index lists no image manifest'],
    [
      'several platforms, none asked for',
      index(amd64, arm64),
      undefined,
      'the index lists 2 platforms and no platform was asked for'
    ],
    [
      'no match',
      index(amd64, arm64),
      { os: 'linux', architecture: 's390x' },
      'the index has no manifest for linux/s390x (it lists linux/amd64, linux/arm64/v8)'
    ],
    [
      'a different variant',
      index(amd64, arm64),
      { os: 'linux', architecture: 'arm64', variant: 'v7' },
      'the index has no manifest for linux/arm64/v7 (it lists linux/amd64, linux/arm64/v8)'
    ]
  ])('%s is an error', (_, idx, platform, message) => {
    expect(() => pickPlatformManifest(idx, platform)).toThrow(new ManifestFormatError(message))
  })
})

describe('resolveImage', () => {
  const blobs = new Map([
    [MANIFEST_DIGEST, MANIFEST],
    [ATTESTATION_DIGEST, ATTESTATION]
  ])
  const fetch = async (descriptor: Descriptor): Promise<Uint8Array> => {
    const found = blobs.get(descriptor.digest)
    if (!found) throw new Error(`not found: ${descriptor.digest}`)
    return found
  }

  test('an index resolves to its platform manifest; the pin is the index digest', async () => {
    await expect(
      resolveImage({ digest: INDEX_DIGEST, bytes: INDEX }, fetch, {
        os: 'linux',
        architecture: 'amd64'
      })
    ).resolves.toEqual({
      digest: INDEX_DIGEST,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platformDigest: MANIFEST_DIGEST,
      platform: { os: 'linux', architecture: 'amd64' },
      compressedBytes: 4_216_966,
      configBytes: 1254,
      layerBytes: LAYERS.map(([, size]) => size),
      layerDigests: LAYERS.map(([digest]) => digest)
    })
  })

  test('a plain manifest is its own platform manifest', async () => {
    const resolved = await resolveImage({ digest: MANIFEST_DIGEST, bytes: MANIFEST }, fetch)
    expect([resolved.digest, resolved.platformDigest, resolved.compressedBytes]).toEqual([
      MANIFEST_DIGEST,
      MANIFEST_DIGEST,
      4_216_966
    ])
  })

  test('a child whose bytes do not match its digest is refused', async () => {
    const tampered = async (): Promise<Uint8Array> => ATTESTATION
    await expect(resolveImage({ digest: INDEX_DIGEST, bytes: INDEX }, tampered)).rejects.toThrow(
      `manifest ${MANIFEST_DIGEST} has the wrong content (its digest is ${ATTESTATION_DIGEST})`
    )
  })
})

describe('resolveArchiveImage (docker save output)', () => {
  const REF = '127.0.0.1:5000/acme/nb:tier1'
  const layout = json({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.index.v1+json',
        digest: INDEX_DIGEST,
        size: INDEX.length,
        annotations: {
          'io.containerd.image.name': REF,
          'org.opencontainers.image.ref.name': 'tier1'
        }
      }
    ]
  })
  const blob = (digest: string, size: number, content?: Uint8Array): ArchiveFile => ({
    name: `blobs/sha256/${digest.slice(7)}`,
    size,
    ...(content ? { content } : {})
  })
  const archive = (): ArchiveFile[] => [
    { name: 'index.json', size: layout.length, content: layout },
    blob(INDEX_DIGEST, INDEX.length, INDEX),
    blob(MANIFEST_DIGEST, MANIFEST.length, MANIFEST),
    blob(ATTESTATION_DIGEST, ATTESTATION.length, ATTESTATION),
    blob(CONFIG_DIGEST, 1254),
    ...LAYERS.map(([digest, size]) => blob(digest, size))
  ]

  test('finds the image, its platform manifest and its compressed size', async () => {
    const resolved = await resolveArchiveImage(archive(), REF, {
      os: 'linux',
      architecture: 'amd64'
    })
    expect([resolved.digest, resolved.platformDigest, resolved.compressedBytes]).toEqual([
      INDEX_DIGEST,
      MANIFEST_DIGEST,
      4_216_966
    ])
  })

  test.each<[string, (files: ArchiveFile[]) => ArchiveFile[], string]>([
    [
      'no index.json (the classic image store)',
      (files) => files.filter((f) => f.name !== 'index.json'),
      'the docker save output has no index.json: the engine does not use the containerd image store'
    ],
    [
      'a layer missing',
      (files) => files.filter((f) => !f.name.endsWith((LAYERS[1]?.[0] ?? '').slice(7))),
      `blob ${LAYERS[1]?.[0]} is not in the archive: the image's packed content is not all local`
    ],
    [
      'a layer of another size',
      (files) =>
        files.map((f) =>
          f.name.endsWith((LAYERS[0]?.[0] ?? '').slice(7)) ? { ...f, size: 5 } : f
        ),
      `blob ${LAYERS[0]?.[0]} is 5 bytes in the archive, but the manifest says 1068733`
    ],
    [
      'the index blob tampered with',
      (files) =>
        files.map((f) =>
          f.name.endsWith(INDEX_DIGEST.slice(7)) ? { ...f, content: MANIFEST } : f
        ),
      `${INDEX_DIGEST} has the wrong content in the archive`
    ]
  ])('%s is an error', async (_, change, message) => {
    await expect(resolveArchiveImage(change(archive()), REF)).rejects.toThrow(
      new ManifestFormatError(message)
    )
  })

  test('an archive listing another image by name is refused', async () => {
    const other = json({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        entry({ annotations: { 'io.containerd.image.name': 'a:1' } }),
        entry({ annotations: { 'io.containerd.image.name': 'b:1' } })
      ]
    })
    await expect(
      resolveArchiveImage([{ name: 'index.json', size: other.length, content: other }], REF)
    ).rejects.toThrow(`index.json does not list ${REF}`)
  })
})
