// One field's value of the manifest, converted and checked where a schema cannot: package
// lists, sizes and growth limits (read as written in the YAML), notebook globs, build args.
// Problems become issues at the field's path (to-manifest.ts gathers them).
import { parseSize, parseSizeLimit, SizeError, type SizeLimit } from '../utils/size.js'
import { describe, fieldPath, type Path } from './fields.js'
import { MANIFEST_LIMITS } from './limits.js'
import { checkAptPackage, checkPipRequirement } from './packages.js'
import type { AddIssue } from './to-manifest.js'
import type { Packages } from './types.js'

/** A package set as the schema accepted it. */
export interface RawPackages {
  pip?: string[]
  apt?: string[]
  requirements?: string
}

/** A `pip`/`apt`/`requirements` set, every spec checked; bad ones become issues. */
export function packages(raw: RawPackages, path: Path, addIssue: AddIssue): Packages {
  const result: Packages = { pip: [], apt: [] }
  // Checked against the files on disk later (manifest/check-files.ts).
  if (raw.requirements !== undefined) result.requirements = raw.requirements
  for (const kind of ['pip', 'apt'] as const) {
    const list = raw[kind] ?? []
    if (list.length > MANIFEST_LIMITS.maxPackages) {
      addIssue(
        [...path, kind],
        `${list.length} packages; at most ${MANIFEST_LIMITS.maxPackages} are supported`
      )
      continue
    }
    list.forEach((spec, index) => {
      const problem = kind === 'pip' ? checkPipRequirement(spec) : checkAptPackage(spec)
      if (problem) addIssue([...path, kind, index], problem)
      else result[kind].push(spec.trim())
    })
  }
  return result
}

/** A size field (`threshold`): bytes, or undefined after adding the issue. */
export function size(
  value: string | number,
  path: Path,
  sources: Record<string, string>,
  addIssue: AddIssue
): number | undefined {
  return sizeField(parseSize, value, path, sources, addIssue)
}

/** A growth limit field (`maxGrowth`): a percentage or a size. */
export function sizeLimit(
  value: string | number,
  path: Path,
  sources: Record<string, string>,
  addIssue: AddIssue
): SizeLimit | undefined {
  return sizeField(parseSizeLimit, value, path, sources, addIssue)
}

function sizeField<T>(
  parse: (text: string | number) => T,
  value: string | number,
  path: Path,
  sources: Record<string, string>,
  addIssue: AddIssue
): T | undefined {
  try {
    // A number is read as written: `0x10` or `1e30` are YAML numbers, but not sizes.
    return parse(typeof value === 'number' ? (sources[fieldPath(path)] ?? value) : value)
  } catch (error) {
    if (error instanceof SizeError) addIssue(path, error.message)
    else throw error
    return undefined
  }
}

/**
 * Checks a notebook glob without touching the filesystem: the globs are expanded later,
 * inside the manifest's folder, so one that is absolute or climbs out with ".." (also in a
 * brace or extglob alternative) could only ever match files it has no business with.
 */
export function checkNotebookGlob(glob: string): string | undefined {
  const expected = "expected a glob relative to the manifest's folder, e.g. notebooks/*.ipynb"
  if (/[\r\n\0]/.test(glob)) return `${describe(glob)} contains a line break or NUL; ${expected}`
  if (/^(?:[/\\]|[A-Za-z]:)/.test(glob)) return `${describe(glob)} is an absolute path; ${expected}`
  if (glob.startsWith('~')) {
    return `${describe(glob)} starts with "~", a home folder outside the repository; ${expected}`
  }
  if (/(?:^|[/\\{,(|])\.\.(?:$|[/\\},)|])/.test(glob)) {
    return `${describe(glob)} climbs out of the manifest's folder with ".."; ${expected}`
  }
  return undefined
}

/** Build args as strings, numbers and booleans keeping their YAML spelling. */
export function buildArgs(
  raw: Record<string, string | number | boolean> | undefined,
  path: Path,
  sources: Record<string, string>
): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [key, value] of Object.entries(raw ?? {})) {
    // Numbers and booleans keep their YAML spelling: `PYTHON_VERSION: 3.10` stays "3.10".
    result[key] =
      typeof value === 'string' ? value : (sources[fieldPath([...path, key])] ?? String(value))
  }
  return result
}
