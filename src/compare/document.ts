// The comparison's document from what the pipeline measured: each option's figures
// (figures.ts), ADR-031's triggers (triggers.ts) and the recommendation
// (rules.ts), with where and when it was measured. Pure.
import type { TierNotebooks } from '../manifest/notebooks.js'
import type { Manifest } from '../manifest/types.js'
import { describeChange, type TierChangeSpec } from './tier-change.js'
import { optionResult, type OptionMeasurement } from './figures.js'
import { recommend } from './rules.js'
import { evaluateTriggers } from './triggers.js'
import type { AdrDocument, MeasuredOn } from './types.js'

/** What the document is made from. */
export interface DocumentInput {
  tool: AdrDocument['tool']
  manifest: Manifest
  /** The manifest as shown to users (relative to the workspace). */
  manifestFile: string
  notebooks: readonly TierNotebooks[]
  changes: ReadonlyMap<string, TierChangeSpec>
  measurements: readonly OptionMeasurement[]
  date: string
  commit: AdrDocument['commit']
  machine: MeasuredOn
}

/** The tier the triggers and rules weigh: the one marked timeCritical, else the first. */
export function criticalTier(manifest: Manifest): AdrDocument['criticalTier'] {
  const marked = manifest.tiers.find((tier) => tier.timeCritical)
  return { name: (marked ?? manifest.tiers[0])?.name ?? '', marked: marked !== undefined }
}

/** Assembles the document. */
export function adrDocument(input: DocumentInput): AdrDocument {
  const { manifest } = input
  const critical = criticalTier(manifest)
  const names = manifest.tiers.map((tier) => tier.name)
  const options = input.measurements.map((measurement) =>
    optionResult(measurement, names, critical.name)
  )
  return {
    schemaVersion: 1,
    tool: input.tool,
    manifest: input.manifestFile,
    date: input.date,
    commit: input.commit,
    machine: input.machine,
    tiers: manifest.tiers.map((tier) => ({
      name: tier.name,
      timeCritical: tier.timeCritical === true,
      notebooks: input.notebooks.find((entry) => entry.tier === tier.name)?.notebooks.length ?? 0,
      change: describeChange(input.changes.get(tier.name) ?? { kind: 'synthetic' })
    })),
    criticalTier: critical,
    options,
    triggers: evaluateTriggers({
      options,
      tierCount: manifest.tiers.length,
      criticalTier: critical
    }),
    recommendation: recommend(options, critical)
  }
}
