import {
  LIMIT_EXPECTED,
  limitBytes,
  parseSize,
  parseSizeLimit,
  SIZE_EXPECTED,
  SizeError
} from '../../src/utils/size.js'

const EXPECTED =
  'a size such as 5GB, 4.5 GB, 500MB or 2GiB (GB/MB/KB are decimal, GiB/MiB/KiB binary, a bare integer is bytes)'

describe('parseSize', () => {
  test('SIZE_EXPECTED reads as documented', () => {
    expect(SIZE_EXPECTED).toBe(EXPECTED)
  })

  test.each<[string | number, number]>([
    ['5GB', 5_000_000_000],
    ['4.5 GB', 4_500_000_000],
    ['500MB', 500_000_000],
    ['2GiB', 2_147_483_648],
    ['1KiB', 1024],
    ['3MiB', 3_145_728],
    ['1TiB', 1_099_511_627_776],
    ['2TB', 2_000_000_000_000],
    ['1.5KB', 1500],
    ['1kb', 1000],
    ['10B', 10],
    ['10 b', 10],
    ['1024', 1024],
    ['1', 1],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    [1024, 1024],
    [5_000_000_000, 5_000_000_000],
    // case-insensitive units
    ['5gb', 5_000_000_000],
    ['5Gb', 5_000_000_000],
    ['5gB', 5_000_000_000],
    ['2gib', 2_147_483_648],
    ['2GIB', 2_147_483_648],
    ['500mb', 500_000_000],
    // whitespace around and between
    ['  5GB  ', 5_000_000_000],
    ['5   GB', 5_000_000_000],
    ['\t4.5\tGB\n', 4_500_000_000],
    [' 42 ', 42],
    // formatBytes' unit, so its figure (without separators) reads back
    ['1 byte', 1],
    ['1234567 bytes', 1_234_567],
    ['42BYTES', 42]
  ])('%j is %d bytes', (input, bytes) => {
    expect(parseSize(input)).toBe(bytes)
  })

  test.each<[string | number, string]>([
    ['5 XB', `invalid size "5 XB": unknown unit "XB"; expected ${EXPECTED}`],
    ['5G', `invalid size "5G": unknown unit "G"; expected ${EXPECTED}`],
    ['5 PB', `invalid size "5 PB": unknown unit "PB"; expected ${EXPECTED}`],
    ['-1', `invalid size "-1": a budget cannot be negative; expected ${EXPECTED}`],
    [-1, `invalid size "-1": a budget cannot be negative; expected ${EXPECTED}`],
    ['-5GB', `invalid size "-5GB": a budget cannot be negative; expected ${EXPECTED}`],
    ['0', 'invalid size "0": a budget must be greater than zero'],
    [0, 'invalid size "0": a budget must be greater than zero'],
    ['0GB', 'invalid size "0GB": a budget must be greater than zero'],
    ['0.0 MB', 'invalid size "0.0 MB": a budget must be greater than zero'],
    ['1e30', `invalid size "1e30": exponents are not supported; expected ${EXPECTED}`],
    [1e30, `invalid size "1e+30": exponents are not supported; expected ${EXPECTED}`],
    ['1e3', `invalid size "1e3": exponents are not supported; expected ${EXPECTED}`],
    ['five', `invalid size "five": expected ${EXPECTED}`],
    ['', `invalid size "": expected ${EXPECTED}`],
    ['   ', `invalid size "   ": expected ${EXPECTED}`],
    ['GB', `invalid size "GB": expected ${EXPECTED}`],
    ['.5GB', `invalid size ".5GB": expected ${EXPECTED}`],
    ['5,000', `invalid size "5,000": expected ${EXPECTED}`],
    ['5 GB 2', `invalid size "5 GB 2": expected ${EXPECTED}`],
    ['0x10', `invalid size "0x10": expected ${EXPECTED}`],
    [
      '1.5',
      'invalid size "1.5": a number of bytes must be a whole number (or give a unit, e.g. 1.5GB)'
    ],
    [
      1.5,
      'invalid size "1.5": a number of bytes must be a whole number (or give a unit, e.g. 1.5GB)'
    ],
    [
      '1.5B',
      'invalid size "1.5B": a number of bytes must be a whole number (or give a unit, e.g. 1.5GB)'
    ],
    [
      '1.5 bytes',
      'invalid size "1.5 bytes": a number of bytes must be a whole number (or give a unit, e.g. 1.5GB)'
    ],
    ['5 kbytes', `invalid size "5 kbytes": unknown unit "kbytes"; expected ${EXPECTED}`],
    [
      '9007199254740992',
      'invalid size "9007199254740992": too large (at most 9007199254740991 bytes)'
    ],
    ['8192TiB', 'invalid size "8192TiB": too large (at most 9007199254740991 bytes)'],
    ['10000TB', 'invalid size "10000TB": too large (at most 9007199254740991 bytes)'],
    [
      '99999999999999999999',
      'invalid size "99999999999999999999": too large (at most 9007199254740991 bytes)'
    ]
  ])('%j is rejected: %s', (input, message) => {
    let thrown: unknown
    try {
      parseSize(input)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(SizeError)
    expect((thrown as SizeError).message).toBe(message)
    expect((thrown as SizeError).name).toBe('SizeError')
  })
})

describe('parseSizeLimit (max-growth, comment-threshold)', () => {
  test.each<[string | number, unknown]>([
    ['10%', { percent: 10 }],
    [' 2.5 % ', { percent: 2.5 }],
    ['0.1%', { percent: 0.1 }],
    ['500MB', { bytes: 500_000_000 }],
    ['1.5 GiB', { bytes: 1_610_612_736 }],
    [1024, { bytes: 1024 }]
  ])('%j', (input, limit) => {
    expect(parseSizeLimit(input)).toStrictEqual(limit)
  })

  test.each<[string, string]>([
    ['0%', 'invalid limit "0%": a limit must be greater than zero'],
    ['-5%', `invalid limit "-5%": expected ${LIMIT_EXPECTED}`],
    ['10 %%', `invalid limit "10 %%": expected ${LIMIT_EXPECTED}`],
    ['ten percent', `invalid limit "ten percent": expected ${LIMIT_EXPECTED}`],
    ['0', 'invalid limit "0": a limit must be greater than zero'],
    ['-1MB', `invalid limit "-1MB": a limit cannot be negative; expected ${LIMIT_EXPECTED}`]
  ])('%j is refused: %s', (input, message) => {
    expect(() => parseSizeLimit(input)).toThrow(new SizeError(message))
  })

  test.each<[Parameters<typeof limitBytes>[0], number, number]>([
    [{ percent: 10 }, 1_000_000, 100_000],
    [{ percent: 2.5 }, 1_000, 25],
    [{ percent: 10 }, 1_005, 100],
    [{ bytes: 500 }, 1_000_000, 500]
  ])('limitBytes(%j, %d) = %d', (limit, base, bytes) => {
    expect(limitBytes(limit, base)).toBe(bytes)
  })
})
