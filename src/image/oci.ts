import { createHash } from 'node:crypto'

// OCI image indexes and manifests (and their Docker v2 equivalents), as registries serve
// them and as `docker save` writes them: enough to find an image's platform manifest and
// add up what a pull downloads.

/** Media types of image indexes (multi-platform lists). */
export const INDEX_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
] as const

/** Media types of single-platform image manifests. */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
] as const

/** The Accept header for manifest requests: every index and manifest type we read. */
export const MANIFEST_ACCEPT = [...INDEX_MEDIA_TYPES, ...MANIFEST_MEDIA_TYPES].join(', ')

/** A content descriptor. */
export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: Platform
  annotations?: Record<string, string>
}

/** An OS/architecture pair (with variant, e.g. arm64/v8). */
export interface Platform {
  os: string
  architecture: string
  variant?: string
}

/** An image index or manifest list. */
export interface ImageIndex {
  kind: 'index'
  mediaType: string
  manifests: Descriptor[]
}

/** A single-platform image manifest. */
export interface ImageManifest {
  kind: 'manifest'
  mediaType: string
  config: Descriptor
  layers: Descriptor[]
}

/** A malformed or unexpected manifest document. */
export class ManifestFormatError extends Error {
  override readonly name = 'ManifestFormatError'
}

/** Digest (`sha256:…`) of a blob's bytes. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/**
 * Parses an index or manifest document. The media type comes from the document, else from
 * the transport (Content-Type, or the descriptor that pointed at it).
 */
export function parseManifestDocument(
  bytes: Uint8Array,
  declaredType?: string
): ImageIndex | ImageManifest {
  let doc: unknown
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    throw new ManifestFormatError('the manifest is not JSON')
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ManifestFormatError('the manifest is not a JSON object')
  }
  const record = doc as Record<string, unknown>
  const mediaType =
    typeof record['mediaType'] === 'string'
      ? record['mediaType']
      : (declaredType?.split(';')[0]?.trim() ?? '')
  const isIndex =
    (INDEX_MEDIA_TYPES as readonly string[]).includes(mediaType) ||
    (mediaType === '' && Array.isArray(record['manifests']))
  if (isIndex) {
    return { kind: 'index', mediaType, manifests: descriptors(record['manifests'], 'manifests') }
  }
  const isManifest =
    (MANIFEST_MEDIA_TYPES as readonly string[]).includes(mediaType) ||
    (mediaType === '' && Array.isArray(record['layers']))
  if (isManifest) {
    return {
      kind: 'manifest',
      mediaType,
      config: descriptor(record['config'], 'config'),
      layers: descriptors(record['layers'], 'layers')
    }
  }
  throw new ManifestFormatError(
    `unsupported manifest media type "${mediaType || '(none)'}" (schema 1 manifests are not supported)`
  )
}

function descriptors(value: unknown, field: string): Descriptor[] {
  if (!Array.isArray(value)) throw new ManifestFormatError(`"${field}" is not a list`)
  return value.map((item, index) => descriptor(item, `${field}[${index}]`))
}

function descriptor(value: unknown, field: string): Descriptor {
  if (value === null || typeof value !== 'object') {
    throw new ManifestFormatError(`"${field}" is not a descriptor`)
  }
  const record = value as Record<string, unknown>
  const { mediaType, digest, size } = record
  if (
    typeof digest !== 'string' ||
    !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/.test(digest)
  )
    throw new ManifestFormatError(`"${field}.digest" is not a digest`)
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    throw new ManifestFormatError(`"${field}.size" is not a size`)
  const result: Descriptor = {
    mediaType: typeof mediaType === 'string' ? mediaType : '',
    digest,
    size
  }
  const platform = record['platform'] as Record<string, unknown> | undefined
  if (
    platform &&
    typeof platform['os'] === 'string' &&
    typeof platform['architecture'] === 'string'
  ) {
    result.platform = { os: platform['os'], architecture: platform['architecture'] }
    if (typeof platform['variant'] === 'string') result.platform.variant = platform['variant']
  }
  const annotations = record['annotations']
  if (annotations && typeof annotations === 'object' && !Array.isArray(annotations)) {
    result.annotations = Object.fromEntries(
      Object.entries(annotations as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string'
      )
    )
  }
  return result
}

/**
 * Whether an index entry is an attestation (provenance/SBOM) rather than an image:
 * buildx marks them with `vnd.docker.reference.type: attestation-manifest` and the
 * platform unknown/unknown (as actions-toolkit's imagetools also skips them).
 */
export function isAttestation(entry: Descriptor): boolean {
  return (
    entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (entry.platform?.os === 'unknown' && entry.platform.architecture === 'unknown')
  )
}

/**
 * The image manifest of an index for a platform: attestations are skipped; with one image
 * left it is taken, else the one matching the platform (a missing variant matches any).
 */
export function pickPlatformManifest(index: ImageIndex, platform?: Platform): Descriptor {
  const images = index.manifests.filter(
    (entry) =>
      !isAttestation(entry) &&
      (entry.mediaType === '' ||
        (MANIFEST_MEDIA_TYPES as readonly string[]).includes(entry.mediaType))
  )
  if (images.length === 0) throw new ManifestFormatError('the index lists no image manifest')
  if (images.length === 1 || !platform) {
    if (images.length > 1 && !platform) {
      throw new ManifestFormatError(
        `the index lists ${images.length} platforms and no platform was asked for`
      )
    }
    return images[0] as Descriptor
  }
  const match = images.find(
    (entry) =>
      entry.platform?.os === platform.os &&
      entry.platform.architecture === platform.architecture &&
      (platform.variant === undefined ||
        entry.platform.variant === undefined ||
        entry.platform.variant === platform.variant)
  )
  if (!match) {
    const listed = images.map((entry) => formatPlatform(entry.platform)).join(', ')
    throw new ManifestFormatError(
      `the index has no manifest for ${formatPlatform(platform)} (it lists ${listed})`
    )
  }
  return match
}

