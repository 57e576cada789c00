// The steps every mode begins with: read the manifest, then plan the images and check the
// files they are built from. Bad input stops here, before anything is built.
import path from 'node:path'
import type { Deps } from '../adapters/deps.js'
import type { DockerClient, EngineInfo } from '../adapters/docker.js'
import { checkPaths, checkTargets, type StageSource } from '../manifest/check-files.js'
import type { TargetsAnswer } from '../plan/dockerfile-targets.js'
import { parseManifest } from '../manifest/parse.js'
import { planBuild, utcDay } from '../plan/plan.js'
import type { Manifest } from '../manifest/types.js'
import type { TierChange } from '../plan/dockerfile.js'
import type { BuildPlan, ImagePlan } from '../plan/types.js'
import { EngineError, errorMessage, InputError } from '../utils/errors.js'
import { displayPath, isInside } from '../utils/paths.js'
import type { RunOptions } from './options.js'

/** The manifest path as shown to users and written in reports: relative to the workspace. */
export function manifestFile(options: Pick<RunOptions, 'workspace' | 'manifestPath'>): string {
  return displayPath(options.workspace, options.manifestPath)
}

/** Reads and validates the manifest, which must lie inside the workspace. */
export async function readManifest(
  options: RunOptions,
  deps: Pick<Deps, 'fs' | 'logger'>
): Promise<Manifest> {
  const file = manifestFile(options)
  return deps.logger.group(`Read ${file}`, async () => {
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
        `manifest: cannot read ${file} (${errorMessage(error)}); point the manifest input (--manifest on the command line) at your tier manifest${from}`
      )
    }
    const parsed = parseManifest(bytes, file)
    deps.logger.info(
      `${parsed.tiers.length} tier(s): ${parsed.tiers.map((t) => t.name).join(', ')}`
    )
    return parsed
  })
}

/**
 * The stages of Dockerfiles as the run's builder reads them: the engine is asked for its
 * buildx version first (`engine`, asked once per run), then buildx for the targets. With no
 * engine, a build stops there (`needsEngine`: its EngineError says why), while `mode: plan`,
 * which needs none, leaves every file to the local parser.
 */
export function builderStages(
  docker: Pick<DockerClient, 'listTargets'>,
  engine: () => Promise<EngineInfo>,
  builder: string | undefined,
  needsEngine = false
): StageSource {
  return async (questions) => {
    let info: EngineInfo
    try {
      info = await engine()
    } catch (error) {
      if (needsEngine && error instanceof EngineError) throw error
      const unavailable: TargetsAnswer = {
        unavailable: `no Docker engine answered: ${errorMessage(error)}`
      }
      return new Map(questions.map((question) => [question.dockerfile, unavailable]))
    }
    return docker.listTargets(questions, {
      buildxVersion: info.buildxVersion,
      ...(builder ? { builder } : {})
    })
  }
}

/**
 * What one build of a comparison (pipeline/compare.ts) changes in the plan; a plain build
 * changes nothing.
 */
export interface PlanVariant {
  /** Where the generated Dockerfile goes, instead of `.nb-image/Dockerfile` by the manifest. */
  generatedDockerfilePath?: string
  /** A synthetic change of one tier in the generated Dockerfile. */
  change?: TierChange
  /** The reference each image is loaded under, instead of `<image>:<name>`. */
  ref?: (image: ImagePlan) => string
}

/** One build of a comparison: a manifest given rather than read, and a changed plan. */
export interface BuildVariant extends PlanVariant {
  /** Built instead of the manifest at `options.manifestPath` (which still names it). */
  manifest?: Manifest
}

/**
 * Plans the build and checks every path; writes the generated Dockerfile.
 * `variant` is for a comparison's builds; `startedMs` is when the run started (default now):
 * its UTC day keys the package indexes.
 */
export async function preparePlan(
  manifest: Manifest,
  options: RunOptions,
  deps: Pick<Deps, 'fs' | 'logger' | 'now'>,
  variant: PlanVariant = {},
  startedMs = (deps.now ?? Date.now)()
): Promise<BuildPlan> {
  const { logger, fs } = deps
  const manifestDir = path.dirname(options.manifestPath)
  const plan = planBuild(manifest, {
    manifestDir,
    strategy: options.strategy,
    thresholdBytes: options.thresholdBytes,
    maxGrowth: options.maxGrowth,
    tiers: options.tiers,
    refreshKey: utcDay(startedMs),
    ...(variant.generatedDockerfilePath !== undefined
      ? { generatedDockerfilePath: variant.generatedDockerfilePath }
      : {}),
    ...(variant.change !== undefined ? { change: variant.change } : {})
  })
  const { ref } = variant
  if (ref) plan.images = plan.images.map((image) => ({ ...image, ref: ref(image) }))
  await logger.group('Plan images', async () => {
    await checkPaths(manifest, manifestDir, options.workspace, fs)
    if (plan.generatedDockerfile) {
      await fs.writeFileAtomic(plan.generatedDockerfile.path, plan.generatedDockerfile.content)
      logger.info(
        `Generated ${displayPath(options.workspace, plan.generatedDockerfile.path)}:\n${plan.generatedDockerfile.content}`
      )
    }
    for (const image of plan.images) {
      logger.info(
        `${image.name}: ${image.ref} from ${displayPath(options.workspace, image.dockerfile)}${image.target ? ` --target ${image.target}` : ''}, budget ${image.thresholdBytes} bytes (${image.thresholdSource})`
      )
    }
  })
  return plan
}

/**
 * Checks that every Dockerfile the manifest points at reads as BuildKit reads it, and that
 * every target is one of its stages (`stages`: BuildKit's own answer; the local parser
 * without it). After the inputs' own checks, so that bad input never needs an engine.
 */
export async function checkDockerfiles(
  manifest: Manifest,
  plan: BuildPlan,
  options: Pick<RunOptions, 'workspace'>,
  deps: Pick<Deps, 'fs' | 'logger'> & { stages?: StageSource }
): Promise<void> {
  await deps.logger.group('Check Dockerfiles and targets', () =>
    checkTargets(manifest, plan, options.workspace, deps)
  )
}
