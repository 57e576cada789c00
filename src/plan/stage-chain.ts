// What an image built with `--target` is made of, read from its Dockerfile's FROM lines
// with the one Dockerfile parser (plan/dockerfile-stages.ts): the comparison (compare/)
// counts which stages each option builds and how many layers sit above the shared base.
import { DockerfileSyntaxError, parseFroms, type StageFrom } from './dockerfile-stages.js'

/**
 * The FROM chain of `target` (default: the last stage), the target first; empty for a file
 * BuildKit refuses (the stage check before any build has said why).
 */
function chainOf(content: string, target: string | undefined): StageFrom[] {
  let froms: StageFrom[]
  try {
    froms = parseFroms(content)
  } catch (error) {
    if (error instanceof DockerfileSyntaxError) return []
    throw error
  }
  const byName = new Map(froms.flatMap((f) => (f.name ? [[f.name, f] as const] : [])))
  let current = target !== undefined ? byName.get(target.toLowerCase()) : froms.at(-1)
  const chain: StageFrom[] = []
  while (current && !chain.includes(current)) {
    chain.push(current)
    current = byName.get(current.from.toLowerCase())
  }
  return chain
}

/**
 * The stages an image built from `content` with `target` (default: the last stage) is made
 * of: the target and the stages it starts `FROM`, in turn, by name (lowercased; an unnamed
 * final stage as `(final)`). Stages only bind-mounted or copied from are not followed.
 */
export function stageChain(content: string, target?: string): string[] {
  return chainOf(content, target).map((stage) => stage.name ?? '(final)')
}

/**
 * How many layers an image built with `target` has on top of the stage `below`: the RUN,
 * COPY and ADD instructions of the stages between them on its FROM chain. Undefined when
 * `below` is not on the chain (the image is not built on it).
 */
export function layersAbove(
  content: string,
  target: string | undefined,
  below: string
): number | undefined {
  let layers = 0
  for (const stage of chainOf(content, target)) {
    if (stage.name === below.toLowerCase()) return layers
    layers += stage.layers
  }
  return undefined
}
