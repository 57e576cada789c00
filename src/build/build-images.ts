// The build stage: every image of the run in bake sessions, each image inspected as soon as
// its export is done, what a failed session cancelled built again, the engine watched. One
// class because those share one state per image (exported, failed, cancelled, measured).
import path from 'node:path'
import { limited } from '../utils/concurrency.js'
import type { Deps } from '../adapters/deps.js'
import type { BakeResult, ImageDetails } from '../adapters/docker.js'
import { bakeArgs, bakeFile, bakeTargetNames, displayCommand, type BakeEntry } from './bake.js'
import {
  countSteps,
  executedKeys,
  exportedTarget,
  isCancellation,
  splitByTarget,
  type KeyedStep,
  type TargetSteps
} from './target-steps.js'
import type { BuildSettings } from './bake.js'
import { EngineError, errorMessage } from '../utils/errors.js'
import { BuildProgress } from './progress.js'
import { failedOutcome, type BuildEnd, type BuildOutcome } from '../report/build-report.js'
import { inspectBuilt } from '../measure/inspect.js'
import { imageSize } from '../measure/layers.js'
import { formatDuration } from '../render/format.js'
import type { ImagePlan } from '../plan/types.js'

/** Lines of a failed build's log kept in the report. */
export const LOG_TAIL_LINES = 30

/** At most this many images are inspected (`docker image inspect` + `docker history`) at once. */
const MEASURE_CONCURRENCY = 6

/** How the images of a run are built. */
export interface BuildImagesOptions {
  settings: BuildSettings
  /** Most images built at once; 0 builds them all in one session. */
  maxParallelism: number
  /** Folder for the bake files. */
  scratch: string
  /**
   * Called after a session failed, before the failure is blamed on its images: throws an
   * EngineError when the engine cannot build at all (it never answered, or stopped).
   */
  checkEngine?: (failed: ImagePlan[]) => Promise<void>
  /** Called once a bake command has been started (so other commands do not delay it). */
  onBuildStarted?: () => void
  /** Variables for the bake commands only: the secrets the bake file names by `env=`. */
  env?: Record<string, string>
  /** Keys of steps this run already built before these sessions (the Python resolution). */
  executedBefore?: ReadonlySet<string>
  /**
   * Called when an image's export is done, with its inspection under way: what else reads
   * the image (its contents) can start while the other images still build.
   */
  onImageExported?: (image: ImagePlan, details: Promise<ImageDetails>) => void
}

/** The images' outcomes, in plan order; and why the engine stopped the run, if it did. */
export interface BuiltImages {
  outcomes: BuildOutcome[]
  /** Set when the engine stopped answering: images not built by then say so. */
  engineLost?: EngineError
}

/** The adapters the builds use; `sleep` waits between inspections of an image not shown yet. */
export type BuildImagesDeps = Pick<Deps, 'docker' | 'fs' | 'logger' | 'sleep'> & {
  now: () => number
}

/** What the run learned about one image so far. */
interface ImageState {
  entry: BakeEntry
  /** Time spent on its steps, summed over the sessions it was built in. */
  durationMs: number
  /** Its Dockerfile steps in the last session it was built in. */
  steps: KeyedStep[]
  outcome?: BuildEnd
}

/** One finished `docker buildx bake` call. */
interface Session {
  result: BakeResult
  split: Map<string, TargetSteps>
  /** Inspections started as soon as an image's export finished, by target. */
  measured: Map<string, Promise<ImageDetails>>
}

/**
 * Builds every image with `docker buildx bake` and measures the ones that built.
 *
 * All images go into one BuildKit session, where the stages they share are built once and
 * the rest run concurrently. With `maxParallelism` below the number of images, that many
 * sessions of one image each run at a time instead (BuildKit still shares identical steps
 * between them). An image is inspected as soon as the stream says its export finished,
 * while bake goes on with the others. When one image fails, bake cancels the others; those
 * not finished yet are built again in a new session, which picks up whatever the first one
 * finished from the cache, so one bad tier never costs the others their verdict.
 *
 * Each image's `durationMs` is the span of its own steps in the progress stream, the shared
 * ones included (summed over sessions when it had to be built again); `cachedSteps` and
 * `totalSteps` count its Dockerfile steps and the cache hits among them.
 */
export async function buildImages(
  images: ImagePlan[],
  options: BuildImagesOptions,
  deps: BuildImagesDeps
): Promise<BuiltImages> {
  return new ImageBuilds(images, options, deps).run()
}

/** The builds of one run: its images' states, its sessions, what the engine said. */
class ImageBuilds {
  private readonly states: ImageState[]
  /** Steps some session of this run executed (not taken from the cache), by key. */
  private readonly executedInRun = new Set<string>()
  private readonly inspect: (ref: string) => Promise<ImageDetails>
  private readonly pool: boolean
  private sessions = 0
  private engineLost: EngineError | undefined

