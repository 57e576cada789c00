// `mode: build`, and the command line's build: the pipeline in the order the README draws
// it (manifest → plan → tags → build and measure → verdict → publish) over injected
// adapters. One file because it is the one place that order is written (each stage is a
// short function here over its own module). The report lives in memory while the run goes
// on, and goes to disk through one ReportFile: at the end, whatever happened, and once more
// just before a push, so that the file already says the images passed should the runner die
// between two pushes.
import path from 'node:path'
import type { Deps } from '../adapters/deps.js'
import type { EngineInfo } from '../adapters/docker.js'
import { ociLabels, type BuildSettings } from '../build/bake.js'
import { buildImages } from '../build/build-images.js'
import { resolveSourceDate, rfc3339, type SourceDate } from '../build/source-date.js'
import { EngineProbe } from '../build/engine.js'
import { ContentsInspection } from '../contents/inspect.js'
import { prepareContents, type ContentsPlan } from '../contents/prepare.js'
import { checkCompressedMeasurable, measurePacked } from '../measure/inspect.js'
import { finishPublishing } from '../publish/finish.js'
import { preparePublishing, type PublishingPlan } from '../publish/prepare.js'
import {
  buildReport,
  emptyReport,
  failedOutcome,
  type BuildOutcome,
  type ReportContext
} from '../report/build-report.js'
import { ReportFile } from '../report/report-file.js'
import type { Report, ThresholdBasis } from '../report/types.js'
import type { Manifest } from '../manifest/types.js'
import type { BuildPlan, ImagePlan } from '../plan/types.js'
import { errorMessage, NbImageError, type EngineError } from '../utils/errors.js'
import type { Logger } from '../utils/logger.js'
import { TOOL } from '../version.js'
import type { RunOptions } from './options.js'
import {
  builderStages,
  checkDockerfiles,
  manifestFile,
  preparePlan,
  readManifest,
  type BuildVariant
} from './prepare.js'
import { resolvePython, type ResolvedPython } from '../resolve/resolve.js'
import type { PythonResolution } from '../resolve/resolution.js'
import { applyGrowth } from '../report/growth.js'
import { baselineBeforeBuild, checkDiskSpace, noBaselineReason } from './preflight.js'

/** What a finished build run produced. */
export interface BuildResult {
  mode: 'build'
  manifest: Manifest
  plan: BuildPlan
  report: Report
  /** Set when the report file could not be written (`report-file: cannot write …`); the report is still true. */
  reportError?: string
}

/** A run under way: its settings, its adapters and what it has asked the engine. */
interface Run {
  options: RunOptions
  deps: Deps & { now: () => number }
  startedAt: string
  /** The source date, asked of git while the manifest is read and planned. */
  sourceDate: Promise<{ date?: SourceDate; warning?: string }>
  /** The report the run is compared with, looked up while the images build (null: none). */
  baseline?: Promise<Report | null>
  thresholdBasis: ThresholdBasis
  engine: EngineProbe
}

/** The images built and measured, and what the engine said. */
interface Built {
  outcomes: BuildOutcome[]
  /** The Python packages resolved for the generated Dockerfile's images, when it has any. */
  python?: PythonResolution
  info?: EngineInfo
  /** Set when the engine stopped answering: images not built by then say so. */
  engineLost?: EngineError
  durationMs: number
  /** The source date the images were stamped with, when known. */
  sourceDateEpoch?: number
}

const NO_ENGINE: Report['engine'] = { serverVersion: null, buildxVersion: null, imageStore: null }

/**
 * Reads the manifest, plans, checks every Dockerfile and target, builds and measures each
 * image, pushes when asked and allowed, and saves the report. Bad input throws a
 * ManifestError/InputError before any build; an engine that does not answer throws an
 * EngineError. Either way the report file says why nothing (or not everything) was built.
 * Over-budget and failed images do not throw: the report carries the verdict. `variant` is
 * for `nb-image compare`'s builds.
 */
