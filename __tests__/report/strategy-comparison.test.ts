import {
  compareStrategies,
  comparisonFindings,
  renderComparisonMarkdown,
  renderComparisonText
} from '../../src/report/strategy-comparison.js'
import type { ImageReport, Report } from '../../src/report/types.js'
import { expectGolden } from '../helpers/golden.js'

const img = (
  name: string,
  tiers: string[],
  sizeBytes: number | null,
  status: ImageReport['status'] = 'ok'
): ImageReport => ({
  name,
  tiers,
  target: name,
  dockerfile: '/repo/.nb-image/Dockerfile',
  ref: `acme/nb:${name}`,
  tags: [],
  imageId: sizeBytes === null ? null : `sha256:${name}`,
  sizeBytes,
  inspectSizeBytes: sizeBytes,
  compressedBytes: null,
  compressedSource: null,
  digest: null,
  platformDigest: null,
  durationMs: 1000,
  cachedSteps: 0,
  totalSteps: 0,
  thresholdBytes: 5e9,
  status,
  layers: []
})

const report = (
  strategy: Report['strategy'],
  images: ImageReport[],
  uniqueBytes: number,
  durationMs: number,
  passed = true
): Report => ({
  schemaVersion: 1,
  tool: { name: 'nb-image-action', version: '0.1.0' },
  manifest: 'notebook-tiers.yaml',
  strategy,
  passed,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  engine: { serverVersion: '26.1.5', buildxVersion: '0.13.1', imageStore: 'containerd' },
  thresholdBasis: 'uncompressed',
  pushed: false,
  publish: { requested: false, event: '', ref: '', version: null },
  images,
  tiers: {},
  totals: { uniqueBytes, sumBytes: uniqueBytes, durationMs }
})

// The bundled example's figures: a 1.57 GB shared image against 0.43/1.51/0.41 GB tiers.
const shared = report(
  'shared',
  [img('shared', ['tier1', 'tier2', 'tier3'], 1_574_776_832)],
  1_574_776_832,
  96_000
)
const perTier = report(
  'multi-stage',
  [
    img('tier1', ['tier1'], 429_600_000),
    img('tier2', ['tier2'], 1_506_800_000),
    img('tier3', ['tier3'], 412_300_000)
  ],
  1_582_379_008,
  129_000
)

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

describe('comparisonFindings', () => {
  test.each<[string, boolean, boolean, boolean, string[]]>([
    [
      'both within budget, cold',
      true,
      true,
      true,
      [
        "A tier's pod pulls 50% fewer bytes on average with per-tier images (D) than with the shared image (A).",
        "All of D's images together take 7.6 MB (0.5%) more disk than A's image, shared layers counted once.",
        'Building every tier (D) took 1.34× the time of the shared image (A): 2m 09s against 1m 36s, both without cache.'
      ]
    ],
    [
      'only D within budget, warm',
      false,
      true,
      false,
      [
        'Only the per-tier images (D) fit their budgets; the shared image (A) does not.',
        "A tier's pod pulls 50% fewer bytes on average with per-tier images (D) than with the shared image (A).",
        "All of D's images together take 7.6 MB (0.5%) more disk than A's image, shared layers counted once.",
        "Building every tier (D) took 1.34× the time of the shared image (A): 2m 09s against 1m 36s; D was built first, and A reused whatever of D's layers it shares (the base), so run with --no-cache for a cold comparison."
      ]
    ]
  ])('%s', (_name, sharedPassed, perTierPassed, cold, findings) => {
    const comparison = compareStrategies(
      { ...shared, passed: sharedPassed },
      { ...perTier, passed: perTierPassed },
      cold
    )
    expect(comparisonFindings(comparison)).toStrictEqual(findings)
  })
})

describe('rendering', () => {
  test('markdown matches comparison.md', () => {
    expectGolden(
      'comparison.md',
      renderComparisonMarkdown(compareStrategies(shared, perTier, true))
    )
  })
  test('text matches comparison.txt', () => {
    expectGolden('comparison.txt', renderComparisonText(compareStrategies(shared, perTier, true)))
  })
  test('hostile tier names are escaped in markdown', () => {
    const evil = '<img src=x>|@admin'
    const markdown = renderComparisonMarkdown(
      compareStrategies(
        report('shared', [img('shared', [evil], 10)], 10, 1),
        report('multi-stage', [img('t', [evil], 5)], 5, 1),
        true
      )
    )
    expect(markdown).toContain('<code>&lt;img src=x&gt;&#124;&#64;<!-- -->admin</code>')
    expect(markdown).not.toContain('<img')
  })
})
