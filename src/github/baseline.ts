import { strFromU8, unzipSync } from 'fflate'
import type { Deps } from '../adapters/deps.js'
import {
  GitHubApiError,
  type ArtifactInfo,
  type GitHubApi,
  type RunInfo
} from '../adapters/github.js'
import { readReport, ReportFileError } from '../report/report-file.js'
import type { Report } from '../report/types.js'
import { errorMessage } from '../utils/errors.js'
import type { Logger } from '../utils/logger.js'
import { PULL_REQUEST_EVENTS } from './context.js'
import type { CommentProblem } from './pull-request-comment.js'

/** Default name of the workflow artifact that holds a run's report. */
export const DEFAULT_REPORT_ARTIFACT = 'nb-image-report'

/** Name of the report file inside the artifact. */
export const REPORT_FILE_IN_ARTIFACT = 'nb-image-report.json'

/** Where the report this run is compared with came from, or why there is none. */
export type BaselineInfo =
  | {
      found: true
      source: 'artifact'
      artifactName: string
      branch: string
      runId: number
      runUrl: string
      headSha: string | null
      createdAt: string | null
      /** Manifest of the base report, when it differs from this run's. */
      otherManifest?: string
    }
  | { found: true; source: 'file'; file: string; otherManifest?: string }
  | {
      found: false
      /**
       * `none`: no artifact of a successful run on the branch. `expired`: only expired ones.
       * `unavailable`: the API refused or failed (detail says why). `unreadable`: the report
       * in it is not one. `no-branch`: the run has no base branch to look on.
       */
      reason: 'none' | 'expired' | 'unavailable' | 'unreadable' | 'no-branch'
      artifactName?: string
      branch?: string
      detail?: string
    }

/** Largest report accepted from an artifact; real ones are tens of kilobytes. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024

/**
 * Takes the report out of an artifact's zip archive: the `nb-image-report.json` entry, or
 * the only JSON file. Refuses entries that would inflate past MAX_REPORT_BYTES.
 */
export function extractReportFromZip(zip: Uint8Array, source: string): string {
  const names: string[] = []
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(zip, {
      filter: (file) => {
        names.push(file.name)
        return file.name.endsWith('.json') && file.originalSize <= MAX_REPORT_BYTES
      }
    })
  } catch (error) {
    throw new ReportFileError(`${source}: not a zip archive (${errorMessage(error)})`)
  }
  const json = Object.keys(files)
  const name = json.includes(REPORT_FILE_IN_ARTIFACT)
    ? REPORT_FILE_IN_ARTIFACT
    : json.length === 1
      ? json[0]
      : undefined
  const bytes = name === undefined ? undefined : files[name]
  if (bytes === undefined) {
    throw new ReportFileError(
      `${source}: no ${REPORT_FILE_IN_ARTIFACT} in the archive (it holds ${names.length > 0 ? names.join(', ') : 'nothing'})`
    )
  }
  return strFromU8(bytes)
}

/** Artifacts of the branch worth checking, newest first, and whether expired ones exist. */
export interface ArtifactCandidates {
  candidates: ArtifactInfo[]
  expired: number
}

/**
 * Keeps the artifacts with the report's name that a run on `branch` of this repository
 * (not of a fork: a fork's branch can be called `main` too) uploaded, newest first;
 * expired ones are only counted.
 */
export function artifactCandidates(
  artifacts: ArtifactInfo[],
  name: string,
  branch: string,
  repositoryId: number | null
): ArtifactCandidates {
  const ofBranch = artifacts.filter(
    (artifact) =>
      artifact.name === name &&
      artifact.workflowRun !== null &&
      artifact.workflowRun.headBranch === branch &&
      (repositoryId === null ||
        artifact.workflowRun.headRepositoryId === null ||
        artifact.workflowRun.headRepositoryId === repositoryId)
  )
  const live = ofBranch
    .filter((artifact) => !artifact.expired)
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id)
  return { candidates: live, expired: ofBranch.length - live.length }
}

/**
 * Why a run's artifact cannot be the baseline, or null when it can: the run must have
 * finished successfully, on `branch`, in this repository, for an event that is not a pull
 * request (PULL_REQUEST_EVENTS build a pull request's code, whatever their branch says).
 * A run still in progress does not count yet.
 */
export function rejectRun(
  run: RunInfo,
  branch: string,
  repositoryId: number | null
): string | null {
  if (run.headBranch !== branch) return `run ${run.id} is on ${run.headBranch ?? 'no branch'}`
  const ownRepository = repositoryId ?? run.repositoryId
  if (run.headRepositoryId !== null && run.headRepositoryId !== ownRepository) {
    return `run ${run.id} built a fork`
  }
  if (PULL_REQUEST_EVENTS.has(run.event)) return `run ${run.id} was triggered by ${run.event}`
  if (run.status !== 'completed') return `run ${run.id} is ${run.status ?? 'not finished'}`
  if (run.conclusion !== 'success')
    return `run ${run.id} ended ${run.conclusion ?? 'without a conclusion'}`
  return null
}

/** Where to look for the base branch's report. */
export interface BaselineLookup {
  artifactName: string
  /** A report file given instead (`baseline-report`), absolute. */
  file?: string
  /** The pull request's base branch; null when the run has none. */
  branch: string | null
  /** This repository's ID, so that a fork's artifacts never count. */
  repositoryId: number | null
}

/** The baseline found, or why there is none. */
export type BaselineResult =
  | { baseline: BaselineInfo & { found: true }; base: Report }
  | { baseline: BaselineInfo & { found: false }; base: null }

