// Reads `docker image save` output, a tar archive, with tar-stream (as docker/actions-toolkit
// reads OCI archives): every entry's name and size, and the content of the small documents
// the caller keeps (index, manifests, config). Layer entries stream through unread
// (`stream.resume()`), so an image of several gigabytes passes in constant memory.
// tar-stream is loaded on first use: only a compressed budget reads archives, and the
// action's start-up (docs/benchmarks.md) should not pay for it.
import type { ArchiveFile } from './oci.js'

/** Output that cannot be read as a tar archive. */
export class ArchiveFormatError extends Error {
  override readonly name = 'ArchiveFormatError'
}

/** Where a command's raw output is written, with backpressure (see adapters/process.ts). */
export interface ByteSink {
  /** False when full: wait for 'drain' before writing more. */
  write(chunk: Uint8Array): boolean
  once(event: 'drain' | 'error', listener: () => void): unknown
}

/** An archive being read: write its bytes to `sink`, then `end()` for its files. */
export interface ArchiveReader {
  sink: ByteSink
  /** Ends the input; resolves to every file (not directory) in archive order. */
  end(): Promise<ArchiveFile[]>
}

/** Starts reading a tar archive, keeping the content of the files `keep` asks for. */
export async function readArchive(
  keep: (name: string, size: number) => boolean
): Promise<ArchiveReader> {
  const { extract } = await import('tar-stream')
  const extractor = extract()
  const files: ArchiveFile[] = []
  let failure: Error | undefined
  const finished = new Promise<void>((resolve) => {
    extractor.on('finish', () => resolve())
    extractor.on('error', (error: Error) => {
      failure ??= error
      resolve()
    })
  })
  extractor.on('entry', (header, stream, next) => {
    const file: ArchiveFile = { name: header.name, size: header.size ?? 0 }
    if (header.type !== 'directory') files.push(file)
    if (header.type === 'directory' || !keep(file.name, file.size)) {
      stream.on('end', () => next())
      stream.resume()
      return
    }
    const parts: Uint8Array[] = []
    stream.on('data', (chunk: unknown) => parts.push(chunk as Uint8Array))
    stream.on('end', () => {
      file.content = concat(parts)
      next()
    })
  })
  return {
    sink: extractor,
    async end() {
      extractor.end(undefined) // (streamx's types want an argument; undefined writes nothing)
      await finished
      if (failure) throw new ArchiveFormatError(`not a readable tar archive: ${failure.message}`)
      return files
    }
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
