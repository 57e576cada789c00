import { EngineError } from '../utils/errors.js'
import { parseHistory, type HistoryRow } from '../measure/layers.js'
import {
  MAX_DOCUMENT_BYTES,
  resolveArchiveImage,
  type Platform,
  type ResolvedImage
} from '../image/oci.js'
import { BuildProgress, JsonStreamSplitter } from '../build/progress.js'
import { readArchive } from '../image/archive.js'
import type { CommandRunner } from './process.js'
import {
  copyFromImage,
  lastLine,
  runIsolated,
  type ImageFile,
  type IsolatedResult,
  type IsolatedRun
} from './docker-container.js'

/** What the engine said about itself. */
export interface EngineInfo {
  serverVersion: string
  buildxVersion: string
  /** `containerd` when the containerd image store is on, else the graph driver name. */
  imageStore: string
}

/** An image as the engine describes it. */
export interface ImageDetails {
  id: string
  /** `Size` from `docker image inspect` (packed content size on the containerd store). */
  inspectSizeBytes: number
  diffIds: string[]
  history: HistoryRow[]
  /** The image's platform (`docker image inspect` .Os/.Architecture/.Variant). */
  platform?: Platform
}

/** The machine the engine runs on, as `docker info` describes it. */
export interface MachineInfo {
  cpus: number | null
  memoryBytes: number | null
  os: string | null
}

/** What `docker push` of one reference did. */
export interface PushResult {
  exitCode: number
  /** The digest `docker push` printed (`<tag>: digest: sha256:… size: N`). */
  digest?: string
  /** The last line of its error output, when it failed. */
  error: string
}

/** The outcome of one `docker buildx bake` command: its exit code and progress stream. */
export interface BakeResult {
  exitCode: number
  progress: BuildProgress
}

/** The docker CLI operations the pipeline needs; tests may pass their own. */
export interface DockerClient {
  engineInfo(): Promise<EngineInfo>
  /**
   * Runs a buildx command, feeding its progress to `progress` (a new one if not given).
   * `env` adds variables to the command's environment only: the secrets a bake file names
   * (`secret: ["id=…,env=NAME"]`), which must be in no file and no argument.
   */
  build(
    args: string[],
    onLine: (line: string) => void,
    progress?: BuildProgress,
    env?: Record<string, string>
  ): Promise<BakeResult>
  inspectImage(ref: string): Promise<ImageDetails>
  /** `docker tag`; throws when the engine refuses. */
  tag(source: string, target: string): Promise<void>
  /** `docker push` of one reference; registry login is the workflow's job. */
  push(ref: string, onLine: (line: string) => void): Promise<PushResult>
  /**
   * The image's packed (compressed) content as the engine stores it, read from `docker
   * save` and resolved to the platform manifest: what a push uploads, on engines with the
   * containerd image store.
   */
  packedImage(ref: string, platform?: Platform): Promise<ResolvedImage>
  /** The engine's machine: CPUs, memory, operating system (`docker info`). */
  machineInfo(): Promise<MachineInfo>
  /** `docker image rm` of these references (each only untagged when others share its image); missing ones are no error. */
  removeImages(refs: readonly string[]): Promise<void>
  /**
   * Runs a command in a throwaway container of an image, isolated (adapters/docker-container.ts):
   * no network, read-only root, no capabilities, no mounts, stdin only, a time limit.
   */
  runIsolated(run: IsolatedRun): Promise<IsolatedResult>
  /** Copies paths out of an image without starting it; null for a path it does not have. */
  copyFromImage(request: {
    image: string
    name: string
    paths: string[]
    maxBytes: number
    timeoutMs: number
  }): Promise<Map<string, ImageFile[] | null>>
}

/** Where setup-buildx-action lives, for the error when buildx is missing. */
export const SETUP_BUILDX_URL = 'https://github.com/docker/setup-buildx-action'

/** DockerClient backed by the `docker` CLI. */
export class DockerCli implements DockerClient {
  constructor(
    private readonly run: CommandRunner,
    private readonly docker = 'docker',
    private readonly env: NodeJS.ProcessEnv = process.env
  ) {}

