// What a validation pod's node downloads to run an image: the compressed blobs of its
// manifest, less those the node already holds. A registry pull skips a layer whose digest
// the node has, so sharing is decided by digest, as the runtime decides it. Pure: the
// packed images come from the engine (docker save, measure/inspect.ts), the base-layer
// counts from the Dockerfiles (plan/stage-chain.ts layersAbove).

/** An image as a pull sees it: its config blob and its layer blobs, in order. */
export interface PackedLayers {
  configBytes: number
  layers: { digest: string; bytes: number }[]
}

/** One image of an option, in the option's build order. */
export interface PullSubject {
  name: string
  /** Null when the packed image could not be read. */
  packed: PackedLayers | null
  /** How many of its first layers are the base (base image + base packages); null when unknown. */
  baseLayers: number | null
}

/** What a pod of this image pulls. */
export interface PullFigures {
  /** On a node holding nothing of it: config + every layer. */
  coldBytes: number
  /**
   * On a node that already holds the base layers, as another image of the same option has
   * them (the option's only image when it has one): config + the layers whose digest is not
   * among those. Null when the base layers are not known.
   */
  baseCachedBytes: number | null
}

/**
 * The pulls of every image of one option. The base layers a node holds are those of the
 * option's first other image (for B and C: images built separately, whose base layers are
 * the same blobs only if their builds made identical layers); for an option of one image
 * (A), that image's own base.
 */
export function optionPulls(subjects: readonly PullSubject[]): Map<string, PullFigures> {
  const figures = new Map<string, PullFigures>()
  for (const subject of subjects) {
    const { packed } = subject
    if (!packed) continue
    const coldBytes = packed.configBytes + sum(packed.layers.map((layer) => layer.bytes))
    const reference = subjects.find((other) => other !== subject && other.packed) ?? subject
    const held = baseDigests(reference)
    figures.set(subject.name, {
      coldBytes,
      baseCachedBytes:
        held === null || baseDigests(subject) === null
          ? null
          : packed.configBytes +
            sum(packed.layers.filter((layer) => !held.has(layer.digest)).map((l) => l.bytes))
    })
  }
  return figures
}

/** The digests of an image's base layers, or null when they are not known. */
function baseDigests(subject: PullSubject): Set<string> | null {
  const { packed, baseLayers } = subject
  if (!packed || baseLayers === null || baseLayers < 0 || baseLayers > packed.layers.length)
    return null
  return new Set(packed.layers.slice(0, baseLayers).map((layer) => layer.digest))
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
