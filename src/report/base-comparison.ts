import type { ImageReport, LayerInfo, Report } from './types.js'
import type { Strategy } from '../manifest/types.js'

/** How one layer's size moved between the base image and this run's image. */
export interface LayerChange {
  /** The instruction that made the layer (empty for the base image's layers). */
  createdBy: string
  /** Bytes on the base; null when the layer is new. */
  baseBytes: number | null
  /** Bytes in this run; null when the layer is gone. */
  headBytes: number | null
  deltaBytes: number
  /** The instruction on the base, when a changed instruction replaced the layer. */
  baseCreatedBy?: string
}

/**
 * One row of the comparison: an image of this run and the base image it is measured
 * against, or a base image whose tiers are gone.
 */
export interface ImageComparison {
  /**
   * `compared`: matched with a base image. `new`: none of its tiers existed on the base.
   * `regrouped`: its tiers were served by several base images (a switch to the shared
   * strategy), so there is no single image to subtract. `removed`: a base image whose
   * tiers are all gone. `no-baseline`: there is nothing to compare with.
   */
  change: 'compared' | 'new' | 'regrouped' | 'removed' | 'no-baseline'
  /** This run's image; null for removed rows. */
  head: ImageReport | null
  /** The base image it is compared with; null when there is none. */
  base: ImageReport | null
  /** Base images that served this image's tiers, for `regrouped` rows. */
  baseCandidates: ImageReport[]
  /** How the base image was found: the same image name, or the image that served the same tiers. */
  matchedBy: 'name' | 'tiers' | null
  /** Tiers of this row (the head image's, or the removed base image's). */
  tiers: string[]
  /** Tiers of this image that the base did not have. */
  newTiers: string[]
  /** head − base in bytes, when both were built. */
  sizeDeltaBytes: number | null
  /** head − base compressed size, when both were measured. */
  compressedDeltaBytes: number | null
  /** head − base build time, when both were built. */
  durationDeltaMs: number | null
  /** Layers whose size changed, largest change first. */
  layerChanges: LayerChange[]
}

/** Totals of both runs; deltas are null when they would compare different sets of images. */
export interface ComparisonTotals {
  uniqueBytes: number
  sumBytes: number
  durationMs: number
  baseUniqueBytes: number | null
  uniqueDeltaBytes: number | null
  sumDeltaBytes: number | null
  durationDeltaMs: number | null
}

/** This run's report set against the base branch's report. */
export interface Comparison {
  hasBaseline: boolean
  rows: ImageComparison[]
  /** Tiers this run has that the base did not. */
  addedTiers: string[]
  /** Tiers the base had that the manifest no longer declares. */
  removedTiers: string[]
  /** Tiers the manifest declares but this run did not build (the `tiers` input). */
  notBuiltTiers: string[]
  /** Set when the base was built with the other strategy. */
  strategyChange: { base: Strategy; head: Strategy } | null
  totals: ComparisonTotals
}

const built = (image: ImageReport | null): image is ImageReport & { sizeBytes: number } =>
  image !== null && image.sizeBytes !== null

/**
 * Compares this run's report with the base branch's.
 *
 * Each image of this run is matched with the base image of the same name (`tier2` with
 * `tier2`, `shared` with `shared`). Failing that, with the one base image that served the
 * same tiers: after a switch from `shared` to `multi-stage`, every tier image is compared
 * with the shared image its pods pulled before. After a switch the other way the shared
 * image replaces several base images and is marked `regrouped` instead of subtracting one
 * of them. Base images whose tiers the manifest no longer declares become `removed` rows;
 * tiers declared but not built in this run (the `tiers` input) are neither.
 *
 * @param declaredTiers every tier the manifest declares; defaults to the tiers in `head`.
 */
export function compareReports(
  head: Report,
  base: Report | undefined,
  declaredTiers?: string[]
): Comparison {
  const headTiers = new Set(head.images.flatMap((image) => image.tiers))
  const declared = new Set(declaredTiers ?? [...headTiers])
  const notBuiltTiers = [...declared].filter((tier) => !headTiers.has(tier))

  if (!base) return withoutBaseline(head, notBuiltTiers)

  const baseTiers = new Set(base.images.flatMap((image) => image.tiers))
  const rows: ImageComparison[] = head.images.map((image) => compareImage(image, base, baseTiers))
  // A run that stopped before planning (a broken manifest) knows no tiers: it removed none.
  const knowsTiers = declaredTiers !== undefined || head.error === undefined
  for (const image of knowsTiers ? base.images : []) {
    if (image.tiers.length > 0 && image.tiers.every((tier) => !declared.has(tier))) {
      rows.push({
        ...blankRow('removed', null, image),
        sizeDeltaBytes: built(image) ? -image.sizeBytes : null,
        compressedDeltaBytes: image.compressedBytes === null ? null : -image.compressedBytes
      })
    }
  }

  // Totals only compare like with like: every image of both runs built, the same tiers.
  const complete =
    notBuiltTiers.length === 0 &&
    head.error === undefined &&
    base.error === undefined &&
    head.images.every((image) => image.sizeBytes !== null) &&
    base.images.every((image) => image.sizeBytes !== null)
  return {
    hasBaseline: true,
    rows,
    addedTiers: [...headTiers].filter((tier) => !baseTiers.has(tier)),
    removedTiers: knowsTiers ? [...baseTiers].filter((tier) => !declared.has(tier)) : [],
    notBuiltTiers,
    strategyChange:
      base.strategy === head.strategy ? null : { base: base.strategy, head: head.strategy },
    totals: {
      uniqueBytes: head.totals.uniqueBytes,
      sumBytes: head.totals.sumBytes,
      durationMs: head.totals.durationMs,
      baseUniqueBytes: base.totals.uniqueBytes,
      uniqueDeltaBytes: complete ? head.totals.uniqueBytes - base.totals.uniqueBytes : null,
      sumDeltaBytes: complete ? head.totals.sumBytes - base.totals.sumBytes : null,
      durationDeltaMs: head.totals.durationMs - base.totals.durationMs
    }
  }
}