export async function runBuild(
  options: RunOptions,
  deps: Deps,
  file = new ReportFile(deps.fs, options.reportFile),
  variant: BuildVariant = {}
): Promise<BuildResult> {
  const now = deps.now ?? Date.now
  const run: Run = {
    options,
    deps: { ...deps, now },
    startedAt: new Date(now()).toISOString(),
    sourceDate: resolveSourceDate(
      {
        workspace: options.workspace,
        ...(options.sourceDateEpoch !== undefined
          ? { fromEnvironment: options.sourceDateEpoch }
          : {}),
        ...(options.source.revision ? { revision: options.source.revision } : {})
      },
      deps.git
    ).catch((error: unknown) => ({
      warning: `the commit time could not be read: ${errorMessage(error)}`
    })),
    thresholdBasis: options.thresholdBasis ?? 'uncompressed',
    engine: new EngineProbe(deps.docker)
  }
  // Started at once (the lookup is shared, memoized): the build marks unchanged images.
  const baseline = deps.baseline?.().then((found) => found?.found.base ?? null)
  if (baseline) {
    baseline.catch(() => undefined) // awaited where it is used
    run.baseline = baseline
  }
  const done: Partial<BuildResult> = {}
  let failure: { error: unknown } | undefined
  try {
    const manifest = (done.manifest = variant.manifest ?? (await readManifest(options, deps)))
    const plan = (done.plan = await preparePlan(
      manifest,
      options,
      deps,
      variant,
      Date.parse(run.startedAt)
    ))
    const contents = await planContents(run, manifest, plan)
    const publishing = await planTags(run, manifest, plan, contents)
    // The engine is first asked here, once the inputs are known to be good.
    const stages = builderStages(deps.docker, () => run.engine.ask(), options.builder, true)
    await checkDockerfiles(manifest, plan, options, { ...deps, stages })
    const baseline = await baselineBeforeBuild(plan, options, deps)
    await checkDiskSpace(plan, manifest, options, baseline, { ...deps, engine: run.engine })
    // Before any build moves the tags: what they point at now (for the log).
    const previousIds = deps.docker.imageIds(plan.images.map((image) => image.ref))
    previousIds.catch(() => undefined)
    const built = await buildAndMeasure(run, manifest, plan, contents, previousIds)
    done.report = applyGrowth(
      buildReport(plan, built.outcomes, runFacts(run, built, publishing)),
      plan.images,
      baseline?.found.base ?? undefined,
      options.growthPolicy ?? 'fail',
      noBaselineReason(baseline)
    )
    if (built.engineLost) throw built.engineLost
    done.report = await publishOnVerdict(run, done.report, publishing, built.outcomes, file)
  } catch (error) {
    failure = { error }
    // A bug is not dressed up as a report; what was measured before it still is one.
    if (error instanceof NbImageError)
      done.report ??= stoppedReport(run, error, done.plan, done.manifest)
  }
  const reportError = await saveReport(file, done.report, deps.logger, failure !== undefined)
  if (failure) throw failure.error
  // Nothing failed, so every stage ran: the manifest, the plan and the report are there.
  const result = done as BuildResult
  return { ...result, mode: 'build', ...(reportError ? { reportError } : {}) }
}

/** Decides the notebook audit and reads the notebooks each image's probe gets, before any build. */
async function planContents(run: Run, manifest: Manifest, plan: BuildPlan): Promise<ContentsPlan> {
  const { options, deps } = run
  const context = {
    mode: options.auditNotebooks ?? 'auto',
    manifestDir: path.dirname(options.manifestPath),
    workspace: options.workspace
  }
  return deps.logger.group('Notebooks to audit', () =>
    prepareContents(manifest, plan, context, deps)
  )
}

/** Decides the tags and checks what publishing needs, before any build. */
async function planTags(
  run: Run,
  manifest: Manifest,
  plan: BuildPlan,
  contents: ContentsPlan
): Promise<PublishingPlan> {
  const { options, deps } = run
  // Only a compressed budget needs the engine's answer before the first build.
  const engine = run.thresholdBasis === 'compressed' ? await run.engine.ask() : undefined
  return deps.logger.group('Plan tags', async () => {
    if (engine) checkCompressedMeasurable(engine)
    const planned = await preparePublishing(
      manifest,
      plan,
      {
        options: options.publish,
        thresholdBasis: run.thresholdBasis,
        manifestDir: path.dirname(options.manifestPath),
        workspace: options.workspace,
        // The audit found them already: the jobs are written for the same notebooks.
        ...(contents.audit === 'on' ? { notebooks: contents.notebooks } : {})
      },
      deps
    )
    logTags(planned, deps.logger)
    return planned
  })
}

function logTags(planned: PublishingPlan, logger: Logger): void {
  const entries = Object.entries(planned.tags)
  if (entries.length === 0) {
    logger.info(
      `No tags: the ${planned.report.event || 'run'} event (ref "${planned.report.ref}") gives no version`
    )
    return
  }
  for (const [name, refs] of entries) logger.info(`${name}: ${refs.join(', ')}`)
  if (!planned.report.requested) logger.info('push is off: these tags are planned, not pushed')
}

/**
 * Builds every image in scratch space, reads what is inside each (started as soon as its
 * export is done), then measures what a compressed budget needs.
 */
