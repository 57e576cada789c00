import { code, escapeMarkdown, escapePreLine } from './markdown.js'
import { formatBytes, formatDuration, formatSize, groupThousands } from './size.js'
import type { ImageReport, ImageStatus, Report } from './types.js'

const STATUS_LABEL: Record<ImageStatus, string> = {
  ok: '✅ ok',
  warn: '⚠️ near budget',
  over: '❌ over budget',
  failed: '💥 build failed'
}

/** Escapes text for HTML and markdown table cells, so it renders as written. */
export const escapeCell = escapeMarkdown

/** One-line headline: within budget, N over budget, or N failed. */
export function headline(report: Report): string {
  const over = report.images.filter((image) => image.status === 'over').length
  const failed = report.images.filter((image) => image.status === 'failed').length
  // A merged report keeps the error of a job that stopped; the other jobs' images still count.
  if (report.error && report.images.every((image) => image.sizeBytes === null))
    return '💥 not built'
  const parts: string[] = []
  if (failed > 0) parts.push(`💥 ${failed} build${failed > 1 ? 's' : ''} failed`)
  if (over > 0) parts.push(`❌ ${over} over budget`)
  return parts.length > 0 ? parts.join(', ') : '✅ within budget'
}

/** The figures of one image row, shared by the markdown and text tables. */
function row(image: ImageReport): string[] {
  const size = image.sizeBytes
  const headroom =
    size === null
      ? '–'
      : `${formatSize(image.thresholdBytes - size)} (${(((image.thresholdBytes - size) / image.thresholdBytes) * 100).toFixed(0)}%)`
  return [
    image.tiers.join(', '),
    image.ref,
    size === null ? '–' : formatSize(size),
    formatSize(image.thresholdBytes),
    headroom,
    formatDuration(image.durationMs),
    image.totalSteps > 0 ? `${image.cachedSteps}/${image.totalSteps}` : '–',
    size === null ? '–' : String(image.layers.length),
    STATUS_LABEL[image.status]
  ]
}

const COLUMNS = [
  'Tier',
  'Image',
  'Size',
  'Budget',
  'Headroom',
  'Build time',
  'Cache hits',
  'Layers',
  'Status'
]

/** The job-summary markdown: headline, one row per image, totals and collapsed details. */
export function renderSummary(report: Report): string {
  const lines: string[] = []
  lines.push(`## Notebook images: ${headline(report)}`, '')
  lines.push(
    `Strategy **${report.strategy}** · manifest ${code(report.manifest)} · ${report.images.length} image${report.images.length === 1 ? '' : 's'} · ${formatSize(report.totals.uniqueBytes)} on disk with shared layers counted once (${formatSize(report.totals.sumBytes)} summed) · ${report.parts ? 'slowest job built in' : 'built in'} ${formatDuration(report.totals.durationMs)}`,
    ''
  )
  if (report.parts) {
    const parts = report.parts.map(
      (part) => `${code(part.file)} (${part.images.map(escapeCell).join(', ') || 'no images'})`
    )
    lines.push(
      `Merged from ${parts.length} report${parts.length === 1 ? '' : 's'}: ${parts.join(', ')}.`,
      ''
    )
  }
  if (report.error) lines.push(`> **Error:** ${escapeCell(report.error)}`, '')
  lines.push(`| ${COLUMNS.join(' | ')} |`, '|---|---|--:|--:|--:|--:|--:|--:|---|')
  for (const image of report.images) {
    const cells = row(image).map(escapeCell)
    cells[1] = code(image.ref)
    lines.push(`| ${cells.join(' | ')} |`)
  }
  lines.push(
    '',
    'Sizes are uncompressed, in decimal units (1 GB = 1,000,000,000 bytes) like the budget.',
    ''
  )
  for (const image of report.images) lines.push(...details(image))
  return `${lines.join('\n')}\n`
}

function details(image: ImageReport): string[] {
  const lines = [
    '<details>',
    `<summary>${escapeCell(image.ref)}: ${detailsTitle(image)}</summary>`,
    ''
  ]
  if (image.status === 'failed') {
    lines.push(`**Error:** ${escapeCell(image.error ?? 'unknown error')}`, '')
    if (image.logTail && image.logTail.length > 0) {
      lines.push('<pre>', ...image.logTail.map(escapePreLine), '</pre>')
    }
  } else if (image.sizeBytes !== null) {
    lines.push(
      `Image ID ${code(image.imageId ?? '')}, ${formatBytes(image.sizeBytes)}, budget ${formatBytes(image.thresholdBytes)}.`,
      '',
      '| # | Size | Bytes | Instruction |',
      '|--:|--:|--:|---|'
    )
    image.layers.forEach((layer, index) => {
      lines.push(
        `| ${index + 1} | ${formatSize(layer.sizeBytes)} | ${groupThousands(layer.sizeBytes)} | ${code(truncate(layer.createdBy || '(base image)', 120))} |`
      )
    })
  }
  if (lines.at(-1) !== '') lines.push('')
  lines.push('</details>', '')
  return lines
}

function detailsTitle(image: ImageReport): string {
  if (image.status === 'failed') return 'build log'
  return `${image.layers.length} layer${image.layers.length === 1 ? '' : 's'}`
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** The same table as plain text, aligned, for the CLI. */
export function renderTextTable(report: Report): string {
  const rows = [COLUMNS, ...report.images.map(row)]
  const widths = COLUMNS.map((_, column) =>
    Math.max(...rows.map((cells) => [...(cells[column] ?? '')].length))
  )
  const numeric = new Set([2, 3, 4, 5, 6, 7])
  const format = (cells: string[]): string =>
    cells
      .map((cell, column) => {
        const pad = (widths[column] ?? 0) - [...cell].length
        return numeric.has(column) ? ' '.repeat(pad) + cell : cell + ' '.repeat(pad)
      })
      .join('  ')
      .trimEnd()
  const out = [
    format(COLUMNS),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...report.images.map((image) => format(row(image)))
  ]
  out.push(
    '',
    `${headline(report)} · strategy ${report.strategy} · ${formatSize(report.totals.uniqueBytes)} unique (${formatBytes(report.totals.uniqueBytes)}) · ${formatDuration(report.totals.durationMs)}${report.parts ? ` · merged from ${report.parts.length} report${report.parts.length === 1 ? '' : 's'}` : ''}`
  )
  return `${out.join('\n')}\n`
}
