import type { Deps } from '../adapters/deps.js'
import { compareStrategies, type StrategyComparison } from '../report/strategy-comparison.js'
import type { Report } from '../report/types.js'
import type { Strategy } from '../manifest/types.js'
import { runBuild } from './build.js'
import type { RunOptions } from './options.js'

/** Both strategies built and measured, and the one set against the other. */
export interface CompareResult {
  mode: 'compare'
  reports: Record<Strategy, Report>
  comparison: StrategyComparison
  /** Report files that could not be written; the reports are still true. */
  reportErrors: string[]
}

/** The strategies in the order they are built. */
const ORDER = ['multi-stage', 'shared'] as const satisfies readonly Strategy[]

/**
 * The command line's `compare`: the build once per strategy, then the two reports side by
 * side (ADR-031's option A against option D). Each report goes next to `reportFile`,
 * suffixed with its strategy. Never publishes: one comparison would push two strategies'
 * images. `onReport` hears of each report as soon as it is there.
 */
export async function runCompare(
  options: RunOptions,
  deps: Deps,
  onReport?: (strategy: Strategy, report: Report) => void
): Promise<CompareResult> {
  const reports: Partial<Record<Strategy, Report>> = {}
  const reportErrors: string[] = []
  // Per-tier first: the shared stage then reuses the base stage from the build cache, as a
  // real CI run of either strategy would after the first build.
  for (const strategy of ORDER) {
    const reportFile = options.reportFile.replace(/(\.json)?$/, `-${strategy}.json`)
    const { report, reportError } = await runBuild(
      { ...options, strategy, reportFile, publish: undefined },
      deps
    )
    if (reportError) reportErrors.push(reportError)
    reports[strategy] = report
    onReport?.(strategy, report)
  }
  const built = reports as Record<Strategy, Report>
  return {
    mode: 'compare',
    reports: built,
    comparison: compareStrategies(built.shared, built['multi-stage'], options.noCache),
    reportErrors
  }
}
