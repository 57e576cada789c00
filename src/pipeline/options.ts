import path from 'node:path'
import type { CommentSettings } from '../github/context.js'
import { eventFromEnv, type EventPayload } from '../github/event.js'
import type { Inputs } from '../inputs.js'
import type { PublishOptions } from '../publish/publishing.js'
import { parseTagTemplate } from '../publish/tags.js'
import { InputError } from '../utils/errors.js'
import { parseWholeNumber } from '../utils/parse-input.js'
import type { PipelineOptions } from './build.js'

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
  GITHUB_WORKSPACE?: string
  GITHUB_SERVER_URL?: string
  GITHUB_REPOSITORY?: string
  GITHUB_SHA?: string
  GITHUB_EVENT_NAME?: string
  GITHUB_REF?: string
  RUNNER_TEMP?: string
  DOCKER_METADATA_SHORT_SHA_LENGTH?: string
}

/**
 * Resolves inputs into pipeline options: paths become absolute (relative ones against the
 * working directory, itself relative to the workspace), and the report goes to RUNNER_TEMP
 * unless placed explicitly.
 */
export function toPipelineOptions(
  inputs: Inputs,
  env: RunnerEnv,
  cwd: string,
  payload: EventPayload = {}
): PipelineOptions & { share: CommentSettings } {
  const workspace = path.resolve(cwd, env.GITHUB_WORKSPACE ?? '.')
  const workingDirectory = path.resolve(workspace, inputs.workingDirectory || '.')
  const reportFile = inputs.reportFile
    ? path.resolve(workingDirectory, inputs.reportFile)
    : env.RUNNER_TEMP
      ? path.join(env.RUNNER_TEMP, 'nb-image-report.json')
      : path.join(workingDirectory, 'nb-image-report.json')
  const options: PipelineOptions & { share: CommentSettings } = {
    manifestPath: path.resolve(workingDirectory, inputs.manifest || DEFAULT_MANIFEST),
    workspace,
    workingDirectory,
    tiers: inputs.tiers,
    cacheFrom: inputs.cacheFrom,
    cacheTo: inputs.cacheTo,
    noCache: inputs.noCache,
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
  if (inputs.builder) options.builder = inputs.builder
  if (env.GITHUB_REPOSITORY) {
    options.source.repositoryUrl = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}`
  }
  if (env.GITHUB_SHA) options.source.revision = env.GITHUB_SHA
  if (inputs.thresholdBasis) options.thresholdBasis = inputs.thresholdBasis
  // Tags are planned whenever the run has a trigger (to list them), pushed only on `push`.
  if (inputs.push || env.GITHUB_EVENT_NAME || env.GITHUB_REF) {
    const publish: PublishOptions = {
      push: inputs.push,
      tagTemplate: parseTagTemplate(inputs.tagTemplate),
      latest: inputs.latest,
      allowForkPush: inputs.allowForkPush,
      event: eventFromEnv(env, payload),
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
    upload: inputs.uploadReport,
    artifactName: inputs.reportArtifact
  }
  if (inputs.baselineReport) {
    settings.baselineReport = path.resolve(workingDirectory, inputs.baselineReport)
  }
  return settings
}
