// Throwaway containers of a built image, for reading what is inside it (src/contents/): a
// command run in isolation with a time limit, and files copied out without running
// anything. The isolation is decided here, once, for every such container.
import { readArchive } from '../image/archive.js'
import type { CommandRunner } from './process.js'

/** The label every container the action runs carries, to find leftovers of a killed run. */
export const CONTAINER_LABEL = 'nb-image-action.probe'

/** Limits of an isolated container: processes, memory (no swap), the /tmp tmpfs. */
export const ISOLATION_LIMITS = { pids: '64', memory: '512m', tmpfs: '16m' } as const

/** One command to run in a throwaway container of an image. */
export interface IsolatedRun {
  /** Image ID (or local reference); never pulled. */
  image: string
  /** The program to start instead of the image's entrypoint. */
  entrypoint: string
  args: string[]
  /** Written to the program's stdin: the only way anything from the host gets in. */
  input: string
  /** Unique container name: on timeout, the container is removed by it. */
  name: string
  timeoutMs: number
  /** Most characters of stdout (and of stderr) kept. */
  maxOutputChars: number
}

/** How an isolated run ended. */
export interface IsolatedResult {
  exitCode: number
  stdout: string
  stderr: string
  /** The time limit passed: the container was removed (`docker rm -f`). */
  timedOut: boolean
  /** The output was longer than `maxOutputChars` and was cut. */
  truncated: boolean
}

/**
 * `docker run` arguments for an isolated run: no network, a read-only root with a small
 * noexec /tmp, no capabilities, no privilege gain, few processes, bounded memory, no log
 * files, no pull, no mounts, no environment from the host. The image's own user runs it:
 * that is whose view of the filesystem the notebook kernel has.
 */
export function isolatedRunArgs(run: Omit<IsolatedRun, 'input' | 'timeoutMs'>): string[] {
  const { pids, memory, tmpfs } = ISOLATION_LIMITS
  return [
    'run',
    '--interactive',
    '--rm',
    '--name',
    run.name,
    '--label',
    `${CONTAINER_LABEL}=1`,
    '--pull',
    'never',
    '--network',
    'none',
    '--read-only',
    '--tmpfs',
    `/tmp:rw,noexec,nosuid,nodev,size=${tmpfs}`,
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
    '--pids-limit',
    pids,
    '--memory',
    memory,
    '--memory-swap',
    memory,
    '--log-driver',
    'none',
    '--entrypoint',
    run.entrypoint,
    run.image,
    ...run.args
  ]
}

/** Runs `run` with the docker CLI; on timeout the container is removed, which ends the client. */
export async function runIsolated(
  runner: CommandRunner,
  docker: string,
  env: NodeJS.ProcessEnv,
  run: IsolatedRun
): Promise<IsolatedResult> {
  const result = await runner(docker, isolatedRunArgs(run), {
    env,
    input: run.input,
    timeoutMs: run.timeoutMs,
    maxOutputChars: run.maxOutputChars,
    // Killing the client would leave the container running: remove the container.
    onTimeout: async () => {
      await runner(docker, ['rm', '--force', run.name], { env })
    }
  })
  return {
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    timedOut: result.timedOut === true,
    truncated: result.truncated === true
  }
}

/** A file copied out of an image. */
export interface ImageFile {
  /** Its name in the archive `docker cp` wrote (`status`, `status.d/base`). */
  name: string
  content: Uint8Array
}

/**
 * Copies paths out of an image without running it: `docker create` (with an entrypoint
 * that does not exist, so an image without one can be created; nothing is started),
 * `docker cp` of each path as a tar stream, `docker rm`. Each path maps to its files
 * (files larger than `maxBytes` are left out), or null when the image does not have it.
 * Throws when the engine refuses.
 */
export async function copyFromImage(
  runner: CommandRunner,
  docker: string,
  env: NodeJS.ProcessEnv,
  request: { image: string; name: string; paths: string[]; maxBytes: number; timeoutMs: number }
): Promise<Map<string, ImageFile[] | null>> {
  const { name, timeoutMs } = request
  const created = await runner(
    docker,
    [
      'create',
      '--name',
      name,
      '--label',
      `${CONTAINER_LABEL}=1`,
      '--pull',
      'never',
      '--network',
      'none',
      '--entrypoint',
      '/nonexistent',
      request.image
    ],
    { env, timeoutMs }
  )
  if (created.exitCode !== 0) {
    throw new Error(`docker create ${request.image} failed: ${lastLine(created.stderr)}`)
  }
  const found = new Map<string, ImageFile[] | null>()
  try {
    for (const file of request.paths) {
      const archive = await readArchive((_, size) => size <= request.maxBytes)
      const copied = await runner(docker, ['cp', `${name}:${file}`, '-'], {
        env,
        timeoutMs,
        stdoutTo: archive.sink
      })
      const files = await archive.end().catch(() => [])
      if (copied.exitCode !== 0) {
        if (/could not find the file|no such file/i.test(copied.stderr)) {
          found.set(file, null)
          continue
        }
        throw new Error(`docker cp ${file} failed: ${lastLine(copied.stderr)}`)
      }
      found.set(
        file,
        files.flatMap((entry) =>
          entry.content ? [{ name: entry.name, content: entry.content }] : []
        )
      )
    }
  } finally {
    await runner(docker, ['rm', '--force', name], { env })
  }
  return found
}

/** The last non-blank line of a command's output: what the docker CLI's error says. */
export function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .pop() ?? ''
  )
}
