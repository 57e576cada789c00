// The tier manifest, checked in rounds, each reporting every problem it finds at once with
// file, line, column and field, and the next round running only on what the one before
// accepted: the YAML itself (read-yaml.ts), the JSON Schema (schema-issues.ts), the values
// (to-manifest.ts), and, once the files are at hand, paths and stages (check-files.ts).
import type { ErrorObject } from 'ajv'
import { ManifestError, type ManifestIssue, type SourcePos } from '../utils/errors.js'
import { describe, fieldPath, nearestPosition, sortIssues, type Path } from './fields.js'
import generatedValidator from './generated/validator.js'
import { MANIFEST_LIMITS, NESTS_TOO_DEEPLY } from './limits.js'
import { readYaml } from './read-yaml.js'
import { schemaIssues } from './schema-issues.js'
import { toManifest, type RawManifest } from './to-manifest.js'
import type { Manifest } from './types.js'

/** The schema compiled ahead of time (scripts/generate-validator.mjs); ajv's own errors. */
const validateSchema = generatedValidator as ((data: unknown) => boolean) & {
  errors?: ErrorObject[] | null
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
  const { data, positions, keyPositions, sources } = readYaml(source, file)
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
