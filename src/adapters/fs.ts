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
import { compileGlob, matchesGlobs } from '../glob.js'

/** The filesystem operations the pipeline needs. */
export interface FileSystem {
  readFile(file: string): Promise<Uint8Array>
  /** Writes through a temporary file and a rename, so readers never see half a file. */
  writeFileAtomic(file: string, content: string): Promise<void>
  /** Resolves symlinks; rejects when the path does not exist. */
  realpath(file: string): Promise<string>
  isFile(file: string): Promise<boolean>
  /** A fresh private directory for the run's scratch files. */
  makeTempDir(parent?: string): Promise<string>
  remove(file: string): Promise<void>
  /**
   * Files matching any of the glob patterns (`*`, `?`, `**` for any depth; a leading `!`
   * excludes), relative ones resolved against `cwd`; absolute paths, sorted.
   */
  glob(patterns: string[], cwd: string): Promise<string[]>
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
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
  isFile,
  async makeTempDir(parent) {
    const base = parent ?? os.tmpdir()
    await mkdir(base, { recursive: true })
    return mkdtemp(path.join(base, 'nb-image-'))
  },
  remove: (file) => rm(file, { recursive: true, force: true }),
  async glob(patterns, cwd) {
    const matchers = patterns.map((pattern) =>
      compileGlob(
        pattern.startsWith('!')
          ? `!${path.resolve(cwd, pattern.slice(1))}`
          : path.resolve(cwd, pattern)
      )
    )
    const found = new Set<string>()
    const walk = async (dir: string): Promise<void> => {
      let entries
      try {
        entries = await readdir(dir, { withFileTypes: true })
      } catch {
        return // a folder that is not there matches nothing
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name)
        // Symlinked folders are not followed: no loops, nothing outside the tree.
        if (entry.isDirectory()) await walk(full)
        else if (matchesGlobs(full, matchers)) found.add(full)
      }
    }
    for (const matcher of matchers) {
      if (matcher.exclude) continue
      if (await isFile(matcher.root)) {
        if (matchesGlobs(matcher.root, matchers)) found.add(matcher.root)
      } else await walk(matcher.root)
    }
    return [...found].sort()
  }
}
