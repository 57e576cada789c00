// One ADR-031 option measured (pipeline/compare.ts runs them one after another): its builds
// cold (no build cache), warm with nothing changed, then once per tier with a package added
// to that tier, rebuilt warm from the option's own cache; the pulls of its cold images; what
// it asks to maintain. Every build goes through runBuild (the same pipeline as `mode:
// build`) with the option's manifest, Dockerfile and references, never pushing. Images are
// loaded under `<image>:compare-<option>-<name>[-c<n>]` and removed when the option is done.
import path from 'node:path'
import type { Deps } from '../adapters/deps.js'
import type { EngineInfo } from '../adapters/docker.js'
import type { PackedLayers, PullSubject } from '../compare/pulls.js'
import { optionPulls } from '../compare/pulls.js'
import type { Manifest, Tier } from '../manifest/types.js'
import { maintenanceOf, type OptionBuild, type OptionPlan } from '../compare/options.js'
import { BASE_STAGE, type TierChange } from '../plan/dockerfile.js'
import { layersAbove } from '../plan/stage-chain.js'
import { planBuild } from '../plan/plan.js'
import { changedManifest, type TierChangeSpec } from '../compare/tier-change.js'
import type { BuildPlan, ImagePlan } from '../plan/types.js'
import { phaseMs, type OptionMeasurement, type Phase } from '../compare/figures.js'
import { ReportFile } from '../report/report-file.js'
import { formatDuration } from '../render/format.js'
import { EngineError, errorMessage } from '../utils/errors.js'
import { runBuild } from './build.js'
import type { RunOptions } from './options.js'

/** What every option of one comparison shares. */
export interface CompareContext {
  /** The run's options, with everything a comparison must not do taken out. */
  options: RunOptions
  deps: Deps
  manifest: Manifest
  /** Scratch folder for generated Dockerfiles and the reports of warm and change builds. */
  scratch: string
  /** Unique to this comparison: keeps its changes from matching another run's cache. */
  runId: string
  changes: ReadonlyMap<string, TierChangeSpec>
  engine: EngineInfo
  progress: (line: string) => void
  /** Report files that could not be written. */
  writeErrors: string[]
}

/** One phase: cold, warm, or the change of the tier at `index` (1-based, manifest order). */
type PhaseKind =
  { kind: 'cold' | 'warm' } | { kind: 'change'; tier: Tier; index: number; change: TierChangeSpec }

/** A phase's builds and their plans (the Dockerfiles they were built from). */
interface PhaseRun {
  phase: Phase
  plans: BuildPlan[]
}

/** Measures one option; an engine that stops answering stops the comparison (EngineError). */
export async function measureOption(
  plan: OptionPlan,
  context: CompareContext
): Promise<OptionMeasurement> {
  const maintenance = await countMaintenance(plan, context)
  const measurement: OptionMeasurement = {
    plan,
    maintenance,
    changes: [],
    pulls: new Map(),
    reportFiles: []
  }
  if (plan.skipped !== undefined) return measurement
  const created = new Set<string>()
  const { progress } = context
  try {
    const cold = await runPhase(plan, { kind: 'cold' }, context, created)
    measurement.cold = cold.phase
    measurement.reportFiles = plan.builds.map((build) => coldReportFile(context.options, build))
    progress(`${plan.id} cold (no build cache): ${time(cold.phase)}`)
    measurement.pulls = await measurePulls(cold, context)
    measurement.warm = (await runPhase(plan, { kind: 'warm' }, context, created)).phase
    progress(`${plan.id} warm, nothing changed: ${time(measurement.warm)}`)
    for (const [position, tier] of context.manifest.tiers.entries()) {
      const change = context.changes.get(tier.name) ?? { kind: 'synthetic' as const }
      if (context.manifest.dockerfile !== undefined || tier.dockerfile !== undefined) {
        measurement.changes.push({
          tier: tier.name,
          change,
          error: `${tier.name} is built from ${tier.dockerfile ?? context.manifest.dockerfile ?? 'its own Dockerfile'}, whose package steps the comparison cannot change`
        })
        continue
      }
      const kind: PhaseKind = { kind: 'change', tier, index: position + 1, change }
      const before = new Set(created)
      const run = await runPhase(plan, kind, context, created)
      measurement.changes.push({ tier: tier.name, change, phase: run.phase })
      progress(`${plan.id} one-tier change, ${tier.name}: ${time(run.phase)}`)
      // The changed images are measured; free their disk before the next change.
      const fresh = [...created].filter((ref) => !before.has(ref))
      await removeImages(fresh, context)
      for (const ref of fresh) created.delete(ref)
    }
  } catch (error) {
    if (error instanceof EngineError) throw error
    measurement.error = errorMessage(error)
    progress(`${plan.id} stopped: ${measurement.error}`)
  } finally {
    await removeImages([...created], context)
  }
  return measurement
}

