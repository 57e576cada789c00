// dpkg's database read from the host, for images without python3 (the probe reads it in the
// image otherwise): /var/lib/dpkg/status, or the one-file-per-package status.d of distroless
// images, copied out with `docker cp`. The same rules as probe.py's read_dpkg. Pure.
import type { SystemPackage } from '../report/contents.js'

/** The paragraphs of a Debian control file, field names lowercased; continuation lines kept. */
export function controlParagraphs(text: string): Record<string, string>[] {
  const paragraphs: Record<string, string>[] = []
  let current: Record<string, string> = {}
  let last: string | undefined
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (Object.keys(current).length > 0) paragraphs.push(current)
      current = {}
      last = undefined
      continue
    }
    if (/^[ \t]/.test(line)) {
      if (last !== undefined) current[last] = `${current[last] ?? ''}\n${line.trim()}`
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    last = line.slice(0, colon).trim().toLowerCase()
    current[last] = line.slice(colon + 1).trim()
  }
  if (Object.keys(current).length > 0) paragraphs.push(current)
  return paragraphs
}

/**
 * The installed packages of dpkg status texts (status, then each status.d file), sorted
 * by name; a package listed twice keeps its last entry. Only `… installed` states count
 * (not config-files or half-installed); Installed-Size is in KiB.
 */
export function installedDebianPackages(texts: string[]): SystemPackage[] {
  const packages = new Map<string, SystemPackage>()
  for (const text of texts) {
    for (const paragraph of controlParagraphs(text)) {
      const name = paragraph['package']
      const state = (paragraph['status'] ?? 'install ok installed').split(/\s+/)
      if (!name || state.at(-1) !== 'installed') continue
      const kib = Number(paragraph['installed-size'] ?? '')
      const entry: SystemPackage = {
        name,
        version: paragraph['version'] ?? '',
        sizeBytes: Number.isSafeInteger(kib) && kib > 0 ? kib * 1024 : null
      }
      if (paragraph['architecture']) entry.architecture = paragraph['architecture']
      packages.set(name, entry)
    }
  }
  return [...packages.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
