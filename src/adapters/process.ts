import { spawn } from 'node:child_process'
import type { ByteSink } from '../image/archive.js'

/** How to run one command. */
export interface RunOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Called with each chunk of stdout/stderr as it arrives. */
  onStdout?: (chunk: string) => void
  onStderr?: (chunk: string) => void
  /** Keep stdout/stderr in the result (default true); builds stream instead. */
  collect?: boolean
  /**
   * Where raw stdout goes, for binary output (`docker save`); stdout is then neither decoded
   * nor kept. Reading pauses while the sink is full. Once the sink fails, the rest is read
   * and dropped, so the command can still finish.
   */
  stdoutTo?: ByteSink
  /** Text written to the command's stdin (credential helpers read their query there). */
  input?: string
  /**
   * Ends the command after this many milliseconds with SIGKILL, sent to its whole process
   * group: `docker buildx` runs as a plugin process of `docker` and was seen to ignore
   * SIGTERM (a `--print=targets` read from stdin never returned), so nothing gentler works.
   */
  timeoutMs?: number
}

/** What a finished command left behind. */
export interface RunResult {
  exitCode: number
  stdout: string
  stderr: string
  /** Set when `timeoutMs` ran out and the command was killed. */
  timedOut?: boolean
}

/** Runs a program with an argument array; never through a shell. */
export type CommandRunner = (
  command: string,
  args: string[],
  options?: RunOptions
) => Promise<RunResult>

/** The real runner: `child_process.spawn` without a shell, resolving on exit. */
export const runCommand: CommandRunner = (command, args, options = {}) =>
  new Promise((resolve) => {
    const collect = options.collect ?? true
    let stdout = ''
    let stderr = ''
    const timeout = options.timeoutMs
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: false,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group, so a timeout can kill what it started too.
      detached: timeout !== undefined
    })
    let timedOut = false
    const timer =
      timeout === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            try {
              if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
            } catch {
              child.kill('SIGKILL')
            }
          }, timeout)
    // Commands get `input` or an immediate end of file, never the action's own stdin; one
    // that exits without reading must not crash us with EPIPE.
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
    const sink = options.stdoutTo
    if (sink) {
      let broken = false
      sink.once('error', () => {
        broken = true
        child.stdout.resume()
      })
      child.stdout.on('data', (chunk: Buffer) => {
        if (broken || sink.write(chunk)) return
        child.stdout.pause()
        sink.once('drain', () => {
          if (!broken) child.stdout.resume()
        })
      })
    } else {
      child.stdout.setEncoding('utf8')
      child.stdout.on('data', (chunk: string) => {
        if (collect) stdout += chunk
        options.onStdout?.(chunk)
      })
    }
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      if (collect) stderr += chunk
      options.onStderr?.(chunk)
    })
    // A missing program is an answer, not an exception: the caller explains it.
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      resolve({
        exitCode: error.code === 'ENOENT' ? 127 : 126,
        stdout,
        stderr: `${stderr}${error.message}\n`
      })
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const result: RunResult = { exitCode: code ?? (signal ? 128 : 1), stdout, stderr }
      if (timedOut) result.timedOut = true
      resolve(result)
    })
  })
