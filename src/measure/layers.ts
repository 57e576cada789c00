import type { LayerInfo } from '../report/types.js'

/** One row of `docker history --no-trunc --human=false --format '{{json .}}'`. */
export interface HistoryRow {
  sizeBytes: number
  createdBy: string
}

/**
 * Parses `docker history` JSON lines (newest first, as the CLI prints them) into rows,
 * oldest first, the order of `RootFS.Layers`.
 */
export function parseHistory(output: string): HistoryRow[] {
  const rows: HistoryRow[] = []
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue
    const row = JSON.parse(line) as { Size?: string | number; CreatedBy?: string }
    const size = Number(row.Size ?? 0)
    if (!Number.isSafeInteger(size) || size < 0)
      throw new Error(`unexpected layer size ${String(row.Size)} in docker history`)
    rows.push({ sizeBytes: size, createdBy: cleanInstruction(row.CreatedBy ?? '') })
  }
  return rows.reverse()
}

/** `RUN /bin/sh -c pip install x # buildkit` → `RUN /bin/sh -c pip install x`. */
export function cleanInstruction(createdBy: string): string {
  return createdBy
    .replace(/\s+# buildkit$/, '')
    .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
    .trim()
}

const LAYER_INSTRUCTION = /^(RUN|COPY|ADD|\/bin\/sh -c (?!#\(nop\)))/

/**
 * Pairs history rows with the image's diff IDs. History also lists metadata-only steps
 * (ENV, LABEL…) that made no layer; rows with bytes are layers, and when the counts still
 * differ the instructions that create layers decide. If nothing matches the layers are
 * returned without diff IDs, and deduplication treats them as unique to the image.
 */
export function matchLayers(history: HistoryRow[], diffIds: string[]): LayerInfo[] {
  const withBytes = history.filter((row) => row.sizeBytes > 0)
  if (withBytes.length === diffIds.length) return zip(withBytes, diffIds)
  const byInstruction = history.filter(
    (row) => row.sizeBytes > 0 || row.createdBy === '' || LAYER_INSTRUCTION.test(row.createdBy)
  )
  if (byInstruction.length === diffIds.length) return zip(byInstruction, diffIds)
  return withBytes.map((row) => ({ sizeBytes: row.sizeBytes, createdBy: row.createdBy }))
}

function zip(rows: HistoryRow[], diffIds: string[]): LayerInfo[] {
  return rows.map((row, index) => ({
    diffId: diffIds[index],
    sizeBytes: row.sizeBytes,
    createdBy: row.createdBy
  }))
}

/**
 * Bytes the images occupy together, counting each shared layer once. A layer is shared
 * only when its whole chain of parents is (the snapshotter's chain ID), so the key of
 * layer n is the sequence of diff IDs 0..n.
 */
export function uniqueBytes(images: { name: string; layers: LayerInfo[] }[]): number {
  const seen = new Set<string>()
  let total = 0
  for (const image of images) {
    let chain = ''
    image.layers.forEach((layer, index) => {
      chain = layer.diffId && (index === 0 || chain !== '') ? `${chain}|${layer.diffId}` : ''
      const key = chain !== '' ? chain : `${image.name}#${index}`
      if (!seen.has(key)) {
        seen.add(key)
        total += layer.sizeBytes
      }
    })
  }
  return total
}

/** An image's uncompressed size: the sum of its history's layer sizes. */
export function imageSize(history: readonly HistoryRow[]): number {
  return history.reduce((sum, row) => sum + row.sizeBytes, 0)
}
