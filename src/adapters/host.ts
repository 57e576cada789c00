// The machine this process runs on, beyond the engine: its free disk space (the disk check
// before building), its name (is the engine's data root here?) and its load (timings depend
// on it, so a comparison records it).
import { statfs } from 'node:fs/promises'
import os from 'node:os'

/** What the pipeline asks of the machine the action runs on. */
export interface Host {
  /**
   * Bytes available to unprivileged users (`statfs` bavail × bsize, what `df` calls Avail)
   * on the filesystem holding `path`; undefined when the path is not on this machine.
   */
  freeBytes(path: string): Promise<number | undefined>
  /** This machine's host name: what `docker info` calls Name when the engine runs here. */
  hostname(): string
  /** The 1-minute load average; null where the platform has none (Windows). */
  loadAverage(): number | null
}

/** The machine the action runs on. */
export const localHost: Host = {
  async freeBytes(path) {
    try {
      const stats = await statfs(path)
      return stats.bavail * stats.bsize
    } catch {
      return undefined
    }
  },
  hostname: () => os.hostname(),
  loadAverage() {
    const [oneMinute] = os.loadavg()
    return os.platform() === 'win32' || oneMinute === undefined ? null : oneMinute
  }
}
