/** A position in a source file, 1-based as editors and GitHub annotations count. */
export interface SourcePos {
  line: number
  column: number
}

/** One problem found in a manifest, located precisely enough to annotate the file. */
export interface ManifestIssue {
  file: string
  line: number
  column: number
  /** Dotted path of the offending field, e.g. `tiers.tier2.threshold`; empty for the document. */
  field: string
  message: string
}

/**
 * Base class of every error the action raises on purpose. Anything else escaping the
 * pipeline is a bug, and main.ts reports it as such.
 */
export class NbImageError extends Error {
  override readonly name: string = 'NbImageError'
}

/** The manifest (or a file it points at) is invalid; carries every issue found. */
export class ManifestError extends NbImageError {
  override readonly name = 'ManifestError'
  readonly issues: ManifestIssue[]
  constructor(issues: ManifestIssue[]) {
    super(issues.map(formatIssue).join('\n'))
    this.issues = issues
  }
}

/** The Docker engine or buildx is missing or not answering. */
export class EngineError extends NbImageError {
  override readonly name = 'EngineError'
}

/** An action input or CLI flag has an invalid value. */
export class InputError extends NbImageError {
  override readonly name = 'InputError'
}

/** Renders an issue as `file:line:column: field: message`, the form compilers use. */
export function formatIssue(issue: ManifestIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`
  return issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`
}

/** The message of any thrown value, without a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
