// The document `nb-image compare` (and `mode: compare`) produces: ADR-031's options measured
// on one manifest, its triggers evaluated and a recommendation derived from the figures.
// Written as JSON (`--format json`, the `comparison` output) and rendered as the ADR section
// (render-markdown.ts) and the terminal table (render-text.ts): a versioned contract.
import type { OptionId } from './options.js'
import type { ImageStatus } from '../report/types.js'

/** Where and when the figures were measured. */
export interface MeasuredOn {
  /** The machine the engine runs on, as the engine describes it. */
  cpus: number | null
  memoryBytes: number | null
  os: string | null
  engine: string | null
  buildx: string | null
  imageStore: string | null
  /** The 1-minute load average of this machine when the measuring started and ended. */
  loadAverage: { start: number | null; end: number | null }
}

/** One image an option built (the cold build's). */
export interface OptionImage {
  name: string
  tiers: string[]
  /** C: the notebook the image is for. */
  notebook?: string
  sizeBytes: number | null
  /** What a pull downloads (config + layers), from the engine's packed image. */
  compressedBytes: number | null
  thresholdBytes: number
  status: ImageStatus
}

/** A tier of the manifest under one option: the image its pods run and what they pull. */
export interface OptionTier {
  tier: string
  /** The images serving it (C: one per notebook, the first one's figures shown). */
  images: string[]
  sizeBytes: number | null
  /** On a node holding nothing: config + every layer, compressed. */
  pullColdBytes: number | null
  /** On a node already holding the base layers (see pulls.ts). */
  pullBaseCachedBytes: number | null
}

/** One one-tier change, rebuilt warm. */
export interface ChangeResult {
  tier: string
  /** `synthetic` or `+ python3-toml (apt)` (tier-change.ts describeChange). */
  change: string
  /** The rebuild's time; null when it was not measured (`error` says why). */
  ms: number | null
  /** The images whose steps ran (not taken from the cache), and how many of their steps. */
  rebuilt: { image: string; ranSteps: number; totalSteps: number }[]
  error?: string
}

/** A package whose version differs between the images of an option. */
export interface DriftingPackage {
  kind: 'python' | 'debian' | 'rpm'
  name: string
  /** Image name → version. */
  versions: Record<string, string>
}

/** Version drift between an option's images, from the package inventory of each image. */
export interface Drift {
  /** False when an image has no package inventory (reports before it, or a failed read). */
  measured: boolean
  packages: DriftingPackage[]
}

/** One option, measured (or only counted). */
export interface OptionResult {
  id: OptionId
  title: string
  /** `measured`: built and measured; `planned`: counted, not built (`note` says why); `failed`. */
  status: 'measured' | 'planned' | 'failed'
  note?: string
  /** Dockerfiles to maintain, the image stages in them (helper `nb-` stages aside), images. */
  maintenance: { dockerfiles: number; stages: number; images: number }
  /** Every build of the option without any build cache, one after another. */
  coldMs: number | null
  /** The same builds again with nothing changed. */
  warmMs: number | null
  /** A package added to each tier in turn, rebuilt warm. */
  changes: ChangeResult[]
  changeMedianMs: number | null
  changeWorst: { tier: string; ms: number } | null
  images: OptionImage[]
  tiers: OptionTier[]
  /** Disk all the option's images take, shared layers once (uncompressed). */
  uniqueBytes: number | null
  drift: Drift
  /** Time until the time-critical tier's image is exported: cold, and after a change to that tier. */
  criticalTier: { coldMs: number | null; changeMs: number | null }
  /** Images over their budget. */
  overBudget: { image: string; sizeBytes: number; thresholdBytes: number }[]
  /** The cold build's report files. */
  reportFiles: string[]
}

/** ADR-031's "when to reconsider". */
export type TriggerId = 'size-budget' | 'tier-count' | 'time-critical' | 'operator-target'

/** One trigger, evaluated on the figures. */
export interface Trigger {
  id: TriggerId
  /** As ADR-031 words it. */
  title: string
  /** `not-needed`: the condition ADR-031 waits for does not apply to images this action publishes. */
  status: 'fired' | 'clear' | 'not-needed'
  /** The measured value, in a few words. */
  value: string
  detail: string
}

/** The rule that decided the recommendation (README: Comparing the options). */
export type RuleId = 'budget' | 'time-critical' | 'guard' | 'one-tier-change' | 'pull' | 'default'

/** The option the rules pick, and why, in figures. */
export interface Recommendation {
  /** Null when no option fits its budgets. */
  option: OptionId | null
  rule: RuleId
  /** The deciding figures, as sentences: each quotes the measured values and the rule's bound. */
  reasons: string[]
  /** What would change the answer: the bound each figure would have to cross. */
  wouldChange: string[]
}

/** The whole document. */
export interface AdrDocument {
  schemaVersion: 1
  tool: { name: string; version: string }
  /** The manifest, relative to the workspace. */
  manifest: string
  /** When the measuring finished (ISO 8601). */
  date: string
  commit: { sha: string | null; dirty: boolean }
  machine: MeasuredOn
  tiers: { name: string; timeCritical: boolean; notebooks: number; change: string }[]
  /** The tier whose time to an image the triggers and rules weigh: the marked one, else the first. */
  criticalTier: { name: string; marked: boolean }
  options: OptionResult[]
  triggers: Trigger[]
  recommendation: Recommendation
}
