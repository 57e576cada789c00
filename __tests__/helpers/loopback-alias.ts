// A name for this machine's loopback that @actions/http-client does not bypass the proxy
// for: it always goes direct to `localhost` and `127.*`, so a test that must see requests go
// through a proxy addresses its local servers by another name that resolves to 127.0.0.1
// (this machine's host name, or a line of /etc/hosts; .ci/run adds
// `127.0.0.1 nb-image-registry.test` on machines that have none). The engine pushes to a
// registry so named over plain HTTP all the same: it is in the default insecure 127.0.0.0/8.
import { lookup } from 'node:dns/promises'
import { readFileSync } from 'node:fs'
import os from 'node:os'

/** The name .ci/run adds to /etc/hosts when the machine has no other. */
export const FALLBACK_ALIAS = 'nb-image-registry.test'

/** Names /etc/hosts gives to 127.x addresses, in file order. */
function hostsFileNames(): string[] {
  let text = ''
  try {
    text = readFileSync('/etc/hosts', 'utf8')
  } catch {
    return []
  }
  return text.split('\n').flatMap((line) => {
    const [address = '', ...names] = line.replace(/#.*/, '').trim().split(/\s+/)
    return address.startsWith('127.') ? names : []
  })
}

/** A name other than localhost/127.* that resolves to loopback addresses only, if any. */
export async function loopbackAlias(): Promise<string | undefined> {
  const candidates = [FALLBACK_ALIAS, os.hostname(), ...hostsFileNames()]
  for (const name of candidates) {
    const lower = name.toLowerCase()
    if (!lower || lower === 'localhost' || lower.startsWith('127.') || lower.includes(':')) continue
    if (lower.endsWith('.localhost') || !/^[a-z0-9.-]+$/.test(lower)) continue
    const addresses = await lookup(name, { all: true }).catch(() => [])
    if (addresses.length > 0 && addresses.every((entry) => entry.address.startsWith('127.'))) {
      return lower
    }
  }
  return undefined
}
