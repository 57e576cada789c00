// The resolver's inputs: the folder given to the build as the named context nb-pip-in. It
// holds the resolver (resolve.py), its config.json, one file per image stage of
// requirements as the manifest lists them (tiers/<image>.txt: one line per `pip:` entry,
// then `-r` of the image's requirements file), the sets each image resolves
// (images/<image>.txt: the base's and its own), and copies of the user's requirements and
// constraints files under src/ at their paths in the repository, so their own `-r`/`-c`
// still resolve. Everything here is part of the resolution's cache key: the index URLs
// without credentials are written too, so a new index resolves again. Pure; the
// RequirementSources it returns map pip's file names and line numbers back to the
// manifest and the user's files.
import { fieldPath } from '../manifest/fields.js'
import type { RequirementFile, RequirementFiles } from '../manifest/requirement-files.js'
import type { Manifest, Packages } from '../manifest/types.js'
import { BASE_STAGE, SHARED_STAGE } from '../plan/dockerfile.js'
import { normalizePip } from '../plan/pip-steps.js'
import RESOLVER_SCRIPT from './generated/resolver-script.js'

/** Where a line pip names comes from: the manifest or a requirements file. */
export interface LineOrigin {
  file: string
  line: number
  column: number
  field: string
}

/** A line that asks for a project, and where it is. */
export interface ProjectLine {
  project: string
  text: string
  origin: LineOrigin
}

/** The folder's files and how to read pip's references to them. */
export interface ResolverInputs {
  /** Path relative to the folder → content. */
  files: Map<string, string | Uint8Array>
  sources: RequirementSources
}

/** What config.json tells resolve.py (its keys are read there). */
export interface ResolverConfig {
  schema: 1
  consistency: 'all-tiers' | 'per-tier'
  base: string
  tiers: string[]
  shared: string
  images: Record<string, { tierFile: string; requirements: string }>
  union: string
  constraints: string[]
  /** Whether index settings were given (the base image's own PIP_INDEX_URL… then yield). */
  indexSettings: boolean
  /** The indexes without credentials: only so that another index resolves again. */
  indexes: string[]
}

/** The resolver's folder in the container. */
export const INPUT_MOUNT = '/nb/in'

/**
 * The files of the nb-pip-in folder for a manifest whose requirements files are `files`
 * (read by readRequirementFiles), resolving against `indexes` (public URLs).
 */
export function resolverInputs(
  manifest: Manifest,
  requirements: RequirementFiles,
  options: { indexes: string[]; indexSettings: boolean }
): ResolverInputs {
  const { files, roots } = requirements
  const fileOf = (field: string): string => {
    const relative = roots.get(field)
    if (relative === undefined) throw new Error(`no requirements file was read for ${field}`)
    return relative
  }
  const tiers = manifest.tiers.filter((tier) => tier.dockerfile === undefined)
  const out = new Map<string, string | Uint8Array>()
  const tierLines = new Map<string, (LineOrigin & { text: string })[]>()
  const images: ResolverConfig['images'] = {}
  const tierFile = (image: string, packages: Packages, path: (string | number)[]): string => {
    const lines: string[] = []
    const origins: (LineOrigin & { text: string })[] = []
    packages.pip.forEach((spec, index) => {
      lines.push(spec)
      origins.push({ ...at(manifest, [...path, 'pip', index]), text: spec })
    })
    if (packages.requirements !== undefined) {
      const relative = fileOf(fieldPath([...path, 'requirements']))
      lines.push(`-r ../src/${relative}`)
      origins.push({ ...at(manifest, [...path, 'requirements']), text: packages.requirements })
    }
    const name = `tiers/${image}.txt`
    out.set(name, lines.map((line) => `${line}\n`).join(''))
    tierLines.set(image, origins)
    return name
  }
  const baseFile = tierFile(BASE_STAGE, manifest.base, ['base'])
  const setFile = (image: string, members: string[]): string => {
    const name = `images/${image}.txt`
    out.set(name, members.map((member) => `-r ../${member}\n`).join(''))
    return name
  }
  images[BASE_STAGE] = { tierFile: baseFile, requirements: setFile(BASE_STAGE, [baseFile]) }
  const tierFiles: string[] = []
  for (const tier of tiers) {
    const own = tierFile(tier.name, tier.packages, ['tiers', tier.name])
    tierFiles.push(own)
    images[tier.name] = { tierFile: own, requirements: setFile(tier.name, [baseFile, own]) }
  }
  const union = setFile(SHARED_STAGE, [baseFile, ...tierFiles])
  images[SHARED_STAGE] = { tierFile: union, requirements: union }
  for (const [relative, file] of files) out.set(`src/${relative}`, file.bytes)
  const config: ResolverConfig = {
    schema: 1,
    consistency: manifest.pythonConsistency ?? 'all-tiers',
    base: BASE_STAGE,
    tiers: tiers.map((tier) => tier.name),
    shared: SHARED_STAGE,
    images,
    union,
    constraints: manifest.constraints !== undefined ? [`src/${fileOf('constraints')}`] : [],
    indexSettings: options.indexSettings,
    indexes: options.indexes
  }
  out.set('config.json', `${JSON.stringify(config, null, 2)}\n`)
  out.set('resolve.py', RESOLVER_SCRIPT)
  return { files: out, sources: new RequirementSources(tierLines, files, roots) }
}

