import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import type {
  BakeResult,
  DiskUsageRow,
  DockerClient,
  EngineInfo,
  ImageDetails,
  MachineInfo,
  PushResult
} from '../../src/adapters/docker.js'
import type { RegistryConfig } from '../../src/image/insecure-registry.js'
import type { LocalImage } from '../../src/build/disk-space.js'
import { DockerfileSyntaxError, parseStages } from '../../src/plan/dockerfile-stages.js'
import type { TargetsAnswer, TargetsQuestion } from '../../src/plan/dockerfile-targets.js'
import type { ImageFile, IsolatedResult, IsolatedRun } from '../../src/adapters/docker-container.js'
import { INPUT_SEPARATOR } from '../../src/contents/probe-io.js'
import type { FileSystem } from '../../src/adapters/fs.js'
import type { CommitTime, GitClient, GitHead } from '../../src/adapters/git.js'
import type { BakeFile } from '../../src/build/bake.js'
import type { GlobFn, GlobMatch } from '../../src/adapters/glob.js'
import { RegistryError, type RegistryClient } from '../../src/adapters/registry.js'
import type { AnnotationTarget, Logger } from '../../src/utils/logger.js'
import type { Platform, ResolvedImage } from '../../src/image/oci.js'
import { BuildProgress, JsonStreamSplitter } from '../../src/build/progress.js'
import { playResolution, type FakeResolution } from './fake-resolution.js'

function enoent(file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`ENOENT: no such file or directory, '${file}'`)
  error.code = 'ENOENT'
  return error
}

