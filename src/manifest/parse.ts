import type { ErrorObject } from 'ajv'
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode
} from 'yaml'
import { isValidRepository } from '../image/reference.js'
import { isValidTag } from '../publish/tags.js'
import schema from '../../schema/notebook-tiers.schema.json' with { type: 'json' }
import generatedValidator from './generated/validator.js'
import { ManifestError, type ManifestIssue, type SourcePos } from '../utils/errors.js'
import { checkAptPackage, checkPipRequirement } from './packages.js'
import { parseSize, SIZE_EXPECTED, SizeError } from '../utils/size.js'
import type { Manifest, Packages, Strategy, Tier } from './types.js'

/** Limits that keep parsing bounded whatever a pull request puts in the manifest. */
export const MANIFEST_LIMITS = {
  /** Larger manifests are refused before parsing. */
  maxBytes: 1024 * 1024,
  /** YAML aliases expanded while converting; a billion-laughs document hits this at once. */
  maxAliasCount: 100,
  /** More tiers than this is a mistake, not a build matrix anyone can run. */
  maxTiers: 500,
  /** Packages per list. */
  maxPackages: 1000,
  /**
   * Nesting levels (indentation, `- ` items and brackets). A manifest needs about six; the
   * YAML library recurses per level and runs out of stack near 900.
   */
  maxDepth: 32
} as const

const NESTS_TOO_DEEPLY = `the YAML nests more than ${MANIFEST_LIMITS.maxDepth} levels deep; expected at most ${MANIFEST_LIMITS.maxDepth} (a manifest needs about six)`

/** The field names a manifest may use, for "did you mean" suggestions. */
const TOP_LEVEL_FIELDS = Object.keys(schema.properties)
const TIER_FIELDS = Object.keys(schema.definitions.tier.properties)
const PACKAGE_FIELDS = Object.keys(schema.definitions.packages.properties)

/** The schema compiled ahead of time (scripts/generate-validator.mjs); ajv's own errors. */
const validateSchema = generatedValidator as ((data: unknown) => boolean) & {
  errors?: ErrorObject[] | null
}

type Path = (string | number)[]

/** Renders a field path as `tiers.tier2.pip[0]`, quoting keys that are not plain words. */
export function fieldPath(path: Path): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(part)) out += out ? `.${part}` : part
    else out += `[${JSON.stringify(part)}]`
  }
  return out
}

/**
 * Parses and validates a tier manifest. Throws a ManifestError listing every problem found,
 * each with file, line, column and field; never throws anything else for bad input.
 */
export function parseManifest(source: string | Uint8Array, file: string): Manifest {
  try {
    return parse(source, file)
  } catch (error) {
    // Pathologically deep nesting exhausts the parser's stack; say so instead of crashing.
    if (error instanceof RangeError) {
      throw new ManifestError([{ file, line: 1, column: 1, field: '', message: NESTS_TOO_DEEPLY }])
    }
    throw error
  }
}

