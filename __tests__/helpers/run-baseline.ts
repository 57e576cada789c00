// A run's baseline lookup as the comment phase answers it (github/pull-request-comment.ts),
// for tests that hand a build its baseline report directly.
import type { RunBaseline } from '../../src/github/pull-request-comment.js'
import type { Report } from '../../src/report/types.js'

/** The lookup's answer: `report` found in a baseline file, or no baseline (null). */
export const runBaseline = (report: Report | null): RunBaseline => ({
  found: report
    ? { baseline: { found: true, source: 'file', file: '/w/base.json' }, base: report }
    : { baseline: { found: false, reason: 'none', branch: 'main' }, base: null },
  pullRequest: null,
  problems: []
})