/** The adapters of the lookup; `github` is null without a token. */
export type BaselineDeps = Pick<Deps, 'fs' | 'logger'> & { github: GitHubApi | null }

/** Pages of 100 artifacts searched for the base branch's report. */
const ARTIFACT_PAGES = 3
/** Workflow runs checked, newest first, before giving up on finding a successful one. */
const RUNS_CHECKED = 10
/**
 * Finds the report this run is compared with: the `baseline-report` file when given, else
 * the newest artifact of a finished, successful run on the base branch of this repository.
 * Never throws for GitHub's or the report's sake: what went wrong is added to `problems`
 * (to be said in one warning) and the result says why there is no baseline.
 */
export async function findBaseline(
  lookup: BaselineLookup,
  deps: BaselineDeps,
  problems: CommentProblem[]
): Promise<BaselineResult> {
  if (lookup.file !== undefined) return fromFile(lookup.file, deps, problems)
  const { branch, artifactName } = lookup
  if (branch === null) {
    deps.logger.info('No base branch: sizes are shown without changes.')
    return { baseline: { found: false, reason: 'no-branch' }, base: null }
  }
  const missing = { artifactName, branch }
  if (!deps.github) {
    const detail = 'no github-token'
    problems.push({
      message: `the baseline was not looked up: ${detail}`,
      permission: 'actions: read'
    })
    return { baseline: { found: false, reason: 'unavailable', detail, ...missing }, base: null }
  }
  try {
    return await fromArtifacts({ ...lookup, branch }, deps.github, deps.logger)
  } catch (error) {
    if (error instanceof ReportFileError) {
      problems.push({ message: `the baseline report is not usable: ${error.message}` })
      return {
        baseline: { found: false, reason: 'unreadable', detail: error.message, ...missing },
        base: null
      }
    }
    problems.push(baselineProblem(error))
    const detail =
      error instanceof GitHubApiError && error.status !== null
        ? `GitHub answered ${error.status}`
        : 'GitHub did not answer'
    return { baseline: { found: false, reason: 'unavailable', detail, ...missing }, base: null }
  }
}

async function fromFile(
  file: string,
  deps: Pick<Deps, 'fs' | 'logger'>,
  problems: CommentProblem[]
): Promise<BaselineResult> {
  try {
    const text = new TextDecoder().decode(await deps.fs.readFile(file))
    const base = readReport(text, file)
    deps.logger.info(`Baseline: ${file} (baseline-report)`)
    return { baseline: { found: true, source: 'file', file }, base }
  } catch (error) {
    const detail =
      error instanceof ReportFileError
        ? error.message
        : `cannot read ${file}: ${errorMessage(error)}`
    problems.push({ message: `baseline-report: ${detail}` })
    return { baseline: { found: false, reason: 'unreadable', detail }, base: null }
  }
}

/** The newest usable artifact of the branch; throws GitHub's and the report's errors. */
async function fromArtifacts(
  lookup: BaselineLookup & { branch: string },
  github: GitHubApi,
  logger: Logger
): Promise<BaselineResult> {
  const { artifactName: name, branch, repositoryId } = lookup
  const missing = { artifactName: name, branch }
  const artifacts = await github.listArtifacts(name, ARTIFACT_PAGES)
  const { candidates, expired } = artifactCandidates(artifacts, name, branch, repositoryId)
  logger.info(
    `${artifacts.length} artifact(s) named ${name}; ${candidates.length} live and ${expired} expired from ${branch}`
  )
  if (candidates.length === 0) {
    const reason = expired > 0 ? 'expired' : 'none'
    return { baseline: { found: false, reason, ...missing }, base: null }
  }
  const skipped: string[] = []
  for (const artifact of candidates.slice(0, RUNS_CHECKED)) {
    const runId = artifact.workflowRun?.id
    if (runId === undefined) continue
    const run = await github.getWorkflowRun(runId)
    const rejected = rejectRun(run, branch, repositoryId)
    if (rejected) {
      logger.info(`Skipping artifact ${artifact.id}: ${rejected}`)
      skipped.push(rejected)
      continue
    }
    const source = `artifact ${name} (id ${artifact.id}, run ${run.id})`
    if (artifact.sizeInBytes > MAX_REPORT_BYTES) {
      throw new ReportFileError(
        `${source}: ${artifact.sizeInBytes} bytes is too large for a report`
      )
    }
    const zip = await github.downloadArtifact(artifact.id, MAX_REPORT_BYTES)
    const base = readReport(extractReportFromZip(zip, source), source)
    logger.info(`Baseline: ${source}, commit ${run.headSha}`)
    return {
      baseline: {
        found: true,
        source: 'artifact',
        artifactName: name,
        branch,
        runId: run.id,
        runUrl: run.htmlUrl,
        headSha: run.headSha,
        createdAt: artifact.createdAt
      },
      base
    }
  }
  const detail = `${skipped.length} checked, none from a finished, successful run`
  return { baseline: { found: false, reason: 'none', detail, ...missing }, base: null }
}

function baselineProblem(error: unknown): CommentProblem {
  const status = error instanceof GitHubApiError ? error.status : null
  if (status === 403 || status === 404 || status === 401) {
    return {
      message: `the base branch's report could not be looked up (${errorMessage(error)})`,
      permission: 'actions: read'
    }
  }
  return { message: `the base branch's report could not be looked up: ${errorMessage(error)}` }
}
