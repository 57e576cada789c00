// One entry for every mode. A mode is a file of this folder that takes the run's options
// and adapters and returns its result; the action (main.ts) and the command line
// (cli/cli.ts) dispatch through here. A new mode adds its file, a member of RunResult and
// a case below; each shell then says how it shows that result.
import type { Deps } from '../adapters/deps.js'
import type { Mode } from '../inputs.js'
import { ReportFile } from '../report/report-file.js'
import { runBuild, type BuildResult } from './build.js'
import { runCompare, type CompareResult } from './compare.js'
import { runMerge, type MergeResult } from './merge.js'
import type { RunOptions } from './options.js'
import { runPlan, type PlanResult } from './plan.js'

/** What a run produced, by mode. */
export type RunResult = BuildResult | PlanResult | MergeResult | CompareResult

/**
 * Runs `mode`. Modes that write a report save it through `file`, whose `report` the shell
 * still has (in memory) when the run throws.
 */
export function runMode(
  mode: Mode,
  options: RunOptions,
  deps: Deps,
  file = new ReportFile(deps.fs, options.reportFile)
): Promise<RunResult> {
  switch (mode) {
    case 'plan':
      return runPlan(options, deps)
    case 'merge':
      return runMerge(options, deps, file)
    case 'build':
      return runBuild(options, deps, file)
    case 'compare':
      return runCompare(options, deps)
  }
}
