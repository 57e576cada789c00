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
  /**
   * What the issues add up to, when one sentence says more than "N problems" (a conflict
   * between two tiers, located at each of their lines); it leads the message.
   */
  readonly summary: string | undefined
  /** The title of the issues' annotations. */
  readonly title: string
  constructor(issues: ManifestIssue[], options: { summary?: string; title?: string } = {}) {
    super([...(options.summary ? [options.summary] : []), ...issues.map(formatIssue)].join('\n'))
    this.issues = issues
    this.summary = options.summary
    this.title = options.title ?? 'Invalid tier manifest'
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

/** How a failed run is told, the same for the action and the command line. */
export interface FailureDescription {
  /** One line: the step's failure message, or the command line's last error line. */
  message: string
  /** The manifest's problems, each located: one annotation (or stderr line) each. */
  issues: ManifestIssue[]
  /** The title of those annotations. */
  title?: string
  /** Whether `message` says more than the issues do (and is shown after them). */
  summarized?: boolean
  /** Not an error raised on purpose: our bug, whose stack is worth keeping for the report. */
  unexpected: boolean
  stack?: string
}

/**
 * Classifies a thrown value once for every shell: a ManifestError is its located issues
 * (the message counts them), any other NbImageError its message, anything else a bug.
 */
export function describeFailure(error: unknown): FailureDescription {
  if (error instanceof ManifestError) {
    const count = error.issues.length
    return {
      message:
        error.summary ??
        `${error.issues[0]?.file ?? 'manifest'}: ${count} problem${count === 1 ? '' : 's'} (see the errors above)`,
      issues: error.issues,
      title: error.title,
      summarized: error.summary !== undefined,
      unexpected: false
    }
  }
  if (error instanceof NbImageError)
    return { message: error.message, issues: [], unexpected: false }
  const failure: FailureDescription = {
    message: `Unexpected error: ${errorMessage(error)}`,
    issues: [],
    unexpected: true
  }
  if (error instanceof Error && error.stack) failure.stack = error.stack
  return failure
}
