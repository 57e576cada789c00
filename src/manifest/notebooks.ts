import path from 'node:path'
import type { ManifestIssue } from '../utils/errors.js'
import { fieldPath } from './fields.js'
import { isInside } from '../utils/paths.js'
import type { Manifest } from './types.js'

// The manifest's `notebooks` globs select the notebooks a tier validates. They are read
// relative to the manifest's folder; the manifest parser refuses globs that leave it
// (checkNotebookGlob), and the matches are checked here, symlinks resolved.

/**
 * Characters the operator's git-clone init container passes safely: it builds a shell
 * script with the notebook path in double quotes, so `$`, backticks, quotes and
 * backslashes would be interpreted.
 */
const SAFE_NOTEBOOK_PATH = /^[A-Za-z0-9._/+@ (),-]+\.ipynb$/

/** Why the operator cannot be handed this repository-relative notebook path, if it cannot. */
export function notebookPathProblem(file: string): string | undefined {
  if (!file.endsWith('.ipynb')) return `${file} is not a notebook (.ipynb)`
  if (!SAFE_NOTEBOOK_PATH.test(file) || file.startsWith('-') || file.includes('//')) {
    return `${file} has characters the operator's git-clone shell script would interpret; use letters, digits, space and . _ - + @ ( ) , /`
  }
  return undefined
}

/** Notebooks matched for one tier, as repository-relative paths with `/`. */
export interface TierNotebooks {
  tier: string
  notebooks: string[]
}

/**
 * Turns glob matches (absolute real paths) into repository-relative notebook paths for
 * each tier, sorted; matches outside the repository (through symlinks) and unsafe names
 * are issues.
 */
export function collectNotebooks(
  manifest: Manifest,
  workspace: string,
  matches: Record<string, { file: string; real: string }[]>
): { tiers: TierNotebooks[]; issues: ManifestIssue[] } {
  const issues: ManifestIssue[] = []
  const tiers: TierNotebooks[] = []
  for (const tier of manifest.tiers) {
    if (tier.notebooks.length === 0) continue
    const field = fieldPath(['tiers', tier.name, 'notebooks'])
    const where = manifest.positions[field] ??
      manifest.positions[fieldPath(['tiers', tier.name])] ?? { line: 1, column: 1 }
    const notebooks = new Set<string>()
    for (const match of matches[tier.name] ?? []) {
      if (!isInside(workspace, match.real)) {
        issues.push({
          file: manifest.file,
          ...where,
          field,
          message: `${path.relative(workspace, match.file).split(path.sep).join('/')} resolves through a symlink to ${match.real}, outside the repository`
        })
        continue
      }
      const relative = path.relative(workspace, match.file).split(path.sep).join('/')
      const problem = notebookPathProblem(relative)
      if (problem) {
        issues.push({ file: manifest.file, ...where, field, message: problem })
        continue
      }
      notebooks.add(relative)
    }
    tiers.push({ tier: tier.name, notebooks: [...notebooks].sort() })
  }
  return { tiers, issues }
}
