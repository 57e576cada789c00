import { realpath } from 'node:fs/promises'
import { glob } from 'tinyglobby'

/** A file a glob matched: its path, and where it really is once symlinks are resolved. */
export interface GlobMatch {
  file: string
  real: string
}

/** Expands globs relative to `cwd` into files (absolute paths); the pipeline's only glob I/O. */
export type GlobFn = (patterns: string[], cwd: string) => Promise<GlobMatch[]>

/** GlobFn backed by tinyglobby: files only, dotfiles skipped, directories never expanded. */
export const globFiles: GlobFn = async (patterns, cwd) => {
  const files = await glob(patterns, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    // `notebooks/` must not silently mean `notebooks/**`: a glob says what it matches.
    expandDirectories: false
  })
  const matches: GlobMatch[] = []
  for (const file of files.sort()) matches.push({ file, real: await realpath(file) })
  return matches
}
