// Inputs and the runner's environment → the options of a run: every path absolute (relative
// ones against the working directory, itself relative to the workspace), the trigger's
// tags and push settings, the comment and upload settings.
import path from 'node:path'
import { parseSourceDateEpoch } from '../build/source-date.js'
import { readRunContext, type GitHubEnv, type RunContext } from '../github/context.js'
import type { CommentSettings } from '../github/sharing.js'
import type { Inputs } from '../inputs.js'
import type { PublishOptions } from '../publish/prepare.js'
import { parseTagTemplate } from '../publish/tags.js'
import { InputError } from '../utils/errors.js'
import { parseWholeNumber } from '../utils/parse-input.js'

/**
 * Everything a run needs to know, already validated and resolved to absolute paths. The
 * build choices are the inputs' own (Inputs), unchanged.
 */
export interface RunOptions
  extends
    Partial<
      Pick<
        Inputs,
        | 'strategy'
        | 'thresholdBytes'
        | 'builder'
        | 'cache'
        | 'maxParallelism'
        | 'thresholdBasis'
        | 'tiers'
        | 'reports'
        | 'provenance'
        | 'compareOptions'
        | 'changePackages'
        | 'pipIndexUrl'
        | 'pipExtraIndexUrls'
        | 'maxGrowth'
        | 'growthPolicy'
        | 'diskCheck'
        | 'auditNotebooks'
      >
    >,
    Pick<Inputs, 'cacheFrom' | 'cacheTo' | 'noCache'> {
  manifestPath: string
  /** Repository root: manifest paths may not point outside it. */
  workspace: string
  reportFile: string
  /** Folder relative paths (and report globs) are resolved from. */
  workingDirectory?: string
  /** Parent folder for scratch files (buildx metadata). */
  tempDir?: string
  source: { repositoryUrl?: string; revision?: string }
  /** SOURCE_DATE_EPOCH from the environment, when set: the source date to stamp images with. */
  sourceDateEpoch?: number
  /** Tags, push and NotebookValidationJobs; absent for a build-only run. */
  publish?: PublishOptions
  /** The pull-request comment and report upload, which only the action carries out. */
  share?: CommentSettings
  /** `mode: compare`: where the ADR section is written; absent: nowhere (the command line's default). */
  adrFile?: string
}

/** Default manifest file name, relative to the working directory. */
export const DEFAULT_MANIFEST = 'notebook-tiers.yaml'

/** Reads DOCKER_METADATA_SHORT_SHA_LENGTH as docker/metadata-action does. */
export function parseShortShaLength(value: string | undefined): number | undefined {
  return parseWholeNumber(
    'DOCKER_METADATA_SHORT_SHA_LENGTH',
    value ?? '',
    1,
    'a positive whole number'
  )
}

/** The runner environment the options depend on. */
export interface RunnerEnv {
  GITHUB_WORKSPACE?: string | undefined
  RUNNER_TEMP?: string | undefined
  DOCKER_METADATA_SHORT_SHA_LENGTH?: string | undefined
  SOURCE_DATE_EPOCH?: string | undefined
}

/**
 * Resolves inputs into pipeline options: paths become absolute (relative ones against the
 * working directory, itself relative to the workspace), and the report goes to RUNNER_TEMP
 * unless placed explicitly. `context` is the run's trigger; without one it is read from
 * the GITHUB_* variables of `env` alone.
 */
