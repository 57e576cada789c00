// The comparison for a terminal: the options table, each tier's pulls, the triggers and the
// recommendation, as aligned plain text (`nb-image compare`, the default format).
import { OPTION_TITLES } from './options.js'
import type { AdrDocument } from './types.js'
import {
  budgetCell,
  changeCell,
  commitText,
  driftCell,
  duration,
  machineText,
  maintenanceCell,
  pullCell,
  size,
  sizeRangeCell,
  statusNote,
  triggerStatus
} from './cells.js'
import { textTable } from '../render/table.js'

/** The comparison as aligned plain text. */
export function renderAdrText(document: AdrDocument): string {
  const measured = document.options.filter((option) => option.status !== 'planned')
  const options = textTable(
    [
      'Option',
      'Maintenance',
      'Cold',
      'Warm',
      'Change median / worst',
      'Image size',
      'Pull cold / base cached',
      'Disk',
      'Drift',
      'Budget'
    ],
    document.options.map((option) => {
      const note = statusNote(option)
      const name = `${option.id} ${OPTION_TITLES[option.id]}`
      if (option.status === 'planned')
        return [name, maintenanceCell(option), '–', '–', '–', '–', '–', '–', '–', 'not built']
      return [
        name,
        maintenanceCell(option),
        duration(option.coldMs),
        duration(option.warmMs),
        changeCell(option),
        sizeRangeCell(option),
        pullCell(option),
        size(option.uniqueBytes),
        driftCell(option),
        note ?? budgetCell(option)
      ]
    }),
    (column) => column >= 2 && column <= 7
  )
  const tiers = textTable(
    ['Tier', ...measured.map((option) => `${option.id}: size, pull cold / base cached`)],
    document.tiers.map(({ name }) => [
      name,
      ...measured.map((option) => {
        const tier = option.tiers.find((entry) => entry.tier === name)
        return tier === undefined || tier.images.length === 0
          ? '–'
          : `${size(tier.sizeBytes)}, ${size(tier.pullColdBytes)} / ${size(tier.pullBaseCachedBytes)}`
      })
    ]),
    (column) => column > 0
  )
  const changes = textTable(
    ['Change', ...measured.map((option) => option.id)],
    document.tiers.map((tier) => [
      `${tier.name} (${tier.change})`,
      ...measured.map((option) => {
        const change = option.changes.find((entry) => entry.tier === tier.name)
        return change?.error !== undefined ? 'failed' : duration(change?.ms ?? null)
      })
    ]),
    (column) => column > 0
  )
  const triggers = textTable(
    ['Trigger', 'Status', 'Measured'],
    document.triggers.map((trigger) => [trigger.title, triggerStatus(trigger), trigger.value]),
    () => false
  )
  const { recommendation: answer } = document
  return `${[
    `ADR-031 options, measured on ${document.manifest}: ${document.date.slice(0, 10)}, commit ${commitText(document.commit)}`,
    machineText(document.machine),
    '',
    ...options,
    ...document.options.flatMap((option) =>
      option.status === 'planned' ? [`${option.id}: ${statusNote(option) ?? ''}`] : []
    ),
    '',
    ...tiers,
    '',
    ...changes,
    '',
    ...triggers,
    '',
    answer.option === null
      ? 'Recommendation: none of the measured options fits its budgets'
      : `Recommendation: ${answer.option} (${OPTION_TITLES[answer.option]}), by rule ${answer.rule}`,
    ...answer.reasons.map((reason) => `* ${reason}`),
    'What would change it:',
    ...answer.wouldChange.map((line) => `* ${line}`)
  ].join('\n')}\n`
}
