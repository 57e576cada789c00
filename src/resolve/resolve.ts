// The resolve stage, between the plan and the image builds: when the generated Dockerfile
// installs Python packages, its resolution stage (plan/pip-steps.ts) is built first, alone,
// in a bake call of its own whose only output is the resolution's report. The action reads
// it before any image is built: a conflict, a missing package, an index that does not
// answer or a base image without pip stops the run here, explained (errors.ts), with
// nothing built or pushed. The image builds that follow get the same stage from BuildKit's
// cache (same inputs, same key, same secret id), so the images install exactly what the
// report says.
//
// Why a stage of the build rather than a `docker run` on every run: BuildKit caches it like
// any step (and `cache: gha|registry` can carry it), refreshed when its inputs change, once
// a UTC day (NB_PIP_RESOLVE_KEY), or with no-cache; a warm run with nothing changed then
// downloads nothing.
import path from 'node:path'
import type { Deps } from '../adapters/deps.js'
import {
  bakeArgs,
  displayCommand,
  escapeHcl,
  imageCache,
  type BakeFile,
  type BakeTarget,
  type BuildSettings,
  type PythonBuild
} from '../build/bake.js'
import { BuildProgress } from '../build/progress.js'
import { executedKeys } from '../build/target-steps.js'
import { readRequirementFiles } from '../manifest/requirement-files.js'
import type { Manifest } from '../manifest/types.js'
import { listStages } from '../plan/dockerfile.js'
import {
  PIP_CONF_SECRET,
  PIP_INPUT_CONTEXT,
  PIP_REPORT_STAGE,
  PIP_RESOLVE_KEY,
  PIP_RESOLVE_STAGE
} from '../plan/pip-steps.js'
import type { BuildPlan, ImagePlan } from '../plan/types.js'
import { errorMessage } from '../utils/errors.js'
import { displayPath } from '../utils/paths.js'
import type { Logger } from '../utils/logger.js'
import { buildFailure, findResolverError, ResolutionError, resolverFailure } from './errors.js'
import { resolverInputs } from './inputs.js'
import {
  indexSettings,
  indexWarnings,
  pipConf,
  publicIndexes,
  type IndexInputs
} from './pip-config.js'
import {
  describeDifference,
  differingVersions,
  pins,
  readResolution,
  type PythonResolution
} from './resolution.js'

/** The environment variable the pip.conf reaches bake in (`secret: id=…,env=…`). */
export const PIP_CONF_ENV = 'NB_PIP_CONF'

/** What the resolve stage needs of the run. */
export interface ResolveOptions {
  manifest: Manifest
  plan: BuildPlan
  manifestDir: string
  workspace: string
  /** The run's scratch folder: the bake file and the exported report go there. */
  scratch: string
  settings: BuildSettings
  indexes: IndexInputs
}

/** A resolution made, and what the image builds need of it. */
export interface ResolvedPython {
  resolution: PythonResolution
  /** For the images' bake targets (BuildSettings.python). */
  build: PythonBuild
  /** For the bake commands' environment only: the pip.conf. */
  env: Record<string, string>
  /** Steps the resolution's bake call ran, so the images do not count them as cache hits. */
  executed: Set<string>
}

/** The adapters the stage uses. */
export type ResolveDeps = Pick<Deps, 'docker' | 'fs' | 'logger'> & { now: () => number }

/**
 * Resolves the Python packages of every image built from the generated Dockerfile, when it
 * installs any; undefined when it does not. Throws a ManifestError (located at the lines
 * at fault) or a ResolutionError, before any image is built.
 */
