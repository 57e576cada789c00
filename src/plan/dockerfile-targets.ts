// Asking BuildKit's own Dockerfile frontend for the stages of a Dockerfile, the answer the
// build itself will act on (adapters/docker.ts runs the commands, these helpers say which
// and read what comes back):
//   buildx ≥ 0.15:       docker buildx build --call=targets,format=json …
//   buildx 0.11 – 0.14:  BUILDX_EXPERIMENTAL=1 docker buildx build --print=targets,format=json …
// (`--print` stays a hidden experimental flag in every later buildx; `format=json` exists
// from 0.11.) Nothing is pulled with the frontend built into the engine and only the
// Dockerfile is sent, but the context is named all the same: BuildKit keys the "local source
// for dockerfile" cache record on it, so passing the build's own context reuses the record
// the build makes instead of leaving one per folder. `--output=type=cacheonly` stops the
// docker driver of buildx 0.13 on the containerd store from exporting the empty result as a
// dangling `moby-dangling@` image; it is harmless on every other driver.

import { DockerfileSyntaxError, parseStages } from './dockerfile-stages.js'

/** A stage as the frontend lists it; unnamed stages (`FROM image`) have no name. */
export interface ListedStage {
  name?: string
  /** 1-based line of its FROM. */
  line?: number
}

/**
 * What the builder said about one Dockerfile: its stages; or `error`, the frontend refusing
 * the file (a fact about the Dockerfile, with the line it names when it names one); or
 * `unavailable`, buildx unable to answer (too old, a `# syntax=` frontend it cannot fetch, a
 * builder that does not answer), when the local parser stands in.
 */
export type TargetsAnswer =
  { stages: ListedStage[] } | { error: string; line?: number } | { unavailable: string }

/** One Dockerfile to ask about, with the context its build uses. */
export interface TargetsQuestion {
  dockerfile: string
  context: string
}

/** `docker buildx version` output → [major, minor, patch], or undefined when unreadable. */
export function parseBuildxVersion(output: string): [number, number, number] | undefined {
  // `github.com/docker/buildx v0.15.1 1c1dbb2`, `… 0.13.1+ds1 0.13.1+ds1-3` (Debian),
  // `… v0.29.1-desktop.1 8a6b1a6`; EngineInfo keeps only the second word.
  const words = output.trim().split(/\s+/)
  const version = words.length > 1 ? words[1] : words[0]
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version ?? '')
  if (!match) return undefined
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)]
}

/** How a buildx of this version is asked for targets; undefined when it cannot be. */
export function targetsRequest(
  version: [number, number, number] | undefined
): { flag: string; env: Record<string, string> } | undefined {
  // An unknown version: the documented spelling; "unknown flag" then means too old.
  if (!version) return { flag: '--call=targets,format=json', env: {} }
  const [major, minor] = version
  if (major > 0 || minor >= 15) return { flag: '--call=targets,format=json', env: {} }
  if (minor >= 11) {
    return { flag: '--print=targets,format=json', env: { BUILDX_EXPERIMENTAL: '1' } }
  }
  return undefined
}

/** The arguments (after `docker`) that ask for one Dockerfile's targets. */
export function targetsArgs(flag: string, question: TargetsQuestion, builder?: string): string[] {
  const args = ['buildx', 'build', flag, '--output=type=cacheonly', '--progress=quiet']
  if (builder) args.push('--builder', builder)
  args.push('--file', question.dockerfile, question.context)
  return args
}

interface TargetsJson {
  targets?: {
    name?: string
    location?: { ranges?: { start?: { line?: number } }[] }
  }[]
}

/** Reads the frontend's answer (`result.json` of the targets call) on stdout. */
export function parseTargetsJson(stdout: string): ListedStage[] {
  const parsed = JSON.parse(stdout) as TargetsJson
  if (!Array.isArray(parsed.targets)) throw new Error('no "targets" list in the answer')
  return parsed.targets.map((target) => {
    const stage: ListedStage = {}
    if (target.name) stage.name = target.name
    const line = target.location?.ranges?.[0]?.start?.line
    if (line !== undefined) stage.line = line
    return stage
  })
}

/**
 * Failures that say nothing about the Dockerfile: buildx cannot answer. A `# syntax=`
 * frontend that cannot be fetched shows as "failed to resolve source metadata for
 * docker.io/docker/dockerfile:1" (offline) or a registry error; an old buildx as "unknown
 * flag"; an engine or builder that does not answer as a connection error.
 */
const UNAVAILABLE = [
  /unknown flag: --(call|print)/,
  /failed to resolve source metadata/,
  /failed to (do request|authorize|fetch)/,
  /pull access denied|manifest unknown|no such host|i\/o timeout|TLS handshake|connection refused/,
  /Cannot connect to the Docker daemon|error during connect|no builder .* found|failed to find driver/i,
  /context deadline exceeded|context canceled/,
  /is not a docker command/
]

/** Classifies a failed request: the frontend's verdict on the file, or no answer. */
export function classifyFailure(stderr: string): TargetsAnswer {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const said = [...lines]
    .reverse()
    .find((line) => line.startsWith('ERROR:') || /^unknown flag:/.test(line))
  const message = (said ?? lines.at(-1) ?? 'no output').replace(/^ERROR:\s*/, '')
  if (UNAVAILABLE.some((pattern) => pattern.test(stderr))) return { unavailable: message }
  const error = message.replace(/^(failed to solve: )?(dockerfile parse error on line \d+: )?/, '')
  const line = /on line (\d+)/.exec(message)?.[1] ?? /^\s*(\d+) \| >>>/m.exec(stderr)?.[1]
  return line === undefined ? { error } : { error, line: Number(line) }
}

/** The local parser's reading of a Dockerfile's text, in the form BuildKit answers. */
export function readStagesLocally(content: string): TargetsAnswer {
  try {
    return { stages: parseStages(content) }
  } catch (error) {
    if (!(error instanceof DockerfileSyntaxError)) throw error
    return error.line === undefined
      ? { error: error.reason }
      : { error: error.reason, line: error.line }
  }
}
