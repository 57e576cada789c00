import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { TarFormatError, TarReader, type TarEntry } from '../../src/image/tar.js'

// Fixtures made with GNU tar 1.35 in the three formats (see __tests__/fixtures/tar/): a
// small JSON file, a 3,000-byte binary, an empty file, and (pax, gnu) a name of 150+
// characters that only fits through the PAX `path` record or a GNU long-name entry.
const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../fixtures/tar/${name}`, import.meta.url))

const LONG = `x/${'d'.repeat(150)}.txt`
const BIG_SHA256 = 'c292045ba17963741473dc765beab1298bb13776196f618ba3f575c5500eec67'

/** Feeds the archive in chunks of `size` bytes and returns the files (directories left out). */
function read(
  bytes: Uint8Array,
  size: number,
  keep = (name: string) => name.endsWith('.json') || name.endsWith('.txt')
): TarEntry[] {
  const reader = new TarReader(keep)
  for (let offset = 0; offset < bytes.length; offset += size)
    reader.push(bytes.subarray(offset, offset + size))
  reader.end()
  return reader.entries.filter((entry) => entry.type !== '5')
}

const summary = (entries: TarEntry[]): [string, number, string | undefined][] =>
  entries.map((entry) => [
    entry.name,
    entry.size,
    entry.content && new TextDecoder().decode(entry.content)
  ])

describe('TarReader', () => {
  test.each<[string, number]>([
    ['ustar.tar', 1],
    ['ustar.tar', 511],
    ['ustar.tar', 512],
    ['ustar.tar', 100_000],
    ['pax.tar', 7],
    ['pax.tar', 513],
    ['pax.tar', 100_000],
    ['gnu.tar', 3],
    ['gnu.tar', 1024],
    ['gnu.tar', 100_000]
  ])('%s in chunks of %i bytes', (name, size) => {
    const entries = read(fixture(name), size)
    const expected: [string, number, string | undefined][] = [
      ['blobs/sha256/small.json', 7, '{"a":1}'],
      ['blobs/sha256/big.bin', 3000, undefined],
      ...(name === 'ustar.tar' ? [] : [[LONG, 4, 'long'] as [string, number, string]]),
      ['empty', 0, undefined]
    ]
    expect(summary(entries)).toEqual(expected)
  })

  test('kept content is byte-exact across chunk boundaries', () => {
    const entries = read(fixture('pax.tar'), 100, (entry) => entry.endsWith('.bin'))
    const big = entries.find((entry) => entry.name.endsWith('big.bin'))
    expect(
      createHash('sha256')
        .update(big?.content ?? new Uint8Array())
        .digest('hex')
    ).toBe(BIG_SHA256)
  })

  test('sniff drops kept content whose first byte says it is not wanted', () => {
    const reader = new TarReader(
      () => true,
      (first) => first === 0x7b
    )
    reader.push(fixture('ustar.tar'))
    reader.end()
    const kept = reader.entries
      .filter((entry) => entry.content !== undefined)
      .map((entry) => entry.name)
    // The JSON file is kept, the random binary (not starting with "{") is not; an empty file
    // has no first byte to judge and keeps its empty content.
    expect(kept).toEqual(['blobs/sha256/small.json', 'empty'])
  })

  test('a GNU base-256 size field (used for files of 8 GiB and more) is read', () => {
    const data = new TextEncoder().encode('x'.repeat(1000))
    const header = new Uint8Array(512)
    header.set(new TextEncoder().encode('blobs/sha256/huge'), 0)
    header.set(new TextEncoder().encode('0000644\0'), 100)
    // 0x80 marker, then 1000 big-endian in the remaining 11 bytes.
    header.set([0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x03, 0xe8], 124)
    header[156] = 0x30
    header.set(new TextEncoder().encode('ustar\0'), 257)
    header.set(new TextEncoder().encode('        '), 148)
    const sum = header.reduce((total, byte) => total + byte, 0)
    header.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148)
    const archive = new Uint8Array(512 + 1024 + 1024)
    archive.set(header, 0)
    archive.set(data, 512)
    expect(summary(read(archive, 300, () => false))).toEqual([
      ['blobs/sha256/huge', 1000, undefined]
    ])
  })

  test('garbage is refused as not a tar archive', () => {
    const reader = new TarReader()
    expect(() =>
      reader.push(new TextEncoder().encode('Error response from daemon: '.padEnd(600, '!')))
    ).toThrow(new TarFormatError('bad header checksum: not a tar archive'))
  })

  test('an archive cut short is refused', () => {
    const bytes = fixture('ustar.tar').subarray(0, 1500)
    const reader = new TarReader()
    reader.push(bytes)
    expect(() => reader.end()).toThrow('the archive ends in the middle of an entry')
  })
})