async function buildAndMeasure(
  run: Run,
  manifest: Manifest,
  plan: BuildPlan,
  contents: ContentsPlan,
  previousIds: Promise<Map<string, string>>
): Promise<Built> {
  const { options, deps, engine } = run
  const settings = buildSettings(run, manifest, plan, await sourceDateOf(run))
  const inspection = new ContentsInspection(plan, manifest, contents, deps)
  const maxParallelism = options.maxParallelism ?? 0
  const scratch = await deps.fs.makeTempDir(options.tempDir)
  const start = deps.now()
  try {
    // Before any image: a resolution that fails stops the run with nothing built.
    const python = await resolveStage(run, manifest, plan, settings, scratch)
    if (python) settings.python = python.build
    const built = await deps.logger.group(buildTitle(plan.images, maxParallelism), async () => {
      const result = await buildImages(
        plan.images,
        {
          settings,
          maxParallelism,
          scratch,
          checkEngine: (failed) => engine.checkAfterFailure(failed),
          onBuildStarted: () => void engine.ask(),
          previousIds,
          ...(run.baseline ? { baseline: run.baseline } : {}),
          onImageExported: (image, id) => inspection.start(image, id),
          ...(python ? { env: python.env, executedBefore: python.executed } : {})
        },
        deps
      )
      const found = await inspection.finish(result.outcomes)
      const outcomes = result.outcomes.map((outcome) => {
        const read = outcome.ok ? found.get(outcome.image.name) : undefined
        return read ? { ...outcome, ...read } : outcome
      })
      return {
        ...result,
        outcomes,
        info: await engineVersions(engine, deps.logger, result.engineLost)
      }
    })
    // An engine that never answered built nothing: the run stopped before it began.
    if (built.engineLost && !built.outcomes.some((outcome) => outcome.ok)) {
      const never = await engine.neverAnswered()
      if (never instanceof NbImageError) throw never
    }
    const outcomes: BuildOutcome[] = []
    for (const outcome of built.outcomes) {
      outcomes.push(
        outcome.ok && run.thresholdBasis === 'compressed'
          ? await measurePacked(outcome, deps)
          : outcome
      )
    }
    const measured: Built = { outcomes, durationMs: deps.now() - start }
    if (settings.sourceDateEpoch !== undefined) measured.sourceDateEpoch = settings.sourceDateEpoch
    if (python) measured.python = python.resolution
    if (built.info) measured.info = built.info
    if (built.engineLost) measured.engineLost = built.engineLost
    return measured
  } finally {
    await deps.fs.remove(scratch)
  }
}

/**
 * The Python resolution (src/resolve/), when the generated Dockerfile installs pip
 * packages; an engine that does not answer is told as such rather than as a failed
 * resolution.
 */
async function resolveStage(
  run: Run,
  manifest: Manifest,
  plan: BuildPlan,
  settings: BuildSettings,
  scratch: string
): Promise<ResolvedPython | undefined> {
  const { options, deps, engine } = run
  try {
    return await resolvePython(
      {
        manifest,
        plan,
        manifestDir: path.dirname(options.manifestPath),
        workspace: options.workspace,
        scratch,
        settings,
        indexes: { pipIndexUrl: options.pipIndexUrl, pipExtraIndexUrls: options.pipExtraIndexUrls }
      },
      deps
    )
  } catch (error) {
    // No engine (or a bug asking it) explains the failure better than the resolution can.
    const never = await engine.neverAnswered()
    if (never !== undefined) throw never
    throw error
  }
}

/** The run's source date, logged (or warned about) once. */
async function sourceDateOf(run: Run): Promise<SourceDate | undefined> {
  const { date, warning } = await run.sourceDate
  if (warning) run.deps.logger.warning(warning)
  if (date)
    run.deps.logger.info(`Source date: ${rfc3339(date.epoch)} (${date.epoch}, from ${date.from})`)
  return date
}

/** What every image of the run is built with: the inputs, the labels, the source date, the cache. */
function buildSettings(
  run: Run,
  manifest: Manifest,
  plan: BuildPlan,
  sourceDate: SourceDate | undefined
): BuildSettings {
  const { options, deps } = run
  const settings: BuildSettings = {
    repository: manifest.image,
    cacheFrom: options.cacheFrom,
    cacheTo: options.cacheTo,
    noCache: options.noCache,
    provenance: options.provenance ?? false,
    labels: ociLabels({
      ...options.source,
      ...(sourceDate ? { created: rfc3339(sourceDate.epoch) } : {})
    })
  }
  if (sourceDate) settings.sourceDateEpoch = sourceDate.epoch
  if (options.builder) settings.builder = options.builder
  if (options.cache) settings.cache = options.cache
  if (options.cacheTo.length > 0 && plan.images.length > 1) {
    deps.logger.warning(
      `cache-to: every image exports to the same cache (${options.cacheTo.join(', ')}), so each export replaces the index of the one before and only the last image finds its layers; set \`cache: gha\` or \`cache: registry\` for one cache per image`
    )
  }
  return settings
}

