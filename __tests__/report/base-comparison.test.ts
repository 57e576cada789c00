import {
  compareLayers,
  compareReports,
  type ImageComparison
} from '../../src/report/base-comparison.js'
import type { LayerInfo, Report } from '../../src/report/types.js'
import { baseReport, fixtureReport, headReport, headTiers } from '../helpers/comparisons.js'

/** The essentials of a row, for compact expectations. */
function summarize(row: ImageComparison): unknown[] {
  return [
    row.tiers.join(','),
    row.change,
    row.matchedBy,
    row.base?.name ?? null,
    row.sizeDeltaBytes,
    row.durationDeltaMs,
    row.newTiers
  ]
}

const BASE: [number, string, string] = [100, '', 'sha256:base']
const layer = (size: number, createdBy: string, diffId = `sha256:${createdBy}`): LayerInfo => ({
  sizeBytes: size,
  createdBy,
  diffId
})

describe('compareReports', () => {
  test('without a baseline every image is shown as is', () => {
    const comparison = compareReports(headReport, undefined, headTiers)
    expect(comparison.hasBaseline).toBe(false)
    expect(comparison.rows.map(summarize)).toEqual([
      ['tier1', 'no-baseline', null, null, null, null, []],
      ['tier2', 'no-baseline', null, null, null, null, []],
      ['tier3', 'no-baseline', null, null, null, null, []],
      ['tier4', 'no-baseline', null, null, null, null, []]
    ])
    expect(comparison.totals).toEqual({
      uniqueBytes: headReport.totals.uniqueBytes,
      sumBytes: headReport.totals.sumBytes,
      durationMs: headReport.totals.durationMs,
      baseUniqueBytes: null,
      uniqueDeltaBytes: null,
      sumDeltaBytes: null,
      durationDeltaMs: null
    })
    expect([comparison.addedTiers, comparison.removedTiers, comparison.notBuiltTiers]).toEqual([
      [],
      [],
      []
    ])
  })

  test('a grown, a shrunk, an unchanged, a new and a removed tier', () => {
    const comparison = compareReports(headReport, baseReport, headTiers)
    expect(comparison.rows.map(summarize)).toEqual([
      ['tier1', 'compared', 'name', 'tier1', 12_346_912, 1_245, []],
      ['tier2', 'compared', 'name', 'tier2', -62_000_000, -5_000, []],
      ['tier3', 'compared', 'name', 'tier3', 0, -50, []],
      ['tier4', 'new', null, null, null, null, ['tier4']],
      ['tier5', 'removed', null, 'tier5', -240_000_000, null, []]
    ])
    expect(comparison.addedTiers).toEqual(['tier4'])
    expect(comparison.removedTiers).toEqual(['tier5'])
    expect(comparison.notBuiltTiers).toEqual([])
    expect(comparison.strategyChange).toBeNull()
    // Unique bytes: base 200 MB + every tier's own layers.
    expect(baseReport.totals.uniqueBytes).toBe(200_000_000 + 300e6 + 1_312e6 + 750e6 + 40e6)
    expect(comparison.totals.uniqueDeltaBytes).toBe(
      headReport.totals.uniqueBytes - baseReport.totals.uniqueBytes
    )
    expect(comparison.totals.uniqueDeltaBytes).toBe(660_346_912)
    expect(comparison.totals.sumDeltaBytes).toBe(
      headReport.totals.sumBytes - baseReport.totals.sumBytes
    )
  })

  test('tiers declared but not built (the tiers input) are neither removed nor totalled', () => {
    const onlyTier1 = { ...headReport, images: headReport.images.slice(0, 1) }
    const comparison = compareReports(onlyTier1, baseReport, ['tier1', 'tier2', 'tier3', 'tier5'])
    expect(comparison.rows.map(summarize)).toEqual([
      ['tier1', 'compared', 'name', 'tier1', 12_346_912, 1_245, []]
    ])
    expect(comparison.notBuiltTiers).toEqual(['tier2', 'tier3', 'tier5'])
    expect(comparison.removedTiers).toEqual([])
    expect(comparison.totals.uniqueDeltaBytes).toBeNull()
    expect(comparison.totals.sumDeltaBytes).toBeNull()
  })

  test('shared → multi-stage: each tier image is compared with the shared image it replaced', () => {
    const base = fixtureReport('shared', [
      { name: 'shared', tiers: ['tier1', 'tier2'], layers: [BASE, [900, 'RUN all', 'sha256:all']] }
    ])
    const head = fixtureReport('multi-stage', [
      { name: 'tier1', layers: [BASE, [300, 'RUN one', 'sha256:1']] },
      { name: 'tier2', layers: [BASE, [700, 'RUN two', 'sha256:2']] }
    ])
    const comparison = compareReports(head, base)
    expect(comparison.rows.map(summarize)).toEqual([
      ['tier1', 'compared', 'tiers', 'shared', -600, 0, []],
      ['tier2', 'compared', 'tiers', 'shared', -200, 0, []]
    ])
    expect(comparison.strategyChange).toEqual({ base: 'shared', head: 'multi-stage' })
    expect(comparison.totals.uniqueDeltaBytes).toBe(100 + 300 + 700 - (100 + 900))
  })

  test('multi-stage → shared: the shared image is regrouped from several, not subtracted', () => {
    const base = fixtureReport('multi-stage', [
      { name: 'tier1', layers: [BASE, [300, 'RUN one', 'sha256:1']] },
      { name: 'tier2', layers: [BASE, [700, 'RUN two', 'sha256:2']] }
    ])
    const head = fixtureReport('shared', [
      { name: 'shared', tiers: ['tier1', 'tier2'], layers: [BASE, [900, 'RUN all', 'sha256:all']] }
    ])
    const comparison = compareReports(head, base)
    expect(comparison.rows.map(summarize)).toEqual([
      ['tier1,tier2', 'regrouped', null, null, null, null, []]
    ])
    expect(comparison.rows[0]?.baseCandidates.map((image) => image.name)).toEqual([
      'tier1',
      'tier2'
    ])
    expect(comparison.removedTiers).toEqual([])
    expect(comparison.totals.uniqueDeltaBytes).toBe(1000 - 1100)
  })

  test('a tier added to the shared image is marked new on that image', () => {
    const base = fixtureReport('shared', [
      { name: 'shared', tiers: ['tier1', 'tier2'], layers: [BASE, [900, 'RUN all', 'sha256:a']] }
    ])
    const head = fixtureReport('shared', [
      {
        name: 'shared',
        tiers: ['tier1', 'tier2', 'tier3'],
        layers: [BASE, [950, 'RUN all', 'sha256:b']]
      }
    ])
    const comparison = compareReports(head, base)
    expect(comparison.rows.map(summarize)).toEqual([
      ['tier1,tier2,tier3', 'compared', 'name', 'shared', 50, 0, ['tier3']]
    ])
    expect(comparison.addedTiers).toEqual(['tier3'])
  })

  test('a tier with its own Dockerfile keeps its image across a strategy switch', () => {
    const base = fixtureReport('multi-stage', [
      { name: 'tier1', layers: [BASE] },
      { name: 'tier3', layers: [BASE, [5, 'RUN own', 'sha256:own']] }
    ])
    const head = fixtureReport('shared', [
      { name: 'shared', tiers: ['tier1'], layers: [BASE, [1, 'RUN x', 'sha256:x']] },
      { name: 'tier3', layers: [BASE, [6, 'RUN own', 'sha256:own2']] }
    ])
    expect(compareReports(head, base).rows.map(summarize)).toEqual([
      ['tier1', 'compared', 'tiers', 'tier1', 1, 0, []],
      ['tier3', 'compared', 'name', 'tier3', 1, 0, []]
    ])
  })

  test('a failed build on either side has no size change and no totals', () => {
    const base = fixtureReport('multi-stage', [
      { name: 'tier1', layers: [BASE] },
      { name: 'tier2', failed: 'exit code: 1' }
    ])
    const head = fixtureReport('multi-stage', [
      { name: 'tier1', failed: 'exit code: 100' },
      { name: 'tier2', layers: [BASE] }
    ])
    const comparison = compareReports(head, base)
    expect(comparison.rows.map(summarize)).toEqual([
      ['tier1', 'compared', 'name', 'tier1', null, null, []],
      ['tier2', 'compared', 'name', 'tier2', null, null, []]
    ])
    expect(comparison.totals.uniqueDeltaBytes).toBeNull()
    // Build time of the whole run still compares.
    expect(comparison.totals.durationDeltaMs).toBe(0)
  })

  test('a run that stopped before planning (a broken manifest) removes no tier', () => {
    const broken: Report = {
      ...fixtureReport('multi-stage', []),
      passed: false,
      error: 'notebook-tiers.yaml:3:1: unknown field'
    }
    const comparison = compareReports(broken, baseReport)
    expect(comparison.rows).toEqual([])
    expect(comparison.removedTiers).toEqual([])
    expect(comparison.totals.uniqueDeltaBytes).toBeNull()
  })

  test('a removed tier whose base build had failed has no size to subtract', () => {
    const base = fixtureReport('multi-stage', [
      { name: 'tier1', layers: [BASE] },
      { name: 'old', failed: 'exit code: 1' }
    ])
    const head = fixtureReport('multi-stage', [{ name: 'tier1', layers: [BASE] }])
    expect(compareReports(head, base).rows.map(summarize)).toEqual([
      ['tier1', 'compared', 'name', 'tier1', 0, 0, []],
      ['old', 'removed', null, 'old', null, null, []]
    ])
  })
})