function parse(source: string | Uint8Array, file: string): Manifest {
  const text = decode(source, file)
  const deep = tooDeep(text, MANIFEST_LIMITS.maxDepth)
  if (deep) {
    throw new ManifestError([
      { file, ...deep, field: '', message: `invalid YAML: ${NESTS_TOO_DEEPLY}` }
    ])
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {
    lineCounter,
    // The library's duplicate-key check compares every key with every other (quadratic: a
    // 1 MB manifest of 50,000 keys took 18 s); visit() below does it with a set instead.
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    version: '1.2',
    // The library warns on the process (stderr) about odd keys; visit() reports them instead.
    logLevel: 'error'
  })
  const pos = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const yamlProblems = [...doc.errors, ...doc.warnings]
  // Should tooDeep() miss a shape, the library's stack overflow lands wherever the stack
  // happened to end; report it once, for the whole document.
  if (yamlProblems.some((problem) => problem.message.includes('Maximum call stack'))) {
    throw new ManifestError([
      { file, line: 1, column: 1, field: '', message: `invalid YAML: ${NESTS_TOO_DEEPLY}` }
    ])
  }
  if (yamlProblems.length > 0) {
    throw new ManifestError(
      yamlProblems.map((problem) => ({
        file,
        ...pos(problem.pos[0]),
        field: '',
        message: `invalid YAML: ${yamlMessage(problem.code, problem.message)}`
      }))
    )
  }

  // Too many tiers is refused from the syntax tree, before walking and converting them all.
  if (isMap(doc.contents)) {
    const tiersPair = doc.contents.items.find(
      (pair) => isScalar(pair.key) && pair.key.value === 'tiers'
    )
    const count = isMap(tiersPair?.value) ? tiersPair.value.items.length : 0
    if (count > MANIFEST_LIMITS.maxTiers) {
      const key = tiersPair?.key as YamlNode | undefined
      throw new ManifestError([
        {
          file,
          ...(key?.range ? pos(key.range[0]) : { line: 1, column: 1 }),
          field: 'tiers',
          message: `${count} tiers declared; at most ${MANIFEST_LIMITS.maxTiers} are supported`
        }
      ])
    }
  }

  // Keyed by field paths taken from the manifest: no prototype, so a key such as
  // `__proto__` is only ever a key.
  const positions = emptyRecord<SourcePos>()
  positions[''] = { line: 1, column: 1 }
  const keyPositions = emptyRecord<SourcePos>()
  const sources = emptyRecord<string>()
  const structural: ManifestIssue[] = []
  let firstAlias: SourcePos | undefined
  const anchors = new Set<string>()
  const visit = (node: unknown, path: Path): void => {
    if (isAlias(node)) {
      const where = node.range ? pos(node.range[0]) : { line: 1, column: 1 }
      firstAlias ??= where
      // Anchors are seen in document order, so an alias to a later or missing one is caught here.
      if (!anchors.has(node.source)) {
        structural.push({
          file,
          ...where,
          field: fieldPath(path),
          message: `invalid YAML: alias "*${node.source}" refers to no anchor defined before it; define "&${node.source}" first or write the value out`
        })
      }
      return
    }
    if (!node || typeof node !== 'object' || !('range' in node)) return
    const yamlNode = node as YamlNode
    if (yamlNode.anchor) anchors.add(yamlNode.anchor)
    if (yamlNode.range) positions[fieldPath(path)] = pos(yamlNode.range[0])
    // Keep plain scalars as written, so a build arg `3.10` is not passed as "3.1".
    if (isScalar(yamlNode) && typeof yamlNode.source === 'string')
      sources[fieldPath(path)] = yamlNode.source
    if (isMap(yamlNode)) {
      const keys = new Set<string>()
      for (const pair of yamlNode.items) {
        if (!isPair(pair)) continue
        const keyNode = pair.key as YamlNode | null
        if (pair.key !== null && !isScalar(pair.key)) {
          // `? [a, b]` or `*alias:` as a key: no field is named like that, and turning it into
          // a string would expand aliases or print the library's warning.
          structural.push({
            file,
            ...(keyNode?.range ? pos(keyNode.range[0]) : { line: 1, column: 1 }),
            field: fieldPath(path),
            message: 'invalid YAML: a key must be a plain name, not a list, mapping or alias'
          })
          continue
        }
        const key = isScalar(pair.key) ? String(pair.key.value ?? '') : ''
        const childPath = [...path, key]
        if (keys.has(key)) {
          structural.push({
            file,
            ...(keyNode?.range ? pos(keyNode.range[0]) : { line: 1, column: 1 }),
            field: fieldPath(childPath),
            message: `invalid YAML: duplicate key ${JSON.stringify(key)}; each key may appear only once in a mapping`
          })
        }
        keys.add(key)
        if (keyNode?.range) {
          keyPositions[fieldPath(childPath)] = pos(keyNode.range[0])
          positions[fieldPath(childPath)] = pos(keyNode.range[0])
        }
        visit(pair.value, childPath)
        // A mapping or list is located by its key (`tier1:`), where an editor shows the field;
        // a scalar by its value.
        if ((isMap(pair.value) || isSeq(pair.value)) && keyNode?.range)
          positions[fieldPath(childPath)] = pos(keyNode.range[0])
      }
    } else if (isSeq(yamlNode)) {
      yamlNode.items.forEach((item, index) => visit(item, [...path, index]))
    }
  }
  visit(doc.contents, [])
  if (structural.length > 0) throw new ManifestError(sortIssues(structural))

  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MANIFEST_LIMITS.maxAliasCount })
  } catch (error) {
    throw new ManifestError([
      {
        file,
        ...(firstAlias ?? { line: 1, column: 1 }),
        field: '',
        message: `YAML aliases expand too far (more than ${MANIFEST_LIMITS.maxAliasCount} expansions); write the values out instead (${error instanceof Error ? error.message : String(error)})`
      }
    ])
  }

  const at = (path: Path): SourcePos =>
    positions[fieldPath(path)] ?? nearestPosition(positions, path) ?? { line: 1, column: 1 }
  const issue = (path: Path, message: string, where: SourcePos = at(path)): ManifestIssue => ({
    file,
    line: where.line,
    column: where.column,
    field: fieldPath(path),
    message
  })

  if (data === null || data === undefined) {
    throw new ManifestError([
      issue([], 'the manifest is empty; expected a mapping with version, image and tiers')
    ])
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ManifestError([
      issue([], `expected a mapping with version, image and tiers, got ${describe(data)}`)
    ])
  }
  const tiersValue = (data as Record<string, unknown>)['tiers']
  if (tiersValue && typeof tiersValue === 'object' && !Array.isArray(tiersValue)) {
    const count = Object.keys(tiersValue).length
    if (count > MANIFEST_LIMITS.maxTiers) {
      throw new ManifestError([
        issue(
          ['tiers'],
          `${count} tiers declared; at most ${MANIFEST_LIMITS.maxTiers} are supported`
        )
      ])
    }
  }

  if (!validateSchema(data)) {
    const issues = schemaIssues(validateSchema.errors ?? [], data, issue, keyPositions, sources)
    throw new ManifestError(sortIssues(issues))
  }

  const issues: ManifestIssue[] = []
  const raw = data as unknown as RawManifest
  const manifest = toManifest(raw, file, positions, sources, (path, message) =>
    issues.push(issue(path, message))
  )
  if (issues.length > 0) throw new ManifestError(sortIssues(issues))
  return manifest
}

