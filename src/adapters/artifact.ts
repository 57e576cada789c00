import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { REPORT_FILE_IN_ARTIFACT } from '../github/baseline.js'

/** What an upload produced. */
export interface UploadedArtifact {
  id: number | null
  size: number | null
}

/** Stores the report as a workflow artifact, where later pull requests find their baseline. */
export interface ReportUploader {
  /** Why no artifact can be stored from here, or null when it can (see uploadBlocker). */
  unavailable(): string | null
  upload(name: string, reportFile: string): Promise<UploadedArtifact>
}

/**
 * The uploader of the runner: `@actions/artifact`, which talks to the Actions results service
 * (ACTIONS_RESULTS_URL with the job's ACTIONS_RUNTIME_TOKEN), not the REST API. The report
 * is always stored as `nb-image-report.json`, whatever `report-file` is called, so the
 * lookup knows what to take out of the archive.
 */
export function actionsArtifactUploader(
  tempDir?: string,
  env: ResultsEnv = process.env
): ReportUploader {
  return {
    unavailable: () => uploadBlocker(env),
    async upload(name, reportFile) {
      const parent = tempDir ?? os.tmpdir()
      await mkdir(parent, { recursive: true })
      const folder = await mkdtemp(path.join(parent, 'nb-image-artifact-'))
      try {
        const file = path.join(folder, REPORT_FILE_IN_ARTIFACT)
        await copyFile(reportFile, file)
        // Loaded on first use: the client brings the Azure storage SDK, which only runs that
        // upload on pushes need, so every other run starts without parsing it.
        const { DefaultArtifactClient } = await import('@actions/artifact')
        const client = new DefaultArtifactClient()
        const result = await client.uploadArtifact(name, [file], folder)
        return { id: result.id ?? null, size: result.size ?? null }
      } finally {
        await rm(folder, { recursive: true, force: true })
      }
    }
  }
}

/** The runner variables the artifact upload needs. */
export interface ResultsEnv {
  ACTIONS_RUNTIME_TOKEN?: string | undefined
  ACTIONS_RESULTS_URL?: string | undefined
  GITHUB_SERVER_URL?: string | undefined
}

/**
 * Why the report cannot be uploaded on this runner, or null when it can: the Actions results
 * service (what @actions/artifact talks to) is not there outside a job's step, and GitHub
 * Enterprise Server does not offer it.
 */
export function uploadBlocker(env: ResultsEnv): string | null {
  const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase()
  if (host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')) {
    return `artifacts of this kind are not available on GitHub Enterprise Server (${host})`
  }
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return 'ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set (not running as a step of a GitHub Actions job)'
  }
  return null
}
