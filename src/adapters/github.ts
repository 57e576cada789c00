import { retry, type RetryPolicy } from '../utils/retry.js'
import { HttpClient } from '@actions/http-client'
import type { getOctokit } from '@actions/github'
import type { Logger } from '../utils/logger.js'
import { errorMessage } from '../utils/errors.js'

/** A pull-request comment as the REST API returns it (the fields the action reads). */
export interface IssueComment {
  id: number
  body?: string | null
  user: { login: string; type: string } | null
  authorAssociation: string
  /** The page it can be seen on. */
  htmlUrl: string
}

/** One workflow artifact as the REST API lists it (the fields the lookup needs). */
export interface ArtifactInfo {
  id: number
  name: string
  expired: boolean
  createdAt: string | null
  sizeInBytes: number
  workflowRun: {
    id: number
    headBranch: string | null
    headSha: string | null
    repositoryId: number | null
    headRepositoryId: number | null
  } | null
}

/** One workflow run as the REST API returns it (the fields the lookup needs). */
export interface RunInfo {
  id: number
  event: string
  status: string | null
  conclusion: string | null
  headBranch: string | null
  headSha: string
  htmlUrl: string
  repositoryId: number
  headRepositoryId: number | null
}

/** A pull request that contains a commit. */
export interface CommitPullRequest {
  number: number
  state: string
  baseRef: string
  headSha: string
}

/** The GitHub REST calls the comment and baseline phases make, for one repository. */
export interface GitHubApi {
  /** Every comment of the issue or pull request, all pages. */
  listIssueComments(issueNumber: number): Promise<IssueComment[]>
  createIssueComment(issueNumber: number, body: string): Promise<IssueComment>
  updateIssueComment(commentId: number, body: string): Promise<IssueComment>
  /** Artifacts with this name, newest first, at most `maxPages` pages of 100. */
  listArtifacts(name: string, maxPages: number): Promise<ArtifactInfo[]>
  getWorkflowRun(runId: number): Promise<RunInfo>
  /** The artifact's zip archive. */
  downloadArtifact(artifactId: number, maxBytes: number): Promise<Uint8Array>
  /** Pull requests whose head contains the commit. */
  pullRequestsOfCommit(sha: string): Promise<CommitPullRequest[]>
}

/** A request GitHub refused or could not answer, after any retries. */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError'
  constructor(
    message: string,
    /** HTTP status; null when no answer came (network). */
    readonly status: number | null,
    /** `METHOD /path` of the request, for messages. */
    readonly request: string
  ) {
    super(message)
  }
}

/** How the client retries transient failures (5xx, network) and rate limits. */
export interface GitHubRetry {
  /** Attempts in all, the first included. */
  tries: number
  /** First backoff; doubles per retry when GitHub names no wait. */
  baseDelayMs: number
  /** Longest wait a rate limit may ask for; a longer one fails the request at once. */
  maxDelayMs: number
  /** Waits between attempts; tests pass one that records instead. */
  sleep?: (ms: number) => Promise<void>
}

/** Four attempts, 1 s → 2 s → 4 s apart, and rate-limit waits of up to a minute. */
export const DEFAULT_RETRY: GitHubRetry = { tries: 4, baseDelayMs: 1000, maxDelayMs: 60_000 }

/** Where and as whom to call the API. */
export interface GitHubClientOptions {
  token: string
  /** GITHUB_API_URL: `https://api.github.com`, a GHES `…/api/v3`, or a test server. */
  apiUrl: string
  owner: string
  repo: string
  logger: Logger
  retry?: GitHubRetry
}

interface OctokitErrorLike {
  status?: number
  message?: string
  response?: { headers?: Record<string, string | undefined>; data?: unknown }
}

/**
 * The retry rule of a request with this method: how long to wait after a failure, or null
 * to give up. GitHub's rate limits answer 429, or 403 with `retry-after`,
 * `x-ratelimit-remaining: 0` or a message naming the secondary rate limit; those are retried
 * after the wait GitHub names (never longer than `maxDelayMs`). 5xx answers and network
 * failures are retried with exponential backoff, except for POST: creating twice is worse
 * than failing, so the caller decides. Exported for its tests.
 */
export function githubDelay(
  method: string,
  settings: Pick<GitHubRetry, 'baseDelayMs' | 'maxDelayMs'>,
  now: () => number = Date.now
): RetryPolicy['delay'] {
  return (error, attempt) => {
    const { status, message = '', response } = (error ?? {}) as OctokitErrorLike
    const headers = response?.headers ?? {}
    const backoff = settings.baseDelayMs * 2 ** (attempt - 1)
    const rateLimited =
      status === 429 ||
      (status === 403 &&
        (headers['retry-after'] !== undefined ||
          headers['x-ratelimit-remaining'] === '0' ||
          /rate limit/i.test(message)))
    if (rateLimited) {
      let wait = backoff
      const retryAfter = Number(headers['retry-after'])
      const reset = Number(headers['x-ratelimit-reset'])
      if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) {
        wait = Math.max(0, retryAfter * 1000)
      } else if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)) {
        wait = Math.max(0, reset * 1000 - now())
      } else if (status === 403) {
        // GitHub asks to wait at least a minute for a secondary limit without retry-after.
        wait = Math.max(backoff, 60_000)
      }
      return wait <= settings.maxDelayMs ? wait : null
    }
    const transient = status === undefined || status >= 500
    return transient && method !== 'POST' ? backoff : null
  }
}

