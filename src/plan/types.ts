import type { Strategy } from '../manifest/types.js'
import type { SizeLimit } from '../utils/size.js'

/** A growth limit and where it came from (`tier <name>`, `input`, `manifest`). */
export interface GrowthLimit {
  limit: SizeLimit
  source: string
}

/** One image the run builds. */
export interface ImagePlan {
  /** Tier name for per-tier images, `shared` for the shared image. */
  name: string
  tiers: string[]
  /** `--target`; absent means the Dockerfile's final stage. */
  target?: string
  /** Absolute path of the Dockerfile. */
  dockerfile: string
  /** Absolute path of the build context. */
  context: string
  /** Whether the Dockerfile was generated from the manifest's packages. */
  generated: boolean
  /** Local reference the image is loaded under. */
  ref: string
  thresholdBytes: number
  /** Where the budget came from, for messages: `input`, `manifest`, `tier <name>` or `default`. */
  thresholdSource: string
  /**
   * How much the image may grow against the baseline: one limit per tier it serves that has
   * one (the shared image must keep to the tightest, known once the baseline size is).
   */
  maxGrowth?: GrowthLimit[]
  buildArgs: Record<string, string>
  /** Manifest field that chose the Dockerfile/target, for errors that point back at it. */
  field: string
}

/** Everything decided before the first build. */
export interface BuildPlan {
  strategy: Strategy
  manifestFile: string
  images: ImagePlan[]
  generatedDockerfile?: { path: string; content: string }
}
