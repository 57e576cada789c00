// Two reports of one manifest, built both ways: the bundled example's figures.
import type { ImageReport, Report } from '../../src/report/types.js'

export const img = (
  name: string,
  tiers: string[],
  sizeBytes: number | null,
  status: ImageReport['status'] = 'ok'
): ImageReport => ({
  name,
  tiers,
  target: name,
  dockerfile: '/repo/.nb-image/Dockerfile',
  ref: `acme/nb:${name}`,
  tags: [],
  imageId: sizeBytes === null ? null : `sha256:${name}`,
  sizeBytes,
  inspectSizeBytes: sizeBytes,
  compressedBytes: null,
  compressedSource: null,
  digest: null,
  platformDigest: null,
  durationMs: 1000,
  cachedSteps: 0,
  totalSteps: 0,
  thresholdBytes: 5e9,
  status,
  layers: []
})

export const report = (
  strategy: Report['strategy'],
  images: ImageReport[],
  uniqueBytes: number,
  durationMs: number,
  passed = true
): Report => ({
  schemaVersion: 1,
  tool: { name: 'nb-image-action', version: '0.1.0' },
  manifest: 'notebook-tiers.yaml',
  strategy,
  passed,
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  engine: { serverVersion: '26.1.5', buildxVersion: '0.13.1', imageStore: 'containerd' },
  thresholdBasis: 'uncompressed',
  pushed: false,
  publish: { requested: false, event: '', ref: '', version: null },
  images,
  tiers: {},
  totals: { uniqueBytes, sumBytes: uniqueBytes, durationMs }
})

// The bundled example's figures: a 1.57 GB shared image against 0.43/1.51/0.41 GB tiers.
export const shared = report(
  'shared',
  [img('shared', ['tier1', 'tier2', 'tier3'], 1_574_776_832)],
  1_574_776_832,
  96_000
)
export const perTier = report(
  'multi-stage',
  [
    img('tier1', ['tier1'], 429_600_000),
    img('tier2', ['tier2'], 1_506_800_000),
    img('tier3', ['tier3'], 412_300_000)
  ],
  1_582_379_008,
  129_000
)
