// The pull-request comment's account of what changed inside the images: one line per image
// with its package changes against the base (the first few; all of them in its details),
// drift between tier images, flagged, and the notebook import audit's failures. Everything
// that comes from the repository or the images is escaped.
import type { Comparison, ImageComparison } from '../report/base-comparison.js'
import {
  diffPackages,
  largestPackages,
  packageDrift,
  type PackageChange
} from '../report/package-diff.js'
import type { ImagePackages } from '../report/contents.js'
import type { Report } from '../report/types.js'
import { driftVersions, packageName } from './contents.js'
import { formatSize, formatSizeChange } from './format.js'
import { code, escapeMarkdown } from './markdown.js'

/** Package changes shown on an image's line; the rest are in its details. */
export const CHANGES_INLINE = 6
/** Package changes listed in an image's details. */
const CHANGES_IN_DETAILS = 50
/** Largest packages listed in an image's details. */
const LARGEST_IN_DETAILS = 10
/** Drifting packages and failing notebooks named before "and N more". */
const NAMED_MAX = 10

/** The comment's package and audit parts. */
export interface PackageParts {
  /** Before the package lines: the audit, and what the lines compare. */
  intro: string[]
  /** One line per image with package changes; left out, last to first, when too long. */
  lines: string[]
  /** After them: a base without packages, drift. */
  outro: string[]
  /** Image name → the lines its details block gets. */
  details: Map<string, string[]>
}

/** The package changes, drift and audit of the comment. */
export function packageParts(report: Report, comparison: Comparison): PackageParts {
  const intro: string[] = [...auditNote(report)]
  const outro: string[] = []
  const lines: string[] = []
  const details = new Map<string, string[]>()
  const unchanged: string[] = []
  let baseWithout = false
  for (const row of comparison.rows) {
    const image = row.head
    if (!image?.packages) continue
    const diff = diffPackages(image.packages, comparable(row))
    const extra: string[] = []
    if (diff.compared) {
      if (diff.changes.length > 0) {
        lines.push(changeLine(image.tiers.join(', '), diff.changes))
        extra.push(...changeDetails(diff.changes))
      } else {
        unchanged.push(image.tiers.join(', '))
      }
    } else if (diff.reason === 'base-without-packages') {
      baseWithout = true
    }
    const largest = largestPackages(image.packages, LARGEST_IN_DETAILS)
    if (largest.length > 0) {
      extra.push(
        `**Largest packages** (${largest.length})`,
        '',
        '| Package | Version | Size |',
        '|---|---|--:|',
        ...largest.map(
          (item) =>
            `| ${packageName(item)} | ${escapeMarkdown(item.version)} | ${formatSize(item.sizeBytes ?? 0)} |`
        ),
        ''
      )
    }
    details.set(image.name, extra)
  }
  if (comparison.hasBaseline) {
    if (lines.length > 0) {
      intro.push(
        `**Package changes** against the base (apt and rpm sizes are the packages’ declared installed sizes; pip sizes are measured):${unchanged.length > 0 ? ` none in ${unchanged.map(escapeMarkdown).join(', ')}.` : ''}`
      )
    } else if (unchanged.length > 0) {
      intro.push('**No package changes** against the base.')
    }
    if (baseWithout) {
      outro.push(
        'The base report lists no packages (it was written by an earlier version of the action), so packages are not compared; the next report of the base branch will have them.'
      )
    }
  }
  outro.push(...driftNote(report))
  const paragraph = (items: string[]): string[] =>
    items.length > 0 ? [items.join('\n\n'), ''] : []
  return { intro: paragraph(intro), lines, outro: paragraph(outro), details }
}

/**
 * The base image's packages to diff against: undefined when the base report predates
 * them, null when there is no one base image to compare with (a new or regrouped tier).
 */
function comparable(row: ImageComparison): ImagePackages | undefined | null {
  if (row.change !== 'compared' || !row.base) return null
  return row.base.packages
}

function changeText(change: PackageChange): string {
  const size = change.sizeDeltaBytes === null ? '' : ` (${formatSizeChange(change.sizeDeltaBytes)})`
  switch (change.change) {
    case 'added':
      return `➕ ${packageName(change)} ${escapeMarkdown(change.headVersion ?? '')}${size}`
    case 'removed':
      return `➖ ${packageName(change)} ${escapeMarkdown(change.baseVersion ?? '')}${size}`
    case 'changed':
      return `🔁 ${packageName(change)} ${escapeMarkdown(change.baseVersion ?? '')} → ${escapeMarkdown(change.headVersion ?? '')}${size}`
  }
}

