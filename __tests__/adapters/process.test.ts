import { KILL_GRACE_MS, runCommand } from '../../src/adapters/process.js'

// The real runner against real (tiny) processes: node itself, so the test needs nothing else.
const node = process.execPath

describe('runCommand', () => {
  test('collects stdout, stderr and the exit code, and writes the input to stdin', async () => {
    const result = await runCommand(
      node,
      [
        '-e',
        'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{process.stdout.write(s.toUpperCase());process.stderr.write("e");process.exit(3)})'
      ],
      { input: 'abc' }
    )
    expect(result).toEqual({ exitCode: 3, stdout: 'ABC', stderr: 'e' })
  })

  test('a missing program is exit code 127, not an exception', async () => {
    const result = await runCommand('/nonexistent/program', [])
    expect(result.exitCode).toBe(127)
    expect(result.stderr).toMatch(/ENOENT/)
  })

  test('cuts stdout and stderr at maxOutputChars and says so', async () => {
    const result = await runCommand(
      node,
      ['-e', 'process.stdout.write("x".repeat(100000));process.stderr.write("y".repeat(10))'],
      { maxOutputChars: 1000 }
    )
    expect(result.stdout).toBe('x'.repeat(1000))
    expect(result.stderr).toBe('y'.repeat(10))
    expect(result.truncated).toBe(true)
    expect(result.exitCode).toBe(0)
  })

  test('output under the cap is not marked truncated', async () => {
    const result = await runCommand(node, ['-e', 'process.stdout.write("ok")'], {
      maxOutputChars: 2
    })
    expect(result).toEqual({ exitCode: 0, stdout: 'ok', stderr: '' })
  })

  test('on timeout, onTimeout runs and the command is reported as timed out', async () => {
    let called = 0
    const started = Date.now()
    // The clean-up ends the process, as `docker rm -f` ends a `docker run` client.
    let pid = 0
    const result = await runCommand(
      node,
      ['-e', 'console.log(process.pid);setInterval(()=>{},1000)'],
      {
        timeoutMs: 300,
        onStdout: (chunk) => (pid = Number(chunk.trim())),
        onTimeout: () => {
          called++
          process.kill(pid, 'SIGTERM')
        }
      }
    )
    expect(called).toBe(1)
    expect(result.timedOut).toBe(true)
    expect(Date.now() - started).toBeLessThan(KILL_GRACE_MS)
  })

  test('a command that outlives its onTimeout is killed after the grace period', async () => {
    const started = Date.now()
    const result = await runCommand(node, ['-e', 'setInterval(()=>{},1000)'], {
      timeoutMs: 100,
      killGraceMs: 200,
      onTimeout: async () => undefined
    })
    expect(result.timedOut).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
  })

  test('a command that ends in time is not marked timed out, and leaves no timer behind', async () => {
    let called = false
    const result = await runCommand(node, ['-e', ''], {
      timeoutMs: 10000,
      onTimeout: () => {
        called = true
      }
    })
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' })
    expect(called).toBe(false)
  })
})
