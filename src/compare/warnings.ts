// What a scheduled comparison should flag: each of ADR-031's triggers that fired, and a
// recommendation that is not what the manifest builds today. Pure.
import type { Manifest } from '../manifest/types.js'
import { OPTION_TITLES } from './options.js'
import type { AdrDocument } from './types.js'

/** One warning, with the manifest line it belongs on when there is one. */
export interface ComparisonWarning {
  title: string
  message: string
  line?: number
}

/** The warnings of a comparison of `manifest`. */
export function comparisonWarnings(document: AdrDocument, manifest: Manifest): ComparisonWarning[] {
  const warnings: ComparisonWarning[] = document.triggers
    .filter((trigger) => trigger.status === 'fired')
    .map((trigger) => {
      const line =
        trigger.id === 'time-critical'
          ? manifest.positions[`tiers.${document.criticalTier.name}.timeCritical`]?.line
          : trigger.id === 'tier-count'
            ? manifest.positions['tiers']?.line
            : undefined
      return {
        title: 'ADR-031 trigger fired',
        message: `${trigger.title}: ${trigger.value}. ${trigger.detail}`,
        ...(line !== undefined ? { line } : {})
      }
    })
  const current = (manifest.strategy ?? 'shared') === 'shared' ? 'A' : 'D'
  const { option } = document.recommendation
  if (option !== null && option !== current) {
    const line = manifest.positions['strategy']?.line
    warnings.push({
      title: 'ADR-031 recommendation differs',
      message: `The figures recommend option ${option} (${OPTION_TITLES[option]}); the manifest builds option ${current} (strategy: ${manifest.strategy ?? 'shared'}). ${document.recommendation.reasons[0] ?? ''}`,
      ...(line !== undefined ? { line } : {})
    })
  }
  return warnings
}
