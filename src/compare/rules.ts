// The recommendation: which option the measured figures favour, by rules the README states
// ("Comparing the options"), tried in this order:
//
//   1. budget         an option with an image over its budget, or a failed build, is out
//   2. time-critical  when a tier is marked timeCritical, the option that gives it its image
//                     sooner after a change to it wins, unless the two are within 10%
//   3. guard          the per-tier option is not chosen by rules 4-5 if its cold build takes
//                     more than 1.5x A's, or its images hold different versions of a package
//   4. one-tier change  the per-tier option wins if its median one-tier change takes at
//                     most 0.5x A's
//   5. pull           the per-tier option wins if a tier's pod pulls at most 0.7x A's bytes
//                     (mean over tiers, cold node)
//   6. default        otherwise A: one image, one Dockerfile, no drift possible (ADR-031)
//
// "The per-tier option" is the measured one of B, C and D with the fastest median one-tier
// change (cold build when no change was measured); within 10% of it, the one with fewer
// Dockerfiles. Pure: figures in, the answer and its reasons (in words, with the figures) out.
import type { OptionId } from './options.js'
import { formatDuration, formatSize } from '../render/format.js'
import type { OptionResult, Recommendation, RuleId } from './types.js'

/** The bounds of the rules above. */
export const RULE_BOUNDS = {
  /** Two figures within this share of each other count as a tie. */
  close: 0.1,
  /** Rule 4: the per-tier option's median one-tier change, at most this times A's. */
  change: 0.5,
  /** Rule 5: its mean pull per pod, at most this times A's. */
  pull: 0.7,
  /** Rule 3: its cold build, at most this times A's. */
  cold: 1.5
} as const

/** Ties among per-tier options go to fewer Dockerfiles, then to this order. */
const PER_TIER: readonly OptionId[] = ['D', 'B', 'C']

