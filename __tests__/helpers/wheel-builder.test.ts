// The generated wheels stand in for real ones in every pip test, so they must be valid
// zips with a consistent RECORD, and the same bytes on every run (image layers built from
// them are compared across runs).
import { createHash } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { PIP_FIXTURE_RELEASES, pipFixtureWheels } from './pip-packages.js'
import { buildWheel, crc32, normalizeName, payload } from './wheel-builder.js'

/** Reads a STORED zip through its central directory, checking every CRC. */
function unzip(bytes: Buffer): Map<string, Buffer> {
  const end = bytes.length - 22
  expect(bytes.readUInt32LE(end)).toBe(0x06054b50)
  const count = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  const files = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50)
    const crc = bytes.readUInt32LE(at + 16)
    const size = bytes.readUInt32LE(at + 24)
    const nameLength = bytes.readUInt16LE(at + 28)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const data = bytes.subarray(dataStart, dataStart + size)
    expect(crc32(data)).toBe(crc)
    files.set(name, data)
    at += 46 + nameLength
  }
  return files
}

test('a wheel holds the module, its payload and a dist-info whose RECORD matches', () => {
  const wheel = buildWheel({
    name: 'NBT_Demo',
    version: '1.2.0',
    payloadBytes: 12_345,
    requires: ['nbt-core>=1.1,<2'],
    extras: { grpc: ['nbt-grpc>=1'] },
    requiresPython: '>=3.9'
  })
  expect(wheel.filename).toBe('nbt_demo-1.2.0-py3-none-any.whl')
  expect(wheel.project).toBe('nbt-demo')
  const files = unzip(wheel.bytes)
  expect([...files.keys()]).toEqual([
    'nbt_demo/__init__.py',
    'nbt_demo/payload.bin',
    'nbt_demo-1.2.0.dist-info/METADATA',
    'nbt_demo-1.2.0.dist-info/WHEEL',
    'nbt_demo-1.2.0.dist-info/top_level.txt',
    'nbt_demo-1.2.0.dist-info/RECORD'
  ])
  expect(files.get('nbt_demo/payload.bin')?.length).toBe(12_345)
  expect(files.get('nbt_demo-1.2.0.dist-info/METADATA')?.toString()).toBe(
    [
      'Metadata-Version: 2.1',
      'Name: NBT_Demo',
      'Version: 1.2.0',
      'Summary: nb-image-action test package NBT_Demo 1.2.0',
      'Requires-Python: >=3.9',
      'Requires-Dist: nbt-core>=1.1,<2',
      'Provides-Extra: grpc',
      'Requires-Dist: nbt-grpc>=1; extra == "grpc"',
      '',
      ''
    ].join('\n')
  )
  expect(wheel.metadata).toEqual(files.get('nbt_demo-1.2.0.dist-info/METADATA'))
  const record = files.get('nbt_demo-1.2.0.dist-info/RECORD')?.toString().trim().split('\n') ?? []
  for (const line of record) {
    const [path = '', hash, size] = line.split(',')
    if (path.endsWith('/RECORD')) {
      expect([hash, size]).toEqual(['', ''])
      continue
    }
    const data = files.get(path) ?? Buffer.alloc(0)
    expect(hash).toBe(`sha256=${createHash('sha256').update(data).digest('base64url')}`)
    expect(Number(size)).toBe(data.length)
  }
  expect(wheel.installedBytes).toBe(
    [...files.entries()]
      .filter(([p]) => !p.endsWith('/RECORD'))
      .reduce((s, [, d]) => s + d.length, 0)
  )
})

test('the fixture wheels are the same bytes on every build', () => {
  const again = PIP_FIXTURE_RELEASES.map(buildWheel)
  expect(again.map((w) => w.sha256)).toEqual(pipFixtureWheels().map((w) => w.sha256))
  // Pinned: a change here changes every image the pip tests build; update it on purpose.
  const all = createHash('sha256')
    .update(again.map((w) => `${w.filename} ${w.sha256}\n`).join(''))
    .digest('hex')
  expect(all).toBe('892e8ab49911762a2425a11f5613761fa2a210b0800443999a66b5f153a8188e')
})

test('payloads are exact in size, seeded, and do not compress', () => {
  expect(payload('a', 100_000)).toHaveLength(100_000)
  expect(payload('a', 64)).toEqual(payload('a', 100).subarray(0, 64))
  expect(payload('a', 64)).not.toEqual(payload('b', 64))
  expect(deflateRawSync(payload('x', 50_000)).length).toBeGreaterThan(49_000)
})

test('the portable CRC-32 agrees with zlib', () => {
  for (const data of [Buffer.alloc(0), Buffer.from('123456789'), payload('crc', 4099)])
    expect(crc32(data, true)).toBe(crc32(data))
  expect(crc32(Buffer.from('123456789'), true)).toBe(0xcbf43926)
})

test.each([
  ['NBT_Plot', 'nbt-plot'],
  ['nbt.core', 'nbt-core'],
  ['A__B--c', 'a-b-c']
])('%s normalises to %s', (name, normal) => {
  expect(normalizeName(name)).toBe(normal)
})
