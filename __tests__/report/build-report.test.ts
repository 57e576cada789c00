import { buildReport, type BuildOutcome } from '../../src/report/build-report.js'
import type { Report } from '../../src/report/types.js'
import { context, image, mixedOutcomes, mixedPlan } from '../helpers/reports.js'

const PIP_LAYER =
  'RUN python3 -m pip install --no-cache-dir --disable-pip-version-check prometheus-api-client "pyyaml>=6"'

const mixedReport: Report = {
  schemaVersion: 1,
  tool: { name: 'nb-image-action', version: '0.1.0' },
  manifest: 'ci/notebook-tiers.yaml',
  strategy: 'multi-stage',
  passed: false,
  startedAt: '2026-01-02T03:04:05.000Z',
  finishedAt: '2026-01-02T03:08:30.000Z',
  engine: { serverVersion: '26.1.5', buildxVersion: 'v0.13.1', imageStore: 'containerd' },
  thresholdBasis: 'uncompressed',
  pushed: false,
  publish: { requested: false, event: '', ref: '', version: null },
  images: [
    {
      name: 'tier1',
      tiers: ['tier1'],
      target: 'tier1',
      dockerfile: '/repo/ci/.nb-image/Dockerfile',
      ref: 'ghcr.io/acme/nb:tier1',
      tags: [],
      durationMs: 12_346,
      cachedSteps: 0,
      totalSteps: 3,
      thresholdBytes: 5_000_000_000,
      imageId: 'sha256:1111',
      sizeBytes: 512_345_678,
      inspectSizeBytes: 210_000_000,
      compressedBytes: null,
      compressedSource: null,
      digest: null,
      platformDigest: null,
      status: 'ok',
      layers: [
        { diffId: 'sha256:aaaa', sizeBytes: 200_000_000, createdBy: '' },
        { diffId: 'sha256:b1', sizeBytes: 312_345_678, createdBy: PIP_LAYER }
      ]
    },
    {
      name: 'tier2',
      tiers: ['tier2'],
      target: 'tier2',
      dockerfile: '/repo/ci/.nb-image/Dockerfile',
      ref: 'ghcr.io/acme/nb:tier2',
      tags: [],
      durationMs: 245_000,
      cachedSteps: 2,
      totalSteps: 3,
      thresholdBytes: 1_000_000_000,
      imageId: 'sha256:2222',
      sizeBytes: 1_500_000_000,
      inspectSizeBytes: 600_000_000,
      compressedBytes: null,
      compressedSource: null,
      digest: null,
      platformDigest: null,
      status: 'over',
      layers: [
        { diffId: 'sha256:aaaa', sizeBytes: 200_000_000, createdBy: '' },
        {
          diffId: 'sha256:b2',
          sizeBytes: 1_300_000_000,
          createdBy: 'RUN pip install seaborn joblib scikit-learn | tee /log'
        }
      ]
    },
    {
      name: 'tier3',
      tiers: ['tier3'],
      target: 'tier3',
      dockerfile: '/repo/ci/.nb-image/Dockerfile',
      ref: 'ghcr.io/acme/nb:tier3',
      tags: [],
      durationMs: 850,
      cachedSteps: 3,
      totalSteps: 3,
      thresholdBytes: 1_000_000_000,
      imageId: 'sha256:3333',
      sizeBytes: 950_000_000,
      inspectSizeBytes: 400_000_000,
      compressedBytes: null,
      compressedSource: null,
      digest: null,
      platformDigest: null,
      status: 'warn',
      layers: [
        { diffId: 'sha256:aaaa', sizeBytes: 200_000_000, createdBy: '' },
        {
          diffId: 'sha256:b3',
          sizeBytes: 750_000_000,
          createdBy: 'COPY <script>alert(1)</script> /app'
        }
      ]
    },
    {
      name: 'tier4',
      tiers: ['tier4'],
      target: 'tier4',
      dockerfile: '/repo/ci/.nb-image/Dockerfile',
      ref: 'ghcr.io/acme/nb:tier4',
      tags: [],
      durationMs: 3210,
      cachedSteps: 1,
      totalSteps: 2,
      thresholdBytes: 5_000_000_000,
      imageId: null,
      sizeBytes: null,
      inspectSizeBytes: null,
      compressedBytes: null,
      compressedSource: null,
      digest: null,
      platformDigest: null,
      status: 'failed',
      layers: [],
      error: 'process "/bin/sh -c pip install nope" did not complete successfully: exit code: 1',
      logTail: [
        '#6 [tier4 1/1] RUN pip install nope',
        '#6 ERROR: No matching distribution found for nope',
        'ERROR: failed to solve: <exit code 1> | see above'
      ]
    }
  ],
  tiers: {
    tier1: 'ghcr.io/acme/nb:tier1',
    tier2: 'ghcr.io/acme/nb:tier2',
    tier3: 'ghcr.io/acme/nb:tier3',
    tier4: 'ghcr.io/acme/nb:tier4'
  },
  totals: {
    // The base layer (200 MB) once, plus each tier's own layer.
    uniqueBytes: 2_562_345_678,
    sumBytes: 2_962_345_678,
    durationMs: 261_406
  }
}

