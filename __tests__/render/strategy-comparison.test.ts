import { compareStrategies } from '../../src/report/strategy-comparison.js'
import {
  comparisonFindings,
  renderComparisonMarkdown,
  renderComparisonText
} from '../../src/render/strategy-comparison.js'
import { expectGolden } from '../helpers/golden.js'
import { img, perTier, report, shared } from '../helpers/strategies.js'

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