interface RawPackages {
  pip?: string[]
  apt?: string[]
}

interface RawTier extends RawPackages {
  description?: string
  target?: string
  notebooks?: string[]
  dockerfile?: string
  threshold?: string | number
  buildArgs?: Record<string, string | number | boolean>
}

interface RawManifest {
  version: 1
  image: string
  strategy?: Strategy
  context?: string
  dockerfile?: string
  target?: string
  baseImage?: string
  threshold?: string | number
  buildArgs?: Record<string, string | number | boolean>
  base?: RawPackages
  tiers: Record<string, RawTier | null>
}

type Report = (path: Path, message: string) => void

function toManifest(
  raw: RawManifest,
  file: string,
  positions: Record<string, SourcePos>,
  sources: Record<string, string>,
  report: Report
): Manifest {
  checkImageRepository(raw.image, ['image'], report)
  if (raw.baseImage !== undefined) checkImageReference(raw.baseImage, ['baseImage'], report)
  const base = packages(raw.base ?? {}, ['base'], report)
  const generated = raw.dockerfile === undefined
  const tiers: Tier[] = []
  const targets = new Map<string, string>()
  for (const [name, value] of Object.entries(raw.tiers)) {
    const path = ['tiers', name]
    if (value === null) {
      report(path, 'the tier is empty; expected a mapping with pip, apt, notebooks or dockerfile')
      continue
    }
    const tierPackages = packages(value, path, report)
    if (
      generated &&
      value.dockerfile === undefined &&
      // The lists as written: a rejected or over-long list already has its own issue.
      (value.pip ?? []).length === 0 &&
      (value.apt ?? []).length === 0
    ) {
      report(
        path,
        'the tier installs nothing: the Dockerfile is generated, so give it pip or apt packages (or its own dockerfile)'
      )
    }
    if (generated && value.dockerfile === undefined && (name === 'base' || name === 'shared')) {
      report(path, `"${name}" is a stage of the generated Dockerfile; give the tier another name`)
    }
    // Two tiers built from one Dockerfile and stage would be the same image twice.
    const stage = value.target ?? (value.dockerfile === undefined ? name : undefined)
    if (stage !== undefined) {
      const key = `${value.dockerfile ?? raw.dockerfile ?? '(generated)'}#${stage}`
      const other = targets.get(key)
      if (other !== undefined) {
        report(
          value.target !== undefined ? [...path, 'target'] : path,
          `tiers ${other} and ${name} both build stage "${stage}"; give each tier its own target`
        )
      } else {
        targets.set(key, name)
      }
    }
    value.notebooks?.forEach((glob, index) => {
      const problem = checkNotebookGlob(glob)
      if (problem) report([...path, 'notebooks', index], problem)
    })
    const tier: Tier = {
      name,
      packages: tierPackages,
      notebooks: value.notebooks ?? [],
      buildArgs: buildArgs(value.buildArgs, [...path, 'buildArgs'], sources)
    }
    if (value.description !== undefined) tier.description = value.description
    if (value.target !== undefined) tier.target = value.target
    if (value.dockerfile !== undefined) tier.dockerfile = value.dockerfile
    if (value.threshold !== undefined) {
      const bytes = size(value.threshold, [...path, 'threshold'], sources, report)
      if (bytes !== undefined) tier.thresholdBytes = bytes
    }
    tiers.push(tier)
  }
  // Only tiers without their own Dockerfile are built from the generated one.
  const usesGenerated =
    generated &&
    Object.values(raw.tiers).some((tier) => tier !== null && tier.dockerfile === undefined)
  if (usesGenerated && raw.baseImage === undefined) {
    report(
      [],
      'missing field "baseImage": the Dockerfile is generated (no "dockerfile" given), so its FROM image is needed'
    )
  }
  if (raw.target !== undefined && generated) {
    report(
      ['target'],
      '"target" picks a stage of your own Dockerfile; it needs "dockerfile" to be set'
    )
  }

  const manifest: Manifest = {
    file,
    version: 1,
    image: raw.image,
    context: raw.context ?? '.',
    buildArgs: buildArgs(raw.buildArgs, ['buildArgs'], sources),
    base,
    tiers,
    positions
  }
  if (raw.strategy !== undefined) manifest.strategy = raw.strategy
  if (raw.dockerfile !== undefined) manifest.dockerfile = raw.dockerfile
  if (raw.target !== undefined) manifest.target = raw.target
  if (raw.baseImage !== undefined) manifest.baseImage = raw.baseImage
  if (raw.threshold !== undefined) {
    const bytes = size(raw.threshold, ['threshold'], sources, report)
    if (bytes !== undefined) manifest.thresholdBytes = bytes
  }
  return manifest
}

