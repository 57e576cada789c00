// Docker image references (distribution/reference grammar), for names the action builds
// from templates rather than reads from the manifest.

// A repository: optional registry host (with port), then lowercase path components.
const REPOSITORY =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/

/** Whether `name` is a valid image repository (no tag, no digest, at most 255 characters). */
export function isValidRepository(name: string): boolean {
  return name.length <= 255 && REPOSITORY.test(name)
}

/** A repository split into the registry host and the path on it, as clients address them. */
export interface RepositoryLocation {
  /** Host (and port) to talk to, e.g. ghcr.io, registry-1.docker.io, 127.0.0.1:5000. */
  registry: string
  /** Name on that registry, e.g. acme/nb, library/python. */
  path: string
}

/**
 * Where a repository lives. Like the docker CLI: the first component is a registry host
 * when it contains `.` or `:` or is `localhost`; otherwise the repository is on Docker Hub,
 * where single names live under `library/`.
 */
export function locateRepository(repository: string): RepositoryLocation {
  const slash = repository.indexOf('/')
  const first = slash >= 0 ? repository.slice(0, slash) : ''
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    const host = first === 'docker.io' || first === 'index.docker.io' ? '' : first
    if (host !== '') {
      return { registry: host, path: repository.slice(slash + 1) }
    }
    return dockerHub(repository.slice(slash + 1))
  }
  return dockerHub(repository)
}

function dockerHub(path: string): RepositoryLocation {
  return {
    registry: 'registry-1.docker.io',
    path: path.includes('/') ? path : `library/${path}`
  }
}

/** Splits `repo:tag` (the tag is after the last `:` that follows the last `/`). */
export function splitTag(reference: string): { repository: string; tag: string } {
  const colon = reference.lastIndexOf(':')
  if (colon <= reference.lastIndexOf('/')) return { repository: reference, tag: 'latest' }
  return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) }
}

/** Whether a registry host is this machine, where registries speak plain HTTP. */
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.startsWith('[')
    ? registry.slice(1, registry.indexOf(']'))
    : (registry.split(':')[0] ?? '')
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}
