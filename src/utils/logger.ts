/** Where an annotation points: a file in the repository, and optionally a line and column. */
export interface AnnotationTarget {
  title?: string
  file?: string
  startLine?: number
  startColumn?: number
}

/**
 * The log the pipeline writes to. The action backs it with @actions/core (groups and
 * annotations), the CLI with the console; tests use a recorder.
 */
export interface Logger {
  info(message: string): void
  debug(message: string): void
  /** Something worth seeing that needs no action (a notice annotation on the runner). */
  notice(message: string, target?: AnnotationTarget): void
  warning(message: string, target?: AnnotationTarget): void
  error(message: string, target?: AnnotationTarget): void
  group<T>(title: string, fn: () => Promise<T>): Promise<T>
}
