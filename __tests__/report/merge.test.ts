import { InputError } from '../../src/utils/errors.js'
import { matrixOf, mergeReports, type ReportSource } from '../../src/report/merge.js'
import { buildReport, tierRefs, type BuildOutcome } from '../../src/report/build-report.js'
import { renderSummary, renderTextTable } from '../../src/render/summary.js'
import type { Report } from '../../src/report/types.js'
import type { BuildPlan, ImagePlan } from '../../src/plan/types.js'
import { expectGolden } from '../helpers/golden.js'
import { context, image, mixedOutcomes, mixedPlan } from '../helpers/reports.js'

const TOOL = { name: 'nb-image-action', version: '0.1.0' }

describe('matrixOf and tierRefs', () => {
  test.each<[string, BuildPlan, unknown, Record<string, string>]>([
    [
      'multi-stage: one job per tier',
      mixedPlan,
      {
        include: ['tier1', 'tier2', 'tier3', 'tier4'].map((tier) => ({
          tier,
          name: tier,
          ref: `ghcr.io/acme/nb:${tier}`
        }))
      },
      {
        tier1: 'ghcr.io/acme/nb:tier1',
        tier2: 'ghcr.io/acme/nb:tier2',
        tier3: 'ghcr.io/acme/nb:tier3',
        tier4: 'ghcr.io/acme/nb:tier4'
      }
    ],
    [
      'shared with a tier of its own Dockerfile: the shared image is one job for its tiers',
      {
        ...mixedPlan,
        strategy: 'shared',
        images: [image('shared', { tiers: ['tier1', 'tier2'] }), image('serving')]
      },
      {
        include: [
          { tier: 'tier1,tier2', name: 'shared', ref: 'ghcr.io/acme/nb:shared' },
          { tier: 'serving', name: 'serving', ref: 'ghcr.io/acme/nb:serving' }
        ]
      },
      {
        tier1: 'ghcr.io/acme/nb:shared',
        tier2: 'ghcr.io/acme/nb:shared',
        serving: 'ghcr.io/acme/nb:serving'
      }
    ],
    ['nothing selected', { ...mixedPlan, images: [] }, { include: [] }, {}]
  ])('%s', (_name, plan, matrix, refs) => {
    expect(matrixOf(plan)).toStrictEqual(matrix)
    expect(tierRefs(plan.images)).toStrictEqual(refs)
  })
})

/** The report one job of a fan-out writes: some of mixedPlan's images, at a given time. */
function part(indexes: number[], startedAt: string, finishedAt: string, ms: number): Report {
  const outcomes = indexes.map((i) => mixedOutcomes[i] as BuildOutcome)
  return buildReport(mixedPlan, outcomes, {
    ...context,
    startedAt,
    finishedAt,
    buildDurationMs: ms
  })
}

const jobs: ReportSource[] = [
  {
    file: 'reports/nb-image-tier1/nb-image-report.json',
    report: part([0], '2026-01-02T03:04:05.000Z', '2026-01-02T03:05:00.000Z', 50_000)
  },
  {
    file: 'reports/nb-image-tier2/nb-image-report.json',
    report: part([1, 2], '2026-01-02T03:04:07.000Z', '2026-01-02T03:09:00.000Z', 290_000)
  },
  {
    file: 'reports/nb-image-tier4/nb-image-report.json',
    report: part([3], '2026-01-02T03:04:01.000Z', '2026-01-02T03:04:30.000Z', 25_000)
  }
]

const expected = buildReport(
  mixedPlan,
  mixedPlan.images.map((plan): BuildOutcome => ({
    image: plan,
    ok: false,
    durationMs: 0,
    error: 'no report',
    logTail: [],
    cachedSteps: 0,
    totalSteps: 0
  })),
  context
).images

