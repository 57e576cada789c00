// A streaming reader of tar archives (ustar, with PAX and GNU extensions for long names and
// sizes beyond 8 GiB), for `docker save` output: it reports every entry's name and size
// and keeps the content of the small ones the caller asks for, so multi-gigabyte images
// pass through in constant memory.

/** One file of the archive. */
export interface TarEntry {
  name: string
  size: number
  /** Type flag: `0` file, `5` directory, … */
  type: string
  /** The content, when the caller's `keep` asked for it. */
  content?: Uint8Array
}

/** A tar archive that cannot be read. */
export class TarFormatError extends Error {
  override readonly name = 'TarFormatError'
}

const BLOCK = 512

/** Reads a tar stream chunk by chunk; call `end()` after the last chunk. */
export class TarReader {
  readonly entries: TarEntry[] = []
  private buffer: Uint8Array = new Uint8Array(0)
  private current:
    { entry: TarEntry; remaining: number; padding: number; parts?: Uint8Array[] } | undefined
  private pax: Record<string, string> = {}
  private longName: string | undefined
  private special:
    | {
        kind: 'pax' | 'global' | 'longname'
        parts: Uint8Array[]
        remaining: number
        padding: number
      }
    | undefined
  private finished = false

  /**
   * `keep(name, size)` says whether to keep an entry's content in memory; `sniff(firstByte)`,
   * when given, can still drop it once its first byte is seen (e.g. keep only JSON).
   */
  constructor(
    private readonly keep: (name: string, size: number) => boolean = () => false,
    private readonly sniff?: (firstByte: number) => boolean
  ) {}

  /** Feeds the next chunk of the archive. */
  push(chunk: Uint8Array): void {
    if (this.finished) return
    this.buffer = this.buffer.length === 0 ? chunk : concat([this.buffer, chunk])
    let offset = 0
    while (!this.finished) {
      if (this.current || this.special) {
        const target = this.current ?? this.special
        if (!target) break
        const available = this.buffer.length - offset
        if (target.remaining > 0) {
          const take = Math.min(available, target.remaining)
          if (take === 0) break
          const slice = this.buffer.subarray(offset, offset + take)
          if (this.current?.parts?.length === 0 && this.sniff && !this.sniff(slice[0] ?? 0)) {
            delete this.current.parts
          }
          if (this.current?.parts) this.current.parts.push(slice.slice())
          if (this.special) this.special.parts.push(slice.slice())
          target.remaining -= take
          offset += take
          if (target.remaining > 0) break
        }
        if (this.buffer.length - offset < target.padding) break
        offset += target.padding
        if (this.current) this.finishEntry()
        else this.finishSpecial()
        continue
      }
      if (this.buffer.length - offset < BLOCK) break
      const header = this.buffer.subarray(offset, offset + BLOCK)
      offset += BLOCK
      if (header.every((byte) => byte === 0)) {
        // Two zero blocks end the archive; one is enough to know nothing follows.
        this.finished = true
        break
      }
      this.startEntry(header)
    }
    this.buffer = this.buffer.subarray(offset)
  }

  /** Checks that the archive ended where it should. */
  end(): void {
    if (this.current || this.special || (!this.finished && this.buffer.length > 0)) {
      throw new TarFormatError('the archive ends in the middle of an entry')
    }
  }

  private startEntry(header: Uint8Array): void {
    if (!checksumOk(header)) throw new TarFormatError('bad header checksum: not a tar archive')
    const type = String.fromCharCode(header[156] ?? 0x30).replace('\0', '0')
    const size = readSize(header.subarray(124, 136))
    const padding = (BLOCK - (size % BLOCK)) % BLOCK
    if (type === 'x' || type === 'g' || type === 'L') {
      this.special = {
        kind: type === 'L' ? 'longname' : type === 'g' ? 'global' : 'pax',
        parts: [],
        remaining: size,
        padding
      }
      if (size === 0) this.finishSpecial()
      return
    }
    const magic = text(header.subarray(257, 263))
    const prefix = magic.startsWith('ustar') ? text(header.subarray(345, 500)) : ''
    const baseName = text(header.subarray(0, 100))
    const name = this.pax['path'] ?? this.longName ?? (prefix ? `${prefix}/${baseName}` : baseName)
    const paxSize = this.pax['size']
    const realSize = paxSize !== undefined ? Number(paxSize) : size
    if (!Number.isSafeInteger(realSize) || realSize < 0)
      throw new TarFormatError(`bad size for ${name}`)
    this.pax = {}
    this.longName = undefined
    const entry: TarEntry = { name, size: realSize, type }
    const kept = type === '0' || type === '7' ? this.keep(name, realSize) : false
    this.current = {
      entry,
      remaining: realSize,
      padding: (BLOCK - (realSize % BLOCK)) % BLOCK,
      ...(kept ? { parts: [] } : {})
    }
    if (realSize === 0) this.finishEntry()
  }

  private finishEntry(): void {
    const current = this.current
    if (!current) return
    if (current.parts) current.entry.content = concat(current.parts)
    this.entries.push(current.entry)
    this.current = undefined
  }

  private finishSpecial(): void {
    const special = this.special
    if (!special) return
    const data = concat(special.parts)
    if (special.kind === 'longname') this.longName = text(data)
    // Global records (archive comments and the like) say nothing about the next file.
    else if (special.kind === 'pax') Object.assign(this.pax, parsePax(data))
    this.special = undefined
  }
}

/** Whether the header's checksum field matches its bytes (the field itself counts as spaces). */
function checksumOk(header: Uint8Array): boolean {
  const stored = parseInt(text(header.subarray(148, 156)).trim(), 8)
  let sum = 0
  for (let index = 0; index < BLOCK; index++) {
    sum += index >= 148 && index < 156 ? 0x20 : (header[index] ?? 0)
  }
  return stored === sum
}

/** A size field: octal text, or GNU base-256 (high bit set) for sizes of 8 GiB and more. */
function readSize(field: Uint8Array): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] ?? 0) & 0x7f
    for (let index = 1; index < field.length; index++) value = value * 256 + (field[index] ?? 0)
    return value
  }
  const digits = text(field).trim()
  return digits === '' ? 0 : parseInt(digits, 8)
}

/** PAX records: `<length> <key>=<value>\n`, repeated. */
function parsePax(data: Uint8Array): Record<string, string> {
  const records: Record<string, string> = {}
  let offset = 0
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset)
    if (space < 0) break
    const length = Number(new TextDecoder().decode(data.subarray(offset, space)))
    if (!Number.isSafeInteger(length) || length <= 0) break
    const record = new TextDecoder().decode(data.subarray(space + 1, offset + length - 1))
    const equals = record.indexOf('=')
    if (equals > 0) records[record.slice(0, equals)] = record.slice(equals + 1)
    offset += length
  }
  return records
}

function text(bytes: Uint8Array): string {
  const end = bytes.indexOf(0)
  return new TextDecoder().decode(end >= 0 ? bytes.subarray(0, end) : bytes)
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0)
  const out = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