const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`
const ms = (value: number | null): string => (value === null ? '–' : formatDuration(value))

/** The mean pull per pod over the tiers the option serves (cold node); null when unmeasured. */
export function meanPull(option: OptionResult): number | null {
  const pulls = option.tiers.flatMap((tier) =>
    tier.pullColdBytes === null ? [] : [tier.pullColdBytes]
  )
  return pulls.length === 0 ? null : pulls.reduce((a, b) => a + b, 0) / pulls.length
}

/** The option the rules pick from the measured options. */
export function recommend(
  options: readonly OptionResult[],
  critical: { name: string; marked: boolean }
): Recommendation {
  const measured = options.filter((option) => option.status !== 'planned')
  const out = measured.filter(
    (option) => option.status === 'failed' || option.overBudget.length > 0
  )
  const fits = measured.filter((option) => !out.includes(option))
  const excluded = out.map(whyOut)
  const a = fits.find((option) => option.id === 'A')
  const p = perTierChoice(fits)
  if (!a && !p.option) {
    return {
      option: null,
      rule: 'budget',
      reasons: excluded.length > 0 ? excluded : ['No option was measured.'],
      wouldChange: out.map(
        (option) =>
          `${option.id} would be considered once ${option.status === 'failed' ? 'its builds succeed' : `its images fit their budgets (${option.overBudget.map((o) => `${o.image} is ${formatSize(o.sizeBytes - o.thresholdBytes)} over`).join(', ')})`}.`
      )
    }
  }
  if (!p.option || !a) {
    const only = (p.option ?? a) as OptionResult
    const missing = !a ? 'A' : 'no per-tier option'
    const reason =
      excluded.length > 0
        ? excluded
        : [
            `${missing === 'A' ? 'A was' : 'No per-tier option (B, C, D) was'} not measured (options).`
          ]
    return {
      option: only.id,
      rule: excluded.length > 0 ? 'budget' : 'default',
      reasons: [...reason, ...p.why],
      wouldChange: [
        `Measure ${missing === 'A' ? 'A' : 'D'} too (options) to have the rules weigh it against ${only.id}.`,
        ...(excluded.length > 0
          ? [`${out.map((o) => o.id).join(', ')} would be weighed once within budget.`]
          : [])
      ]
    }
  }
  return weigh(a, p.option, p.why, critical, excluded)
}

function whyOut(option: OptionResult): string {
  return option.status === 'failed'
    ? `${option.id} is out: ${option.note ?? 'a build failed'}.`
    : `${option.id} is out: ${option.overBudget.map((o) => `${o.image} is ${formatSize(o.sizeBytes)}, over its ${formatSize(o.thresholdBytes)} budget`).join('; ')}.`
}

/** Rules 2 to 6, between A and the per-tier option `p`. */
function weigh(
  a: OptionResult,
  p: OptionResult,
  pick: string[],
  critical: { name: string; marked: boolean },
  excluded: string[]
): Recommendation {
  const P = p.id
  const answer = (
    option: OptionId,
    rule: RuleId,
    reasons: string[],
    wouldChange: string[]
  ): Recommendation => ({
    option,
    rule,
    reasons: [...reasons, ...pick, ...excluded],
    wouldChange
  })
  const aMean = meanPull(a)
  const pMean = meanPull(p)
  const changeLine = (): string | null =>
    a.changeMedianMs !== null && p.changeMedianMs !== null
      ? `One-tier change (median over tiers, rebuilt warm): ${P} ${ms(p.changeMedianMs)}${p.changeWorst ? ` (worst ${ms(p.changeWorst.ms)}, ${p.changeWorst.tier})` : ''} against A ${ms(a.changeMedianMs)}${a.changeWorst ? ` (worst ${ms(a.changeWorst.ms)})` : ''}: ${ratio(p.changeMedianMs, a.changeMedianMs)}; rule 4 asks for at most ${RULE_BOUNDS.change}×.`
      : null
  const pullLine = (): string | null =>
    aMean !== null && pMean !== null
      ? `Pull per pod (mean over tiers, cold node): ${P} ${formatSize(pMean)} against A ${formatSize(aMean)}: ${ratio(pMean, aMean)}; rule 5 asks for at most ${RULE_BOUNDS.pull}×.`
      : null
  const coldLine = (): string | null =>
    a.coldMs !== null && p.coldMs !== null
      ? `Cold build: ${P} ${ms(p.coldMs)} against A ${ms(a.coldMs)}: ${ratio(p.coldMs, a.coldMs)}; the guard allows up to ${RULE_BOUNDS.cold}×.`
      : null
  const lines = (...items: (string | null)[]): string[] =>
    items.filter((item): item is string => item !== null)

  // Rule 2: the time-critical tier.
  if (critical.marked) {
    const tA = a.criticalTier.changeMs ?? a.criticalTier.coldMs
    const tP = p.criticalTier.changeMs ?? p.criticalTier.coldMs
    const which = a.criticalTier.changeMs !== null ? 'after a change to it' : 'cold'
    if (tA !== null && tP !== null) {
      const line = `${critical.name} is time-critical: it gets its image ${ms(tP)} ${which} with ${P} against ${ms(tA)} with A (${ratio(tP, tA)}).`
      if (tP <= (1 - RULE_BOUNDS.close) * tA) {
        return answer(P, 'time-critical', lines(line, changeLine(), pullLine()), [
          `A, if it gave ${critical.name} its image within 10% of ${P}'s time (${ms(tP / (1 - RULE_BOUNDS.close))} or less); rules 3 to 6 would then decide.`,
          `${P} is out if one of its images exceeds its budget.`
        ])
      }
      if (tA <= (1 - RULE_BOUNDS.close) * tP) {
        return answer('A', 'time-critical', lines(line, changeLine(), pullLine()), [
          `${P}, if it gave ${critical.name} its image within 10% of A's time (${ms(tA / (1 - RULE_BOUNDS.close))} or less); rules 3 to 6 would then decide.`
        ])
      }
    }
  }
  // Rule 3: the guard.
  const coldTooSlow =
    a.coldMs !== null && p.coldMs !== null && p.coldMs > RULE_BOUNDS.cold * a.coldMs
  const drifting = p.drift.measured && p.drift.packages.length > 0
  if (coldTooSlow || drifting) {
    const driftLine = drifting
      ? `Version drift: ${p.drift.packages.length} package${p.drift.packages.length === 1 ? '' : 's'} at different versions across ${P}'s images (${p.drift.packages
          .slice(0, 3)
          .map((d) => d.name)
          .join(
            ', '
          )}${p.drift.packages.length > 3 ? ', …' : ''}), which one image (A) cannot have.`
      : null
    return answer(
      'A',
      'guard',
      lines(coldTooSlow ? coldLine() : null, driftLine, changeLine(), pullLine()),
      [
        ...(coldTooSlow
          ? [
              `${P}, if its cold build took at most ${RULE_BOUNDS.cold}× A's (${ms(RULE_BOUNDS.cold * (a.coldMs ?? 0))}) and rule 4 or 5 held.`
            ]
          : []),
        ...(drifting
          ? [
              `${P}, once its images agree on every package version (one resolution for every tier).`
            ]
          : [])
      ]
    )
  }
  const driftNote = p.drift.measured
    ? `Version drift: none between ${P}'s images.`
    : `Version drift: not measured (no package inventory in the reports).`
  const changeHolds =
    a.changeMedianMs !== null &&
    p.changeMedianMs !== null &&
    p.changeMedianMs <= RULE_BOUNDS.change * a.changeMedianMs
  const pullHolds = aMean !== null && pMean !== null && pMean <= RULE_BOUNDS.pull * aMean
  const backTo = [
    `A, if ${P}'s median one-tier change exceeded ${a.changeMedianMs === null ? '–' : ms(RULE_BOUNDS.change * a.changeMedianMs)} (${RULE_BOUNDS.change}× A's) and its pods pulled more than ${aMean === null ? '–' : formatSize(RULE_BOUNDS.pull * aMean)} (${RULE_BOUNDS.pull}× A's).`,
    `A, if ${P}'s cold build exceeded ${a.coldMs === null ? '–' : ms(RULE_BOUNDS.cold * a.coldMs)} (${RULE_BOUNDS.cold}× A's), or its images drifted to different package versions.`,
    `${P} is out if one of its images exceeds its budget.`
  ]
  if (changeHolds)
    return answer(
      P,
      'one-tier-change',
      lines(changeLine(), pullLine(), coldLine(), driftNote),
      backTo
    )
  if (pullHolds)
    return answer(P, 'pull', lines(pullLine(), changeLine(), coldLine(), driftNote), backTo)
  return answer('A', 'default', lines(changeLine(), pullLine(), coldLine()), [
    `${P}, if its median one-tier change fell to ${a.changeMedianMs === null ? '–' : ms(RULE_BOUNDS.change * a.changeMedianMs)} or less (${RULE_BOUNDS.change}× A's), or its pods pulled ${aMean === null ? '–' : formatSize(RULE_BOUNDS.pull * aMean)} or less on average (${RULE_BOUNDS.pull}× A's).`,
    ...(critical.marked
      ? []
      : ['Marking a tier timeCritical puts its time to an image first (rule 2).'])
  ])
}

