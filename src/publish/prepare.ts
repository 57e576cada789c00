// Publishing, before the first build: which tags each image gets, whether this run may
// push at all (an event with a version, not a fork's pull request), and which notebooks get
// NotebookValidationJobs. Everything wrong is refused here, so that nothing is built for a
// push that could never happen. What runs after the verdict is in finish.ts.

import type { Deps } from '../adapters/deps.js'
import { gitSource, type GitSource, type RunContext } from '../github/context.js'
import { findNotebooks, type TierNotebooks } from '../manifest/notebooks.js'
import type { Manifest } from '../manifest/types.js'
import { SHARED_STAGE } from '../plan/dockerfile.js'
import type { BuildPlan } from '../plan/types.js'
import type { PublishReport, ThresholdBasis } from '../report/types.js'
import { InputError, NbImageError } from '../utils/errors.js'
import {
  planTags,
  versionTags,
  type LatestMode,
  type TagTemplate,
  type VersionTags
} from './tags.js'
import { gitSourceProblem } from './validation-jobs.js'

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
 * Decides the tags and checks everything publishing needs, before any build: the event
 * gives a version, the template gives valid references, the notebooks globs stay in the
 * repository. Throws the action's errors.
 */
export async function preparePublishing(
  manifest: Manifest,
  plan: BuildPlan,
  context: {
    options: PublishOptions | undefined
    thresholdBasis: ThresholdBasis
    manifestDir: string
    workspace: string
    /** The tiers' notebooks when the run found them already (the notebook audit). */
    notebooks?: TierNotebooks[]
  },
  deps: PublishingDeps
): Promise<PublishingPlan> {
  const { options, thresholdBasis } = context
  const { logger } = deps
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
    result.notebooks =
      context.notebooks ??
      (await findNotebooks(manifest, context.manifestDir, context.workspace, deps))
  }
  return result
}
