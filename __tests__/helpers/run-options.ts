// The options of a run as the unit tests of the pipeline start from: a manifest under
// /repo/ci, the report in the runner's temp folder, nothing cached, no source facts.
import type { RunOptions } from '../../src/pipeline/options.js'

/** Where the pipeline tests' manifest lives. */
export const TEST_MANIFEST = '/repo/ci/notebook-tiers.yaml'
/** Where their report is written. */
export const TEST_REPORT = '/runner/temp/report.json'

/** RunOptions for a pipeline test; `fields` override the defaults. */
export function runOptions(fields: Partial<RunOptions> = {}): RunOptions {
  return {
    manifestPath: TEST_MANIFEST,
    workspace: '/repo',
    cacheFrom: [],
    cacheTo: [],
    noCache: false,
    reportFile: TEST_REPORT,
    tempDir: '/runner/temp',
    source: {},
    ...fields
  }
}
