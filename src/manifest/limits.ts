// Bounds that keep reading a manifest cheap whatever a pull request puts in it
// (docs/reliability.md lists them).

/** Limits that keep parsing bounded whatever a pull request puts in the manifest. */
export const MANIFEST_LIMITS = {
  /** Larger manifests are refused before parsing. */
  maxBytes: 1024 * 1024,
  /** YAML aliases expanded while converting; a billion-laughs document hits this at once. */
  maxAliasCount: 100,
  /** More tiers than this is a mistake, not a build matrix anyone can run. */
  maxTiers: 500,
  /** Packages per list. */
  maxPackages: 1000,
  /**
   * Nesting levels (indentation, `- ` items and brackets). A manifest needs about six; the
   * YAML library recurses per level and runs out of stack near 900.
   */
  maxDepth: 32
} as const

/** Why a document nested too deeply is refused. */
export const NESTS_TOO_DEEPLY = `the YAML nests more than ${MANIFEST_LIMITS.maxDepth} levels deep; expected at most ${MANIFEST_LIMITS.maxDepth} (a manifest needs about six)`
