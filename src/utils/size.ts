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
 * A limit on how much an image may change: a share of its baseline size (`10%`) or a size
 * (`500MB`, the units of parseSize).
 */
export type SizeLimit = { percent: number } | { bytes: number }

/** The expected form of a growth limit, for error messages. */
export const LIMIT_EXPECTED = `a percentage of the baseline size such as 10% or 2.5%, or ${SIZE_EXPECTED}`

/** Parses `10%`, `2.5 %` or a size (`500MB`) into a limit. */
export function parseSizeLimit(input: string | number): SizeLimit {
  const text = typeof input === 'number' ? String(input) : input.trim()
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(text)
  if (percent) {
    const value = Number(percent[1])
    if (!(value > 0))
      throw new SizeError(`invalid limit "${input}": a limit must be greater than zero`)
    return { percent: value }
  }
  if (text.includes('%'))
    throw new SizeError(`invalid limit "${input}": expected ${LIMIT_EXPECTED}`)
  try {
    return { bytes: parseSize(input) }
  } catch (error) {
    if (!(error instanceof SizeError)) throw error
    throw new SizeError(
      error.message
        .replace('invalid size', 'invalid limit')
        .replace(`expected ${SIZE_EXPECTED}`, `expected ${LIMIT_EXPECTED}`)
        .replace('a budget', 'a limit')
    )
  }
}

/** A limit as written back for people: `10%`, `500 MB`. */
export function formatSizeLimit(limit: SizeLimit, formatSize: (bytes: number) => string): string {
  return 'percent' in limit ? `${limit.percent}%` : formatSize(limit.bytes)
}

/** The limit in bytes for an image of `baseBytes`: a share of it, or the size itself. */
export function limitBytes(limit: SizeLimit, baseBytes: number): number {
  return 'percent' in limit ? Math.floor((baseBytes * limit.percent) / 100) : limit.bytes
}
