// Measured options and documents for the comparison's pure tests (rules, triggers,
// renderers): every figure given, so each test states only what it varies.
import type { OptionId } from '../../src/compare/options.js'
import { OPTION_TITLES } from '../../src/compare/options.js'
import type { AdrDocument, OptionResult, OptionTier } from '../../src/compare/types.js'

const GB = 1_000_000_000
const MB = 1_000_000

/** The three tiers of the example, each pulling `pull` bytes on a cold node. */
export function tiers(pull: number, cached = pull / 2, image?: string): OptionTier[] {
  return ['tier1', 'tier2', 'tier3'].map((tier) => ({
    tier,
    images: [image ?? tier],
    sizeBytes: pull * 2.5,
    pullColdBytes: pull,
    pullBaseCachedBytes: cached
  }))
}

/**
 * One measured option. A by default: one image of 1.5 GB, cold 120 s, warm 5 s, a one-tier
 * change of 100 s on every tier; per-tier options get three images.
 */
export function option(id: OptionId, fields: Partial<OptionResult> = {}): OptionResult {
  const shared = id === 'A'
  const names = shared ? ['shared'] : ['tier1', 'tier2', 'tier3']
  return {
    id,
    title: OPTION_TITLES[id],
    status: 'measured',
    maintenance: { dockerfiles: id === 'B' ? 3 : 1, stages: shared ? 2 : 4, images: names.length },
    coldMs: 120_000,
    warmMs: 5_000,
    changes: ['tier1', 'tier2', 'tier3'].map((tier) => ({
      tier,
      change: 'synthetic',
      ms: 100_000,
      rebuilt: [{ image: names[0] ?? '', ranSteps: 2, totalSteps: 6 }]
    })),
    changeMedianMs: 100_000,
    changeWorst: { tier: 'tier2', ms: 100_000 },
    images: names.map((name, index) => ({
      name,
      tiers: shared ? ['tier1', 'tier2', 'tier3'] : [`tier${index + 1}`],
      sizeBytes: shared ? 1.5 * GB : 500 * MB,
      compressedBytes: shared ? 600 * MB : 200 * MB,
      thresholdBytes: 5 * GB,
      status: 'ok'
    })),
    tiers: shared ? tiers(600 * MB, 300 * MB, 'shared') : tiers(200 * MB),
    uniqueBytes: shared ? 1.5 * GB : 1.2 * GB,
    drift: { measured: true, packages: [] },
    criticalTier: { coldMs: shared ? 120_000 : 40_000, changeMs: shared ? 100_000 : 20_000 },
    overBudget: [],
    reportFiles: [`nb-image-report-${id.toLowerCase()}.json`],
    ...fields
  }
}

/** A document around `options`, recommendation and triggers as given. */
export function adrDocumentOf(
  options: OptionResult[],
  fields: Partial<AdrDocument> = {}
): AdrDocument {
  return {
    schemaVersion: 1,
    tool: { name: 'nb-image-action', version: '0.1.0' },
    manifest: 'examples/notebook-tiers.yaml',
    date: '2026-11-26T16:00:00.000Z',
    commit: { sha: '0123456789abcdef0123456789abcdef01234567', dirty: false },
    machine: {
      cpus: 2,
      memoryBytes: 25_276_502_016,
      os: 'Debian GNU/Linux 13 (trixie)',
      engine: '26.1.5+dfsg1',
      buildx: '0.13.1',
      imageStore: 'containerd',
      loadAverage: { start: 2.5, end: 3.25 }
    },
    tiers: ['tier1', 'tier2', 'tier3'].map((name) => ({
      name,
      timeCritical: false,
      notebooks: 0,
      change: 'synthetic'
    })),
    criticalTier: { name: 'tier1', marked: false },
    options,
    triggers: [],
    recommendation: { option: 'A', rule: 'default', reasons: [], wouldChange: [] },
    ...fields
  }
}
