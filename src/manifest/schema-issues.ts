// Round two of the manifest's checks: the JSON Schema (compiled ahead of time by ajv),
// whose errors become located issues with messages written for people, with "did you
// mean" for misspelt field names.
import type { ErrorObject } from 'ajv'
import schema from '../../schema/notebook-tiers.schema.json' with { type: 'json' }
import {
  LIMIT_EXPECTED,
  parseSize,
  parseSizeLimit,
  SIZE_EXPECTED,
  SizeError
} from '../utils/size.js'
import type { ManifestIssue, SourcePos } from '../utils/errors.js'
import { describe, fieldPath, type Path } from './fields.js'

/** The field names a manifest may use, for "did you mean" suggestions. */
const TOP_LEVEL_FIELDS = Object.keys(schema.properties)
const TIER_FIELDS = Object.keys(schema.definitions.tier.properties)
const PACKAGE_FIELDS = Object.keys(schema.definitions.packages.properties)

/** What an ajv error is about: its path and value, and how to locate an issue there. */
interface SchemaError {
  error: ErrorObject
  path: Path
  value: unknown
  issue: Locate
  keyPositions: Record<string, SourcePos>
  sources: Record<string, string>
}

type Locate = (path: Path, message: string, where?: SourcePos) => ManifestIssue

/** The issue for an error of one keyword; undefined when another error says it better. */
type Explain = (context: SchemaError) => ManifestIssue | undefined

/** A value no branch of a oneOf/anyOf accepts: a size says why in parseSize's words. */
function union({ error, path, value, issue, sources }: SchemaError): ManifestIssue {
  return issue(
    path,
    error.schemaPath.includes('sizeLimit') || path.at(-1) === 'maxGrowth'
      ? limitProblem(value, sources[fieldPath(path)])
      : error.schemaPath.includes('size')
        ? sizeProblem(value, sources[fieldPath(path)])
        : `invalid value ${describe(value)}`
  )
}

const EXPLAIN: Record<string, Explain> = {
  additionalProperties: ({ error, path, issue, keyPositions }) => {
    const key = String(error.params['additionalProperty'])
    const childPath = [...path, key]
    const choices = allowedFields(path)
    const suggestion = nearest(key, choices)
    const hint = suggestion
      ? `did you mean "${suggestion}"?`
      : `expected one of ${choices.join(', ')}`
    return issue(childPath, `unknown field "${key}"; ${hint}`, keyPositions[fieldPath(childPath)])
  },
  required: ({ error, path, issue }) => {
    const missing = String(error.params['missingProperty'])
    return issue(
      path,
      `missing required field "${missing}"; expected ${REQUIRED_HINTS[missing] ?? 'it to be set'}`
    )
  },
  const: ({ error, path, value, issue }) => {
    if (path.length === 1 && path[0] === 'version') {
      return issue(
        path,
        `unsupported version ${JSON.stringify(value)}; expected version: 1${typeof value === 'string' ? ', a number without quotes' : ''} (the only version this action reads)`
      )
    }
    return issue(
      path,
      `expected ${JSON.stringify(error.params['allowedValue'])}, got ${describe(value)}`
    )
  },
  enum: ({ error, path, value, issue }) =>
    issue(
      path,
      `expected one of ${(error.params['allowedValues'] as unknown[]).join(', ')}, got ${describe(value)}`
    ),
  type: ({ error, path, value, issue, keyPositions }) => {
    if (value === null && path.length === 2 && path[0] === 'tiers') {
      // `tier1:` with nothing after it; point at the key, not past the colon.
      return issue(
        path,
        'the tier is empty; expected a mapping with pip, apt, notebooks or dockerfile',
        keyPositions[fieldPath(path)]
      )
    }
    return issue(
      path,
      `expected ${article(String(error.params['type']))}, got ${describe(value)}`,
      value === null ? keyPositions[fieldPath(path)] : undefined
    )
  },
  anyOf: union,
  oneOf: union,
  minProperties: ({ path, issue }) =>
    issue(
      path,
      fieldPath(path) === 'tiers'
        ? 'no tiers: declare at least one tier'
        : 'expected at least one entry'
    ),
  minLength: ({ path, issue }) => issue(path, 'expected a non-empty string'),
  pattern: ({ error, path, value, issue }) => {
    // A key failing `propertyNames` also fails its pattern; the propertyNames case reports it.
    if ('propertyName' in error) return undefined
    if (error.schemaPath.includes('stageName')) return issue(path, stageNameMessage(value))
    return issue(path, `${describe(value)} does not match ${String(error.params['pattern'])}`)
  },
  propertyNames: ({ error, path, issue, keyPositions }) => {
    const key = String(error.params['propertyName'])
    const childPath = [...path, key]
    const message =
      fieldPath(path) === 'tiers' || path[0] === 'tiers'
        ? stageNameMessage(key, 'tier name')
        : `"${key}" is not a valid build-arg name: expected letters, digits and _, not starting with a digit`
    return issue(childPath, message, keyPositions[fieldPath(childPath)])
  },
  minimum: ({ error, path, value, issue }) => {
    return issue(
      path,
      `expected a number greater than or equal to ${String(error.params['limit'])}, got ${describe(value)}`
    )
  }
}

/** Any other keyword: ajv's own message. */
const otherError: Explain = ({ error, path, value, issue }) =>
  issue(path, error.message ?? `invalid value ${describe(value)}`)

/** Converts ajv's errors into located issues with messages written for people. */
export function schemaIssues(
  errors: ErrorObject[],
  data: unknown,
  issue: Locate,
  keyPositions: Record<string, SourcePos>,
  sources: Record<string, string>
): ManifestIssue[] {
  const issues = new Map<string, ManifestIssue>()
  // oneOf/anyOf failures repeat as one error per branch; the branch errors are noise.
  const unionPaths = new Set(
    errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath)
  )
  for (const error of errors) {
    const isUnionBranch =
      unionPaths.has(error.instancePath) && error.keyword !== 'oneOf' && error.keyword !== 'anyOf'
    if (isUnionBranch) continue
    const path = pointerToPath(error.instancePath)
    const value = valueAt(data, path)
    const explain = EXPLAIN[error.keyword] ?? otherError
    const found = explain({ error, path, value, issue, keyPositions, sources })
    if (found && !issues.has(`${found.field}|${found.message}`)) {
      issues.set(`${found.field}|${found.message}`, found)
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

/** Why a growth limit the schema rejected is not one, in parseSizeLimit's words where it can. */
function limitProblem(value: unknown, source: string | undefined): string {
  if (typeof value === 'string' || typeof value === 'number') {
    try {
      parseSizeLimit(typeof value === 'number' ? (source ?? value) : value)
    } catch (error) {
      if (error instanceof SizeError) return error.message
      throw error
    }
  }
  return `expected ${LIMIT_EXPECTED}, got ${describe(value)}`
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
