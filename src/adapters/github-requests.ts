// How a GitHub request fails and is retried: GitHub's rate limits say how long to wait
// (`retry-after`, `x-ratelimit-reset`), transient failures back off exponentially, and a
// POST that failed is not sent again blindly (the caller decides: see the comment's
// look-before-create in github/pull-request-comment.ts). The loop is utils/retry.ts.
import type { RetryPolicy } from '../utils/retry.js'

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

/** What the client reads of a failed Octokit request. */
export interface OctokitErrorLike {
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
export function policyFor(method: string, settings: GitHubRetry): RetryPolicy {
  return {
    tries: settings.tries,
    delay: githubDelay(method, settings),
    ...(settings.sleep ? { sleep: settings.sleep } : {})
  }
}

/** Any failure of a request as a GitHubApiError: the status, or null when nothing answered. */
export function toApiError(error: unknown, label: string): GitHubApiError {
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
