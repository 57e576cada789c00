// The command runner's timeout: the command and everything it started are killed with
// SIGKILL, even when they ignore SIGTERM (as `docker buildx` was seen to).
import { readFileSync } from 'node:fs'
import { runCommand } from '../../src/adapters/process.js'

/** Whether a process runs: it exists and is not a zombie waiting for its reaper. */
const alive = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z'
  } catch {
    return false
  }
}

test('a command that outlives its timeout is killed with what it started', async () => {
  const started = Date.now()
  // A shell that ignores SIGTERM and waits on a child of its own, like docker and its plugin.
  const result = await runCommand('sh', ['-c', 'trap "" TERM; sleep 30 & echo $!; wait'], {
    timeoutMs: 300
  })
  expect(result.timedOut).toBe(true)
  expect(result.exitCode).not.toBe(0)
  expect(Date.now() - started).toBeLessThan(10_000)
  const child = Number(result.stdout.trim())
  expect(child).toBeGreaterThan(0)
  // The grandchild went with it (its process group was killed).
  for (let i = 0; i < 50 && alive(child); i++) await new Promise((r) => setTimeout(r, 20))
  expect(alive(child)).toBe(false)
})

test('a command that ends in time is not marked', async () => {
  const result = await runCommand('sh', ['-c', 'echo done'], { timeoutMs: 10_000 })
  expect(result).toStrictEqual({ exitCode: 0, stdout: 'done\n', stderr: '' })
})
