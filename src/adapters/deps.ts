import type { Logger } from '../utils/logger.js'
import type { ReportUploader } from './artifact.js'
import type { DockerClient } from './docker.js'
import type { FileSystem } from './fs.js'
import type { GitHubApi, GitHubClientOptions } from './github.js'
import type { GlobFn } from './glob.js'
import type { Host } from './host.js'
import type { RegistryClient } from './registry.js'

/**
 * Every adapter a run may use, in one bag: the action and the command line each make one
 * (main.ts defaultDeps, cli/cli.ts), tests pass fakes. Each stage takes only what it needs
 * (`Pick<Deps, 'docker' | 'logger'>`), so its signature says which systems it touches.
 */
export interface Deps {
  docker: DockerClient
  fs: FileSystem
  logger: Logger
  /** Reads pushed manifests back; needed when pushing. */
  registry?: RegistryClient
  /** Expands globs: the reports of a merge, the notebooks of NotebookValidationJobs. */
  glob?: GlobFn
  /** Makes the GitHub REST client of the run's repository (comment, baseline lookup). */
  github?: (options: GitHubClientOptions) => GitHubApi
  /** Stores the report as a workflow artifact, the baseline of later pull requests. */
  uploader?: ReportUploader
  /** Milliseconds since the epoch; injectable so reports can be pinned in tests. */
  now?: () => number
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>
  /** The machine's load and the checkout's commit, for the comparison's record. */
  host?: Host
}