/** The comparison of a run with nothing to compare with: its own figures only. */
function withoutBaseline(head: Report, notBuiltTiers: string[]): Comparison {
  return {
    hasBaseline: false,
    rows: head.images.map((image) => blankRow('no-baseline', image, null)),
    addedTiers: [],
    removedTiers: [],
    notBuiltTiers,
    strategyChange: null,
    totals: {
      uniqueBytes: head.totals.uniqueBytes,
      sumBytes: head.totals.sumBytes,
      durationMs: head.totals.durationMs,
      baseUniqueBytes: null,
      uniqueDeltaBytes: null,
      sumDeltaBytes: null,
      durationDeltaMs: null
    }
  }
}

/** A row with nothing measured against anything yet; its tiers are the image's. */
function blankRow(
  change: ImageComparison['change'],
  head: ImageReport | null,
  base: ImageReport | null
): ImageComparison {
  return {
    change,
    head,
    base,
    baseCandidates: [],
    matchedBy: null,
    tiers: (head ?? base)?.tiers ?? [],
    newTiers: [],
    sizeDeltaBytes: null,
    compressedDeltaBytes: null,
    durationDeltaMs: null,
    layerChanges: []
  }
}

function compareImage(image: ImageReport, base: Report, baseTiers: Set<string>): ImageComparison {
  const newTiers = image.tiers.filter((tier) => !baseTiers.has(tier))
  const row: ImageComparison = { ...blankRow('new', image, null), newTiers }
  const sameName = base.images.find((candidate) => candidate.name === image.name)
  const serving = base.images.filter((candidate) =>
    candidate.tiers.some((tier) => image.tiers.includes(tier))
  )
  let match: ImageReport | undefined
  if (sameName && (serving.length === 0 || serving.includes(sameName))) {
    match = sameName
    row.matchedBy = 'name'
  } else if (serving.length === 1) {
    match = serving[0]
    row.matchedBy = 'tiers'
  } else if (serving.length > 1) {
    return { ...row, change: 'regrouped', baseCandidates: serving }
  }
  if (!match) return row
  row.change = 'compared'
  row.base = match
  if (built(image) && built(match)) {
    row.sizeDeltaBytes = image.sizeBytes - match.sizeBytes
    row.durationDeltaMs = image.durationMs - match.durationMs
    row.layerChanges = compareLayers(match.layers, image.layers)
  }
  if (image.compressedBytes !== null && match.compressedBytes !== null) {
    row.compressedDeltaBytes = image.compressedBytes - match.compressedBytes
  }
  return row
}

/**
 * Pairs the layers of two images and returns those whose size changed, largest change
 * first. Layers pair by the instruction that made them (the n-th layer of an instruction
 * with the n-th on the other side). A layer left over pairs with the one left over at the
 * same position in the other image: an instruction whose text changed there (a build arg,
 * one more package) replaced that layer. Anything else is new or gone.
 */
export function compareLayers(base: LayerInfo[], head: LayerInfo[]): LayerChange[] {
  const keyed = (layers: LayerInfo[]): { layer: LayerInfo; index: number; key: string }[] => {
    const seen = new Map<string, number>()
    return layers.map((layer, index) => {
      const count = seen.get(layer.createdBy) ?? 0
      seen.set(layer.createdBy, count + 1)
      return { layer, index, key: `${count}\u0000${layer.createdBy}` }
    })
  }
  const baseByKey = new Map(keyed(base).map((item) => [item.key, item]))
  const changes: LayerChange[] = []
  const change = (before: LayerInfo | null, after: LayerInfo | null): void => {
    const layer = after ?? before
    if (!layer) return
    const entry: LayerChange = {
      createdBy: layer.createdBy,
      baseBytes: before ? before.sizeBytes : null,
      headBytes: after ? after.sizeBytes : null,
      deltaBytes: (after?.sizeBytes ?? 0) - (before?.sizeBytes ?? 0)
    }
    if (before && after && before.createdBy !== after.createdBy) {
      entry.baseCreatedBy = before.createdBy
    }
    changes.push(entry)
  }
  const leftOver: { layer: LayerInfo; index: number }[] = []
  for (const item of keyed(head)) {
    const before = baseByKey.get(item.key)
    if (before) {
      baseByKey.delete(item.key)
      change(before.layer, item.layer)
    } else {
      leftOver.push(item)
    }
  }
  const baseLeftByIndex = new Map([...baseByKey.values()].map((item) => [item.index, item.layer]))
  for (const item of leftOver) {
    const before = baseLeftByIndex.get(item.index) ?? null
    baseLeftByIndex.delete(item.index)
    change(before, item.layer)
  }
  for (const layer of baseLeftByIndex.values()) change(layer, null)
  return changes
    .filter((entry) => entry.deltaBytes !== 0)
    .sort((a, b) => Math.abs(b.deltaBytes) - Math.abs(a.deltaBytes))
}
