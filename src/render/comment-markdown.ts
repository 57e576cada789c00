import { DEFAULT_REPORT_ARTIFACT, type BaselineInfo } from '../github/baseline.js'
import type { Comparison, ImageComparison, LayerChange } from '../report/base-comparison.js'
import {
  formatBytesChange,
  formatDurationChange,
  formatPercentChange,
  formatSizeChange
} from './format.js'
import {
  code,
  encodeCommentValue,
  escapeAttribute,
  escapeMarkdown,
  escapePreLine,
  truncate
} from './markdown.js'
import { formatBytes, formatDuration, formatSize, groupThousands } from '../utils/size.js'
import { budgetedSize } from '../report/verdict.js'
import { headline, STATUS_LABEL } from './summary.js'
import type { ImageReport, Report, ThresholdBasis } from '../report/types.js'

/** GitHub rejects comment bodies longer than this many characters. */
export const COMMENT_LIMIT = 65_536

/** Layers listed per image in each of the two details tables. */
export const LAYERS_SHOWN = 5

/** Lines of a failed build's log shown in the comment (the job summary has more). */
const LOG_LINES_SHOWN = 10

/** Longest tier description shown in the table before it is cut. */
const DESCRIPTION_MAX = 60

/** Longest instruction shown in a details table before it is cut. */
const INSTRUCTION_MAX = 120

/** Everything the comment says, already measured and compared. */
export interface CommentInput {
  /** Identifies the comment among the pull request's: the manifest path or `comment-key`. */
  key: string
  report: Report
  comparison: Comparison
  baseline: BaselineInfo
  /** Tier name → description from the manifest (untrusted). */
  descriptions: Record<string, string>
  /** This workflow run, where the job summary has the full report. */
  runUrl?: string
}

/** A rendered comment. `body` fits GitHub's limit; `full` is the untruncated markdown. */
export interface RenderedComment {
  body: string
  full: string
  truncated: boolean
}

/** The hidden first line that marks the comment for a key, so later runs find and edit it. */
export function commentMarker(key: string): string {
  return `<!-- nb-image-action:comment key=${encodeCommentValue(key)} -->`
}

/** A pull-request comment as the REST API returns it (the fields the lookup needs). */
export interface IssueCommentInfo {
  id: number
  body?: string | null
  user: { login: string; type: string } | null
  authorAssociation: string
}

// Only these may have written a marker we take over: someone without write access who pastes
// the marker into their own comment must not get the report (and its trust) in their name.
const TRUSTED_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR'])

/**
 * The comment this run should edit: the first that starts with the key's marker and was
 * written by a bot (the GITHUB_TOKEN's `github-actions[bot]`, or an app) or by someone with
 * write access (a personal token). Undefined when there is none yet.
 */
export function findStickyComment<T extends IssueCommentInfo>(
  comments: T[],
  key: string
): T | undefined {
  const marker = commentMarker(key)
  const marked = comments.filter((comment) => (comment.body ?? '').startsWith(marker))
  return (
    marked.find((comment) => comment.user?.type === 'Bot') ??
    marked.find((comment) => TRUSTED_ASSOCIATIONS.has(comment.authorAssociation))
  )
}

/**
 * Renders the pull-request comment: verdict, one row per image with its change against the
 * base, totals, new and removed tiers, and per-image layer details. When the markdown is
 * longer than `maxLength`, layer details and then table rows are left out, with a note
 * pointing at the job summary.
 */
export function renderComment(input: CommentInput, maxLength = COMMENT_LIMIT): RenderedComment {
  const parts = commentParts(input)
  const full = assemble(parts, parts.rows, parts.details, null)
  if (full.length <= maxLength) return { body: full, full, truncated: false }

  const rows: string[] = []
  const details: string[] = []
  const note = (rowsLeft: number, detailsLeft: number): string => {
    const left: string[] = []
    if (rowsLeft > 0) left.push(`${rowsLeft} more image${rowsLeft === 1 ? '' : 's'}`)
    if (detailsLeft > 0)
      left.push(`the layer details of ${detailsLeft} image${detailsLeft === 1 ? '' : 's'}`)
    const where = input.runUrl
      ? `the job summary of [this run](${input.runUrl})`
      : 'the job summary'
    return `> [!NOTE]\n> Shortened to fit GitHub's limit of ${groupThousands(COMMENT_LIMIT)} characters: ${left.join(' and ')} left out. The full comparison is in ${where}.`
  }
  const fits = (extraRow: string | null, extraDetails: string | null): boolean => {
    const tryRows = extraRow === null ? rows : [...rows, extraRow]
    const tryDetails = extraDetails === null ? details : [...details, extraDetails]
    const rowsLeft = parts.rows.length - tryRows.length
    const more = rowsLeft > 0 ? [moreRow(rowsLeft, parts.columns)] : []
    const text = assemble(
      parts,
      [...tryRows, ...more],
      tryDetails,
      note(rowsLeft, parts.details.length - tryDetails.length)
    )
    return text.length <= maxLength
  }
  for (const row of parts.rows) {
    if (!fits(row, null)) break
    rows.push(row)
  }
  if (rows.length === parts.rows.length) {
    for (const block of parts.details) {
      if (!fits(null, block)) break
      details.push(block)
    }
  }
  const rowsLeft = parts.rows.length - rows.length
  const body = assemble(
    parts,
    [...rows, ...(rowsLeft > 0 ? [moreRow(rowsLeft, parts.columns)] : [])],
    details,
    note(rowsLeft, parts.details.length - details.length)
  )
  return { body, full, truncated: true }
}

