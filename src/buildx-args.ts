import type { ImagePlan } from './types.js'

/** Settings shared by every build of a run (from the action inputs). */
export interface BuildSettings {
  builder?: string
  cacheFrom: string[]
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

/**
 * The argument vector of `docker buildx build` for one image (without the leading
 * `docker`). The image is loaded into the engine so it can be measured, and buildx writes
 * its result metadata to `metadataFile`. Progress is requested as raw JSON so the action
 * can time steps and keep the log of a failed build.
 */
export function buildxBuildArgs(
  image: ImagePlan,
  settings: BuildSettings,
  metadataFile: string
): string[] {
  const args = ['buildx', 'build', '--progress=rawjson']
  if (settings.builder) args.push('--builder', settings.builder)
  args.push('--file', image.dockerfile)
  if (image.target !== undefined) args.push('--target', image.target)
  args.push('--tag', image.ref, '--load', '--metadata-file', metadataFile)
  for (const [key, value] of Object.entries(settings.labels))
    args.push('--label', `${key}=${value}`)
  for (const [key, value] of Object.entries(image.buildArgs))
    args.push('--build-arg', `${key}=${value}`)
  for (const cache of settings.cacheFrom) args.push('--cache-from', cache)
  for (const cache of settings.cacheTo) args.push('--cache-to', cache)
  if (settings.noCache) args.push('--no-cache')
  args.push(image.context)
  return args
}
