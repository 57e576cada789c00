// The arithmetic of the comparison: from the reports of each option's builds (cold, warm,
// one per one-tier change) and the pulls measured on its images, the figures of one
// OptionResult. Pure.
import { uniqueBytes } from '../measure/layers.js'
import type { PullFigures } from './pulls.js'
import { OPTION_TITLES, type OptionBuild, type OptionPlan } from './options.js'
import { describeChange, type TierChangeSpec } from './tier-change.js'
import type {
  ChangeResult,
  Drift,
  DriftingPackage,
  OptionImage,
  OptionResult,
  OptionTier
} from './types.js'
import type { ImageReport, Report } from '../report/types.js'

/** One build of a phase and the report it wrote. */
export interface PhaseBuild {
  build: OptionBuild
  report: Report
}

/** One phase of an option (cold, warm, a change): its builds in the order they ran. */
export interface Phase {
  builds: PhaseBuild[]
  /** Why the phase stopped before every build had a report. */
  error?: string
}

/** Everything measured for one option, as the pipeline collected it. */
export interface OptionMeasurement {
  plan: OptionPlan
  maintenance: OptionResult['maintenance']
  cold?: Phase
  warm?: Phase
  changes: { tier: string; change: TierChangeSpec; phase?: Phase; error?: string }[]
  /** Image name → what its pods pull (cold phase). */
  pulls: Map<string, PullFigures>
  reportFiles: string[]
  /** Why the option could not be measured at all. */
  error?: string
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] ?? 0
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2
}

/** The manifest tiers an image of a build serves (B and C images hold one tier, maybe renamed). */
export function tiersOf(build: OptionBuild, image: ImageReport): string[] {
  return build.tier !== undefined ? [build.tier] : image.tiers
}

/**
 * The wall time of a phase: its builds' build phases one after another. Null when a build
 * failed or did not run, since a partial time would flatter the option.
 */
export function phaseMs(phase: Phase | undefined): number | null {
  if (!phase || phase.error !== undefined || !phaseBuilt(phase)) return null
  return phase.builds.reduce((sum, { report }) => sum + report.totals.durationMs, 0)
}

function phaseBuilt(phase: Phase): boolean {
  return phase.builds.every(({ report }) =>
    report.images.every((image) => image.status !== 'failed')
  )
}

/**
 * How long after a phase started the last image serving `tier` was exported: the builds
 * before it, then its own span. Null when the tier has no built image in the phase.
 */
export function timeToTier(phase: Phase | undefined, tier: string): number | null {
  if (!phase) return null
  let elapsed = 0
  let found: number | null = null
  for (const { build, report } of phase.builds) {
    for (const image of report.images) {
      if (!tiersOf(build, image).includes(tier)) continue
      if (image.status === 'failed') return null
      found = elapsed + image.durationMs
    }
    elapsed += report.totals.durationMs
  }
  return found
}

/** The figures of one option. `critical` is the tier the triggers weigh. */
export function optionResult(
  measurement: OptionMeasurement,
  tierNames: readonly string[],
  critical: string
): OptionResult {
  const { plan, cold } = measurement
  const base: OptionResult = {
    id: plan.id,
    title: OPTION_TITLES[plan.id],
    status: 'measured',
    maintenance: measurement.maintenance,
    coldMs: phaseMs(cold),
    warmMs: phaseMs(measurement.warm),
    changes: measurement.changes.map(changeResult),
    changeMedianMs: null,
    changeWorst: null,
    images: [],
    tiers: [],
    uniqueBytes: null,
    drift: { measured: false, packages: [] },
    criticalTier: {
      coldMs: timeToTier(cold, critical),
      changeMs: timeToTier(
        measurement.changes.find((change) => change.tier === critical)?.phase,
        critical
      )
    },
    overBudget: [],
    reportFiles: measurement.reportFiles
  }
  if (plan.skipped !== undefined) return { ...base, status: 'planned', note: plan.skipped }
  const built = cold?.builds ?? []
  const images = built.flatMap(({ build, report }) =>
    report.images.map((image) => ({ build, image }))
  )
  const timed = base.changes.flatMap((change) =>
    change.ms === null ? [] : [{ tier: change.tier, ms: change.ms }]
  )
  const worst = timed.reduce<{ tier: string; ms: number } | null>(
    (max, entry) => (max === null || entry.ms > max.ms ? entry : max),
    null
  )
  const failure =
    measurement.error ?? cold?.error ?? (cold && !phaseBuilt(cold) ? failedImages(cold) : undefined)
  return {
    ...base,
    ...(failure !== undefined ? { status: 'failed' as const, note: failure } : {}),
    changeMedianMs:
      timed.length === measurement.changes.length ? median(timed.map((t) => t.ms)) : null,
    changeWorst: worst,
    images: images.map(({ build, image }) => optionImage(build, image, measurement.pulls)),
    tiers: tierNames.map((tier) => optionTier(tier, images, measurement.pulls)),
    uniqueBytes:
      images.length > 0 && images.every(({ image }) => image.sizeBytes !== null)
        ? uniqueBytes(images.map(({ image }) => image))
        : null,
    drift: versionDrift(images.map(({ image }) => image)),
    overBudget: images.flatMap(({ image }) =>
      image.status === 'over' && image.sizeBytes !== null
        ? [{ image: image.name, sizeBytes: image.sizeBytes, thresholdBytes: image.thresholdBytes }]
        : []
    )
  }
}

