import { budgetStatus, matchLayers, uniqueBytes } from '../measure/layers.js'
import type { HistoryRow } from '../measure/layers.js'
import type { ResolvedImage } from '../image/oci.js'
import type { PublishOutcome } from '../publish/push.js'
import { splitTag } from '../image/reference.js'
import type {
  BuildPlan,
  ImagePlan,
  ImageReport,
  PublishReport,
  Report,
  ThresholdBasis
} from './types.js'
import { formatBytes, formatSize } from '../utils/size.js'

/** How one planned image's build ended: built and measured, or failed and why. */
export type BuildEnd =
  | {
      image: ImagePlan
      ok: true
      durationMs: number
      imageId: string
      inspectSizeBytes: number
      history: HistoryRow[]
      diffIds: string[]
      /** The engine's packed image, measured before any push (threshold-basis compressed). */
      packed?: ResolvedImage
    }
  | { image: ImagePlan; ok: false; durationMs: number; error: string; logTail: string[] }

/** A build's end with the image's steps counted: cache hits out of all steps (FROM aside). */
export type BuildOutcome = BuildEnd & { cachedSteps: number; totalSteps: number }

/** Run facts that are not part of the plan. */
export interface ReportContext {
  tool: { name: string; version: string }
  startedAt: string
  finishedAt: string
  buildDurationMs: number
  engine: Report['engine']
  /** Set when the run stopped before building (e.g. the engine did not answer). */
  error?: string
  /** Which size budgets apply to (default uncompressed). */
  thresholdBasis?: ThresholdBasis
  /** Image name → every reference it is to be pushed under. */
  tags?: Record<string, string[]>
  /** The push input and the trigger; defaults to "not requested". */
  publish?: PublishReport
}

const NO_PUBLISH: PublishReport = { requested: false, event: '', ref: '', version: null }

/** Assembles the report from the plan and each build's outcome; every image gets a verdict. */
export function buildReport(
  plan: BuildPlan,
  outcomes: BuildOutcome[],
  context: ReportContext
): Report {
  const basis = context.thresholdBasis ?? 'uncompressed'
  const images: ImageReport[] = outcomes.map((outcome) => {
    const { image } = outcome
    const base = {
      name: image.name,
      tiers: image.tiers,
      target: image.target ?? null,
      dockerfile: image.dockerfile,
      ref: image.ref,
      tags: (context.tags?.[image.name] ?? []).map((ref) => ({ ref, pushed: false })),
      durationMs: Math.round(outcome.durationMs),
      cachedSteps: outcome.cachedSteps,
      totalSteps: outcome.totalSteps,
      thresholdBytes: image.thresholdBytes
    }
    const unpublished = {
      compressedBytes: null,
      compressedSource: null,
      digest: null,
      platformDigest: null
    }
    if (!outcome.ok) {
      return {
        ...base,
        imageId: null,
        sizeBytes: null,
        inspectSizeBytes: null,
        ...unpublished,
        status: 'failed',
        layers: [],
        error: outcome.error,
        logTail: outcome.logTail
      }
    }
    const layers = matchLayers(outcome.history, outcome.diffIds)
    const sizeBytes = outcome.history.reduce((sum, row) => sum + row.sizeBytes, 0)
    const report: ImageReport = {
      ...base,
      imageId: outcome.imageId,
      sizeBytes,
      inspectSizeBytes: outcome.inspectSizeBytes,
      ...unpublished,
      status: budgetStatus(sizeBytes, image.thresholdBytes),
      layers
    }
    if (outcome.packed) {
      report.compressedBytes = outcome.packed.compressedBytes
      report.compressedSource = 'local'
    }
    if (basis === 'compressed') {
      if (report.compressedBytes === null) {
        report.status = 'failed'
        report.error =
          'the compressed size was not measured, so the compressed budget cannot be checked'
      } else {
        report.status = budgetStatus(report.compressedBytes, image.thresholdBytes)
      }
    }
    return report
  })
  const tiers: Record<string, string> = {}
  for (const image of images) for (const tier of image.tiers) tiers[tier] = image.ref
  const built = images.filter((image) => image.sizeBytes !== null)
  const report: Report = {
    schemaVersion: 1,
    tool: context.tool,
    manifest: plan.manifestFile,
    strategy: plan.strategy,
    passed:
      context.error === undefined &&
      images.every((image) => image.status === 'ok' || image.status === 'warn'),
    startedAt: context.startedAt,
    finishedAt: context.finishedAt,
    engine: context.engine,
    thresholdBasis: basis,
    pushed: false,
    publish: context.publish ?? NO_PUBLISH,
    images,
    tiers,
    totals: {
      uniqueBytes: uniqueBytes(built),
      sumBytes: built.reduce((sum, image) => sum + (image.sizeBytes ?? 0), 0),
      durationMs: Math.round(context.buildDurationMs)
    }
  }
  if (context.error !== undefined) report.error = context.error
  return report
}