function packages(raw: RawPackages, path: Path, report: Report): Packages {
  const result: Packages = { pip: [], apt: [] }
  for (const kind of ['pip', 'apt'] as const) {
    const list = raw[kind] ?? []
    if (list.length > MANIFEST_LIMITS.maxPackages) {
      report(
        [...path, kind],
        `${list.length} packages; at most ${MANIFEST_LIMITS.maxPackages} are supported`
      )
      continue
    }
    list.forEach((spec, index) => {
      const problem = kind === 'pip' ? checkPipRequirement(spec) : checkAptPackage(spec)
      if (problem) report([...path, kind, index], problem)
      else result[kind].push(spec.trim())
    })
  }
  return result
}

function size(
  value: string | number,
  path: Path,
  sources: Record<string, string>,
  report: Report
): number | undefined {
  try {
    // A number is read as written: `0x10` or `1e30` are YAML numbers, but not sizes.
    return parseSize(typeof value === 'number' ? (sources[fieldPath(path)] ?? value) : value)
  } catch (error) {
    if (error instanceof SizeError) report(path, error.message)
    else throw error
    return undefined
  }
}

/** Why a threshold the schema rejected is not a size, in parseSize's words where it can. */
function sizeProblem(value: unknown, source: string | undefined): string {
  if (typeof value === 'string' || typeof value === 'number') {
    try {
      parseSize(typeof value === 'number' ? (source ?? value) : value)
    } catch (error) {
      if (error instanceof SizeError) return error.message
      throw error
    }
  }
  return `expected ${SIZE_EXPECTED}, got ${describe(value)}`
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

function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

function buildArgs(
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

// A digest (algorithm:hex), the part after `@` of a pinned base image.
const DIGEST_PATTERN = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/

function checkImageRepository(image: string, path: Path, report: Report): void {
  if (image.includes('@') || /:[^/]*$/.test(image.replace(/^[^/]*\//, ''))) {
    report(
      path,
      `"${image}" has a tag or digest; give only the repository, e.g. ghcr.io/acme/notebook-validator`
    )
  } else if (!isValidRepository(image)) {
    report(
      path,
      `"${image}" is not a valid image repository: expected lowercase path components such as ghcr.io/acme/notebook-validator`
    )
  }
}

function checkImageReference(reference: string, path: Path, report: Report): void {
  const [name = '', digest] = reference.split('@', 2)
  const slash = name.lastIndexOf('/')
  const colon = name.lastIndexOf(':')
  const repository = colon > slash ? name.slice(0, colon) : name
  const tag = colon > slash ? name.slice(colon + 1) : undefined
  if (
    !isValidRepository(repository) ||
    (tag !== undefined && !isValidTag(tag)) ||
    (digest !== undefined && !DIGEST_PATTERN.test(digest))
  ) {
    report(
      path,
      `"${reference}" is not a valid image reference: expected e.g. python:3.12-slim or ghcr.io/acme/base:1@sha256:…`
    )
  }
}

/** Converts ajv's errors into located issues with messages written for people. */
function schemaIssues(
  errors: ErrorObject[],
  data: unknown,
  issue: (path: Path, message: string, where?: SourcePos) => ManifestIssue,
  keyPositions: Record<string, SourcePos>,
  sources: Record<string, string>
): ManifestIssue[] {
  const issues = new Map<string, ManifestIssue>()
  // oneOf/anyOf failures repeat as one error per branch; the branch errors are noise.
  const unionPaths = new Set(
    errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath)
  )
  const add = (found: ManifestIssue): void => {
    const key = `${found.field}|${found.message}`
    if (!issues.has(key)) issues.set(key, found)
  }
  for (const error of errors) {
    const path = pointerToPath(error.instancePath)
    const value = valueAt(data, path)
    const isUnionBranch =
      unionPaths.has(error.instancePath) && error.keyword !== 'oneOf' && error.keyword !== 'anyOf'
    if (isUnionBranch) continue
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(error.params['additionalProperty'])
        const childPath = [...path, key]
        const choices = allowedFields(path)
        const suggestion = nearest(key, choices)
        const hint = suggestion
          ? `did you mean "${suggestion}"?`
          : `expected one of ${choices.join(', ')}`
        add(issue(childPath, `unknown field "${key}"; ${hint}`, keyPositions[fieldPath(childPath)]))
        break
      }
      case 'required': {
        const missing = String(error.params['missingProperty'])
        add(
          issue(
            path,
            `missing required field "${missing}"; expected ${REQUIRED_HINTS[missing] ?? 'it to be set'}`
          )
        )
        break
      }
      case 'const':
        if (path.length === 1 && path[0] === 'version') {
          add(
            issue(
              path,
              `unsupported version ${JSON.stringify(value)}; expected version: 1${typeof value === 'string' ? ', a number without quotes' : ''} (the only version this action reads)`
            )
          )
        } else {
          add(
            issue(
              path,
              `expected ${JSON.stringify(error.params['allowedValue'])}, got ${describe(value)}`
            )
          )
        }
        break
      case 'enum':
        add(
          issue(
            path,
            `expected one of ${(error.params['allowedValues'] as unknown[]).join(', ')}, got ${describe(value)}`
          )
        )
        break
      case 'type':
        if (value === null && path.length === 2 && path[0] === 'tiers') {
          // `tier1:` with nothing after it; point at the key, not past the colon.
          add(
            issue(
              path,
              'the tier is empty; expected a mapping with pip, apt, notebooks or dockerfile',
              keyPositions[fieldPath(path)]
            )
          )
        } else {
          add(
            issue(
              path,
              `expected ${article(String(error.params['type']))}, got ${describe(value)}`,
              value === null ? keyPositions[fieldPath(path)] : undefined
            )
          )
        }
        break
      case 'oneOf':
      case 'anyOf':
        add(
          issue(
            path,
            error.schemaPath.includes('size')
              ? sizeProblem(value, sources[fieldPath(path)])
              : `invalid value ${describe(value)}`
          )
        )
        break
      case 'minProperties':
        add(
          issue(
            path,
            fieldPath(path) === 'tiers'
              ? 'no tiers: declare at least one tier'
              : 'expected at least one entry'
          )
        )
        break
      case 'minLength':
        add(issue(path, 'expected a non-empty string'))
        break
      case 'pattern':
        // A key failing `propertyNames` also fails its pattern; the propertyNames case reports it.
        if ('propertyName' in error) break
        if (error.schemaPath.includes('stageName')) {
          add(issue(path, stageNameMessage(value)))
        } else {
          add(issue(path, `${describe(value)} does not match ${String(error.params['pattern'])}`))
        }
        break
      case 'propertyNames': {
        const key = String(error.params['propertyName'])
        const childPath = [...path, key]
        const message =
          fieldPath(path) === 'tiers' || path[0] === 'tiers'
            ? stageNameMessage(key, 'tier name')
            : `"${key}" is not a valid build-arg name: expected letters, digits and _, not starting with a digit`
        add(issue(childPath, message, keyPositions[fieldPath(childPath)]))
        break
      }
      case 'minimum':
        add(
          issue(
            path,
            `expected a number greater than or equal to ${String(error.params['limit'])}, got ${describe(value)}`
          )
        )
        break
      default:
        add(issue(path, error.message ?? `invalid value ${describe(value)}`))
    }
  }
  // A bad key also fails `pattern` under `propertyNames`; keep the message about the key.
  const result = [...issues.values()]
  const keyed = new Set(
    result.filter((i) => i.message.includes('is not a valid stage name')).map((i) => i.field)
  )
  return result.filter(
    (i) => !(keyed.has(i.field) && !i.message.includes('is not a valid stage name'))
  )
}

const REQUIRED_HINTS: Record<string, string> = {
  version: '"version: 1" first',
  image: 'the repository of the built images, e.g. "image: ghcr.io/acme/notebook-validator"',
  tiers: 'a mapping of tier names to what they install, e.g. "tiers: {tier1: {pip: [numpy]}}"'
}

function stageNameMessage(value: unknown, what = 'stage name'): string {
  return `${describe(value)} is not a valid ${what}: expected lowercase letters, digits, ".", "_" or "-", starting with a letter, at most 63 characters`
}

// By the instance path: ajv reports schema paths relative to a $ref'd definition, so
// `#/additionalProperties` can be the top level, a tier or the base packages alike.
function allowedFields(path: Path): string[] {
  if (path.length === 2 && path[0] === 'tiers') return TIER_FIELDS
  if (path.length === 1 && path[0] === 'base') return PACKAGE_FIELDS
  return TOP_LEVEL_FIELDS
}

function pointerToPath(pointer: string): Path {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string | number, unknown>)[part]
  }
  return current
}

