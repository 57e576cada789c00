import type { StrategyComparison, TierComparison } from '../report/strategy-comparison.js'
import { formatBytes, formatDuration, formatSize } from './format.js'
import { code, escapeMarkdown } from './markdown.js'
import { textTable } from './table.js'

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
  const out = [...textTable(header, rows, (column) => column > 0), '']
  out.push(...comparisonFindings(comparison).map((f) => `* ${f}`))
  return `${out.join('\n')}\n`
}
