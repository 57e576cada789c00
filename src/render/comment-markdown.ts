// The pull-request comment: headline, the table of images against the base branch, notes
// and per-image details, and its truncation to GitHub's limit (rows and details left out,
// with a note pointing at the job summary). The table is comment-table.ts, the notes and
// details comment-details.ts.
import type { BaselineInfo } from '../github/baseline.js'
import type { Comparison } from '../report/base-comparison.js'
import type { Report } from '../report/types.js'
import { baselineNotes, detailsBlock, tierNotes } from './comment-details.js'
import { packageParts } from './comment-packages.js'
import { header, layoutOf, signedChange, sizeNote, tableRow, totalsRow } from './comment-table.js'
import { groupThousands } from './format.js'
import { code, encodeCommentValue, escapeMarkdown } from './markdown.js'
import { headline } from './summary.js'

/** GitHub rejects comment bodies longer than this many characters. */
export const COMMENT_LIMIT = 65_536

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

/**
 * Renders the pull-request comment: verdict, one row per image with its change against the
 * base, totals, new and removed tiers, the package changes and the notebook audit, and
 * per-image details (layers and packages). When the markdown is longer than `maxLength`,
 * details are left out first, then package lines, then table rows, with a note pointing
 * at the job summary.
 */
export function renderComment(input: CommentInput, maxLength = COMMENT_LIMIT): RenderedComment {
  const parts = commentParts(input)
  const full = assemble(parts, parts.rows, parts.packageLines, parts.details, null)
  if (full.length <= maxLength) return { body: full, full, truncated: false }

  const kept = { rows: [] as string[], packageLines: [] as string[], details: [] as string[] }
  const note = (left: { rows: number; packageLines: number; details: number }): string => {
    const said: string[] = []
    if (left.rows > 0) said.push(`${left.rows} more image${left.rows === 1 ? '' : 's'}`)
    if (left.packageLines > 0)
      said.push(
        `the package changes of ${left.packageLines} image${left.packageLines === 1 ? '' : 's'}`
      )
    if (left.details > 0)
      said.push(`the layer details of ${left.details} image${left.details === 1 ? '' : 's'}`)
    const where = input.runUrl
      ? `the job summary of [this run](${input.runUrl})`
      : 'the job summary'
    return `> [!NOTE]\n> Shortened to fit GitHub's limit of ${groupThousands(COMMENT_LIMIT)} characters: ${joinAnd(said)} left out. The full comparison is in ${where}.`
  }
  const text = (trial: typeof kept): string => {
    const left = {
      rows: parts.rows.length - trial.rows.length,
      packageLines: parts.packageLines.length - trial.packageLines.length,
      details: parts.details.length - trial.details.length
    }
    const more = left.rows > 0 ? [moreRow(left.rows, parts.columns)] : []
    return assemble(parts, [...trial.rows, ...more], trial.packageLines, trial.details, note(left))
  }
  // What goes last is kept first: rows, then package lines, then details, while they fit.
  for (const key of ['rows', 'packageLines', 'details'] as const) {
    for (const item of parts[key]) {
      const trial = { ...kept, [key]: [...kept[key], item] }
      if (text(trial).length > maxLength) break
      kept[key].push(item)
    }
    if (kept[key].length < parts[key].length) break
  }
  return { body: text(kept), full, truncated: true }
}

function joinAnd(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`
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
  /** Under the notes: the audit and what the package lines compare (kept whole). */
  packageIntro: string[]
  packageLines: string[]
  /** After the package lines: drift (kept whole). */
  packageOutro: string[]
  details: string[]
  footer: string[]
}

function assemble(
  parts: CommentParts,
  rows: string[],
  packageLines: string[],
  details: string[],
  note: string | null
): string {
  const lines = [...parts.head, ...rows, parts.totals, '', ...parts.notes, ...parts.packageIntro]
  if (packageLines.length > 0) lines.push(...packageLines, '')
  lines.push(...parts.packageOutro)
  if (details.length > 0) lines.push(...details)
  if (note) lines.push(note, '')
  lines.push(...parts.footer)
  return `${lines.join('\n')}\n`
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
  const packages = packageParts(report, comparison)
  const details = comparison.rows.flatMap((row) => {
    const block = detailsBlock(row, packages.details.get(row.head?.name ?? '') ?? [])
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
    packageIntro: packages.intro,
    packageLines: packages.lines,
    packageOutro: packages.outro,
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
  return `${signedChange(delta, base, (text) => `**${text}**`)} on disk${against}, shared layers counted once · ${context}`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
