import { formatBytes, formatDuration, formatSize } from '../utils/size.js'

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
