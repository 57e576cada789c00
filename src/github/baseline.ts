import { strFromU8, unzipSync } from 'fflate'
import { ReportFileError } from '../report/report-file.js'
import { errorMessage } from '../utils/errors.js'
import type { ArtifactInfo, RunInfo } from '../adapters/github.js'
import { PULL_REQUEST_EVENTS } from './context.js'

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
