import path from 'node:path'
import type { Deps } from '../adapters/deps.js'
import type { EngineInfo } from '../adapters/docker.js'
import {
  EngineError,
  errorMessage,
  InputError,
  ManifestError,
  NbImageError
} from '../utils/errors.js'
import { gitSource, type GitSource, type RunContext } from '../github/context.js'
import { collectNotebooks, type TierNotebooks } from '../manifest/notebooks.js'
import {
  gitSourceProblem,
  planNotebookValidationJobs,
  renderNotebookValidationJobs
} from './validation-jobs.js'
import { displayPath } from '../utils/paths.js'
import { publish, type PublishItem, type PublishOutcome } from './push.js'
import { SHARED_STAGE } from '../plan/dockerfile.js'
import {
  planTags,
  versionTags,
  type LatestMode,
  type TagTemplate,
  type VersionTags
} from './tags.js'
import type { BuildOutcome } from '../report/build-report.js'
import type { ImageReport, PublishReport, Report, ThresholdBasis } from '../report/types.js'
import type { Manifest } from '../manifest/types.js'
import type { BuildPlan } from '../plan/types.js'
import { TOOL_VERSION } from '../version.js'

// The pipeline's publishing steps, kept apart from building: what is decided before the
// first build (tags, whether pushing is allowed, which notebooks get jobs) and what runs
// after the verdict (push, read back, NotebookValidationJobs).

/** The publishing inputs, resolved. */
export interface PublishOptions {
  push: boolean
  tagTemplate: TagTemplate
  latest: LatestMode
  /** Length of the `sha-` tag's commit prefix. */
  shortShaLength?: number
  /** Push images built from a fork's pull request (off: such runs build and measure only). */
  allowForkPush: boolean
  /** The run's trigger: tags, the fork rule and where the notebooks are cloned from. */
  context: RunContext
  /** Where to write NotebookValidationJobs; undefined writes none. */
  nvjFile?: string
  nvjNamespace?: string
}

/** The adapters publishing uses. */
export type PublishingDeps = Pick<Deps, 'docker' | 'fs' | 'logger' | 'registry' | 'glob' | 'sleep'>

/** Everything decided about publishing before the first build. */
export interface PublishingPlan {
  options?: PublishOptions
  thresholdBasis: ThresholdBasis
  versions: VersionTags
  /** Image name → references, in push order. */
  tags: Record<string, string[]>
  /** Set when `push` is on but this run must not push (a fork's pull request). */
  skipped?: string
  notebooks: TierNotebooks[]
  git?: GitSource
  /** The report's publish section as it stands before pushing. */
  report: PublishReport
}

/**
 * Decides the tags and checks everything publishing needs, before any build: the engine
 * can measure a compressed budget, the event gives a version, the template gives valid
 * references, the notebooks globs stay in the repository. Throws the action's errors.
 */
