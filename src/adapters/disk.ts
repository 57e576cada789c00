import { statfs } from 'node:fs/promises'
import os from 'node:os'

/** What the disk check asks of the machine the action runs on. */
export interface DiskProbe {
  /**
   * Bytes available to unprivileged users (`statfs` bavail × bsize, what `df` calls Avail)
   * on the filesystem holding `path`; undefined when the path is not on this machine.
   */
  freeBytes(path: string): Promise<number | undefined>
  /** This machine's host name: what `docker info` calls Name when the engine runs here. */
  hostname(): string
}

/** The machine the action runs on. */
export const localDisk: DiskProbe = {
  async freeBytes(path) {
    try {
      const stats = await statfs(path)
      return stats.bavail * stats.bsize
    } catch {
      return undefined
    }
  },
  hostname: () => os.hostname()
}
