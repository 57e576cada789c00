// The pull-request comment's notes under the table (where the baseline came from, tiers
// added, removed or not built) and the collapsed details of each image (largest or changed
// layers, the end of a failed build's log).
import { DEFAULT_REPORT_ARTIFACT } from '../github/baseline.js'
import type { Comparison, ImageComparison, LayerChange } from '../report/base-comparison.js'
import type { ImageReport } from '../report/types.js'
import type { CommentInput } from './comment-markdown.js'
import { formatBytes, formatSize, formatSizeChange, groupThousands } from './format.js'
import { code, escapeMarkdown, escapePreLine, truncate } from './markdown.js'
import { arrow } from './comment-table.js'

/** Layers listed per image in each of the two details tables. */
export const LAYERS_SHOWN = 5

/** Lines of a failed build's log shown in the comment (the job summary has more). */
const LOG_LINES_SHOWN = 10

/** Longest instruction shown in a details table before it is cut. */
const INSTRUCTION_MAX = 120

export function baselineNotes(input: CommentInput): string[] {
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

export function tierNotes(comparison: Comparison): string[] {
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

/** The collapsed details of one image: its layers, then `extra` (its packages), or its log. */
export function detailsBlock(row: ImageComparison, extra: string[] = []): string | null {
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
    lines.push(`<summary>${title}: layers${extra.length > 0 ? ' and packages' : ''}</summary>`, '')
    lines.push(...largestLayers(image, image.sizeBytes))
    if (row.base && row.base.sizeBytes !== null) {
      lines.push(...changedLayers(row.layerChanges, row.base))
    }
    lines.push(...extra)
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
