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
