import path from 'node:path'
import {
  generateDockerfile,
  PACKAGE_MANAGERS,
  refreshArgs,
  SHARED_STAGE,
  type TierChange
} from './dockerfile.js'
import { InputError, ManifestError, type ManifestIssue } from '../utils/errors.js'
import { fieldPath } from '../manifest/fields.js'
import type { Manifest, Strategy, Tier } from '../manifest/types.js'
import type { BuildPlan, GrowthLimit, ImagePlan } from './types.js'
import type { SizeLimit } from '../utils/size.js'

/** The size budget when neither the manifest nor the inputs set one: 5 GB (decimal). */
export const DEFAULT_THRESHOLD_BYTES = 5_000_000_000

/** Choices that come from the action's inputs rather than the manifest. */
export interface PlanOptions {
  /** Absolute folder of the manifest; `context` is relative to it. */
  manifestDir: string
  /** Overrides the manifest's strategy. */
  strategy?: Strategy
  /** Overrides the manifest's default budget (a tier's own threshold still wins). */
  thresholdBytes?: number
  /** Overrides the manifest's growth limit (a tier's own maxGrowth still wins). */
  maxGrowth?: SizeLimit
  /** Only build the images serving these tiers. */
  tiers?: string[]
  /** Absolute path where a generated Dockerfile is written; default generatedDockerfilePath(). */
  generatedDockerfilePath?: string
  /** A synthetic change to one tier of the generated Dockerfile (`nb-image compare`). */
  change?: TierChange
  /**
   * The value of the generated Dockerfile's index keys (`NB_APT_LISTS_KEY`,
   * `NB_PIP_RESOLVE_KEY`): the UTC day, so package indexes are read again once a day. A
   * manifest build arg of the same name wins (to refresh on another schedule).
   */
  refreshKey?: string
}

/** The UTC day of a time, YYYY-MM-DD: the generated Dockerfile's index key. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** Where the Dockerfile generated from the manifest's packages goes: beside the manifest. */
export function generatedDockerfilePath(manifestDir: string): string {
  return path.join(manifestDir, '.nb-image', 'Dockerfile')
}

/**
 * Decides which images to build, from which Dockerfile and stage, under which reference
 * and budget. Pure: the generated Dockerfile is returned for the caller to write.
 */
export function planBuild(manifest: Manifest, options: PlanOptions): BuildPlan {
  const strategy = options.strategy ?? manifest.strategy ?? 'shared'
  const selected = selectTiers(manifest, options.tiers)
  const context = path.resolve(options.manifestDir, manifest.context)
  const generated = manifest.dockerfile === undefined
  const generatedPath =
    options.generatedDockerfilePath ?? generatedDockerfilePath(options.manifestDir)
  const mainDockerfile = generated
    ? generatedPath
    : path.resolve(context, manifest.dockerfile ?? 'Dockerfile')
  const commonArgs: Record<string, string> = {}
  if (manifest.baseImage !== undefined) commonArgs['BASE_IMAGE'] = manifest.baseImage
  Object.assign(commonArgs, manifest.buildArgs)
  // Only the generated Dockerfile declares the keys, in its index stages.
  const refreshKey = options.refreshKey
  const generatedArgs: Record<string, string> = {}
  if (generated && refreshKey !== undefined) {
    for (const name of refreshArgs(manifest)) generatedArgs[name] = refreshKey
  }

  const budget = (tier: Tier): { bytes: number; source: string } => {
    if (tier.thresholdBytes !== undefined)
      return { bytes: tier.thresholdBytes, source: `tier ${tier.name}` }
    if (options.thresholdBytes !== undefined)
      return { bytes: options.thresholdBytes, source: 'input' }
    if (manifest.thresholdBytes !== undefined)
      return { bytes: manifest.thresholdBytes, source: 'manifest' }
    return { bytes: DEFAULT_THRESHOLD_BYTES, source: 'default' }
  }

  const growth = (tier: Tier): GrowthLimit | undefined => {
    if (tier.maxGrowth !== undefined) return { limit: tier.maxGrowth, source: `tier ${tier.name}` }
    if (options.maxGrowth !== undefined) return { limit: options.maxGrowth, source: 'input' }
    if (manifest.maxGrowth !== undefined) return { limit: manifest.maxGrowth, source: 'manifest' }
    return undefined
  }
  const limitsOf = (tiers: Tier[]): GrowthLimit[] | undefined => {
    const limits = tiers.flatMap((tier) => growth(tier) ?? [])
    const distinct = [...new Map(limits.map((l) => [JSON.stringify(l.limit), l])).values()]
    return distinct.length > 0 ? distinct : undefined
  }

  const images: ImagePlan[] = []
  const ownImage = (tier: Tier): ImagePlan => {
    const { bytes, source } = budget(tier)
    const plan: ImagePlan = {
      name: tier.name,
      tiers: [tier.name],
      dockerfile:
        tier.dockerfile !== undefined ? path.resolve(context, tier.dockerfile) : mainDockerfile,
      context,
      generated: tier.dockerfile === undefined && generated,
      ref: `${manifest.image}:${tier.name}`,
      thresholdBytes: bytes,
      thresholdSource: source,
      buildArgs: {
        ...(tier.dockerfile === undefined ? generatedArgs : {}),
        ...commonArgs,
        ...tier.buildArgs
      },
      field: fieldPath([
        'tiers',
        tier.name,
        ...(tier.target !== undefined
          ? ['target']
          : tier.dockerfile !== undefined
            ? ['dockerfile']
            : [])
      ])
    }
    // A tier's own Dockerfile builds its final stage unless a target is named.
    const target = tier.target ?? (tier.dockerfile === undefined ? tier.name : undefined)
    if (target !== undefined) plan.target = target
    const limits = limitsOf([tier])
    if (limits) plan.maxGrowth = limits
    return plan
  }

  if (strategy === 'multi-stage') {
    for (const tier of selected) images.push(ownImage(tier))
  } else {
    // Tiers with their own Dockerfile cannot live in the shared image; they get their own.
    const sharedTiers = manifest.tiers.filter((tier) => tier.dockerfile === undefined)
    const sharedSelected = selected.filter((tier) => tier.dockerfile === undefined)
    if (sharedSelected.length > 0) {
      const shared = sharedImage(manifest, sharedTiers, {
        dockerfile: mainDockerfile,
        context,
        budget,
        buildArgs: { ...generatedArgs, ...commonArgs }
      })
      const limits = limitsOf(sharedTiers)
      if (limits) shared.maxGrowth = limits
      images.push(shared)
    }
    for (const tier of selected) if (tier.dockerfile !== undefined) images.push(ownImage(tier))
  }

  const plan: BuildPlan = { strategy, manifestFile: manifest.file, images }
  // Written only when an image is built from it: tiers with their own Dockerfiles need none.
  if (images.some((image) => image.generated)) {
    plan.generatedDockerfile = {
      path: generatedPath,
      content: generateDockerfile(manifest, PACKAGE_MANAGERS, options.change)
    }
  }
  return plan
}

