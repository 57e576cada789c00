// Which package indexes the resolution uses, and the pip.conf that tells pip: the manifest's
// pipIndexUrl/pipExtraIndexUrls (never with credentials) and the inputs pip-index-url /
// pip-extra-index-url (a secret's value). The pip.conf is the only place credentials go:
// it reaches BuildKit as the secret nb-pip-conf, from the bake process's environment, so it
// is in no file, build arg, layer, log or report. Pure.
import { parseIndexUrl, type IndexUrl } from '../manifest/index-urls.js'
import type { Manifest } from '../manifest/types.js'
import { InputError } from '../utils/errors.js'

/** The indexes of a run: the one pip starts from and the extra ones, each once. */
export interface IndexSettings {
  index?: IndexUrl
  extra: IndexUrl[]
  /** Whether the manifest or the inputs named any index (else the base image's pip settings apply). */
  given: boolean
}

/** The inputs that name indexes, as getInputs read them (credentials included). */
export interface IndexInputs {
  pipIndexUrl?: string | undefined
  pipExtraIndexUrls?: string[] | undefined
}

/**
 * The index settings from the manifest and the inputs: the input's index wins over the
 * manifest's, and the extra indexes are the manifest's and the input's together. An input
 * URL that names the same index as a manifest URL (once credentials are set aside)
 * replaces it, so the manifest can name an index and the secret carry its credentials.
 */
export function indexSettings(manifest: Manifest, inputs: IndexInputs): IndexSettings {
  const parse = (text: string, input: string): IndexUrl => {
    const parsed = parseIndexUrl(text)
    if ('problem' in parsed) throw new InputError(`${input}: ${parsed.problem}`)
    return parsed
  }
  const index =
    inputs.pipIndexUrl !== undefined
      ? parse(inputs.pipIndexUrl, 'pip-index-url')
      : manifest.pipIndexUrl !== undefined
        ? parse(manifest.pipIndexUrl, 'pipIndexUrl')
        : undefined
  const extra = new Map<string, IndexUrl>()
  for (const url of manifest.pipExtraIndexUrls ?? []) {
    const parsed = parse(url, 'pipExtraIndexUrls')
    extra.set(parsed.public, parsed)
  }
  for (const url of inputs.pipExtraIndexUrls ?? []) {
    const parsed = parse(url, 'pip-extra-index-url')
    extra.set(parsed.public, parsed)
  }
  if (index !== undefined) extra.delete(index.public)
  const settings: IndexSettings = { extra: [...extra.values()], given: false }
  if (index !== undefined) settings.index = index
  settings.given = index !== undefined || settings.extra.length > 0
  return settings
}

/**
 * The pip.conf of the resolution: the indexes, and every plain-HTTP host as trusted (pip
 * ignores an http:// index on any host but localhost otherwise; the user named it). Empty
 * of settings when none were given, so the base image's own pip configuration applies.
 */
export function pipConf(settings: IndexSettings): string {
  const lines = ['[global]']
  if (settings.index) lines.push(`index-url = ${settings.index.url}`)
  if (settings.extra.length > 0) {
    lines.push('extra-index-url =', ...settings.extra.map((url) => `    ${url.url}`))
  }
  const hosts = trustedHosts(settings)
  if (hosts.length > 0) lines.push('trusted-host =', ...hosts.map((host) => `    ${host}`))
  return `${lines.join('\n')}\n`
}

/** Hosts of the plain-HTTP indexes, each once. */
export function trustedHosts(settings: IndexSettings): string[] {
  const all = [...(settings.index ? [settings.index] : []), ...settings.extra]
  return [...new Set(all.filter((url) => url.http).map((url) => url.host))]
}

/** The indexes without credentials, in pip's order: for the log and the resolution's cache key. */
export function publicIndexes(settings: IndexSettings): string[] {
  return [...(settings.index ? [settings.index] : []), ...settings.extra].map((url) => url.public)
}

/** Warnings about the settings: credentials sent over plain HTTP. */
export function indexWarnings(settings: IndexSettings): string[] {
  return [...(settings.index ? [settings.index] : []), ...settings.extra]
    .filter((url) => url.http && url.credentials)
    .map(
      (url) =>
        `${url.public} is plain HTTP, so its credentials cross the network unencrypted; use https if the index offers it`
    )
}
