// ADR-031's "when to reconsider", evaluated on the measured figures. Pure.
import { formatDuration, formatSize } from '../render/format.js'
import type { OptionResult, Trigger } from './types.js'

/** ADR-031's scale trigger: "if we have 10+ notebook tiers". */
export const TIER_COUNT_TRIGGER = 10

/** What the triggers are evaluated on. */
export interface TriggerInput {
  options: readonly OptionResult[]
  tierCount: number
  criticalTier: { name: string; marked: boolean }
}

/** The four triggers, in ADR-031's order. */
export function evaluateTriggers(input: TriggerInput): Trigger[] {
  return [sizeBudget(input), tierCount(input), timeCritical(input), operatorTarget()]
}

const measured = (options: readonly OptionResult[]): OptionResult[] =>
  options.filter((option) => option.status !== 'planned')

/** "If image size exceeds 5GB": every image against its own budget (5 GB unless set). */
function sizeBudget({ options }: TriggerInput): Trigger {
  const largest = measured(options).flatMap((option) => {
    const sized = option.images.filter((image) => image.sizeBytes !== null)
    const top = sized.reduce<(typeof sized)[number] | undefined>(
      (max, image) =>
        max === undefined ||
        (image.sizeBytes ?? 0) / image.thresholdBytes > (max.sizeBytes ?? 0) / max.thresholdBytes
          ? image
          : max,
      undefined
    )
    return top ? [{ option: option.id, image: top }] : []
  })
  const over = measured(options).flatMap((option) =>
    option.overBudget.map((entry) => ({ option: option.id, ...entry }))
  )
  const value =
    largest
      .map(
        ({ option, image }) =>
          `${option} ${image.name} ${formatSize(image.sizeBytes ?? 0)} of ${formatSize(image.thresholdBytes)} (${Math.round(((image.sizeBytes ?? 0) / image.thresholdBytes) * 100)}%)`
      )
      .join('; ') || 'not measured'
  return {
    id: 'size-budget',
    title: 'An image exceeds its size budget (5 GB unless set)',
    status: over.length > 0 ? 'fired' : 'clear',
    value,
    detail:
      over.length > 0
        ? `Over budget: ${over.map((entry) => `${entry.option} ${entry.image} ${formatSize(entry.sizeBytes)} > ${formatSize(entry.thresholdBytes)}`).join('; ')}. An option with an image over its budget is not recommended.`
        : largest.length > 0
          ? 'Every measured image is within its budget; the largest of each option is shown.'
          : 'No image was measured.'
  }
}

/** "If we have 10+ notebook tiers". */
function tierCount({ tierCount: count }: TriggerInput): Trigger {
  return {
    id: 'tier-count',
    title: `${TIER_COUNT_TRIGGER} or more notebook tiers`,
    status: count >= TIER_COUNT_TRIGGER ? 'fired' : 'clear',
    value: `${count} of ${TIER_COUNT_TRIGGER}`,
    detail:
      count >= TIER_COUNT_TRIGGER
        ? `${count} tiers: per-tier options multiply Dockerfiles (B) or targets (D), and the shared image (A) carries every tier's packages; the table's maintenance and pull figures say by how much.`
        : `${count} tier${count === 1 ? '' : 's'}: below ADR-031's scale trigger.`
  }
}

/** "If Tier 1 validation becomes time-critical": the time to that tier's image under each option. */
function timeCritical({ options, criticalTier }: TriggerInput): Trigger {
  const times = measured(options).map((option) => {
    const { coldMs, changeMs } = option.criticalTier
    return `${option.id} ${coldMs === null ? '–' : formatDuration(coldMs)} cold, ${changeMs === null ? '–' : formatDuration(changeMs)} after a change to it`
  })
  return {
    id: 'time-critical',
    title: `Validation of ${criticalTier.name} becomes time-critical`,
    status: criticalTier.marked ? 'fired' : 'clear',
    value: times.join('; ') || 'not measured',
    detail: criticalTier.marked
      ? `${criticalTier.name} is marked timeCritical in the manifest: the rules weigh its time to a built image first. (The operator's own run time comes on top, the same under every option.)`
      : `No tier is marked timeCritical; ${criticalTier.name}, the first tier, is shown. Mark one with timeCritical: true to have the rules weigh it first.`
  }
}

/** "If operator adds multi-stage build support (--target flag)". */
function operatorTarget(): Trigger {
  return {
    id: 'operator-target',
    title: 'The operator supports multi-stage builds (--target)',
    status: 'not-needed',
    value: 'not needed',
    detail:
      "The Jupyter Notebook Validator Operator runs the images it is given: the NotebookValidationJobs this action writes name a pre-built image pinned by digest (podConfig.containerImage) with buildConfig.enabled: false. When this action builds and publishes the images, D's per-tier images need no --target support from the operator; it would matter only if the operator built the images itself."
  }
}
