// How much room the build needs on the engine's data root, and whether it has it: the disk
// check before building (pipeline/preflight.ts carries it out). Pure.
//
// What a layer costs while it is built, measured on Docker 26 with the containerd image store
// (a private engine, `du` of its data root around a build of a 300 MiB incompressible layer):
// its packed blob in the content store (+314.7 MB) and two unpacked snapshots, BuildKit's and
// the image's (+629.2 MB): about 2 × unpacked + packed. Layers the engine already holds cost
// nothing, and layers several images share count once. On the classic store BuildKit writes
// into the engine's own layer store, so one unpacked copy is counted (not measured here).
import type { ImagePlan } from '../plan/types.js'
import { formatSize } from '../render/format.js'
import type { ImageReport, Report } from '../report/types.js'

/** What the build is expected to need, and how that was worked out. */
export interface DiskNeed {
  bytes: number
  /** `baseline`: the sizes the baseline report measured; `budgets`: the budgets, a ceiling. */
  source: 'baseline' | 'budgets'
  /** The images counted, for the message. */
  counted: string[]
  /** Images not counted, and why (`tier4 (new)`, `tier1 (already built)`). */
  skipped: string[]
}

/** An image the engine holds: its tags and its layers' diff IDs. */
export interface LocalImage {
  tags: string[]
  layers: string[]
}

/** Share of the free space above which a build that fits is still called tight. */
export const TIGHT_RATIO = 0.8

/** The chain keys (diff IDs 0..n) of every layer the engine holds. */
function chains(local: readonly LocalImage[]): Set<string> {
  const keys = new Set<string>()
  for (const image of local) {
    let key = ''
    for (const layer of image.layers) {
      key = `${key}|${layer}`
      keys.add(key)
    }
  }
  return keys
}

/** The base image that served a planned image: the same name, else one serving its tiers. */
function baseImageOf(image: ImagePlan, base: Report): ImageReport | undefined {
  return (
    base.images.find((candidate) => candidate.name === image.name) ??
    base.images.find((candidate) => image.tiers.every((tier) => candidate.tiers.includes(tier)))
  )
}

/**
 * The space the images need, from the layers the baseline report measured: every layer
 * (counted once, by its chain of diff IDs) the engine does not hold yet, at 2 × its unpacked
 * size plus its compressed size (its image's compressed ratio, or the unpacked size when that
 * is unknown) on the containerd store, 1 × unpacked on the classic store.
 */
export function needFromBaseline(
  images: readonly ImagePlan[],
  base: Report,
  local: readonly LocalImage[],
  imageStore: string
): DiskNeed {
  const held = chains(local)
  const seen = new Set<string>()
  const need: DiskNeed = { bytes: 0, source: 'baseline', counted: [], skipped: [] }
  for (const image of images) {
    const was = baseImageOf(image, base)
    if (!was || was.sizeBytes === null) {
      need.skipped.push(`${image.name} (not in the baseline)`)
      continue
    }
    const ratio =
      was.compressedBytes !== null && was.sizeBytes > 0 ? was.compressedBytes / was.sizeBytes : 1
    let key = ''
    let bytes = 0
    was.layers.forEach((layer, index) => {
      key = layer.diffId && (index === 0 || key !== '') ? `${key}|${layer.diffId}` : ''
      const id = key !== '' ? key : `${image.name}#${index}`
      if (seen.has(id) || held.has(id)) return
      seen.add(id)
      bytes +=
        imageStore === 'containerd'
          ? 2 * layer.sizeBytes + Math.round(layer.sizeBytes * ratio)
          : layer.sizeBytes
    })
    if (bytes > 0) need.counted.push(image.name)
    else need.skipped.push(`${image.name} (its layers are in the engine already)`)
    need.bytes += bytes
  }
  return need
}

/**
 * Without a baseline, the budgets give a ceiling: an image the engine does not hold yet
 * needs at most 2 × its budget + its budget on the containerd store (its compressed size is
 * at most its unpacked size), its budget on the classic store. Images sharing a base stage
 * are each counted whole, so this is an upper bound, never an estimate.
 */
export function needFromBudgets(
  images: readonly ImagePlan[],
  local: readonly LocalImage[],
  imageStore: string
): DiskNeed {
  const tags = new Set(local.flatMap((image) => image.tags))
  const need: DiskNeed = { bytes: 0, source: 'budgets', counted: [], skipped: [] }
  for (const image of images) {
    if (tags.has(image.ref)) {
      need.skipped.push(`${image.name} (built before)`)
      continue
    }
    need.counted.push(image.name)
    need.bytes += (imageStore === 'containerd' ? 3 : 1) * image.thresholdBytes
  }
  return need
}

/** Whether the need fits the free space: `short` when not, `tight` above TIGHT_RATIO of it. */
export function judgeSpace(need: number, free: number): 'fits' | 'tight' | 'short' {
  if (need > free) return 'short'
  return need > free * TIGHT_RATIO ? 'tight' : 'fits'
}

/** One row of `docker system df` (human sizes, as the CLI prints them). */
export interface UsageRow {
  type: string
  reclaimable: string
}

const PRUNE: Record<string, string> = {
  'Build Cache': 'docker builder prune',
  Images: 'docker image prune',
  Containers: 'docker container prune',
  'Local Volumes': 'docker volume prune'
}

/** What could be pruned, as commands with what each would free (`docker system df`). */
export function pruneAdvice(usage: readonly UsageRow[]): string {
  const found = usage.flatMap((row) => {
    const command = PRUNE[row.type]
    const reclaimable = row.reclaimable.trim()
    if (!command || reclaimable === '' || /^0\s*B\b/.test(reclaimable)) return []
    return [`\`${command}\` (${row.type.toLowerCase()}: ${reclaimable} reclaimable)`]
  })
  return found.length > 0
    ? found.join(', ')
    : '`docker builder prune` (the build cache) or `docker image prune` (unused images)'
}

/** How the need was worked out, for the messages. */
function basis(need: DiskNeed, baseline: string | undefined): string {
  const images = need.counted.join(', ')
  return need.source === 'baseline'
    ? `the layers of ${images} the engine does not hold yet, as measured by the baseline report${baseline ? ` (${baseline})` : ''}: twice their unpacked size (BuildKit's copy and the image's) plus their compressed size`
    : `${images} at their budgets (2 × budget + budget each, an upper bound: there is no baseline report to measure from)`
}

/** The message of a check that found the build short of space, or tight. */
export function spaceMessage(
  verdict: 'tight' | 'short',
  facts: { free: number; need: DiskNeed; dataRoot: string; prune: string; baseline?: string }
): string {
  const { free, need, dataRoot } = facts
  const where = `${formatSize(free)} free on ${dataRoot} (the engine's data root)`
  const how = basis(need, facts.baseline)
  if (verdict === 'short') {
    return `Not enough disk space to build: ${where}, about ${formatSize(need.bytes)} needed for ${how}. Free space first, e.g. ${facts.prune}; nothing was pruned. (disk-check: warn builds anyway.)`
  }
  return `Disk space is tight: ${where}, about ${formatSize(need.bytes)} needed for ${how}. The build may run out of space; ${facts.prune} would free some.`
}

/** The line logged when the build fits. */
export function fitsMessage(free: number, need: DiskNeed, dataRoot: string): string {
  const skipped = need.skipped.length > 0 ? `; not counted: ${need.skipped.join(', ')}` : ''
  return `Disk: ${formatSize(free)} free on ${dataRoot}, about ${formatSize(need.bytes)} needed (${need.source === 'baseline' ? 'measured by the baseline report' : 'the budgets, an upper bound'}${skipped})`
}
