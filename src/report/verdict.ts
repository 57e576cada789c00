// The verdict on each image and on the run: within budget, near it, over it, or failed,
// and the messages the step fails (or warns) with. A near-budget warning carries the place
// in the manifest where the tier is declared, so the annotation lands on its line.
import { fieldPath } from '../manifest/fields.js'
import { formatBytes, formatSize } from '../render/format.js'
import { auditMessages } from './audit-findings.js'
import type { ImageReport, ImageStatus, Report, ThresholdBasis } from './types.js'
import type { Manifest } from '../manifest/types.js'

/** Share of the budget above which an image gets a warning. */
export const WARN_RATIO = 0.9

/** The verdict for a measured image: over the budget, above 90% of it, or fine. */
export function budgetStatus(
  sizeBytes: number,
  thresholdBytes: number
): Exclude<ImageStatus, 'failed'> {
  if (sizeBytes > thresholdBytes) return 'over'
  if (sizeBytes > thresholdBytes * WARN_RATIO) return 'warn'
  return 'ok'
}

/**
 * Whether an image lets the step pass: within its budget (or near it), and its notebooks'
 * imports resolve when they were audited.
 */
export function imagePasses(image: ImageReport): boolean {
  return (image.status === 'ok' || image.status === 'warn') && image.audit?.status !== 'failed'
}

/** The size an image's budget is checked against, under the report's threshold basis. */
export function budgetedSize(image: ImageReport, basis: ThresholdBasis): number | null {
  return basis === 'compressed' ? image.compressedBytes : image.sizeBytes
}

/**
 * Names the images over budget or failed, with sizes, limits and excess, the notebooks
 * that cannot run in their image, and a publishing failure; empty when the step should pass.
 */
export function verdictMessages(report: Report): string[] {
  const messages: string[] = []
  if (report.error) messages.push(report.error)
  const compressed = report.thresholdBasis === 'compressed' ? ' compressed' : ''
  for (const image of report.images) {
    const who = `${image.ref} (${image.tiers.join(', ')})`
    const size = budgetedSize(image, report.thresholdBasis)
    if (image.status === 'over' && size !== null) {
      const excess = size - image.thresholdBytes
      messages.push(
        `${who} is ${formatSize(size)}${compressed} (${formatBytes(size)}), over its ${formatSize(image.thresholdBytes)} budget (${formatBytes(image.thresholdBytes)}) by ${formatSize(excess)} (${formatBytes(excess)})`
      )
    } else if (image.status === 'failed') {
      messages.push(`${who} failed to build: ${image.error ?? 'unknown error'}`)
    }
  }
  messages.push(...auditMessages(report))
  if (report.publish.error) messages.push(report.publish.error)
  return messages
}

/** The warning for an image above 90% of its budget. */
export function warningMessage(
  image: ImageReport,
  basis: ThresholdBasis = 'uncompressed'
): string | undefined {
  const size = budgetedSize(image, basis)
  if (image.status !== 'warn' || size === null) return undefined
  const percent = ((size / image.thresholdBytes) * 100).toFixed(1)
  const compressed = basis === 'compressed' ? ' compressed' : ''
  return `${image.ref} (${image.tiers.join(', ')}) is ${formatSize(size)}${compressed}, ${percent}% of its ${formatSize(image.thresholdBytes)} budget (${formatSize(image.thresholdBytes - size)} left)`
}

/** A near-budget warning, and where in the manifest the tier it concerns is declared. */
export interface VerdictWarning {
  message: string
  file: string
  line?: number
  column?: number
}

/**
 * One warning per image above 90% of its budget, located at its (first) tier's
 * declaration when the manifest is at hand, else at the top of the manifest file.
 */
export function verdictWarnings(report: Report, manifest?: Manifest): VerdictWarning[] {
  return report.images.flatMap((image) => {
    const message = warningMessage(image, report.thresholdBasis)
    if (!message) return []
    const tier = image.tiers[0]
    const where = tier && manifest ? manifest.positions[fieldPath(['tiers', tier])] : undefined
    return [
      {
        message,
        file: manifest?.file ?? report.manifest,
        ...(where ? { line: where.line, column: where.column } : {})
      }
    ]
  })
}