function time(phase: Phase | undefined): string {
  const ms = phaseMs(phase)
  return ms === null ? 'not measured (a build failed)' : formatDuration(ms)
}

/** Where the cold build's report of one build goes: next to `report-file`, suffixed. */
export function coldReportFile(options: RunOptions, build: OptionBuild): string {
  return options.reportFile.replace(/(\.json)?$/, `-${build.key}.json`)
}

/** Runs every build of the option for one phase, one after another. */
async function runPhase(
  plan: OptionPlan,
  kind: PhaseKind,
  context: CompareContext,
  created: Set<string>
): Promise<PhaseRun> {
  const { deps, options } = context
  const run: PhaseRun = { phase: { builds: [] }, plans: [] }
  const label =
    kind.kind === 'change'
      ? `one-tier change, ${kind.tier.name}`
      : kind.kind === 'cold'
        ? 'cold, no build cache'
        : 'warm, nothing changed'
  for (const [index, build] of plan.builds.entries()) {
    const count = plan.builds.length > 1 ? ` (${index + 1} of ${plan.builds.length})` : ''
    context.progress(`${build.label}: ${label}${count}…`)
    const folder = path.join(
      context.scratch,
      build.key,
      kind.kind === 'change' ? `change-${kind.index}` : 'unchanged'
    )
    const reportFile =
      kind.kind === 'cold'
        ? coldReportFile(options, build)
        : path.join(folder, `report-${kind.kind}.json`)
    const variant = phaseVariant(plan, build, kind, context)
    const suffix = kind.kind === 'change' ? `-c${kind.index}` : ''
    const result = await runBuild(
      { ...options, strategy: build.strategy, noCache: kind.kind === 'cold', reportFile },
      deps,
      new ReportFile(deps.fs, reportFile),
      {
        ...variant,
        generatedDockerfilePath: path.join(folder, 'Dockerfile'),
        ref: (image) => compareRef(context.manifest, plan, image, suffix)
      }
    )
    for (const image of result.plan.images) created.add(image.ref)
    if (result.reportError) context.writeErrors.push(result.reportError)
    run.phase.builds.push({ build, report: result.report })
    run.plans.push(result.plan)
  }
  return run
}

/** The image reference of a comparison build: `<image>:compare-<option>-<name>[-c<n>]`. */
export function compareRef(
  manifest: Manifest,
  plan: OptionPlan,
  image: ImagePlan,
  suffix: string
): string {
  return `${manifest.image}:compare-${plan.id.toLowerCase()}-${image.name}${suffix}`
}

/**
 * The manifest and Dockerfile change of a build in a phase. A change reaches the builds
 * holding the tier (A and D: the one build; B and C: the tier's own builds). A real package
 * is added to the tier's list; either way the generated Dockerfile marks the tier changed
 * with a value unique to this run, option and tier, so that no earlier comparison's cache
 * (or another option's) answers for the changed steps.
 */
