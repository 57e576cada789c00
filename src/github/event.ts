// What triggered the workflow run, read the way docker/metadata-action reads it: from
// GITHUB_EVENT_NAME, GITHUB_REF and GITHUB_SHA, plus the event payload for what the ref
// alone does not say (pull request numbers, forks, GitHub's "pre-release" flag).

/** The repository fields of an event payload that the action reads. */
export interface PayloadRepository {
  full_name?: string
  clone_url?: string
  default_branch?: string
}

/** The subset of a webhook event payload (GITHUB_EVENT_PATH) that the action reads. */
export interface EventPayload {
  number?: number
  release?: { tag_name?: string; prerelease?: boolean }
  pull_request?: {
    number?: number
    head?: { ref?: string; sha?: string; repo?: PayloadRepository | null }
  }
  repository?: PayloadRepository
}

/** The run's trigger. */
export interface EventContext {
  /** GITHUB_EVENT_NAME: push, release, pull_request, pull_request_target, schedule, … */
  name: string
  /** GITHUB_REF, e.g. refs/tags/v1.2.3, refs/heads/main, refs/pull/7/merge. */
  ref: string
  /** GITHUB_SHA. */
  sha: string
  payload: EventPayload
  /** GITHUB_SERVER_URL and GITHUB_REPOSITORY, for git clone URLs. */
  serverUrl?: string
  repository?: string
}

/** Parses the event payload file's text; anything but a JSON object reads as an empty payload. */
export function parsePayload(text: string): EventPayload {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as EventPayload)
      : {}
  } catch {
    return {}
  }
}

/**
 * The webhook payload of the run (the file GITHUB_EVENT_PATH names), read through the given
 * reader; empty outside a workflow or when the file cannot be read.
 */
export async function readEventPayload(
  readFile: (file: string) => Promise<Uint8Array>,
  env: { GITHUB_EVENT_PATH?: string | undefined }
): Promise<EventPayload> {
  const file = env.GITHUB_EVENT_PATH
  if (!file) return {}
  try {
    return parsePayload(new TextDecoder().decode(await readFile(file)))
  } catch {
    return {}
  }
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** Whether the run was triggered by a pull request (either event). */
export function isPullRequest(event: EventContext): boolean {
  return PR_EVENTS.has(event.name)
}

/**
 * The pull request number: from refs/pull/<n>/merge as metadata-action reads it, else from
 * the payload (pull_request_target runs on the base branch's ref).
 */
export function pullRequestNumber(event: EventContext): number | undefined {
  const match = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(event.ref)
  if (match && event.name !== 'pull_request_target') return Number(match[1])
  const number = event.payload.pull_request?.number ?? event.payload.number
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0
    ? number
    : undefined
}

/** Whether two `owner/name`s are the same repository: GitHub ignores their case. */
export function sameRepository(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/**
 * For a pull request whose head lives in another repository (a fork, or a fork since
 * deleted), the two repository names; undefined otherwise. `head.repo.fork` is not used:
 * it is also true for branches of a repository that is itself a fork.
 */
export function forkPullRequest(event: EventContext): { head: string; base: string } | undefined {
  if (!isPullRequest(event)) return undefined
  const pull = event.payload.pull_request
  if (!pull) return undefined
  const base = event.payload.repository?.full_name ?? event.repository ?? ''
  const head = pull.head?.repo?.full_name
  if (head === undefined || head === null) return { head: '(deleted fork)', base }
  return sameRepository(head, base) ? undefined : { head, base }
}

/** Where a NotebookValidationJob's git-clone init container fetches the notebooks from. */
export interface GitSource {
  url: string
  /** A branch or tag name: the operator runs `git clone --branch <ref>`, which takes no SHA. */
  ref: string
  /** The commit that was built, for traceability. */
  revision: string
}

/**
 * The repository and branch/tag holding the notebooks of this run: the tag for tag pushes
 * and releases, the branch for branch pushes, the head branch (in the head repository) for
 * pull requests. Undefined when the run has no branch or tag to clone.
 */
export function gitSource(event: EventContext): GitSource | undefined {
  const server = (event.serverUrl ?? 'https://github.com').replace(/\/+$/, '')
  const ownUrl = event.repository
    ? `${server}/${event.repository}.git`
    : event.payload.repository?.clone_url
  if (isPullRequest(event)) {
    const head = event.payload.pull_request?.head
    const url = head?.repo?.clone_url ?? ownUrl
    if (!head?.ref || !url) return undefined
    return { url, ref: head.ref, revision: head.sha ?? event.sha }
  }
  if (!ownUrl) return undefined
  const tag = /^refs\/tags\/(.+)$/.exec(event.ref)?.[1] ?? event.payload.release?.tag_name
  if (tag) return { url: ownUrl, ref: tag, revision: event.sha }
  const branch = /^refs\/heads\/(.+)$/.exec(event.ref)?.[1]
  if (branch) return { url: ownUrl, ref: branch, revision: event.sha }
  return undefined
}

/** The GITHUB_* variables the event is read from. */
export interface EventEnv {
  GITHUB_EVENT_NAME?: string
  GITHUB_REF?: string
  GITHUB_SHA?: string
  GITHUB_SERVER_URL?: string
  GITHUB_REPOSITORY?: string
}

/** The run's trigger from the runner's environment and the parsed event payload. */
export function eventFromEnv(env: EventEnv, payload: EventPayload): EventContext {
  const event: EventContext = {
    name: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    payload
  }
  if (env.GITHUB_SERVER_URL) event.serverUrl = env.GITHUB_SERVER_URL
  if (env.GITHUB_REPOSITORY) event.repository = env.GITHUB_REPOSITORY
  return event
}
