import { buildTimeChart, chartLabel, pullChart } from '../../src/compare/charts.js'
import { renderAdrMarkdown } from '../../src/compare/render-markdown.js'
import { renderAdrText } from '../../src/compare/render-text.js'
import { recommend } from '../../src/compare/rules.js'
import { evaluateTriggers } from '../../src/compare/triggers.js'
import type { AdrDocument, OptionResult } from '../../src/compare/types.js'
import { adrDocumentOf, option, tiers } from '../helpers/compare.js'
import { expectGolden } from '../helpers/golden.js'

// Golden files live in __tests__/fixtures/golden/; rewrite them on purpose with
// `UPDATE_GOLDEN=1 npm run test:unit` and review the diff.

const MB = 1_000_000

function documentOf(options: OptionResult[], marked = false): AdrDocument {
  const criticalTier = { name: 'tier1', marked }
  return adrDocumentOf(options, {
    criticalTier,
    triggers: evaluateTriggers({ options, tierCount: 3, criticalTier }),
    recommendation: recommend(options, criticalTier)
  })
}

const measured = [
  option('A', { changeMedianMs: 145_000, changeWorst: { tier: 'tier2', ms: 150_000 } }),
  option('B', {
    coldMs: 190_000,
    changeMedianMs: 30_000,
    changeWorst: { tier: 'tier2', ms: 95_000 },
    tiers: tiers(250 * MB, 250 * MB)
  }),
  option('C', {
    status: 'planned',
    note: 'counted only: C is built when options names it (--options A,B,C,D)',
    maintenance: { dockerfiles: 5, stages: 10, images: 5 },
    coldMs: null,
    warmMs: null,
    changes: [],
    changeMedianMs: null,
    changeWorst: null,
    images: [],
    tiers: [],
    uniqueBytes: null,
    drift: { measured: false, packages: [] },
    criticalTier: { coldMs: null, changeMs: null },
    reportFiles: []
  }),
  option('D', { changeMedianMs: 19_600, changeWorst: { tier: 'tier2', ms: 90_000 } })
]

describe('the ADR section', () => {
  test('A, B and D measured, C counted: Markdown', () => {
    expectGolden('adr-measured.md', renderAdrMarkdown(documentOf(measured)))
  })

  test('A, B and D measured, C counted: terminal table', () => {
    expectGolden('adr-measured.txt', renderAdrText(documentOf(measured)))
  })

  test('no option fits its budget; a failed option; the time-critical tier marked', () => {
    const GB = 1_000_000_000
    const options = [
      option('A', {
        overBudget: [{ image: 'shared', sizeBytes: 6 * GB, thresholdBytes: 5 * GB }],
        images: [
          {
            name: 'shared',
            tiers: ['tier1', 'tier2', 'tier3'],
            sizeBytes: 6 * GB,
            compressedBytes: 2 * GB,
            thresholdBytes: 5 * GB,
            status: 'over'
          }
        ]
      }),
      option('D', {
        status: 'failed',
        note: 'the cold build failed: tier2 (exit code 100)',
        coldMs: null,
        warmMs: null,
        changes: [],
        changeMedianMs: null,
        changeWorst: null
      })
    ]
    expectGolden('adr-none-fits.md', renderAdrMarkdown(documentOf(options, true)))
  })

  test('every trigger and the recommendation appear with their values', () => {
    const markdown = renderAdrMarkdown(documentOf(measured))
    expect(markdown).toContain(
      '### Recommendation: option D, Multi-stage, one image per tier (--target)'
    )
    expect(markdown).toContain('Decided by rule 4 (the one-tier change)')
    expect(markdown).toContain('| 10 or more notebook tiers | ✅ clear | 3 of 10 |')
    expect(markdown).toContain('➖ not needed')
    expect(markdown.match(/```mermaid\nxychart-beta/g)).toHaveLength(3)
  })
})

describe('charts', () => {
  test('build time: one bar per measured option and figure, in seconds', () => {
    expect(buildTimeChart(documentOf([option('A'), option('D', { changeMedianMs: 19_600 })]))).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '  title "Build time (s): cold, warm no change, one-tier change median"',
        '  x-axis ["A cold", "A warm", "A change", "D cold", "D warm", "D change"]',
        '  y-axis "seconds"',
        '  bar [120, 5, 100, 120, 5, 19.6]',
        '```'
      ].join('\n')
    )
  })

  test('pulls: one bar per tier and option, in MB', () => {
    expect(pullChart(documentOf([option('A'), option('D')]), 'pullBaseCachedBytes')).toContain(
      '  x-axis ["tier1 A", "tier1 D", "tier2 A", "tier2 D", "tier3 A", "tier3 D"]\n  y-axis "MB"\n  bar [300, 100, 300, 100, 300, 100]'
    )
  })

  test('nothing measured: no chart', () => {
    expect(buildTimeChart(documentOf([]))).toBeUndefined()
    expect(pullChart(documentOf([]), 'pullColdBytes')).toBeUndefined()
  })

  test.each<[string, string]>([
    ['tier1 A', '"tier1 A"'],
    ['a "quoted" [tier]; x, y', '"a quoted tier x, y"'],
    ['x'.repeat(50), `"${'x'.repeat(40)}"`]
  ])('label %s', (text, expected) => expect(chartLabel(text)).toBe(expected))
})
