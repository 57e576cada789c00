// Field paths of the manifest (`tiers.tier2.pip[0]`), where each problem is located and how
// values are described in messages: shared by every round of the manifest's checks.
import type { ManifestIssue, SourcePos } from '../utils/errors.js'

/** A path into the manifest: keys and list indexes. */
export type Path = (string | number)[]

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

/** The position of the nearest enclosing field that has one. */
export function nearestPosition(
  positions: Record<string, SourcePos>,
  path: Path
): SourcePos | undefined {
  for (let length = path.length - 1; length >= 0; length--) {
    const found = positions[fieldPath(path.slice(0, length))]
    if (found) return found
  }
  return undefined
}

/** Issues in the order of the file: line, then column. */
export function sortIssues(issues: ManifestIssue[]): ManifestIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column)
}

/** A value as messages show it: strings quoted and cut, other types named. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Uint8Array) return 'binary data'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
  return `${typeof value} ${String(value)}`
}

/** A record keyed by text from the manifest: no prototype, so `__proto__` is only a key. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}