export async function preparePublishing(
  manifest: Manifest,
  plan: BuildPlan,
  context: {
    options: PublishOptions | undefined
    thresholdBasis: ThresholdBasis
    /** What the engine said about itself; needed for (and only for) a compressed budget. */
    engine?: EngineInfo
    manifestDir: string
    workspace: string
  },
  deps: PublishingDeps
): Promise<PublishingPlan> {
  const { options, thresholdBasis, engine } = context
  const { logger } = deps
  if (thresholdBasis === 'compressed' && engine?.imageStore !== 'containerd') {
    throw new EngineError(
      `threshold-basis: compressed needs the containerd image store, where the engine keeps each image's compressed layers and pushes them as they are; this engine uses ${engine?.imageStore ?? 'an unknown store'}, which compresses only while pushing, so the size cannot be known before the push. Enable the containerd image store ("features": {"containerd-snapshotter": true} in daemon.json), or use threshold-basis: uncompressed.`
    )
  }
  const event = options?.context
  const empty: VersionTags = { version: null, tags: [], kind: 'none', warnings: [] }
  const versions = event
    ? versionTags(
        event,
        options.shortShaLength === undefined
          ? { latest: options.latest }
          : { latest: options.latest, shortShaLength: options.shortShaLength }
      )
    : empty
  const report: PublishReport = {
    requested: options?.push ?? false,
    event: event?.eventName ?? '',
    ref: event?.ref ?? '',
    version: versions.version
  }
  const result: PublishingPlan = {
    thresholdBasis,
    versions,
    tags: {},
    notebooks: [],
    report
  }
  if (!options || !event) return result
  result.options = options
  for (const warning of versions.warnings) logger.warning(`tags: ${warning}`)
  if (versions.tags.length > 0) {
    result.tags = planTags(
      plan.images.map((image) => ({ name: image.name, shared: image.name === SHARED_STAGE })),
      manifest.image,
      versions.tags,
      options.tagTemplate
    )
  }
  if (!options.push) return result
  if (versions.tags.length === 0) {
    throw new InputError(
      `push: the ${event.eventName || 'unknown'} event (ref "${event.ref}") gives no tag to push; push on releases, tag or branch pushes, or pull requests (the CLI takes --ref)`
    )
  }
  const pull = event.pullRequest
  if (pull?.fromFork && !options.allowForkPush) {
    result.skipped = `pull request from the fork ${pull.headRepository ?? '(deleted fork)'}: images built from a fork's code are not pushed to ${pull.baseRepository}'s registry (set allow-fork-push: true to allow it)`
    report.skipped = result.skipped
    logger.warning(`push: ${result.skipped}; building and measuring only`)
    return result
  }
  if (!deps.registry) throw new NbImageError('push: no registry client was given')
  if (options.nvjFile !== undefined && manifest.tiers.some((tier) => tier.notebooks.length > 0)) {
    const git = gitSource(event)
    if (!git) {
      // Nothing to clone from (no repository known, or a trigger without branch or tag): the
      // images are still worth pushing; the jobs are not worth guessing.
      logger.warning(
        `nvj-file: the ${event.eventName || 'run'} (ref "${event.ref}") names no repository branch or tag for the operator to clone the notebooks from, so no NotebookValidationJob is written${event.repository ? '' : ' (set GITHUB_REPOSITORY outside GitHub Actions)'}`
      )
      return result
    }
    const problem = gitSourceProblem(git)
    if (problem) throw new InputError(`nvj-file: ${problem}`)
    result.git = git
    result.notebooks = await findNotebooks(manifest, context.manifestDir, context.workspace, deps)
  }
  return result
}

async function findNotebooks(
  manifest: Manifest,
  manifestDir: string,
  workspace: string,
  deps: PublishingDeps
): Promise<TierNotebooks[]> {
  if (!deps.glob) throw new NbImageError('nvj-file: no glob function was given')
  const root = await deps.fs.realpath(workspace)
  const matches: Record<string, { file: string; real: string }[]> = {}
  for (const tier of manifest.tiers) {
    if (tier.notebooks.length === 0) continue
    try {
      matches[tier.name] = await deps.glob(tier.notebooks, manifestDir)
    } catch (error) {
      throw new InputError(`notebooks of tier ${tier.name}: ${errorMessage(error)}`)
    }
  }
  const { tiers, issues } = collectNotebooks(manifest, root, relocate(matches, workspace, root))
  if (issues.length > 0) throw new ManifestError(issues)
  for (const { tier, notebooks } of tiers) {
    const tierDef = manifest.tiers.find((candidate) => candidate.name === tier)
    if (notebooks.length === 0) {
      deps.logger.warning(
        `notebooks: ${tierDef?.notebooks.join(', ') ?? ''} of tier ${tier} match no notebook; it gets no NotebookValidationJob`
      )
    } else {
      deps.logger.info(`${tier}: ${notebooks.length} notebook(s): ${notebooks.join(', ')}`)
    }
  }
  return tiers
}

/** Glob results under a symlinked workspace path, re-expressed under its real path. */
function relocate(
  matches: Record<string, { file: string; real: string }[]>,
  workspace: string,
  root: string
): Record<string, { file: string; real: string }[]> {
  if (path.resolve(workspace) === root) return matches
  const out: Record<string, { file: string; real: string }[]> = {}
  for (const [tier, list] of Object.entries(matches)) {
    out[tier] = list.map((match) => {
      const relative = path.relative(path.resolve(workspace), match.file)
      return relative.startsWith('..') ? match : { ...match, file: path.join(root, relative) }
    })
  }
  return out
}

/**
 * After the verdict: pushes when asked, allowed and within budget; records per tag what
 * reached the registry; writes the NotebookValidationJobs for the pushed digests.
 */
