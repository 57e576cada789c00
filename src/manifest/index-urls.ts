// Package index URLs, from the manifest (pipIndexUrl, pipExtraIndexUrls: never with
// credentials, since everyone who reads the repository reads them) and from the inputs
// (pip-index-url, pip-extra-index-url: a secret's value, credentials welcome). What a URL
// may hold, and the parts of it that are secret, are decided here for both.

/** An index URL taken apart. */
export interface IndexUrl {
  /** As given: credentials included. Only ever written to the secret pip.conf. */
  url: string
  /** Without user and password: safe for the log, the report and the cache key. */
  public: string
  /** Host name, for pip's trusted-host when the URL is plain HTTP. */
  host: string
  /** Whether the URL is plain HTTP (pip then needs the host trusted). */
  http: boolean
  /** Whether the URL carries a user name or password. */
  credentials: boolean
}

const EXAMPLE = 'expected an http(s) URL of a package index, e.g. https://pypi.example.com/simple'

/**
 * Parses one index URL. Returns the problem as a sentence instead when it is not an http(s)
 * URL; the sentence never repeats the URL's credentials.
 */
export function parseIndexUrl(text: string): IndexUrl | { problem: string } {
  const trimmed = text.trim()
  let url: URL
  try {
    if (/\s/.test(trimmed)) throw new Error('whitespace')
    url = new URL(trimmed)
  } catch {
    return { problem: `${shown(trimmed)} is not a URL; ${EXAMPLE}` }
  }
  const credentials = url.username !== '' || url.password !== ''
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { problem: `${shown(trimmed)} is a ${url.protocol.slice(0, -1)} URL; ${EXAMPLE}` }
  }
  const publicUrl = new URL(url.href)
  publicUrl.username = ''
  publicUrl.password = ''
  return {
    url: url.href,
    public: publicUrl.href,
    host: url.hostname,
    http: url.protocol === 'http:',
    credentials
  }
}

/** The URL as messages may show it: any user name or password replaced by `***`. */
export function redactUrl(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/i, '$1***@')
}

function shown(text: string): string {
  const redacted = redactUrl(text)
  return JSON.stringify(redacted.length > 100 ? `${redacted.slice(0, 97)}...` : redacted)
}

/**
 * The secret parts of an input that holds index URLs (one or more, separated by white
 * space), to mask in the log the moment the input is read: each URL that carries
 * credentials, its user:password, the password, and a user name given without a password
 * (most often a token), raw and URL-decoded.
 */
export function indexUrlSecrets(text: string): string[] {
  const secrets = new Set<string>()
  for (const word of text.split(/\s+/)) {
    const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)@/i.exec(word)?.[1]
    if (userinfo === undefined || userinfo === '') continue
    secrets.add(word)
    for (const form of new Set([userinfo, safeDecode(userinfo)])) {
      secrets.add(form)
      const colon = form.indexOf(':')
      secrets.add(colon >= 0 ? form.slice(colon + 1) : form)
      // The user name alone is not masked when a password follows it: it names an account.
      if (colon >= 0) secrets.add(safeDecode(form.slice(colon + 1)))
    }
  }
  return [...secrets].filter((secret) => secret.length >= 3)
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