/** The policy of one request: the settings' tries and sleep, with GitHub's delay rule. */
function policyFor(method: string, settings: GitHubRetry): RetryPolicy {
  return {
    tries: settings.tries,
    delay: githubDelay(method, settings),
    ...(settings.sleep ? { sleep: settings.sleep } : {})
  }
}

/** The Octokit client of @actions/github. */
type Octokit = ReturnType<typeof getOctokit>

/**
 * A GitHubApi over Octokit (`@actions/github`), pointed at `apiUrl`, retrying transient
 * failures and rate limits. Every failure surfaces as a GitHubApiError with the status.
 */
export function createGitHubApi(options: GitHubClientOptions): GitHubApi {
  const settings = options.retry ?? DEFAULT_RETRY
  const { owner, repo, logger } = options
  // Octokit is loaded on first use: most runs (pushes, releases, the build jobs of a
  // fan-out) never call GitHub, and loading it is a good part of the action's start-up.
  let client: Promise<Octokit> | undefined
  const connect = (): Promise<Octokit> =>
    (client ??= import('@actions/github').then(({ getOctokit }) => {
      const octokit = getOctokit(options.token, {
        baseUrl: options.apiUrl,
        log: {
          debug: (message: string) => logger.debug(message),
          info: (message: string) => logger.debug(message),
          warn: (message: string) => logger.warning(message),
          error: (message: string) => logger.debug(message)
        }
      })
      octokit.hook.wrap('request', async (request, route) => {
        const label = `${route.method} ${pathOf(route.url, route as unknown as Record<string, unknown>)}`
        try {
          return await retry(
            async () => request(route),
            policyFor(route.method, settings),
            (error, attempt, delay) =>
              logger.info(
                `GitHub API ${label} answered ${(error as OctokitErrorLike).status ?? 'nothing'}; retrying in ${(delay / 1000).toFixed(1)} s (retry ${attempt} of ${settings.tries - 1})`
              )
          )
        } catch (error) {
          throw toApiError(error, label)
        }
      })
      return octokit
    }))
  const base = { owner, repo }

  return {
    async listIssueComments(issueNumber) {
      const octokit = await connect()
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...base,
        issue_number: issueNumber,
        per_page: 100
      })
      return comments.map(toComment)
    },
    async createIssueComment(issueNumber, body) {
      const octokit = await connect()
      const { data } = await octokit.rest.issues.createComment({
        ...base,
        issue_number: issueNumber,
        body
      })
      return toComment(data)
    },
    async updateIssueComment(commentId, body) {
      const octokit = await connect()
      const { data } = await octokit.rest.issues.updateComment({
        ...base,
        comment_id: commentId,
        body
      })
      return toComment(data)
    },
    async listArtifacts(name, maxPages) {
      const octokit = await connect()
      const artifacts: ArtifactInfo[] = []
      let pages = 0
      for await (const page of octokit.paginate.iterator(
        octokit.rest.actions.listArtifactsForRepo,
        { ...base, name, per_page: 100 }
      )) {
        for (const artifact of page.data) {
          const run = artifact.workflow_run
          artifacts.push({
            id: artifact.id,
            name: artifact.name,
            expired: artifact.expired,
            createdAt: artifact.created_at ?? null,
            sizeInBytes: artifact.size_in_bytes,
            workflowRun: run
              ? {
                  id: run.id ?? 0,
                  headBranch: run.head_branch ?? null,
                  headSha: run.head_sha ?? null,
                  repositoryId: run.repository_id ?? null,
                  headRepositoryId: run.head_repository_id ?? null
                }
              : null
          })
        }
        if (++pages >= maxPages) break
      }
      return artifacts
    },
    async getWorkflowRun(runId) {
      const octokit = await connect()
      const { data } = await octokit.rest.actions.getWorkflowRun({ ...base, run_id: runId })
      return {
        id: data.id,
        event: data.event,
        status: data.status,
        conclusion: data.conclusion,
        headBranch: data.head_branch,
        headSha: data.head_sha,
        htmlUrl: data.html_url,
        repositoryId: data.repository.id,
        headRepositoryId: data.head_repository?.id ?? null
      }
    },
    async downloadArtifact(artifactId, maxBytes) {
      const octokit = await connect()
      const label = `GET /repos/${owner}/${repo}/actions/artifacts/${artifactId}/zip`
      // GitHub answers with a redirect to short-lived blob storage. Follow it by hand, so
      // the token never travels to another host.
      const response = await octokit.request(
        'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
        { ...base, artifact_id: artifactId, archive_format: 'zip', request: { redirect: 'manual' } }
      )
      const status = response.status as number
      if (status === 200 && response.data instanceof ArrayBuffer) {
        return checkSize(new Uint8Array(response.data), maxBytes, label)
      }
      const location = response.headers.location
      if (status < 300 || status >= 400 || !location) {
        throw new GitHubApiError(`${label} answered ${status} without a download`, status, label)
      }
      return download(location, maxBytes, label, settings, logger)
    },
    async pullRequestsOfCommit(sha) {
      const octokit = await connect()
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        ...base,
        commit_sha: sha,
        per_page: 100
      })
      return data.map((pull) => ({
        number: pull.number,
        state: pull.state,
        baseRef: pull.base.ref,
        headSha: pull.head.sha
      }))
    }
  }
}

