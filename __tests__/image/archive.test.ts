import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { ArchiveFormatError, readArchive } from '../../src/image/archive.js'
import type { ArchiveFile } from '../../src/image/oci.js'

// Fixtures made with GNU tar 1.35 in the three formats (see __tests__/fixtures/tar/): a
// small JSON file, a 3,000-byte binary, an empty file, and (pax, gnu) a name of 150+
// characters that only fits through the PAX `path` record or a GNU long-name entry.
const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../fixtures/tar/${name}`, import.meta.url))

const LONG = `x/${'d'.repeat(150)}.txt`
const BIG_SHA256 = 'c292045ba17963741473dc765beab1298bb13776196f618ba3f575c5500eec67'

/** Feeds the archive in chunks of `size` bytes, honouring backpressure, and returns its files. */
async function read(
  bytes: Uint8Array,
  size: number,
  keep = (name: string) => name.endsWith('.json') || name.endsWith('.txt')
): Promise<ArchiveFile[]> {
  const archive = await readArchive(keep)
  for (let offset = 0; offset < bytes.length; offset += size) {
    if (!archive.sink.write(bytes.slice(offset, offset + size))) {
      await new Promise<void>((resolve) => archive.sink.once('drain', resolve))
    }
  }
  return archive.end()
}

const summary = (files: ArchiveFile[]): [string, number, string | undefined][] =>
  files.map((file) => [
    file.name,
    file.size,
    file.content && new TextDecoder().decode(file.content)
  ])

describe('readArchive', () => {
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
  ])('%s in chunks of %i bytes', async (name, size) => {
    const expected: [string, number, string | undefined][] = [
      ['blobs/sha256/small.json', 7, '{"a":1}'],
      ['blobs/sha256/big.bin', 3000, undefined],
      ...(name === 'ustar.tar' ? [] : [[LONG, 4, 'long'] as [string, number, string]]),
      ['empty', 0, undefined]
    ]
    expect(summary(await read(fixture(name), size))).toEqual(expected)
  })

  test('kept content is byte-exact across chunk boundaries', async () => {
    const files = await read(fixture('pax.tar'), 100, (name) => name.endsWith('.bin'))
    const big = files.find((file) => file.name.endsWith('big.bin'))
    expect(
      createHash('sha256')
        .update(big?.content ?? new Uint8Array())
        .digest('hex')
    ).toBe(BIG_SHA256)
  })

  test('a GNU base-256 size field (used for files of 8 GiB and more) is read', async () => {
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
    expect(summary(await read(archive, 300, () => false))).toEqual([
      ['blobs/sha256/huge', 1000, undefined]
    ])
  })

  test('garbage is refused as not a tar archive', async () => {
    const garbage = new TextEncoder().encode('Error response from daemon: '.padEnd(600, '!'))
    await expect(read(garbage, 1000)).rejects.toThrow(ArchiveFormatError)
    await expect(read(garbage, 1000)).rejects.toThrow(/^not a readable tar archive: /)
  })

  test('an archive cut short is refused', async () => {
    await expect(read(fixture('ustar.tar').subarray(0, 1500), 512)).rejects.toThrow(
      ArchiveFormatError
    )
  })
})