/** The report of a run that stopped before it had a plan (bad manifest or input). */
export function emptyReport(
  manifest: string,
  strategy: Report['strategy'],
  context: ReportContext
): Report {
  const report: Report = {
    schemaVersion: 1,
    tool: context.tool,
    manifest,
    strategy,
    passed: false,
    startedAt: context.startedAt,
    finishedAt: context.finishedAt,
    engine: context.engine,
    thresholdBasis: context.thresholdBasis ?? 'uncompressed',
    pushed: false,
    publish: context.publish ?? NO_PUBLISH,
    images: [],
    tiers: {},
    totals: { uniqueBytes: 0, sumBytes: 0, durationMs: 0 }
  }
  if (context.error !== undefined) report.error = context.error
  return report
}

/** The size an image's budget is checked against, under the report's threshold basis. */
export function budgetedSize(image: ImageReport, basis: ThresholdBasis): number | null {
  return basis === 'compressed' ? image.compressedBytes : image.sizeBytes
}

/**
 * Names the images over budget or failed, with sizes, limits and excess, and a publishing
 * failure; empty when the step should pass.
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

/**
 * The report after publishing: per tag what was pushed, each image's digest and the
 * registry's compressed size, and `pushed` only when every tag made it.
 */
export function applyPublish(
  report: Report,
  outcome: PublishOutcome,
  notebookValidationJobs?: string
): Report {
  const byName = new Map(outcome.images.map((image) => [image.name, image]))
  const images = report.images.map((image): ImageReport => {
    const published = byName.get(image.name)
    if (!published) return image
    const next: ImageReport = { ...image, tags: published.tags.map((tag) => ({ ...tag })) }
    if (published.digest !== undefined) next.digest = published.digest
    if (published.platformDigest !== undefined) next.platformDigest = published.platformDigest
    if (published.compressedBytes !== undefined) {
      next.compressedBytes = published.compressedBytes
      next.compressedSource = 'registry'
    }
    return next
  })
  const publish: PublishReport = { ...report.publish }
  if (outcome.error !== undefined) publish.error = outcome.error
  if (notebookValidationJobs !== undefined) publish.notebookValidationJobs = notebookValidationJobs
  const pushed =
    outcome.error === undefined &&
    images.length > 0 &&
    images.every((image) => image.tags.length > 0 && image.tags.every((tag) => tag.pushed))
  return { ...report, images, publish, pushed }
}

/** Tier → `repo@sha256:…` of the pushed image serving it; tiers whose image was not pushed are left out. */
export function pinnedTiers(report: Report): Record<string, string> {
  const pinned: Record<string, string> = {}
  for (const image of report.images) {
    const first = image.tags.find((tag) => tag.pushed)
    if (!image.digest || !first) continue
    for (const tier of image.tiers)
      pinned[tier] = `${splitTag(first.ref).repository}@${image.digest}`
  }
  return pinned
}