function moreRow(count: number, columns: number): string {
  return `| … ${count} more image${count === 1 ? '' : 's'} in the job summary |${' |'.repeat(columns - 1)}`
}

interface CommentParts {
  columns: number
  head: string[]
  rows: string[]
  totals: string
  notes: string[]
  details: string[]
  footer: string[]
}

function assemble(
  parts: CommentParts,
  rows: string[],
  details: string[],
  note: string | null
): string {
  const lines = [...parts.head, ...rows, parts.totals, '', ...parts.notes]
  if (details.length > 0) lines.push(...details)
  if (note) lines.push(note, '')
  lines.push(...parts.footer)
  return `${lines.join('\n')}\n`
}

/** How the table is laid out for a report. */
interface Layout {
  /** Whether any image has a compressed size: then it gets its own column. */
  compressed: boolean
  basis: ThresholdBasis
}

function layoutOf(report: Report, comparison: Comparison): Layout {
  const images = comparison.rows.flatMap((row) => [row.head, row.base])
  return {
    compressed: images.some((image) => image !== null && image.compressedBytes !== null),
    basis: report.thresholdBasis
  }
}

function header(layout: Layout): string[] {
  const columns = ['Tier', 'Size', 'Change']
  const align = ['---', '--:', '--:']
  if (layout.compressed) {
    columns.push('Compressed')
    align.push('--:')
  }
  columns.push('Budget', 'Headroom', 'Build time', 'Status')
  align.push('--:', '--:', '--:', '---')
  return [`| ${columns.join(' | ')} |`, `|${align.join('|')}|`]
}

function commentParts(input: CommentInput): CommentParts {
  const { report, comparison } = input
  const head = [
    commentMarker(input.key),
    `## Notebook images: ${headline(report)}`,
    '',
    intro(input),
    ''
  ]
  if (report.error) head.push(`> **Error:** ${escapeMarkdown(report.error)}`, '')
  const layout = layoutOf(report, comparison)
  const [columns = '', align = ''] = header(layout)
  head.push(columns, align)

  const rows = comparison.rows.map((row) => tableRow(row, input.descriptions, layout))
  const notes = [...baselineNotes(input), ...tierNotes(comparison)]
  notes.push(sizeNote(layout), '')
  const details = comparison.rows.flatMap((row) => {
    const block = detailsBlock(row)
    return block ? [block] : []
  })
  const footer = [
    `<sub>${escapeMarkdown(`${report.tool.name} ${report.tool.version}`)}${input.runUrl ? ` · [workflow run](${input.runUrl})` : ''} · ${escapeMarkdown(report.finishedAt)}</sub>`
  ]
  return {
    columns: columns.split(' | ').length,
    head,
    rows,
    totals: totalsRow(comparison, layout),
    notes,
    details,
    footer
  }
}

