// What a pull request changed inside each image, against the base branch's report: packages
// added, removed and changed version, with their size change; the largest packages of an
// image; and drift, the same package at different versions in different tier images of one
// run. Python distributions that apt installed are left to the Debian list (their sizes are
// their Debian package's), so nothing is counted twice. Pure.
import type { ImagePackages } from './contents.js'
import type { ImageReport } from './types.js'

/** Which package manager's list a package is on. */
export type PackageManager = 'debian' | 'python' | 'rpm'

/** One package of an image, from whichever list. */
export interface ListedPackage {
  manager: PackageManager
  name: string
  version: string
  sizeBytes: number | null
}

/** How one package differs between the base image and this run's. */
export interface PackageChange {
  manager: PackageManager
  name: string
  change: 'added' | 'removed' | 'changed'
  baseVersion?: string
  headVersion?: string
  /** head − base; null when a size is unknown. */
  sizeDeltaBytes: number | null
}

/** The package changes of one image, or why there are none to show. */
export type PackageDiff =
  | { compared: true; changes: PackageChange[] }
  | { compared: false; reason: 'no-baseline' | 'base-without-packages' | 'head-without-packages' }

/** Every package of an image that counts once: Debian, RPM, and Python not from apt. */
export function listedPackages(packages: ImagePackages): ListedPackage[] {
  const entries = (
    manager: PackageManager,
    items: { name: string; version: string; sizeBytes: number | null }[]
  ): ListedPackage[] =>
    items.map((item) => ({
      manager,
      name: item.name,
      version: item.version,
      sizeBytes: item.sizeBytes
    }))
  return [
    ...entries('debian', packages.debian),
    ...entries('rpm', packages.rpm),
    ...entries(
      'python',
      packages.python.filter((dist) => dist.debianPackage === undefined)
    )
  ]
}

/**
 * The packages added, removed or at another version in `head` than in `base`, the largest
 * size change first (unknown sizes last), then by name.
 */
export function diffPackages(
  head: ImagePackages | undefined,
  base: ImagePackages | undefined | null
): PackageDiff {
  if (base === null) return { compared: false, reason: 'no-baseline' }
  if (!head) return { compared: false, reason: 'head-without-packages' }
  if (!base) return { compared: false, reason: 'base-without-packages' }
  const key = (item: ListedPackage): string => `${item.manager}\0${item.name}`
  const before = new Map(listedPackages(base).map((item) => [key(item), item]))
  const after = new Map(listedPackages(head).map((item) => [key(item), item]))
  const changes: PackageChange[] = []
  for (const [id, now] of after) {
    const was = before.get(id)
    if (!was) {
      changes.push({
        manager: now.manager,
        name: now.name,
        change: 'added',
        headVersion: now.version,
        sizeDeltaBytes: now.sizeBytes
      })
    } else if (was.version !== now.version) {
      changes.push({
        manager: now.manager,
        name: now.name,
        change: 'changed',
        baseVersion: was.version,
        headVersion: now.version,
        sizeDeltaBytes:
          now.sizeBytes === null || was.sizeBytes === null ? null : now.sizeBytes - was.sizeBytes
      })
    }
  }
  for (const [id, was] of before) {
    if (after.has(id)) continue
    changes.push({
      manager: was.manager,
      name: was.name,
      change: 'removed',
      baseVersion: was.version,
      sizeDeltaBytes: was.sizeBytes === null ? null : -was.sizeBytes
    })
  }
  return { compared: true, changes: changes.sort(bySizeChange) }
}

function bySizeChange(a: PackageChange, b: PackageChange): number {
  const size = (change: PackageChange): number =>
    change.sizeDeltaBytes === null ? -1 : Math.abs(change.sizeDeltaBytes)
  return size(b) - size(a) || compareText(a.name, b.name) || compareText(a.manager, b.manager)
}

/** The `count` largest packages of an image (unknown sizes left out), largest first. */
export function largestPackages(packages: ImagePackages, count: number): ListedPackage[] {
  return listedPackages(packages)
    .filter((item) => item.sizeBytes !== null)
    .sort((a, b) => (b.sizeBytes ?? 0) - (a.sizeBytes ?? 0) || compareText(a.name, b.name))
    .slice(0, count)
}

/** A package at different versions in different images of one run. */
export interface Drift {
  manager: PackageManager
  name: string
  /** Each version and the tiers whose image has it, versions in order of first appearance. */
  versions: { version: string; tiers: string[] }[]
}

/**
 * Packages that several images of the run have at different versions, by name: a notebook
 * validated against one tier's numpy may meet another in the next tier. One image (the
 * shared strategy) has none.
 */
export function packageDrift(images: ImageReport[]): Drift[] {
  const seen = new Map<string, Drift>()
  for (const image of images) {
    if (!image.packages) continue
    for (const item of listedPackages(image.packages)) {
      const id = `${item.manager}\0${item.name}`
      const drift = seen.get(id) ?? { manager: item.manager, name: item.name, versions: [] }
      seen.set(id, drift)
      const entry = drift.versions.find((version) => version.version === item.version)
      if (entry) entry.tiers.push(...image.tiers)
      else drift.versions.push({ version: item.version, tiers: [...image.tiers] })
    }
  }
  return [...seen.values()]
    .filter((drift) => drift.versions.length > 1)
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.manager, b.manager))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
