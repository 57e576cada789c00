import { readFileSync } from 'node:fs'
import path from 'node:path'
import type {
  BuildResult,
  DockerClient,
  EngineInfo,
  ImageDetails
} from '../../src/adapters/docker.js'
import type { FileSystem } from '../../src/adapters/fs.js'
import type { AnnotationTarget, Logger } from '../../src/logger.js'
import { BuildProgress, JsonStreamSplitter } from '../../src/progress.js'

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

  async writeFileAtomic(file: string, content: string): Promise<void> {
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

  async remove(file: string): Promise<void> {
    this.removed.push(file)
    this.dirs.delete(file)
    for (const name of [...this.files.keys()])
      if (name.startsWith(`${file}/`)) this.files.delete(name)
  }
}

const rawjson = (name: string): string =>
  readFileSync(new URL(`../fixtures/rawjson/${name}.txt`, import.meta.url), 'utf8')

/** What the fake engine does when asked to build a ref. */
export type FakeBuild =
  | { kind: 'ok'; details: ImageDetails }
  | { kind: 'fail'; exitCode: number; stream: string }
  | { kind: 'unmeasurable'; error: string }

/** A Docker engine in memory: records every call, replays captured progress streams. */
export class FakeDocker implements DockerClient {
  readonly calls: string[] = []
  readonly builds: string[][] = []
  engine: EngineInfo | Error = {
    serverVersion: '26.1.5',
    buildxVersion: 'v0.13.1',
    imageStore: 'containerd'
  }

  /** Builds keyed by the `--tag` they are asked for; a missing ref builds fine with one layer. */
  constructor(readonly outcomes: Record<string, FakeBuild> = {}) {}

  static readonly PASS = rawjson('pass')
  static readonly FAIL = rawjson('fail')

  async engineInfo(): Promise<EngineInfo> {
    this.calls.push('engineInfo')
    if (this.engine instanceof Error) throw this.engine
    return this.engine
  }

  async build(args: string[], onLine: (line: string) => void): Promise<BuildResult> {
    const ref = args[args.indexOf('--tag') + 1] ?? ''
    this.calls.push(`build ${ref}`)
    this.builds.push(args)
    const outcome = this.outcome(ref)
    const stream = outcome.kind === 'fail' ? outcome.stream : FakeDocker.PASS
    const splitter = new JsonStreamSplitter()
    const progress = new BuildProgress()
    for (const item of [...splitter.push(stream), ...splitter.end()])
      for (const line of progress.consume(item)) onLine(line)
    return { exitCode: outcome.kind === 'fail' ? outcome.exitCode : 0, progress }
  }

  async inspectImage(ref: string): Promise<ImageDetails> {
    this.calls.push(`inspect ${ref}`)
    const outcome = this.outcome(ref)
    if (outcome.kind === 'unmeasurable') throw new Error(outcome.error)
    if (outcome.kind === 'fail') throw new Error(`No such image: ${ref}`)
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
          history: [{ sizeBytes: 1000, createdBy: '' }]
        }
      }
    )
  }
}

/** A logger that keeps every message. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = []
  info(message: string): void {
    this.lines.push(`info: ${message}`)
  }
  debug(message: string): void {
    this.lines.push(`debug: ${message}`)
  }
  warning(message: string, _target?: AnnotationTarget): void {
    this.lines.push(`warning: ${message}`)
  }
  error(message: string, _target?: AnnotationTarget): void {
    this.lines.push(`error: ${message}`)
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`group: ${title}`)
    return fn()
  }
}
