// Base-branch and pull-request reports for the comparison and comment tests, built through
// buildReport so they have exactly the shape (and unique-bytes totals) real runs produce.
import { buildReport, type BuildOutcome } from '../../src/report/build-report.js'
import { budgetStatus } from '../../src/report/verdict.js'
import type { Report, ThresholdBasis } from '../../src/report/types.js'
import type { Strategy } from '../../src/manifest/types.js'
import { context, image } from './reports.js'

/** One image of a fixture report: its layers as [bytes, instruction, diff ID]. */
export interface FixtureImage {
  name: string
  tiers?: string[]
  thresholdBytes?: number
  durationMs?: number
  layers?: [number, string, string][]
  /** Set to make the build fail with this error. */
  failed?: string
  /** Compressed size (config + layers), as measured before a push or read after one. */
  compressedBytes?: number
}

/** A report of the given images, as buildReport makes it. */
export function fixtureReport(
  strategy: Strategy,
  images: FixtureImage[],
  extra: { finishedAt?: string; manifest?: string; thresholdBasis?: ThresholdBasis } = {}
): Report {
  const plans = images.map((spec) =>
    image(spec.name, {
      tiers: spec.tiers ?? [spec.name],
      target: spec.name,
      thresholdBytes: spec.thresholdBytes ?? 5_000_000_000
    })
  )
  const outcomes: BuildOutcome[] = images.map((spec, index) => {
    const plan = plans[index]
    if (!plan) throw new Error('unreachable')
    if (spec.failed) {
      return {
        image: plan,
        ok: false,
        durationMs: spec.durationMs ?? 1_000,
        error: spec.failed,
        logTail: ['#7 [tier 2/2] RUN pip install nope', `ERROR: ${spec.failed}`],
        cachedSteps: 0,
        totalSteps: 2
      }
    }
    const layers = spec.layers ?? []
    return {
      image: plan,
      ok: true,
      durationMs: spec.durationMs ?? 10_000,
      imageId: `sha256:${spec.name}`,
      inspectSizeBytes: 0,
      history: layers.map(([sizeBytes, createdBy]) => ({ sizeBytes, createdBy })),
      diffIds: layers.map(([, , diffId]) => diffId),
      cachedSteps: 0,
      totalSteps: layers.length
    }
  })
  const report = buildReport(
    {
      strategy,
      manifestFile: extra.manifest ?? 'ci/notebook-tiers.yaml',
      images: plans
    },
    outcomes,
    {
      ...context,
      finishedAt: extra.finishedAt ?? context.finishedAt,
      buildDurationMs: images.reduce((sum, spec) => sum + (spec.durationMs ?? 10_000), 0)
    }
  )
  // Compressed sizes come from the engine's packed images or the registry, which these
  // fixtures skip: set them as the pipeline would, verdicts included.
  const basis = extra.thresholdBasis ?? 'uncompressed'
  report.thresholdBasis = basis
  images.forEach((spec, index) => {
    const image = report.images[index]
    if (!image || spec.compressedBytes === undefined) return
    image.compressedBytes = spec.compressedBytes
    image.compressedSource = 'local'
    if (basis === 'compressed' && image.status !== 'failed') {
      image.status = budgetStatus(spec.compressedBytes, image.thresholdBytes)
    }
  })
  report.passed =
    report.error === undefined &&
    report.images.every((image) => image.status === 'ok' || image.status === 'warn')
  return report
}

const BASE_LAYER: [number, string, string] = [200_000_000, '', 'sha256:base']
const PIP = 'RUN /bin/sh -c python3 -m pip install --no-cache-dir'

/** The base branch: four tiers over a shared base layer, all within budget. */
export const baseReport = fixtureReport('multi-stage', [
  {
    name: 'tier1',
    durationMs: 11_100,
    layers: [BASE_LAYER, [300_000_000, `${PIP} prometheus-api-client pyyaml`, 'sha256:t1']]
  },
  {
    name: 'tier2',
    thresholdBytes: 2_000_000_000,
    durationMs: 250_000,
    layers: [
      BASE_LAYER,
      [1_300_000_000, `${PIP} seaborn joblib scikit-learn`, 'sha256:t2'],
      [12_000_000, 'COPY models/ /models', 'sha256:t2m']
    ]
  },
  {
    name: 'tier3',
    durationMs: 900,
    layers: [BASE_LAYER, [750_000_000, `${PIP} requests grpcio`, 'sha256:t3']]
  },
  {
    name: 'tier5',
    durationMs: 4_000,
    layers: [BASE_LAYER, [40_000_000, 'RUN /bin/sh -c apt-get install -y graphviz', 'sha256:t5']]
  }
])

/**
 * The pull request: tier1 grew (a package added), tier2 shrank (a layer gone), tier3 is the
 * same, tier4 is new and tier5 is removed from the manifest.
 */
export const headReport = fixtureReport(
  'multi-stage',
  [
    {
      name: 'tier1',
      durationMs: 12_345,
      layers: [
        BASE_LAYER,
        [312_345_678, `${PIP} prometheus-api-client pyyaml`, 'sha256:t1b'],
        [1_234, 'COPY <script>alert(1)</script> /app', 'sha256:t1c']
      ]
    },
    {
      name: 'tier2',
      thresholdBytes: 2_000_000_000,
      durationMs: 245_000,
      layers: [BASE_LAYER, [1_250_000_000, `${PIP} seaborn joblib scikit-learn`, 'sha256:t2b']]
    },
    {
      name: 'tier3',
      durationMs: 850,
      layers: [BASE_LAYER, [750_000_000, `${PIP} requests grpcio`, 'sha256:t3']]
    },
    {
      name: 'tier4',
      thresholdBytes: 1_000_000_000,
      durationMs: 30_000,
      layers: [BASE_LAYER, [750_000_000, `${PIP} torch`, 'sha256:t4']]
    }
  ],
  { finishedAt: '2026-01-02T04:00:00.000Z' }
)

/** Tiers the pull request's manifest declares. */
export const headTiers = ['tier1', 'tier2', 'tier3', 'tier4']

/** Descriptions from the pull request's manifest, one of them hostile. */
export const descriptions: Record<string, string> = {
  tier1: 'Setup',
  tier2: 'ML training <img src=x onerror=alert(1)> | @octocat #12 https://phish.example',
  tier4: 'GPU inference'
}