export async function resolvePython(
  options: ResolveOptions,
  deps: ResolveDeps
): Promise<ResolvedPython | undefined> {
  const { manifest, plan, settings } = options
  const generated = plan.images.filter((image) => image.generated)
  const dockerfile = plan.generatedDockerfile
  if (generated.length === 0 || !dockerfile) return undefined
  const stages = listStages(dockerfile.content).map((stage) => stage.name)
  if (!stages.includes(PIP_RESOLVE_STAGE)) return undefined

  const indexes = indexSettings(manifest, options.indexes)
  const requirements = await readRequirementFiles(
    manifest,
    options.manifestDir,
    options.workspace,
    deps.fs
  )
  const inputs = resolverInputs(manifest, requirements, {
    indexes: publicIndexes(indexes),
    indexSettings: indexes.given
  })
  // Beside the generated Dockerfile, so a tier can be built by hand with the same inputs.
  const folder = path.join(path.dirname(dockerfile.path), 'pip')
  await deps.fs.remove(folder)
  for (const [name, content] of inputs.files)
    await deps.fs.writeFileAtomic(path.join(folder, name), content)

  const args = resolutionArgs(manifest, generated, deps.now())
  const build: PythonBuild = {
    contexts: { [PIP_INPUT_CONTEXT]: folder },
    secrets: [`id=${PIP_CONF_SECRET},env=${PIP_CONF_ENV}`],
    args: { [PIP_RESOLVE_KEY]: args[PIP_RESOLVE_KEY] ?? '' },
    noCacheStages: stages.filter(
      (stage) => stage !== PIP_RESOLVE_STAGE && stage !== PIP_REPORT_STAGE
    )
  }
  const env = { [PIP_CONF_ENV]: pipConf(indexes) }
  const baseImage = args['BASE_IMAGE'] ?? manifest.baseImage ?? ''
  const context = {
    manifest,
    baseImage,
    sources: inputs.sources,
    tiers: manifest.tiers.filter((tier) => tier.dockerfile === undefined).map((t) => t.name),
    indexes: publicIndexes(indexes)
  }
  const title = `Resolve Python packages (pythonConsistency: ${manifest.pythonConsistency ?? 'all-tiers'}) in ${baseImage}`
  return deps.logger.group(title, async () => {
    for (const warning of indexWarnings(indexes)) deps.logger.warning(warning)
    deps.logger.info(
      `Index: ${context.indexes.length > 0 ? context.indexes.join(', ') : "the base image's pip settings"}; inputs in ${displayPath(options.workspace, folder)}`
    )
    const target = resolutionTarget(options, generated, dockerfile.path, args, build)
    const out = path.join(options.scratch, 'pip-report')
    target.output = [`type=local,dest=${escapeHcl(out)}`]
    const file = path.join(options.scratch, 'bake-pip.json')
    const definition: BakeFile = { target: { [PIP_REPORT_STAGE]: target } }
    await deps.fs.writeFileAtomic(file, `${JSON.stringify(definition, null, 2)}\n`)
    const bake = bakeArgs(file, [PIP_REPORT_STAGE], settings.builder)
    deps.logger.info(displayCommand('docker', bake))
    const lines: string[] = []
    const result = await deps.docker.build(
      bake,
      (line) => {
        lines.push(line)
        deps.logger.info(line)
      },
      new BuildProgress(),
      env
    )
    if (result.exitCode !== 0) {
      const detail = findResolverError(lines)
      throw detail ? resolverFailure(detail, context) : buildFailure(lines, context)
    }
    let resolution: PythonResolution
    try {
      resolution = readResolution(
        new TextDecoder().decode(await deps.fs.readFile(path.join(out, 'resolution.json')))
      )
    } catch (error) {
      throw new ResolutionError(
        `Python packages: the resolution's report could not be read (${errorMessage(error)})`
      )
    }
    if (
      resolution.sharedError !== undefined &&
      plan.images.some((image) => image.generated && image.name === 'shared')
    ) {
      const detail = resolution.sharedError
      throw typeof detail === 'object' && detail !== null
        ? resolverFailure(detail as Record<string, unknown>, context)
        : new ResolutionError('Python packages: the tiers cannot share one image')
    }
    tell(resolution, plan, deps.logger)
    const executed = executedKeys(result.progress.steps(), false)
    return { resolution, build, env, executed }
  })
}

/**
 * The build args of the resolution: the generated images' shared ones (BASE_IMAGE, the
 * manifest's buildArgs) and its key, the UTC day, unless the plan already sets one.
 */
function resolutionArgs(
  manifest: Manifest,
  generated: ImagePlan[],
  now: number
): Record<string, string> {
  const args: Record<string, string> = {}
  if (manifest.baseImage !== undefined) args['BASE_IMAGE'] = manifest.baseImage
  Object.assign(args, manifest.buildArgs)
  const planned = generated.find((image) => image.buildArgs[PIP_RESOLVE_KEY] !== undefined)
  args[PIP_RESOLVE_KEY] =
    planned?.buildArgs[PIP_RESOLVE_KEY] ?? new Date(now).toISOString().slice(0, 10)
  return args
}

/** The bake target of the report stage: the images' context, Dockerfile and caches. */
function resolutionTarget(
  options: ResolveOptions,
  generated: ImagePlan[],
  dockerfile: string,
  args: Record<string, string>,
  build: PythonBuild
): BakeTarget {
  const { settings } = options
  const first = generated[0]
  const cacheFrom = [
    ...(settings.cache
      ? generated.flatMap(
          (image) => imageCache(settings.cache ?? 'gha', settings.repository, image.name).from
        )
      : []),
    ...settings.cacheFrom
  ]
  const target: BakeTarget = {
    context: escapeHcl(first?.context ?? path.dirname(dockerfile)),
    dockerfile: escapeHcl(dockerfile),
    target: PIP_REPORT_STAGE,
    tags: [],
    args: Object.fromEntries(
      Object.entries(args).map(([key, value]) => [escapeHcl(key), escapeHcl(value)])
    ),
    contexts: Object.fromEntries(
      Object.entries(build.contexts).map(([key, value]) => [key, escapeHcl(value)])
    ),
    secret: build.secrets,
    // The local export would otherwise carry a provenance attestation of the build.
    attest: ['type=provenance,disabled=true'],
    output: []
  }
  if (cacheFrom.length > 0) target['cache-from'] = [...new Set(cacheFrom)].map(escapeHcl)
  if (settings.noCache) target['no-cache'] = true
  return target
}

/** The log's account of the resolution: every image's packages, and what differs. */
function tell(resolution: PythonResolution, plan: BuildPlan, logger: Logger): void {
  logger.info(
    `pip ${resolution.pip}, Python ${resolution.python}: ${resolution.files.length} files (${resolution.files.reduce((sum, file) => sum + file.bytes, 0)} bytes)`
  )
  for (const [image, packages] of Object.entries(resolution.images))
    logger.info(`${image}: ${pins(packages) || '(no Python packages)'}`)
  for (const warning of resolution.warnings) logger.warning(`pip: ${warning}`)
  if (resolution.consistency !== 'per-tier') return
  const built = plan.images.filter((image) => image.generated && image.name !== 'shared')
  const differences = differingVersions(
    resolution,
    built.map((image) => image.name)
  )
  if (differences.length > 0) {
    logger.warning(
      `pythonConsistency: per-tier: ${differences.length} package${differences.length === 1 ? ' has' : 's have'} different versions in different images: ${differences.map(describeDifference).join('; ')}`
    )
  }
}