describe('buildReport', () => {
  test('ok, over, warn and failed images: verdicts, totals, tiers, passed', () => {
    expect(buildReport(mixedPlan, mixedOutcomes, context)).toStrictEqual(mixedReport)
  })

  test.each<[string, number[], boolean]>([
    ['every image ok', [0], true],
    ['ok and near the budget', [0, 2], true],
    ['one over the budget', [0, 1], false],
    ['one failed', [0, 3], false]
  ])('%s → passed %s', (_name, indexes, passed) => {
    const outcomes = indexes.map((i) => mixedOutcomes[i] as BuildOutcome)
    const report = buildReport(mixedPlan, outcomes, context)
    expect(report.passed).toBe(passed)
    expect(report.images.map((i) => i.name)).toStrictEqual(indexes.map((i) => `tier${i + 1}`))
    expect(report).not.toHaveProperty('error')
  })

  test('a shared image maps every tier it serves to its ref', () => {
    const shared = image('shared', { tiers: ['tier1', 'tier2'], target: undefined })
    const report = buildReport(
      { ...mixedPlan, strategy: 'shared', images: [shared] },
      [
        {
          image: shared,
          ok: true,
          durationMs: 1,
          imageId: 'sha256:9',
          inspectSizeBytes: 3,
          history: [{ sizeBytes: 3, createdBy: '' }],
          diffIds: ['sha256:9'],
          cachedSteps: 0,
          totalSteps: 0
        }
      ],
      context
    )
    expect(report.tiers).toStrictEqual({
      tier1: 'ghcr.io/acme/nb:shared',
      tier2: 'ghcr.io/acme/nb:shared'
    })
    expect(report.images[0]?.target).toBeNull()
    expect(report.totals).toStrictEqual({ uniqueBytes: 3, sumBytes: 3, durationMs: 261_406 })
  })

  test('a run stopped before building carries the error and fails', () => {
    const outcomes: BuildOutcome[] = mixedPlan.images.map((plan) => ({
      image: plan,
      ok: false,
      tags: [],
      durationMs: 0,
      error: 'not built: the engine does not answer',
      logTail: [],
      cachedSteps: 0,
      totalSteps: 0
    }))
    const report = buildReport(mixedPlan, outcomes, {
      ...context,
      buildDurationMs: 0,
      engine: { serverVersion: null, buildxVersion: null, imageStore: null },
      error: 'the engine does not answer'
    })
    expect(report.passed).toBe(false)
    expect(report.error).toBe('the engine does not answer')
    expect(report.images.map((i) => [i.status, i.sizeBytes, i.error])).toStrictEqual(
      mixedPlan.images.map(() => ['failed', null, 'not built: the engine does not answer'])
    )
    expect(report.totals).toStrictEqual({ uniqueBytes: 0, sumBytes: 0, durationMs: 0 })
  })
})
