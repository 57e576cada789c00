import path from 'node:path'
import type { CacheShorthand } from '../build/cache.js'
import { InputError } from '../utils/errors.js'
import { eventFromEnv, type EventPayload } from '../github/event.js'
import type { PipelineOptions } from './build.js'
import type { PublishOptions } from '../publish/publishing.js'
import { parseSize, SizeError } from '../utils/size.js'
import { LATEST_MODES, parseTagTemplate, type LatestMode } from '../publish/tags.js'
import { STRATEGIES, THRESHOLD_BASES, type Strategy, type ThresholdBasis } from '../report/types.js'

/** What a run does: build and measure, only plan (for a matrix), or merge reports. */
export type Mode = 'build' | 'plan' | 'merge'

/** The modes, in the order the docs list them. */
export const MODES: readonly Mode[] = ['build', 'plan', 'merge']

/** The action's inputs (and the CLI's flags), typed but not yet resolved against the workspace. */
export interface Inputs {
  mode: Mode
  manifest: string
  strategy?: Strategy
  thresholdBytes?: number
  tiers: string[]
  builder?: string
  cache?: CacheShorthand
  cacheFrom: string[]
  cacheTo: string[]
  noCache: boolean
  maxParallelism?: number
  reportFile?: string
  /** Glob patterns of the reports to merge (`mode: merge`). */
  reports: string[]
  workingDirectory: string
  /** Which size budgets apply to; default uncompressed. */
  thresholdBasis?: ThresholdBasis
  /** Push every image once all are within budget. */
  push?: boolean
  /** `tag-template`; empty means `{tier}-{version}`. */
  tagTemplate?: string
  latest?: LatestMode
  allowForkPush?: boolean
  /** Where to write NotebookValidationJobs (relative to the working directory). */
  nvjFile?: string
  nvjNamespace?: string
}

/** Default manifest file name, relative to the working directory. */
export const DEFAULT_MANIFEST = 'notebook-tiers.yaml'

/** Parses the `strategy` input; empty means "as the manifest says". */
export function parseStrategy(value: string): Strategy | undefined {
  const text = value.trim()
  if (text === '') return undefined
  if (!(STRATEGIES as readonly string[]).includes(text)) {
    throw new InputError(`strategy: expected one of ${STRATEGIES.join(', ')}, got "${text}"`)
  }
  return text as Strategy
}

/**
 * Parses a true/false input (`push`, `no-cache`, `allow-fork-push`) with the YAML 1.2 core
 * schema's spellings, as `core.getBooleanInput` does, but with this action's error: empty
 * (an unset optional input) means false.
 */
export function parseBooleanInput(name: string, value: string): boolean {
  const text = value.trim()
  if (text === '' || ['false', 'False', 'FALSE'].includes(text)) return false
  if (['true', 'True', 'TRUE'].includes(text)) return true
  throw new InputError(`${name}: expected true or false, got "${text}"`)
}

/** Parses the `mode` input; empty means `build`. */
export function parseMode(value: string): Mode {
  const text = value.trim()
  if (text === '') return 'build'
  if (!(MODES as readonly string[]).includes(text)) {
    throw new InputError(`mode: expected one of ${MODES.join(', ')}, got "${text}"`)
  }
  return text as Mode
}

/** Parses `max-parallelism`: a whole number of images built at once; empty or 0 means no cap. */
export function parseMaxParallelism(value: string): number | undefined {
  const text = value.trim()
  if (text === '') return undefined
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new InputError(
      `max-parallelism: expected a whole number of images to build at once (0 or empty for no cap), got "${text}"`
    )
  }
  return Number(text) === 0 ? undefined : Number(text)
}

/** Parses the `threshold` input; empty means "as the manifest says". */
export function parseThresholdInput(value: string): number | undefined {
  if (value.trim() === '') return undefined
  try {
    return parseSize(value)
  } catch (error) {
    if (error instanceof SizeError) throw new InputError(`threshold: ${error.message}`)
    throw error
  }
}

/** Parses the `threshold-basis` input; empty means uncompressed. */
export function parseThresholdBasis(value: string): ThresholdBasis | undefined {
  const text = value.trim()
  if (text === '') return undefined
  if (!(THRESHOLD_BASES as readonly string[]).includes(text)) {
    throw new InputError(
      `threshold-basis: expected one of ${THRESHOLD_BASES.join(', ')}, got "${text}"`
    )
  }
  return text as ThresholdBasis
}

/** Parses the `latest` input (docker/metadata-action's `flavor: latest=`); empty means auto. */
export function parseLatest(value: string): LatestMode {
  const text = value.trim()
  if (text === '') return 'auto'
  if (!(LATEST_MODES as readonly string[]).includes(text)) {
    throw new InputError(`latest: expected one of ${LATEST_MODES.join(', ')}, got "${text}"`)
  }
  return text as LatestMode
}

/** Reads DOCKER_METADATA_SHORT_SHA_LENGTH as docker/metadata-action does. */
export function parseShortShaLength(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const length = Number(value)
  if (!Number.isSafeInteger(length) || length < 1) {
    throw new InputError(
      `DOCKER_METADATA_SHORT_SHA_LENGTH: expected a positive whole number, got "${value}"`
    )
  }
  return length
}

/** Splits a list input on newlines and commas (`tier1, tier2`), dropping blanks. */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean)
}

/** Splits a list input on newlines only, for values that contain commas (`type=registry,ref=…`). */
export function parseLines(value: string): string[] {
  return value
    .split('\n')
    .map((item) => item.trim())
    .filter(Boolean)
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
): PipelineOptions {
  const workspace = path.resolve(cwd, env.GITHUB_WORKSPACE ?? '.')
  const workingDirectory = path.resolve(workspace, inputs.workingDirectory || '.')
  const reportFile = inputs.reportFile
    ? path.resolve(workingDirectory, inputs.reportFile)
    : env.RUNNER_TEMP
      ? path.join(env.RUNNER_TEMP, 'nb-image-report.json')
      : path.join(workingDirectory, 'nb-image-report.json')
  const options: PipelineOptions = {
    manifestPath: path.resolve(workingDirectory, inputs.manifest || DEFAULT_MANIFEST),
    workspace,
    workingDirectory,
    tiers: inputs.tiers,
    cacheFrom: inputs.cacheFrom,
    cacheTo: inputs.cacheTo,
    noCache: inputs.noCache,
    reportFile,
    reports: inputs.reports,
    source: {}
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
      push: inputs.push ?? false,
      tagTemplate: parseTagTemplate(inputs.tagTemplate ?? ''),
      latest: inputs.latest ?? 'auto',
      allowForkPush: inputs.allowForkPush ?? false,
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