  constructor(
    images: ImagePlan[],
    private readonly options: BuildImagesOptions,
    private readonly deps: BuildImagesDeps
  ) {
    const names = bakeTargetNames(images)
    this.states = images.map((image, index) => ({
      entry: { target: names[index] ?? image.name, image },
      durationMs: 0,
      steps: []
    }))
    this.inspect = limited(MEASURE_CONCURRENCY, (ref: string) => deps.docker.inspectImage(ref))
    for (const key of options.executedBefore ?? []) this.executedInRun.add(key)
    this.pool = options.maxParallelism > 0 && images.length > options.maxParallelism
  }

  async run(): Promise<BuiltImages> {
    if (this.pool) {
      const queue = [...this.states]
      const worker = async (): Promise<void> => {
        for (let state = queue.shift(); state && !this.engineLost; state = queue.shift())
          await this.build([state])
      }
      await Promise.all(Array.from({ length: this.options.maxParallelism }, worker))
    } else {
      await this.build(this.states)
    }
    const outcomes = this.states.map((state): BuildOutcome => {
      const counts = countSteps(state.steps, this.executedInRun)
      const outcome =
        state.outcome ??
        failedOutcome(
          state.entry.image,
          `not built: ${this.engineLost?.message ?? 'the build stopped'}`
        )
      this.deps.logger.info(
        `${state.entry.image.name}: ${outcome.ok ? 'built' : state.outcome ? 'failed' : 'not built'} in ${formatDuration(state.durationMs)}, ${counts.cachedSteps} of ${counts.totalSteps} steps from the cache`
      )
      return { ...outcome, durationMs: state.durationMs, ...counts }
    })
    return this.engineLost ? { outcomes, engineLost: this.engineLost } : { outcomes }
  }

  /** Builds a group in one session; what a failure cancelled goes again until none is left. */
  private async build(group: ImageState[]): Promise<void> {
    let pending: ImageState[] | undefined = group
    while (pending && pending.length > 0 && !this.engineLost) {
      const current = await this.session(pending)
      if (current.result.exitCode === 0) {
        await Promise.all(pending.map((state) => this.measure(state, current)))
        return
      }
      pending = await this.afterFailure(pending, current)
    }
  }

  /**
   * Sorts out a failed session: images whose export finished are measured, an engine that
   * is gone stops the run, failed images get their error and log. Returns what bake
   * cancelled and must be built again (undefined when nothing is left to do here).
   */
  private async afterFailure(
    pending: ImageState[],
    current: Session
  ): Promise<ImageState[] | undefined> {
    const { result, split, measured } = current
    const failed = pending.filter((state) => split.get(state.entry.target)?.error !== undefined)
    // Images whose export finished before bake gave up are built: keep them.
    const finished = pending.filter(
      (state) => !failed.includes(state) && measured.has(state.entry.target)
    )
    await Promise.all(finished.map((state) => this.measure(state, current)))
    if (await this.engineStopped(pending, finished, current)) return undefined
    if (failed.length === 0 && finished.length === 0) {
      const [only] = pending
      if (pending.length === 1 && only) {
        this.fail(only, unattributedError(result), result.progress.tail(LOG_TAIL_LINES))
        return undefined
      }
      // The stream blames no image (the session itself failed): build each on its own.
      this.deps.logger.info(
        `The session failed before any image did; building ${pending.map((state) => state.entry.target).join(', ')} one by one`
      )
      for (const state of pending) await this.build([state])
      return undefined
    }
    for (const state of failed) {
      const own = split.get(state.entry.target)
      this.fail(
        state,
        own?.error ?? unattributedError(result),
        result.progress.tailOf(own?.digests ?? new Set(), LOG_TAIL_LINES)
      )
    }
    const cancelled = pending.filter(
      (state) => !failed.includes(state) && !finished.includes(state)
    )
    if (cancelled.length > 0) {
      this.deps.logger.info(
        `bake cancelled ${cancelled.map((state) => state.entry.target).join(', ')} when ${failed.map((state) => state.entry.target).join(', ') || 'the session'} failed; building ${cancelled.length === 1 ? 'it' : 'them'} again`
      )
    }
    return cancelled
  }

