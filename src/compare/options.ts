// ADR-031's four options as builds of one manifest, for `nb-image compare`:
//
//   A  one shared image                     one build, strategy shared
//   B  one Dockerfile per tier              one build per tier, one after another, each from
//                                           a standalone Dockerfile generated for that tier
//                                           alone (FROM baseImage, base packages, the tier's)
//   C  one Dockerfile per notebook          as B, one build per notebook of each tier
//   D  multi-stage, one image per tier      one build (one BuildKit session), strategy
//                                           multi-stage
//
// B and C are generated from the same packages as A and D, so the four differ only in how
// the images are cut and built. Pure: the manifest and the notebooks found in, builds out.
import type { Manifest, Strategy, Tier } from '../manifest/types.js'
import type { TierNotebooks } from '../manifest/notebooks.js'
import { stageChain } from '../plan/stage-chain.js'
import { RESERVED_STAGE_PREFIX } from '../plan/package-steps.js'

/** ADR-031's options. */
export type OptionId = 'A' | 'B' | 'C' | 'D'

/** Every option, in ADR-031's order. */
export const OPTION_IDS: readonly OptionId[] = ['A', 'B', 'C', 'D']

/** The options `compare` builds when `options` is not given: C only when named. */
export const DEFAULT_OPTIONS: readonly OptionId[] = ['A', 'B', 'D']

/** ADR-031's name of each option. */
export const OPTION_TITLES: Readonly<Record<OptionId, string>> = {
  A: 'One shared image',
  B: 'One Dockerfile per tier',
  C: 'One Dockerfile per notebook',
  D: 'Multi-stage, one image per tier (--target)'
}

/** One build of an option: a manifest (all of it, or one tier of it) built with a strategy. */
export interface OptionBuild {
  /** For progress lines: `A`, `B tier1`, `C tier1 00-setup.ipynb`. */
  label: string
  /** Lowercase letters, digits and `-`: scratch folders and image tags. */
  key: string
  manifest: Manifest
  strategy: Strategy
  /** The manifest tier whose packages the build's one image holds (B and C). */
  tier?: string
  /** The notebook the image is for (C). */
  notebook?: string
}

/** One option as planned: its builds, and why they are not run when they are not. */
export interface OptionPlan {
  id: OptionId
  /**
   * The builds that make the option, run one after another; counted (Dockerfiles, images)
   * even when the option is skipped. Empty when the option cannot be cut from the manifest.
   */
  builds: OptionBuild[]
  /** Why the builds are not run: the option does not apply, or was not asked for. */
  skipped?: string
  /** Tiers served by no image of the option (C: tiers without notebooks). */
  unserved: string[]
}

/**
 * The builds of each option `wanted` names, and C planned and counted (not built) when the
 * tiers list notebooks but it is not named. B and C need a generated Dockerfile (they are
 * cut from the packages); C needs notebooks. B builds the time-critical tier first (a team
 * cutting per-tier Dockerfiles would), C its notebooks first.
 */
export function planOptions(
  manifest: Manifest,
  notebooks: readonly TierNotebooks[],
  wanted: readonly OptionId[]
): OptionPlan[] {
  const ordered = criticalFirst(manifest.tiers)
  const cuttable = ordered.some((tier) => isGenerated(manifest, tier))
  const found = new Map(notebooks.map((entry) => [entry.tier, entry.notebooks]))
  const withNotebooks = ordered.filter((tier) => (found.get(tier.name) ?? []).length > 0)
  const plans: OptionPlan[] = []
  for (const id of OPTION_IDS) {
    const named = wanted.includes(id)
    if (id === 'A' || id === 'D') {
      if (!named) continue
      const strategy: Strategy = id === 'A' ? 'shared' : 'multi-stage'
      plans.push({
        id,
        builds: [{ label: id, key: id.toLowerCase(), manifest, strategy }],
        unserved: []
      })
    } else if (id === 'B') {
      if (!named) continue
      plans.push(
        cuttable
          ? { id, builds: tierBuilds(manifest, ordered, () => [undefined]), unserved: [] }
          : { id, builds: [], skipped: notCuttable(manifest), unserved: [] }
      )
    } else {
      // C: counted whenever the tiers list notebooks, built only when named.
      if (!named && (!cuttable || withNotebooks.length === 0)) continue
      const unserved = ordered
        .filter((tier) => !withNotebooks.includes(tier))
        .map((tier) => tier.name)
      const builds = cuttable
        ? tierBuilds(manifest, withNotebooks, (tier) => found.get(tier.name) ?? [])
        : []
      const skipped = !cuttable
        ? notCuttable(manifest)
        : withNotebooks.length === 0
          ? 'no tier lists notebooks (tiers.<name>.notebooks), so there is no image per notebook to build'
          : !named
            ? 'counted only: C is built when options names it (--options A,B,C,D)'
            : undefined
      plans.push({ id, builds, ...(skipped ? { skipped } : {}), unserved })
    }
  }
  return plans
}

