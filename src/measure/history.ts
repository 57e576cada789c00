// Reading an image's history (its layer sizes) so that it never depends on luck. On the
// containerd image store `docker history` sums the snapshotter's usage of each layer's
// unpacked snapshot, and right after bake re-exported a tag with new config over identical
// layers, a containerd GC can have collected a snapshot the new image still needs: BuildKit's
// exporter moves the tag first and labels the new config with its snapshot last, and the old
// image, whose config held the only reference, is deleted in between. History then answers
// "snapshot sha256:… does not exist" until something unpacks the image again (seen in 42 of
// 800 images over 200 warm runs; docs/reliability.md). Creating a container from the image
// unpacks its missing layers, and the sizes read afterwards are the same bytes as an
// unaffected run's, so that is the repair: once, then history again.
import { parseHistory, type HistoryRow } from './layers.js'

/** What one `docker history --format '{{json .}}'` call answered. */
export type HistoryAnswer = { ok: true; output: string } | { ok: false; error: string }

/** The engine operations the repair needs; adapters/docker.ts gives the real ones. */
export interface HistoryOps {
  /** `docker history` of an image ID. */
  history(id: string): Promise<HistoryAnswer>
  /** Unpacks the image again (create a container, remove it); resolves to an error, if any. */
  unpack(id: string): Promise<string | undefined>
}

/** An image's history rows, and the snapshot that had to be restored first, if one did. */
export interface ImageHistory {
  rows: HistoryRow[]
  /** The engine's "snapshot … does not exist" message, when the image was unpacked again. */
  repaired?: string
}

/** The missing snapshot named in a history error, or undefined when that is not the error. */
export function lostSnapshot(error: string): string | undefined {
  return /snapshot (\S+) does not exist/.exec(error)?.[1]
}

/** The image ID on history's newest row (`ID`), when the engine prints one. */
export function historyTopId(output: string): string | undefined {
  const first = output.split('\n').find((line) => line.trim() !== '')
  if (!first) return undefined
  const id = (JSON.parse(first) as { ID?: string }).ID
  return id && id.startsWith('sha256:') ? id : undefined
}

/**
 * The history of image `id`, from `first` (history asked by reference at the same time as
 * the inspection that gave the ID):
 * - it answered for that very image (its newest row carries the ID): taken as it is;
 * - it answered for another image (the tag moved in between): asked again by ID;
 * - it lost a snapshot: the image is unpacked again, once, and history asked by ID;
 * - any other failure is thrown (with the engine's words), for the caller's retries.
 */
export async function readImageHistory(
  id: string,
  first: HistoryAnswer,
  ops: HistoryOps
): Promise<ImageHistory> {
  let answer = first
  if (answer.ok) {
    const top = historyTopId(answer.output)
    if (top === undefined || top === id) return { rows: parseHistory(answer.output) }
    answer = await ops.history(id)
    if (answer.ok) return { rows: parseHistory(answer.output) }
  }
  const lost = lostSnapshot(answer.error)
  if (lost === undefined) throw new Error(answer.error)
  const unpackError = await ops.unpack(id)
  if (unpackError !== undefined) {
    throw new Error(
      `${answer.error}; unpacking the image again to restore it failed: ${unpackError}`
    )
  }
  const again = await ops.history(id)
  if (!again.ok) {
    throw new Error(`${answer.error}; still after unpacking the image again: ${again.error}`)
  }
  return { rows: parseHistory(again.output), repaired: answer.error }
}
