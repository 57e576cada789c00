import { NbImageError } from './errors.js'

/** A size string that cannot be read as a number of bytes. */
export class SizeError extends NbImageError {
  override readonly name = 'SizeError'
}

// Decimal units follow SI (what registries, `docker images` and dive print); binary units
// are explicit. A budget of "5GB" is therefore 5,000,000,000 bytes, not 5 GiB.
const UNITS: Record<string, number> = {
  b: 1,
  // What formatBytes prints ("1,234 bytes", less the separators) reads back.
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40
}

const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i

/** The expected form of a size, for error messages. */
export const SIZE_EXPECTED =
  'a size such as 5GB, 4.5 GB, 500MB or 2GiB (GB/MB/KB are decimal, GiB/MiB/KiB binary, a bare integer is bytes)'

/**
 * Parses a size budget into bytes. Accepts a non-negative integer number of bytes, or a
 * number with one of B (or bytes), KB, MB, GB, TB, KiB, MiB, GiB, TiB (case-insensitive,
 * optional space). Rejects zero, negatives, exponents, fractional bytes and values beyond 2^53.
 */
export function parseSize(input: string | number): number {
  const text = typeof input === 'number' ? String(input) : input.trim()
  const invalid = (problem: string): SizeError =>
    new SizeError(`invalid size "${input}": ${problem}`)
  const match = SIZE_PATTERN.exec(text)
  if (!match) {
    // Name the commonest slips before the general form: a sign, or an exponent.
    if (/^-\s*\d/.test(text))
      throw invalid(`a budget cannot be negative; expected ${SIZE_EXPECTED}`)
    if (/^\d+(?:\.\d+)?e[+-]?\d+/i.test(text)) {
      throw invalid(`exponents are not supported; expected ${SIZE_EXPECTED}`)
    }
    throw invalid(`expected ${SIZE_EXPECTED}`)
  }
  const [, amount = '', unitText = ''] = match
  const unit = unitText === '' ? 'b' : unitText.toLowerCase()
  const factor = UNITS[unit]
  if (factor === undefined) {
    throw invalid(`unknown unit "${unitText}"; expected ${SIZE_EXPECTED}`)
  }
  if (factor === 1 && amount.includes('.')) {
    throw invalid('a number of bytes must be a whole number (or give a unit, e.g. 1.5GB)')
  }
  const bytes = Math.round(Number(amount) * factor)
  if (!Number.isSafeInteger(bytes)) {
    throw invalid(`too large (at most ${Number.MAX_SAFE_INTEGER} bytes)`)
  }
  if (bytes <= 0) throw invalid('a budget must be greater than zero')
  return bytes
}

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
