// Docker image references (distribution/reference grammar), in one place: the manifest's
// `image` and `baseImage`, the references tag templates make, and the registry client's
// addressing all use these rules.

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

/**
 * A `repo:tag` reference in one spelling, registry and path in full, so that the names the
 * engine lists (`acme/nb:tier1`, `docker.io/acme/nb:tier1`) compare equal.
 */
export function canonicalReference(reference: string): string {
  const { repository, tag } = splitTag(reference)
  const { registry, path } = locateRepository(repository)
  return `${registry}/${path}:${tag}`
}

/** Whether a registry host is this machine, where registries speak plain HTTP. */
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.startsWith('[')
    ? registry.slice(1, registry.indexOf(']'))
    : (registry.split(':')[0] ?? '')
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}

/** Whether `tag` is a valid Docker tag as it stands. */
export function isValidTag(tag: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)
}

// A digest (algorithm:hex), the part after `@` of a pinned image.
const DIGEST_PATTERN = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/

/** Why `image` is not an image repository (the manifest's `image`), or undefined when it is. */
export function imageRepositoryProblem(image: string): string | undefined {
  if (image.includes('@') || /:[^/]*$/.test(image.replace(/^[^/]*\//, ''))) {
    return `"${image}" has a tag or digest; give only the repository, e.g. ghcr.io/acme/notebook-validator`
  }
  if (!isValidRepository(image)) {
    return `"${image}" is not a valid image repository: expected lowercase path components such as ghcr.io/acme/notebook-validator`
  }
  return undefined
}

/** Why `reference` is not `repository[:tag][@digest]` (a `baseImage`), or undefined when it is. */
export function imageReferenceProblem(reference: string): string | undefined {
  const [name = '', digest] = reference.split('@', 2)
  const { repository, tag } = splitTag(name)
  if (
    isValidRepository(repository) &&
    isValidTag(tag) &&
    (digest === undefined || DIGEST_PATTERN.test(digest))
  ) {
    return undefined
  }
  return `"${reference}" is not a valid image reference: expected e.g. python:3.12-slim or ghcr.io/acme/base:1@sha256:…`
}