  /**
   * No engine or no buildx is not the images' fault: asks (options.checkEngine) and, when
   * the engine is gone, stops the run and says why, once. Images that were under way keep
   * their own error and log; the rest were not built.
   */
  private async engineStopped(
    pending: ImageState[],
    finished: ImageState[],
    { result, split }: Session
  ): Promise<boolean> {
    const unfinished = pending.filter((state) => !finished.includes(state))
    const underWay = unfinished.filter(
      (state) => split.get(state.entry.target)?.startedMs !== undefined
    )
    try {
      await this.options.checkEngine?.(
        (underWay.length > 0 ? underWay : unfinished).map((state) => state.entry.image)
      )
      return false
    } catch (error) {
      if (!(error instanceof EngineError)) throw error
      this.engineLost ??= error
      const said = [...result.progress.tail(LOG_TAIL_LINES)]
        .reverse()
        .find((line) => line.startsWith('ERROR'))
      for (const state of underWay) {
        const own = split.get(state.entry.target)
        this.fail(
          state,
          own?.error ?? `interrupted when the engine stopped answering${said ? ` (${said})` : ''}`,
          result.progress.tailOf(own?.digests ?? new Set(), LOG_TAIL_LINES)
        )
      }
      return true
    }
  }

  /** One `docker buildx bake` of a group; each image is inspected once its export is done. */
  private async session(group: ImageState[]): Promise<Session> {
    const { options, deps } = this
    const file = path.join(options.scratch, `bake-${++this.sessions}.json`)
    const definition = bakeFile(
      group.map((state) => state.entry),
      options.settings
    )
    await deps.fs.writeFileAtomic(file, `${JSON.stringify(definition, null, 2)}\n`)
    const targets = group.map((state) => state.entry.target)
    const args = bakeArgs(file, targets, options.settings.builder)
    deps.logger.info(displayCommand('docker', args))
    deps.logger.debug(`${file}:\n${JSON.stringify(definition, null, 2)}`)
    const measured = new Map<string, Promise<ImageDetails>>()
    const progress = new BuildProgress({
      onStepDone: (step) => {
        const target = step.error === undefined ? exportedTarget(step.name, targets) : undefined
        const state = group.find((candidate) => candidate.entry.target === target)
        if (target === undefined || !state || measured.has(target)) return
        const details = this.inspect(state.entry.image.ref)
        details.catch(() => undefined) // settled in measure(), after the session
        measured.set(target, details)
        this.options.onImageExported?.(state.entry.image, details)
      }
    })
    // Concurrent one-image sessions interleave in the log: say whose line each is.
    const prefix = this.pool ? `${targets[0]} | ` : ''
    const start = deps.now()
    const running = deps.docker.build(
      args,
      (line) => deps.logger.info(`${prefix}${line}`),
      progress,
      options.env
    )
    options.onBuildStarted?.()
    const result = await running
    const wallMs = deps.now() - start
    const steps = result.progress.steps()
    for (const key of executedKeys(steps, targets.length > 1)) this.executedInRun.add(key)
    const split = splitByTarget(steps, targets)
    for (const state of group) {
      const own = split.get(state.entry.target)
      state.steps = own?.dockerfileSteps ?? []
      state.durationMs +=
        own?.startedMs !== undefined && own.completedMs !== undefined
          ? own.completedMs - own.startedMs
          : wallMs
    }
    return { result, split, measured }
  }

  private fail(state: ImageState, error: string, logTail: string[]): void {
    // Logged with the build; the step's verdict states the failure once, as an error.
    this.deps.logger.info(`${state.entry.image.ref}: build failed: ${error}`)
    state.outcome = failedOutcome(state.entry.image, error, { logTail })
  }

  /** Inspects a built image and records its outcome; one that cannot be measured failed. */
  private async measure(state: ImageState, current: Session): Promise<void> {
    const { image, target } = state.entry
    const { logger } = this.deps
    let details: ImageDetails
    try {
      details = await inspectBuilt(image.ref, current.measured.get(target), this.inspect, this.deps)
    } catch (failure) {
      const message = `built, but could not be measured: ${errorMessage(failure)}`
      logger.info(`${image.ref}: ${message}`)
      const digests = current.split.get(target)?.digests ?? new Set()
      state.outcome = failedOutcome(image, message, {
        logTail: current.result.progress.tailOf(digests, LOG_TAIL_LINES)
      })
      return
    }
    logger.info(
      `${image.ref}: ${imageSize(details.history)} bytes in ${details.diffIds.length} layers`
    )
    state.outcome = {
      image,
      ok: true,
      durationMs: 0,
      imageId: details.id,
      inspectSizeBytes: details.inspectSizeBytes,
      history: details.history,
      diffIds: details.diffIds,
      ...(details.platform ? { platform: details.platform } : {})
    }
  }
}

/** The best explanation of a failed session that no vertex error pins on an image. */
function unattributedError(result: BakeResult): string {
  const stepError = result.progress
    .steps()
    .map((step) => step.error)
    .find((error) => error !== undefined && !isCancellation(error))
  return (
    stepError ??
    [...result.progress.tail(LOG_TAIL_LINES)].reverse().find((line) => line.startsWith('ERROR')) ??
    `docker buildx bake exited with code ${result.exitCode}`
  )
}
