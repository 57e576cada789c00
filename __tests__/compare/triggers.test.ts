import { evaluateTriggers } from '../../src/compare/triggers.js'
import type { OptionResult, Trigger } from '../../src/compare/types.js'
import { option } from '../helpers/compare.js'

const GB = 1_000_000_000
const critical = { name: 'tier1', marked: false }

function byId(triggers: Trigger[], id: Trigger['id']): Trigger {
  const found = triggers.find((trigger) => trigger.id === id)
  if (!found) throw new Error(`no trigger ${id}`)
  return found
}

describe('evaluateTriggers', () => {
  test('ADR-031 order: size, tier count, time-critical, operator', () => {
    expect(
      evaluateTriggers({ options: [option('A')], tierCount: 3, criticalTier: critical }).map(
        (trigger) => trigger.id
      )
    ).toEqual(['size-budget', 'tier-count', 'time-critical', 'operator-target'])
  })

  test.each<[string, OptionResult[], Trigger['status'], string]>([
    [
      'within budget: the largest image of each option against its budget',
      [option('A'), option('D')],
      'clear',
      'A shared 1.5 GB of 5 GB (30%); D tier1 500 MB of 5 GB (10%)'
    ],
    [
      'over budget fires',
      [
        option('A', {
          overBudget: [{ image: 'shared', sizeBytes: 5.5 * GB, thresholdBytes: 5 * GB }],
          images: [
            {
              name: 'shared',
              tiers: ['tier1'],
              sizeBytes: 5.5 * GB,
              compressedBytes: 2 * GB,
              thresholdBytes: 5 * GB,
              status: 'over'
            }
          ]
        })
      ],
      'fired',
      'A shared 5.5 GB of 5 GB (110%)'
    ],
    [
      'a planned option is not weighed',
      [option('C', { status: 'planned' })],
      'clear',
      'not measured'
    ]
  ])('size budget: %s', (_name, options, status, value) => {
    const trigger = byId(
      evaluateTriggers({ options, tierCount: 3, criticalTier: critical }),
      'size-budget'
    )
    expect([trigger.status, trigger.value]).toEqual([status, value])
  })

  test.each<[number, Trigger['status'], string]>([
    [3, 'clear', '3 of 10'],
    [9, 'clear', '9 of 10'],
    [10, 'fired', '10 of 10'],
    [12, 'fired', '12 of 10']
  ])('tier count %d: %s', (count, status, value) => {
    const trigger = byId(
      evaluateTriggers({ options: [], tierCount: count, criticalTier: critical }),
      'tier-count'
    )
    expect([trigger.status, trigger.value]).toEqual([status, value])
  })

  test.each<[boolean, Trigger['status']]>([
    [false, 'clear'],
    [true, 'fired']
  ])('time-critical (marked %s) shows each option’s time to the tier', (isMarked, status) => {
    const trigger = byId(
      evaluateTriggers({
        options: [option('A'), option('D')],
        tierCount: 3,
        criticalTier: { name: 'tier1', marked: isMarked }
      }),
      'time-critical'
    )
    expect(trigger.status).toBe(status)
    expect(trigger.title).toBe('Validation of tier1 becomes time-critical')
    expect(trigger.value).toBe(
      'A 2m 00s cold, 1m 40s after a change to it; D 40 s cold, 20 s after a change to it'
    )
  })

  test('operator --target support is not needed for images this action publishes', () => {
    const trigger = byId(
      evaluateTriggers({ options: [], tierCount: 3, criticalTier: critical }),
      'operator-target'
    )
    expect(trigger.status).toBe('not-needed')
    expect(trigger.detail).toContain('pre-built image pinned by digest')
  })
})
