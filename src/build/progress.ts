// `docker buildx build --progress=rawjson` writes BuildKit's solve status as a stream of
// (pretty-printed) JSON objects on stderr, followed by plain text when the build fails.
// These pure helpers split that stream, render it like `--progress=plain` for the log,
// and keep what the report needs: step timings, cache hits and the tail of a failed log.

/** A piece of the progress stream: a decoded JSON object or a line of plain text. */
export type StreamItem = { json: unknown } | { text: string }

/** Splits a stream of concatenated JSON objects and text lines, chunk by chunk. */
export class JsonStreamSplitter {
  private buffer = ''

  /** Feeds a chunk; returns every item completed by it. */
  push(chunk: string): StreamItem[] {
    this.buffer += chunk
    const buffer = this.buffer
    const items: StreamItem[] = []
    let position = 0
    for (;;) {
      while (buffer[position] === '\n' || buffer[position] === '\r') position++
      if (position >= buffer.length) break
      const newline = buffer.indexOf('\n', position)
      const lineEnd = newline === -1 ? buffer.length : newline
      let first = position
      while (first < lineEnd && (buffer[first] === ' ' || buffer[first] === '\t')) first++
      if (first < lineEnd && buffer[first] === '{') {
        const end = objectEnd(buffer, first)
        // An unterminated "{" line cannot hold the stream hostage: past the cap it is text.
        if (end === -1 && (buffer.length - first < MAX_OBJECT_CHARS || newline === -1)) break
        if (end !== -1) {
          const text = buffer.slice(first, end)
          try {
            items.push({ json: JSON.parse(text) as unknown })
          } catch {
            items.push(...text.split('\n').map((line) => ({ text: line.replace(/\r$/, '') })))
          }
          position = end
          continue
        }
      }
      if (newline === -1) break
      if (first === lineEnd) {
        position = newline + 1 // a blank line
        continue
      }
      // Text keeps its indentation: buildx indents the Dockerfile excerpt of an error.
      items.push({ text: buffer.slice(position, newline).replace(/\r$/, '') })
      position = newline + 1
    }
    this.buffer = buffer.slice(position)
    return items
  }

  /** Flushes whatever is left as text lines. */
  end(): StreamItem[] {
    const rest = this.buffer.replace(/\s+$/, '')
    this.buffer = ''
    return rest.trim() ? rest.split('\n').map((line) => ({ text: line.replace(/\r$/, '') })) : []
  }
}

/** The statuses of an image export that name a digest of the image. */
const EXPORTED_DIGEST = /^exporting (?:manifest|config|manifest list) (sha256:[0-9a-f]{64})$/

/** Longest JSON object awaited before an opening brace is taken for plain text. */
const MAX_OBJECT_CHARS = 4 * 1024 * 1024

/** Index just past the object starting at `start`, or -1 while it is incomplete. */
function objectEnd(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i + 1
  }
  return -1
}

interface RawVertex {
  digest?: string
  inputs?: string[]
  name?: string
  started?: string
  completed?: string
  cached?: boolean
  error?: string
}

interface RawStatus {
  id?: string
  vertex?: string
  completed?: string
}

interface RawLog {
  vertex?: string
  data?: string
  timestamp?: string
}

interface RawWarning {
  short?: string
}

/** One BuildKit vertex (a Dockerfile step or an internal operation) as last reported. */
export interface Step {
  digest: string
  name: string
  /** Number in the log (`#5`), in order of first appearance. */
  index: number
  /** Digests of the vertices this one consumes (its edges in the build graph). */
  inputs: string[]
  /**
   * Every name the vertex was reported under. Bake prefixes names with the target whose
   * build reported them, and a step several targets share is reported by each of them.
   */
  names: string[]
  startedMs?: number
  completedMs?: number
  cached: boolean
  error?: string
  /**
   * For an image export: the digests it reported (`exporting manifest sha256:…`, `exporting
   * config sha256:…`, `exporting manifest list sha256:…`), one of which is the image's ID
   * (the manifest's, or the list's with attestations, on the containerd image store; the
   * config's on the classic one).
   */
  exported?: string[]
}

/** A log line, numbered in stream order, and the vertex it belongs to (if any). */
interface LogLine {
  seq: number
  text: string
}

/** Tracks one build's progress stream. */
export class BuildProgress {
  private readonly vertices = new Map<string, Step>()
  private readonly lines: string[] = []
  /** The last lines of each vertex, and of text that belongs to none, for per-target tails. */
  private readonly vertexLines = new Map<string, LogLine[]>()
  private readonly looseLines: LogLine[] = []
  private readonly maxLines: number
  private readonly onStepDone: ((step: Step) => void) | undefined
  private counter = 0
  private seq = 0

  /**
   * `maxLines` bounds the tails kept; `onStepDone` is called once for each vertex, when it
   * first completes (so a caller can act on an image as soon as its export is done).
   */
  constructor(options: { maxLines?: number; onStepDone?: (step: Step) => void } = {}) {
    this.maxLines = options.maxLines ?? 200
    this.onStepDone = options.onStepDone
  }

