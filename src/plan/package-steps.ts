// What a package manager contributes to the generated Dockerfile. dockerfile.ts lays out the
// image stages (base, one per tier, shared) and asks each manager, in turn, for the stages
// it needs before them and the instructions that install its packages in them; apt-steps.ts
// and pip-steps.ts are the managers. A new manager is one more module implementing
// PackageSteps and one more entry in dockerfile.ts's list. Pure: text in, text out.
import type { Manifest, Packages } from '../manifest/types.js'

/** Stage names that start with this are the generated Dockerfile's own (and not tier names). */
export const RESERVED_STAGE_PREFIX = 'nb-'

/** An image stage of the generated Dockerfile: the base, one tier, or every tier (shared). */
export interface ImageStage {
  /** The stage name: `base`, the tier's stage (its target, else its name), or `shared`. */
  stage: string
  role: 'base' | 'tier' | 'shared'
  /** The image's name in the plan and the report: the tier name, `base` or `shared`. */
  name: string
  /** The stage it starts from: `${BASE_IMAGE}` for the base, the base stage otherwise. */
  from: string
  /**
   * The packages this stage adds to `from`, as the manifest lists them. For `shared`, every
   * tier's lists concatenated with exact repeats dropped; a manager that normalises names
   * (pip) de-duplicates again.
   */
  packages: Packages
  /** For `shared`: the tier stages whose packages it holds, in manifest order; else empty. */
  tiers: ImageStage[]
  /** The comment line above the stage (the tier's description), when it has one. */
  comment?: string
}

/** What every manager is told: the manifest and all the image stages, base first. */
export interface GenerationContext {
  manifest: Manifest
  images: ImageStage[]
}

/** A stage a manager adds (downloads, indexes, scripts): its lines, `FROM … AS …` first. */
export type StageLines = string[]

/** One package manager's part of the generated Dockerfile. */
export interface PackageSteps {
  /**
   * The build args that key this manager's index stages (`apt-get update`, a resolution)
   * when the Dockerfile has them: the action sets each to the UTC day (YYYY-MM-DD), so
   * indexes are fetched again at most once a day. Declared only in the stage that fetches,
   * so no other step's cache key sees them.
   */
  refreshArgs(context: GenerationContext): string[]
  /** Stages placed before every image stage (package indexes, scripts); none when unused. */
  preamble(context: GenerationContext): StageLines[]
  /** Stages one image stage needs, placed right before it (e.g. its downloads). */
  before(image: ImageStage, context: GenerationContext): StageLines[]
  /** Instructions installing the image's packages, in its own stage, after the earlier managers'. */
  install(image: ImageStage, context: GenerationContext): string[]
}

/**
 * An exec-form (JSON) RUN with its `--mount` flags: every argument one JSON string, so
 * nothing from the manifest is parsed by a shell.
 */
export function runInstruction(argv: string[], mounts: string[] = []): string {
  return `RUN ${mounts.map((mount) => `--mount=${mount} `).join('')}${JSON.stringify(argv)}`
}

/** The items whose key was not seen before, in order. */
export function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
