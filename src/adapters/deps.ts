import type { Logger } from '../utils/logger.js'
import type { RunBaseline } from '../github/pull-request-comment.js'
import type { ReportUploader } from './artifact.js'
import type { DockerClient } from './docker.js'
import type { FileSystem } from './fs.js'
import type { GitClient } from './git.js'
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
  /** Reads the commit time of the source being built (the images' source date). */
  git?: GitClient
  /** Reads pushed manifests back; needed when pushing. */
  registry?: RegistryClient
  /** Expands globs: the reports of a merge, the notebooks of NotebookValidationJobs. */
  glob?: GlobFn
  /** Makes the GitHub REST client of the run's repository (comment, baseline lookup). */
  github?: (options: GitHubClientOptions) => GitHubApi
  /** Stores the report as a workflow artifact, the baseline of later pull requests. */
  uploader?: ReportUploader
  /**
   * The run's baseline report, looked up once (the base branch's artifact, or
   * `baseline-report`): the build checks growth and disk space against it, the comment
   * compares with it. Resolves to null when the run has none to look for.
   */
  baseline?: () => Promise<RunBaseline | null>
  /** Milliseconds since the epoch; injectable so reports can be pinned in tests. */
  now?: () => number
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>
  /** The machine: free space and name for the disk check, load for a comparison's record. */
  host?: Host
}
