import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
  writeFile
} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** The filesystem operations the pipeline needs. */
export interface FileSystem {
  readFile(file: string): Promise<Uint8Array>
  /** Writes through a temporary file and a rename, so readers never see half a file. */
  writeFileAtomic(file: string, content: string | Uint8Array): Promise<void>
  /** Resolves symlinks; rejects when the path does not exist. */
  realpath(file: string): Promise<string>
  isFile(file: string): Promise<boolean>
  /** A fresh private directory for the run's scratch files. */
  makeTempDir(parent?: string): Promise<string>
  remove(file: string): Promise<void>
  /** The entries of a directory, sorted by name; whether each is a directory (symlinks followed). */
  listDir(dir: string): Promise<{ name: string; directory: boolean }[]>
}

/** FileSystem backed by node:fs. */
export const nodeFileSystem: FileSystem = {
  readFile: (file) => readFile(file),
  async writeFileAtomic(file, content) {
    await mkdir(path.dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`
    try {
      await writeFile(temporary, content, { mode: 0o644 })
      await rename(temporary, file)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  },
  realpath: (file) => realpath(file),
  async isFile(file) {
    try {
      return (await stat(file)).isFile()
    } catch {
      return false
    }
  },
  async makeTempDir(parent) {
    const base = parent ?? os.tmpdir()
    await mkdir(base, { recursive: true })
    return mkdtemp(path.join(base, 'nb-image-'))
  },
  remove: (file) => rm(file, { recursive: true, force: true }),
  async listDir(dir) {
    const entries = await readdir(dir, { withFileTypes: true })
    const listed = await Promise.all(
      entries.map(async (entry) => ({
        name: entry.name,
        directory:
          entry.isDirectory() ||
          (entry.isSymbolicLink() &&
            (await stat(path.join(dir, entry.name)).then(
              (found) => found.isDirectory(),
              () => false
            )))
      }))
    )
    return listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  }
}
