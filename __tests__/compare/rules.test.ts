import { meanPull, recommend } from '../../src/compare/rules.js'
import type { OptionResult } from '../../src/compare/types.js'
import { option, tiers } from '../helpers/compare.js'

const MB = 1_000_000
const GB = 1_000_000_000
const unmarked = { name: 'tier1', marked: false }
const marked = { name: 'tier1', marked: true }
const A = option('A')

describe('recommend: rules in order', () => {
  test.each<[string, OptionResult[], { name: string; marked: boolean }, string | null, string]>([
    [
      'the per-tier change at 0.2x A wins by rule 4',
      [A, option('D', { changeMedianMs: 20_000 })],
      unmarked,
      'D',
      'one-tier-change'
    ],
    [
      'exactly 0.5x A still wins by rule 4',
      [A, option('D', { changeMedianMs: 50_000 })],
      unmarked,
      'D',
      'one-tier-change'
    ],
    [
      'change at 0.8x but pulls at 0.33x win by rule 5',
      [A, option('D', { changeMedianMs: 80_000 })],
      unmarked,
      'D',
      'pull'
    ],
    [
      'neither change nor pull is far enough below A: default A',
      [A, option('D', { changeMedianMs: 80_000, tiers: tiers(500 * MB) })],
      unmarked,
      'A',
      'default'
    ],
    [
      'a per-tier cold build over 1.5x A is guarded against',
      [A, option('D', { changeMedianMs: 20_000, coldMs: 181_000 })],
      unmarked,
      'A',
      'guard'
    ],
    [
      'a cold build of exactly 1.5x A passes the guard',
      [A, option('D', { changeMedianMs: 20_000, coldMs: 180_000 })],
      unmarked,
      'D',
      'one-tier-change'
    ],
    [
      'version drift between the per-tier images is guarded against',
      [
        A,
        option('D', {
          changeMedianMs: 20_000,
          drift: {
            measured: true,
            packages: [
              { kind: 'python', name: 'numpy', versions: { tier1: '1.26.4', tier2: '2.0.1' } }
            ]
          }
        })
      ],
      unmarked,
      'A',
      'guard'
    ],
    [
      'an unmeasured drift does not guard',
      [A, option('D', { changeMedianMs: 20_000, drift: { measured: false, packages: [] } })],
      unmarked,
      'D',
      'one-tier-change'
    ],
    [
      'a per-tier option over budget is out: A by rule 1',
      [
        A,
        option('D', {
          changeMedianMs: 20_000,
          overBudget: [{ image: 'tier2', sizeBytes: 6 * GB, thresholdBytes: 5 * GB }]
        })
      ],
      unmarked,
      'A',
      'budget'
    ],
    [
      'A over budget is out: D by rule 1',
      [
        option('A', {
          overBudget: [{ image: 'shared', sizeBytes: 6 * GB, thresholdBytes: 5 * GB }]
        }),
        option('D', { changeMedianMs: 90_000, tiers: tiers(590 * MB) })
      ],
      unmarked,
      'D',
      'budget'
    ],
    [
      'every option over budget: none',
      [
        option('A', {
          overBudget: [{ image: 'shared', sizeBytes: 6 * GB, thresholdBytes: 5 * GB }]
        }),
        option('D', { overBudget: [{ image: 'tier2', sizeBytes: 6 * GB, thresholdBytes: 5 * GB }] })
      ],
      unmarked,
      null,
      'budget'
    ],
    [
      'a failed option is out',
      [
        A,
        option('D', { status: 'failed', note: 'the cold build failed: tier2', changeMedianMs: 1 })
      ],
      unmarked,
      'A',
      'budget'
    ],
    [
      'the time-critical tier decides first, even against the guard',
      [A, option('D', { coldMs: 400_000, changeMedianMs: 90_000 })],
      marked,
      'D',
      'time-critical'
    ],
    [
      'the time-critical tier can favour A',
      [A, option('D', { criticalTier: { coldMs: 200_000, changeMs: 150_000 } })],
      marked,
      'A',
      'time-critical'
    ],
    [
      'times to the critical tier within 10% fall through to the other rules',
      [
        A,
        option('D', { criticalTier: { coldMs: 120_000, changeMs: 95_000 }, changeMedianMs: 20_000 })
      ],
      marked,
      'D',
      'one-tier-change'
    ],
    [
      'an unmarked tier is not weighed first',
      [A, option('D', { coldMs: 400_000, changeMedianMs: 20_000 })],
      unmarked,
      'A',
      'guard'
    ],
    ['only A measured: A by default', [A], unmarked, 'A', 'default'],
    [
      'only D measured: D by default',
      [option('D', { changeMedianMs: 20_000 })],
      unmarked,
      'D',
      'default'
    ],
    [
      'a planned option is not weighed',
      [A, option('C', { status: 'planned', note: 'not named', changeMedianMs: 1 })],
      unmarked,
      'A',
      'default'
    ]
  ])('%s', (_name, options, critical, expected, rule) => {
    const answer = recommend(options, critical)
    expect([answer.option, answer.rule]).toEqual([expected, rule])
    expect(answer.reasons.length).toBeGreaterThan(0)
    expect(answer.wouldChange.length).toBeGreaterThan(0)
  })
})

