import {
  oneOf,
  optionalOneOf,
  parseBoolean,
  parseLines,
  parseList,
  parseSizeInput,
  parseWholeNumber
} from '../../src/utils/parse-input.js'
import { thrownInputError as thrown } from '../helpers/errors.js'

const COLOURS = ['red', 'dark-green'] as const

describe('oneOf and optionalOneOf: one rule for every choice', () => {
  test.each<[string, string | undefined]>([
    ['', undefined],
    ['  \n', undefined],
    ['red', 'red'],
    [' dark-green\n', 'dark-green'],
    // Case does not matter; the canonical spelling comes back.
    ['Red', 'red'],
    [' DARK-Green ', 'dark-green']
  ])('%j → %j', (value, expected) => {
    expect(optionalOneOf('colour', value, COLOURS)).toBe(expected)
    expect(oneOf('colour', value, COLOURS, 'red')).toBe(expected ?? 'red')
  })

  test.each<[string, string, string]>([
    ['blue', '', 'colour: expected one of red, dark-green, got "blue"'],
    [' dark green ', '', 'colour: expected one of red, dark-green, got "dark green"'],
    ['red,dark-green', '', 'colour: expected one of red, dark-green, got "red,dark-green"'],
    ['x', '(or paint it)', 'colour: expected one of red, dark-green (or paint it), got "x"']
  ])('%j is refused', (value, hint, message) => {
    expect(thrown(() => optionalOneOf('colour', value, COLOURS, hint)).message).toBe(message)
    expect(thrown(() => oneOf('colour', value, COLOURS, 'red', hint)).message).toBe(message)
  })
})

describe('parseBoolean', () => {
  test.each<[string, boolean]>([
    ['', false],
    ['  ', false],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['true', true],
    ['True', true],
    [' TRUE\n', true],
    // The choice rule: case does not matter (@actions/core would refuse this spelling).
    ['tRUE', true]
  ])('%j → %j', (value, expected) => {
    expect(parseBoolean('push', value)).toBe(expected)
  })

  test.each<[string, string, string]>([
    ['push', 'maybe', 'push: expected true or false, got "maybe"'],
    ['no-cache', 'yes', 'no-cache: expected true or false, got "yes"'],
    ['allow-fork-push', '1', 'allow-fork-push: expected true or false, got "1"']
  ])('%s: %j is refused', (name, value, message) => {
    expect(thrown(() => parseBoolean(name, value)).message).toBe(message)
  })
})

describe('parseList', () => {
  test.each<[string, string[]]>([
    ['', []],
    ['tier1', ['tier1']],
    ['tier1, tier2', ['tier1', 'tier2']],
    ['tier1,tier2,', ['tier1', 'tier2']],
    ['tier1\ntier2, tier3\n\n', ['tier1', 'tier2', 'tier3']],
    ['  tier1 \r\n tier2 ', ['tier1', 'tier2']],
    [' , ,\n', []]
  ])('%j → %j', (value, list) => {
    expect(parseList(value)).toStrictEqual(list)
  })
})

describe('parseLines', () => {
  test.each<[string, string[]]>([
    ['', []],
    ['type=gha', ['type=gha']],
    [
      'type=gha,scope=tier1\ntype=registry,ref=ghcr.io/acme/nb:cache\n',
      ['type=gha,scope=tier1', 'type=registry,ref=ghcr.io/acme/nb:cache']
    ],
    ['  type=gha,mode=max \r\n\n', ['type=gha,mode=max']]
  ])('%j → %j', (value, lines) => {
    expect(parseLines(value)).toStrictEqual(lines)
  })
})

describe('parseWholeNumber', () => {
  test.each<[string, number, number | undefined]>([
    ['', 0, undefined],
    ['0', 0, 0],
    ['1', 1, 1],
    [' 4\n', 0, 4],
    ['16', 1, 16]
  ])('%j (at least %i) → %j', (value, min, expected) => {
    expect(parseWholeNumber('n', value, min, 'a count')).toBe(expected)
  })

  test.each<[string, number]>([
    ['-1', 0],
    ['2.5', 0],
    ['four', 0],
    ['1e3', 0],
    ['99999999999999999999', 0],
    ['0', 1]
  ])('%j (at least %i) is refused', (value, min) => {
    expect(thrown(() => parseWholeNumber('n', value, min, 'a count')).message).toBe(
      `n: expected a count, got "${value}"`
    )
  })
})

describe('parseSizeInput', () => {
  test.each<[string, number | undefined]>([
    ['', undefined],
    ['  ', undefined],
    ['5GB', 5_000_000_000],
    ['4.5 GB', 4_500_000_000],
    [' 2GiB\n', 2_147_483_648],
    ['1000', 1000]
  ])('%j → %j', (value, bytes) => {
    expect(parseSizeInput('threshold', value)).toBe(bytes)
  })

  test.each<[string, string]>([
    [
      'five',
      'threshold: invalid size "five": expected a size such as 5GB, 4.5 GB, 500MB or 2GiB (GB/MB/KB are decimal, GiB/MiB/KiB binary, a bare integer is bytes)'
    ],
    ['0', 'threshold: invalid size "0": a budget must be greater than zero'],
    [
      '5 XB',
      'threshold: invalid size "5 XB": unknown unit "XB"; expected a size such as 5GB, 4.5 GB, 500MB or 2GiB (GB/MB/KB are decimal, GiB/MiB/KiB binary, a bare integer is bytes)'
    ]
  ])('%j is refused', (value, message) => {
    expect(thrown(() => parseSizeInput('threshold', value)).message).toBe(message)
  })
})