function phaseVariant(
  plan: OptionPlan,
  build: OptionBuild,
  kind: PhaseKind,
  context: CompareContext
): { manifest: Manifest; change?: TierChange } {
  if (kind.kind !== 'change') return { manifest: build.manifest }
  if (build.tier !== undefined && build.tier !== kind.tier.name) return { manifest: build.manifest }
  // B and C builds hold one tier, renamed after its notebook in C.
  const name = build.tier === undefined ? kind.tier.name : (build.manifest.tiers[0]?.name ?? '')
  return {
    manifest: changedManifest(build.manifest, name, kind.change),
    change: {
      tier: name,
      value: `${context.runId}-${plan.id.toLowerCase()}-${kind.index}`
    }
  }
}

/**
 * What a pod of each cold image pulls, from the packed image the engine holds (containerd
 * image store only: the classic store has no compressed layers before a push).
 */
async function measurePulls(
  cold: PhaseRun,
  context: CompareContext
): Promise<OptionMeasurement['pulls']> {
  const { deps } = context
  if (context.engine.imageStore !== 'containerd') {
    context.progress(
      `pulls not measured: the engine's ${context.engine.imageStore} image store keeps no compressed layers before a push`
    )
    return new Map()
  }
  const subjects: PullSubject[] = []
  for (const [index, { report }] of cold.phase.builds.entries()) {
    const plan = cold.plans[index]
    for (const image of report.images) {
      if (image.status === 'failed') continue
      const planned = plan?.images.find((entry) => entry.name === image.name)
      let packed: PackedLayers | null = null
      try {
        const resolved = await deps.docker.packedImage(image.ref)
        packed = {
          configBytes: resolved.configBytes,
          layers: resolved.layerBytes.map((bytes, layer) => ({
            digest: resolved.layerDigests[layer] ?? '',
            bytes
          }))
        }
      } catch (error) {
        deps.logger.warning(
          `${image.ref}: its compressed layers could not be read: ${errorMessage(error)}`
        )
      }
      const above = planned && plan ? await layersOnBase(planned, plan, deps) : undefined
      subjects.push({
        name: image.name,
        packed,
        baseLayers: packed && above !== undefined ? packed.layers.length - above : null
      })
    }
  }
  return optionPulls(subjects)
}

/** The layers an image has above the `base` stage of its Dockerfile, when it has one. */
async function layersOnBase(
  image: ImagePlan,
  plan: BuildPlan,
  deps: Pick<Deps, 'fs'>
): Promise<number | undefined> {
  const text = await dockerfileText(image, plan, deps)
  return text === undefined ? undefined : layersAbove(text, image.target, BASE_STAGE)
}

async function dockerfileText(
  image: ImagePlan,
  plan: BuildPlan,
  deps: Pick<Deps, 'fs'>
): Promise<string | undefined> {
  if (image.generated) return plan.generatedDockerfile?.content
  try {
    return new TextDecoder().decode(await deps.fs.readFile(image.dockerfile))
  } catch {
    return undefined
  }
}

/** Dockerfiles, stages and images of the option, from its plans (nothing is built). */
async function countMaintenance(
  plan: OptionPlan,
  context: CompareContext
): Promise<OptionMeasurement['maintenance']> {
  const manifestDir = path.dirname(context.options.manifestPath)
  const images: ImagePlan[] = []
  const texts = new Map<string, string>()
  for (const build of plan.builds) {
    const planned = planBuild(build.manifest, {
      manifestDir,
      strategy: build.strategy,
      generatedDockerfilePath: path.join(context.scratch, build.key, 'Dockerfile')
    })
    for (const image of planned.images) {
      images.push(image)
      const text = await dockerfileText(image, planned, context.deps)
      if (text !== undefined) texts.set(image.dockerfile, text)
    }
  }
  return maintenanceOf(images, texts)
}

async function removeImages(refs: string[], context: CompareContext): Promise<void> {
  if (refs.length === 0) return
  try {
    await context.deps.docker.removeImages(refs)
  } catch (error) {
    context.deps.logger.warning(`could not remove the comparison's images: ${errorMessage(error)}`)
  }
}