/** An in-memory POSIX filesystem with files, directories and symlinks. */
export class FakeFs implements FileSystem {
  readonly files = new Map<string, Uint8Array>()
  readonly dirs = new Set<string>(['/'])
  readonly links = new Map<string, string>()
  readonly writes: string[] = []
  readonly removed: string[] = []
  /** Paths whose writes fail. */
  readonly unwritable = new Set<string>()
  private temp = 0

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [file, content] of Object.entries(files)) this.addFile(file, content)
  }

  addFile(file: string, content: string | Uint8Array): void {
    this.addDir(path.dirname(file))
    this.files.set(file, typeof content === 'string' ? new TextEncoder().encode(content) : content)
  }

  addDir(dir: string): void {
    for (let d = dir; !this.dirs.has(d); d = path.dirname(d)) this.dirs.add(d)
  }

  /** `link` points at `target` (absolute, or relative to the link's folder). */
  addLink(link: string, target: string): void {
    this.addDir(path.dirname(link))
    this.links.set(link, target)
  }

  text(file: string): string | undefined {
    const bytes = this.files.get(file)
    return bytes && new TextDecoder().decode(bytes)
  }

  async readFile(file: string): Promise<Uint8Array> {
    const real = await this.realpath(file)
    const bytes = this.files.get(real)
    if (!bytes) throw enoent(file)
    return bytes
  }

  async writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
    if (this.unwritable.has(file)) throw new Error(`EACCES: permission denied, open '${file}'`)
    this.writes.push(file)
    this.addFile(file, content)
  }

  async realpath(file: string): Promise<string> {
    let current = '/'
    for (const part of path.resolve(file).split('/').filter(Boolean)) {
      let next = path.join(current, part)
      for (let hops = 0; this.links.has(next); hops++) {
        if (hops > 40) throw new Error(`ELOOP: '${file}'`)
        next = path.resolve(path.dirname(next), this.links.get(next) ?? '')
      }
      if (!this.files.has(next) && !this.dirs.has(next)) throw enoent(file)
      current = next
    }
    return current
  }

  async isFile(file: string): Promise<boolean> {
    try {
      return this.files.has(await this.realpath(file))
    } catch {
      return false
    }
  }

  async makeTempDir(parent?: string): Promise<string> {
    const dir = path.join(parent ?? '/tmp', `nb-image-${++this.temp}`)
    this.addDir(dir)
    return dir
  }

  async listDir(dir: string): Promise<{ name: string; directory: boolean }[]> {
    const real = await this.realpath(dir)
    if (!this.dirs.has(real)) throw enoent(dir)
    const names = new Map<string, boolean>()
    for (const file of this.files.keys())
      if (path.dirname(file) === real) names.set(path.basename(file), false)
    for (const sub of this.dirs)
      if (sub !== real && path.dirname(sub) === real) names.set(path.basename(sub), true)
    return [...names]
      .map(([name, directory]) => ({ name, directory }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  }

  async remove(file: string): Promise<void> {
    this.removed.push(file)
    this.dirs.delete(file)
    for (const name of [...this.files.keys()])
      if (name.startsWith(`${file}/`)) this.files.delete(name)
  }
}

const rawjson = (name: string): string =>
  readFileSync(new URL(`../fixtures/rawjson/${name}.txt`, import.meta.url), 'utf8')

/** What the fake engine does with an image (keyed by its ref) when a bake session builds it. */
export type FakeBuild =
  /** `finishesFirst`: its export completes before another target of the session fails. */
  | { kind: 'ok'; details: ImageDetails; cached?: boolean; finishesFirst?: boolean }
  /** Its own step fails with this error; bake cancels the other targets of the session. */
  | { kind: 'fail'; error: string }
  /** The whole session replays this stream and exits with this code (one-target sessions). */
  | { kind: 'stream'; exitCode: number; stream: string }
  | { kind: 'unmeasurable'; error: string }

/** A bake session the fake ran: the targets asked for and the refs they build. */
export interface FakeSession {
  args: string[]
  targets: string[]
  refs: string[]
  definition: BakeFile
}

const T0 = Date.parse('2026-01-02T03:04:05.000Z')
const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString()

/**
 * A progress stream like the one `docker buildx bake --progress=rawjson` writes: a shared
 * base stage (`FROM`, one `RUN`) and one `RUN` plus an export per target, with the target
 * prefixes bake adds when there are several. A failing target's `RUN` reports its error
 * and every other target's `RUN` is cancelled, as bake does.
 */
export function syntheticBakeStream(targets: { name: string; outcome: FakeBuild }[]): {
  stream: string
  exitCode: number
} {
  const prefix = (name: string): string => (targets.length > 1 ? `${name} ` : '')
  const first = targets[0]?.name ?? 'x'
  const failing = targets.filter((target) => target.outcome.kind === 'fail')
  const cached = targets.every(
    (target) => target.outcome.kind === 'ok' && target.outcome.cached === true
  )
  const objects: unknown[] = [
    {
      vertexes: [
        {
          digest: 'sha256:bake',
          name: '[internal] load local bake definitions',
          started: at(0),
          completed: at(0)
        }
      ]
    },
    {
      vertexes: [
        {
          digest: 'sha256:from',
          name: `[${prefix(first)}base 1/2] FROM docker.io/library/busybox:1`,
          started: at(0.5),
          completed: at(0.5)
        },
        {
          digest: 'sha256:base',
          inputs: ['sha256:from'],
          name: `[${prefix(first)}base 2/2] RUN make base`,
          started: at(cached ? 0.5 : 1),
          completed: at(cached ? 0.5 : 2),
          ...(cached ? { cached: true } : {})
        }
      ]
    }
  ]
  targets.forEach(({ name, outcome }, index) => {
    const label = targets.length > 1 ? `${name} ` : ''
    const run: Record<string, unknown> = {
      digest: `sha256:run-${name}`,
      inputs: ['sha256:base'],
      name: `[${label}${name} 1/1] RUN make ${name}`,
      started: at(cached ? 0.5 : 2),
      completed: at(cached ? 0.5 : 3 + index)
    }
    if (cached) run['cached'] = true
    const finishesFirst = outcome.kind === 'ok' && outcome.finishesFirst === true
    if (outcome.kind === 'fail') run['error'] = outcome.error
    else if (failing.length > 0 && !finishesFirst)
      run['error'] =
        `process "/bin/sh -c make ${name}" did not complete successfully: exit code: 137: context canceled: context canceled`
    const vertexes = [
      {
        digest: `sha256:definition-${name}`,
        name: `[${label}internal] load build definition from Dockerfile`,
        started: at(0.1),
        completed: at(0.2)
      },
      run
    ]
    const exported = failing.length === 0 || finishesFirst
    if (exported) {
      vertexes.push({
        digest: `sha256:export-${name}`,
        name: `${targets.length > 1 ? `[${name}] ` : ''}exporting to image`,
        started: at(cached ? 0.6 : 3 + index),
        completed: at(cached ? 0.7 : 3.5 + index)
      })
    }
    // The export names the image's digests (its ID among them) as it writes the image.
    const id = outcome.kind === 'ok' ? outcome.details.id : undefined
    objects.push({
      vertexes,
      ...(exported && id
        ? { statuses: [{ id: `exporting manifest ${id}`, vertex: `sha256:export-${name}` }] }
        : {})
    })
    objects.push({
      logs: [
        { vertex: `sha256:run-${name}`, data: Buffer.from(`making ${name}\n`).toString('base64') }
      ]
    })
  })
  const text = failing.map((target) =>
    target.outcome.kind === 'fail' ? `ERROR: failed to solve: ${target.outcome.error}\n` : ''
  )
  return {
    stream: `${objects.map((object) => JSON.stringify(object, null, 2)).join('\n')}\n${text.join('')}`,
    exitCode: failing.length > 0 ? 1 : 0
  }
}

/** A Docker engine in memory: records every call, runs bake sessions from the outcomes. */
export class FakeDocker implements DockerClient {
  readonly calls: string[] = []
  readonly sessions: FakeSession[] = []
  engine: EngineInfo | Error = {
    serverVersion: '26.1.5',
    buildxVersion: 'v0.13.1',
    imageStore: 'containerd'
  }

  /** Local ref → the packed image `docker save` shows (default: derived from the ref). */
  readonly packed: Record<string, ResolvedImage | Error> = {}
  /** Target ref → results of successive `docker push` attempts (default: success). */
  readonly pushResults: Record<string, PushResult[]> = {}
  /** Target ref → local ref it was tagged from. */
  readonly tagged = new Map<string, string>()
  /** Where successful pushes land. */
  registry?: FakeRegistry
  /** What the Python resolution call does (default: every named project at 1.0.0). */
  resolution: FakeResolution = { kind: 'ok' }
  /** The environment each bake call was given (the pip.conf secret), in order. */
  readonly bakeEnvs: Record<string, string>[] = []

  /** How many more times inspecting a ref fails (an image not loaded into the engine yet). */
  readonly inspectFailures = new Map<string, number>()

  /** Scripted answers of the targets request, by Dockerfile (default: the file's stages). */
  readonly targets = new Map<string, TargetsAnswer>()
  /** Layers of images the engine already holds, by ref (for the disk check). */
  readonly local = new Map<string, string[]>()
  /** What `docker system df` says. */
  usage: DiskUsageRow[] = []
  /** Builder name → driver (default `docker`). */
  readonly drivers = new Map<string, string>()

  /**
   * What an isolated run (the contents probe) answers, by image ID; by default a healthy
   * Python image in which every notebook's imports resolve (probeAnswer). `runs` records
   * each run.
   */
  readonly isolated: Record<string, IsolatedResult | ((run: IsolatedRun) => IsolatedResult)> = {}
  readonly runs: IsolatedRun[] = []
  /** What `docker cp` finds in an image, by image ID and path (default: nothing). */
  readonly imageFiles: Record<string, Record<string, ImageFile[]>> = {}

  /**
   * Outcomes keyed by image ref; a missing ref builds fine with one layer. The bake file is
   * read from `fs`, where the pipeline writes it.
   */
  constructor(
    readonly outcomes: Record<string, FakeBuild> = {},
    readonly fs?: FakeFs
  ) {}

  async tag(source: string, target: string): Promise<void> {
    this.calls.push(`tag ${source} ${target}`)
    this.tagged.set(target, source)
  }

  async push(ref: string, onLine: (line: string) => void): Promise<PushResult> {
    this.calls.push(`push ${ref}`)
    const scripted = this.pushResults[ref]?.shift()
    const source = this.tagged.get(ref)
    if (scripted && scripted.exitCode !== 0) {
      onLine(scripted.error)
      return scripted
    }
    if (!source)
      return { exitCode: 1, error: `An image does not exist locally with the tag: ${ref}` }
    const image = this.packedFor(source)
    this.registry?.images.set(ref, image)
    onLine(`${ref.replace(/^.*:/, '')}: digest: ${image.digest} size: 855`)
    return scripted ?? { exitCode: 0, digest: image.digest, error: '' }
  }

  async packedImage(ref: string, _platform?: Platform): Promise<ResolvedImage> {
    this.calls.push(`save ${ref}`)
    return this.packedFor(ref)
  }

  /** What `docker info` says of the machine. */
  machine: MachineInfo = {
    cpus: 2,
    memoryBytes: 25_276_502_016,
    os: 'Debian GNU/Linux 12 (bookworm)'
  }

  async machineInfo(): Promise<MachineInfo> {
    this.calls.push('machineInfo')
    return this.machine
  }

  /** Every ref `docker image rm` was asked to remove, in order. */
  readonly removed: string[] = []

  async removeImages(refs: readonly string[]): Promise<void> {
    this.calls.push(`rm ${refs.join(' ')}`)
    this.removed.push(...refs)
  }

  /** What the engine holds for a local ref: scripted, or a stable fake derived from the name. */
  packedFor(ref: string): ResolvedImage {
    const packed = this.packed[ref]
    if (packed instanceof Error) throw packed
    if (packed) return packed
    return {
      digest: fakeDigest(`index ${ref}`),
      mediaType: 'application/vnd.oci.image.index.v1+json',
      platformDigest: fakeDigest(`manifest ${ref}`),
      platform: { os: 'linux', architecture: 'amd64' },
      compressedBytes: 600,
      configBytes: 100,
      layerBytes: [500],
      layerDigests: [fakeDigest(`layer ${ref}`)]
    }
  }

  /** The calls that build, inspect, tag and push: the contents probes (run, cp) left out. */
  get buildCalls(): string[] {
    return this.calls.filter((call) => !/^(run|cp) /.test(call))
  }

  async runIsolated(run: IsolatedRun): Promise<IsolatedResult> {
    this.calls.push(`run ${run.image}`)
    this.runs.push(run)
    const answer = this.isolated[run.image]
    if (typeof answer === 'function') return answer(run)
    return answer ?? probeAnswer(run)
  }

  async copyFromImage(request: {
    image: string
    paths: string[]
  }): Promise<Map<string, ImageFile[] | null>> {
    this.calls.push(`cp ${request.image} ${request.paths.join(' ')}`)
    const files = this.imageFiles[request.image] ?? {}
    return new Map(request.paths.map((file) => [file, files[file] ?? null]))
  }

  static readonly PASS = rawjson('pass')
  static readonly FAIL = rawjson('fail')

  async engineInfo(): Promise<EngineInfo> {
    this.calls.push('engineInfo')
    if (this.engine instanceof Error) throw this.engine
    return this.engine
  }

  async build(
    args: string[],
    onLine: (line: string) => void,
    progress = new BuildProgress(),
    env: Record<string, string> = {}
  ): Promise<BakeResult> {
    if (args[0] !== 'buildx' || args[1] !== 'bake') throw new Error(`not a bake: ${args.join(' ')}`)
    const file = args[args.indexOf('--file') + 1] ?? ''
    const text = this.fs?.text(file)
    if (text === undefined) throw new Error(`FakeDocker: no bake file ${file} (pass the FakeFs)`)
    const definition = JSON.parse(text) as BakeFile
    const targets: string[] = []
    for (let i = 2; i < args.length; i++) {
      const arg = args[i] ?? ''
      if (arg === '--file' || arg === '--builder') i++
      else if (!arg.startsWith('--')) targets.push(arg)
    }
    this.bakeEnvs.push(env)
    const local = definition.target[targets[0] ?? '']
    if (targets.length === 1 && local?.output.some((output) => output.startsWith('type=local,'))) {
      this.calls.push(`resolve ${targets[0] ?? ''}`)
      const played =
        this.engine instanceof Error
          ? {
              exitCode: 1,
              stream: 'ERROR: Cannot connect to the Docker daemon. Is the docker daemon running?\n'
            }
          : playResolution(this.fs, local, this.resolution)
      const splitter = new JsonStreamSplitter()
      for (const item of [...splitter.push(played.stream), ...splitter.end()])
        for (const line of progress.consume(item)) onLine(line)
      return { exitCode: played.exitCode, progress }
    }
    const refs = targets.map((target) => definition.target[target]?.tags[0] ?? '')
    this.sessions.push({ args, targets, refs, definition })
    this.calls.push(`bake ${refs.join(' ')}`)
    const outcomes = refs.map((ref) => this.outcome(ref))
    // No engine: buildx says so and gives up, whatever the targets.
    const down: FakeBuild | undefined =
      this.engine instanceof Error
        ? {
            kind: 'stream',
            exitCode: 1,
            stream: 'ERROR: Cannot connect to the Docker daemon. Is the docker daemon running?\n'
          }
        : undefined
    const replay = down ?? outcomes.find((outcome) => outcome.kind === 'stream')
    const { stream, exitCode } =
      replay?.kind === 'stream'
        ? replay
        : syntheticBakeStream(
            targets.map((name, index) => ({ name, outcome: outcomes[index] ?? this.outcome('') }))
          )
    const splitter = new JsonStreamSplitter()
    for (const item of [...splitter.push(stream), ...splitter.end()])
      for (const line of progress.consume(item)) onLine(line)
    return { exitCode, progress }
  }

  /** Like BuildKit: the file's stages, or its syntax error (read from `fs`), unless scripted. */
  async listTargets(questions: TargetsQuestion[]): Promise<Map<string, TargetsAnswer>> {
    const answers = new Map<string, TargetsAnswer>()
    for (const { dockerfile } of questions) {
      this.calls.push(`targets ${dockerfile}`)
      const scripted = this.targets.get(dockerfile)
      if (scripted) {
        answers.set(dockerfile, scripted)
        continue
      }
      const text = this.fs?.text(dockerfile)
      if (text === undefined) {
        answers.set(dockerfile, { unavailable: 'no such file' })
        continue
      }
      try {
        answers.set(dockerfile, { stages: parseStages(text) })
      } catch (error) {
        if (!(error instanceof DockerfileSyntaxError)) throw error
        answers.set(
          dockerfile,
          error.line === undefined
            ? { error: error.reason }
            : { error: error.reason, line: error.line }
        )
      }
    }
    return answers
  }

  async registryConfig(): Promise<RegistryConfig> {
    return { InsecureRegistryCIDRs: ['127.0.0.0/8'] }
  }

  async localImages(refs: string[]): Promise<LocalImage[]> {
    this.calls.push(`images ${refs.join(' ')}`)
    return refs.flatMap((ref) => {
      const layers = this.local.get(ref)
      return layers ? [{ tags: [ref], layers }] : []
    })
  }

  async diskUsage(): Promise<DiskUsageRow[]> {
    this.calls.push('df')
    return this.usage
  }

  async builderDriver(builder: string): Promise<string | undefined> {
    return this.drivers.get(builder) ?? 'docker'
  }

  /** Ref → the ID it pointed at before the run's builds (imageIds answers from here). */
  readonly existing = new Map<string, string>()

  async imageIds(refs: string[]): Promise<Map<string, string>> {
    this.calls.push(`ids ${refs.join(' ')}`)
    return new Map(
      refs.flatMap((ref) => {
        const id = this.existing.get(ref)
        return id ? [[ref, id] as const] : []
      })
    )
  }

  async inspectImage(ref: string): Promise<ImageDetails> {
    this.calls.push(`inspect ${ref}`)
    const failures = this.inspectFailures.get(ref) ?? 0
    if (failures > 0) {
      this.inspectFailures.set(ref, failures - 1)
      throw new Error(`No such image: ${ref}`)
    }
    const outcome = this.outcome(ref)
    if (outcome.kind === 'unmeasurable') throw new Error(outcome.error)
    if (outcome.kind !== 'ok') throw new Error(`No such image: ${ref}`)
    return outcome.details
  }

  private outcome(ref: string): FakeBuild {
    return (
      this.outcomes[ref] ?? {
        kind: 'ok',
        details: {
          id: `sha256:id-${ref}`,
          inspectSizeBytes: 1000,
          diffIds: ['sha256:base'],
          history: [{ sizeBytes: 1000, createdBy: '' }],
          platform: { os: 'linux', architecture: 'amd64' }
        }
      }
    )
  }
}

/** A logger that keeps every message, and where each warning and error points. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = []
  readonly annotations: {
    level: 'notice' | 'warning' | 'error'
    message: string
    target?: AnnotationTarget
  }[] = []
  info(message: string): void {
    this.lines.push(`info: ${message}`)
  }
  debug(message: string): void {
    this.lines.push(`debug: ${message}`)
  }
  notice(message: string, target?: AnnotationTarget): void {
    this.lines.push(`notice: ${message}`)
    this.annotations.push({ level: 'notice', message, ...(target ? { target } : {}) })
  }
  warning(message: string, target?: AnnotationTarget): void {
    this.lines.push(`warning: ${message}`)
    this.annotations.push({ level: 'warning', message, ...(target ? { target } : {}) })
  }
  error(message: string, target?: AnnotationTarget): void {
    this.lines.push(`error: ${message}`)
    this.annotations.push({ level: 'error', message, ...(target ? { target } : {}) })
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`group: ${title}`)
    return fn()
  }
}

/** The input document the contents probe was given on stdin. */
export function probeInput(run: IsolatedRun): ProbeInputDocument {
  const at = run.input.indexOf(INPUT_SEPARATOR)
  return JSON.parse(run.input.slice(at + INPUT_SEPARATOR.length)) as ProbeInputDocument
}

/** The probe's input (schema 1), as far as the fakes read it. */
export interface ProbeInputDocument {
  tiers: {
    name: string
    packages: { pip: string[]; apt: string[] }
    notebooks: { path: string; contentBase64: string; siblings: string[] }[]
  }[]
}

/**
 * What the probe prints in a Python image: `shape` may change the document (its packages,
 * a notebook's modules); by default every notebook's imports resolve.
 */
export function probeAnswer(
  run: IsolatedRun,
  shape: (document: Record<string, unknown>, input: ProbeInputDocument) => void = () => undefined
): IsolatedResult {
  const input = probeInput(run)
  const document: Record<string, unknown> = {
    schemaVersion: 1,
    python: { version: '3.11.2', executable: '/usr/bin/python3', venv: false },
    notes: [],
    distributions: [],
    debian: [],
    rpm: null,
    tiers: input.tiers.map((tier) => ({
      name: tier.name,
      notebooks: tier.notebooks.map((notebook) => ({
        path: notebook.path,
        status: 'ok',
        errors: [],
        notes: [],
        modules: [],
        installs: []
      })),
      notes: [],
      unused: [],
      noModules: [],
      notInstalled: []
    }))
  }
  shape(document, input)
  return {
    exitCode: 0,
    stdout: `${JSON.stringify(document)}\n`,
    stderr: '',
    timedOut: false,
    truncated: false
  }
}

/** The answer of an image without python3: the runtime cannot start it. */
export const NO_PYTHON: IsolatedResult = {
  exitCode: 127,
  stdout: '',
  stderr:
    'docker: Error response from daemon: failed to create task for container: exec: "python3": executable file not found in $PATH: unknown.\n',
  timedOut: false,
  truncated: false
}

/** A sha256 digest derived from a label, for fake images. */
export function fakeDigest(label: string): string {
  return `sha256:${createHash('sha256').update(label).digest('hex')}`
}

/** A registry in memory: what FakeDocker pushed, with scripted read failures. */
export class FakeRegistry implements RegistryClient {
  readonly images = new Map<string, ResolvedImage>()
  readonly calls: string[] = []
  /** Ref → errors thrown by successive inspect calls before it answers. */
  readonly inspectErrors: Record<string, RegistryError[]> = {}

  async inspect(reference: string, _platform?: Platform): Promise<ResolvedImage> {
    this.calls.push(`inspect ${reference}`)
    const error = this.inspectErrors[reference]?.shift()
    if (error) throw error
    const image = this.images.get(reference)
    if (!image) throw new RegistryError(`${reference}: manifest unknown`, false, 404)
    return image
  }

  async tagDigest(reference: string): Promise<string | undefined> {
    this.calls.push(`head ${reference}`)
    return this.images.get(reference)?.digest
  }
}

/** A glob over a fixed list of files (absolute paths), matching `*` within a path segment. */
export function fakeGlob(files: string[], links: Record<string, string> = {}): GlobFn {
  return async (patterns, cwd) => {
    const matches: GlobMatch[] = []
    for (const file of [...files].sort()) {
      const relative = file.startsWith(`${cwd}/`) ? file.slice(cwd.length + 1) : undefined
      if (relative === undefined) continue
      const hit = patterns.some((pattern) =>
        new RegExp(
          `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*\*\//g, '(?:.*/)?')
            .replace(/\*/g, '[^/]*')}$`
        ).test(relative)
      )
      if (hit) matches.push({ file, real: links[file] ?? file })
    }
    return matches
  }
}

/** git in memory: commit times by revision, and every question asked. */
export class FakeGit implements GitClient {
  readonly calls: string[] = []
  constructor(readonly times: Record<string, CommitTime> = {}) {}
  async commitTime(dir: string, revision: string): Promise<CommitTime> {
    this.calls.push(`${dir} ${revision}`)
    return this.times[revision] ?? { missing: `fatal: bad revision '${revision}'` }
  }
  /** The checkout's commit: `headCommit`, null (no repository) unless set. */
  headCommit: GitHead | null = null
  async head(dir: string): Promise<GitHead | null> {
    this.calls.push(`${dir} head`)
    return this.headCommit
  }
}
