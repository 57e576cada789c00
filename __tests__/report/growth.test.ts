// Growth budgets: each image's growth against the baseline set against its limit, and what
// that does to the verdict and the messages.
import { applyGrowth } from '../../src/report/growth.js'
import { verdictMessages, verdictWarnings } from '../../src/report/verdict.js'
import type { GrowthLimit } from '../../src/plan/types.js'
import type { Report } from '../../src/report/types.js'
import { fixtureReport } from '../helpers/comparisons.js'

const MB = 1_000_000
const base = fixtureReport('multi-stage', [
  { name: 'tier1', layers: [[100 * MB, '', 'sha256:base']] },
  {
    name: 'tier2',
    layers: [
      [100 * MB, '', 'sha256:base'],
      [100 * MB, 'RUN b', 'sha256:b']
    ]
  },
  { name: 'tier3', layers: [[100 * MB, '', 'sha256:base']] }
])
const head = fixtureReport('multi-stage', [
  // +5% on 100 MB
  { name: 'tier1', layers: [[105 * MB, '', 'sha256:base2']] },
  // +30 MB (+15%) on 200 MB
  {
    name: 'tier2',
    layers: [
      [100 * MB, '', 'sha256:base'],
      [130 * MB, 'RUN b', 'sha256:b2']
    ]
  },
  { name: 'tier3', failed: 'exit code: 1' },
  { name: 'tier4', layers: [[1 * MB, '', 'sha256:new']] }
])
const limit = (percentOrBytes: string, source = 'manifest'): GrowthLimit => ({
  limit: percentOrBytes.endsWith('%')
    ? { percent: Number(percentOrBytes.slice(0, -1)) }
    : { bytes: Number(percentOrBytes) },
  source
})
const limits = (all: GrowthLimit[]) =>
  ['tier1', 'tier2', 'tier3', 'tier4'].map((name) => ({ name, maxGrowth: all }))
const grown = (report: Report) =>
  report.images.map((image) => [
    image.name,
    image.growth?.deltaBytes ?? null,
    image.growth?.limitBytes ?? null,
    image.growth?.exceeded ?? null,
    image.growth?.unchecked ?? null
  ])

test('10%: tier2 grew 15% and fails the run; the others are within, new or unbuilt', () => {
  // The base passes; drop the failed tier so the verdict is growth's alone.
  const passing = { ...head, passed: true }
  const checked = applyGrowth(passing, limits([limit('10%')]), base, 'fail')
  expect(grown(checked)).toStrictEqual([
    ['tier1', 5 * MB, 10 * MB, false, null],
    ['tier2', 30 * MB, 20 * MB, true, null],
    ['tier3', null, null, false, 'not measured'],
    ['tier4', null, null, false, 'a new image: nothing to compare with']
  ])
  expect(checked.growthPolicy).toBe('fail')
  expect(checked.passed).toBe(false)
  expect(checked.images[1]?.growth?.limits).toStrictEqual([{ percent: 10, source: 'manifest' }])
  expect(verdictMessages(checked)).toContain(
    'ghcr.io/acme/nb:tier2 (tier2) grew by +30 MB (+15.0%) against the baseline, over its max-growth of 10% (20 MB)'
  )
})

test('warn: the same growth only warns, on the tier', () => {
  const checked = applyGrowth({ ...head, passed: true }, limits([limit('10%')]), base, 'warn')
  expect(checked.passed).toBe(true)
  expect(verdictMessages(checked).filter((m) => m.includes('grew'))).toStrictEqual([])
  expect(
    verdictWarnings(checked).filter((w) => w.title === 'Image over its growth limit')
  ).toStrictEqual([
    {
      title: 'Image over its growth limit',
      message:
        'ghcr.io/acme/nb:tier2 (tier2) grew by +30 MB (+15.0%) against the baseline, over its max-growth of 10% (20 MB)',
      file: 'ci/notebook-tiers.yaml'
    }
  ])
})

test('a size limit, and the tightest of several (a shared image keeps to every tier)', () => {
  const checked = applyGrowth(
    { ...head, passed: true },
    limits([limit('50%', 'tier tier1'), limit(String(25 * MB), 'input')]),
    base,
    'fail'
  )
  expect(grown(checked).slice(0, 2)).toStrictEqual([
    ['tier1', 5 * MB, 25 * MB, false, null],
    ['tier2', 30 * MB, 25 * MB, true, null]
  ])
  expect(verdictMessages(checked)).toContain(
    'ghcr.io/acme/nb:tier2 (tier2) grew by +30 MB (+15.0%) against the baseline, over its max-growth of 25 MB'
  )
})

test("no baseline: the limits are recorded, unchecked, and the verdict is the budgets'", () => {
  const checked = applyGrowth(
    { ...head, passed: true },
    limits([limit('10%')]),
    undefined,
    'fail',
    'no baseline report: no report of main yet'
  )
  expect(checked.passed).toBe(true)
  expect(grown(checked)[0]).toStrictEqual([
    'tier1',
    null,
    null,
    false,
    'no baseline report: no report of main yet'
  ])
})

test('no image with a limit: the report is untouched', () => {
  expect(applyGrowth(head, [{ name: 'tier1' }], base, 'fail')).toBe(head)
})

test('shrinking is never over a limit', () => {
  const smaller = fixtureReport('multi-stage', [{ name: 'tier1', layers: [[50 * MB, '', 'x']] }])
  const checked = applyGrowth(smaller, [{ name: 'tier1', maxGrowth: [limit('1')] }], base, 'fail')
  expect(grown(checked)).toStrictEqual([['tier1', -50 * MB, 1, false, null]])
})
