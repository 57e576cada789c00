// The Docker engine and buildx, as the action uses them: one helper class for one external
// system (the house style), the reason it is longer than 350 lines. Every docker command the
// action runs is here, so tests swap one adapter: engine facts, bake, BuildKit's reading of a
// Dockerfile, inspection with the lost-snapshot repair, disk usage, tag, push, save.
// Parsing of what comes back lives in pure modules (measure/, image/, plan/dockerfile-targets).
import { randomBytes } from 'node:crypto'
import { EngineError } from '../utils/errors.js'
import type { HistoryRow } from '../measure/layers.js'
import { readImageHistory, type HistoryAnswer } from '../measure/history.js'
import type { RegistryConfig } from '../image/insecure-registry.js'
import {
  classifyFailure,
  parseBuildxVersion,
  parseTargetsJson,
  targetsArgs,
  targetsRequest,
  type TargetsAnswer,
  type TargetsQuestion
} from '../plan/dockerfile-targets.js'
import { limited } from '../utils/concurrency.js'
import type { LocalImage } from '../build/disk-space.js'
import {
  MAX_DOCUMENT_BYTES,
  resolveArchiveImage,
  type Platform,
  type ResolvedImage
} from '../image/oci.js'
import { BuildProgress, JsonStreamSplitter } from '../build/progress.js'
import { readArchive } from '../image/archive.js'
import { canonicalReference } from '../image/reference.js'
import type { CommandRunner, RunResult } from './process.js'
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
  /** `docker info`'s DockerRootDir: where the engine keeps images (on the engine's machine). */
  dataRoot?: string
  /** `docker info`'s Name: the host name of the engine's machine. */
  engineHost?: string
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
  /**
   * Set when the engine had lost the image's unpacked layers (containerd image store) and
   * they were unpacked again before measuring: the engine's message.
   */
  repaired?: string
}

