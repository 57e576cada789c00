// `docker buildx bake` builds several targets in one BuildKit session and writes one progress
// stream for all of them. With more than one target, buildx prefixes each vertex name with
// the target whose build reported it (`[tier1 base 2/3] COPY …`, `[tier1] exporting to
// image`). A step that several targets share (the base stage) is one vertex, reported under
// each of their prefixes, while the plain log shows it once under the first; and a target's
// own copy of a shared step may be a cached twin with another digest. Every vertex also
// lists the digests of its inputs. These pure helpers split a session's steps by target
// from both: the vertices reported under a target's prefix, and everything they consume.
import { isDockerfileStep, type Step } from './progress.js'

/** The vertex bake starts every session with; it belongs to no target. */
const BAKE_DEFINITIONS = '[internal] load local bake definitions'

/** A Dockerfile step with the key that identifies it across targets and sessions. */
export interface KeyedStep {
  /** The vertex name without the target prefix: `[base 2/3] COPY seed.txt /seed.txt`. */
  key: string
  step: Step
}

/** What the progress stream says about one target of a session. */
export interface TargetSteps {
  /** The digests of every vertex the target waited for: its own and the shared ones. */
  digests: Set<string>
  /** Its Dockerfile steps, each step once, however many targets reached it. */
  dockerfileSteps: KeyedStep[]
  /** When its first vertex started and its last one completed (epoch ms), if any did. */
  startedMs?: number
  completedMs?: number
  /** The first error among its vertices that is not a cancellation. */
  error?: string
  /** Whether BuildKit cancelled any of its vertices (because another target failed). */
  canceled: boolean
}

/**
 * Whether a vertex error is BuildKit cancelling the step, which bake does to every other
 * target as soon as one fails (`… exit code: 137: context canceled: context canceled`).
 */
export function isCancellation(error: string): boolean {
  return /context canceled$/.test(error.trim())
}

/**
 * The target whose image a vertex finished exporting, if it is an image export: `[tier1]
 * exporting to image` in a session of several targets, `exporting to image` with one (or
 * `exporting to docker image format` with a builder outside the engine). Cache exports
 * are not image exports.
 */
export function exportedTarget(name: string, targets: string[]): string | undefined {
  const match = /^(?:\[([^\] ]+)\] )?exporting to (?!cache)/.exec(name)
  if (!match) return undefined
  const [, prefix] = match
  if (prefix === undefined) return targets.length === 1 ? targets[0] : undefined
  return targets.length > 1 && targets.includes(prefix) ? prefix : undefined
}

/** Whether a Dockerfile step is a `FROM`: resolving a base image, not a step that can be cached. */
export function isFromStep(name: string): boolean {
  return /^\[[^\]]*\]\s+FROM\s/.test(name)
}

/**
 * The name of a step without the target prefix bake adds when a session has several
 * targets, so the same step has the same key in every target and every session.
 */
export function stepKey(name: string, prefixed: boolean): string {
  return prefixed ? name.replace(/^\[[^\] ]+(?: |(?=\]))/, '[') : name
}

/**
 * Splits the steps of one session among its targets. With one target, every vertex is its
 * (including steps BuildKit shared with a concurrent build). With several, a target owns
 * the vertices ever reported under its prefix and, transitively, their inputs: a tier's
 * steps plus the base stage it is built on, whichever tier's build ran the base.
 */
export function splitByTarget(steps: Step[], targets: string[]): Map<string, TargetSteps> {
  const prefixed = targets.length > 1
  const byDigest = new Map(steps.map((step) => [step.digest, step]))
  const relevant = steps.filter((step) => step.name !== BAKE_DEFINITIONS)
  const result = new Map<string, TargetSteps>()
  for (const target of targets) {
    const own = prefixed
      ? relevant.filter((step) =>
          (step.names.length > 0 ? step.names : [step.name]).some(
            (name) => name.startsWith(`[${target} `) || name.startsWith(`[${target}]`)
          )
        )
      : relevant
    const digests = new Set<string>()
    const pending = own.map((step) => step.digest)
    for (let digest = pending.pop(); digest !== undefined; digest = pending.pop()) {
      if (digests.has(digest)) continue
      digests.add(digest)
      for (const input of byDigest.get(digest)?.inputs ?? []) pending.push(input)
    }
    const closure = relevant.filter((step) => digests.has(step.digest))
    result.set(target, describe(closure, prefixed))
  }
  return result
}

function describe(closure: Step[], prefixed: boolean): TargetSteps {
  const keyed = new Map<string, Step>()
  for (const step of closure) {
    if (!isDockerfileStep(step.name)) continue
    const key = stepKey(step.name, prefixed)
    const seen = keyed.get(key)
    // The same step reached through two targets: the one that ran tells what happened.
    if (!seen || (seen.cached && !step.cached)) keyed.set(key, step)
  }
  const described: TargetSteps = {
    digests: new Set(closure.map((step) => step.digest)),
    dockerfileSteps: [...keyed].map(([key, step]) => ({ key, step })),
    canceled: false
  }
  const starts = closure.map((step) => step.startedMs).filter(Number.isFinite) as number[]
  const ends = closure
    .map((step) => step.completedMs ?? step.startedMs)
    .filter(Number.isFinite) as number[]
  if (starts.length > 0) described.startedMs = Math.min(...starts)
  if (ends.length > 0) described.completedMs = Math.max(...ends)
  for (const step of closure) {
    if (step.error === undefined) continue
    if (isCancellation(step.error)) described.canceled = true
    else described.error ??= step.error
  }
  return described
}

/**
 * Keys of the Dockerfile steps that really ran in a session (completed, not from cache, no
 * error). A step another target of the same run built is not a cache hit for the others.
 */
export function executedKeys(steps: Step[], prefixed: boolean): Set<string> {
  const keys = new Set<string>()
  for (const step of steps) {
    if (!isDockerfileStep(step.name) || isFromStep(step.name)) continue
    if (step.completedMs !== undefined && !step.cached && step.error === undefined)
      keys.add(stepKey(step.name, prefixed))
  }
  return keys
}

/** Cache hits of one image: how many of its steps (FROM aside) came from the cache. */
export interface StepCounts {
  cachedSteps: number
  totalSteps: number
}

/**
 * Counts an image's steps and its cache hits. `FROM` is left out (resolving a base image is
 * not a step the cache can save), and a step counts as a hit only when it was not built by
 * any session of the same run: on a cold build, the base stage built once for three tiers
 * is three misses, not one miss and two hits. (Two steps that differ only in a build arg
 * the instruction does not show share a key; the count then errs towards misses.)
 */
export function countSteps(steps: KeyedStep[], executedInRun: ReadonlySet<string>): StepCounts {
  const counted = steps.filter(({ step }) => !isFromStep(step.name))
  return {
    totalSteps: counted.length,
    cachedSteps: counted.filter(({ key, step }) => step.cached && !executedInRun.has(key)).length
  }
}