function intro(input: CommentInput): string {
  const { report, comparison, baseline } = input
  const context = `strategy **${report.strategy}** · manifest ${code(report.manifest)} · ${report.images.length} image${report.images.length === 1 ? '' : 's'}`
  const delta = comparison.totals.uniqueDeltaBytes
  const base = comparison.totals.baseUniqueBytes
  if (delta === null || base === null) return capitalize(context)
  const against = baseline.found
    ? baseline.source === 'artifact'
      ? ` against ${code(baseline.branch)}`
      : ' against the baseline report'
    : ''
  if (delta === 0) return `**No change** on disk${against} · ${context}`
  const percent = formatPercentChange(delta, base)
  return `${arrow(delta)} **${sizeChange(delta)}**${percent ? ` (${percent})` : ''} on disk${against}, shared layers counted once · ${context}`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function arrow(delta: number): string {
  return delta > 0 ? '🔺' : '🔽'
}

/** A size with its exact bytes in a tooltip. */
function size(bytes: number): string {
  return `<span title="${escapeAttribute(formatBytes(bytes))}">${formatSize(bytes)}</span>`
}

/** A signed change with its exact bytes in a tooltip. */
function sizeChange(bytes: number): string {
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
      if (row.sizeDeltaBytes === null) return '– <sub>base not built</sub>'
      if (row.sizeDeltaBytes === 0) return 'no change'
      const percent = formatPercentChange(row.sizeDeltaBytes, row.base?.sizeBytes ?? 0)
      return `${arrow(row.sizeDeltaBytes)} ${sizeChange(row.sizeDeltaBytes)}${percent ? ` (${percent})` : ''}`
    }
  }
}

function sizeNote(layout: Layout): string {
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

function tableRow(
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
    cells.push(
      '–',
      '–',
      '–',
      `🗑️ removed${image.sizeBytes === null ? '' : ` <sub>was ${size(image.sizeBytes)}</sub>`}`
    )
    return `| ${cells.join(' | ')} |`
  }
  const budgeted = budgetedSize(image, layout.basis)
  const headroom =
    budgeted === null
      ? '–'
      : `${formatSize(image.thresholdBytes - budgeted)} (${(((image.thresholdBytes - budgeted) / image.thresholdBytes) * 100).toFixed(0)}%)`
  const duration =
    row.durationDeltaMs === null
      ? formatDuration(image.durationMs)
      : `${formatDuration(image.durationMs)} (${formatDurationChange(row.durationDeltaMs)})`
  cells.push(image.sizeBytes === null ? '–' : size(image.sizeBytes), changeCell(row))
  if (layout.compressed) cells.push(compressedCell(row, image))
  cells.push(formatSize(image.thresholdBytes), headroom, duration, STATUS_LABEL[image.status])
  return `| ${cells.join(' | ')} |`
}

function totalsRow(comparison: Comparison, layout: Layout): string {
  const { totals } = comparison
  let change = '–'
  if (totals.uniqueDeltaBytes !== null && totals.baseUniqueBytes !== null) {
    const percent = formatPercentChange(totals.uniqueDeltaBytes, totals.baseUniqueBytes)
    change =
      totals.uniqueDeltaBytes === 0
        ? 'no change'
        : `${arrow(totals.uniqueDeltaBytes)} ${sizeChange(totals.uniqueDeltaBytes)}${percent ? ` (${percent})` : ''}`
  }
  const duration =
    totals.durationDeltaMs === null
      ? formatDuration(totals.durationMs)
      : `${formatDuration(totals.durationMs)} (${formatDurationChange(totals.durationDeltaMs)})`
  return `| **Total** <sub>unique bytes</sub> | **${size(totals.uniqueBytes)}** | ${change} |${layout.compressed ? ' |' : ''} | | ${duration} | |`
}

function baselineNotes(input: CommentInput): string[] {
  const { baseline, comparison } = input
  const notes: string[] = []
  const artifact = code((!baseline.found && baseline.artifactName) || DEFAULT_REPORT_ARTIFACT)
  if (baseline.found && baseline.source === 'artifact') {
    const when = baseline.createdAt ? `, ${escapeMarkdown(baseline.createdAt.slice(0, 10))}` : ''
    const commit = baseline.headSha ? ` (commit ${code(baseline.headSha.slice(0, 7))}${when})` : ''
    notes.push(
      `Compared with the ${code(baseline.artifactName)} artifact of ${code(baseline.branch)} from [run ${baseline.runId}](${baseline.runUrl})${commit}.`
    )
  } else if (baseline.found) {
    notes.push(`Compared with ${code(baseline.file)} (the \`baseline-report\` input).`)
  } else {
    const branch = baseline.branch ? code(baseline.branch) : 'the base branch'
    const without = 'so sizes are shown without changes'
    const detail = baseline.detail ? ` (${escapeMarkdown(baseline.detail)})` : ''
    switch (baseline.reason) {
      case 'none':
        notes.push(
          `**No baseline yet:** no ${artifact} artifact from a successful run on ${branch} was found${detail}, ${without}. Every push to ${branch} that runs this action uploads one.`
        )
        break
      case 'expired':
        notes.push(
          `**No baseline:** the ${artifact} artifacts of ${branch} have expired${detail}, ${without}. The next push to ${branch} uploads a fresh one.`
        )
        break
      case 'unavailable':
        notes.push(
          `**No baseline:** the report of ${branch} could not be fetched${detail}, ${without}.`
        )
        break
      case 'unreadable':
        notes.push(`**No baseline:** the report of ${branch} is not usable${detail}, ${without}.`)
        break
      case 'no-branch':
        notes.push(`**No baseline:** this run has no base branch to compare with, ${without}.`)
        break
    }
  }
  if (baseline.found && baseline.otherManifest !== undefined) {
    notes.push(
      `The base report is of manifest ${code(baseline.otherManifest)}; give each manifest its own \`report-artifact\` to compare like with like.`
    )
  }
  if (comparison.strategyChange) {
    notes.push(
      `The base was built with strategy **${comparison.strategyChange.base}**, this run with **${comparison.strategyChange.head}**: each image is compared with the image that served its tiers on the base.`
    )
  }
  if (comparison.hasBaseline && comparison.totals.uniqueDeltaBytes === null) {
    notes.push('Totals are not compared: not every image of both runs was built.')
  }
  return notes.length > 0 ? [notes.join('\n'), ''] : []
}

