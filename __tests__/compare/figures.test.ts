import {
  median,
  optionResult,
  phaseMs,
  timeToTier,
  versionDrift,
  type OptionMeasurement,
  type Phase
} from '../../src/compare/figures.js'
import type { OptionBuild, OptionPlan } from '../../src/compare/options.js'
import type { ImageReport, Report } from '../../src/report/types.js'
import { manifest, tier } from '../helpers/manifests.js'

const example = manifest({ tiers: [tier('tier1'), tier('tier2')] })

function image(name: string, fields: Partial<ImageReport> = {}): ImageReport {
  return {
    name,
    tiers: [name],
    target: name,
    dockerfile: 'Dockerfile',
    ref: `nb:${name}`,
    imageId: `sha256:${name}`,
    sizeBytes: 1000,
    inspectSizeBytes: 400,
    compressedBytes: 400,
    compressedSource: 'local',
    digest: null,
    platformDigest: null,
    tags: [],
    durationMs: 10_000,
    cachedSteps: 0,
    totalSteps: 4,
    thresholdBytes: 5000,
    status: 'ok',
    layers: [
      { sizeBytes: 600, diffId: 'sha256:base', createdBy: 'base' },
      { sizeBytes: 400, diffId: `sha256:${name}`, createdBy: name }
    ],
    ...fields
  } as ImageReport
}

function report(images: ImageReport[], durationMs: number): Report {
  return { images, totals: { durationMs } } as unknown as Report
}

const build = (label: string, fields: Partial<OptionBuild> = {}): OptionBuild => ({
  label,
  key: label.toLowerCase().replace(/\s+/g, '-'),
  manifest: example,
  strategy: 'multi-stage',
  ...fields
})

// D: one build of two images; tier1's export ends after 8 s, tier2's after 12 s.
const dBuild = build('D')
const dPhase = (t1: number, t2: number, fields: Partial<ImageReport> = {}): Phase => ({
  builds: [
    {
      build: dBuild,
      report: report(
        [image('tier1', { durationMs: t1, ...fields }), image('tier2', { durationMs: t2 })],
        Math.max(t1, t2)
      )
    }
  ]
})
// B: one build per tier, one after another.
const bPhase = (t1: number, t2: number): Phase => ({
  builds: [
    {
      build: build('B tier1', { tier: 'tier1' }),
      report: report([image('tier1', { durationMs: t1 })], t1)
    },
    {
      build: build('B tier2', { tier: 'tier2' }),
      report: report([image('tier2', { durationMs: t2 })], t2)
    }
  ]
})

describe('median', () => {
  test.each<[number[], number | null]>([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5]
  ])('%j → %p', (values, expected) => expect(median(values)).toBe(expected))
})

describe('phaseMs and timeToTier', () => {
  test.each<[string, Phase | undefined, number | null, number | null, number | null]>([
    [
      'one session: the session’s time, each tier at its export',
      dPhase(8_000, 12_000),
      12_000,
      8_000,
      12_000
    ],
    ['separate builds add up; tier2 waits for tier1', bPhase(8_000, 12_000), 20_000, 8_000, 20_000],
    ['no phase', undefined, null, null, null],
    ['a failed image: no time', dPhase(8_000, 12_000, { status: 'failed' }), null, null, 12_000],
    ['a stopped phase: no time', { ...bPhase(1, 2), error: 'engine gone' }, null, 1, 3]
  ])('%s', (_name, phase, total, tier1, tier2) => {
    expect([phaseMs(phase), timeToTier(phase, 'tier1'), timeToTier(phase, 'tier2')]).toEqual([
      total,
      tier1,
      tier2
    ])
  })
})

describe('versionDrift', () => {
  test.each<[string, Parameters<typeof versionDrift>[0], ReturnType<typeof versionDrift>]>([
    [
      'no inventory: not measured',
      [{ name: 'a', status: 'ok' }],
      { measured: false, packages: [] }
    ],
    [
      'the same versions: none',
      [
        {
          name: 'a',
          status: 'ok',
          packages: { python: [{ name: 'six', version: '1' }], debian: [], rpm: [] }
        },
        {
          name: 'b',
          status: 'ok',
          packages: { python: [{ name: 'six', version: '1' }], debian: [], rpm: [] }
        }
      ],
      { measured: true, packages: [] }
    ],
    [
      'a package at two versions drifts',
      [
        {
          name: 'a',
          status: 'ok',
          packages: { python: [{ name: 'six', version: '1' }], debian: [], rpm: [] }
        },
        {
          name: 'b',
          status: 'ok',
          packages: { python: [{ name: 'six', version: '2' }], debian: [], rpm: [] }
        }
      ],
      { measured: true, packages: [{ kind: 'python', name: 'six', versions: { a: '1', b: '2' } }] }
    ]
  ])('%s', (_name, images, expected) => expect(versionDrift(images)).toEqual(expected))
})