function buildTitle(images: ImagePlan[], maxParallelism: number): string {
  const count = images.length
  return maxParallelism > 0 && count > maxParallelism
    ? `Build ${count} images, ${maxParallelism} at a time`
    : `Build ${count === 1 ? '1 image' : `${count} images in one BuildKit session`} (${images.map((image) => image.name).join(', ')})`
}

/** The engine's versions for the report, logged; a failed query loses nothing once images built. */
async function engineVersions(
  engine: EngineProbe,
  logger: Logger,
  engineLost: EngineError | undefined
): Promise<EngineInfo | undefined> {
  try {
    const info = await engine.ask()
    logger.info(
      `Engine ${info.serverVersion} (${info.imageStore} image store), buildx ${info.buildxVersion}`
    )
    return info
  } catch (error) {
    // The images built, so the engine answers: a failed version query loses nothing.
    if (!engineLost) logger.warning(`could not read the engine's versions: ${errorMessage(error)}`)
    return undefined
  }
}

/** The run facts the report records besides the plan and the outcomes. */
function runFacts(run: Run, built: Built, publishing: PublishingPlan): ReportContext {
  return {
    tool: TOOL,
    startedAt: run.startedAt,
    finishedAt: new Date(run.deps.now()).toISOString(),
    buildDurationMs: built.durationMs,
    engine: built.info
      ? {
          serverVersion: built.info.serverVersion,
          buildxVersion: built.info.buildxVersion,
          imageStore: built.info.imageStore
        }
      : NO_ENGINE,
    thresholdBasis: run.thresholdBasis,
    tags: publishing.tags,
    publish: publishing.report,
    ...(built.sourceDateEpoch !== undefined ? { sourceDateEpoch: built.sourceDateEpoch } : {}),
    ...(built.python ? { python: built.python } : {}),
    ...(built.engineLost ? { error: built.engineLost.message } : {})
  }
}

/**
 * After the verdict: pushes when asked, allowed and every image passed. Nothing is pushed
 * unless the report on disk says the images passed, so the report is saved first; a report
 * that cannot be written stops the push.
 */
async function publishOnVerdict(
  run: Run,
  report: Report,
  publishing: PublishingPlan,
  outcomes: BuildOutcome[],
  file: ReportFile
): Promise<Report> {
  const { deps, options } = run
  if (publishing.options?.push && !publishing.skipped && report.passed) {
    try {
      await file.save(report)
    } catch {
      const skipped = 'the report file could not be written, so nothing was pushed'
      return { ...report, publish: { ...report.publish, skipped } }
    }
  }
  const published = await finishPublishing(report, publishing, outcomes, {
    ...deps,
    workspace: options.workspace
  })
  return published === report
    ? report
    : { ...published, finishedAt: new Date(deps.now()).toISOString() }
}

/**
 * The report of a run that stopped before its images were measured: why, and every planned
 * image as not built (no images before there is a plan), so that no consumer mistakes
 * silence for success.
 */
function stoppedReport(
  run: Run,
  error: NbImageError,
  plan: BuildPlan | undefined,
  manifest: Manifest | undefined
): Report {
  const { options } = run
  const { message } = error
  const context: ReportContext = {
    tool: TOOL,
    startedAt: run.startedAt,
    finishedAt: new Date(run.deps.now()).toISOString(),
    buildDurationMs: 0,
    engine: NO_ENGINE,
    error: message,
    thresholdBasis: run.thresholdBasis,
    publish: {
      requested: options.publish?.push ?? false,
      event: options.publish?.context.eventName ?? '',
      ref: options.publish?.context.ref ?? '',
      version: null
    }
  }
  if (!plan) {
    const strategy = options.strategy ?? manifest?.strategy ?? 'shared'
    return emptyReport(manifestFile(options), strategy, context)
  }
  const notBuilt = plan.images.map((image) => failedOutcome(image, `not built: ${message}`))
  return buildReport(plan, notBuilt, context)
}

/**
 * Saves the report at the end of the run. When the run failed, its error is the one to act
 * on and a report that cannot be written is a warning; otherwise the problem is returned,
 * to fail the step once the summary and outputs have shown what was built.
 */
async function saveReport(
  file: ReportFile,
  report: Report | undefined,
  logger: Logger,
  failed: boolean
): Promise<string | undefined> {
  if (!report) return undefined
  try {
    await file.save(report)
    return undefined
  } catch (error) {
    if (!failed) return errorMessage(error)
    logger.warning(errorMessage(error))
    return undefined
  }
}
