// Fan-out across runners: a plan job lists the images as a matrix, one job per image builds
// it (`tiers: ${{ matrix.tier }}`), and a last job merges their reports into one verdict.
// These helpers are pure: reading the report files is the pipeline's business.
import { differingAcross } from '../resolve/resolution.js'
import { InputError } from '../utils/errors.js'
import { uniqueBytes } from '../measure/layers.js'
import { tierRefs } from './build-report.js'
import { imagePasses } from './verdict.js'
import type { ImageReport, PublishReport, Report, ReportPart } from './types.js'
import type { BuildPlan } from '../plan/types.js'

/** One job of the matrix: the images of a `tiers` value. */
export interface MatrixEntry {
  /** The `tiers` input that builds this image: its tier, or every tier of the shared image. */
  tier: string
  /** The image's name (tier name or `shared`), safe in artifact and file names. */
  name: string
  /** The reference the image is loaded under. */
  ref: string
}

/** The `matrix` output: `strategy.matrix: ${{ fromJSON(…) }}` gives one job per image. */
export interface Matrix {
  include: MatrixEntry[]
}

/** One matrix entry per planned image. */
export function matrixOf(plan: BuildPlan): Matrix {
  return {
    include: plan.images.map((image) => ({
      tier: image.tiers.join(','),
      name: image.name,
      ref: image.ref
    }))
  }
}

/** A report file that was read, before merging. */
export interface ReportSource {
  /** Its path as shown to the user (relative to the working directory). */
  file: string
  report: Report
}

/** Run facts of the merge itself. */
export interface MergeContext {
  tool: Report['tool']
  /**
   * The images a complete fan-out reports, from the manifest when the merge job has it:
   * any missing from every part is reported as failed. Without it, nothing is checked.
   */
  expected?: ImageReport[]
}

/**
 * Merges the reports of a fan-out into one report, which is just another Report: the same
 * verdict rules, summary and outputs apply. Images keep their verdicts; totals are
 * recomputed (layers shared between images built on different runners count once when
 * their diff IDs match, which a shared cache makes likely); `totals.durationMs` is the
 * slowest part's. The parts must come from the same manifest and strategy and may not
 * report the same image twice.
 */
export function mergeReports(sources: ReportSource[], context: MergeContext): Report {
  const [first] = sources
  if (!first) throw new InputError('reports: no report to merge')
  const differs = <T>(pick: (report: Report) => T, what: string): void => {
    const other = sources.find((source) => pick(source.report) !== pick(first.report))
    if (other) {
      throw new InputError(
        `reports: ${first.file} and ${other.file} come from different ${what} (${String(pick(first.report))}, ${String(pick(other.report))}); merge the reports of one fan-out`
      )
    }
  }
  differs((report) => report.manifest, 'manifests')
  differs((report) => report.strategy, 'strategies')
  differs((report) => report.thresholdBasis, 'threshold bases')

  const { images, missing } = mergedImages(sources, context.expected)
  const tiers = tierRefs(images)
  const parts = sources.map(partOf)
  const errors = sources
    .filter(({ report }) => report.error !== undefined)
    .map(({ file, report }) => `${file}: ${report.error ?? ''}`)
  const built = images.filter((image) => image.sizeBytes !== null)
  const publish = mergedPublish(sources)
  const merged: Report = {
    schemaVersion: 1,
    tool: context.tool,
    manifest: first.report.manifest,
    strategy: first.report.strategy,
    passed: errors.length === 0 && publish.error === undefined && images.every(imagePasses),
    startedAt: earliest(sources.map((source) => source.report.startedAt)),
    finishedAt: latest(sources.map((source) => source.report.finishedAt)),
    engine: {
      serverVersion: common(sources.map((source) => source.report.engine.serverVersion)),
      buildxVersion: common(sources.map((source) => source.report.engine.buildxVersion)),
      imageStore: common(sources.map((source) => source.report.engine.imageStore))
    },
    thresholdBasis: first.report.thresholdBasis,
    // Pushed only when every job pushed every tag, and no image is missing.
    pushed: missing.length === 0 && sources.every(({ report }) => report.pushed),
    publish,
    images,
    tiers,
    parts,
    totals: {
      uniqueBytes: uniqueBytes(built),
      sumBytes: built.reduce((sum, image) => sum + (image.sizeBytes ?? 0), 0),
      durationMs: Math.max(...sources.map((source) => source.report.totals.durationMs))
    }
  }
  if (errors.length > 0) merged.error = errors.join('\n')
  const python = sources.find(({ report }) => report.python)?.report.python
  if (python) {
    // Each job resolved the same manifest; what differs is judged across every job's images.
    const packages = Object.fromEntries(
      images.flatMap((image) => (image.pythonPackages ? [[image.name, image.pythonPackages]] : []))
    )
    merged.python = { ...python, differing: differingAcross(packages) }
  }
  return merged
}

