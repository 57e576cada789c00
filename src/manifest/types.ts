// The tier manifest as the rest of the action sees it, once parsed and checked
// (manifest/parse.ts): every value valid, every field located in the file.
import type { SourcePos } from '../utils/errors.js'
import type { SizeLimit } from '../utils/size.js'

/** How tier images are built: one image for every tier, or one `--target` image per tier. */
export type Strategy = 'shared' | 'multi-stage'

/** The strategies, in the order the docs list them. */
export const STRATEGIES: readonly Strategy[] = ['shared', 'multi-stage']

/** Packages installed into an image, in the order given. */
export interface Packages {
  pip: string[]
  apt: string[]
  /** A pip requirements file, relative to the manifest's folder. */
  requirements?: string
}

/**
 * How the Python packages of the tiers are resolved: `all-tiers` together (one version of
 * each package in every image), `per-tier` each image on its own.
 */
export type PythonConsistency = 'all-tiers' | 'per-tier'

/** The consistencies, default first. */
export const PYTHON_CONSISTENCIES: readonly PythonConsistency[] = ['all-tiers', 'per-tier']

/** One tier of notebooks, as declared in the manifest. */
export interface Tier {
  name: string
  description?: string
  /** Stage to build; defaults to the tier name (or the final stage of the tier's own Dockerfile). */
  target?: string
  packages: Packages
  notebooks: string[]
  /** The tier's own Dockerfile, relative to the context (ADR options B and C). */
  dockerfile?: string
  thresholdBytes?: number
  /** How much the tier's image may grow against the baseline. */
  maxGrowth?: SizeLimit
  buildArgs: Record<string, string>
  /** The tier whose time to a validated image matters most (ADR-031's trigger); at most one. */
  timeCritical?: true
}

/** A validated tier manifest. `positions` maps dotted field paths to where they are written. */
export interface Manifest {
  file: string
  version: 1
  image: string
  strategy?: Strategy
  context: string
  dockerfile?: string
  /** Stage of a user Dockerfile that the shared image is built from (default: the last stage). */
  target?: string
  baseImage?: string
  thresholdBytes?: number
  /** How much every image may grow against the baseline (a tier's own wins). */
  maxGrowth?: SizeLimit
  buildArgs: Record<string, string>
  base: Packages
  tiers: Tier[]
  /** A pip constraints file for every image, relative to the manifest's folder. */
  constraints?: string
  /** pip's index, without credentials (those come from the pip-index-url input). */
  pipIndexUrl?: string
  /** pip's extra indexes, without credentials. */
  pipExtraIndexUrls?: string[]
  /** Absent means all-tiers. */
  pythonConsistency?: PythonConsistency
  positions: Record<string, SourcePos>
}