function at(manifest: Manifest, path: (string | number)[]): LineOrigin {
  const field = fieldPath(path)
  const where = manifest.positions[field] ?? { line: 1, column: 1 }
  return { file: manifest.file, line: where.line, column: where.column, field }
}

/** Maps pip's names for files and lines back to the manifest and the user's files. */
export class RequirementSources {
  constructor(
    /** Image → where each line of its tiers/<image>.txt comes from. */
    private readonly tierLines: ReadonlyMap<string, (LineOrigin & { text: string })[]>,
    private readonly files: ReadonlyMap<string, RequirementFile>,
    /** Manifest field → the requirements file it names. */
    private readonly roots: ReadonlyMap<string, string>
  ) {}

  /**
   * Where line `line` of `file` (as pip names it inside the resolver: /nb/in/tiers/x.txt,
   * /nb/in/images/../src/reqs.txt) comes from.
   */
  origin(file: string, line: number): LineOrigin | undefined {
    const relative = normalizeInputPath(file)
    if (relative === undefined) return undefined
    const tier = /^tiers\/(.+)\.txt$/.exec(relative)?.[1]
    if (tier !== undefined) {
      const found = this.tierLines.get(tier)?.[line - 1]
      return (
        found && { file: found.file, line: found.line, column: found.column, field: found.field }
      )
    }
    if (!relative.startsWith('src/')) return undefined
    const source = this.files.get(relative.slice('src/'.length))
    if (!source) return undefined
    return { file: source.relative, line, column: 1, field: source.field }
  }

  /**
   * Every line of these images' requirements (the base's included with each tier's) that
   * names the project: the manifest's `pip:` entries and the requirements files, their
   * includes followed.
   */
  linesNaming(project: string, images: string[]): ProjectLine[] {
    const wanted = normalizePip(project)
    return this.projectLines(images).filter((line) => line.project === wanted)
  }

  /** Whether a line is one of the image's own requirements (its `pip:` entries or files). */
  owns(image: string, origin: LineOrigin): boolean {
    const same = (other: LineOrigin): boolean =>
      other.file === origin.file && other.line === origin.line && other.column === origin.column
    return (
      (this.tierLines.get(image) ?? []).some(same) ||
      this.projectLines([image]).some((line) => same(line.origin))
    )
  }

  /** Every requirement line of these images, in order. */
  projectLines(images: string[]): ProjectLine[] {
    const found: ProjectLine[] = []
    const seen = new Set<string>()
    const add = (line: ProjectLine): void => {
      const key = `${line.origin.file}:${line.origin.line}:${line.origin.column}`
      if (seen.has(key)) return
      seen.add(key)
      found.push(line)
    }
    const walk = (relative: string, chain: Set<string>): void => {
      const file = this.files.get(relative)
      if (!file || chain.has(relative)) return
      for (const line of file.lines) {
        if (line.include !== undefined) walk(line.include, new Set([...chain, relative]))
        else if (line.project !== undefined) {
          add({
            project: line.project,
            text: line.text,
            origin: { file: file.relative, line: line.line, column: 1, field: file.field }
          })
        }
      }
    }
    for (const image of images) {
      for (const origin of this.tierLines.get(image) ?? []) {
        const root = this.roots.get(origin.field)
        if (root !== undefined) {
          walk(root, new Set())
          continue
        }
        const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(origin.text)?.[1] ?? origin.text
        add({
          project: normalizePip(name),
          text: origin.text,
          origin: {
            file: origin.file,
            line: origin.line,
            column: origin.column,
            field: origin.field
          }
        })
      }
    }
    return found
  }
}

/** `/nb/in/images/../src/a.txt` → `src/a.txt`; undefined outside the inputs folder. */
export function normalizeInputPath(file: string): string | undefined {
  const parts: string[] = []
  for (const part of file.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  const joined = `/${parts.join('/')}`
  return joined.startsWith(`${INPUT_MOUNT}/`) ? joined.slice(INPUT_MOUNT.length + 1) : undefined
}
