// The pull-request comment's table: one row per image with its change against the base, the
// totals row, and the note on which sizes the columns show.
import type { Comparison, ImageComparison } from '../report/base-comparison.js'
import type { ImageReport, Report, ThresholdBasis } from '../report/types.js'
import { budgetedSize } from '../report/verdict.js'
import {
  formatBytes,
  formatBytesChange,
  formatDuration,
  formatDurationChange,
  formatHeadroom,
  formatPercentChange,
  formatSize,
  formatSizeChange
} from './format.js'
import { escapeAttribute, escapeMarkdown, truncate } from './markdown.js'
import { STATUS_LABEL } from './summary.js'
import { growthCell, hasGrowth } from './growth.js'

/** Longest tier description shown in the table before it is cut. */
const DESCRIPTION_MAX = 60

/** How the table is laid out for a report. */
export interface Layout {
  /** Whether any image has a compressed size: then it gets its own column. */
  compressed: boolean
  basis: ThresholdBasis
  /** Whether any image has a growth limit: then a Growth column, before Status. */
  growth: boolean
  policy: Report['growthPolicy']
}

export function layoutOf(report: Report, comparison: Comparison): Layout {
  const images = comparison.rows.flatMap((row) => [row.head, row.base])
  return {
    compressed: images.some((image) => image !== null && image.compressedBytes !== null),
    basis: report.thresholdBasis,
    growth: hasGrowth(report),
    policy: report.growthPolicy
  }
}

export function header(layout: Layout): string[] {
  const columns = ['Tier', 'Size', 'Change']
  const align = ['---', '--:', '--:']
  if (layout.compressed) {
    columns.push('Compressed')
    align.push('--:')
  }
  columns.push('Budget', 'Headroom', 'Build time')
  align.push('--:', '--:', '--:')
  if (layout.growth) {
    columns.push('Growth')
    align.push('--:')
  }
  columns.push('Status')
  align.push('---')
  return [`| ${columns.join(' | ')} |`, `|${align.join('|')}|`]
}

export function arrow(delta: number): string {
  return delta > 0 ? '🔺' : '🔽'
}

/** `🔺 +12 MB (+3.1%)`: a change in size with its arrow, and its share of `base` when known. */
export function signedChange(
  delta: number,
  base: number,
  emphasis = (text: string) => text
): string {
  const percent = formatPercentChange(delta, base)
  return `${arrow(delta)} ${emphasis(sizeChange(delta))}${percent ? ` (${percent})` : ''}`
}

/** A size with its exact bytes in a tooltip. */
export function size(bytes: number): string {
  return `<span title="${escapeAttribute(formatBytes(bytes))}">${formatSize(bytes)}</span>`
}

/** A signed change with its exact bytes in a tooltip. */
export function sizeChange(bytes: number): string {
  return `<span title="${escapeAttribute(formatBytesChange(bytes))}">${formatSizeChange(bytes)}</span>`
}

function tierCell(row: ImageComparison, descriptions: Record<string, string>): string {
  const names = row.tiers
    .map((tier) => `${escapeMarkdown(tier)}${row.newTiers.includes(tier) ? ' 🆕' : ''}`)
    .join(', ')
  if (row.change === 'removed') return `~~${names}~~`
  const tier = row.tiers.length === 1 ? row.tiers[0] : undefined
  const description = tier === undefined ? undefined : descriptions[tier]?.trim()
  return description
    ? `${names} <sub>${escapeMarkdown(truncate(description, DESCRIPTION_MAX))}</sub>`
    : names
}