describe('recommend: reasons quote the figures', () => {
  test('rule 4 names both medians, the ratio and the bound, and what would turn it back', () => {
    const answer = recommend([A, option('D', { changeMedianMs: 19_600 })], unmarked)
    expect(answer.reasons[0]).toBe(
      'One-tier change (median over tiers, rebuilt warm): D 19.6 s (worst 1m 40s, tier2) against A 1m 40s (worst 1m 40s): 0.20×; rule 4 asks for at most 0.5×.'
    )
    expect(answer.wouldChange[0]).toContain("D's median one-tier change exceeded 50 s (0.5× A's)")
  })

  test('the guard says which figure tripped it', () => {
    const answer = recommend(
      [A, option('D', { changeMedianMs: 20_000, coldMs: 240_000 })],
      unmarked
    )
    expect(answer.reasons[0]).toBe(
      'Cold build: D 4m 00s against A 2m 00s: 2.00×; the guard allows up to 1.5×.'
    )
  })

  test('an option over budget is named with its size and budget', () => {
    const answer = recommend(
      [
        A,
        option('D', { overBudget: [{ image: 'tier2', sizeBytes: 6 * GB, thresholdBytes: 5 * GB }] })
      ],
      unmarked
    )
    expect(answer.reasons).toContain('D is out: tier2 is 6 GB, over its 5 GB budget.')
  })
})

describe('recommend: which per-tier option stands against A', () => {
  test('within 10% of the fastest change, the fewest Dockerfiles (D over B)', () => {
    const answer = recommend(
      [A, option('B', { changeMedianMs: 19_000 }), option('D', { changeMedianMs: 20_000 })],
      unmarked
    )
    expect(answer.option).toBe('D')
    expect(answer.reasons.join('\n')).toContain(
      'D stands for the per-tier options: median one-tier change 20 s against B 19 s; within 10%, the fewest Dockerfiles (1).'
    )
  })

  test('a clearly faster B stands for them', () => {
    const answer = recommend(
      [A, option('B', { changeMedianMs: 10_000 }), option('D', { changeMedianMs: 30_000 })],
      unmarked
    )
    expect(answer.option).toBe('B')
  })
})

describe('meanPull', () => {
  test.each<[string, OptionResult, number | null]>([
    ['the mean over tiers', option('D'), 200 * MB],
    [
      'tiers without a figure are left out',
      option('D', {
        tiers: [
          {
            tier: 'a',
            images: [],
            sizeBytes: null,
            pullColdBytes: null,
            pullBaseCachedBytes: null
          },
          { tier: 'b', images: ['b'], sizeBytes: 1, pullColdBytes: 10, pullBaseCachedBytes: 5 }
        ]
      }),
      10
    ],
    ['none measured', option('D', { tiers: [] }), null]
  ])('%s', (_name, subject, expected) => {
    expect(meanPull(subject)).toBe(expected)
  })
})
