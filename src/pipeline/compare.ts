// `mode: compare` and `nb-image compare`: ADR-031's options measured on the manifest
// (pipeline/compare-option.ts, one option after another), the triggers evaluated and a
// recommendation derived (compare/document.ts), rendered as the ADR section
// (compare/render-markdown.ts) and written to `adr-file`. Never pushes: each option's images
// stay local and are removed once measured.
import path from 'node:path'
import type { Deps } from '../adapters/deps.js'
import { findNotebooks, type TierNotebooks } from '../manifest/notebooks.js'
import type { Manifest } from '../manifest/types.js'
import { DEFAULT_OPTIONS, planOptions } from '../compare/options.js'
import { resolveChanges } from '../compare/tier-change.js'
import type { OptionMeasurement } from '../compare/figures.js'
import { adrDocument } from '../compare/document.js'
import type { AdrDocument } from '../compare/types.js'
import { renderAdrMarkdown } from '../compare/render-markdown.js'
import { errorMessage, InputError } from '../utils/errors.js'
import { displayPath } from '../utils/paths.js'
import { TOOL } from '../version.js'
import { measureOption, type CompareContext } from './compare-option.js'
import type { RunOptions } from './options.js'
import { manifestFile, readManifest } from './prepare.js'

/** What a comparison produced. */
export interface CompareResult {
  mode: 'compare'
  manifest: Manifest
  document: AdrDocument
  /** The ADR section (compare/render-markdown.ts). */
  markdown: string
  /** Where the ADR section was written, when it was. */
  adrFile?: string
  /** Files that could not be written (reports, the ADR file); the document is still true. */
  writeErrors: string[]
}

/**
 * Measures every option `options.compareOptions` names (A, B and D by default) on the
 * manifest and returns the document. Bad input (a manifest, `change-package`, or inputs a
 * comparison cannot honour) throws before anything is built; an engine that does not answer
 * throws an EngineError. `progress` hears of each option and phase as it starts and ends.
 */
export async function runCompare(
  options: RunOptions,
  deps: Deps,
  progress: (line: string) => void = (line) => deps.logger.info(line)
): Promise<CompareResult> {
  refuse(options)
  const now = deps.now ?? Date.now
  const loadStart = deps.host?.loadAverage() ?? null
  const manifest = await readManifest(options, deps)
  const changes = resolveChanges(manifest, options.changePackages ?? [])
  const notebooks = await notebooksOf(manifest, options, deps)
  const plans = planOptions(manifest, notebooks, options.compareOptions ?? DEFAULT_OPTIONS)
  const engine = await deps.docker.engineInfo()
  const machine = await deps.docker.machineInfo().catch(() => null)
  const scratch = await deps.fs.makeTempDir(options.tempDir)
  const context: CompareContext = {
    options: buildOptions(options, deps),
    deps,
    manifest,
    scratch,
    runId: now().toString(36),
    changes,
    engine,
    progress,
    writeErrors: []
  }
  progress(
    `Comparing ${plans.map((plan) => `${plan.id}${plan.skipped !== undefined ? ' (counted only)' : ''}`).join(', ')} on ${manifestFile(options)}`
  )
  const measurements: OptionMeasurement[] = []
  try {
    for (const plan of plans) measurements.push(await measureOption(plan, context))
  } finally {
    await deps.fs.remove(scratch)
  }
  const git = await deps.git?.head(options.workspace)
  const sha = options.source.revision ?? git?.sha ?? null
  const document = adrDocument({
    tool: TOOL,
    manifest,
    manifestFile: manifestFile(options),
    notebooks,
    changes,
    measurements,
    date: new Date(now()).toISOString(),
    commit: { sha, dirty: git !== undefined && git !== null && git.sha === sha && git.dirty },
    machine: {
      cpus: machine?.cpus ?? null,
      memoryBytes: machine?.memoryBytes ?? null,
      os: machine?.os ?? null,
      engine: engine.serverVersion,
      buildx: engine.buildxVersion,
      imageStore: engine.imageStore,
      loadAverage: { start: loadStart, end: deps.host?.loadAverage() ?? null }
    }
  })
  const markdown = renderAdrMarkdown(document)
  const result: CompareResult = {
    mode: 'compare',
    manifest,
    document,
    markdown,
    writeErrors: context.writeErrors
  }
  if (options.adrFile !== undefined) {
    try {
      await deps.fs.writeFileAtomic(options.adrFile, markdown)
      result.adrFile = options.adrFile
    } catch (error) {
      result.writeErrors.push(
        `adr-file: cannot write ${displayPath(options.workspace, options.adrFile)}: ${errorMessage(error)}`
      )
    }
  }
  return result
}

/** Inputs a comparison cannot honour stop it before anything is built. */
function refuse(options: RunOptions): void {
  if (options.publish?.push) {
    throw new InputError(
      'push: mode compare never pushes (it builds every option, including ones you do not ship); run mode build with push to publish'
    )
  }
  if (options.tiers !== undefined && options.tiers.length > 0) {
    throw new InputError(
      `tiers: mode compare measures every tier (its figures are per tier and over all tiers); leave tiers empty`
    )
  }
}

/**
 * The run's options as every comparison build gets them: no push, no cache import or export
 * (a cold figure must not read a cache, and exporting one is a push), one session per build.
 */
function buildOptions(options: RunOptions, deps: Pick<Deps, 'logger'>): RunOptions {
  const ignored = [
    options.cache !== undefined ? 'cache' : '',
    options.cacheFrom.length > 0 ? 'cache-from' : '',
    options.cacheTo.length > 0 ? 'cache-to' : '',
    options.noCache ? 'no-cache' : '',
    options.maxParallelism !== undefined ? 'max-parallelism' : ''
  ].filter(Boolean)
  if (ignored.length > 0) {
    deps.logger.warning(
      `${ignored.join(', ')}: ignored by mode compare, which builds each option cold (no cache) and then warm from its own cache, each option the way it is built (A and D in one session, B and C one build per Dockerfile)`
    )
  }
  const kept: RunOptions = { ...options }
  delete kept.publish
  delete kept.cache
  delete kept.maxParallelism
  delete kept.tiers
  delete kept.share
  delete kept.adrFile
  return { ...kept, cacheFrom: [], cacheTo: [], noCache: false }
}

/** The notebooks each tier lists, for option C; none when no tier lists any. */
async function notebooksOf(
  manifest: Manifest,
  options: RunOptions,
  deps: Deps
): Promise<TierNotebooks[]> {
  if (!manifest.tiers.some((tier) => tier.notebooks.length > 0) || !deps.glob) return []
  return findNotebooks(manifest, path.dirname(options.manifestPath), options.workspace, deps)
}
