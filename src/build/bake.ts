// One `docker buildx bake` call builds several images in one BuildKit session: a stage they
// share (the base) is solved once, and the tier stages run concurrently. These pure helpers
// turn planned images into a bake definition (JSON) and the command that builds it: what
// every target gets (BuildSettings, OCI labels) and what each image gets (its cache).
import type { ImagePlan } from '../plan/types.js'

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
  /** The resolved Python packages the generated Dockerfile's images install from. */
  python?: PythonBuild
}

/** What a build from the generated Dockerfile needs of the Python resolution (src/resolve/). */
export interface PythonBuild {
  /** Named build contexts: the resolver's inputs (`nb-pip-in`). */
  contexts: Record<string, string>
  /** `secret` entries (`id=nb-pip-conf,env=NB_PIP_CONF`): the pip.conf, from the environment. */
  secrets: string[]
  /** Build args of the resolution stage (its key), the same in every call so it is cached. */
  args: Record<string, string>
  /**
   * The generated Dockerfile's stages that `no-cache` rebuilds: every one but the
   * resolution, which the run has just made afresh and the images must install from.
   */
  noCacheStages: string[]
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

/** The `cache` input's shorthands: one cache per image in the GitHub cache or a registry. */
export type CacheShorthand = 'gha' | 'registry'

/** The shorthands, in the order the docs list them. */
export const CACHE_SHORTHANDS: readonly CacheShorthand[] = ['gha', 'registry']

/** The `--cache-from` and `--cache-to` values of one image. */
export interface ImageCache {
  from: string[]
  to: string[]
}

/**
 * Expands a shorthand into one cache of the image's own. Images that share a cache key
 * overwrite each other's index, so that each tier would only find the cache of whichever
 * tier exported last (docker/build-push-action#286); `mode=max` also exports the layers of
 * the base stage, which `mode=min` leaves out of a `--target` build (#829).
 *
 * - `gha`: the GitHub Actions cache, scope `<repository>-<image name>`.
 * - `registry`: the tag `<repository>:buildcache-<image name>` next to the images.
 */
export function imageCache(
  shorthand: CacheShorthand,
  repository: string,
  imageName: string
): ImageCache {
  if (shorthand === 'gha') {
    const scope = `${repository}-${imageName}`
    return { from: [`type=gha,scope=${scope}`], to: [`type=gha,scope=${scope},mode=max`] }
  }
  const ref = `${repository}:buildcache-${imageName}`
  return { from: [`type=registry,ref=${ref}`], to: [`type=registry,ref=${ref},mode=max`] }
}

/** One image of a bake session and the bake target that builds it. */
export interface BakeEntry {
  target: string
  image: ImagePlan
}

/** A target of the bake file, as buildx reads it (the JSON form of docker-bake.hcl). */
export interface BakeTarget {
  context: string
  dockerfile: string
  target?: string
  tags: string[]
  args?: Record<string, string>
  labels?: Record<string, string>
  'cache-from'?: string[]
  'cache-to'?: string[]
  'no-cache'?: boolean
  'no-cache-filter'?: string[]
  /** Named contexts (`--build-context name=path`). */
  contexts?: Record<string, string>
  /** Secrets (`--secret id=…,env=…`); values never in this file. */
  secret?: string[]
  attest?: string[]
  output: string[]
}

/** The bake file: targets keyed by name. */
export interface BakeFile {
  target: Record<string, BakeTarget>
}

/**
 * Bake target names, one per image: buildx only accepts `[a-zA-Z0-9_-]+`, while tier names
 * may also hold dots. Other characters become `_`, and a number is added when two names
 * would collide (`ml.v2` → `ml_v2`; with a tier `ml_v2` too, the second is `ml_v2-2`).
 */
export function bakeTargetNames(images: ImagePlan[]): string[] {
  const used = new Set<string>()
  return images.map((image) => {
    const base = image.name.replace(/[^A-Za-z0-9_-]/g, '_') || 'image'
    let name = base
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`
    used.add(name)
    return name
  })
}

/**
 * Bake reads JSON files as HCL, so `${…}` and `%{…}` in any string (keys included) would be
 * evaluated as interpolations and directives; doubling the sigil keeps them literal.
 */
export function escapeHcl(text: string): string {
  return text.replace(/([$%])\{/g, '$1$1{')
}

function escapeMap(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map).map(([key, value]) => [escapeHcl(key), escapeHcl(value)])
  )
}

/**
 * The bake file for these images. Each target loads its image into the engine
 * (`type=docker`, like `--load`) so it can be measured, with the run's labels, the image's
 * build args, and its cache: the `cache` shorthand's per-image entries first, then the raw
 * `cache-from`/`cache-to` values every image gets.
 */
export function bakeFile(entries: BakeEntry[], settings: BuildSettings): BakeFile {
  const targets: Record<string, BakeTarget> = {}
  for (const { target, image } of entries) {
    const own = settings.cache
      ? imageCache(settings.cache, settings.repository, image.name)
      : { from: [], to: [] }
    const cacheFrom = [...own.from, ...settings.cacheFrom]
    const cacheTo = [...own.to, ...settings.cacheTo]
    const definition: BakeTarget = {
      context: escapeHcl(image.context),
      dockerfile: escapeHcl(image.dockerfile),
      tags: [escapeHcl(image.ref)],
      output: ['type=docker']
    }
    const python = image.generated ? settings.python : undefined
    const args = python ? { ...python.args, ...image.buildArgs } : image.buildArgs
    if (image.target !== undefined) definition.target = escapeHcl(image.target)
    if (Object.keys(args).length > 0) definition.args = escapeMap(args)
    if (Object.keys(settings.labels).length > 0) definition.labels = escapeMap(settings.labels)
    if (cacheFrom.length > 0) definition['cache-from'] = cacheFrom.map(escapeHcl)
    if (cacheTo.length > 0) definition['cache-to'] = cacheTo.map(escapeHcl)
    if (python) {
      definition.contexts = escapeMap(python.contexts)
      definition.secret = python.secrets.map(escapeHcl)
    }
    if (settings.noCache && python) definition['no-cache-filter'] = python.noCacheStages
    else if (settings.noCache) definition['no-cache'] = true
    targets[target] = definition
  }
  return { target: targets }
}

/**
 * The argument vector of `docker buildx bake` (without the leading `docker`) for a bake
 * file and the targets to build from it. Progress comes as raw JSON, so the action can
 * time each image's steps and keep the log of a failed one.
 */
export function bakeArgs(file: string, targets: string[], builder?: string): string[] {
  const args = ['buildx', 'bake', '--file', file, '--progress=rawjson']
  if (builder) args.push('--builder', builder)
  args.push(...targets)
  return args
}

/** A command as a shell user would retype it, for the log: arguments quoted where needed. */
export function displayCommand(command: string, args: string[]): string {
  return [command, ...args].map(quoteForDisplay).join(' ')
}

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}
