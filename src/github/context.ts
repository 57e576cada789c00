// What triggered the workflow run, read once from the runner's GITHUB_* variables and the
// event payload (GITHUB_EVENT_PATH), the way docker/metadata-action reads a trigger. Tags,
// the fork rule, NotebookValidationJob sources, the pull-request comment and the report
// upload all ask this one context, so they agree on what the run is.
//
// A run is a pull-request run when its event is one of PULL_REQUEST_EVENTS: all four build
// the pull request's code and carry it in the payload. The payload is data from GitHub (and,
// for pull requests, partly from the pull request's author): only fields of the expected
// types are used.

/** The events whose runs build a pull request's code. */
export const PULL_REQUEST_EVENTS: ReadonlySet<string> = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])

/** The pull request a run builds. */
export interface PullRequestInfo {
  number: number
  /** The base branch, where the baseline report is looked up; null when the payload lacks it. */
  baseRef: string | null
  headRef: string | null
  headSha: string | null
  /** Clone URL of the head repository (a fork's own), when the payload names it. */
  headCloneUrl: string | null
  /** `owner/name` of the head repository; null when it is gone (a deleted fork). */
  headRepository: string | null
  /** `owner/name` of the base repository. */
  baseRepository: string
  /**
   * The head lives in another repository, or in a fork since deleted: GitHub gives such runs
   * a read-only token, and their images are not pushed unless allow-fork-push says so.
   */
  fromFork: boolean
}

/** What the run knows about where it runs and why. */
export interface RunContext {
  /** GITHUB_EVENT_NAME: push, release, pull_request, schedule, …; empty outside a workflow. */
  eventName: string
  /** GITHUB_REF: `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/7/merge`… */
  ref: string
  /** GITHUB_SHA. */
  sha: string
  /** GITHUB_REPOSITORY (`owner/name`); empty outside a workflow. */
  repository: string
  owner: string
  repo: string
  repositoryId: number | null
  defaultBranch: string | null
  /** The repository's clone URL from the payload, for when GITHUB_REPOSITORY is not set. */
  cloneUrl: string | null
  serverUrl: string
  apiUrl: string
  /** This workflow run's page, where its job summary is. */
  runUrl: string | null
  /** Set for a pull-request event whose number is known (from the ref or the payload). */
  pullRequest: PullRequestInfo | null
  /** For a release: its tag and GitHub's "pre-release" flag. */
  release: { tag: string | null; prerelease: boolean } | null
}

/** The runner variables the context is read from. */
export interface GitHubEnv {
  GITHUB_EVENT_NAME?: string | undefined
  GITHUB_REPOSITORY?: string | undefined
  GITHUB_REF?: string | undefined
  GITHUB_SHA?: string | undefined
  GITHUB_SERVER_URL?: string | undefined
  GITHUB_API_URL?: string | undefined
  GITHUB_RUN_ID?: string | undefined
}

/**
 * The webhook payload of the run (the file GITHUB_EVENT_PATH names), read through the given
 * reader; an empty object outside a workflow or when the file cannot be read or parsed.
 */
export async function readEventPayload(
  readFile: (file: string) => Promise<Uint8Array>,
  env: { GITHUB_EVENT_PATH?: string | undefined }
): Promise<unknown> {
  const file = env.GITHUB_EVENT_PATH
  if (!file) return {}
  try {
    return parsePayload(new TextDecoder().decode(await readFile(file)))
  } catch {
    return {}
  }
}

/** Parses the event payload file's text; anything but a JSON object reads as an empty payload. */
export function parsePayload(text: string): Record<string, unknown> {
  try {
    return asObject(JSON.parse(text))
  } catch {
    return {}
  }
}

/** Reads the run context from the runner's variables and the event payload. */
export function readRunContext(env: GitHubEnv, payload: unknown): RunContext {
  const event = asObject(payload)
  const repository = asObject(event['repository'])
  const name = env.GITHUB_REPOSITORY ?? ''
  const [owner = '', repo = ''] = name.split('/')
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const runId = env.GITHUB_RUN_ID && /^\d+$/.test(env.GITHUB_RUN_ID) ? env.GITHUB_RUN_ID : null
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const ref = env.GITHUB_REF ?? ''
  const release = asObject(event['release'])
  return {
    eventName,
    ref,
    sha: env.GITHUB_SHA ?? '',
    repository: name,
    owner,
    repo,
    repositoryId: asNumber(repository['id']),
    defaultBranch: asString(repository['default_branch']),
    cloneUrl: asString(repository['clone_url']),
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runUrl: runId && owner && repo ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : null,
    pullRequest: PULL_REQUEST_EVENTS.has(eventName)
      ? readPullRequest(eventName, ref, event, asString(repository['full_name']) ?? name)
      : null,
    release:
      eventName === 'release'
        ? { tag: asString(release['tag_name']), prerelease: release['prerelease'] === true }
        : null
  }
}

function readPullRequest(
  eventName: string,
  ref: string,
  event: Record<string, unknown>,
  repository: string
): PullRequestInfo | null {
  const pull = asObject(event['pull_request'])
  // The merge ref as metadata-action reads it; pull_request_target runs on the base
  // branch's ref, so there (and without a ref) the payload says.
  const fromRef = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(ref)?.[1]
  const number =
    fromRef !== undefined && eventName !== 'pull_request_target'
      ? Number(fromRef)
      : (asNumber(pull['number']) ?? asNumber(event['number']))
  if (number === null || !Number.isSafeInteger(number) || number <= 0) return null
  const base = asObject(pull['base'])
  const head = asObject(pull['head'])
  const headRepo = head['repo'] === null ? null : asObject(head['repo'])
  const headRepository = headRepo === null ? null : asString(headRepo['full_name'])
  const baseRepository = asString(asObject(base['repo'])['full_name']) ?? repository
  return {
    number,
    baseRef: asString(base['ref']),
    headRef: asString(head['ref']),
    headSha: asString(head['sha']),
    headCloneUrl: headRepo === null ? null : asString(headRepo['clone_url']),
    headRepository,
    baseRepository,
    // `head.repo.fork` is not used: it is also true for branches of a repository that is
    // itself a fork. A pull request whose head is unknown or gone is the cautious reading.
    fromFork:
      'pull_request' in event &&
      (headRepository === null || !sameRepository(headRepository, baseRepository))
  }
}

/** Whether two `owner/name`s are the same repository: GitHub ignores their case. */
export function sameRepository(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/** Whether the run builds a pull request's code (see PULL_REQUEST_EVENTS). */
export function isPullRequestRun(context: RunContext): boolean {
  return PULL_REQUEST_EVENTS.has(context.eventName)
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
export function gitSource(context: RunContext): GitSource | undefined {
  const ownUrl = context.repository
    ? `${context.serverUrl}/${context.repository}.git`
    : (context.cloneUrl ?? undefined)
  if (isPullRequestRun(context)) {
    const pull = context.pullRequest
    const url = pull?.headCloneUrl ?? ownUrl
    if (!pull?.headRef || !url) return undefined
    return { url, ref: pull.headRef, revision: pull.headSha ?? context.sha }
  }
  if (!ownUrl) return undefined
  const tag = /^refs\/tags\/(.+)$/.exec(context.ref)?.[1] ?? context.release?.tag ?? undefined
  if (tag) return { url: ownUrl, ref: tag, revision: context.sha }
  const branch = /^refs\/heads\/(.+)$/.exec(context.ref)?.[1]
  if (branch) return { url: ownUrl, ref: branch, revision: context.sha }
  return undefined
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null
}
