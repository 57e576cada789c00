import {
  formatBytes,
  formatBytesChange,
  formatDuration,
  formatDurationChange,
  formatPercentChange,
  formatSize,
  formatSizeChange,
  groupThousands
} from '../../src/render/format.js'

test.each([
  [12_345_678, '+12.3 MB'],
  [-62_000_000, '-62 MB'],
  [0, '0 B'],
  [999, '+999 B'],
  [-1_500_000_000, '-1.5 GB']
])('formatSizeChange(%d) = %s', (bytes, expected) => {
  expect(formatSizeChange(bytes)).toBe(expected)
})

test.each([
  [12_345_678, '+12,345,678 bytes'],
  [-1, '-1 byte'],
  [1, '+1 byte'],
  [0, '0 bytes']
])('formatBytesChange(%d) = %s', (bytes, expected) => {
  expect(formatBytesChange(bytes)).toBe(expected)
})

test.each([
  [25, 1000, '+2.5%'],
  [-41, 1000, '-4.1%'],
  [1, 1_000_000, '+<0.1%'],
  [-1, 1_000_000, '-<0.1%'],
  [0, 1000, '0%'],
  [5, 0, null],
  [1000, 1000, '+100.0%']
])('formatPercentChange(%d, %d) = %s', (delta, base, expected) => {
  expect(formatPercentChange(delta, base)).toBe(expected)
})

test.each([
  [1_245, '+1.2 s'],
  [-5_000, '-5 s'],
  [0, '±0 ms'],
  [0.4, '±0 ms'],
  [-50, '-50 ms'],
  [245_000, '+4m 05s']
])('formatDurationChange(%d) = %s', (ms, expected) => {
  expect(formatDurationChange(ms)).toBe(expected)
})

describe('formatSize', () => {
  test.each<[number, string]>([
    [0, '0 B'],
    [1, '1 B'],
    [999, '999 B'],
    [1000, '1 kB'],
    [1234, '1.23 kB'],
    [1500, '1.5 kB'],
    [12_345, '12.3 kB'],
    [123_456, '123 kB'],
    [1_000_000, '1 MB'],
    [1_050_000, '1.05 MB'],
    [9_999_999, '10 MB'],
    [500_000_000, '500 MB'],
    [1_234_567_890, '1.23 GB'],
    [2_147_483_648, '2.15 GB'],
    [4_500_000_000, '4.5 GB'],
    [5_000_000_000, '5 GB'],
    [1_500_000_000_000, '1.5 TB'],
    [1e15, '1000 TB'],
    // Rounding up to 1000 moves to the next unit instead of printing "1000 kB".
    [999_999, '1 MB'],
    [999_499, '999 kB'],
    [999_500_000, '1 GB'],
    [999_999_999_999, '1 TB'],
    [-1234, '-1.23 kB'],
    [-999, '-999 B'],
    [-500_000_000, '-500 MB']
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatSize(bytes)).toBe(text)
  })
})

describe('formatBytes', () => {
  test.each<[number, string]>([
    [0, '0 bytes'],
    [1, '1 byte'],
    [-1, '-1 byte'],
    [999, '999 bytes'],
    [1000, '1,000 bytes'],
    [5_000_000_000, '5,000,000,000 bytes'],
    [2_147_483_648, '2,147,483,648 bytes'],
    [-1234, '-1,234 bytes']
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })
})

describe('formatDuration', () => {
  test.each<[number, string]>([
    [0, '0 ms'],
    [1, '1 ms'],
    [850, '850 ms'],
    [999.4, '999 ms'],
    [999.6, '1 s'],
    [59_949, '59.9 s'],
    [59_950, '1m 00s'],
    [59_999, '1m 00s'],
    [1000, '1 s'],
    [1049, '1 s'],
    [1050, '1.1 s'],
    [12_345, '12.3 s'],
    [59_900, '59.9 s'],
    [60_000, '1m 00s'],
    [61_000, '1m 01s'],
    [119_600, '2m 00s'],
    [245_000, '4m 05s'],
    [3_600_000, '60m 00s']
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })
})

describe('groupThousands', () => {
  test.each([
    0,
    1,
    12,
    999,
    1000,
    12_345,
    999_999,
    1_000_000,
    5_312_000_000,
    -1,
    -1234,
    -1_234_567,
    Number.MAX_SAFE_INTEGER
  ])('%d is written as toLocaleString("en-US") writes it', (value) => {
    expect(groupThousands(value)).toBe(value.toLocaleString('en-US'))
  })
})