function changeLine(tiers: string, changes: PackageChange[]): string {
  const shown = changes.slice(0, CHANGES_INLINE).map(changeText)
  const more = changes.length - shown.length
  return `- **${escapeMarkdown(tiers)}**: ${shown.join(' · ')}${more > 0 ? ` · and ${more} more (details below)` : ''}`
}

function changeDetails(changes: PackageChange[]): string[] {
  const shown = changes.slice(0, CHANGES_IN_DETAILS)
  return [
    `**Package changes** (${shown.length} of ${changes.length})`,
    '',
    '| Change | Package | Base → now | Size |',
    '|---|---|---|--:|',
    ...shown.map((change) => {
      const versions =
        change.change === 'added'
          ? `new: ${escapeMarkdown(change.headVersion ?? '')}`
          : change.change === 'removed'
            ? `${escapeMarkdown(change.baseVersion ?? '')}, removed`
            : `${escapeMarkdown(change.baseVersion ?? '')} → ${escapeMarkdown(change.headVersion ?? '')}`
      const size = change.sizeDeltaBytes === null ? '–' : formatSizeChange(change.sizeDeltaBytes)
      const mark = change.change === 'added' ? '➕' : change.change === 'removed' ? '➖' : '🔁'
      return `| ${mark} | ${packageName(change)} | ${versions} | ${size} |`
    }),
    ''
  ]
}

/** Drift between this run's tier images, flagged. */
function driftNote(report: Report): string[] {
  const drift = packageDrift(report.images)
  if (drift.length === 0) return []
  const named = drift
    .slice(0, NAMED_MAX)
    .map((item) => `${packageName(item)} ${driftVersions(item)}`)
  const more = drift.length - named.length
  return [
    `⚠️ **Drift:** ${drift.length} package${drift.length === 1 ? ' is' : 's are'} at different versions in different tier images: ${named.join('; ')}${more > 0 ? `; and ${more} more (job summary)` : ''}.`
  ]
}

/** The audit in one paragraph: the notebooks that cannot run, or that all can. */
function auditNote(report: Report): string[] {
  const audited = report.images.filter((image) => image.audit)
  if (audited.length === 0) return []
  const failing: string[] = []
  let notebooks = 0
  for (const image of audited) {
    for (const tier of image.audit?.tiers ?? []) {
      for (const notebook of tier.notebooks) {
        notebooks++
        const missing = notebook.missing.filter((m) => !m.optional && !m.installedByNotebook)
        if (notebook.status === 'missing' && missing.length > 0) {
          const first = missing[0]
          failing.push(
            `${escapeMarkdown(tier.tier)} · ${code(notebook.path)} lacks ${missing.map((m) => code(m.module)).join(', ')}${first?.addTo ? `: ${escapeMarkdown(first.addTo)}` : ''}`
          )
        } else if (notebook.status === 'error') {
          failing.push(
            `${escapeMarkdown(tier.tier)} · ${code(notebook.path)}: ${escapeMarkdown(notebook.errors[0]?.message ?? 'not checked')}`
          )
        }
      }
    }
  }
  const unchecked = audited.filter(
    (image) => image.audit?.status !== 'passed' && failing.length === 0
  )
  if (failing.length > 0) {
    const more = failing.length - NAMED_MAX
    return [
      `❌ **Notebook imports:** ${failing.length} of ${notebooks} notebook${notebooks === 1 ? '' : 's'} cannot run in ${failing.length === 1 ? 'its' : 'their'} tier’s image:\n${failing
        .slice(0, NAMED_MAX)
        .map((line) => `- ${line}`)
        .join('\n')}${more > 0 ? `\n- and ${more} more (job summary)` : ''}`
    ]
  }
  if (unchecked.length > 0) {
    return [
      `⚠️ **Notebook imports:** not checked in ${unchecked.map((image) => escapeMarkdown(image.name)).join(', ')}: ${escapeMarkdown(unchecked[0]?.audit?.notes.join('; ') ?? '')}`
    ]
  }
  if (notebooks === 0) return []
  return [
    `✅ **Notebook imports:** all ${notebooks} notebook${notebooks === 1 ? '' : 's'} import only what ${notebooks === 1 ? 'its' : 'their'} tier’s image has.`
  ]
}
