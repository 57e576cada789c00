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
