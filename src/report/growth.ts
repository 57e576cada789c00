// Growth budgets (`max-growth`, `maxGrowth`): how much each image grew against the baseline
// report, set against its limit, and what that does to the verdict (`growth-policy`). Pure:
// the report, the plan's limits and the baseline in; the report with each image's growth out.
import type { GrowthLimit, ImagePlan } from '../plan/types.js'
import { limitBytes } from '../utils/size.js'
import { compareReports, type ImageComparison } from './base-comparison.js'
import type { GrowthCheck, GrowthLimitReport, GrowthPolicy, ImageReport, Report } from './types.js'
import { budgetedSize } from './verdict.js'

/**
 * Each image with a growth limit gets its growth against `base` (matched as the pull-request
 * comparison matches images: by name, else by the tiers it serves), measured on the budgets'
 * basis. With `fail`, an image over its limit fails the run; with `warn` it is only said.
 * Without a baseline (or for a new image) the limit is recorded, unchecked, with why.
 */
export function applyGrowth(
  report: Report,
  images: readonly Pick<ImagePlan, 'name' | 'maxGrowth'>[],
  base: Report | undefined,
  policy: GrowthPolicy,
  noBaseline = 'no baseline report to compare with'
): Report {
  const limits = new Map(
    images.flatMap((image) => (image.maxGrowth ? [[image.name, image.maxGrowth]] : []))
  )
  if (limits.size === 0) return report
  const rows = base ? compareReports(report, base).rows : []
  const checked = report.images.map((image): ImageReport => {
    const own = limits.get(image.name)
    if (!own) return image
    const row = rows.find((candidate) => candidate.head?.name === image.name)
    return { ...image, growth: growthOf(image, own, base ? row : undefined, report, noBaseline) }
  })
  const exceeded = checked.some((image) => image.growth?.exceeded)
  return {
    ...report,
    images: checked,
    growthPolicy: policy,
    passed: report.passed && !(policy === 'fail' && exceeded)
  }
}

function growthOf(
  image: ImageReport,
  limits: GrowthLimit[],
  row: ImageComparison | undefined,
  report: Report,
  noBaseline: string
): GrowthCheck {
  const recorded: GrowthLimitReport[] = limits.map(({ limit, source }) => ({ ...limit, source }))
  const unchecked = (why: string): GrowthCheck => ({
    limits: recorded,
    baseBytes: null,
    deltaBytes: null,
    limitBytes: null,
    exceeded: false,
    unchecked: why
  })
  const head = budgetedSize(image, report.thresholdBasis)
  if (head === null) return unchecked('not measured')
  if (!row) return unchecked(noBaseline)
  if (row.change === 'new') return unchecked('a new image: nothing to compare with')
  if (row.change === 'regrouped') {
    return unchecked(`its tiers were served by ${row.baseCandidates.length} images on the base`)
  }
  const baseBytes = row.base ? budgetedSize(row.base, report.thresholdBasis) : null
  if (baseBytes === null) {
    return unchecked(`the baseline image has no ${report.thresholdBasis} size`)
  }
  const allowed = Math.min(...limits.map(({ limit }) => limitBytes(limit, baseBytes)))
  const deltaBytes = head - baseBytes
  return {
    limits: recorded,
    baseBytes,
    deltaBytes,
    limitBytes: allowed,
    exceeded: deltaBytes > allowed
  }
}
