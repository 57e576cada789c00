import { code, escapeMarkdown } from '../render/markdown.js'
import { formatBytes, formatDuration, formatSize } from '../utils/size.js'
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

/** 0.48% stays "0.5%" rather than "0%"; large shares need no decimals. */
const percent = (ratio: number): string =>
  `${(ratio * 100).toFixed(Math.abs(ratio) < 0.1 ? 1 : 0)}%`
const size = (bytes: number | null): string => (bytes === null ? '–' : formatSize(bytes))

function saving(t: TierComparison): string {
  if (t.sharedBytes === null || t.perTierBytes === null || t.sharedBytes === 0) return '–'
  const saved = t.sharedBytes - t.perTierBytes
  return `${formatSize(saved)} (${percent(saved / t.sharedBytes)})`
}

/** The findings in plain sentences, each backed by a figure; no advice without numbers. */
export function comparisonFindings(comparison: StrategyComparison): string[] {
  const findings: string[] = []
  const { shared, perTier } = comparison
  if (shared.passed !== perTier.passed) {
    findings.push(
      perTier.passed
        ? 'Only the per-tier images (D) fit their budgets; the shared image (A) does not.'
        : 'Only the shared image (A) fits its budget; a per-tier image (D) does not, or failed.'
    )
  }
  if (comparison.meanPullSaving !== null) {
    findings.push(
      `A tier's pod pulls ${percent(comparison.meanPullSaving)} fewer bytes on average with per-tier images (D) than with the shared image (A).`
    )
  }
  if (comparison.diskOverhead !== null) {
    const more = comparison.diskOverhead >= 0
    findings.push(
      `All of D's images together take ${formatSize(Math.abs(perTier.uniqueBytes - shared.uniqueBytes))} (${percent(Math.abs(comparison.diskOverhead))}) ${more ? 'more' : 'less'} disk than A's image, shared layers counted once.`
    )
  }
  if (comparison.buildTimeRatio !== null) {
    findings.push(
      `Building every tier (D) took ${comparison.buildTimeRatio.toFixed(2)}× the time of the shared image (A): ${formatDuration(perTier.durationMs)} against ${formatDuration(shared.durationMs)}${comparison.cold ? ', both without cache' : "; D was built first, and A reused whatever of D's layers it shares (the base), so run with --no-cache for a cold comparison"}.`
    )
  }
  return findings
}

/** The comparison as markdown: one row per tier, totals, and the findings. */
export function renderComparisonMarkdown(comparison: StrategyComparison): string {
  const lines = [
    '## Shared image (A) or one image per tier (D)?',
    '',
    '| Tier | A: shared image | D: per-tier image | A tier pod pulls less with D |',
    '|---|--:|--:|--:|'
  ]
  for (const t of comparison.tiers) {
    lines.push(
      `| ${code(t.tier)} | ${size(t.sharedBytes)} | ${size(t.perTierBytes)} | ${saving(t)} |`
    )
  }
  const { shared, perTier } = comparison
  lines.push(
    `| **All images, shared layers once** | **${formatSize(shared.uniqueBytes)}** | **${formatSize(perTier.uniqueBytes)}** | |`,
    `| **Build time** | ${formatDuration(shared.durationMs)} | ${formatDuration(perTier.durationMs)} | |`,
    `| **Within budget** | ${shared.passed ? '✅' : '❌'} | ${perTier.passed ? '✅' : '❌'} | |`,
    ''
  )
  for (const finding of comparisonFindings(comparison)) lines.push(`- ${escapeMarkdown(finding)}`)
  lines.push(
    '',
    `Sizes are uncompressed, in decimal units; exact bytes are in the two reports (e.g. ${formatBytes(perTier.uniqueBytes)} for D).`
  )
  return `${lines.join('\n')}\n`
}

/** The comparison as aligned plain text, for the CLI. */
export function renderComparisonText(comparison: StrategyComparison): string {
  const header = ['Tier', 'A: shared', 'D: per-tier', 'D pulls less']
  const rows = comparison.tiers.map((t) => [
    t.tier,
    size(t.sharedBytes),
    size(t.perTierBytes),
    saving(t)
  ])
  const { shared, perTier } = comparison
  rows.push(
    ['all images (unique)', formatSize(shared.uniqueBytes), formatSize(perTier.uniqueBytes), ''],
    ['build time', formatDuration(shared.durationMs), formatDuration(perTier.durationMs), ''],
    ['within budget', shared.passed ? 'yes' : 'NO', perTier.passed ? 'yes' : 'NO', '']
  )
  const all = [header, ...rows]
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)))
  const format = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd()
  const out = [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format), '']
  out.push(...comparisonFindings(comparison).map((f) => `* ${f}`))
  return `${out.join('\n')}\n`
}