describe('optionResult', () => {
  const plan = (id: OptionPlan['id'], builds: OptionBuild[], skipped?: string): OptionPlan => ({
    id,
    builds,
    unserved: [],
    ...(skipped !== undefined ? { skipped } : {})
  })
  const measurement = (fields: Partial<OptionMeasurement>): OptionMeasurement => ({
    plan: plan('D', [dBuild]),
    maintenance: { dockerfiles: 1, stages: 3, images: 2 },
    changes: [],
    pulls: new Map(),
    reportFiles: ['r.json'],
    ...fields
  })

  test('a measured option: times, the change median and worst, tiers, disk, pulls', () => {
    const result = optionResult(
      measurement({
        cold: dPhase(80_000, 120_000),
        warm: dPhase(2_000, 3_000),
        changes: [
          { tier: 'tier1', change: { kind: 'synthetic' }, phase: dPhase(9_000, 1_000) },
          { tier: 'tier2', change: { kind: 'synthetic' }, phase: dPhase(1_000, 40_000) }
        ],
        pulls: new Map([
          ['tier1', { coldBytes: 410, baseCachedBytes: 10 }],
          ['tier2', { coldBytes: 420, baseCachedBytes: 20 }]
        ])
      }),
      ['tier1', 'tier2'],
      'tier1'
    )
    expect(result).toMatchObject({
      id: 'D',
      status: 'measured',
      coldMs: 120_000,
      warmMs: 3_000,
      changeMedianMs: 24_500,
      changeWorst: { tier: 'tier2', ms: 40_000 },
      uniqueBytes: 1400,
      criticalTier: { coldMs: 80_000, changeMs: 9_000 },
      overBudget: [],
      tiers: [
        {
          tier: 'tier1',
          images: ['tier1'],
          sizeBytes: 1000,
          pullColdBytes: 410,
          pullBaseCachedBytes: 10
        },
        {
          tier: 'tier2',
          images: ['tier2'],
          sizeBytes: 1000,
          pullColdBytes: 420,
          pullBaseCachedBytes: 20
        }
      ]
    })
    expect(result.changes[0]?.rebuilt).toEqual([
      { image: 'tier1', ranSteps: 4, totalSteps: 4 },
      { image: 'tier2', ranSteps: 4, totalSteps: 4 }
    ])
  })

  test('a change that failed leaves the median unmeasured, not flattered', () => {
    const result = optionResult(
      measurement({
        cold: dPhase(1, 2),
        changes: [
          { tier: 'tier1', change: { kind: 'synthetic' }, phase: dPhase(9_000, 1_000) },
          { tier: 'tier2', change: { kind: 'synthetic' }, error: 'built from its own Dockerfile' }
        ]
      }),
      ['tier1', 'tier2'],
      'tier1'
    )
    expect(result.changeMedianMs).toBeNull()
    expect(result.changes[1]).toMatchObject({ ms: null, error: 'built from its own Dockerfile' })
  })

  test('an image over budget, and a failed cold build', () => {
    const over = optionResult(
      measurement({ cold: dPhase(1, 2, { status: 'over', sizeBytes: 9000 }) }),
      ['tier1', 'tier2'],
      'tier1'
    )
    expect(over.overBudget).toEqual([{ image: 'tier1', sizeBytes: 9000, thresholdBytes: 5000 }])
    const failed = optionResult(
      measurement({ cold: dPhase(1, 2, { status: 'failed', error: 'exit 1' }) }),
      ['tier1', 'tier2'],
      'tier1'
    )
    expect([failed.status, failed.note]).toEqual([
      'failed',
      'the cold build failed: tier1 (exit 1)'
    ])
  })

  test('a planned option carries only its counts', () => {
    const result = optionResult(
      measurement({ plan: plan('C', [], 'planned and counted, not built') }),
      ['tier1'],
      'tier1'
    )
    expect([result.status, result.note, result.coldMs, result.images]).toEqual([
      'planned',
      'planned and counted, not built',
      null,
      []
    ])
  })
})
