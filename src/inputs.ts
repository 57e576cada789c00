import * as core from '@actions/core'
import { DEFAULT_REPORT_ARTIFACT } from './github/baseline.js'
import { parseCacheInput } from './build/cache.js'
import {
  parseArtifactName,
  parseCommentMode,
  parseUploadMode,
  type CommentSettings
} from './github/context.js'
import {
  parseBooleanInput,
  parseLatest,
  parseLines,
  parseList,
  parseMaxParallelism,
  parseMode,
  parseStrategy,
  parseThresholdBasis,
  parseThresholdInput,
  type Inputs
} from './pipeline/options.js'

/** Reads the action's inputs (as declared in action.yml) into one typed object. */
export function getInputs(): Inputs {
  const inputs: Inputs = {
    mode: parseMode(core.getInput('mode')),
    manifest: core.getInput('manifest'),
    tiers: parseList(core.getInput('tiers')),
    cacheFrom: parseLines(core.getInput('cache-from')),
    cacheTo: parseLines(core.getInput('cache-to')),
    noCache: booleanInput('no-cache'),
    reports: parseLines(core.getInput('reports')),
    workingDirectory: core.getInput('working-directory')
  }
  const cache = parseCacheInput(core.getInput('cache'))
  if (cache) inputs.cache = cache
  const maxParallelism = parseMaxParallelism(core.getInput('max-parallelism'))
  if (maxParallelism !== undefined) inputs.maxParallelism = maxParallelism
  const strategy = parseStrategy(core.getInput('strategy'))
  if (strategy) inputs.strategy = strategy
  const threshold = parseThresholdInput(core.getInput('threshold'))
  if (threshold !== undefined) inputs.thresholdBytes = threshold
  const builder = core.getInput('builder')
  if (builder) inputs.builder = builder
  const reportFile = core.getInput('report-file')
  if (reportFile) inputs.reportFile = reportFile
  // Publishing (tags, push, NotebookValidationJobs).
  const basis = parseThresholdBasis(core.getInput('threshold-basis'))
  if (basis) inputs.thresholdBasis = basis
  inputs.push = booleanInput('push')
  inputs.tagTemplate = core.getInput('tag-template')
  inputs.latest = parseLatest(core.getInput('latest'))
  inputs.allowForkPush = booleanInput('allow-fork-push')
  const nvjFile = core.getInput('nvj-file')
  if (nvjFile) inputs.nvjFile = nvjFile
  const nvjNamespace = core.getInput('nvj-namespace')
  if (nvjNamespace) inputs.nvjNamespace = nvjNamespace
  return inputs
}

function booleanInput(name: string): boolean {
  return parseBooleanInput(name, core.getInput(name))
}

/**
 * Reads the pull-request comment, baseline and report-upload inputs. The token is masked in
 * the log at once; `baseline-report` is resolved with `resolvePath` (the working directory).
 */
export function getCommentSettings(resolvePath: (file: string) => string): CommentSettings {
  const token = core.getInput('github-token')
  if (token) core.setSecret(token)
  const settings: CommentSettings = {
    token,
    comment: parseCommentMode(core.getInput('comment')),
    commentKey: core.getInput('comment-key').trim(),
    upload: parseUploadMode(core.getInput('upload-report')),
    artifactName: parseArtifactName(core.getInput('report-artifact'), DEFAULT_REPORT_ARTIFACT)
  }
  const baseline = core.getInput('baseline-report').trim()
  if (baseline) settings.baselineReport = resolvePath(baseline)
  return settings
}
