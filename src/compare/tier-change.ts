// The one-tier change `nb-image compare` measures: a package added to one tier, rebuilt
// warm. Either a real package the user names (`change-package: tier1=python3-toml`), added
// to the tier's list, or by default a synthetic change that re-runs the tier's package steps
// without adding anything (plan/dockerfile.ts TierChange). Pure.
import { checkAptPackage, checkPipRequirement } from '../manifest/packages.js'
import type { Manifest, Tier } from '../manifest/types.js'
import { InputError } from '../utils/errors.js'

/** The `change-package` input's name, for its errors. */
const INPUT = 'change-package'

/** One line of `change-package`: a package for one tier, or for every tier. */
export interface ChangePackage {
  /** Absent: every tier. */
  tier?: string
  /** Absent: the one manager the tier installs with. */
  manager?: 'apt' | 'pip'
  spec: string
}

/** What the comparison adds to one tier. */
export type TierChangeSpec =
  { kind: 'synthetic' } | { kind: 'package'; manager: 'apt' | 'pip'; spec: string }

/**
 * Reads `change-package` lines: `[tier=][apt:|pip:]package`, e.g. `tier1=python3-toml`,
 * `pip:toml`, `tier2=apt:python3-toml`. Only the form is checked here; the tiers and the
 * package spec are checked against the manifest by resolveChanges.
 */
export function parseChangePackages(lines: readonly string[]): ChangePackage[] {
  return lines.map((line) => {
    // A tier name, then `=` that is not the start of `==` (a pip pin without a tier).
    const match = /^(?:([a-z][a-z0-9._-]*)\s*=(?!=)\s*)?(?:(apt|pip)\s*:\s*)?(\S.*)$/i.exec(
      line.trim()
    )
    const spec = match?.[3]?.trim()
    if (!match || !spec || spec.endsWith('=') || /^(apt|pip)\s*:$/i.test(spec)) {
      throw new InputError(
        `${INPUT}: "${line.trim()}" is not [tier=][apt:|pip:]package, e.g. tier1=python3-toml or pip:toml`
      )
    }
    const given: ChangePackage = { spec }
    if (match[1]) given.tier = match[1]
    if (match[2]) given.manager = match[2].toLowerCase() as 'apt' | 'pip'
    return given
  })
}

/**
 * The change of every tier: the package given for it (a line naming it wins over a line
 * for every tier), else synthetic. A tier that names no tier of the manifest, a tier whose
 * manager cannot be told (it installs with both, or neither, and the line does not say), a
 * tier with its own Dockerfile, or a spec the manifest itself would refuse is an InputError
 * naming the line.
 */
export function resolveChanges(
  manifest: Manifest,
  given: readonly ChangePackage[]
): Map<string, TierChangeSpec> {
  const names = manifest.tiers.map((tier) => tier.name)
  for (const line of given) {
    if (line.tier !== undefined && !names.includes(line.tier)) {
      throw new InputError(
        `${INPUT}: "${line.tier}" is not a tier of ${manifest.file}; its tiers are ${names.join(', ')}`
      )
    }
  }
  const changes = new Map<string, TierChangeSpec>()
  for (const tier of manifest.tiers) {
    const line =
      given.find((entry) => entry.tier === tier.name) ??
      given.find((entry) => entry.tier === undefined)
    changes.set(tier.name, line ? packageChange(manifest, tier, line) : { kind: 'synthetic' })
  }
  return changes
}

function packageChange(manifest: Manifest, tier: Tier, line: ChangePackage): TierChangeSpec {
  const which = `${INPUT} for tier ${tier.name}`
  if (manifest.dockerfile !== undefined || tier.dockerfile !== undefined) {
    throw new InputError(
      `${which}: the tier is built from ${tier.dockerfile ?? manifest.dockerfile ?? 'its own Dockerfile'}, which the comparison cannot add a package to; leave the tier out of ${INPUT}`
    )
  }
  const managers = (['apt', 'pip'] as const).filter(
    (manager) => tier.packages[manager].length > 0 || manifest.base[manager].length > 0
  )
  const manager = line.manager ?? (managers.length === 1 ? managers[0] : undefined)
  if (manager === undefined) {
    throw new InputError(
      `${which}: say which manager installs "${line.spec}" (apt:${line.spec} or pip:${line.spec}); the tier installs with ${managers.length === 0 ? 'neither' : 'both'}`
    )
  }
  const problem = manager === 'apt' ? checkAptPackage(line.spec) : checkPipRequirement(line.spec)
  if (problem) throw new InputError(`${which}: ${problem}`)
  return { kind: 'package', manager, spec: line.spec }
}

/** The manifest with the package added to the tier's list (a synthetic change leaves it as it is). */
export function changedManifest(
  manifest: Manifest,
  tier: string,
  change: TierChangeSpec
): Manifest {
  if (change.kind === 'synthetic') return manifest
  return {
    ...manifest,
    tiers: manifest.tiers.map((entry) =>
      entry.name === tier
        ? {
            ...entry,
            packages: {
              ...entry.packages,
              [change.manager]: [...entry.packages[change.manager], change.spec]
            }
          }
        : entry
    )
  }
}

/** How a change reads in the document: `+ python3-toml (apt)` or `synthetic`. */
export function describeChange(change: TierChangeSpec): string {
  return change.kind === 'synthetic' ? 'synthetic' : `+ ${change.spec} (${change.manager})`
}
