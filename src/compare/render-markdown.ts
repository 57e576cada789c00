// The comparison as an ADR section in GitHub Markdown: ADR-031's options table with measured
// values instead of its estimates, each tier's size and pulls, the one-tier changes, the
// triggers, the recommendation with its reasons, the charts, and how it was measured (date,
// commit, machine). The same text goes to the job summary, the `adr` output and its file.
import { OPTION_TITLES } from './options.js'
import { RULE_BOUNDS } from './rules.js'
import type { AdrDocument, OptionResult, Trigger } from './types.js'
import { buildTimeChart, pullChart } from './charts.js'
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
import { code, escapeMarkdown } from '../render/markdown.js'

/** Where the README explains the rules; linked from the recommendation. */
const RULES_LINK = 'https://github.com/org/nb-image-action#comparing-the-options-adr-031-measured'

const RULE_NAMES: Record<AdrDocument['recommendation']['rule'], string> = {
  budget: 'rule 1 (budget)',
  'time-critical': 'rule 2 (the time-critical tier)',
  guard: 'rule 3 (guard)',
  'one-tier-change': 'rule 4 (the one-tier change)',
  pull: 'rule 5 (pull per pod)',
  default: 'rule 6 (default: one shared image)'
}

const TRIGGER_ICONS: Record<Trigger['status'], string> = {
  fired: '⚠️',
  clear: '✅',
  'not-needed': '➖'
}

/** The ADR section. */
export function renderAdrMarkdown(document: AdrDocument): string {
  const out: string[] = [
    '## ADR-031 options, measured',
    '',
    `Measured by ${document.tool.name} ${document.tool.version} on ${escapeMarkdown(document.manifest)} (${document.tiers.length} tier${document.tiers.length === 1 ? '' : 's'}).`,
    '',
    `**Date**: ${document.date.slice(0, 10)} · **Commit**: ${code(commitText(document.commit))} · **Machine**: ${escapeMarkdown(machineText(document.machine))}`,
    '',
    ...optionsTable(document),
    '',
    ...tiersTable(document),
    '',
    ...changesTable(document),
    '',
    ...triggers(document.triggers),
    '',
    ...recommendation(document),
    '',
    ...charts(document),
    ...method(document)
  ]
  return `${out.join('\n')}\n`
}

function optionsTable(document: AdrDocument): string[] {
  const rows = document.options.map((option) => {
    const title = `**${option.id}** ${escapeMarkdown(option.title)}`
    const note = statusNote(option)
    if (note !== undefined && option.status === 'planned') {
      return `| ${title} | ${maintenanceCell(option)} | ${escapeMarkdown(note)} | | | | | | | |`
    }
    return `| ${title} | ${maintenanceCell(option)} | ${duration(option.coldMs)} | ${duration(option.warmMs)} | ${changeCell(option)} | ${sizeRangeCell(option)} | ${pullCell(option)} | ${size(option.uniqueBytes)} | ${driftCell(option)} | ${note !== undefined ? escapeMarkdown(note) : budgetCell(option)} |`
  })
  return [
    '### Options',
    '',
    '| Option | Maintenance | Build time, cold | Warm, no change | One-tier change: median / worst | Image size | Pull per pod: cold node / base cached | Disk, all images | Version drift | Budget |',
    '|---|---|--:|--:|--:|--:|--:|--:|---|---|',
    ...rows
  ]
}

function measuredOptions(document: AdrDocument): OptionResult[] {
  return document.options.filter((option) => option.status !== 'planned')
}

function tiersTable(document: AdrDocument): string[] {
  const rows = document.tiers.flatMap(({ name }) =>
    measuredOptions(document).map((option, index) => {
      const tier = option.tiers.find((entry) => entry.tier === name)
      const images = tier?.images ?? []
      const shown =
        images.length === 0
          ? 'none'
          : `${code(images[0] ?? '')}${images.length > 1 ? ` (+${images.length - 1} alike)` : ''}`
      return `| ${index === 0 ? code(name) : ''} | ${option.id} | ${shown} | ${size(tier?.sizeBytes ?? null)} | ${size(tier?.pullColdBytes ?? null)} | ${size(tier?.pullBaseCachedBytes ?? null)} |`
    })
  )
  return [
    '### Each tier: its image and what its pod pulls',
    '',
    '| Tier | Option | Image | Size | Pull, cold node | Pull, base layers cached |',
    '|---|---|---|--:|--:|--:|',
    ...rows
  ]
}

