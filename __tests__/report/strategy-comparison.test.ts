import { compareStrategies } from '../../src/report/strategy-comparison.js'
import { comparisonFindings } from '../../src/render/strategy-comparison.js'
import { img, perTier, report, shared } from '../helpers/strategies.js'

describe('compareStrategies', () => {
  test('matches each tier to the image serving it under each strategy', () => {
    const comparison = compareStrategies(shared, perTier, true)
    expect(comparison.tiers).toStrictEqual([
      { tier: 'tier1', sharedBytes: 1_574_776_832, perTierBytes: 429_600_000 },
      { tier: 'tier2', sharedBytes: 1_574_776_832, perTierBytes: 1_506_800_000 },
      { tier: 'tier3', sharedBytes: 1_574_776_832, perTierBytes: 412_300_000 }
    ])
    const savings = [429_600_000, 1_506_800_000, 412_300_000].map(
      (d) => (1_574_776_832 - d) / 1_574_776_832
    )
    expect(comparison.meanPullSaving).toBeCloseTo(savings.reduce((a, b) => a + b, 0) / 3, 12)
    expect(comparison.diskOverhead).toBeCloseTo((1_582_379_008 - 1_574_776_832) / 1_574_776_832, 12)
    expect(comparison.buildTimeRatio).toBeCloseTo(129_000 / 96_000, 12)
    expect(comparison.shared).toStrictEqual({
      uniqueBytes: 1_574_776_832,
      durationMs: 96_000,
      passed: true,
      images: 1
    })
  })

  test('a tier whose image failed compares as null and is left out of the mean', () => {
    const broken = report(
      'multi-stage',
      [img('tier1', ['tier1'], 500_000_000), img('tier2', ['tier2'], null, 'failed')],
      500_000_000,
      10_000,
      false
    )
    const comparison = compareStrategies(
      report('shared', [img('shared', ['tier1', 'tier2'], 1e9)], 1e9, 5000),
      broken,
      false
    )
    expect(comparison.tiers[1]).toStrictEqual({
      tier: 'tier2',
      sharedBytes: 1e9,
      perTierBytes: null
    })
    expect(comparison.meanPullSaving).toBe(0.5)
  })

  test('nothing measured: no ratios', () => {
    const empty = report('shared', [], 0, 0, false)
    const comparison = compareStrategies(empty, report('multi-stage', [], 0, 0, false), false)
    expect([
      comparison.meanPullSaving,
      comparison.diskOverhead,
      comparison.buildTimeRatio
    ]).toStrictEqual([null, null, null])
    expect(comparisonFindings(comparison)).toStrictEqual([])
  })
})