function tierNotes(comparison: Comparison): string[] {
  const lines: string[] = []
  const list = (tiers: string[]): string => tiers.map(code).join(', ')
  if (comparison.addedTiers.length > 0) lines.push(`🆕 New tiers: ${list(comparison.addedTiers)}.`)
  if (comparison.removedTiers.length > 0) {
    lines.push(`🗑️ Removed tiers: ${list(comparison.removedTiers)}.`)
  }
  if (comparison.notBuiltTiers.length > 0) {
    lines.push(`Not built in this run (\`tiers\` input): ${list(comparison.notBuiltTiers)}.`)
  }
  return lines.length > 0 ? [lines.join('\n'), ''] : []
}

function detailsBlock(row: ImageComparison): string | null {
  const image = row.head
  if (!image) return null
  const title = `${escapeMarkdown(image.tiers.join(', '))} · ${code(image.ref)}`
  const lines = ['<details>']
  if (image.sizeBytes === null) {
    lines.push(`<summary>${title}: build log</summary>`, '')
    lines.push(`**Error:** ${escapeMarkdown(image.error ?? 'unknown error')}`, '')
    const tail = (image.logTail ?? []).slice(-LOG_LINES_SHOWN)
    if (tail.length > 0) lines.push('<pre>', ...tail.map(escapePreLine), '</pre>', '')
  } else {
    lines.push(`<summary>${title}: layers</summary>`, '')
    lines.push(...largestLayers(image, image.sizeBytes))
    if (row.base && row.base.sizeBytes !== null) {
      lines.push(...changedLayers(row.layerChanges, row.base))
    }
  }
  lines.push('</details>', '')
  return lines.join('\n')
}

function largestLayers(image: ImageReport, sizeBytes: number): string[] {
  const layers = [...image.layers].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, LAYERS_SHOWN)
  const count = image.layers.length
  return [
    `**Largest layers** (${Math.min(count, LAYERS_SHOWN)} of ${count}; image ${formatBytes(sizeBytes)}, budget ${formatBytes(image.thresholdBytes)})`,
    '',
    '| Size | Bytes | Instruction |',
    '|--:|--:|---|',
    ...layers.map(
      (layer) =>
        `| ${formatSize(layer.sizeBytes)} | ${groupThousands(layer.sizeBytes)} | ${instruction(layer.createdBy)} |`
    ),
    ''
  ]
}

function changedLayers(changes: LayerChange[], base: ImageReport): string[] {
  const heading = `**Biggest layer changes** against the base image ${code(base.ref)}`
  if (changes.length === 0) return [`${heading}: none, every layer has the same size.`, '']
  const shown = changes.slice(0, LAYERS_SHOWN)
  return [
    `${heading} (${shown.length} of ${changes.length})`,
    '',
    '| Change | Bytes | Base → now | Instruction |',
    '|--:|--:|--:|---|',
    ...shown.map((change) => {
      const movement =
        change.baseBytes === null
          ? 'new layer'
          : change.headBytes === null
            ? 'layer gone'
            : `${formatSize(change.baseBytes)} → ${formatSize(change.headBytes)}${change.baseCreatedBy === undefined ? '' : ', instruction changed'}`
      const delta = change.deltaBytes
      return `| ${arrow(delta)} ${formatSizeChange(delta)} | ${delta > 0 ? '+' : ''}${groupThousands(delta)} | ${movement} | ${instruction(change.createdBy)} |`
    }),
    ''
  ]
}

function instruction(createdBy: string): string {
  return code(truncate(createdBy || '(base image)', INSTRUCTION_MAX))
}