function failedImages(phase: Phase): string {
  const failed = phase.builds.flatMap(({ report }) =>
    report.images.filter((image) => image.status === 'failed')
  )
  return `the cold build failed: ${failed.map((image) => `${image.name} (${image.error ?? 'failed'})`).join('; ')}`
}

function changeResult(change: OptionMeasurement['changes'][number]): ChangeResult {
  const result: ChangeResult = {
    tier: change.tier,
    change: describeChange(change.change),
    ms: phaseMs(change.phase),
    rebuilt: (change.phase?.builds ?? []).flatMap(({ report }) =>
      report.images
        .filter((image) => image.totalSteps > image.cachedSteps)
        .map((image) => ({
          image: image.name,
          ranSteps: image.totalSteps - image.cachedSteps,
          totalSteps: image.totalSteps
        }))
    )
  }
  const error =
    change.error ??
    change.phase?.error ??
    (change.phase && !phaseBuilt(change.phase) ? failedImages(change.phase) : undefined)
  if (error !== undefined) result.error = error
  return result
}

function optionImage(
  build: OptionBuild,
  image: ImageReport,
  pulls: Map<string, PullFigures>
): OptionImage {
  const result: OptionImage = {
    name: image.name,
    tiers: tiersOf(build, image),
    sizeBytes: image.sizeBytes,
    compressedBytes: pulls.get(image.name)?.coldBytes ?? image.compressedBytes,
    thresholdBytes: image.thresholdBytes,
    status: image.status
  }
  if (build.notebook !== undefined) result.notebook = build.notebook
  return result
}

function optionTier(
  tier: string,
  images: { build: OptionBuild; image: ImageReport }[],
  pulls: Map<string, PullFigures>
): OptionTier {
  const serving = images.filter(({ build, image }) => tiersOf(build, image).includes(tier))
  const first = serving[0]?.image
  const pull = first ? pulls.get(first.name) : undefined
  return {
    tier,
    images: serving.map(({ image }) => image.name),
    sizeBytes: first?.sizeBytes ?? null,
    pullColdBytes: pull?.coldBytes ?? null,
    pullBaseCachedBytes: pull?.baseCachedBytes ?? null
  }
}

/** The package inventory of an image, where the report has one (images[].packages). */
interface Inventory {
  python: { name: string; version: string }[]
  debian: { name: string; version: string }[]
  rpm: { name: string; version: string }[]
}

/**
 * Packages installed at different versions in different images of one option, from each
 * image's package inventory. Not measured when an image has none (a report written before
 * inventories, or an image whose inventory could not be read).
 */
export function versionDrift(
  images: readonly (Pick<ImageReport, 'name' | 'status'> & { packages?: Inventory })[]
): Drift {
  const built = images.filter((image) => image.status !== 'failed')
  if (built.length === 0 || built.some((image) => image.packages === undefined)) {
    return { measured: false, packages: [] }
  }
  const seen = new Map<string, DriftingPackage>()
  for (const image of built) {
    for (const kind of ['python', 'debian', 'rpm'] as const) {
      for (const { name, version } of image.packages?.[kind] ?? []) {
        const key = `${kind}:${name}`
        const entry = seen.get(key) ?? { kind, name, versions: {} }
        entry.versions[image.name] = version
        seen.set(key, entry)
      }
    }
  }
  const packages = [...seen.values()].filter(
    (entry) => new Set(Object.values(entry.versions)).size > 1
  )
  return { measured: true, packages }
}