/** `linux/arm64/v8`, or `unknown` without a platform. */
export function formatPlatform(platform?: Platform): string {
  if (!platform) return 'unknown'
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')
}

/** What a pull of one platform's image downloads: the config blob plus every layer blob. */
export function compressedSize(manifest: ImageManifest): number {
  return manifest.config.size + manifest.layers.reduce((sum, layer) => sum + layer.size, 0)
}

/** An image resolved down to its platform manifest. */
export interface ResolvedImage {
  /** Digest of the top-level document (the index when there is one): what a pin names. */
  digest: string
  mediaType: string
  /** Digest of the platform image manifest (equal to `digest` without an index). */
  platformDigest: string
  platform?: Platform
  /** config.size + Σ layers[].size of the platform manifest. */
  compressedBytes: number
  configBytes: number
  layerBytes: number[]
  /** The digests of those layers (the compressed blobs a pull fetches), in the same order. */
  layerDigests: string[]
}

/**
 * Resolves a document to its platform manifest, reading child documents through `fetch`
 * (the registry, or the blobs of a `docker save` archive). Child digests are verified.
 */
export async function resolveImage(
  top: { digest: string; bytes: Uint8Array; mediaType?: string },
  fetch: (descriptor: Descriptor) => Promise<Uint8Array>,
  platform?: Platform
): Promise<ResolvedImage> {
  const document = parseManifestDocument(top.bytes, top.mediaType)
  let manifest: ImageManifest
  let platformDigest = top.digest
  let chosen: Platform | undefined = platform
  if (document.kind === 'index') {
    const entry = pickPlatformManifest(document, platform)
    const bytes = await fetch(entry)
    const actual = sha256Digest(bytes)
    if (actual !== entry.digest) {
      throw new ManifestFormatError(
        `manifest ${entry.digest} has the wrong content (its digest is ${actual})`
      )
    }
    const child = parseManifestDocument(bytes, entry.mediaType)
    if (child.kind !== 'manifest') {
      throw new ManifestFormatError(`${entry.digest} is a nested index, which is not supported`)
    }
    manifest = child
    platformDigest = entry.digest
    chosen = entry.platform ?? platform
  } else {
    manifest = document
  }
  const resolved: ResolvedImage = {
    digest: top.digest,
    mediaType: document.mediaType,
    platformDigest,
    compressedBytes: compressedSize(manifest),
    configBytes: manifest.config.size,
    layerBytes: manifest.layers.map((layer) => layer.size),
    layerDigests: manifest.layers.map((layer) => layer.digest)
  }
  if (chosen) resolved.platform = chosen
  return resolved
}

/** A file of a `docker save` archive: its path, size and (for small JSON blobs) content. */
export interface ArchiveFile {
  name: string
  size: number
  content?: Uint8Array
}

/** Largest blob `docker save` output is searched for documents in (the OCI manifest limit). */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024

/**
 * Resolves the image `ref` inside a `docker save` archive (an OCI image layout, as engines
 * with the containerd image store write it) to its platform manifest, and checks that every
 * layer blob the manifest names is in the archive with the size the manifest states, so
 * the figure is what a push uploads and a pull downloads.
 */
export async function resolveArchiveImage(
  files: ArchiveFile[],
  ref: string,
  platform?: Platform
): Promise<ResolvedImage> {
  const byName = new Map(files.map((file) => [file.name, file]))
  const index = byName.get('index.json')?.content
  if (!index) {
    throw new ManifestFormatError(
      'the docker save output has no index.json: the engine does not use the containerd image store'
    )
  }
  const layout = parseManifestDocument(index, INDEX_MEDIA_TYPES[0])
  if (layout.kind !== 'index') throw new ManifestFormatError('index.json is not an index')
  const named = layout.manifests.filter(
    (entry) => entry.annotations?.['io.containerd.image.name'] === ref
  )
  const top = named[0] ?? (layout.manifests.length === 1 ? layout.manifests[0] : undefined)
  if (!top) throw new ManifestFormatError(`index.json does not list ${ref}`)
  const blob = (digest: string): ArchiveFile | undefined =>
    byName.get(`blobs/${digest.replace(':', '/')}`)
  const read = async (descriptor: Descriptor): Promise<Uint8Array> => {
    const content = blob(descriptor.digest)?.content
    if (!content) throw new ManifestFormatError(`${descriptor.digest} is missing from the archive`)
    return content
  }
  const topBytes = await read(top)
  if (sha256Digest(topBytes) !== top.digest) {
    throw new ManifestFormatError(`${top.digest} has the wrong content in the archive`)
  }
  const resolved = await resolveImage(
    { digest: top.digest, bytes: topBytes, mediaType: top.mediaType },
    read,
    platform
  )
  const manifest = parseManifestDocument(
    await read({ mediaType: '', digest: resolved.platformDigest, size: 0 })
  )
  if (manifest.kind !== 'manifest') throw new ManifestFormatError('not an image manifest')
  for (const descriptor of [manifest.config, ...manifest.layers]) {
    const file = blob(descriptor.digest)
    if (!file) {
      throw new ManifestFormatError(
        `blob ${descriptor.digest} is not in the archive: the image's packed content is not all local`
      )
    }
    if (file.size !== descriptor.size) {
      throw new ManifestFormatError(
        `blob ${descriptor.digest} is ${file.size} bytes in the archive, but the manifest says ${descriptor.size}`
      )
    }
  }
  return resolved
}
