import path from 'node:path'
import type { Deps } from '../adapters/deps.js'
import {
  errorMessage,
  InputError,
  ManifestError,
  NbImageError,
  type ManifestIssue
} from '../utils/errors.js'
import { fieldPath } from './fields.js'
import { isInside } from '../utils/paths.js'
import type { Manifest } from './types.js'

// The manifest's `notebooks` globs select the notebooks a tier validates. They are read
// relative to the manifest's folder; the manifest parser refuses globs that leave it
// (field-values.ts checkNotebookGlob), and the matches are checked here, symlinks resolved.

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

/**
 * Expands every tier's notebook globs (in the manifest's folder) into repository-relative
 * notebook paths, symlinks resolved; a match outside the repository or with a name the
 * operator cannot take is a manifest issue. A tier whose globs match nothing is a warning.
 */
export async function findNotebooks(
  manifest: Manifest,
  manifestDir: string,
  workspace: string,
  deps: Pick<Deps, 'fs' | 'glob' | 'logger'>
): Promise<TierNotebooks[]> {
  if (!deps.glob) throw new NbImageError('notebooks: no glob function was given')
  const root = await deps.fs.realpath(workspace)
  const matches: Record<string, { file: string; real: string }[]> = {}
  for (const tier of manifest.tiers) {
    if (tier.notebooks.length === 0) continue
    try {
      matches[tier.name] = await deps.glob(tier.notebooks, manifestDir)
    } catch (error) {
      throw new InputError(`notebooks of tier ${tier.name}: ${errorMessage(error)}`)
    }
  }
  const { tiers, issues } = collectNotebooks(manifest, root, relocate(matches, workspace, root))
  if (issues.length > 0) throw new ManifestError(issues)
  for (const { tier, notebooks } of tiers) {
    const tierDef = manifest.tiers.find((candidate) => candidate.name === tier)
    if (notebooks.length === 0) {
      deps.logger.warning(
        `notebooks: ${tierDef?.notebooks.join(', ') ?? ''} of tier ${tier} match no notebook; it gets no NotebookValidationJob`
      )
    } else {
      deps.logger.info(`${tier}: ${notebooks.length} notebook(s): ${notebooks.join(', ')}`)
    }
  }
  return tiers
}

/** Glob results under a symlinked workspace path, re-expressed under its real path. */
function relocate(
  matches: Record<string, { file: string; real: string }[]>,
  workspace: string,
  root: string
): Record<string, { file: string; real: string }[]> {
  if (path.resolve(workspace) === root) return matches
  const out: Record<string, { file: string; real: string }[]> = {}
  for (const [tier, list] of Object.entries(matches)) {
    out[tier] = list.map((match) => {
      const relative = path.relative(path.resolve(workspace), match.file)
      return relative.startsWith('..') ? match : { ...match, file: path.join(root, relative) }
    })
  }
  return out
}