  async engineInfo(): Promise<EngineInfo> {
    // Three independent questions; asked at once, they cost the time of the slowest.
    const [version, buildx, info] = await Promise.all([
      this.run(this.docker, ['version', '--format', '{{json .Server}}'], { env: this.env }),
      this.run(this.docker, ['buildx', 'version'], { env: this.env }),
      this.run(this.docker, ['info', '--format', '{{json .DriverStatus}}'], { env: this.env })
    ])
    if (version.exitCode === 127) {
      throw new EngineError(
        'The docker CLI was not found on PATH. Install Docker on the runner before this step.'
      )
    }
    if (
      version.exitCode !== 0 ||
      version.stdout.trim() === '' ||
      version.stdout.trim() === 'null'
    ) {
      const where = this.env['DOCKER_HOST'] ?? 'the default socket (unix:///var/run/docker.sock)'
      throw new EngineError(
        `The Docker engine at ${where} does not answer: ${lastLine(version.stderr) || 'no server version'}. Start the engine or set DOCKER_HOST.`
      )
    }
    const server = JSON.parse(version.stdout) as { Version?: string }
    if (buildx.exitCode !== 0) {
      throw new EngineError(
        `docker buildx is not available (${lastLine(buildx.stderr) || `exit code ${buildx.exitCode}`}). Add docker/setup-buildx-action (${SETUP_BUILDX_URL}) before this step, or install the docker-buildx plugin.`
      )
    }
    return {
      serverVersion: server.Version ?? 'unknown',
      buildxVersion: buildx.stdout.trim().split(/\s+/)[1] ?? buildx.stdout.trim(),
      imageStore: imageStore(info.stdout)
    }
  }

  async build(
    args: string[],
    onLine: (line: string) => void,
    progress = new BuildProgress(),
    env: Record<string, string> = {}
  ): Promise<BakeResult> {
    // One splitter per stream: chunks of stdout and stderr may interleave mid-object.
    const splitters = { stdout: new JsonStreamSplitter(), stderr: new JsonStreamSplitter() }
    const feed = (items: ReturnType<JsonStreamSplitter['push']>): void => {
      for (const item of items) for (const line of progress.consume(item)) onLine(line)
    }
    // buildx writes progress on stderr; stdout only carries `--print`-style output.
    const result = await this.run(this.docker, args, {
      env: { ...this.env, ...env },
      collect: false,
      onStderr: (chunk) => feed(splitters.stderr.push(chunk)),
      onStdout: (chunk) => feed(splitters.stdout.push(chunk))
    })
    feed(splitters.stderr.end())
    feed(splitters.stdout.end())
    return { exitCode: result.exitCode, progress }
  }

  async inspectImage(ref: string): Promise<ImageDetails> {
    // Both at once: a missing image fails both, and inspect's error is the one reported.
    const [inspect, history] = await Promise.all([
      this.run(this.docker, ['image', 'inspect', '--format', '{{json .}}', ref], {
        env: this.env
      }),
      this.run(
        this.docker,
        ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', ref],
        { env: this.env }
      )
    ])
    if (inspect.exitCode !== 0)
      throw new Error(`docker image inspect ${ref} failed: ${lastLine(inspect.stderr)}`)
    const image = JSON.parse(inspect.stdout) as {
      Id: string
      Size: number
      RootFS?: { Layers?: string[] }
      Os?: string
      Architecture?: string
      Variant?: string
    }
    if (history.exitCode !== 0) {
      const said = lastLine(history.stderr)
      // Seen on Docker 26 with the containerd image store after rebuilding a tag over an
      // image with the same layers: the engine lost their unpacked snapshots.
      const hint = /snapshot \S+ does not exist/.test(said)
        ? ' (the engine lost the unpacked layers of this image, a containerd image store problem like moby/moby#50851: remove the image and build again)'
        : ''
      throw new Error(`docker history ${ref} failed: ${said}${hint}`)
    }
    const details: ImageDetails = {
      id: image.Id,
      inspectSizeBytes: image.Size,
      diffIds: image.RootFS?.Layers ?? [],
      history: parseHistory(history.stdout)
    }
    if (image.Os && image.Architecture) {
      details.platform = { os: image.Os, architecture: image.Architecture }
      if (image.Variant) details.platform.variant = image.Variant
    }
    return details
  }