function changesTable(document: AdrDocument): string[] {
  const options = measuredOptions(document)
  const header = `| Tier | Change | ${options.map((o) => o.id).join(' | ')} |`
  const rows = document.tiers.map(
    (tier) =>
      `| ${code(tier.name)} | ${escapeMarkdown(tier.change)} | ${options
        .map((option) => {
          const change = option.changes.find((entry) => entry.tier === tier.name)
          return change?.error !== undefined ? 'failed' : duration(change?.ms ?? null)
        })
        .join(' | ')} |`
  )
  const ran = options.flatMap((option) =>
    option.changes.map(
      (change) =>
        `- ${option.id}, ${escapeMarkdown(change.tier)}: ${change.error !== undefined ? `failed: ${escapeMarkdown(change.error)}` : change.rebuilt.length === 0 ? 'nothing re-ran' : change.rebuilt.map((r) => `${escapeMarkdown(r.image)} ${r.ranSteps} of ${r.totalSteps} steps`).join(', ')}`
    )
  )
  return [
    '### One-tier changes, rebuilt warm',
    '',
    header,
    `|---|---|${options.map(() => '--:|').join('')}`,
    ...rows,
    `| **median** | | ${options.map((o) => duration(o.changeMedianMs)).join(' | ')} |`,
    `| **worst** | | ${options.map((o) => duration(o.changeWorst?.ms ?? null)).join(' | ')} |`,
    '',
    '<details><summary>What each change re-ran (steps not taken from the build cache)</summary>',
    '',
    ...ran,
    '',
    '</details>'
  ]
}

function triggers(list: readonly Trigger[]): string[] {
  return [
    "### ADR-031's triggers (when to reconsider)",
    '',
    '| Trigger | Status | Measured |',
    '|---|---|---|',
    ...list.map(
      (trigger) =>
        `| ${escapeMarkdown(trigger.title)} | ${TRIGGER_ICONS[trigger.status]} ${triggerStatus(trigger)} | ${escapeMarkdown(trigger.value)} |`
    ),
    '',
    ...list.map(
      (trigger) => `- **${escapeMarkdown(trigger.title)}**: ${escapeMarkdown(trigger.detail)}`
    )
  ]
}

function recommendation(document: AdrDocument): string[] {
  const { recommendation: answer } = document
  const heading =
    answer.option === null
      ? '### Recommendation: none of the measured options fits its budgets'
      : `### Recommendation: option ${answer.option}, ${escapeMarkdown(OPTION_TITLES[answer.option])}`
  return [
    heading,
    '',
    `Decided by ${RULE_NAMES[answer.rule]} of [the rules](${RULES_LINK}) (bounds: one-tier change ≤ ${RULE_BOUNDS.change}× A's, pull ≤ ${RULE_BOUNDS.pull}× A's, cold build ≤ ${RULE_BOUNDS.cold}× A's, ties within ${RULE_BOUNDS.close * 100}%).`,
    '',
    ...answer.reasons.map((reason) => `- ${escapeMarkdown(reason)}`),
    '',
    '**What would change it**',
    '',
    ...answer.wouldChange.map((line) => `- ${escapeMarkdown(line)}`)
  ]
}

function charts(document: AdrDocument): string[] {
  const blocks = [
    buildTimeChart(document),
    pullChart(document, 'pullColdBytes'),
    pullChart(document, 'pullBaseCachedBytes')
  ].filter((block): block is string => block !== undefined)
  return blocks.length === 0 ? [] : ['### Charts', '', ...blocks.flatMap((block) => [block, ''])]
}

function method(document: AdrDocument): string[] {
  const synthetic = document.tiers.some((tier) => tier.change === 'synthetic')
  return [
    '<details><summary>How these figures were measured</summary>',
    '',
    '- **Build time, cold**: every build of the option without the build cache (`--no-cache`), one after another; A and D are one BuildKit session each, B and C one build per Dockerfile. The generated Dockerfile keeps downloaded packages in a cache mount, which no-cache builds keep.',
    "- **Warm, no change**: the same builds again, from the option's own cache.",
    `- **One-tier change**: one package added to each tier in turn, every build of the option rebuilt from its cache; the median and the worst over tiers.${synthetic ? " A *synthetic* change re-runs every step that installs the tier's packages (its download and install steps, and the shared image's install under A) without adding a package, as adding one small package would; a real package adds its own download and install time on top (give one with `change-package`)." : ''}`,
    "- **Image size**: uncompressed, the sum of the image's layers. **Pull per pod**: the compressed config and layers the engine holds for the image (what a push uploads and a pull downloads); on a node holding the base layers (the base image and the base packages, as another image of the same option has them), only the layers whose digests differ.",
    '- **Disk, all images**: every image of the option, shared layers counted once. **Maintenance**: the Dockerfiles the option is built from and the image stages they hold (the generated helper stages aside).',
    `- **Time to ${escapeMarkdown(document.criticalTier.name)}'s image**: from the start of the option's builds until the image serving it was exported.`,
    '- Timings depend on the machine and its load: compare the options with each other, not with another machine.',
    '',
    '</details>'
  ]
}
