import {
  formatBytesChange,
  formatDurationChange,
  formatPercentChange,
  formatSizeChange
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
