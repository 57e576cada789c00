// The manifest's text before any YAML is parsed: bytes refused when too many, UTF-16 or
// not UTF-8 (located at the first bad byte), and a linear scan for nesting too deep for
// the recursive parser, so a hostile document is refused at a stable position.
import { ManifestError, type SourcePos } from '../utils/errors.js'
import { MANIFEST_LIMITS } from './limits.js'

/** The manifest's text: a BOM dropped, bytes checked as above. */
export function decode(source: string | Uint8Array, file: string): string {
  if (typeof source === 'string') return source.replace(/^\uFEFF/, '')
  if (source.byteLength > MANIFEST_LIMITS.maxBytes) {
    throw new ManifestError([
      {
        file,
        line: 1,
        column: 1,
        field: '',
        message: `the manifest is ${source.byteLength} bytes; at most ${MANIFEST_LIMITS.maxBytes} are read`
      }
    ])
  }
  if ((source[0] === 0xff && source[1] === 0xfe) || (source[0] === 0xfe && source[1] === 0xff)) {
    throw new ManifestError([
      {
        file,
        line: 1,
        column: 1,
        field: '',
        message:
          'the manifest is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8'
      }
    ])
  }
  const bad = firstInvalidUtf8(source)
  if (bad !== -1) {
    let line = 1
    let lineStart = 0
    for (let i = 0; i < bad; i++) {
      if (source[i] === 0x0a) {
        line++
        lineStart = i + 1
      }
    }
    // Columns count characters, and the bytes before the bad one on its line are valid UTF-8.
    const column = new TextDecoder().decode(source.subarray(lineStart, bad)).length + 1
    throw new ManifestError([
      {
        file,
        line,
        column,
        field: '',
        message: `invalid UTF-8 (byte 0x${(source[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad}); save the manifest as UTF-8`
      }
    ])
  }
  return new TextDecoder().decode(source).replace(/^\uFEFF/, '')
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    let length: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) {
      length = 2
      min = 0x80
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3
      min = 0x800
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4
      min = 0x10000
    } else {
      return i
    }
    if (i + length > bytes.length) return i
    let codePoint = b & (0xff >> (length + 1))
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k] ?? 0
      if ((next & 0xc0) !== 0x80) return i
      codePoint = (codePoint << 6) | (next & 0x3f)
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
      return i
    i += length
  }
  return -1
}

/**
 * Where the text first nests deeper than `limit`, counting indentation levels, `- ` items
 * opening a line and open brackets (outside quotes and comments). A cheap, linear scan run
 * before the recursive parser, so a hostile document is refused at a stable position.
 */
export function tooDeep(text: string, limit: number): SourcePos | undefined {
  const indents: number[] = []
  let flow = 0
  let quote: '"' | "'" | undefined
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    let column = 0
    if (quote === undefined && flow === 0) {
      const indent = /^ */.exec(line)?.[0].length ?? 0
      if (/^ *(#|$)/.test(line)) continue
      while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent) indents.pop()
      indents.push(indent)
      column = indent
      if (indents.length > limit) return { line: index + 1, column: column + 1 }
      // `- - - x` nests a list per dash on one line.
      const dash = /- +/y
      dash.lastIndex = column
      for (let match = dash.exec(line); match; match = dash.exec(line)) {
        column = dash.lastIndex
        indents.push(column)
        if (indents.length > limit) return { line: index + 1, column: column + 1 }
      }
    }
    for (let i = column; i < line.length; i++) {
      const c = line[i]
      if (quote === '"') {
        if (c === '\\') i++
        else if (c === '"') quote = undefined
      } else if (quote === "'") {
        // '' is a quote inside a single-quoted string.
        if (c === "'" && line[i + 1] === "'") i++
        else if (c === "'") quote = undefined
      } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
        break
      } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1] ?? ''))) {
        quote = c
      } else if (c === '[' || c === '{') {
        flow++
        if (indents.length + flow > limit) return { line: index + 1, column: i + 1 }
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--
      }
    }
  }
  return undefined
}