/** One row of `docker system df`, as the CLI prints it (sizes are human strings). */
export interface DiskUsageRow {
  type: string
  size: string
  reclaimable: string
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
  /**
   * The IDs the references point at now, by reference; one missing from the engine (or an
   * engine that does not answer) is left out. One call for all of them.
   */
  imageIds(refs: string[]): Promise<Map<string, string>>
  /** `docker tag`; throws when the engine refuses. */
  tag(source: string, target: string): Promise<void>
  /**
   * The stages of each Dockerfile as the builder's own frontend lists them, asked in
   * parallel, keyed by Dockerfile; `buildxVersion` (from engineInfo) picks the request.
   * Never throws: a file gets its stages, the frontend's error, or why buildx cannot answer.
   */
  listTargets(
    questions: TargetsQuestion[],
    options: { buildxVersion: string; builder?: string }
  ): Promise<Map<string, TargetsAnswer>>
  /** The engine's registry settings (`docker info` RegistryConfig): its insecure registries. */
  registryConfig(): Promise<RegistryConfig>
  /** Each of these images the engine holds: its tags and layer diff IDs (missing ones left out). */
  localImages(refs: string[]): Promise<LocalImage[]>
  /** `docker system df`: what the engine's images, containers and build cache take. */
  diskUsage(): Promise<DiskUsageRow[]>
  /** The driver of a buildx builder (`docker`, `docker-container`, `remote`, …), if known. */
  builderDriver(builder: string): Promise<string | undefined>
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

/** Dockerfiles whose targets are asked at once: each is a docker + buildx process pair. */
const TARGETS_CONCURRENCY = 4
/** How long one targets request may take before it is killed (buildx ignores SIGTERM). */
const TARGETS_TIMEOUT_MS = 60_000

/** What `docker info` is asked: one process for everything the run needs of it. */
const INFO_FORMAT =
  '{"driverStatus":{{json .DriverStatus}},"dockerRootDir":{{json .DockerRootDir}},"name":{{json .Name}}}'

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
      this.run(this.docker, ['info', '--format', INFO_FORMAT], { env: this.env })
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
    const facts = readInfo(info.stdout)
    const engine: EngineInfo = {
      serverVersion: server.Version ?? 'unknown',
      buildxVersion: buildx.stdout.trim().split(/\s+/)[1] ?? buildx.stdout.trim(),
      imageStore: imageStore(facts.driverStatus)
    }
    if (facts.dockerRootDir) engine.dataRoot = facts.dockerRootDir
    if (facts.name) engine.engineHost = facts.name
    return engine
  }

  async listTargets(
    questions: TargetsQuestion[],
    options: { buildxVersion: string; builder?: string }
  ): Promise<Map<string, TargetsAnswer>> {
    const answers = new Map<string, TargetsAnswer>()
    const request = targetsRequest(parseBuildxVersion(options.buildxVersion))
    const unique = [...new Map(questions.map((q) => [q.dockerfile, q])).values()]
    if (!request) {
      const unavailable = `buildx ${options.buildxVersion} cannot list targets (0.11 or later can)`
      for (const question of unique) answers.set(question.dockerfile, { unavailable })
      return answers
    }
    const ask = limited(TARGETS_CONCURRENCY, async (question: TargetsQuestion) => {
      const result = await this.run(
        this.docker,
        targetsArgs(request.flag, question, options.builder),
        { env: { ...this.env, ...request.env }, timeoutMs: TARGETS_TIMEOUT_MS, killGraceMs: 0 }
      )
      answers.set(question.dockerfile, targetsAnswer(result))
    })
    await Promise.all(unique.map((question) => ask(question)))
    return answers
  }

  async registryConfig(): Promise<RegistryConfig> {
    const result = await this.run(this.docker, ['info', '--format', '{{json .RegistryConfig}}'], {
      env: this.env
    })
    if (result.exitCode !== 0)
      throw new Error(`docker info failed: ${lastLine(result.stderr) || result.exitCode}`)
    return (JSON.parse(result.stdout) as RegistryConfig | null) ?? {}
  }

  async localImages(refs: string[]): Promise<LocalImage[]> {
    if (refs.length === 0) return []
    // Missing images make the command fail; the ones found are still printed, a line each.
    const result = await this.run(
      this.docker,
      [
        'image',
        'inspect',
        '--format',
        '{"tags":{{json .RepoTags}},"layers":{{json .RootFS.Layers}}}',
        ...refs
      ],
      { env: this.env }
    )
    return result.stdout
      .split('\n')
      .filter((line) => line.trim().startsWith('{'))
      .map((line) => {
        const image = JSON.parse(line) as { tags?: string[] | null; layers?: string[] | null }
        return { tags: image.tags ?? [], layers: image.layers ?? [] }
      })
  }

  async diskUsage(): Promise<DiskUsageRow[]> {
    const result = await this.run(this.docker, ['system', 'df', '--format', '{{json .}}'], {
      env: this.env
    })
    if (result.exitCode !== 0) return []
    return result.stdout
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const row = JSON.parse(line) as { Type?: string; Size?: string; Reclaimable?: string }
        return { type: row.Type ?? '', size: row.Size ?? '', reclaimable: row.Reclaimable ?? '' }
      })
  }

  async builderDriver(builder: string): Promise<string | undefined> {
    const result = await this.run(this.docker, ['buildx', 'inspect', builder], { env: this.env })
    if (result.exitCode !== 0) return undefined
    return /^Driver:\s*(\S+)/m.exec(result.stdout)?.[1]
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
    // History is asked by reference to save a round trip, and only taken when its newest
    // row is the image inspect named (measure/history.ts asks again by ID otherwise).
    const [inspect, history] = await Promise.all([
      this.run(this.docker, ['image', 'inspect', '--format', '{{json .}}', ref], {
        env: this.env
      }),
      this.history(ref)
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
    let platform: Platform | undefined
    if (image.Os && image.Architecture) {
      platform = { os: image.Os, architecture: image.Architecture }
      if (image.Variant) platform.variant = image.Variant
    }
    const { rows, repaired } = await readImageHistory(image.Id, history, {
      history: (id) => this.history(id),
      unpack: (id) => this.unpack(id, platform)
    }).catch((error: unknown) => {
      throw new Error(
        `docker history ${ref} failed: ${error instanceof Error ? error.message : String(error)}`
      )
    })
    const details: ImageDetails = {
      id: image.Id,
      inspectSizeBytes: image.Size,
      diffIds: image.RootFS?.Layers ?? [],
      history: rows
    }
    if (platform) details.platform = platform
    if (repaired) details.repaired = repaired
    return details
  }

  private async history(image: string): Promise<HistoryAnswer> {
    const result = await this.run(
      this.docker,
      ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', image],
      { env: this.env }
    )
    return result.exitCode === 0
      ? { ok: true, output: result.stdout }
      : { ok: false, error: lastLine(result.stderr) || `exit code ${result.exitCode}` }
  }

  /**
   * Unpacks an image's layers again: creating a container (never started, no network)
   * prepares its snapshots; the container is removed at once.
   */
  private async unpack(id: string, platform?: Platform): Promise<string | undefined> {
    const name = `nb-image-unpack-${randomBytes(6).toString('hex')}`
    const args = ['create', '--name', name, '--network', 'none']
    if (platform)
      args.push(
        '--platform',
        [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')
      )
    args.push(id, '/nb-image-unpack')
    const created = await this.run(this.docker, args, { env: this.env })
    await this.run(this.docker, ['rm', '--force', name], { env: this.env })
    return created.exitCode === 0
      ? undefined
      : lastLine(created.stderr) || `exit code ${created.exitCode}`
  }

  async imageIds(refs: string[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>()
    if (refs.length === 0) return ids
    // Exit code 1 when some have no image: the others are printed all the same.
    const result = await this.run(
      this.docker,
      ['image', 'inspect', '--format', '{{json .RepoTags}} {{.Id}}', ...refs],
      { env: this.env }
    )
    const wanted = refs.map((ref) => [ref, canonicalReference(ref)] as const)
    for (const line of result.stdout.split('\n')) {
      const match = /^(\[.*\]|null) (sha256:[0-9a-f]{64})$/.exec(line.trim())
      if (!match?.[1] || !match[2]) continue
      const tags = new Set(
        ((JSON.parse(match[1]) as string[] | null) ?? []).map(canonicalReference)
      )
      for (const [ref, canonical] of wanted) if (tags.has(canonical)) ids.set(ref, match[2])
    }
    return ids
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

/** The fields of `docker info` (INFO_FORMAT) the run reads. */
interface InfoFacts {
  driverStatus?: [string, string][] | null
  dockerRootDir?: string
  name?: string
}

function readInfo(stdout: string): InfoFacts {
  try {
    return (JSON.parse(stdout) as InfoFacts | null) ?? {}
  } catch {
    // Older engines print nothing useful here; fall through.
    return {}
  }
}

function imageStore(status: InfoFacts['driverStatus']): string {
  const type = status?.find(([key]) => key === 'driver-type')?.[1]
  return type === 'io.containerd.snapshotter.v1' ? 'containerd' : 'graphdriver'
}

/** What one targets request answered: the stages, the frontend's error, or no answer. */
function targetsAnswer(result: RunResult): TargetsAnswer {
  if (result.timedOut) {
    return { unavailable: `no answer within ${TARGETS_TIMEOUT_MS / 1000} s` }
  }
  if (result.exitCode !== 0) return classifyFailure(result.stderr)
  try {
    return { stages: parseTargetsJson(result.stdout) }
  } catch (error) {
    return {
      unavailable: `unreadable answer (${error instanceof Error ? error.message : String(error)})`
    }
  }
}
