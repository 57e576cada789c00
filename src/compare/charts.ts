// The comparison's charts as Mermaid `xychart-beta` blocks, which GitHub renders in job
// summaries, comments and Markdown files. One bar series per chart: several `bar` lines
// overlap instead of standing side by side in the Mermaid versions GitHub has shipped, so
// each bar is one (option, figure) or (tier, option) pair on the x axis.
import type { AdrDocument, OptionResult } from './types.js'

/**
 * A label as xychart-beta reads it: a double-quoted string, which ends at the next `"`; so
 * only plain characters are kept (tier names and option letters already are).
 */
export function chartLabel(text: string, max = 40): string {
  return `"${text.replace(/[^A-Za-z0-9 ,._:()/+-]/g, '').slice(0, max)}"`
}

/** A number as xychart-beta reads it: plain decimal, at most one decimal place. */
function value(n: number): string {
  return String(Math.round(n * 10) / 10)
}

function chart(title: string, axis: string, bars: { label: string; value: number }[]): string {
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${chartLabel(title, 100)}`,
    `  x-axis [${bars.map((bar) => chartLabel(bar.label)).join(', ')}]`,
    `  y-axis ${chartLabel(axis)}`,
    `  bar [${bars.map((bar) => value(bar.value)).join(', ')}]`,
    '```'
  ].join('\n')
}

const measured = (document: AdrDocument): OptionResult[] =>
  document.options.filter((option) => option.status === 'measured')

/** Build time per option: cold, warm with no change, and the median one-tier change (seconds). */
export function buildTimeChart(document: AdrDocument): string | undefined {
  const bars = measured(document).flatMap((option) =>
    (
      [
        ['cold', option.coldMs],
        ['warm', option.warmMs],
        ['change', option.changeMedianMs]
      ] as const
    ).flatMap(([what, ms]) =>
      ms === null ? [] : [{ label: `${option.id} ${what}`, value: ms / 1000 }]
    )
  )
  return bars.length === 0
    ? undefined
    : chart('Build time (s): cold, warm no change, one-tier change median', 'seconds', bars)
}

/** Each tier's pull per option (MB, compressed): on a cold node, or with the base layers cached. */
export function pullChart(
  document: AdrDocument,
  which: 'pullColdBytes' | 'pullBaseCachedBytes'
): string | undefined {
  const options = measured(document)
  const bars = document.tiers.flatMap(({ name }) =>
    options.flatMap((option) => {
      const bytes = option.tiers.find((tier) => tier.tier === name)?.[which] ?? null
      return bytes === null ? [] : [{ label: `${name} ${option.id}`, value: bytes / 1e6 }]
    })
  )
  const title =
    which === 'pullColdBytes'
      ? 'Pull per pod (MB, compressed), cold node'
      : 'Pull per pod (MB, compressed), node holding the base layers'
  return bars.length === 0 ? undefined : chart(title, 'MB', bars)
}
