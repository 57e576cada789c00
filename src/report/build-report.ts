import { imageSize, matchLayers, uniqueBytes } from '../measure/layers.js'
import { budgetStatus, imagePasses } from './verdict.js'
import type { ImageAudit, ImagePackages } from './contents.js'
import type { HistoryRow } from '../measure/layers.js'
import type { Platform, ResolvedImage } from '../image/oci.js'
import { splitTag } from '../image/reference.js'
import type { ImageReport, PublishReport, Report, ThresholdBasis } from './types.js'
import type { BuildPlan, ImagePlan } from '../plan/types.js'
import { differingVersions, type PythonResolution } from '../resolve/resolution.js'

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
      /** The image's platform, as the engine describes it: what a push is read back for. */
      platform?: Platform
      /** The engine's packed image, measured before any push (threshold-basis compressed). */
      packed?: ResolvedImage
      /** What is installed in it, read from the image (src/contents/). */
      packages?: ImagePackages
      /** The import audit of its tiers' notebooks, when the audit ran. */
      audit?: ImageAudit
    }
  | { image: ImagePlan; ok: false; durationMs: number; error: string; logTail: string[] }

/** A build's end with the image's steps counted: cache hits out of all steps (FROM aside). */
export type BuildOutcome = BuildEnd & { cachedSteps: number; totalSteps: number }

/**
 * The outcome of an image that was not built or measured, and why; what the engine already
 * did for it (time, log, steps) can be kept.
 */
export function failedOutcome(
  image: ImagePlan,
  error: string,
  kept: Partial<Pick<BuildOutcome, 'durationMs' | 'cachedSteps' | 'totalSteps'>> & {
    logTail?: string[]
  } = {}
): Extract<BuildOutcome, { ok: false }> {
  return {
    image,
    ok: false,
    durationMs: kept.durationMs ?? 0,
    error,
    logTail: kept.logTail ?? [],
    cachedSteps: kept.cachedSteps ?? 0,
    totalSteps: kept.totalSteps ?? 0
  }
}

/** Tier → reference of the image that serves it (the report's `tiers`, the `images` output). */
export function tierRefs(
  images: readonly { tiers: string[]; ref: string }[]
): Record<string, string> {
  const refs: Record<string, string> = {}
  for (const image of images) for (const tier of image.tiers) refs[tier] = image.ref
  return refs
}

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
  /** The Python packages resolved for the generated Dockerfile's images. */
  python?: PythonResolution
}

const NO_PUBLISH: PublishReport = { requested: false, event: '', ref: '', version: null }

/** Assembles the report from the plan and each build's outcome; every image gets a verdict. */
export function buildReport(
  plan: BuildPlan,
  outcomes: BuildOutcome[],
  context: ReportContext
): Report {
  const basis = context.thresholdBasis ?? 'uncompressed'
  const images = outcomes.map((outcome) => imageReport(outcome, basis, context.tags))
  const python = context.python
  outcomes.forEach(({ image }, index) => {
    const packages = image.generated ? python?.images[image.name] : undefined
    const report = images[index]
    if (packages && report)
      report.pythonPackages = packages.map(({ name, version }) => ({ name, version }))
  })
  const tiers = tierRefs(images)
  const built = images.filter((image) => image.sizeBytes !== null)
  const report: Report = {
    schemaVersion: 1,
    tool: context.tool,
    manifest: plan.manifestFile,
    strategy: plan.strategy,
    passed: context.error === undefined && images.every(imagePasses),
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
  if (python) {
    const names = images.filter((image) => image.pythonPackages).map((image) => image.name)
    report.python = {
      consistency: python.consistency,
      pip: python.pip,
      python: python.python,
      differing: differingVersions(python, names)
    }
  }
  if (context.error !== undefined) report.error = context.error
  return report
}

/** One image as the report records it, with its verdict under `basis`. */
function imageReport(
  outcome: BuildOutcome,
  basis: ThresholdBasis,
  tags: ReportContext['tags']
): ImageReport {
  const { image } = outcome
  const base = {
    name: image.name,
    tiers: image.tiers,
    target: image.target ?? null,
    dockerfile: image.dockerfile,
    ref: image.ref,
    tags: (tags?.[image.name] ?? []).map((ref) => ({ ref, pushed: false })),
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
  const sizeBytes = imageSize(outcome.history)
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
  if (outcome.packages) report.packages = outcome.packages
  if (outcome.audit) report.audit = outcome.audit
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