/** The shared image: every tier built from the main Dockerfile, in one image. */
function sharedImage(
  manifest: Manifest,
  tiers: Tier[],
  from: {
    dockerfile: string
    context: string
    budget: (tier: Tier) => { bytes: number; source: string }
    buildArgs: Record<string, string>
  }
): ImagePlan {
  const generated = manifest.dockerfile === undefined
  // The shared image serves every tier in it, so it must fit the tightest of their budgets.
  const tightest = tiers.map(from.budget).reduce((a, b) => (b.bytes < a.bytes ? b : a))
  const shared: ImagePlan = {
    name: SHARED_STAGE,
    tiers: tiers.map((tier) => tier.name),
    dockerfile: from.dockerfile,
    context: from.context,
    generated,
    ref: `${manifest.image}:${SHARED_STAGE}`,
    thresholdBytes: tightest.bytes,
    thresholdSource: tightest.source,
    buildArgs: sharedBuildArgs(manifest, tiers, from.buildArgs),
    field: generated ? 'tiers' : manifest.target !== undefined ? 'target' : 'dockerfile'
  }
  if (generated) shared.target = SHARED_STAGE
  else if (manifest.target !== undefined) shared.target = manifest.target
  return shared
}

/** One image holds every shared tier, so their build args must agree on each value. */
function sharedBuildArgs(
  manifest: Manifest,
  tiers: Tier[],
  common: Record<string, string>
): Record<string, string> {
  const merged: Record<string, string> = { ...common }
  const owner: Record<string, string> = {}
  const issues: ManifestIssue[] = []
  for (const tier of tiers) {
    for (const [key, value] of Object.entries(tier.buildArgs)) {
      const previous = owner[key]
      if (previous !== undefined && merged[key] !== value) {
        const field = fieldPath(['tiers', tier.name, 'buildArgs', key])
        const where = manifest.positions[field] ?? { line: 1, column: 1 }
        issues.push({
          file: manifest.file,
          ...where,
          field,
          message: `build arg ${key}="${value}" conflicts with "${merged[key] ?? ''}" from tier ${previous}; the shared image is built once, so its tiers must agree (or use strategy multi-stage)`
        })
        continue
      }
      merged[key] = value
      owner[key] = tier.name
    }
  }
  if (issues.length > 0) throw new ManifestError(issues)
  return merged
}

function selectTiers(manifest: Manifest, wanted: string[] | undefined): Tier[] {
  if (wanted === undefined || wanted.length === 0) return manifest.tiers
  const known = new Map(manifest.tiers.map((tier) => [tier.name, tier]))
  const unknown = wanted.filter((name) => !known.has(name))
  if (unknown.length > 0) {
    throw new InputError(
      `tiers: unknown tier${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; ${manifest.file} declares ${manifest.tiers.map((t) => t.name).join(', ')}`
    )
  }
  // Keep the manifest's order, whatever order the input lists them in.
  return manifest.tiers.filter((tier) => wanted.includes(tier.name))
}
