// How growth against the baseline reads: the Growth cell, the column it adds to the summary,
// the command line's table and the pull-request comment, and the headline.
import { renderComment } from '../../src/render/comment-markdown.js'
import { growthCell } from '../../src/render/growth.js'
import { headline, renderSummary, renderTextTable } from '../../src/render/summary.js'
import { compareReports } from '../../src/report/base-comparison.js'
import { applyGrowth } from '../../src/report/growth.js'
import type { GrowthCheck } from '../../src/report/types.js'
import { fixtureReport } from '../helpers/comparisons.js'

const MB = 1_000_000
const check = (fields: Partial<GrowthCheck>): GrowthCheck => ({
  limits: [{ percent: 10, source: 'manifest' }],
  baseBytes: 200 * MB,
  deltaBytes: 30 * MB,
  limitBytes: 20 * MB,
  exceeded: true,
  ...fields
})

test.each<[string, GrowthCheck | undefined, 'fail' | 'warn' | undefined, string]>([
  ['no limit', undefined, undefined, '–'],
  ['over, fail', check({}), 'fail', '+30 MB (+15.0%) of max 10% ❌'],
  ['over, warn', check({}), 'warn', '+30 MB (+15.0%) of max 10% ⚠️'],
  ['within', check({ deltaBytes: 5 * MB, exceeded: false }), 'fail', '+5 MB (+2.5%) of max 10% ✅'],
  [
    'a size limit, shrinking',
    check({ limits: [{ bytes: 50 * MB, source: 'input' }], deltaBytes: -5 * MB, exceeded: false }),
    'fail',
    '-5 MB (-2.5%) of max 50 MB ✅'
  ],
  [
    'not checked',
    check({ baseBytes: null, deltaBytes: null, limitBytes: null, exceeded: false, unchecked: 'x' }),
    'fail',
    'max 10%, not checked'
  ]
])('growthCell: %s', (_name, growth, policy, cell) => {
  expect(growthCell(growth, policy)).toBe(cell)
})

describe('tables with a growth limit', () => {
  const base = fixtureReport('multi-stage', [
    { name: 'tier1', layers: [[200 * MB, '', 'sha256:a']] }
  ])
  const head = applyGrowth(
    fixtureReport('multi-stage', [{ name: 'tier1', layers: [[230 * MB, '', 'sha256:b']] }]),
    [{ name: 'tier1', maxGrowth: [{ limit: { percent: 10 }, source: 'manifest' }] }],
    base,
    'fail'
  )

  test('the summary gets a Growth column before Status, and a note; the headline says it', () => {
    const summary = renderSummary(head)
    expect(summary).toContain(
      '| Tier | Image | Size | Compressed | Budget | Headroom | Build time | Cache hits | Layers | Growth | Status |\n|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|'
    )
    expect(summary).toContain('| +30 MB (+15.0%) of max 10% ❌ | ✅ ok |')
    expect(summary).toContain(
      'Growth is against the baseline report, on the uncompressed size; past its max-growth an image fails the step (growth-policy: fail).'
    )
    expect(headline(head)).toBe('📈 1 over growth limit')
    expect(renderTextTable(head).split('\n')[0]).toMatch(/Layers +Growth +Status$/)
  })

  test('the comment gets a Growth column, the totals row a blank cell for it', () => {
    const { body } = renderComment({
      key: 'notebook-tiers.yaml',
      report: head,
      comparison: compareReports(head, base),
      baseline: { found: true, source: 'file', file: 'base.json' },
      descriptions: {}
    })
    expect(body).toContain(
      '| Tier | Size | Change | Budget | Headroom | Build time | Growth | Status |'
    )
    expect(body).toMatch(/\| \+30 MB \(\+15\.0%\) of max 10% ❌ \| ✅ ok \|/)
    expect(body).toMatch(/\| \*\*Total\*\* <sub>unique bytes<\/sub> \|.* \| \| \| .* \| \| \|\n/)
    expect(body).toContain('past its max-growth an image fails the check (growth-policy: fail)')
  })

  test('no limit anywhere: the tables are as before', () => {
    expect(renderSummary(base)).not.toContain('Growth')
  })
})
