// Before the first build, once the inputs and Dockerfiles are known to be good: the baseline
// the run measures itself against (looked up once, shared with the pull-request comment) and
// the disk check of the engine's data root (build/disk-space.ts does the arithmetic).
import type { Deps } from '../adapters/deps.js'
import type { EngineProbe } from '../build/engine.js'
import {
  fitsMessage,
  judgeSpace,
  needFromBaseline,
  needFromBudgets,
  pruneAdvice,
  spaceMessage
} from '../build/disk-space.js'
import type { BaselineInfo } from '../github/baseline.js'
import type { RunBaseline } from '../github/pull-request-comment.js'
import type { Manifest } from '../manifest/types.js'
import type { BuildPlan } from '../plan/types.js'
import { DiskSpaceError, errorMessage } from '../utils/errors.js'
import type { RunOptions } from './options.js'

/** Where a baseline came from, for messages: `nb-image-report of main, run 1000`. */
export function baselineLabel(info: BaselineInfo): string | undefined {
  if (!info.found) return undefined
  return info.source === 'file'
    ? `baseline-report ${info.file}`
    : `${info.artifactName} of ${info.branch}, run ${info.runId}`
}

/** Why there is no baseline to measure growth against, for the report. */
export function noBaselineReason(baseline: RunBaseline | null): string {
  if (!baseline) return 'no baseline report: this run does not compare with one'
  const info = baseline.found.baseline
  if (info.found) return 'no baseline report'
  const why: Record<typeof info.reason, string> = {
    none: `no report of ${info.branch ?? 'the base branch'} yet`,
    expired: `the reports of ${info.branch ?? 'the base branch'} have expired`,
    unavailable: `the baseline could not be looked up${info.detail ? ` (${info.detail})` : ''}`,
    unreadable: `the baseline report is unreadable${info.detail ? ` (${info.detail})` : ''}`,
    'no-branch': 'no base branch to compare with'
  }
  return `no baseline report: ${why[info.reason]}`
}

/**
 * The run's baseline, when something before the build needs it (a growth limit, or the
 * disk check); the lookup is the one the comment uses afterwards (deps.baseline is memoized).
 */
export async function baselineBeforeBuild(
  plan: BuildPlan,
  options: Pick<RunOptions, 'diskCheck'>,
  deps: Pick<Deps, 'baseline' | 'logger'>
): Promise<RunBaseline | null> {
  const needed = options.diskCheck !== 'off' || plan.images.some((image) => image.maxGrowth)
  if (!needed || !deps.baseline) return null
  const lookup = deps.baseline
  return deps.logger.group('Find the baseline report', async () => {
    const found = await lookup()
    // A baseline found is logged by the lookup itself (github/baseline.ts), once.
    if (!found?.found.base) deps.logger.info(noBaselineReason(found))
    return found
  })
}

/**
 * Compares the free space of the engine's data root with what the images will need (from
 * the baseline's measured layers, else the budgets as a ceiling). When measured sizes do not
 * fit, stops before building (`disk-check: fail`) or warns (`warn`); a ceiling that does not
 * fit, or a tight fit, is a warning. Skipped, with a debug note, when the data root is not
 * on this machine (a remote engine, a builder that builds elsewhere).
 */
export async function checkDiskSpace(
  plan: BuildPlan,
  manifest: Manifest,
  options: Pick<RunOptions, 'diskCheck' | 'builder' | 'thresholdBasis'>,
  baseline: RunBaseline | null,
  deps: Pick<Deps, 'docker' | 'logger' | 'host'> & { engine: EngineProbe }
): Promise<void> {
  const { docker, logger, host } = deps
  if (options.diskCheck === 'off' || !host) return
  await logger.group('Check disk space', async () => {
    const skip = (why: string): void => logger.debug(`Disk check skipped: ${why}`)
    let info
    try {
      info = await deps.engine.ask()
    } catch (error) {
      return skip(`the engine did not answer (${errorMessage(error)})`)
    }
    const root = info.dataRoot
    if (!root) return skip('the engine does not say where it keeps its images')
    const here = host.hostname()
    if (info.engineHost && info.engineHost !== here) {
      return skip(`the engine runs on ${info.engineHost}, not on this machine (${here})`)
    }
    if (options.builder) {
      const driver = await docker.builderDriver(options.builder)
      if (driver !== 'docker' && driver !== 'docker-container') {
        return skip(`builder ${options.builder} (driver ${driver ?? 'unknown'}) builds elsewhere`)
      }
    }
    const free = await host.freeBytes(root)
    if (free === undefined) return skip(`${root} is not on this machine`)
    const base = baseline?.found.base ?? undefined
    if (!base && options.thresholdBasis === 'compressed') {
      return skip('no baseline, and compressed budgets do not bound the unpacked size')
    }
    const refs = plan.images.map((image) => image.ref)
    if (manifest.baseImage) refs.push(manifest.baseImage)
    const local = await docker.localImages(refs)
    const need = base
      ? needFromBaseline(plan.images, base, local, info.imageStore)
      : needFromBudgets(plan.images, local, info.imageStore)
    const verdict = judgeSpace(need.bytes, free)
    if (verdict === 'fits') {
      logger.info(fitsMessage(free, need, root))
      return
    }
    const label = baseline ? baselineLabel(baseline.found.baseline) : undefined
    const message = spaceMessage(verdict, {
      free,
      need,
      dataRoot: root,
      prune: pruneAdvice(await docker.diskUsage()),
      ...(label ? { baseline: label } : {})
    })
    // Budgets are ceilings: a build they say cannot fit may well fit, so they only warn.
    if (verdict === 'short' && need.source === 'baseline' && options.diskCheck === 'fail') {
      throw new DiskSpaceError(message)
    }
    logger.warning(message, {
      title: verdict === 'short' ? 'Not enough disk space' : 'Disk space is tight'
    })
  })
}
