import path from 'node:path'
import type { BuildResult, DockerClient } from './adapters/docker.js'
import type { FileSystem } from './adapters/fs.js'
import { bakeArgs, bakeFile, bakeTargetNames, type BakeEntry } from './bake.js'
import {
  countSteps,
  executedKeys,
  isCancellation,
  splitByTarget,
  type KeyedStep
} from './bake-progress.js'
import type { BuildSettings } from './buildx-args.js'
import { errorMessage } from './errors.js'
import type { Logger } from './logger.js'
import type { BuildEnd, BuildOutcome } from './report.js'
import { formatDuration } from './size.js'
import type { ImagePlan } from './types.js'

/** Lines of a failed build's log kept in the report. */
export const LOG_TAIL_LINES = 30

/** At most this many `docker image inspect`/`docker history` pairs run at once. */
const MEASURE_CONCURRENCY = 6

/** How the images of a run are built. */
export interface BuildImagesOptions {
  settings: BuildSettings
  /** Most images built at once; 0 builds them all in one session. */
  maxParallelism: number
  /** Folder for the bake files. */
  scratch: string
  /**
   * Settles when the engine has answered (or rejects with why it cannot build); awaited
   * before a failed session is blamed on its images.
   */
  engineReady?: Promise<unknown>
}

/** The adapters the builds use. */
export interface BuildImagesDeps {
  docker: DockerClient
  fs: FileSystem
  logger: Logger
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

/** One finished `docker buildx bake` call and its steps split by target. */
interface Session {
  result: BuildResult
  split: ReturnType<typeof splitByTarget>
}

/**
 * Builds every image with `docker buildx bake` and measures the ones that built.
 *
 * All images go into one BuildKit session, where the stages they share are built once and
 * the rest run concurrently. With `maxParallelism` below the number of images, that many
 * sessions of one image each run at a time instead (BuildKit still shares identical steps
 * between them). When one image fails, bake cancels the others; they are built again in a
 * new session, which picks up whatever the first one finished from the cache, so one bad
 * tier never costs the others their verdict.
 *
 * Each image's `durationMs` is the span of its own steps in the progress stream, the shared
 * ones included (summed over sessions when it had to be built again); `cachedSteps` and
 * `totalSteps` count its Dockerfile steps and the cache hits among them.
 */
export async function buildImages(
  images: ImagePlan[],
  options: BuildImagesOptions,
  deps: BuildImagesDeps
): Promise<BuildOutcome[]> {
  const { logger } = deps
  const names = bakeTargetNames(images)
  const states = images.map((image, index): ImageState => ({
    entry: { target: names[index] ?? image.name, image },
    durationMs: 0,
    steps: []
  }))
  const executedInRun = new Set<string>()
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
    // Concurrent one-image sessions interleave in the log: say whose line each is.
    const prefix = pool ? `${targets[0]} | ` : ''
    const start = deps.now()
    const result = await deps.docker.build(args, (line) => logger.info(`${prefix}${line}`))
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
    return { result, split }
  }

  const fail = (state: ImageState, error: string, logTail: string[]): void => {
    logger.error(`${state.entry.image.ref}: build failed: ${error}`)
    state.outcome = { image: state.entry.image, ok: false, durationMs: 0, error, logTail }
  }

  // Builds a group in one session; survivors of a failure go again until none is left.
  const build = async (group: ImageState[]): Promise<void> => {
    let pending = group
    while (pending.length > 0) {
      const { result, split } = await session(pending)
      if (result.exitCode === 0) {
        await measure(pending, { result, split }, deps)
        return
      }
      // No engine or no buildx is not the images' fault: this throws why, for the whole run.
      await options.engineReady
      const targets = pending.map((state) => state.entry.target)
      const failed = pending.filter((state) => split.get(state.entry.target)?.error !== undefined)
      if (failed.length === 0) {
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
      pending = pending.filter((state) => !failed.includes(state))
      if (pending.length > 0) {
        logger.info(
          `bake cancelled ${pending.map((state) => state.entry.target).join(', ')} when ${failed.map((state) => state.entry.target).join(', ')} failed; building ${pending.length === 1 ? 'it' : 'them'} again`
        )
      }
    }
  }

  if (pool) {
    const queue = [...states]
    const worker = async (): Promise<void> => {
      for (let state = queue.shift(); state; state = queue.shift()) await build([state])
    }
    await Promise.all(Array.from({ length: options.maxParallelism }, worker))
  } else {
    await build(states)
  }

  return states.map((state): BuildOutcome => {
    const counts = countSteps(state.steps, executedInRun)
    const outcome = state.outcome ?? {
      image: state.entry.image,
      ok: false as const,
      durationMs: 0,
      error: 'not built',
      logTail: []
    }
    logger.info(
      `${state.entry.image.name}: ${outcome.ok ? 'built' : 'failed'} in ${formatDuration(state.durationMs)}, ${counts.cachedSteps} of ${counts.totalSteps} steps from the cache`
    )
    return { ...outcome, durationMs: state.durationMs, ...counts }
  })
}

/** Inspects the images a session built, a few at a time. */
async function measure(
  group: ImageState[],
  { result, split }: Session,
  deps: BuildImagesDeps
): Promise<void> {
  const queue = [...group]
  const worker = async (): Promise<void> => {
    for (let state = queue.shift(); state; state = queue.shift()) {
      const { image } = state.entry
      try {
        const details = await deps.docker.inspectImage(image.ref)
        const sizeBytes = details.history.reduce((sum, row) => sum + row.sizeBytes, 0)
        deps.logger.info(`${image.ref}: ${sizeBytes} bytes in ${details.diffIds.length} layers`)
        state.outcome = {
          image,
          ok: true,
          durationMs: 0,
          imageId: details.id,
          inspectSizeBytes: details.inspectSizeBytes,
          history: details.history,
          diffIds: details.diffIds
        }
      } catch (error) {
        const message = `built, but could not be measured: ${errorMessage(error)}`
        deps.logger.error(`${image.ref}: ${message}`)
        const digests = split.get(state.entry.target)?.digests ?? new Set()
        state.outcome = {
          image,
          ok: false,
          durationMs: 0,
          error: message,
          logTail: result.progress.tailOf(digests, LOG_TAIL_LINES)
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(MEASURE_CONCURRENCY, group.length) }, worker))
}

/** The best explanation of a failed session that no vertex error pins on an image. */
function unattributedError(result: BuildResult): string {
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