export async function finishPublishing(
  report: Report,
  publishing: PublishingPlan,
  /** The builds the report was made from: each image's platform is read back after the push. */
  outcomes: readonly BuildOutcome[],
  deps: PublishingDeps & { workspace: string }
): Promise<Report> {
  const options = publishing.options
  if (!options?.push || publishing.skipped) return report
  if (!report.passed) {
    const blocked = report.images.filter(
      (image) => image.status === 'over' || image.status === 'failed'
    )
    const skipped =
      blocked
        .map((image) => `${image.name} ${image.status === 'over' ? 'is over budget' : 'failed'}`)
        .join(', ') || 'the run failed'
    deps.logger.warning(`push: nothing pushed, because ${skipped}`)
    return { ...report, publish: { ...report.publish, skipped } }
  }
  const registry = deps.registry
  if (!registry) throw new NbImageError('push: no registry client was given')
  const items: PublishItem[] = report.images.map((image) => {
    const item: PublishItem = {
      name: image.name,
      tiers: image.tiers,
      localRef: image.ref,
      refs: publishing.tags[image.name] ?? []
    }
    const built = outcomes.find((outcome) => outcome.ok && outcome.image.name === image.name)
    if (built?.ok && built.platform) item.platform = built.platform
    if (
      publishing.thresholdBasis === 'compressed' &&
      image.imageId &&
      image.compressedBytes !== null
    ) {
      // With the containerd store the image ID is the digest of what `docker push` sends.
      item.expected = { digest: image.imageId, compressedBytes: image.compressedBytes }
    }
    return item
  })
  const outcome = await deps.logger.group(
    `Push ${items.reduce((sum, item) => sum + item.refs.length, 0)} tag(s)`,
    () =>
      publish(items, {
        docker: deps.docker,
        registry,
        logger: deps.logger,
        ...(deps.sleep ? { sleep: deps.sleep } : {})
      })
  )
  if (outcome.error !== undefined || options.nvjFile === undefined) {
    return applyPublish(report, outcome)
  }
  const pushedReport = applyPublish(report, outcome)
  const jobs = planNotebookValidationJobs(pushedReport, publishing.notebooks)
  if (jobs.length === 0 || !publishing.git) {
    deps.logger.info('No tier lists notebooks: no NotebookValidationJob written')
    return pushedReport
  }
  const nvjFile = options.nvjFile
  const yaml = renderNotebookValidationJobs(jobs, {
    git: publishing.git,
    version: publishing.versions.version,
    toolVersion: TOOL_VERSION,
    ...(options.nvjNamespace ? { namespace: options.nvjNamespace } : {})
  })
  try {
    await deps.fs.writeFileAtomic(nvjFile, yaml)
  } catch (error) {
    return {
      ...pushedReport,
      publish: {
        ...pushedReport.publish,
        error: `nvj-file: the images were pushed, but ${nvjFile} could not be written: ${errorMessage(error)}`
      }
    }
  }
  deps.logger.info(
    `Wrote ${jobs.length} NotebookValidationJob(s) to ${displayPath(deps.workspace, nvjFile)}`
  )
  return applyPublish(report, outcome, nvjFile)
}

/**
 * The report after publishing: per tag what was pushed, each image's digest and the
 * registry's compressed size, and `pushed` only when every tag made it.
 */
export function applyPublish(
  report: Report,
  outcome: PublishOutcome,
  notebookValidationJobs?: string
): Report {
  const byName = new Map(outcome.images.map((image) => [image.name, image]))
  const images = report.images.map((image): ImageReport => {
    const published = byName.get(image.name)
    if (!published) return image
    const next: ImageReport = { ...image, tags: published.tags.map((tag) => ({ ...tag })) }
    if (published.digest !== undefined) next.digest = published.digest
    if (published.platformDigest !== undefined) next.platformDigest = published.platformDigest
    if (published.compressedBytes !== undefined) {
      next.compressedBytes = published.compressedBytes
      next.compressedSource = 'registry'
    }
    return next
  })
  const publish: PublishReport = { ...report.publish }
  if (outcome.error !== undefined) publish.error = outcome.error
  if (notebookValidationJobs !== undefined) publish.notebookValidationJobs = notebookValidationJobs
  const pushed =
    outcome.error === undefined &&
    images.length > 0 &&
    images.every((image) => image.tags.length > 0 && image.tags.every((tag) => tag.pushed))
  return { ...report, images, publish, pushed }
}