describe('mergeReports', () => {
  test('three jobs make the report one job would: same images, verdicts and totals', () => {
    const merged = mergeReports(jobs, { tool: TOOL, expected })
    const single = buildReport(mixedPlan, mixedOutcomes, context)
    expect(merged.images).toStrictEqual(single.images)
    expect(merged.tiers).toStrictEqual(single.tiers)
    expect(merged.passed).toBe(false)
    expect(merged.totals).toStrictEqual({
      uniqueBytes: single.totals.uniqueBytes,
      sumBytes: single.totals.sumBytes,
      // The jobs ran side by side: the slowest one.
      durationMs: 290_000
    })
    expect([merged.startedAt, merged.finishedAt]).toStrictEqual([
      '2026-01-02T03:04:01.000Z',
      '2026-01-02T03:09:00.000Z'
    ])
    expect(merged.engine).toStrictEqual(context.engine)
    expect(merged).not.toHaveProperty('error')
    expect(merged.parts).toStrictEqual([
      {
        file: 'reports/nb-image-tier1/nb-image-report.json',
        startedAt: '2026-01-02T03:04:05.000Z',
        finishedAt: '2026-01-02T03:05:00.000Z',
        passed: true,
        images: ['tier1'],
        engine: context.engine,
        durationMs: 50_000
      },
      {
        file: 'reports/nb-image-tier2/nb-image-report.json',
        startedAt: '2026-01-02T03:04:07.000Z',
        finishedAt: '2026-01-02T03:09:00.000Z',
        passed: false,
        images: ['tier2', 'tier3'],
        engine: context.engine,
        durationMs: 290_000
      },
      {
        file: 'reports/nb-image-tier4/nb-image-report.json',
        startedAt: '2026-01-02T03:04:01.000Z',
        finishedAt: '2026-01-02T03:04:30.000Z',
        passed: false,
        images: ['tier4'],
        engine: context.engine,
        durationMs: 25_000
      }
    ])
  })

  test('passed when every part passed', () => {
    const merged = mergeReports([jobs[0] as ReportSource], { tool: TOOL })
    expect(merged.passed).toBe(true)
    expect(merged.images.map((i) => i.name)).toStrictEqual(['tier1'])
  })

  test('an image no job reported fails the merge, in the manifest order', () => {
    const merged = mergeReports([jobs[2] as ReportSource, jobs[0] as ReportSource], {
      tool: TOOL,
      expected
    })
    expect(merged.passed).toBe(false)
    expect(merged.images.map((i) => [i.name, i.status])).toStrictEqual([
      ['tier1', 'ok'],
      ['tier2', 'failed'],
      ['tier3', 'failed'],
      ['tier4', 'failed']
    ])
    expect(merged.images[1]?.error).toBe(
      'no report: none of the merged reports (reports/nb-image-tier4/nb-image-report.json, reports/nb-image-tier1/nb-image-report.json) has this image; did its job fail before writing one?'
    )
  })

  test('without the manifest nothing is checked for completeness', () => {
    const merged = mergeReports([jobs[0] as ReportSource], { tool: TOOL })
    expect(merged.images).toHaveLength(1)
  })

  test('a job that could not build keeps its error; the others still count', () => {
    const stopped = buildReport(
      mixedPlan,
      [
        {
          image: mixedPlan.images[3] as ImagePlan,
          ok: false,
          durationMs: 0,
          error: 'not built: The Docker engine at unix:///x does not answer',
          logTail: [],
          cachedSteps: 0,
          totalSteps: 0
        }
      ],
      { ...context, error: 'The Docker engine at unix:///x does not answer' }
    )
    const merged = mergeReports(
      [jobs[0] as ReportSource, { file: 'reports/tier4.json', report: stopped }],
      { tool: TOOL }
    )
    expect(merged.error).toBe('reports/tier4.json: The Docker engine at unix:///x does not answer')
    expect(merged.passed).toBe(false)
    expect(merged.parts?.[1]?.error).toBe('The Docker engine at unix:///x does not answer')
  })

  test('engines that differ are not named', () => {
    const other = {
      ...(jobs[1] as ReportSource),
      report: {
        ...(jobs[1] as ReportSource).report,
        engine: { serverVersion: '27.0.1', buildxVersion: 'v0.13.1', imageStore: 'containerd' }
      }
    }
    expect(mergeReports([jobs[0] as ReportSource, other], { tool: TOOL }).engine).toStrictEqual({
      serverVersion: null,
      buildxVersion: 'v0.13.1',
      imageStore: 'containerd'
    })
  })

  test.each<[string, ReportSource[], string]>([
    ['nothing to merge', [], 'reports: no report to merge'],
    [
      'the same image twice',
      [jobs[0] as ReportSource, { ...(jobs[0] as ReportSource), file: 'again.json' }],
      'reports: image tier1 (ghcr.io/acme/nb:tier1) is in both reports/nb-image-tier1/nb-image-report.json and again.json; each job of the fan-out must build different tiers'
    ],
    [
      'another manifest',
      [
        jobs[0] as ReportSource,
        {
          file: 'other.json',
          report: { ...(jobs[1] as ReportSource).report, manifest: 'other/notebook-tiers.yaml' }
        }
      ],
      'reports: reports/nb-image-tier1/nb-image-report.json and other.json come from different manifests (ci/notebook-tiers.yaml, other/notebook-tiers.yaml); merge the reports of one fan-out'
    ],
    [
      'another strategy',
      [
        jobs[0] as ReportSource,
        { file: 'shared.json', report: { ...(jobs[1] as ReportSource).report, strategy: 'shared' } }
      ],
      'reports: reports/nb-image-tier1/nb-image-report.json and shared.json come from different strategies (multi-stage, shared); merge the reports of one fan-out'
    ]
  ])('%s is refused', (_name, sources, message) => {
    expect(() => mergeReports(sources, { tool: TOOL })).toThrow(new InputError(message))
  })

  test('the merged report renders like any other, with where it came from', () => {
    const merged = mergeReports(jobs, { tool: TOOL, expected })
    expectGolden('summary-merged.md', renderSummary(merged))
    expectGolden('table-merged.txt', renderTextTable(merged))
  })
})

describe('mergeReports: growth checked by the jobs', () => {
  const withGrowth = (report: Report, exceeded: boolean, policy: 'fail' | 'warn'): Report => ({
    ...report,
    growthPolicy: policy,
    images: report.images.map((image) => ({
      ...image,
      growth: {
        limits: [{ percent: 10, source: 'input' }],
        baseBytes: 100,
        deltaBytes: exceeded ? 20 : 5,
        limitBytes: 10,
        exceeded
      }
    }))
  })
  const tier1 = jobs[0] as ReportSource

  test.each<[string, boolean, 'fail' | 'warn', boolean]>([
    ['an image over its limit, fail: the merge fails', true, 'fail', false],
    ['an image over its limit, warn: the merge passes', true, 'warn', true],
    ['within the limit: the merge passes', false, 'fail', true]
  ])('%s', (_name, exceeded, policy, passed) => {
    const merged = mergeReports(
      [{ ...tier1, report: withGrowth(tier1.report, exceeded, policy) }],
      { tool: TOOL }
    )
    expect(merged.growthPolicy).toBe(policy)
    expect(merged.images[0]?.growth?.exceeded).toBe(exceeded)
    expect(merged.passed).toBe(passed)
  })
})
