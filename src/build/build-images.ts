import { retry } from '../utils/retry.js'
import path from 'node:path'
import type { Deps } from '../adapters/deps.js'
import type { BakeResult, ImageDetails } from '../adapters/docker.js'
import { bakeArgs, bakeFile, bakeTargetNames, type BakeEntry } from './bake.js'
import {
  countSteps,
  executedKeys,
  exportedTarget,
  isCancellation,
  splitByTarget,
  type KeyedStep,
  type TargetSteps
} from './target-steps.js'
import type { BuildSettings } from './build-settings.js'
import { EngineError, errorMessage } from '../utils/errors.js'
import { BuildProgress } from './progress.js'
import type { BuildEnd, BuildOutcome } from '../report/build-report.js'
import { formatDuration } from '../utils/size.js'
import type { ImagePlan } from '../plan/types.js'

/** Lines of a failed build's log kept in the report. */
export const LOG_TAIL_LINES = 30

/** At most this many images are inspected (`docker image inspect` + `docker history`) at once. */
const MEASURE_CONCURRENCY = 6

/** Inspections of a built image after bake exits: at once, then after these waits (ms). */
const INSPECT_RETRY_DELAYS_MS = [500, 1500]

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
  const { logger } = deps
  const names = bakeTargetNames(images)
  const states = images.map((image, index): ImageState => ({
    entry: { target: names[index] ?? image.name, image },
    durationMs: 0,
    steps: []
  }))
  const executedInRun = new Set<string>()
  const inspect = limited(MEASURE_CONCURRENCY, (ref: string) => deps.docker.inspectImage(ref))
  let sessions = 0
  const pool = options.maxParallelism > 0 && states.length > options.maxParallelism

  const session = async (group: ImageState[]): Promise<Session> => {
    const number = ++sessions
    const file = path.join(options.scratch, `bake-${number}.json`)
    const definition = bakeFile(
      group.map((state) => state.entry),
      options.settings
    )
    await deps.fs.writeFileAtomic(file, `${JSON.stringify(definition, null, 2)}\n`)
    const targets = group.map((state) => state.entry.target)
    const args = bakeArgs(file, targets, options.settings.builder)
    logger.info(`docker ${args.map(quoteForDisplay).join(' ')}`)
    logger.debug(`${file}:\n${JSON.stringify(definition, null, 2)}`)
    const measured = new Map<string, Promise<ImageDetails>>()
    const progress = new BuildProgress({
      onStepDone: (step) => {
        const target = step.error === undefined ? exportedTarget(step.name, targets) : undefined
        const state = group.find((candidate) => candidate.entry.target === target)
        if (target === undefined || !state || measured.has(target)) return
        const details = inspect(state.entry.image.ref)
        details.catch(() => undefined) // settled below, after the session
        measured.set(target, details)
      }
    })
    // Concurrent one-image sessions interleave in the log: say whose line each is.
    const prefix = pool ? `${targets[0]} | ` : ''
    const start = deps.now()
    const running = deps.docker.build(args, (line) => logger.info(`${prefix}${line}`), progress)
    options.onBuildStarted?.()
    const result = await running
    const wallMs = deps.now() - start
    const steps = result.progress.steps()
    for (const key of executedKeys(steps, targets.length > 1)) executedInRun.add(key)
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

  const fail = (state: ImageState, error: string, logTail: string[]): void => {
    // Logged with the build; the step's verdict states the failure once, as an error.
    logger.info(`${state.entry.image.ref}: build failed: ${error}`)
    state.outcome = { image: state.entry.image, ok: false, durationMs: 0, error, logTail }
  }

  // Inspects a built image: an image another builder loads into the engine after its export
  // (not the docker driver) may not be there yet when the stream says the export is done.
  const measure = async (state: ImageState, current: Session): Promise<void> => {
    const { image, target } = state.entry
    // The inspection started during the session, then again once bake has exited, then
    // after short waits: right after an export the engine has been seen to answer "snapshot
    // … does not exist" for an image it has just stored (Docker 26, containerd image store).
    const started = current.measured.get(target)
    const waits = started ? [0, ...INSPECT_RETRY_DELAYS_MS] : INSPECT_RETRY_DELAYS_MS
    let details: ImageDetails
    try {
      details = await retry(
        (attempt) =>
          (attempt === 1 && started ? started : inspect(image.ref)).catch((error: unknown) => {
            logger.debug(`${image.ref}: inspection failed (${errorMessage(error)})`)
            throw error
          }),
        {
          tries: waits.length + 1,
          delay: (_error, attempt) => waits[attempt - 1] ?? null,
          ...(deps.sleep ? { sleep: deps.sleep } : {})
        }
      )
    } catch (failure) {
      const message = `built, but could not be measured: ${errorMessage(failure)}`
      logger.info(`${image.ref}: ${message}`)
      const digests = current.split.get(target)?.digests ?? new Set()
      state.outcome = {
        image,
        ok: false,
        durationMs: 0,
        error: message,
        logTail: current.result.progress.tailOf(digests, LOG_TAIL_LINES)
      }
      return
    }
    const sizeBytes = details.history.reduce((sum, row) => sum + row.sizeBytes, 0)
    logger.info(`${image.ref}: ${sizeBytes} bytes in ${details.diffIds.length} layers`)
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

  let engineLost: EngineError | undefined

  // Builds a group in one session; what a failure cancelled goes again until none is left.
  const build = async (group: ImageState[]): Promise<void> => {
    let pending = group
    while (pending.length > 0 && !engineLost) {
      const current = await session(pending)
      const { result, split, measured } = current
      if (result.exitCode === 0) {
        await Promise.all(pending.map((state) => measure(state, current)))
        return
      }
      const targets = pending.map((state) => state.entry.target)
      const failed = pending.filter((state) => split.get(state.entry.target)?.error !== undefined)
      // Images whose export finished before bake gave up are built: keep them.
      const finished = pending.filter(
        (state) => !failed.includes(state) && measured.has(state.entry.target)
      )
      await Promise.all(finished.map((state) => measure(state, current)))
      // No engine or no buildx is not the images' fault: stop the run and say why, once.
      // Images that were under way keep their own error and log; the rest were not built.
      const unfinished = pending.filter((state) => !finished.includes(state))
      const underWay = unfinished.filter(
        (state) => split.get(state.entry.target)?.startedMs !== undefined
      )
      try {
        await options.checkEngine?.(
          (underWay.length > 0 ? underWay : unfinished).map((state) => state.entry.image)
        )
      } catch (error) {
        if (!(error instanceof EngineError)) throw error
        engineLost ??= error
        const said = [...result.progress.tail(LOG_TAIL_LINES)]
          .reverse()
          .find((line) => line.startsWith('ERROR'))
        for (const state of underWay) {
          const own = split.get(state.entry.target)
          fail(
            state,
            own?.error ??
              `interrupted when the engine stopped answering${said ? ` (${said})` : ''}`,
            result.progress.tailOf(own?.digests ?? new Set(), LOG_TAIL_LINES)
          )
        }
        return
      }
      if (failed.length === 0 && finished.length === 0) {
        const [only] = pending
        if (pending.length === 1 && only) {
          fail(only, unattributedError(result), result.progress.tail(LOG_TAIL_LINES))
          return
        }
        // The stream blames no image (the session itself failed): build each on its own.
        logger.info(
          `The session failed before any image did; building ${targets.join(', ')} one by one`
        )
        for (const state of pending) await build([state])
        return
      }
      for (const state of failed) {
        const own = split.get(state.entry.target)
        fail(
          state,
          own?.error ?? unattributedError(result),
          result.progress.tailOf(own?.digests ?? new Set(), LOG_TAIL_LINES)
        )
      }
      pending = pending.filter((state) => !failed.includes(state) && !finished.includes(state))
      if (pending.length > 0) {
        logger.info(
          `bake cancelled ${pending.map((state) => state.entry.target).join(', ')} when ${failed.map((state) => state.entry.target).join(', ') || 'the session'} failed; building ${pending.length === 1 ? 'it' : 'them'} again`
        )
      }
    }
  }

  if (pool) {
    const queue = [...states]
    const worker = async (): Promise<void> => {
      for (let state = queue.shift(); state && !engineLost; state = queue.shift())
        await build([state])
    }
    await Promise.all(Array.from({ length: options.maxParallelism }, worker))
  } else {
    await build(states)
  }

  const outcomes = states.map((state): BuildOutcome => {
    const counts = countSteps(state.steps, executedInRun)
    const outcome = state.outcome ?? {
      image: state.entry.image,
      ok: false as const,
      durationMs: 0,
      error: `not built: ${engineLost?.message ?? 'the build stopped'}`,
      logTail: []
    }
    logger.info(
      `${state.entry.image.name}: ${outcome.ok ? 'built' : state.outcome ? 'failed' : 'not built'} in ${formatDuration(state.durationMs)}, ${counts.cachedSteps} of ${counts.totalSteps} steps from the cache`
    )
    return { ...outcome, durationMs: state.durationMs, ...counts }
  })
  return engineLost ? { outcomes, engineLost } : { outcomes }
}

/** Wraps an async function so that at most `concurrency` calls run at once. */
function limited<A, R>(concurrency: number, fn: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let running = 0
  const waiting: (() => void)[] = []
  return async (arg) => {
    if (running < concurrency) running++
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await fn(arg)
    } finally {
      // A finished call hands its slot straight to the next one waiting, if any.
      const next = waiting.shift()
      if (next) next()
      else running--
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

function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}
