import { code, escapeMarkdown, escapePreLine, truncate } from './markdown.js'
import { textTable } from './table.js'
import { budgetedSize } from '../report/verdict.js'
import {
  formatBytes,
  formatDuration,
  formatSize,
  groupThousands,
  formatHeadroom
} from './format.js'
import type { ImageReport, ImageStatus, Report, ThresholdBasis } from '../report/types.js'
import { contentsSections, packageDetails } from './contents.js'

/** How each budget verdict reads in a table cell. */
export const STATUS_LABEL: Record<ImageStatus, string> = {
  ok: '✅ ok',
  warn: '⚠️ near budget',
  over: '❌ over budget',
  failed: '💥 build failed'
}

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
  parts.push(...auditHeadline(report))
  if (report.publish.error) parts.push('💥 push failed')
  return parts.length > 0 ? parts.join(', ') : '✅ within budget'
}

/** `❌ 2 notebooks cannot run`, or that a required audit could not run; nothing otherwise. */
function auditHeadline(report: Report): string[] {
  const notebooks = report.images.flatMap((image) =>
    (image.audit?.tiers ?? []).flatMap((tier) => tier.notebooks)
  )
  const failing = notebooks.filter(
    (notebook) => notebook.status === 'missing' || notebook.status === 'error'
  ).length
  if (failing > 0) return [`❌ ${failing} notebook${failing > 1 ? 's' : ''} cannot run`]
  if (report.images.some((image) => image.audit?.status === 'failed'))
    return ['❌ notebooks not checked']
  return []
}

/** The figures of one image row, shared by the markdown and text tables. */
function row(image: ImageReport, basis: ThresholdBasis): string[] {
  return [
    image.tiers.join(', '),
    image.ref,
    image.sizeBytes === null ? '–' : formatSize(image.sizeBytes),
    image.compressedBytes === null ? '–' : formatSize(image.compressedBytes),
    formatSize(image.thresholdBytes),
    formatHeadroom(image.thresholdBytes, budgetedSize(image, basis)),
    formatDuration(image.durationMs),
    image.totalSteps > 0 ? `${image.cachedSteps}/${image.totalSteps}` : '–',
    image.sizeBytes === null ? '–' : String(image.layers.length),
    STATUS_LABEL[image.status]
  ]
}

const COLUMNS = [
  'Tier',
  'Image',
  'Size',
  'Compressed',
  'Budget',
  'Headroom',
  'Build time',
  'Cache hits',
  'Layers',
  'Status'
]

/** What the two size columns mean, and which one the budget applies to. */
function sizeNote(report: Report): string {
  const sources = new Set(report.images.map((image) => image.compressedSource))
  const compressed = sources.has('registry')
    ? 'as the registry reports it after the push'
    : sources.has('local')
      ? "measured from the engine's packed image before any push"
      : 'not measured: it is read from the registry when pushing, or before the verdict with threshold-basis: compressed'
  return `Size is uncompressed (the unpacked layers); Compressed is config + layers, what a pull downloads (${compressed}). Budgets apply to the ${report.thresholdBasis} size. Decimal units (1 GB = 1,000,000,000 bytes), like the budget.`
}

