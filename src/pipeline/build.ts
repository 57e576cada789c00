import path from 'node:path'
import type { DockerClient, EngineInfo } from '../adapters/docker.js'
import type { FileSystem } from '../adapters/fs.js'
import type { GlobFn } from '../adapters/glob.js'
import type { RegistryClient } from '../adapters/registry.js'
import { buildImages } from '../build/build-images.js'
import { ociLabels, type BuildSettings } from '../build/build-settings.js'
import type { CacheShorthand } from '../build/cache.js'
import type { CommentSettings } from '../github/sharing.js'
import { listStages } from '../plan/dockerfile.js'
import {
  EngineError,
  errorMessage,
  InputError,
  ManifestError,
  NbImageError,
  type ManifestIssue
} from '../utils/errors.js'
import type { Logger } from '../utils/logger.js'
import {
  asReport,
  matrixOf,
  mergeReports,
  type Matrix,
  type ReportSource
} from '../report/merge.js'
import { fieldPath, parseManifest } from '../manifest/parse.js'
import { displayPath, isInside } from '../utils/paths.js'
import { planBuild } from '../plan/plan.js'
import type { Platform } from '../image/oci.js'
import {
  finishPublishing,
  preparePublishing,
  type PublishingPlan,
  type PublishOptions
} from '../publish/publishing.js'
import { buildReport, emptyReport, type BuildOutcome } from '../report/build-report.js'
import type {
  BuildPlan,
  ImagePlan,
  ImageReport,
  Manifest,
  Report,
  Strategy,
  ThresholdBasis
} from '../report/types.js'
import { TOOL_NAME, TOOL_VERSION } from '../version.js'

/** Everything the pipeline needs to know, already validated and resolved to absolute paths. */
export interface PipelineOptions {
  manifestPath: string
  /** Repository root: manifest paths may not point outside it. */
  workspace: string
  strategy?: Strategy
  thresholdBytes?: number
  tiers?: string[]
  builder?: string
  /** One cache per image (`cache` input); `cacheFrom`/`cacheTo` still go to every image. */
  cache?: CacheShorthand
  cacheFrom: string[]
  cacheTo: string[]
  noCache: boolean
  /** Most images built at once; 0 (the default) builds them all in one BuildKit session. */
  maxParallelism?: number
  reportFile: string
  /** Glob patterns of the per-job reports that `mode: merge` combines. */
  reports?: string[]
  /** Folder relative paths (and report globs) are resolved from. */
  workingDirectory?: string
  /** Parent folder for scratch files (buildx metadata). */
  tempDir?: string
  source: { repositoryUrl?: string; revision?: string }
  /** Which size budgets apply to (default uncompressed). */
  thresholdBasis?: ThresholdBasis
  /** Tags, push and NotebookValidationJobs; absent for a build-only run. */
  publish?: PublishOptions
  /** The pull-request comment and report upload (the action's); absent on the command line. */
  share?: CommentSettings
}

