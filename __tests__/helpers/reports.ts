import type { BuildOutcome, ReportContext } from '../../src/report/build-report.js'
import type { BuildPlan, ImagePlan } from '../../src/plan/types.js'

const BASE = 'sha256:aaaa'

export const image = (name: string, fields: Partial<ImagePlan> = {}): ImagePlan => ({
  name,
  tiers: [name],
  target: name,
  dockerfile: '/repo/ci/.nb-image/Dockerfile',
  context: '/repo/ci',
  generated: true,
  ref: `ghcr.io/acme/nb:${name}`,
  thresholdBytes: 5_000_000_000,
  thresholdSource: 'default',
  buildArgs: {},
  field: `tiers.${name}`,
  ...fields
})

/**
 * Four images, one per verdict: tier1 ok, tier2 over its 1 GB budget, tier3 at 95% of its
 * budget, tier4 failed. The three built ones share the base layer.
 */
export const mixedPlan: BuildPlan = {
  strategy: 'multi-stage',
  manifestFile: 'ci/notebook-tiers.yaml',
  images: [
    image('tier1'),
    image('tier2', { thresholdBytes: 1_000_000_000, thresholdSource: 'tier tier2' }),
    image('tier3', { thresholdBytes: 1_000_000_000, thresholdSource: 'input' }),
    image('tier4')
  ]
}

const [tier1, tier2, tier3, tier4] = mixedPlan.images as [
  ImagePlan,
  ImagePlan,
  ImagePlan,
  ImagePlan
]

export const mixedOutcomes: BuildOutcome[] = [
  {
    image: tier1,
    ok: true,
    durationMs: 12_345.6,
    imageId: 'sha256:1111',
    inspectSizeBytes: 210_000_000,
    history: [
      { sizeBytes: 200_000_000, createdBy: '' },
      { sizeBytes: 0, createdBy: 'ENV PIP_NO_CACHE_DIR=1' },
      {
        sizeBytes: 312_345_678,
        createdBy:
          'RUN python3 -m pip install --no-cache-dir --disable-pip-version-check prometheus-api-client "pyyaml>=6"'
      }
    ],
    diffIds: [BASE, 'sha256:b1'],
    cachedSteps: 0,
    totalSteps: 3
  },
  {
    image: tier2,
    ok: true,
    durationMs: 245_000,
    imageId: 'sha256:2222',
    inspectSizeBytes: 600_000_000,
    history: [
      { sizeBytes: 200_000_000, createdBy: '' },
      {
        sizeBytes: 1_300_000_000,
        createdBy: 'RUN pip install seaborn joblib scikit-learn | tee /log'
      }
    ],
    diffIds: [BASE, 'sha256:b2'],
    cachedSteps: 2,
    totalSteps: 3
  },
  {
    image: tier3,
    ok: true,
    durationMs: 850,
    imageId: 'sha256:3333',
    inspectSizeBytes: 400_000_000,
    history: [
      { sizeBytes: 200_000_000, createdBy: '' },
      { sizeBytes: 750_000_000, createdBy: 'COPY <script>alert(1)</script> /app' }
    ],
    diffIds: [BASE, 'sha256:b3'],
    cachedSteps: 3,
    totalSteps: 3
  },
  {
    image: tier4,
    ok: false,
    durationMs: 3_210,
    error: 'process "/bin/sh -c pip install nope" did not complete successfully: exit code: 1',
    logTail: [
      '#6 [tier4 1/1] RUN pip install nope',
      '#6 ERROR: No matching distribution found for nope',
      'ERROR: failed to solve: <exit code 1> | see above'
    ],
    cachedSteps: 1,
    totalSteps: 2
  }
]

export const context: ReportContext = {
  tool: { name: 'nb-image-action', version: '0.1.0' },
  startedAt: '2026-01-02T03:04:05.000Z',
  finishedAt: '2026-01-02T03:08:30.000Z',
  buildDurationMs: 261_405.6,
  engine: { serverVersion: '26.1.5', buildxVersion: 'v0.13.1', imageStore: 'containerd' }
}
