import path from 'node:path'
import { InputError } from './errors.js'
import type { PipelineOptions } from './pipeline.js'
import { parseSize, SizeError } from './size.js'
import { STRATEGIES, type Strategy } from './types.js'

/** The action's inputs (and the CLI's flags), typed but not yet resolved against the workspace. */
export interface Inputs {
  manifest: string
  strategy?: Strategy
  thresholdBytes?: number
  tiers: string[]
  builder?: string
  cacheFrom: string[]
  cacheTo: string[]
  noCache: boolean
  reportFile?: string
  workingDirectory: string
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
  RUNNER_TEMP?: string
}

/**
 * Resolves inputs into pipeline options: paths become absolute (relative ones against the
 * working directory, itself relative to the workspace), and the report goes to RUNNER_TEMP
 * unless placed explicitly.
 */
export function toPipelineOptions(inputs: Inputs, env: RunnerEnv, cwd: string): PipelineOptions {
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
    tiers: inputs.tiers,
    cacheFrom: inputs.cacheFrom,
    cacheTo: inputs.cacheTo,
    noCache: inputs.noCache,
    reportFile,
    source: {}
  }
  if (env.RUNNER_TEMP) options.tempDir = env.RUNNER_TEMP
  if (inputs.strategy) options.strategy = inputs.strategy
  if (inputs.thresholdBytes !== undefined) options.thresholdBytes = inputs.thresholdBytes
  if (inputs.builder) options.builder = inputs.builder
  if (env.GITHUB_REPOSITORY) {
    options.source.repositoryUrl = `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}`
  }
  if (env.GITHUB_SHA) options.source.revision = env.GITHUB_SHA
  return options
}