/** The adapters the pipeline drives; tests pass their own. */
export interface PipelineDeps {
  docker: DockerClient
  fs: FileSystem
  logger: Logger
  /** Milliseconds since the epoch; injectable so reports can be pinned in tests. */
  now?: () => number
  /** Reads pushed manifests back; needed when pushing. */
  registry?: RegistryClient
  /** Expands the manifest's notebook globs; needed for NotebookValidationJobs. */
  glob?: GlobFn
  /** Waits between push retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>
}

/** What a finished run produced. */
export interface PipelineResult {
  manifest: Manifest
  plan: BuildPlan
  report: Report
  /** Set when the report file could not be written (`report-file: cannot write …`); the report is still true. */
  reportError?: string
}

/**
 * Reads the manifest, plans, checks every Dockerfile and target, builds and measures each
 * image, and writes the report. Bad input throws a ManifestError/InputError before any
 * build; an engine that does not answer throws an EngineError after the report records it.
 * Over-budget and failed images do not throw: the report carries the verdict.
 */
export async function runPipeline(
  options: PipelineOptions,
  deps: PipelineDeps
): Promise<PipelineResult> {
  const now = deps.now ?? Date.now
  const startedAt = new Date(now()).toISOString()
  const { logger, fs } = deps
  const manifestFile = displayPath(options.workspace, options.manifestPath)

  const tool = { name: TOOL_NAME, version: TOOL_VERSION }
  const noEngine = { serverVersion: null, buildxVersion: null, imageStore: null }
  const thresholdBasis = options.thresholdBasis ?? 'uncompressed'
  let manifest: Manifest | undefined
  let plan: BuildPlan | undefined
  // Records why nothing was built, so a report consumer never mistakes silence for success.
  const stopped = async (error: NbImageError): Promise<never> => {
    const context = {
      tool,
      startedAt,
      finishedAt: new Date(now()).toISOString(),
      buildDurationMs: 0,
      engine: noEngine,
      error: error.message,
      thresholdBasis,
      publish: {
        requested: options.publish?.push ?? false,
        event: options.publish?.context.eventName ?? '',
        ref: options.publish?.context.ref ?? '',
        version: null
      }
    }
    const report = plan
      ? buildReport(
          plan,
          plan.images.map((image) => ({
            image,
            ok: false,
            durationMs: 0,
            error: `not built: ${error.message}`,
            logTail: [],
            cachedSteps: 0,
            totalSteps: 0
          })),
          context
        )
      : emptyReport(manifestFile, options.strategy ?? manifest?.strategy ?? 'shared', context)
    try {
      await writeReport(fs, options.reportFile, report)
    } catch (writeError) {
      // The first error is the one to act on; the report problem is secondary.
      logger.warning(errorMessage(writeError))
    }
    throw error
  }

  // The engine's versions are only needed for the report (and a compressed budget), so
  // they are asked for once the first bake has started: three CLI starts off the critical
  // path. A build that fails waits for the answer first, so an engine that does not answer
  // or no buildx still stops the run with that error.
  let engine: Promise<EngineInfo> | undefined
  const askEngine = (): Promise<EngineInfo> => {
    if (!engine) {
      engine = deps.docker.engineInfo()
      engine.catch(() => undefined)
    }
    return engine
  }
  let publishing: PublishingPlan
  try {
    manifest = await readManifest(options, manifestFile, deps)
    plan = await prepare(manifest, options, deps)
    // Only a compressed budget needs the engine's answer before the first build.
    const checkedEngine = thresholdBasis === 'compressed' ? await askEngine() : undefined
    const [checkedManifest, checkedPlan] = [manifest, plan]
    publishing = await logger.group('Plan tags', async () => {
      const planned = await preparePublishing(
        checkedManifest,
        checkedPlan,
        {
          options: options.publish,
          thresholdBasis,
          ...(checkedEngine ? { engine: checkedEngine } : {}),
          manifestDir: path.dirname(options.manifestPath),
          workspace: options.workspace
        },
        deps
      )
      logTags(planned, logger)
      return planned
    })
  } catch (error) {
    if (error instanceof NbImageError) await stopped(error)
    throw error
  }

  const settings: BuildSettings = {
    repository: manifest.image,
    cacheFrom: options.cacheFrom,
    cacheTo: options.cacheTo,
    noCache: options.noCache,
    labels: ociLabels({ ...options.source, created: startedAt })
  }
  if (options.builder) settings.builder = options.builder
  if (options.cache) settings.cache = options.cache
  if (options.cacheTo.length > 0 && plan.images.length > 1) {
    logger.warning(
      `cache-to: every image exports to the same cache (${options.cacheTo.join(', ')}), so each export replaces the index of the one before and only the last image finds its layers; set \`cache: gha\` or \`cache: registry\` for one cache per image`
    )
  }

  const maxParallelism = options.maxParallelism ?? 0
  const images = plan.images
  const platforms: Record<string, Platform | undefined> = {}
  // After a failed session: an engine that never answered stops the run as if nothing was
  // tried; one that stopped answering mid-run keeps what was built and says so once.
  const checkEngine = async (failed: ImagePlan[]): Promise<void> => {
    await askEngine()
    const lost = await engineGone(deps.docker)
    if (lost) {
      throw new EngineError(
        `The build of ${failed.map((image) => `${image.ref} (${image.tiers.join(', ')})`).join(', ')} stopped because the engine stopped answering: ${lost.message}`
      )
    }
  }
  const scratch = await fs.makeTempDir(options.tempDir)
  const buildStart = now()
  let outcomes: BuildOutcome[]
  let engineLost: EngineError | undefined
  let info: EngineInfo | undefined
  try {
    const count = images.length
    const title =
      maxParallelism > 0 && count > maxParallelism
        ? `Build ${count} images, ${maxParallelism} at a time`
        : `Build ${count === 1 ? '1 image' : `${count} images in one BuildKit session`} (${images.map((image) => image.name).join(', ')})`
    const built = await logger.group(title, async () => {
      const result = await buildImages(
        images,
        {
          settings,
          maxParallelism,
          scratch,
          checkEngine,
          onBuildStarted: () => void askEngine(),
          measured: (image, details) => (platforms[image.name] = details.platform)
        },
        { ...deps, now }
      )
      try {
        info = await askEngine()
        logger.info(
          `Engine ${info.serverVersion} (${info.imageStore} image store), buildx ${info.buildxVersion}`
        )
      } catch (error) {
        if (!result.engineLost) {
          // The images built, so the engine answers: a failed version query loses nothing.
          logger.warning(`could not read the engine's versions: ${errorMessage(error)}`)
        }
      }
      return result
    })
    engineLost = built.engineLost
    // An engine that never answered built nothing: the run stopped before it began.
    if (engineLost && !built.outcomes.some((outcome) => outcome.ok)) {
      const never = await askEngine().then(
        () => undefined,
        (error: unknown) => error
      )
      if (never instanceof NbImageError) await stopped(never)
    }
    outcomes = []
    for (const outcome of built.outcomes) {
      outcomes.push(
        outcome.ok && thresholdBasis === 'compressed'
          ? await measurePacked(outcome, platforms[outcome.image.name], deps)
          : outcome
      )
    }
  } finally {
    await fs.remove(scratch)
  }
  const buildDurationMs = now() - buildStart

  const built = buildReport(plan, outcomes, {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    startedAt,
    finishedAt: new Date(now()).toISOString(),
    buildDurationMs,
    engine: info
      ? {
          serverVersion: info.serverVersion,
          buildxVersion: info.buildxVersion,
          imageStore: info.imageStore
        }
      : noEngine,
    thresholdBasis,
    tags: publishing.tags,
    publish: publishing.report,
    ...(engineLost ? { error: engineLost.message } : {})
  })
  if (engineLost) {
    try {
      await writeReport(fs, options.reportFile, built)
    } catch (writeError) {
      logger.warning(errorMessage(writeError))
    }
    throw engineLost
  }
  // The images are built and measured: an unwritable report file must not hide that, so
  // the caller still gets the report (for outputs and the summary) and fails the step. Nor
  // is anything pushed without a report on disk saying so.
  try {
    await writeReport(fs, options.reportFile, built)
  } catch (error) {
    const report = publishing.options?.push
      ? {
          ...built,
          publish: {
            ...built.publish,
            skipped: 'the report file could not be written, so nothing was pushed'
          }
        }
      : built
    return { manifest, plan, report, reportError: errorMessage(error) }
  }
  const published = await finishPublishing(built, publishing, platforms, {
    ...deps,
    workspace: options.workspace
  })
  if (published === built) return { manifest, plan, report: built }
  const report = { ...published, finishedAt: new Date(now()).toISOString() }
  try {
    await writeReport(fs, options.reportFile, report)
  } catch (error) {
    return { manifest, plan, report, reportError: errorMessage(error) }
  }
  return { manifest, plan, report }
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
 * Reads the packed (compressed) image the engine holds, for a compressed budget; a
 * failure fails this image rather than the run.
 */
async function measurePacked(
  outcome: Extract<BuildOutcome, { ok: true }>,
  platform: Platform | undefined,
  deps: PipelineDeps
): Promise<BuildOutcome> {
  const { image } = outcome
  return deps.logger.group(`Measure ${image.name} compressed`, async () => {
    try {
      const packed = await deps.docker.packedImage(image.ref, platform)
      deps.logger.info(
        `${image.ref}: ${packed.compressedBytes} bytes compressed (config ${packed.configBytes} + ${packed.layerBytes.length} layers) in ${packed.platformDigest}`
      )
      return { ...outcome, packed }
    } catch (error) {
      const message = `built, but its compressed size could not be read: ${errorMessage(error)}`
      deps.logger.error(`${image.ref}: ${message}`)
      return {
        image,
        ok: false,
        durationMs: outcome.durationMs,
        error: message,
        logTail: [],
        cachedSteps: outcome.cachedSteps,
        totalSteps: outcome.totalSteps
      }
    }
  })
}

/** The engine's own error when it no longer answers; undefined while it does. */
async function engineGone(docker: DockerClient): Promise<EngineError | undefined> {
  try {
    await docker.engineInfo()
    return undefined
  } catch (error) {
    if (error instanceof EngineError) return error
    throw error
  }
}

/** What a plan run produced: the images a build would make, as a matrix of jobs. */
export interface PlanResult {
  manifest: Manifest
  plan: BuildPlan
  matrix: Matrix
}

/**
 * Reads and checks the manifest and plans the images without building anything (no engine
 * needed): the first job of a fan-out, whose `matrix` output the build jobs run on.
 */
export async function runPlan(options: PipelineOptions, deps: PipelineDeps): Promise<PlanResult> {
  const manifestFile = displayPath(options.workspace, options.manifestPath)
  const manifest = await readManifest(options, manifestFile, deps)
  const plan = await prepare(manifest, options, deps)
  return { manifest, plan, matrix: matrixOf(plan) }
}

/** What a merge run produced; the manifest when the merge job had it. */
export interface MergeResult {
  report: Report
  manifest?: Manifest
  /** Set when the merged report could not be written; the report is still true. */
  reportError?: string
}

/**
 * Combines the reports of a fan-out (`reports` globs) into one report, written to
 * `reportFile`. When the manifest is at hand, every image it plans must be in some report;
 * one that is not (its job died before writing a report) is reported as failed.
 */
export async function runMerge(options: PipelineOptions, deps: PipelineDeps): Promise<MergeResult> {
  const { logger, fs } = deps
  const cwd = options.workingDirectory ?? options.workspace
  const patterns = options.reports ?? []
  if (patterns.length === 0) {
    throw new InputError(
      'reports: give the report files to merge (a glob such as reports/**/nb-image-report.json) with mode: merge (--reports on the command line)'
    )
  }
  const sources = await logger.group('Read the reports', async () => {
    const output = path.resolve(options.reportFile)
    if (!deps.glob) throw new Error('runMerge needs the glob adapter')
    const files = (await deps.glob(patterns, cwd))
      .map((match) => match.file)
      .filter((file) => path.resolve(file) !== output)
    if (files.length === 0) {
      throw new InputError(`reports: no file matches ${patterns.join(', ')} (in ${cwd})`)
    }
    const read: ReportSource[] = []
    for (const file of files) {
      const shown = displayPath(cwd, file)
      let value: unknown
      try {
        value = JSON.parse(new TextDecoder().decode(await fs.readFile(file)))
      } catch (error) {
        throw new InputError(`reports: cannot read ${shown}: ${errorMessage(error)}`)
      }
      const report = asReport(shown, value)
      logger.info(
        `${shown}: ${report.images.map((image) => `${image.name} (${image.status})`).join(', ') || 'no images'}${report.error ? ` (${report.error})` : ''}`
      )
      read.push({ file: shown, report })
    }
    return read
  })

  const first = sources[0]?.report
  let manifest: Manifest | undefined
  let expected: ImageReport[] | undefined
  const manifestFile = displayPath(options.workspace, options.manifestPath)
  if (first && first.manifest !== manifestFile) {
    logger.info(
      `The reports are of ${first.manifest}, not ${manifestFile}; not checking that every image has a report`
    )
  } else if (first && (await fs.isFile(options.manifestPath))) {
    manifest = await readManifest(options, manifestFile, deps)
    const plan = planBuild(manifest, {
      manifestDir: path.dirname(options.manifestPath),
      strategy: first.strategy,
      thresholdBytes: options.thresholdBytes,
      tiers: options.tiers,
      generatedDockerfilePath: path.join(
        path.dirname(options.manifestPath),
        '.nb-image',
        'Dockerfile'
      )
    })
    expected = buildReport(
      plan,
      plan.images.map((image) => ({
        image,
        ok: false,
        durationMs: 0,
        error: 'no report',
        logTail: [],
        cachedSteps: 0,
        totalSteps: 0
      })),
      {
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        startedAt: first.startedAt,
        finishedAt: first.finishedAt,
        buildDurationMs: 0,
        engine: first.engine
      }
    ).images
  } else {
    logger.info(`${manifestFile} is not here; not checking that every image has a report`)
  }
  const report = mergeReports(sources, {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    ...(expected ? { expected } : {})
  })
  const result: MergeResult = { report }
  if (manifest) result.manifest = manifest
  try {
    await writeReport(fs, options.reportFile, report)
  } catch (error) {
    result.reportError = errorMessage(error)
  }
  return result
}

async function readManifest(
  options: PipelineOptions,
  manifestFile: string,
  deps: PipelineDeps
): Promise<Manifest> {
  return deps.logger.group(`Read ${manifestFile}`, async () => {
    if (!isInside(path.resolve(options.workspace), options.manifestPath)) {
      throw new InputError(
        `manifest: ${options.manifestPath} is outside the workspace ${options.workspace}`
      )
    }
    let bytes: Uint8Array
    try {
      bytes = await deps.fs.readFile(options.manifestPath)
    } catch (error) {
      const cwd = options.workingDirectory ?? options.workspace
      const from =
        path.resolve(cwd) === path.resolve(options.workspace)
          ? ''
          : ` (the manifest is found from working-directory ${displayPath(options.workspace, cwd)})`
      throw new InputError(
        `manifest: cannot read ${manifestFile} (${errorMessage(error)}); point the manifest input (--manifest on the command line) at your tier manifest${from}`
      )
    }
    const parsed = parseManifest(bytes, manifestFile)
    deps.logger.info(
      `${parsed.tiers.length} tier(s): ${parsed.tiers.map((t) => t.name).join(', ')}`
    )
    return parsed
  })
}

/** Plans the build and checks every path and target; writes the generated Dockerfile. */
async function prepare(
  manifest: Manifest,
  options: PipelineOptions,
  deps: PipelineDeps
): Promise<BuildPlan> {
  const { logger, fs } = deps
  const manifestDir = path.dirname(options.manifestPath)
  const plan = planBuild(manifest, {
    manifestDir,
    strategy: options.strategy,
    thresholdBytes: options.thresholdBytes,
    tiers: options.tiers,
    generatedDockerfilePath: path.join(manifestDir, '.nb-image', 'Dockerfile')
  })
  await logger.group('Check Dockerfiles and targets', async () => {
    await checkPaths(manifest, manifestDir, options.workspace, fs)
    if (plan.generatedDockerfile) {
      await fs.writeFileAtomic(plan.generatedDockerfile.path, plan.generatedDockerfile.content)
      logger.info(
        `Generated ${displayPath(options.workspace, plan.generatedDockerfile.path)}:\n${plan.generatedDockerfile.content}`
      )
    }
    await checkTargets(manifest, plan, options.workspace, fs)
    for (const image of plan.images) {
      logger.info(
        `${image.name}: ${image.ref} from ${displayPath(options.workspace, image.dockerfile)}${image.target ? ` --target ${image.target}` : ''}, budget ${image.thresholdBytes} bytes (${image.thresholdSource})`
      )
    }
  })
  return plan
}

/** Context and Dockerfile paths must exist and stay inside the repository, symlinks resolved. */
async function checkPaths(
  manifest: Manifest,
  manifestDir: string,
  workspace: string,
  fs: FileSystem
): Promise<void> {
  const issues: ManifestIssue[] = []
  const root = await fs.realpath(workspace)
  const issue = (field: string, message: string): void => {
    const where = manifest.positions[field] ?? { line: 1, column: 1 }
    issues.push({ file: manifest.file, line: where.line, column: where.column, field, message })
  }
  const check = async (
    field: string,
    declared: string,
    absolute: string,
    kind: 'context' | 'dockerfile'
  ): Promise<void> => {
    if (path.isAbsolute(declared)) {
      issue(
        field,
        `"${declared}" is an absolute path; give a path inside the repository, relative to ${kind === 'context' ? "the manifest's folder" : 'the context'}`
      )
      return
    }
    if (!isInside(path.resolve(workspace), absolute)) {
      // Relative to the repository root: the same on every runner, and it shows how far out.
      const shown = path.relative(path.resolve(workspace), absolute).split(path.sep).join('/')
      issue(
        field,
        `"${declared}" points outside the repository (to ${shown} from its root); give a path inside it`
      )
      return
    }
    let real: string
    try {
      real = await fs.realpath(absolute)
    } catch {
      issue(
        field,
        `${kind === 'context' ? 'build context' : 'Dockerfile'} "${declared}" not found (looked for ${displayPath(workspace, absolute)})`
      )
      return
    }
    if (!isInside(root, real)) {
      issue(
        field,
        `"${declared}" resolves through a symlink to ${real}, outside the repository; give a path inside it`
      )
      return
    }
    if (kind === 'dockerfile' && !(await fs.isFile(real)))
      issue(field, `Dockerfile "${declared}" is not a file`)
  }
  const context = path.resolve(manifestDir, manifest.context)
  await check('context', manifest.context, context, 'context')
  // Dockerfiles are relative to the context: behind a refused context they would only
  // repeat its problem (and show where the runner keeps the checkout).
  if (issues.length > 0) throw new ManifestError(issues)
  if (manifest.dockerfile !== undefined) {
    await check(
      'dockerfile',
      manifest.dockerfile,
      path.resolve(context, manifest.dockerfile),
      'dockerfile'
    )
  }
  for (const tier of manifest.tiers) {
    if (tier.dockerfile === undefined) continue
    await check(
      fieldPath(['tiers', tier.name, 'dockerfile']),
      tier.dockerfile,
      path.resolve(context, tier.dockerfile),
      'dockerfile'
    )
  }
  if (issues.length > 0) throw new ManifestError(issues)
}

/** Every `--target` must be a stage of its Dockerfile, checked before the first build. */
async function checkTargets(
  manifest: Manifest,
  plan: BuildPlan,
  workspace: string,
  fs: FileSystem
): Promise<void> {
  const issues: ManifestIssue[] = []
  const stagesByFile = new Map<string, string[]>()
  for (const image of plan.images) {
    if (image.target === undefined) continue
    let stages = stagesByFile.get(image.dockerfile)
    if (!stages) {
      const content = new TextDecoder().decode(await fs.readFile(image.dockerfile))
      stages = listStages(content).map((stage) => stage.name)
      stagesByFile.set(image.dockerfile, stages)
    }
    if (!stages.includes(image.target.toLowerCase())) {
      const where = manifest.positions[image.field] ?? { line: 1, column: 1 }
      const available =
        stages.length > 0
          ? `its stages are ${stages.join(', ')}`
          : 'it has no named stages (FROM … AS name)'
      issues.push({
        file: manifest.file,
        line: where.line,
        column: where.column,
        field: image.field,
        message: `target "${image.target}" is not a stage of ${displayPath(workspace, image.dockerfile)}: ${available}`
      })
    }
  }
  if (issues.length > 0) throw new ManifestError(issues)
}

async function writeReport(fs: FileSystem, file: string, report: Report): Promise<void> {
  try {
    await fs.writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`)
  } catch (error) {
    throw new NbImageError(`report-file: cannot write ${file}: ${errorMessage(error)}`)
  }
}
