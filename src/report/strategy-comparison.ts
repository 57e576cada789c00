// ADR-031's question in figures: one shared image for every tier (option A) against one
// image per tier built with --target (option D), from the reports of one manifest built both
// ways (pipeline/compare.ts). render/strategy-comparison.ts says it in words and tables.
import type { ImageReport, Report } from './types.js'

/** One tier under both strategies: the image a validation pod of that tier pulls. */
export interface TierComparison {
  tier: string
  sharedBytes: number | null
  perTierBytes: number | null
}

/** Option A (one shared image) against option D (one image per tier), measured on one manifest. */
export interface StrategyComparison {
  tiers: TierComparison[]
  shared: { uniqueBytes: number; durationMs: number; passed: boolean; images: number }
  perTier: { uniqueBytes: number; durationMs: number; passed: boolean; images: number }
  /** Mean over tiers of (shared − per-tier) / shared: how much less a pod pulls with D. */
  meanPullSaving: number | null
  /** (per-tier unique bytes − shared unique bytes) / shared: extra disk for all of D's images. */
  diskOverhead: number | null
  /** per-tier build wall time / shared build wall time. */
  buildTimeRatio: number | null
  /** Whether both were built without cache; if not, the second build reused the first's layers. */
  cold: boolean
}

/**
 * Compares the reports of one manifest built both ways. Each tier is matched to the image
 * that serves it in each report; tiers missing from either (not built) compare as null.
 */
export function compareStrategies(
  shared: Report,
  perTier: Report,
  cold: boolean
): StrategyComparison {
  const served = (report: Report): Map<string, ImageReport> => {
    const map = new Map<string, ImageReport>()
    for (const image of report.images) for (const tier of image.tiers) map.set(tier, image)
    return map
  }
  const sharedByTier = served(shared)
  const perTierByTier = served(perTier)
  const names = [
    ...new Set([
      ...perTier.images.flatMap((i) => i.tiers),
      ...shared.images.flatMap((i) => i.tiers)
    ])
  ]
  const tiers = names.map((tier) => ({
    tier,
    sharedBytes: sharedByTier.get(tier)?.sizeBytes ?? null,
    perTierBytes: perTierByTier.get(tier)?.sizeBytes ?? null
  }))
  const savings = tiers
    .filter((t) => t.sharedBytes !== null && t.perTierBytes !== null && t.sharedBytes > 0)
    .map((t) => ((t.sharedBytes ?? 0) - (t.perTierBytes ?? 0)) / (t.sharedBytes ?? 1))
  const summary = (report: Report): StrategyComparison['shared'] => ({
    uniqueBytes: report.totals.uniqueBytes,
    durationMs: report.totals.durationMs,
    passed: report.passed,
    images: report.images.length
  })
  const a = summary(shared)
  const d = summary(perTier)
  return {
    tiers,
    shared: a,
    perTier: d,
    meanPullSaving: savings.length > 0 ? savings.reduce((x, y) => x + y, 0) / savings.length : null,
    diskOverhead:
      a.uniqueBytes > 0 && d.uniqueBytes > 0
        ? (d.uniqueBytes - a.uniqueBytes) / a.uniqueBytes
        : null,
    buildTimeRatio: a.durationMs > 0 && d.durationMs > 0 ? d.durationMs / a.durationMs : null,
    cold
  }
}