function nearestPosition(positions: Record<string, SourcePos>, path: Path): SourcePos | undefined {
  for (let length = path.length - 1; length >= 0; length--) {
    const found = positions[fieldPath(path.slice(0, length))]
    if (found) return found
  }
  return undefined
}

/** The closest candidate within a small edit distance, for "did you mean". */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  const allowed = Math.max(2, Math.floor(word.length / 3))
  return bestDistance <= allowed ? best : undefined
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Uint8Array) return 'binary data'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
  return `${typeof value} ${String(value)}`
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'a boolean',
    'string,number,boolean': 'a string, number or boolean'
  }
  return names[type] ?? type
}

/** The YAML library's message, reworded where it speaks to programmers rather than users. */
function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS')
    return 'the manifest holds more than one document ("---"); expected a single YAML document'
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = message.replace(/^Unresolved tag: /, '').replace(/^tag:yaml\.org,2002:/, '!!')
    return `unknown tag ${tag}; expected plain strings, numbers, lists and mappings (a manifest uses no tags)`
  }
  if (code === 'TAB_AS_INDENT') return 'tabs are not allowed as indentation; indent with spaces'
  if (code === 'MISSING_CHAR' && message.includes('quote')) {
    const quote = message.includes('"') ? '"' : "'"
    return `a quoted string is not closed; expected a closing ${quote} before the end of the file`
  }
  return firstLine(message)
}