function criticalFirst(tiers: readonly Tier[]): Tier[] {
  return [...tiers.filter((t) => t.timeCritical), ...tiers.filter((t) => !t.timeCritical)]
}

/** Whether a tier is built from the generated Dockerfile (not its own, nor the manifest's). */
function isGenerated(manifest: Manifest, tier: Tier): boolean {
  return manifest.dockerfile === undefined && tier.dockerfile === undefined
}

function notCuttable(manifest: Manifest): string {
  return manifest.dockerfile !== undefined
    ? `the manifest builds from its own Dockerfile (${manifest.dockerfile}), and this option is cut from the packages of a generated one`
    : 'every tier has its own Dockerfile, so there are no packages to cut Dockerfiles from'
}

/**
 * One build per (tier, notebook) pair, or per tier (notebook undefined): a manifest holding
 * that tier alone, renamed after the notebook for C so that each image has a name (and
 * stage) of its own.
 */
function tierBuilds(
  manifest: Manifest,
  tiers: readonly Tier[],
  notebooksOf: (tier: Tier) => readonly (string | undefined)[]
): OptionBuild[] {
  const builds: OptionBuild[] = []
  const used = new Set<string>()
  for (const tier of tiers) {
    for (const notebook of notebooksOf(tier)) {
      const name = notebook === undefined ? tier.name : uniqueName(tier.name, notebook, used)
      builds.push({
        label: notebook === undefined ? `B ${tier.name}` : `C ${tier.name} ${baseName(notebook)}`,
        key: `${notebook === undefined ? 'b' : 'c'}-${safeKey(name)}`,
        manifest: { ...manifest, tiers: [{ ...tier, name }] },
        strategy: 'multi-stage',
        tier: tier.name,
        ...(notebook !== undefined ? { notebook } : {})
      })
    }
  }
  return builds
}

function baseName(file: string): string {
  return file.split('/').pop() ?? file
}

/**
 * A tier name (and so a stage name and tag) for one notebook's image: the tier's, a dash and
 * the notebook's file name without `.ipynb`, in the stage-name alphabet, at most 63
 * characters, unique in the option.
 */
function uniqueName(tier: string, notebook: string, used: Set<string>): string {
  const stem = baseName(notebook)
    .replace(/\.ipynb$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
  const base = `${tier}-${stem || 'notebook'}`.slice(0, 59).replace(/[-._]+$/, '')
  let name = base
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`
  used.add(name)
  return name
}

function safeKey(name: string): string {
  return name.replace(/[^a-z0-9-]+/g, '-')
}

/** What an option asks a team to maintain, counted from the Dockerfiles it builds from. */
export interface Maintenance {
  dockerfiles: number
  /** The stages its images are built through (their FROM chains), helper `nb-` stages aside. */
  stages: number
  images: number
}

/**
 * Counts Dockerfiles, stages and images of an option's planned images. `texts` holds each
 * Dockerfile's content by path; a stage reached by several images counts once per file.
 */
export function maintenanceOf(
  images: readonly { dockerfile: string; target?: string }[],
  texts: ReadonlyMap<string, string>
): Maintenance {
  const stagesByFile = new Map<string, Set<string>>()
  for (const image of images) {
    const stages = stagesByFile.get(image.dockerfile) ?? new Set<string>()
    for (const stage of stageChain(texts.get(image.dockerfile) ?? '', image.target)) {
      if (!stage.startsWith(RESERVED_STAGE_PREFIX)) stages.add(stage)
    }
    stagesByFile.set(image.dockerfile, stages)
  }
  return {
    dockerfiles: stagesByFile.size,
    stages: [...stagesByFile.values()].reduce((sum, stages) => sum + Math.max(stages.size, 1), 0),
    images: images.length
  }
}
