// What the resolver decided (resolution.json, written by resolver.py and exported by the
// nb-pip-report stage), read and checked, and what the action tells about it: the version of
// every Python package per image, and the packages whose versions differ between images.
// Pure.

/** One Python package in one image. */
export interface ResolvedPackage {
  /** PEP 503 normal form. */
  name: string
  version: string
  /** Named by the manifest or a requirements file (not only a dependency). */
  requested: boolean
  /** Installed by this image's own stage (else it comes from the base stage). */
  own: boolean
}

/** The resolution of one build. */
export interface PythonResolution {
  /** pip's and Python's versions in the base image. */
  pip: string
  python: string
  consistency: 'all-tiers' | 'per-tier'
  /** Image (`base`, a tier, `shared`) → every package pip installs in it, by name. */
  images: Record<string, ResolvedPackage[]>
  /** The files downloaded, each once. */
  files: { file: string; bytes: number }[]
  /** pip's warnings (an extra a package does not provide…). */
  warnings: string[]
  /** With per-tier consistency: why the tiers cannot share one image, when they cannot. */
  sharedError?: unknown
}

/** resolution.json is not what this version of the resolver writes. */
export class ResolutionFormatError extends Error {}

/** Reads resolution.json; throws a ResolutionFormatError naming the field at fault. */
export function readResolution(text: string): PythonResolution {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new ResolutionFormatError(`not JSON (${(error as Error).message})`)
  }
  const fail = (field: string, expected: string): never => {
    throw new ResolutionFormatError(`${field}: expected ${expected}`)
  }
  if (!isObject(data) || data['schema'] !== 1) return fail('schema', '1')
  for (const field of ['pip', 'python']) {
    if (typeof data[field] !== 'string') fail(field, 'a string')
  }
  const consistency = data['consistency']
  if (consistency !== 'all-tiers' && consistency !== 'per-tier')
    fail('consistency', 'all-tiers or per-tier')
  const images = data['images']
  if (!isObject(images)) return fail('images', 'an object')
  const resolved: Record<string, ResolvedPackage[]> = {}
  for (const [image, value] of Object.entries(images)) {
    const packages = isObject(value) ? value['packages'] : undefined
    if (!Array.isArray(packages)) return fail(`images.${image}.packages`, 'an array')
    resolved[image] = packages.map((item: unknown, index) => {
      if (
        !isObject(item) ||
        typeof item['name'] !== 'string' ||
        typeof item['version'] !== 'string' ||
        typeof item['requested'] !== 'boolean' ||
        typeof item['own'] !== 'boolean'
      ) {
        return fail(`images.${image}.packages[${index}]`, 'name, version, requested and own')
      }
      return {
        name: item['name'],
        version: item['version'],
        requested: item['requested'],
        own: item['own']
      }
    })
  }
  const files = Array.isArray(data['files']) ? data['files'] : fail('files', 'an array')
  const warnings = Array.isArray(data['warnings']) ? data['warnings'] : fail('warnings', 'an array')
  const resolution: PythonResolution = {
    pip: data['pip'] as string,
    python: data['python'] as string,
    consistency: consistency as PythonResolution['consistency'],
    images: resolved,
    files: files.map((file: unknown, index) =>
      isObject(file) && typeof file['file'] === 'string' && typeof file['bytes'] === 'number'
        ? { file: file['file'], bytes: file['bytes'] }
        : fail(`files[${index}]`, 'file and bytes')
    ),
    warnings: warnings.map((warning: unknown) => String(warning))
  }
  if (data['sharedError'] !== undefined) resolution.sharedError = data['sharedError']
  return resolution
}

/** A package with another version in some image than in others. */
export interface VersionDifference {
  name: string
  /** Image → its version, for every image that has the package. */
  versions: Record<string, string>
}

/** The packages whose versions differ between these images (per-tier consistency). */
export function differingVersions(
  resolution: PythonResolution,
  images: string[]
): VersionDifference[] {
  return differingAcross(
    Object.fromEntries(images.map((image) => [image, resolution.images[image] ?? []]))
  )
}

/** The packages whose versions differ between images, given each image's packages. */
export function differingAcross(
  images: Record<string, readonly { name: string; version: string }[]>
): VersionDifference[] {
  const byName = new Map<string, Record<string, string>>()
  for (const [image, packages] of Object.entries(images)) {
    for (const { name, version } of packages) {
      const versions = byName.get(name) ?? {}
      versions[image] = version
      byName.set(name, versions)
    }
  }
  return [...byName]
    .filter(([, versions]) => new Set(Object.values(versions)).size > 1)
    .map(([name, versions]) => ({ name, versions }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** `nbt-core: 2.0.0 in tier1, tier2; 1.1.0 in tier3` — one difference in words. */
export function describeDifference(difference: VersionDifference): string {
  const byVersion = new Map<string, string[]>()
  for (const [image, version] of Object.entries(difference.versions))
    byVersion.set(version, [...(byVersion.get(version) ?? []), image])
  return `${difference.name}: ${[...byVersion].map(([version, images]) => `${version} in ${images.join(', ')}`).join('; ')}`
}

/** `name==version` of every package of an image, for the log. */
export function pins(packages: ResolvedPackage[]): string {
  return packages.map((item) => `${item.name}==${item.version}`).join(' ')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
