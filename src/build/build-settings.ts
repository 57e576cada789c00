import type { CacheShorthand } from './cache.js'

/** Settings shared by every build of a run (from the action inputs). */
export interface BuildSettings {
  builder?: string
  /** Repository of the images (the manifest's `image`), which per-image caches are named after. */
  repository: string
  /** The `cache` shorthand: one cache per image. */
  cache?: CacheShorthand
  /** Raw `--cache-from` values, passed to every image. */
  cacheFrom: string[]
  /** Raw `--cache-to` values, passed to every image. */
  cacheTo: string[]
  noCache: boolean
  /** Labels added to every image (OCI annotations of source, revision and creation time). */
  labels: Record<string, string>
}

/** What the run knows about the commit being built, for the OCI labels. */
export interface SourceInfo {
  /** e.g. https://github.com/acme/notebooks */
  repositoryUrl?: string
  /** Full commit SHA. */
  revision?: string
  /** Build time, RFC 3339. */
  created: string
}

/** The `org.opencontainers.image.*` labels docker/metadata-action also sets. */
export function ociLabels(source: SourceInfo): Record<string, string> {
  const labels: Record<string, string> = {}
  if (source.repositoryUrl) labels['org.opencontainers.image.source'] = source.repositoryUrl
  if (source.revision) labels['org.opencontainers.image.revision'] = source.revision
  labels['org.opencontainers.image.created'] = source.created
  return labels
}
