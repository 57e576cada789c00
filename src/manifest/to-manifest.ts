// Round three of the manifest's checks: the raw document the schema accepted becomes a
// Manifest, with the checks a schema cannot make (package specs, image references, stage
// names the generated Dockerfile uses, tiers building the same stage, notebook globs).
import { imageReferenceProblem, imageRepositoryProblem } from '../image/reference.js'
import type { SourcePos } from '../utils/errors.js'
import { fieldPath, type Path } from './fields.js'
import {
  buildArgs,
  checkNotebookGlob,
  packages,
  size,
  sizeLimit,
  type RawPackages
} from './field-values.js'
import { parseIndexUrl, redactUrl } from './index-urls.js'
import type { Manifest, Packages, PythonConsistency, Strategy, Tier } from './types.js'

interface RawTier extends RawPackages {
  description?: string
  target?: string
  notebooks?: string[]
  dockerfile?: string
  threshold?: string | number
  maxGrowth?: string | number
  buildArgs?: Record<string, string | number | boolean>
  timeCritical?: boolean
}

/** The manifest as the schema accepted it, before conversion. */
export interface RawManifest {
  version: 1
  image: string
  strategy?: Strategy
  context?: string
  dockerfile?: string
  target?: string
  baseImage?: string
  threshold?: string | number
  maxGrowth?: string | number
  buildArgs?: Record<string, string | number | boolean>
  base?: RawPackages
  tiers: Record<string, RawTier | null>
  constraints?: string
  pipIndexUrl?: string
  pipExtraIndexUrls?: string[]
  pythonConsistency?: PythonConsistency
}

/**
 * The prefix of the generated Dockerfile's own stages (plan/package-steps.ts says the same;
 * a test keeps them equal): no generated tier's stage may start with it.
 */
export const RESERVED_STAGE_PREFIX = 'nb-'

/** Records a problem at a field. */
export type AddIssue = (path: Path, message: string) => void

/**
 * Converts the raw manifest the schema accepted, recording every problem a schema cannot
 * see through `addIssue` (the caller throws them together).
 */
export function toManifest(
  raw: RawManifest,
  file: string,
  positions: Record<string, SourcePos>,
  sources: Record<string, string>,
  addIssue: AddIssue
): Manifest {
  const repositoryProblem = imageRepositoryProblem(raw.image)
  if (repositoryProblem) addIssue(['image'], repositoryProblem)
  const baseImageProblem =
    raw.baseImage === undefined ? undefined : imageReferenceProblem(raw.baseImage)
  if (baseImageProblem) addIssue(['baseImage'], baseImageProblem)
  const base = packages(raw.base ?? {}, ['base'], addIssue)
  const generated = raw.dockerfile === undefined
  if (!generated && raw.base?.requirements !== undefined) {
    addIssue(['base', 'requirements'], OWN_DOCKERFILE_REQUIREMENTS)
  }
  const tiers: Tier[] = []
  const stages = new Map<string, string>()
  for (const [name, value] of Object.entries(raw.tiers)) {
    if (value === null) {
      addIssue(
        ['tiers', name],
        'the tier is empty; expected a mapping with pip, apt, notebooks or dockerfile'
      )
      continue
    }
    const tierPackages = packages(value, ['tiers', name], addIssue)
    checkTierStage(name, value, raw, stages, addIssue)
    tiers.push(toTier(name, value, tierPackages, sources, addIssue))
  }
  checkTimeCritical(tiers, positions, addIssue)
  // Only tiers without their own Dockerfile are built from the generated one.
  const usesGenerated =
    generated &&
    Object.values(raw.tiers).some((tier) => tier !== null && tier.dockerfile === undefined)
  if (usesGenerated && raw.baseImage === undefined) {
    addIssue(
      [],
      'missing field "baseImage": the Dockerfile is generated (no "dockerfile" given), so its FROM image is needed'
    )
  }
  if (raw.target !== undefined && generated) {
    addIssue(
      ['target'],
      '"target" picks a stage of your own Dockerfile; it needs "dockerfile" to be set'
    )
  }

  const manifest: Manifest = {
    file,
    version: 1,
    image: raw.image,
    context: raw.context ?? '.',
    buildArgs: buildArgs(raw.buildArgs, ['buildArgs'], sources),
    base,
    tiers,
    positions
  }
  pythonFields(raw, manifest, addIssue)
  if (raw.strategy !== undefined) manifest.strategy = raw.strategy
  if (raw.dockerfile !== undefined) manifest.dockerfile = raw.dockerfile
  if (raw.target !== undefined) manifest.target = raw.target
  if (raw.baseImage !== undefined) manifest.baseImage = raw.baseImage
  if (raw.threshold !== undefined) {
    const bytes = size(raw.threshold, ['threshold'], sources, addIssue)
    if (bytes !== undefined) manifest.thresholdBytes = bytes
  }
  if (raw.maxGrowth !== undefined) {
    const limit = sizeLimit(raw.maxGrowth, ['maxGrowth'], sources, addIssue)
    if (limit !== undefined) manifest.maxGrowth = limit
  }
  return manifest
}

const OWN_DOCKERFILE_REQUIREMENTS =
  'a requirements file is installed by the generated Dockerfile, and this image is built from your own: install it there (COPY it and RUN pip install -r), or leave "dockerfile" out'