export function toRunOptions(
  inputs: Inputs,
  env: RunnerEnv & GitHubEnv,
  cwd: string,
  context: RunContext = readRunContext(env, {})
): RunOptions & { share: CommentSettings } {
  const workspace = path.resolve(cwd, env.GITHUB_WORKSPACE ?? '.')
  const workingDirectory = path.resolve(workspace, inputs.workingDirectory || '.')
  const reportFile = inputs.reportFile
    ? path.resolve(workingDirectory, inputs.reportFile)
    : env.RUNNER_TEMP
      ? path.join(env.RUNNER_TEMP, 'nb-image-report.json')
      : path.join(workingDirectory, 'nb-image-report.json')
  const options: RunOptions & { share: CommentSettings } = {
    manifestPath: path.resolve(workingDirectory, inputs.manifest || DEFAULT_MANIFEST),
    workspace,
    workingDirectory,
    tiers: inputs.tiers,
    cacheFrom: inputs.cacheFrom,
    cacheTo: inputs.cacheTo,
    noCache: inputs.noCache,
    provenance: inputs.provenance,
    auditNotebooks: inputs.auditNotebooks,
    reportFile,
    reports: inputs.reports,
    source: {},
    share: shareSettings(inputs, workingDirectory)
  }
  if (inputs.cache) options.cache = inputs.cache
  if (inputs.maxParallelism !== undefined) options.maxParallelism = inputs.maxParallelism
  if (env.RUNNER_TEMP) options.tempDir = env.RUNNER_TEMP
  if (inputs.strategy) options.strategy = inputs.strategy
  if (inputs.thresholdBytes !== undefined) options.thresholdBytes = inputs.thresholdBytes
  if (inputs.maxGrowth !== undefined) options.maxGrowth = inputs.maxGrowth
  options.growthPolicy = inputs.growthPolicy
  options.diskCheck = inputs.diskCheck
  if (inputs.builder) options.builder = inputs.builder
  if (context.repository) {
    options.source.repositoryUrl = `${context.serverUrl}/${context.repository}`
  }
  if (context.sha) options.source.revision = context.sha
  const sourceDateEpoch = parseSourceDateEpoch(env.SOURCE_DATE_EPOCH)
  if (sourceDateEpoch !== undefined) options.sourceDateEpoch = sourceDateEpoch
  if (inputs.thresholdBasis) options.thresholdBasis = inputs.thresholdBasis
  if (inputs.mode === 'compare') {
    options.compareOptions = inputs.compareOptions
    options.changePackages = inputs.changePackages
    const adrFile = inputs.adrFile
      ? path.resolve(workingDirectory, inputs.adrFile)
      : env.RUNNER_TEMP
        ? path.join(env.RUNNER_TEMP, 'nb-image-adr.md')
        : undefined
    if (adrFile !== undefined) options.adrFile = adrFile
  }
  if (inputs.pipIndexUrl) options.pipIndexUrl = inputs.pipIndexUrl
  if (inputs.pipExtraIndexUrls) options.pipExtraIndexUrls = inputs.pipExtraIndexUrls
  // Tags are planned whenever the run has a trigger (to list them), pushed only on `push`.
  if (inputs.push || context.eventName || context.ref) {
    const publish: PublishOptions = {
      push: inputs.push,
      tagTemplate: parseTagTemplate(inputs.tagTemplate),
      latest: inputs.latest,
      allowForkPush: inputs.allowForkPush,
      context,
      nvjFile: inputs.nvjFile
        ? path.resolve(workingDirectory, inputs.nvjFile)
        : path.join(env.RUNNER_TEMP ?? workingDirectory, 'notebook-validation-jobs.yaml')
    }
    const shortSha = parseShortShaLength(env.DOCKER_METADATA_SHORT_SHA_LENGTH)
    if (shortSha !== undefined) publish.shortShaLength = shortSha
    if (inputs.nvjNamespace) {
      if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(inputs.nvjNamespace)) {
        throw new InputError(
          `nvj-namespace: "${inputs.nvjNamespace}" is not a Kubernetes namespace name (lowercase letters, digits and -, at most 63)`
        )
      }
      publish.nvjNamespace = inputs.nvjNamespace
    }
    options.publish = publish
  }
  return options
}

/** The comment and upload inputs; `baseline-report` is resolved against the working directory. */
function shareSettings(inputs: Inputs, workingDirectory: string): CommentSettings {
  const settings: CommentSettings = {
    token: inputs.githubToken,
    comment: inputs.comment,
    commentKey: inputs.commentKey,
    commentThreshold: inputs.commentThreshold,
    upload: inputs.uploadReport,
    artifactName: inputs.reportArtifact
  }
  if (inputs.baselineReport) {
    settings.baselineReport = path.resolve(workingDirectory, inputs.baselineReport)
  }
  return settings
}
