// The parsers of input text, shared by the action's inputs, the command line's flags and
// the runner variables the action reads. One rule for every choice: surrounding spaces and
// case do not matter (`Shared`, ` ALWAYS ` and `True` read as `shared`, `always`, `true`),
// and a refusal names the input, what it expected and what it got.
import { InputError } from './errors.js'
import { parseSize, parseSizeLimit, SizeError, type SizeLimit } from './size.js'

/**
 * Reads one of `allowed` (case-insensitive), returning its canonical spelling; empty text
 * reads as `empty`. `hint` follows the list of choices in the error.
 */
export function oneOf<T extends string>(
  input: string,
  value: string,
  allowed: readonly T[],
  empty: T,
  hint = ''
): T {
  return optionalOneOf(input, value, allowed, hint) ?? empty
}

/** Like oneOf, but empty text reads as undefined ("not given"). */
export function optionalOneOf<T extends string>(
  input: string,
  value: string,
  allowed: readonly T[],
  hint = ''
): T | undefined {
  const text = value.trim()
  if (text === '') return undefined
  const found = allowed.find((choice) => choice.toLowerCase() === text.toLowerCase())
  if (found === undefined) {
    throw new InputError(
      `${input}: expected one of ${allowed.join(', ')}${hint ? ` ${hint}` : ''}, got "${text}"`
    )
  }
  return found
}

/**
 * Reads a true/false input (`push`, `no-cache`, `allow-fork-push`); empty (an optional
 * input left out) is false. Case does not matter, as for every choice.
 */
export function parseBoolean(input: string, value: string): boolean {
  const text = value.trim().toLowerCase()
  if (text === '' || text === 'false') return false
  if (text === 'true') return true
  throw new InputError(`${input}: expected true or false, got "${value.trim()}"`)
}

/** Splits a list input on newlines and commas (`tier1, tier2`), dropping blanks. */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean)
}

/** Splits a list input on newlines only, for values that contain commas (`type=registry,ref=…`). */
export function parseLines(value: string): string[] {
  return value
    .split('\n')
    .map((item) => item.trim())
    .filter(Boolean)
}

/**
 * Reads a whole number of at least `min`; empty text is undefined. `expected` describes the
 * value in the error (`a positive whole number`).
 */
export function parseWholeNumber(
  input: string,
  value: string,
  min: number,
  expected: string
): number | undefined {
  const text = value.trim()
  if (text === '') return undefined
  const number = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(number) || number < min) {
    throw new InputError(`${input}: expected ${expected}, got "${text}"`)
  }
  return number
}

/** Reads a size budget (`5GB`, `4.5 GB`, `2GiB`) in bytes; empty text is undefined. */
export function parseSizeInput(input: string, value: string): number | undefined {
  if (value.trim() === '') return undefined
  try {
    return parseSize(value)
  } catch (error) {
    if (error instanceof SizeError) throw new InputError(`${input}: ${error.message}`)
    throw error
  }
}

/** Reads a limit (`10%`, `2.5%` or a size such as `500MB`); empty text is undefined. */
export function parseLimitInput(input: string, value: string): SizeLimit | undefined {
  if (value.trim() === '') return undefined
  try {
    return parseSizeLimit(value)
  } catch (error) {
    if (error instanceof SizeError) throw new InputError(`${input}: ${error.message}`)
    throw error
  }
}
