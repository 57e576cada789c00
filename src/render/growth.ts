// How a growth check (report/growth.ts) reads in the summary, the comment and the command
// line: the growth against the baseline and the limit it is held to, with a mark.
import type { GrowthCheck, GrowthPolicy, Report } from '../report/types.js'
import { limitText } from '../report/verdict.js'
import { formatPercentChange, formatSizeChange } from './format.js'

/** Whether any image of the report has a growth limit: then the tables get a Growth column. */
export function hasGrowth(report: Pick<Report, 'images'>): boolean {
  return report.images.some((image) => image.growth !== undefined)
}

/**
 * `+1.2 MB (+12.3%) of max 10% ❌`: the growth against the baseline, the limit it is held to,
 * and ✅ within it, ❌ over it (growth-policy fail) or ⚠️ over it (warn); `max 10%, not
 * checked` without a baseline size to compare with; `–` without a limit.
 */
export function growthCell(
  growth: GrowthCheck | undefined,
  policy: GrowthPolicy | undefined
): string {
  if (!growth) return '–'
  const limit = `max ${limitText(growth)}`
  if (growth.deltaBytes === null || growth.baseBytes === null) return `${limit}, not checked`
  const percent = formatPercentChange(growth.deltaBytes, growth.baseBytes)
  const change = `${formatSizeChange(growth.deltaBytes)}${percent ? ` (${percent})` : ''}`
  const mark = !growth.exceeded ? '✅' : policy === 'warn' ? '⚠️' : '❌'
  return `${change} of ${limit} ${mark}`
}

/** The count of images over their growth limit, for headlines. */
export function overGrowth(report: Pick<Report, 'images'>): number {
  return report.images.filter((image) => image.growth?.exceeded).length
}