/** The per-tier option to weigh against A, and a sentence on why it over the others. */
function perTierChoice(fits: readonly OptionResult[]): { option?: OptionResult; why: string[] } {
  const key = (option: OptionResult): number => option.changeMedianMs ?? option.coldMs ?? Infinity
  const candidates = fits.filter((option) => option.id !== 'A').sort((x, y) => key(x) - key(y))
  const fastest = candidates[0]
  if (!fastest) return { why: [] }
  const tied = candidates.filter((option) => key(option) <= (1 + RULE_BOUNDS.close) * key(fastest))
  const chosen = [...tied].sort(
    (x, y) =>
      x.maintenance.dockerfiles - y.maintenance.dockerfiles ||
      PER_TIER.indexOf(x.id) - PER_TIER.indexOf(y.id)
  )[0] as OptionResult
  const others = candidates.filter((option) => option !== chosen)
  if (others.length === 0) return { option: chosen, why: [] }
  const figure = chosen.changeMedianMs !== null ? 'median one-tier change' : 'cold build'
  return {
    option: chosen,
    why: [
      `${chosen.id} stands for the per-tier options: ${figure} ${ms(key(chosen))} against ${others.map((o) => `${o.id} ${ms(key(o))}`).join(', ')}${tied.length > 1 ? `; within 10%, the fewest Dockerfiles (${chosen.maintenance.dockerfiles})` : ''}.`
    ]
  }
}
