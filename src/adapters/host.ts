// The machine this process runs on, beyond the engine: its load (timings depend on it, so
// the comparison records it) and the commit of the checkout (what was measured).
import os from 'node:os'
import type { CommandRunner } from './process.js'

/** The checked-out commit and whether tracked files differ from it. */
export interface GitHead {
  sha: string
  dirty: boolean
}

/** What the comparison asks of the host. */
export interface Host {
  /** The 1-minute load average; null where the platform has none (Windows). */
  loadAverage(): number | null
  /** The commit checked out in `dir`; null outside a git repository or without git. */
  gitHead(dir: string): Promise<GitHead | null>
}

/** The real host, running git through `run`. */
export function nodeHost(run: CommandRunner): Host {
  return {
    loadAverage() {
      const [oneMinute] = os.loadavg()
      return os.platform() === 'win32' || oneMinute === undefined ? null : oneMinute
    },
    async gitHead(dir) {
      // safe.directory: a checkout owned by another user (a runner in a container) is still read.
      const git = (args: string[]): ReturnType<CommandRunner> =>
        run('git', ['-C', dir, '-c', 'safe.directory=*', ...args]).catch(() => ({
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
}