function changeCell(row: ImageComparison): string {
  switch (row.change) {
    case 'new':
      return '🆕 new'
    case 'removed':
      return row.sizeDeltaBytes === null ? '🗑️ removed' : `🔽 ${sizeChange(row.sizeDeltaBytes)}`
    case 'regrouped':
      return `– <sub>was ${row.baseCandidates.length} images</sub>`
    case 'no-baseline':
      return '–'
    case 'compared': {
      if (row.head?.sizeBytes === null) return '–'
      // The same image ID as the base's: nothing about it changed, not only its size.
      if (row.head?.unchanged === true) return 'unchanged'
      if (row.sizeDeltaBytes === null) return '– <sub>base not built</sub>'
      if (row.sizeDeltaBytes === 0) return 'no change'
      return signedChange(row.sizeDeltaBytes, row.base?.sizeBytes ?? 0)
    }
  }
}

/** What the Growth column measures, when there is one. */
export function growthNote(layout: Layout): string | undefined {
  if (!layout.growth) return undefined
  return `Growth is against the baseline, on the ${layout.basis} size; past its max-growth an image ${layout.policy === 'warn' ? 'gets a warning' : 'fails the check'} (growth-policy: ${layout.policy ?? 'fail'}).`
}

export function sizeNote(layout: Layout): string {
  const units =
    'decimal units (1 GB = 1,000,000,000 bytes) like the budget; hover a size for its exact bytes.'
  if (!layout.compressed && layout.basis === 'uncompressed') {
    return `Sizes are uncompressed, in ${units}`
  }
  return `Size is uncompressed (the unpacked layers), Compressed is config + layers (what a pull downloads); budgets apply to the ${layout.basis} size. In ${units}`
}

/** The compressed size with its change, when it was measured. */
function compressedCell(row: ImageComparison, image: ImageReport): string {
  if (image.compressedBytes === null) return '–'
  const delta = row.compressedDeltaBytes
  if (row.change === 'removed' || delta === null) return size(image.compressedBytes)
  return `${size(image.compressedBytes)} (${delta === 0 ? '±0' : sizeChange(delta)})`
}

export function tableRow(
  row: ImageComparison,
  descriptions: Record<string, string>,
  layout: Layout
): string {
  const image = row.head ?? row.base
  if (!image) return ''
  const cells: string[] = [tierCell(row, descriptions)]
  if (row.change === 'removed') {
    cells.push('–', changeCell(row))
    if (layout.compressed) cells.push('–')
    cells.push('–', '–', '–')
    if (layout.growth) cells.push('–')
    cells.push(
      `🗑️ removed${image.sizeBytes === null ? '' : ` <sub>was ${size(image.sizeBytes)}</sub>`}`
    )
    return `| ${cells.join(' | ')} |`
  }
  const duration =
    row.durationDeltaMs === null
      ? formatDuration(image.durationMs)
      : `${formatDuration(image.durationMs)} (${formatDurationChange(row.durationDeltaMs)})`
  cells.push(image.sizeBytes === null ? '–' : size(image.sizeBytes), changeCell(row))
  if (layout.compressed) cells.push(compressedCell(row, image))
  cells.push(
    formatSize(image.thresholdBytes),
    formatHeadroom(image.thresholdBytes, budgetedSize(image, layout.basis)),
    duration
  )
  if (layout.growth) cells.push(growthCell(row.head?.growth, layout.policy))
  cells.push(STATUS_LABEL[image.status])
  return `| ${cells.join(' | ')} |`
}

export function totalsRow(comparison: Comparison, layout: Layout): string {
  const { totals } = comparison
  let change = '–'
  if (totals.uniqueDeltaBytes !== null && totals.baseUniqueBytes !== null) {
    change =
      totals.uniqueDeltaBytes === 0
        ? 'no change'
        : signedChange(totals.uniqueDeltaBytes, totals.baseUniqueBytes)
  }
  const duration =
    totals.durationDeltaMs === null
      ? formatDuration(totals.durationMs)
      : `${formatDuration(totals.durationMs)} (${formatDurationChange(totals.durationDeltaMs)})`
  return `| **Total** <sub>unique bytes</sub> | **${size(totals.uniqueBytes)}** | ${change} |${layout.compressed ? ' |' : ''} | | ${duration} |${layout.growth ? ' |' : ''} |`
}
