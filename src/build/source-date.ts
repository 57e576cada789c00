// When the source being built was made: the time every image of a run is stamped with
// (`SOURCE_DATE_EPOCH` for BuildKit, the `org.opencontainers.image.created` label), so that
// building the same commit again gives the same image IDs. It comes from the
// SOURCE_DATE_EPOCH environment variable when set (the reproducible-builds convention),
// else from the commit time of GITHUB_SHA (the command line: HEAD) in the workspace.
import type { GitClient } from '../adapters/git.js'
import { InputError } from '../utils/errors.js'
import { parseWholeNumber } from '../utils/parse-input.js'

/** The environment variable of the reproducible-builds convention. */
export const SOURCE_DATE_EPOCH = 'SOURCE_DATE_EPOCH'

/** The latest time an RFC 3339 label can say: 9999-12-31T23:59:59Z. */
const MAX_EPOCH = 253402300799

/** The run's source date, and where it came from (for the log and the report). */
export interface SourceDate {
  /** Unix seconds. */
  epoch: number
  /** `SOURCE_DATE_EPOCH`, or `commit <sha>`. */
  from: string
}

/**
 * Reads the SOURCE_DATE_EPOCH variable: undefined when unset or empty, else a whole number
 * of seconds; anything else stops the run, naming the variable.
 */
export function parseSourceDateEpoch(value: string | undefined): number | undefined {
  const expected =
    'a Unix time, whole seconds since 1970-01-01T00:00:00Z (https://reproducible-builds.org/specs/source-date-epoch/)'
  const epoch = parseWholeNumber(SOURCE_DATE_EPOCH, value ?? '', 0, expected)
  if (epoch !== undefined && epoch > MAX_EPOCH) {
    throw new InputError(`${SOURCE_DATE_EPOCH}: expected ${expected}, got "${value?.trim()}"`)
  }
  return epoch
}

/** `2026-01-02T03:04:05Z`: the epoch as the OCI `created` annotation writes it. */
export function rfc3339(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace(/\.000Z$/, 'Z')
}

/** What the source date is resolved from. */
export interface SourceDateLookup {
  /** SOURCE_DATE_EPOCH, already parsed. */
  fromEnvironment?: number
  /** The repository the run builds. */
  workspace: string
  /** The commit being built (GITHUB_SHA); HEAD when absent, and when git does not know it. */
  revision?: string
}

/**
 * The run's source date: SOURCE_DATE_EPOCH, else the commit's time, else none (the images
 * then get no creation time and `warning` says why: they are not reproducible).
 */
export async function resolveSourceDate(
  lookup: SourceDateLookup,
  git: GitClient | undefined
): Promise<{ date?: SourceDate; warning?: string }> {
  if (lookup.fromEnvironment !== undefined) {
    return { date: { epoch: lookup.fromEnvironment, from: SOURCE_DATE_EPOCH } }
  }
  const missing = (why: string): { warning: string } => ({
    warning: `the commit time is not known (${why}), so the images get no creation time and a rebuild of the same source is not guaranteed the same image IDs; check the repository out before this step, or set ${SOURCE_DATE_EPOCH}`
  })
  if (!git) return missing('no git client')
  const revisions = lookup.revision ? [lookup.revision, 'HEAD'] : ['HEAD']
  let why = ''
  for (const revision of revisions) {
    const time = await git.commitTime(lookup.workspace, revision)
    if ('seconds' in time) {
      if (time.seconds > MAX_EPOCH) return missing(`commit ${revision} is dated ${time.seconds}`)
      return { date: { epoch: time.seconds, from: `commit ${revision}` } }
    }
    why ||= `${revision}: ${time.missing}`
  }
  return missing(why)
}
