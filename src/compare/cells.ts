// The comparison's figures as the cells of its tables, shared by the ADR section
// (render-markdown.ts) and the terminal table (render-text.ts), so both say the same thing.
import type { AdrDocument, OptionResult, Trigger } from './types.js'
import { formatDuration, formatSize } from '../render/format.js'

/** A duration, or `–` when not measured. */
export const duration = (ms: number | null): string => (ms === null ? '–' : formatDuration(ms))

/** A size, or `–` when not measured. */
export const size = (bytes: number | null): string => (bytes === null ? '–' : formatSize(bytes))

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

/** `1 Dockerfile, 4 stages, 3 images`. */
export function maintenanceCell(option: OptionResult): string {
  const { dockerfiles, stages, images } = option.maintenance
  return `${plural(dockerfiles, 'Dockerfile')}, ${plural(stages, 'stage')}, ${plural(images, 'image')}`
}

/** `19.6 s / 1m 50s (tier2)`: the median and the worst one-tier change. */
export function changeCell(option: OptionResult): string {
  if (option.changes.length === 0) return '–'
  const worst = option.changeWorst
  return `${duration(option.changeMedianMs)} / ${worst ? `${duration(worst.ms)} (${worst.tier})` : '–'}`
}

/** The range of the option's image sizes: `430 MB – 1.51 GB`, or one size. */
export function sizeRangeCell(option: OptionResult): string {
  const sizes = option.images.flatMap((image) =>
    image.sizeBytes === null ? [] : [image.sizeBytes]
  )
  if (sizes.length === 0) return '–'
  const low = Math.min(...sizes)
  const high = Math.max(...sizes)
  return low === high ? formatSize(low) : `${formatSize(low)} – ${formatSize(high)}`
}

/** Mean pull per pod over the tiers: `cold / base cached`. */
export function pullCell(option: OptionResult): string {
  const mean = (values: (number | null)[]): number | null => {
    const known = values.filter((value): value is number => value !== null)
    return known.length === 0 || known.length < values.length
      ? null
      : known.reduce((a, b) => a + b, 0) / known.length
  }
  const cold = mean(option.tiers.map((tier) => tier.pullColdBytes))
  const cached = mean(option.tiers.map((tier) => tier.pullBaseCachedBytes))
  return cold === null && cached === null ? '–' : `${size(cold)} / ${size(cached)}`
}

/** `none`, `none (one image)`, `3 packages`, or `not measured`. */
export function driftCell(option: OptionResult): string {
  if (!option.drift.measured) return 'not measured'
  if (option.drift.packages.length > 0) return plural(option.drift.packages.length, 'package')
  return option.images.length <= 1 ? 'none (one image)' : 'none'
}

/** Within budget, or which images are over. */
export function budgetCell(option: OptionResult): string {
  if (option.status !== 'measured') return '–'
  return option.overBudget.length === 0
    ? 'within'
    : `${option.overBudget.map((entry) => entry.image).join(', ')} over`
}

/** What a not-measured option's row says instead of figures. */
export function statusNote(option: OptionResult): string | undefined {
  if (option.status === 'planned') return `not built, ${option.note ?? 'counted only'}`
  if (option.status === 'failed') return `failed: ${option.note ?? ''}`
  return undefined
}

/** The trigger's status in words. */
export function triggerStatus(trigger: Trigger): string {
  return trigger.status === 'fired' ? 'fired' : trigger.status === 'clear' ? 'clear' : 'not needed'
}

/** `abc1234` (+ local changes), or `unknown`. */
export function commitText(commit: AdrDocument['commit']): string {
  if (commit.sha === null) return 'unknown'
  return `${commit.sha.slice(0, 12)}${commit.dirty ? ' (with uncommitted changes)' : ''}`
}

/** `2 CPUs, 23.5 GiB, Debian GNU/Linux 12 (bookworm), Docker 26.1.5 (containerd image store), buildx 0.13.1`. */
export function machineText(machine: AdrDocument['machine']): string {
  const parts: string[] = []
  if (machine.cpus !== null) parts.push(plural(machine.cpus, 'CPU'))
  if (machine.memoryBytes !== null) parts.push(`${(machine.memoryBytes / 2 ** 30).toFixed(1)} GiB`)
  if (machine.os !== null) parts.push(machine.os)
  if (machine.engine !== null)
    parts.push(
      `Docker ${machine.engine}${machine.imageStore !== null ? ` (${machine.imageStore} image store)` : ''}`
    )
  if (machine.buildx !== null) parts.push(`buildx ${machine.buildx}`)
  const { start, end } = machine.loadAverage
  if (start !== null && end !== null)
    parts.push(`load average ${start.toFixed(1)} → ${end.toFixed(1)}`)
  return parts.join(', ') || 'unknown'
}
