// How figures read in the summary, the comment, the command line and the messages: sizes
// in the budget's decimal units, exact bytes, durations, and signed changes.
/**
 * Formats bytes for people, in decimal units like the budget (1 GB = 10^9 bytes), with up
 * to three significant decimals: 1234567890 → "1.23 GB".
 */
export function formatSize(bytes: number): string {
  const abs = Math.abs(bytes)
  const sign = bytes < 0 ? '-' : ''
  const units: [string, number][] = [
    ['B', 1],
    ['kB', 1e3],
    ['MB', 1e6],
    ['GB', 1e9],
    ['TB', 1e12]
  ]
  for (let index = 0; index < units.length; index++) {
    const [unit, factor] = units[index] ?? ['B', 1]
    if (unit === 'B' && abs < 1000) return `${sign}${abs} B`
    const value = abs / factor
    const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
    const text = value.toFixed(digits)
    // 999,999 bytes rounds to "1000 kB"; say "1 MB" instead.
    if (Number(text) >= 1000 && index < units.length - 1) continue
    return `${sign}${trimZeros(text)} ${unit}`
  }
  return `${sign}${abs} B`
}

/**
 * An integer with comma thousands separators (`1,234,567`), as `toLocaleString('en-US')`
 * writes it, without the cost of loading ICU's locale data (tens of ms on a cold start).
 */
export function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Formats bytes with thousands separators, for the exact figure next to a rounded one. */
export function formatBytes(bytes: number): string {
  return `${groupThousands(bytes)} ${Math.abs(bytes) === 1 ? 'byte' : 'bytes'}`
}

/** Formats a duration in ms as "850 ms", "12.3 s" or "4m 05s". */
export function formatDuration(ms: number): string {
  // Round first, so 999.6 ms is "1 s" and 59,990 ms is "1m 00s", never "1000 ms" or "60 s".
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`
  if (Math.round(ms / 100) < 600) return `${trimZeros((ms / 1000).toFixed(1))} s`
  const totalSeconds = Math.round(ms / 1000)
  const minutes = Math.floor(totalSeconds / 60)
  const seconds = totalSeconds % 60
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

/** A change in bytes with its sign, in the budget's decimal units: `+12.3 MB`, `-500 kB`, `0 B`. */
export function formatSizeChange(bytes: number): string {
  return bytes > 0 ? `+${formatSize(bytes)}` : formatSize(bytes)
}

/** A change in exact bytes with its sign: `+12,345,678 bytes`, `-1 byte`, `0 bytes`. */
export function formatBytesChange(bytes: number): string {
  return bytes > 0 ? `+${formatBytes(bytes)}` : formatBytes(bytes)
}

/**
 * A change relative to `base`, one decimal: `+2.5%`, `-0.3%`. A change too small to show
 * reads `+<0.1%` rather than a misleading `+0.0%`; null when there is no base to divide by.
 */
export function formatPercentChange(delta: number, base: number): string | null {
  if (base <= 0) return null
  if (delta === 0) return '0%'
  const percent = (delta / base) * 100
  const sign = percent > 0 ? '+' : '-'
  const magnitude = Math.abs(percent)
  return magnitude < 0.05 ? `${sign}<0.1%` : `${sign}${magnitude.toFixed(1)}%`
}

/** A change in build time: `+1.2 s`, `-4m 05s`, `±0 ms`. */
export function formatDurationChange(ms: number): string {
  const rounded = Math.round(ms)
  if (rounded === 0) return '±0 ms'
  return `${rounded > 0 ? '+' : '-'}${formatDuration(Math.abs(rounded))}`
}

/**
 * What is left of a budget: `600 MB (12%)`; `–` when the size the budget applies to
 * (report/verdict.ts budgetedSize) was not measured.
 */
export function formatHeadroom(thresholdBytes: number, size: number | null): string {
  if (size === null) return '–'
  const left = thresholdBytes - size
  return `${formatSize(left)} (${((left / thresholdBytes) * 100).toFixed(0)}%)`
}