/**
 * Where the text first nests deeper than `limit`, counting indentation levels, `- ` items
 * opening a line and open brackets (outside quotes and comments). A cheap, linear scan run
 * before the recursive parser, so a hostile document is refused at a stable position.
 */
export function tooDeep(text: string, limit: number): SourcePos | undefined {
  const indents: number[] = []
  let flow = 0
  let quote: '"' | "'" | undefined
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    let column = 0
    if (quote === undefined && flow === 0) {
      const indent = /^ */.exec(line)?.[0].length ?? 0
      if (/^ *(#|$)/.test(line)) continue
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop()
      indents.push(indent)
      column = indent
      if (indents.length > limit) return { line: index + 1, column: column + 1 }
      // `- - - x` nests a list per dash on one line.
      const dash = /- +/y
      dash.lastIndex = column
      for (let match = dash.exec(line); match; match = dash.exec(line)) {
        column = dash.lastIndex
        indents.push(column)
        if (indents.length > limit) return { line: index + 1, column: column + 1 }
      }
    }
    for (let i = column; i < line.length; i++) {
      const c = line[i]
      if (quote === '"') {
        if (c === '\\') i++
        else if (c === '"') quote = undefined
      } else if (quote === "'") {
        // '' is a quote inside a single-quoted string.
        if (c === "'" && line[i + 1] === "'") i++
        else if (c === "'") quote = undefined
      } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
        break
      } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1] ?? ''))) {
        quote = c
      } else if (c === '[' || c === '{') {
        flow++
        if (indents.length + flow > limit) return { line: index + 1, column: i + 1 }
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--
      }
    }
  }
  return undefined
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message
}

