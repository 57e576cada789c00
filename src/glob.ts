// The `reports` input of `mode: merge` takes glob patterns, like upload-artifact's `path`.
// This is the small part of glob syntax that needs: `*` and `?` within one path segment,
// `**` for any number of folders, and a leading `!` to exclude.

/** A glob pattern, compiled: the folder to search from and the test for each file found. */
export interface GlobMatcher {
  /** The longest leading folder without wildcards: nothing outside it can match. */
  root: string
  /** Whether an absolute, `/`-separated file path matches. */
  test(file: string): boolean
  exclude: boolean
}

/**
 * Compiles an absolute pattern (`/w/reports/**` + `/*.json`, `!/w/reports/old/*`). Special
 * characters other than `*` and `?` match themselves.
 */
export function compileGlob(pattern: string): GlobMatcher {
  const exclude = pattern.startsWith('!')
  const body = exclude ? pattern.slice(1) : pattern
  const segments = body.split('/')
  const literal: string[] = []
  for (const segment of segments) {
    if (/[*?]/.test(segment)) break
    literal.push(segment)
  }
  const root = literal.join('/') || '/'
  let source = ''
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1
    if (segment === '**') {
      // Any number of folders (none included), or anything at all at the end.
      source += last ? '.*' : '(?:[^/]+/)*'
      return
    }
    source += segment
      .split('')
      .map((c) =>
        c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
      )
      .join('')
    if (!last) source += '/'
  })
  const regexp = new RegExp(`^${source}$`)
  return { root, exclude, test: (file) => regexp.test(file) }
}

/** Whether a file matches at least one including pattern and no excluding one. */
export function matchesGlobs(file: string, matchers: GlobMatcher[]): boolean {
  return (
    matchers.some((matcher) => !matcher.exclude && matcher.test(file)) &&
    !matchers.some((matcher) => matcher.exclude && matcher.test(file))
  )
}