describe('compareLayers', () => {
  test.each<[string, LayerInfo[], LayerInfo[], [string, number | null, number | null, number][]]>([
    ['identical layers: no changes', [layer(5, 'RUN a')], [layer(5, 'RUN a')], []],
    [
      'a layer grew',
      [layer(100, ''), layer(5, 'RUN a')],
      [layer(100, ''), layer(8, 'RUN a', 'sha256:new')],
      [['RUN a', 5, 8, 3]]
    ],
    [
      'a layer gone from the end',
      [layer(100, ''), layer(50, 'RUN old')],
      [layer(100, '')],
      [['RUN old', 50, null, -50]]
    ],
    [
      'a layer added at the end, largest change first',
      [layer(100, ''), layer(5, 'RUN a')],
      [layer(100, ''), layer(6, 'RUN a'), layer(20, 'RUN new')],
      [
        ['RUN new', null, 20, 20],
        ['RUN a', 5, 6, 1]
      ]
    ],
    [
      'an instruction changed in place replaces the layer there',
      [layer(100, ''), layer(6, 'RUN |1 MB=6 dd'), layer(1, 'RUN tail')],
      [layer(100, ''), layer(8, 'RUN |1 MB=8 dd'), layer(1, 'RUN tail')],
      [['RUN |1 MB=8 dd', 6, 8, 2]]
    ],
    [
      'repeated instructions pair up in order',
      [layer(1, 'COPY . /'), layer(2, 'COPY . /')],
      [layer(1, 'COPY . /'), layer(7, 'COPY . /')],
      [['COPY . /', 2, 7, 5]]
    ],
    [
      'an empty new layer is no change in size',
      [layer(1, 'RUN a')],
      [layer(1, 'RUN a'), layer(0, 'RUN mkdir /x')],
      []
    ]
  ])('%s', (_name, base, head, expected) => {
    expect(
      compareLayers(base, head).map((c) => [c.createdBy, c.baseBytes, c.headBytes, c.deltaBytes])
    ).toEqual(expected)
  })
})