  /** Consumes one stream item; returns the log lines it produces. */
  consume(item: StreamItem): string[] {
    const out: [string, string | undefined][] =
      'text' in item
        ? item.text === ''
          ? []
          : [[item.text, undefined]]
        : this.consumeStatus(item.json)
    for (const [line, vertex] of out) {
      this.lines.push(line)
      if (this.lines.length > this.maxLines) this.lines.shift()
      let own = this.looseLines
      if (vertex !== undefined) {
        own = this.vertexLines.get(vertex) ?? []
        this.vertexLines.set(vertex, own)
      }
      own.push({ seq: ++this.seq, text: line })
      if (own.length > this.maxLines) own.shift()
    }
    return out.map(([line]) => line)
  }

  private consumeStatus(json: unknown): [string, string | undefined][] {
    if (!json || typeof json !== 'object') return []
    const status = json as {
      vertexes?: RawVertex[]
      statuses?: RawStatus[]
      logs?: RawLog[]
      warnings?: RawWarning[]
    }
    const out: [string, string | undefined][] = []
    // Told once this object's statuses are in too: an export's digests may come with its end.
    const finished: Step[] = []
    for (const vertex of status.vertexes ?? []) {
      if (!vertex.digest) continue
      let step = this.vertices.get(vertex.digest)
      if (!step) {
        step = {
          digest: vertex.digest,
          name: vertex.name ?? vertex.digest,
          index: ++this.counter,
          inputs: [],
          names: [],
          cached: false
        }
        this.vertices.set(vertex.digest, step)
        out.push([`#${step.index} ${step.name}`, step.digest])
      }
      if (vertex.name && !step.names.includes(vertex.name)) step.names.push(vertex.name)
      if (vertex.inputs && vertex.inputs.length > 0) step.inputs = [...vertex.inputs]
      const wasDone = step.completedMs !== undefined
      if (vertex.started) step.startedMs ??= Date.parse(vertex.started)
      if (vertex.cached) step.cached = true
      if (vertex.completed) step.completedMs = Date.parse(vertex.completed)
      if (vertex.error) step.error = vertex.error
      if (!wasDone && step.completedMs !== undefined) {
        const done = step.error
          ? `ERROR: ${step.error}`
          : step.cached
            ? 'CACHED'
            : `DONE ${seconds((step.completedMs ?? 0) - (step.startedMs ?? step.completedMs ?? 0))}`
        out.push([`#${step.index} ${done}`, step.digest])
        finished.push(step)
      }
    }
    for (const log of status.logs ?? []) {
      const step = log.vertex ? this.vertices.get(log.vertex) : undefined
      const text = Buffer.from(log.data ?? '', 'base64').toString('utf8')
      const prefix = step ? `#${step.index} ` : ''
      for (const line of text.split('\n'))
        if (line.trim() !== '') out.push([`${prefix}${line.replace(/\r$/, '')}`, step?.digest])
    }
    for (const statusLine of status.statuses ?? []) {
      if (!statusLine.id) continue
      const step = statusLine.vertex ? this.vertices.get(statusLine.vertex) : undefined
      const exported = EXPORTED_DIGEST.exec(statusLine.id)?.[1]
      if (step && exported && !(step.exported ?? []).includes(exported)) {
        step.exported = [...(step.exported ?? []), exported]
      }
      if (!statusLine.completed) continue
      out.push([`${step ? `#${step.index} ` : ''}${statusLine.id} done`, step?.digest])
    }
    for (const warning of status.warnings ?? []) {
      if (warning.short)
        out.push([`WARNING: ${Buffer.from(warning.short, 'base64').toString('utf8')}`, undefined])
    }
    for (const step of finished) this.onStepDone?.(step)
    return out
  }

  /** Every vertex seen, in order of first appearance. */
  steps(): Step[] {
    return [...this.vertices.values()]
  }

  /** Dockerfile steps only (`[stage n/m] …`), without BuildKit's internal operations. */
  dockerfileSteps(): Step[] {
    return this.steps().filter((step) => isDockerfileStep(step.name))
  }

  /** The first error a vertex reported. */
  firstError(): string | undefined {
    return this.steps().find((step) => step.error)?.error
  }

  /** The last `count` log lines. */
  tail(count: number): string[] {
    return this.lines.slice(-count)
  }

  /**
   * The last `count` lines of these vertices, with the text that belongs to no vertex (the
   * error summary buildx prints at the end), in stream order: one target's part of a log
   * that several targets wrote at once.
   */
  tailOf(digests: ReadonlySet<string>, count: number): string[] {
    const picked: LogLine[] = [...this.looseLines]
    for (const digest of digests) picked.push(...(this.vertexLines.get(digest) ?? []))
    return picked
      .sort((a, b) => a.seq - b.seq)
      .slice(-count)
      .map((line) => line.text)
  }
}

/**
 * Whether a vertex name is a Dockerfile step: `[stage n/m] …`, `[n/m] …` for a single-stage
 * file, and `[target stage n/m] …` when bake prefixes it with its target.
 */
export function isDockerfileStep(name: string): boolean {
  return /^\[(?:[^\]]* )?\d+\/\d+\]/.test(name)
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)}s`
}