/**
 * The path of a request for messages: a route template with its parameters filled in, or
 * an absolute URL (the next page) without host and query.
 */
function pathOf(url: string, parameters: Record<string, unknown>): string {
  if (/^https?:\/\//.test(url)) return new URL(url).pathname
  return url
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      parameters[name] === undefined ? whole : encodeURIComponent(String(parameters[name]))
    )
    .replace(/\?.*$/, '')
}

function toComment(data: {
  id: number
  body?: string | null
  html_url: string
  user: { login: string; type: string } | null
  author_association: string
}): IssueComment {
  return {
    id: data.id,
    body: data.body ?? null,
    htmlUrl: data.html_url,
    user: data.user ? { login: data.user.login, type: data.user.type } : null,
    authorAssociation: data.author_association
  }
}

function toApiError(error: unknown, label: string): GitHubApiError {
  if (error instanceof GitHubApiError) return error
  const { status, message } = (error ?? {}) as OctokitErrorLike
  // Octokit reports a request that got no answer as status 500 without a response.
  const answered = (error as OctokitErrorLike)?.response !== undefined
  return new GitHubApiError(
    `${label}: ${answered ? `${status} ` : ''}${message ?? String(error)}`,
    answered ? (status ?? null) : null,
    label
  )
}

function checkSize(bytes: Uint8Array, maxBytes: number, label: string): Uint8Array {
  if (bytes.byteLength > maxBytes) {
    throw new GitHubApiError(
      `${label}: the archive is ${bytes.byteLength} bytes, more than the ${maxBytes} a report needs`,
      null,
      label
    )
  }
  return bytes
}

/** A download attempt that got a bad answer or none: worth another try, by GitHub's rule. */
class DownloadFailure extends Error {
  constructor(
    message: string,
    readonly status: number | undefined
  ) {
    super(message)
  }
}

/** Downloads the blob the artifact redirect points at: no token, proxies honoured, retried. */
async function download(
  url: string,
  maxBytes: number,
  label: string,
  settings: GitHubRetry,
  logger: Logger
): Promise<Uint8Array> {
  const client = new HttpClient('nb-image-action')
  const rule = githubDelay('GET', settings)
  const attempt = async (): Promise<Uint8Array> => {
    let response: Awaited<ReturnType<HttpClient['get']>>
    try {
      response = await client.get(url)
    } catch (error) {
      throw new DownloadFailure(`the download failed: ${errorMessage(error)}`, undefined)
    }
    const status = response.message.statusCode
    if (status !== 200) {
      await response.readBody()
      throw new DownloadFailure(`the download answered ${status}`, status)
    }
    const length = Number(response.message.headers['content-length'])
    if (Number.isFinite(length) && length > maxBytes) {
      response.message.destroy()
      throw new GitHubApiError(
        `${label}: the archive is ${length} bytes, more than the ${maxBytes} a report needs`,
        null,
        label
      )
    }
    try {
      const body = response.readBodyBuffer
        ? await response.readBodyBuffer()
        : Buffer.from(await response.readBody())
      return checkSize(new Uint8Array(body), maxBytes, label)
    } catch (error) {
      if (error instanceof GitHubApiError) throw error
      throw new DownloadFailure(`the download failed: ${errorMessage(error)}`, status)
    }
  }
  try {
    return await retry(
      attempt,
      {
        tries: settings.tries,
        // A size refusal is final; a bad answer or none follows GitHub's rule for a GET.
        delay: (error, n) =>
          error instanceof DownloadFailure ? rule({ status: error.status }, n) : null,
        ...(settings.sleep ? { sleep: settings.sleep } : {})
      },
      (error, _attempt, delay) =>
        logger.info(`${label}: ${errorMessage(error)}; retrying in ${(delay / 1000).toFixed(1)} s`)
    )
  } catch (error) {
    if (error instanceof DownloadFailure) {
      throw new GitHubApiError(`${label}: ${error.message}`, error.status ?? null, label)
    }
    throw error
  }
}
