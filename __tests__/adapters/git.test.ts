import { GitCli } from '../../src/adapters/git.js'
import type { CommandRunner, RunResult } from '../../src/adapters/process.js'

/** A runner that answers every command with `result` and records the argv. */
function runner(result: RunResult): { run: CommandRunner; calls: string[][] } {
  const calls: string[][] = []
  return {
    calls,
    run: async (command, args) => {
      calls.push([command, ...args])
      return result
    }
  }
}

describe('GitCli.commitTime', () => {
  test('asks git log for the committer time of the revision, as an argument array', async () => {
    const { run, calls } = runner({ exitCode: 0, stdout: '1767323045\n', stderr: '' })
    expect(await new GitCli(run).commitTime('/w', 'HEAD')).toStrictEqual({ seconds: 1767323045 })
    expect(calls).toStrictEqual([
      ['git', '-C', '/w', '-c', 'safe.directory=*', 'log', '-1', '--format=%ct', 'HEAD', '--']
    ])
  })

  test.each<[string, RunResult, string]>([
    [
      'git missing',
      { exitCode: 127, stdout: '', stderr: 'spawn git ENOENT\n' },
      'git is not installed'
    ],
    [
      'not a repository',
      {
        exitCode: 128,
        stdout: '',
        stderr: 'fatal: not a git repository (or any of the parent directories): .git\n'
      },
      'fatal: not a git repository (or any of the parent directories): .git'
    ],
    ['no output', { exitCode: 0, stdout: '', stderr: '' }, 'git log exited with code 0']
  ])('%s: why, not an exception', async (_name, result, missing) => {
    const { run } = runner(result)
    expect(await new GitCli(run).commitTime('/w', 'abc1234')).toStrictEqual({ missing })
  })

  test.each(['--output=/tmp/x', '-p', 'main~1', 'abc'])(
    '%j is not passed to git: only a SHA or HEAD',
    async (revision) => {
      const { run, calls } = runner({ exitCode: 0, stdout: '1\n', stderr: '' })
      expect(await new GitCli(run).commitTime('/w', revision)).toStrictEqual({
        missing: `"${revision}" is not a commit`
      })
      expect(calls).toStrictEqual([])
    }
  )
})
