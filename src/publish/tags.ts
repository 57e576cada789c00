import semver from 'semver'
import { InputError } from '../utils/errors.js'
import { isPullRequestRun, type RunContext } from '../github/context.js'
import { isValidRepository, isValidTag } from '../image/reference.js'

// Version tags follow docker/metadata-action's rules (src/meta.ts), configured as
//   type=schedule · type=semver,pattern={{version}} · {{major}}.{{minor}} · {{major}}
//   · type=ref,event=branch · type=ref,event=pr · type=sha (on branches)
// so users get the tags they already know. Where metadata-action would be unsafe for
// tier images, we are stricter, and say so in the README:
// - `latest` only for stable semver releases (metadata-action's latest=auto also tags
//   `latest` for a non-semver tag pushed with type=ref,event=tag);
// - a GitHub release marked "pre-release" is treated like a semver pre-release;
// - pull_request_target runs on the base branch's ref, so they are tagged pr-<n> from the
//   payload rather than with the base branch's name.

/** `latest` handling, as metadata-action's `flavor: latest=auto|true|false`. */
export type LatestMode = 'auto' | 'true' | 'false'

/** The `latest` modes, in the order the docs list them. */
export const LATEST_MODES: readonly LatestMode[] = ['auto', 'true', 'false']

/** What kind of ref the version came from. */
export type VersionKind =
  'release' | 'prerelease' | 'tag' | 'branch' | 'pull-request' | 'schedule' | 'none'

/** The version tags a run yields, before they are applied to each image. */
export interface VersionTags {
  /** The highest-priority tag (metadata-action's `version` output); null when there is none. */
  version: string | null
  /** Every version tag: the main one first, then the partial ones, `latest` last. */
  tags: string[]
  kind: VersionKind
  /** Rules that produced nothing, and why (e.g. a tag that is not semver). */
  warnings: string[]
}

/** Options of the tag rules. */
export interface TagRules {
  latest: LatestMode
  /** Length of the `sha-` tag's commit prefix (DOCKER_METADATA_SHORT_SHA_LENGTH), default 7. */
  shortShaLength?: number
}

/** Longest tag Docker accepts. */
export const MAX_TAG_LENGTH = 128

/**
 * Sanitizes text into a Docker tag: runs of characters outside `[A-Za-z0-9_.-]` become
 * `-` (as metadata-action does), leading `.` and `-` are dropped, and the result is cut to
 * 128 characters. May return an empty string, which callers must reject.
 */
export function sanitizeTag(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, MAX_TAG_LENGTH)
}

