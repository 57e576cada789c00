import { budgetStatus, matchLayers, uniqueBytes } from './measure.js'
import type { HistoryRow } from './measure.js'
import type { BuildPlan, ImagePlan, ImageReport, Report } from './types.js'
import { formatBytes, formatSize } from './size.js'

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
}

/** Assembles the report from the plan and each build's outcome; every image gets a verdict. */
export function buildReport(
  plan: BuildPlan,
  outcomes: BuildOutcome[],
  context: ReportContext
): Report {
  const images: ImageReport[] = outcomes.map((outcome) => {
    const { image } = outcome
    const base = {
      name: image.name,
      tiers: image.tiers,
      target: image.target ?? null,
      dockerfile: image.dockerfile,
      ref: image.ref,
      durationMs: Math.round(outcome.durationMs),
      cachedSteps: outcome.cachedSteps,
      totalSteps: outcome.totalSteps,
      thresholdBytes: image.thresholdBytes
    }
    if (!outcome.ok) {
      return {
        ...base,
        imageId: null,
        sizeBytes: null,
        inspectSizeBytes: null,
        status: 'failed',
        layers: [],
        error: outcome.error,
        logTail: outcome.logTail
      }
    }
    const layers = matchLayers(outcome.history, outcome.diffIds)
    const sizeBytes = outcome.history.reduce((sum, row) => sum + row.sizeBytes, 0)
    return {
      ...base,
      imageId: outcome.imageId,
      sizeBytes,
      inspectSizeBytes: outcome.inspectSizeBytes,
      status: budgetStatus(sizeBytes, image.thresholdBytes),
      layers
    }
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
    images: [],
    tiers: {},
    totals: { uniqueBytes: 0, sumBytes: 0, durationMs: 0 }
  }
  if (context.error !== undefined) report.error = context.error
  return report
}

/** Names the images over budget or failed, with sizes, limits and excess; empty when passed. */
export function verdictMessages(report: Report): string[] {
  const messages: string[] = []
  if (report.error) messages.push(report.error)
  for (const image of report.images) {
    const who = `${image.ref} (${image.tiers.join(', ')})`
    if (image.status === 'over' && image.sizeBytes !== null) {
      const excess = image.sizeBytes - image.thresholdBytes
      messages.push(
        `${who} is ${formatSize(image.sizeBytes)} (${formatBytes(image.sizeBytes)}), over its ${formatSize(image.thresholdBytes)} budget (${formatBytes(image.thresholdBytes)}) by ${formatSize(excess)} (${formatBytes(excess)})`
      )
    } else if (image.status === 'failed') {
      messages.push(`${who} failed to build: ${image.error ?? 'unknown error'}`)
    }
  }
  return messages
}

/** The warning for an image above 90% of its budget. */
export function warningMessage(image: ImageReport): string | undefined {
  if (image.status !== 'warn' || image.sizeBytes === null) return undefined
  const percent = ((image.sizeBytes / image.thresholdBytes) * 100).toFixed(1)
  return `${image.ref} (${image.tiers.join(', ')}) is ${formatSize(image.sizeBytes)}, ${percent}% of its ${formatSize(image.thresholdBytes)} budget (${formatSize(image.thresholdBytes - image.sizeBytes)} left)`
}