/**
 * Every part's images, each image from one part only, plus the expected images no part has
 * (as failed: their job died before writing a report), in the manifest's order.
 */
function mergedImages(
  sources: ReportSource[],
  expected: ImageReport[] | undefined
): { images: ImageReport[]; missing: ImageReport[] } {
  const owner = new Map<string, string>()
  const images: ImageReport[] = []
  for (const { file, report } of sources) {
    for (const image of report.images) {
      const previous = owner.get(image.name)
      if (previous !== undefined) {
        throw new InputError(
          `reports: image ${image.name} (${image.ref}) is in both ${previous} and ${file}; each job of the fan-out must build different tiers`
        )
      }
      owner.set(image.name, file)
      images.push(image)
    }
  }
  const covered = new Set(images.map((image) => image.name))
  const missing = (expected ?? []).filter((image) => !covered.has(image.name))
  const files = sources.map((source) => source.file).join(', ')
  for (const image of missing) {
    images.push({
      ...image,
      error: `no report: none of the merged reports (${files}) has this image; did its job fail before writing one?`
    })
  }
  if (expected) {
    // The manifest's order, whatever order the jobs finished in.
    const order = new Map(expected.map((image, index) => [image.name, index]))
    images.sort((a, b) => (order.get(a.name) ?? order.size) - (order.get(b.name) ?? order.size))
  }
  return { images, missing }
}

/** What a merged report says of one of its parts. */
function partOf({ file, report }: ReportSource): ReportPart {
  const part: ReportPart = {
    file,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    passed: report.passed,
    images: report.images.map((image) => image.name),
    engine: report.engine,
    durationMs: report.totals.durationMs
  }
  if (report.error !== undefined) part.error = report.error
  return part
}

/**
 * The parts' publish sections as one: requested when any job was asked to push, the event,
 * ref and version they agree on, and what each job skipped or failed, naming its file.
 */
function mergedPublish(sources: ReportSource[]): PublishReport {
  const publishes = sources.map(({ report }) => report.publish)
  const publish: PublishReport = {
    requested: publishes.some((p) => p.requested),
    event: common(publishes.map((p) => p.event)) ?? '',
    ref: common(publishes.map((p) => p.ref)) ?? '',
    version: common(publishes.map((p) => p.version))
  }
  const said = (pick: (p: PublishReport) => string | undefined): string[] =>
    sources.flatMap(({ file, report }) => {
      const text = pick(report.publish)
      return text === undefined ? [] : [`${file}: ${text}`]
    })
  const skipped = said((p) => p.skipped)
  const publishErrors = said((p) => p.error)
  if (skipped.length > 0) publish.skipped = skipped.join('; ')
  if (publishErrors.length > 0) publish.error = publishErrors.join('; ')
  return publish
}

/** The value every part agrees on, else null. */
function common<T extends string | null>(values: T[]): T | null {
  const [first = null] = values
  return values.every((value) => value === first) ? first : null
}

function earliest(times: string[]): string {
  return times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a))
}

function latest(times: string[]): string {
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a))
}