/** The version tags for a run's trigger, in metadata-action's priority order. */
export function versionTags(context: RunContext, rules: TagRules): VersionTags {
  const warnings: string[] = []
  const found: { tags: string[]; latest: boolean; kind: VersionKind } = {
    tags: [],
    latest: false,
    kind: 'none'
  }
  const shortSha = context.sha.slice(0, rules.shortShaLength ?? 7)
  const tagRef = /^refs\/tags\/(.+)$/.exec(context.ref)?.[1]
  const branchRef = /^refs\/heads\/(.+)$/.exec(context.ref)?.[1]

  if (context.eventName === 'schedule') {
    found.tags.push('nightly')
    found.kind = 'schedule'
  }
  if (isPullRequestRun(context)) {
    const number = context.pullRequest?.number
    if (number !== undefined) {
      found.tags.push(`pr-${number}`)
      found.kind = 'pull-request'
    } else {
      warnings.push(`no pull request number in ref "${context.ref}" or the event payload`)
    }
  } else if (tagRef !== undefined) {
    const raw = tagRef.replace(/\//g, '-')
    if (semver.valid(raw)) {
      const parsed = semver.parse(raw, { loose: true })
      const githubPrerelease = context.release?.prerelease === true
      if (parsed && (parsed.prerelease.length > 0 || githubPrerelease)) {
        // metadata-action: every semver pattern falls back to {{version}} for a pre-release.
        found.tags.push(parsed.version)
        found.kind = 'prerelease'
      } else if (parsed) {
        found.tags.push(parsed.version, `${parsed.major}.${parsed.minor}`, String(parsed.major))
        found.latest = true
        found.kind = context.eventName === 'release' ? 'release' : 'tag'
      }
    } else {
      warnings.push(
        `tag "${tagRef}" is not a valid semver (https://semver.org), so it is used as it is, without version or latest tags`
      )
      found.tags.push(tagRef)
      found.kind = 'tag'
    }
  } else if (branchRef !== undefined) {
    found.tags.push(branchRef)
    if (context.sha) found.tags.push(`sha-${shortSha}`)
    if (found.kind === 'none') found.kind = 'branch'
  }

  const tags: string[] = []
  for (const raw of found.tags) {
    const tag = sanitizeTag(raw)
    if (tag === '') warnings.push(`"${raw}" leaves nothing once sanitized into a Docker tag`)
    else if (!tags.includes(tag)) tags.push(tag)
  }
  const latest =
    tags.length > 0 &&
    (rules.latest === 'true' || (rules.latest === 'auto' && found.latest)) &&
    !tags.includes('latest')
  if (latest) tags.push('latest')
  return { version: tags[0] ?? null, tags, kind: found.kind, warnings }
}

/** A parsed `tag-template`: where per-tier images go and how their tags are spelled. */
export interface TagTemplate {
  /** The template as given. */
  text: string
  /** Repository part, e.g. `{image}` or `{image}-{tier}`. */
  repository: string
  /** Tag part, e.g. `{tier}-{version}` or `{version}`. */
  tag: string
}

/** The default `tag-template`: one repository, tier-prefixed tags (`nb:tier2-1.2.3`). */
export const DEFAULT_TAG_TEMPLATE = '{tier}-{version}'

const PLACEHOLDERS = ['image', 'tier', 'version'] as const

/**
 * Parses a `tag-template` such as `{tier}-{version}` (tags in the manifest's repository) or
 * `{image}-{tier}:{version}` (a repository per tier). The part after the last `:` is the
 * tag; without a `:`, the repository is `{image}`. Throws an InputError naming the input.
 */
export function parseTagTemplate(text: string): TagTemplate {
  const template = text.trim() === '' ? DEFAULT_TAG_TEMPLATE : text.trim()
  const fail = (message: string): never => {
    throw new InputError(`tag-template: ${message} (got "${template}")`)
  }
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(match[1] ?? '')) {
      fail(
        `unknown placeholder {${match[1] ?? ''}}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`
      )
    }
  }
  if (/[{}]/.test(template.replace(/\{(image|tier|version)\}/g, ''))) {
    fail('unbalanced { or }')
  }
  const colon = template.lastIndexOf(':')
  // A colon inside the repository part (a registry port) is literal text before a `/`.
  const split = colon > template.lastIndexOf('/') ? colon : -1
  const repository = split >= 0 ? template.slice(0, split) : '{image}'
  const tag = split >= 0 ? template.slice(split + 1) : template
  if (!tag.includes('{version}')) fail('the tag part must contain {version}')
  if (!template.includes('{tier}')) {
    fail('it must contain {tier}, or every tier image would get the same tags')
  }
  if (repository.includes('{version}')) fail('{version} belongs in the tag part, after the ":"')
  if (repository === '') fail('the repository part before ":" is empty')
  return { text: template, repository, tag }
}

/** An image to tag: its name (tier name, or `shared`) and whether it is the shared image. */
export interface TaggedImage {
  name: string
  shared: boolean
}

/**
 * The full references an image is pushed under, one per version tag, in push order. The
 * shared image takes the plain version tags in the manifest's repository; per-tier images
 * follow the template. Throws an InputError when a reference would be invalid.
 */
export function imageTags(
  image: TaggedImage,
  repository: string,
  versions: string[],
  template: TagTemplate
): string[] {
  const fill = (pattern: string, version: string): string =>
    pattern.replace(/\{(image|tier|version)\}/g, (_, key: string) =>
      key === 'image' ? repository : key === 'tier' ? image.name : version
    )
  const refs: string[] = []
  for (const version of versions) {
    const repo = image.shared ? repository : fill(template.repository, version)
    const raw = image.shared ? version : fill(template.tag, version)
    const tag = sanitizeTag(raw)
    if (!isValidRepository(repo)) {
      throw new InputError(
        `tag-template: "${template.text}" gives the repository "${repo}" for ${image.name}, which is not a valid image repository (lowercase path components such as ghcr.io/acme/nb-tier1)`
      )
    }
    if (!isValidTag(tag)) {
      throw new InputError(
        `tag-template: "${template.text}" gives the tag "${raw}" for ${image.name}, which leaves no valid Docker tag`
      )
    }
    // Truncation to 128 characters can make two versions meet; push each reference once.
    if (!refs.includes(`${repo}:${tag}`)) refs.push(`${repo}:${tag}`)
  }
  return refs
}

/**
 * Every image's references; throws an InputError when two images would share a reference
 * (the second push would silently replace the first).
 */
export function planTags(
  images: TaggedImage[],
  repository: string,
  versions: string[],
  template: TagTemplate
): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  const owner = new Map<string, string>()
  for (const image of images) {
    const refs = imageTags(image, repository, versions, template)
    for (const ref of refs) {
      const previous = owner.get(ref)
      if (previous !== undefined) {
        throw new InputError(
          `tag-template: ${image.name} and ${previous} would both be pushed as ${ref}; make the template tell them apart`
        )
      }
      owner.set(ref, image.name)
    }
    result[image.name] = refs
  }
  return result
}