  async tag(source: string, target: string): Promise<void> {
    const result = await this.run(this.docker, ['tag', source, target], { env: this.env })
    if (result.exitCode !== 0) {
      throw new Error(`docker tag ${source} ${target} failed: ${lastLine(result.stderr)}`)
    }
  }

  async push(ref: string, onLine: (line: string) => void): Promise<PushResult> {
    const lines = new LineSplitter(onLine)
    const result = await this.run(this.docker, ['push', ref], {
      env: this.env,
      onStdout: (chunk) => lines.push(chunk),
      onStderr: (chunk) => lines.push(chunk)
    })
    lines.end()
    const digest = /digest: (sha256:[a-f0-9]{64}) size: \d+/.exec(result.stdout)?.[1]
    const pushed: PushResult = {
      exitCode: result.exitCode,
      error: result.exitCode === 0 ? '' : lastLine(result.stderr) || lastLine(result.stdout)
    }
    if (digest) pushed.digest = digest
    return pushed
  }

  async packedImage(ref: string, platform?: Platform): Promise<ResolvedImage> {
    // Only JSON documents (index, manifests, config) are kept; layers stream through.
    const archive = await readArchive(
      (name, size) =>
        (name === 'index.json' || name.startsWith('blobs/')) && size <= MAX_DOCUMENT_BYTES
    )
    const result = await this.run(this.docker, ['image', 'save', ref], {
      env: this.env,
      stdoutTo: archive.sink
    })
    if (result.exitCode !== 0) {
      throw new Error(`docker image save ${ref} failed: ${lastLine(result.stderr)}`)
    }
    // Layer blobs that were not kept still count: their sizes are checked against the manifest.
    return resolveArchiveImage(await archive.end(), ref, platform)
  }

  async machineInfo(): Promise<MachineInfo> {
    const result = await this.run(
      this.docker,
      ['info', '--format', '{{json .NCPU}} {{json .MemTotal}} {{json .OperatingSystem}}'],
      { env: this.env }
    )
    if (result.exitCode !== 0) {
      throw new Error(`docker info failed: ${lastLine(result.stderr)}`)
    }
    const [cpus, memory, ...os] = result.stdout.trim().split(' ')
    const count = (text: string | undefined): number | null => {
      const value = Number(text)
      return Number.isSafeInteger(value) && value > 0 ? value : null
    }
    let name: string | null = null
    try {
      name = (JSON.parse(os.join(' ')) as string) || null
    } catch {
      name = null
    }
    return { cpus: count(cpus), memoryBytes: count(memory), os: name }
  }

  async removeImages(refs: readonly string[]): Promise<void> {
    if (refs.length === 0) return
    const result = await this.run(this.docker, ['image', 'rm', ...refs], { env: this.env })
    // `No such image` for refs already gone is fine; anything else is worth saying.
    const problems = result.stderr
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/No such image/i.test(line))
    if (result.exitCode !== 0 && problems.length > 0) {
      throw new Error(`docker image rm failed: ${problems.at(-1) ?? ''}`)
    }
  }

  runIsolated(run: IsolatedRun): Promise<IsolatedResult> {
    return runIsolated(this.run, this.docker, this.env, run)
  }

  copyFromImage(
    request: Parameters<DockerClient['copyFromImage']>[0]
  ): Promise<Map<string, ImageFile[] | null>> {
    return copyFromImage(this.run, this.docker, this.env, request)
  }
}

/** Splits streamed output into lines for the log. */
class LineSplitter {
  private rest = ''
  constructor(private readonly onLine: (line: string) => void) {}
  push(chunk: string): void {
    const lines = (this.rest + chunk).split(/\r?\n/)
    this.rest = lines.pop() ?? ''
    for (const line of lines) if (line.trim() !== '') this.onLine(line)
  }
  end(): void {
    if (this.rest.trim() !== '') this.onLine(this.rest)
    this.rest = ''
  }
}

function imageStore(driverStatusJson: string): string {
  try {
    const status = JSON.parse(driverStatusJson) as [string, string][] | null
    const type = status?.find(([key]) => key === 'driver-type')?.[1]
    if (type === 'io.containerd.snapshotter.v1') return 'containerd'
  } catch {
    // Older engines print nothing useful here; fall through.
  }
  return 'graphdriver'
}