/** The constraints file, the index fields and pythonConsistency, onto the manifest. */
function pythonFields(raw: RawManifest, manifest: Manifest, addIssue: AddIssue): void {
  if (raw.constraints !== undefined) manifest.constraints = raw.constraints
  if (raw.pythonConsistency !== undefined) manifest.pythonConsistency = raw.pythonConsistency
  const indexUrl = (value: string, path: Path, input: string): string | undefined => {
    const parsed = parseIndexUrl(value)
    if ('problem' in parsed) {
      addIssue(path, parsed.problem)
      return undefined
    }
    if (parsed.credentials) {
      addIssue(
        path,
        `${JSON.stringify(redactUrl(value.trim()))} holds credentials (a user name or password), which everyone who reads the repository would see: give this URL with its credentials as the ${input} input, from a secret, and write it here without them (${parsed.public}) or not at all`
      )
      return undefined
    }
    return parsed.public
  }
  if (raw.pipIndexUrl !== undefined) {
    const url = indexUrl(raw.pipIndexUrl, ['pipIndexUrl'], 'pip-index-url')
    if (url !== undefined) manifest.pipIndexUrl = url
  }
  if (raw.pipExtraIndexUrls !== undefined) {
    const urls = raw.pipExtraIndexUrls.map((value, index) =>
      indexUrl(value, ['pipExtraIndexUrls', index], 'pip-extra-index-url')
    )
    manifest.pipExtraIndexUrls = urls.filter((url): url is string => url !== undefined)
  }
}

/**
 * What a tier of the generated Dockerfile may not be: empty, or named like one of its own
 * stages; and no two tiers may build the same stage of one Dockerfile (the same image twice).
 */
function checkTierStage(
  name: string,
  value: RawTier,
  raw: RawManifest,
  stages: Map<string, string>,
  addIssue: AddIssue
): void {
  const path = ['tiers', name]
  const generatedTier = raw.dockerfile === undefined && value.dockerfile === undefined
  if (
    generatedTier &&
    // The lists as written: a rejected or over-long list already has its own issue.
    (value.pip ?? []).length === 0 &&
    (value.apt ?? []).length === 0 &&
    value.requirements === undefined
  ) {
    addIssue(
      path,
      'the tier installs nothing: the Dockerfile is generated, so give it pip or apt packages or a requirements file (or its own dockerfile)'
    )
  }
  if (!generatedTier && value.requirements !== undefined) {
    addIssue([...path, 'requirements'], OWN_DOCKERFILE_REQUIREMENTS)
  }
  if (generatedTier) {
    // The tier's stage in the generated Dockerfile must not be one of the file's own.
    const [stage, where, what] =
      value.target !== undefined
        ? [value.target, [...path, 'target'], 'target']
        : [name, path, 'name']
    if (stage === 'base' || stage === 'shared') {
      addIssue(
        where,
        `"${stage}" is a stage of the generated Dockerfile; give the tier another ${what}`
      )
    } else if (stage.startsWith(RESERVED_STAGE_PREFIX)) {
      addIssue(
        where,
        `"${stage}": stage names starting with "${RESERVED_STAGE_PREFIX}" are reserved for the generated Dockerfile's own stages (package indexes, downloads); give the tier another ${what}`
      )
    }
  }
  const stage = value.target ?? (value.dockerfile === undefined ? name : undefined)
  if (stage === undefined) return
  const key = `${value.dockerfile ?? raw.dockerfile ?? '(generated)'}#${stage}`
  const other = stages.get(key)
  if (other === undefined) {
    stages.set(key, name)
    return
  }
  addIssue(
    value.target !== undefined ? [...path, 'target'] : path,
    `tiers ${other} and ${name} both build stage "${stage}"; give each tier its own target`
  )
}

/** One tier, its notebook globs, build args and budget checked (its packages already are). */
function toTier(
  name: string,
  value: RawTier,
  tierPackages: Packages,
  sources: Record<string, string>,
  addIssue: AddIssue
): Tier {
  const path = ['tiers', name]
  value.notebooks?.forEach((glob, index) => {
    const problem = checkNotebookGlob(glob)
    if (problem) addIssue([...path, 'notebooks', index], problem)
  })
  const tier: Tier = {
    name,
    packages: tierPackages,
    notebooks: value.notebooks ?? [],
    buildArgs: buildArgs(value.buildArgs, [...path, 'buildArgs'], sources)
  }
  if (value.description !== undefined) tier.description = value.description
  if (value.target !== undefined) tier.target = value.target
  if (value.dockerfile !== undefined) tier.dockerfile = value.dockerfile
  if (value.threshold !== undefined) {
    const bytes = size(value.threshold, [...path, 'threshold'], sources, addIssue)
    if (bytes !== undefined) tier.thresholdBytes = bytes
  }
  if (value.maxGrowth !== undefined) {
    const limit = sizeLimit(value.maxGrowth, [...path, 'maxGrowth'], sources, addIssue)
    if (limit !== undefined) tier.maxGrowth = limit
  }
  if (value.timeCritical === true) tier.timeCritical = true
  return tier
}

/**
 * "The" time-critical tier is one tier: the comparison weighs its time to an image first,
 * so a second one is refused where it is written, naming the first.
 */
function checkTimeCritical(
  tiers: Tier[],
  positions: Record<string, SourcePos>,
  addIssue: AddIssue
): void {
  const [first, ...others] = tiers.filter((tier) => tier.timeCritical)
  if (!first) return
  const line = positions[fieldPath(['tiers', first.name, 'timeCritical'])]?.line
  for (const tier of others) {
    addIssue(
      ['tiers', tier.name, 'timeCritical'],
      `at most one tier can be time-critical, and tier ${first.name} already is${line !== undefined ? ` (line ${line})` : ''}`
    )
  }
}
