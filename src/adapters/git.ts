import type { CommandRunner } from './process.js'

/** The commit time of a revision, or why it is not known. */
export type CommitTime = { seconds: number } | { missing: string }

/** The checked-out commit and whether tracked files differ from it. */
export interface GitHead {
  sha: string
  dirty: boolean
}

/** What the pipeline asks of git: when the commit being built was made, and which it is. */
export interface GitClient {
  /**
   * The committer time (Unix seconds) of `revision` in the repository at `dir`; works on a
   * shallow clone (actions/checkout's default depth 1) as long as it holds the commit.
   */
  commitTime(dir: string, revision: string): Promise<CommitTime>
  /** The commit checked out in `dir` (a comparison's record); null outside a repository. */
  head(dir: string): Promise<GitHead | null>
}

/** Revisions passed to git: a commit SHA (abbreviated or full) or HEAD, never an option. */
const REVISION = /^(?:[0-9a-f]{7,64}|HEAD)$/i

/** GitClient backed by the `git` CLI. */
export class GitCli implements GitClient {
  constructor(
    private readonly run: CommandRunner,
    private readonly git = 'git'
  ) {}

  async commitTime(dir: string, revision: string): Promise<CommitTime> {
    if (!REVISION.test(revision)) return { missing: `"${revision}" is not a commit` }
    // safe.directory: a workspace owned by another user (a runner in a container) is fine
    // to read; `%ct` is the committer time, which a rebase or an amend moves.
    const result = await this.run(this.git, [
      '-C',
      dir,
      '-c',
      'safe.directory=*',
      'log',
      '-1',
      '--format=%ct',
      revision,
      '--'
    ])
    if (result.exitCode === 127) return { missing: 'git is not installed' }
    const seconds = Number(result.stdout.trim())
    if (result.exitCode !== 0 || !/^\d+$/.test(result.stdout.trim())) {
      const said = result.stderr.trim().split('\n').pop() ?? ''
      return { missing: said || `git log exited with code ${result.exitCode}` }
    }
    return { seconds }
  }

  async head(dir: string): Promise<GitHead | null> {
    const git = (args: string[]): ReturnType<CommandRunner> =>
      this.run(this.git, ['-C', dir, '-c', 'safe.directory=*', ...args]).catch(() => ({
        exitCode: 127,
        stdout: '',
        stderr: ''
      }))
    const head = await git(['rev-parse', '--verify', 'HEAD'])
    const sha = head.stdout.trim()
    if (head.exitCode !== 0 || !/^[0-9a-f]{40,64}$/.test(sha)) return null
    // Untracked files are left out: reports and generated Dockerfiles land in the tree.
    const status = await git(['status', '--porcelain', '--untracked-files=no'])
    return { sha, dirty: status.exitCode === 0 && status.stdout.trim() !== '' }
  }
}
