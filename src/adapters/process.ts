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
   * Time limit. When it passes, `onTimeout` runs first (killing a `docker run` client
   * leaves its container running: the caller removes the container, which ends the
   * client), then the process is killed if it is still there `killGraceMs` later.
   */
  timeoutMs?: number
  onTimeout?: () => Promise<void> | void
  /** Default KILL_GRACE_MS. */
  killGraceMs?: number
  /**
   * Most characters of stdout, and of stderr, kept (a command that prints without end must
   * not fill memory); what comes after is read and dropped, and the result says so.
   */
  maxOutputChars?: number
}

/** What a finished command left behind. */
export interface RunResult {
  exitCode: number
  stdout: string
  stderr: string
  /** Set when the time limit passed before the command ended. */
  timedOut?: true
  /** Set when stdout or stderr was longer than `maxOutputChars` and was cut. */
  truncated?: true
}

/** How long a timed-out command may take to end after `onTimeout` before it is killed. */
export const KILL_GRACE_MS = 5000

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
    const limit = options.maxOutputChars ?? Number.POSITIVE_INFINITY
    let stdout = ''
    let stderr = ''
    let truncated = false
    let timedOut = false
    let done = false
    const keep = (kept: string, chunk: string): string => {
      if (kept.length + chunk.length <= limit) return kept + chunk
      truncated = true
      return kept + chunk.slice(0, Math.max(0, limit - kept.length))
    }
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: false,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    const timers: NodeJS.Timeout[] = []
    if (options.timeoutMs !== undefined) {
      timers.push(
        setTimeout(() => {
          timedOut = true
          const kill = (): void => {
            if (!done)
              timers.push(
                setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? KILL_GRACE_MS)
              )
          }
          // The caller's clean-up first (it usually ends the process); a kill if it did not.
          Promise.resolve()
            .then(() => options.onTimeout?.())
            .then(kill, kill)
        }, options.timeoutMs)
      )
    }
    const finish = (result: RunResult): void => {
      done = true
      for (const timer of timers) clearTimeout(timer)
      if (timedOut) result.timedOut = true
      if (truncated) result.truncated = true
      resolve(result)
    }
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
        if (collect) stdout = keep(stdout, chunk)
        options.onStdout?.(chunk)
      })
    }
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      if (collect) stderr = keep(stderr, chunk)
      options.onStderr?.(chunk)
    })
    // A missing program is an answer, not an exception: the caller explains it.
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({
        exitCode: error.code === 'ENOENT' ? 127 : 126,
        stdout,
        stderr: `${stderr}${error.message}\n`
      })
    })
    child.on('close', (code, signal) => {
      finish({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr })
    })
  })
