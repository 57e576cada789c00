import path from 'node:path'

/**
 * Whether `target` lies inside `root` (or is `root`). Both must be absolute and already
 * resolved; callers compare real paths to catch symlinks that point out of the repository.
 */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/** A path as shown to users: relative to the workspace when inside it, with forward slashes. */
export function displayPath(workspace: string, file: string): string {
  const relative = path.relative(workspace, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file
  return relative.split(path.sep).join('/')
}