/** The tags section: what was (or would be) pushed, tag by tag, with digests. */
function tagSection(report: Report): string[] {
  const rows = report.images.flatMap((image) => image.tags.map((tag) => ({ image, tag })))
  const { publish } = report
  if (rows.length === 0 && !publish.requested) return []
  const lines = ['### Tags', '']
  const from = publish.ref ? ` from ${code(publish.ref)}` : ''
  const version = publish.version ? `version ${code(publish.version)}${from}` : `no version${from}`
  const pushedCount = rows.filter(({ tag }) => tag.pushed).length
  if (publish.error) {
    lines.push(
      `💥 **Push failed** (${pushedCount} of ${rows.length} tags pushed): ${escapeMarkdown(publish.error)}`
    )
  } else if (report.pushed) {
    lines.push(`✅ Pushed ${rows.length} tag${rows.length === 1 ? '' : 's'} · ${version}`)
  } else if (publish.skipped) {
    lines.push(`⏸️ Not pushed: ${escapeMarkdown(publish.skipped)} · ${version}`)
  } else if (!publish.requested) {
    lines.push(`Push is off; these tags would be pushed · ${version}`)
  } else {
    lines.push(`Nothing pushed · ${version}`)
  }
  if (publish.notebookValidationJobs) {
    lines.push('', `NotebookValidationJobs: ${code(publish.notebookValidationJobs)}`)
  }
  if (rows.length > 0) {
    lines.push('', '| Tier | Tag | Pushed | Digest |', '|---|---|:-:|---|')
    for (const { image, tag } of rows) {
      lines.push(
        `| ${escapeMarkdown(image.tiers.join(', '))} | ${code(tag.ref)} | ${tag.pushed ? '✅' : '–'} | ${tag.digest ? code(tag.digest) : '–'} |`
      )
    }
  }
  lines.push('')
  return lines
}

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
      (part) => `${code(part.file)} (${part.images.map(escapeMarkdown).join(', ') || 'no images'})`
    )
    lines.push(
      `Merged from ${parts.length} report${parts.length === 1 ? '' : 's'}: ${parts.join(', ')}.`,
      ''
    )
  }
  if (report.error) lines.push(`> **Error:** ${escapeMarkdown(report.error)}`, '')
  lines.push(`| ${COLUMNS.join(' | ')} |`, '|---|---|--:|--:|--:|--:|--:|--:|--:|---|')
  for (const image of report.images) {
    const cells = row(image, report.thresholdBasis).map(escapeMarkdown)
    cells[1] = code(image.ref)
    lines.push(`| ${cells.join(' | ')} |`)
  }
  lines.push('', sizeNote(report), '')
  lines.push(...tagSection(report))
  lines.push(...contentsSections(report))
  for (const image of report.images) lines.push(...details(image), ...packageDetails(image))
  return `${lines.join('\n')}\n`
}

function details(image: ImageReport): string[] {
  const lines = [
    '<details>',
    `<summary>${escapeMarkdown(image.ref)}: ${detailsTitle(image)}</summary>`,
    ''
  ]
  if (image.status === 'failed') {
    lines.push(`**Error:** ${escapeMarkdown(image.error ?? 'unknown error')}`, '')
    if (image.logTail && image.logTail.length > 0) {
      lines.push('<pre>', ...image.logTail.map(escapePreLine), '</pre>')
    }
  } else if (image.sizeBytes !== null) {
    const compressed =
      image.compressedBytes === null ? '' : `, ${formatBytes(image.compressedBytes)} compressed`
    lines.push(
      `Image ID ${code(image.imageId ?? '')}, ${formatBytes(image.sizeBytes)}${compressed}, budget ${formatBytes(image.thresholdBytes)}.`,
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

/** The same table as plain text, aligned, for the CLI. */
export function renderTextTable(report: Report): string {
  // The figures are right-aligned: Size to Layers.
  const numeric = new Set([2, 3, 4, 5, 6, 7, 8])
  const out = textTable(
    COLUMNS,
    report.images.map((image) => row(image, report.thresholdBasis)),
    (column) => numeric.has(column)
  )
  out.push(
    '',
    `${headline(report)} · strategy ${report.strategy} · ${formatSize(report.totals.uniqueBytes)} unique (${formatBytes(report.totals.uniqueBytes)}) · ${formatDuration(report.totals.durationMs)}${report.parts ? ` · merged from ${report.parts.length} report${report.parts.length === 1 ? '' : 's'}` : ''}`
  )
  if (report.thresholdBasis === 'compressed') out.push('Budgets apply to the compressed size.')
  const tagged = report.images.filter((image) => image.tags.length > 0)
  if (tagged.length > 0) {
    out.push('')
    for (const image of tagged) {
      for (const tag of image.tags) {
        out.push(
          `${image.name}  ${tag.ref}  ${tag.pushed ? `pushed ${tag.digest ?? ''}`.trimEnd() : 'not pushed'}`
        )
      }
    }
  }
  if (report.publish.skipped) out.push(`Not pushed: ${report.publish.skipped}`)
  if (report.publish.error) out.push(`Push failed: ${report.publish.error}`)
  return `${out.join('\n')}\n`
}