function sortIssues(issues: ManifestIssue[]): ManifestIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column)
}

function decode(source: string | Uint8Array, file: string): string {
  if (typeof source === 'string') return source.replace(/^\uFEFF/, '')
  if (source.byteLength > MANIFEST_LIMITS.maxBytes) {
    throw new ManifestError([
      {
        file,
        line: 1,
        column: 1,
        field: '',
        message: `the manifest is ${source.byteLength} bytes; at most ${MANIFEST_LIMITS.maxBytes} are read`
      }
    ])
  }
  if ((source[0] === 0xff && source[1] === 0xfe) || (source[0] === 0xfe && source[1] === 0xff)) {
    throw new ManifestError([
      {
        file,
        line: 1,
        column: 1,
        field: '',
        message:
          'the manifest is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8'
      }
    ])
  }
  const bad = firstInvalidUtf8(source)
  if (bad !== -1) {
    let line = 1
    let lineStart = 0
    for (let i = 0; i < bad; i++) {
      if (source[i] === 0x0a) {
        line++
        lineStart = i + 1
      }
    }
    // Columns count characters, and the bytes before the bad one on its line are valid UTF-8.
    const column = new TextDecoder().decode(source.subarray(lineStart, bad)).length + 1
    throw new ManifestError([
      {
        file,
        line,
        column,
        field: '',
        message: `invalid UTF-8 (byte 0x${(source[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad}); save the manifest as UTF-8`
      }
    ])
  }
  return new TextDecoder().decode(source).replace(/^\uFEFF/, '')
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    let length: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) {
      length = 2
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4
      min = 0x10000
    } else {
      return i
    }
    if (i + length > bytes.length) return i
    let codePoint = b & (0xff >> (length + 1))
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k] ?? 0
      if ((next & 0xc0) !== 0x80) return i
      codePoint = (codePoint << 6) | (next & 0x3f)
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
      return i
    i += length
  }
  return -1
}
