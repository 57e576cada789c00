// The one retry loop. Every caller that tries an operation again (docker push, registry
// read-back, GitHub API requests and artifact downloads, creating the pull-request comment,
// inspecting an image right after its export) states its rule as a `delay` function: how
// long to wait after a failure, or null to give up. Rules that depend on the error (a
// transient status, GitHub's `retry-after`) live in that function, not in another loop.

/** How often to try, and how long to wait after each failure. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  tries: number
  /**
   * Milliseconds to wait after `error` ended attempt `attempt` (counted from 1) before the
   * next one, or null to give up and rethrow it. Only asked while tries are left.
   */
  delay: (error: unknown, attempt: number) => number | null
  /** Waits; tests pass one that records instead of waiting. */
  sleep?: (ms: number) => Promise<void>
}

/** A real wait. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Exponential backoff for the errors `transient` accepts: `baseMs` after the first
 * attempt, then twice as long after each further one; null (give up) for any other error.
 */
export function backoff(
  baseMs: number,
  transient: (error: unknown) => boolean
): RetryPolicy['delay'] {
  return (error, attempt) => (transient(error) ? baseMs * 2 ** (attempt - 1) : null)
}

/**
 * Runs `operation` until it succeeds, the policy gives up on its error, or the tries run
 * out; then rethrows the last error. `onRetry` hears of each failure that is retried,
 * with the wait before the next attempt.
 */
export async function retry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (error) {
      const wait = attempt < policy.tries ? policy.delay(error, attempt) : null
      if (wait === null) throw error
      onRetry?.(error, attempt, wait)
      if (wait > 0) await (policy.sleep ?? sleep)(wait)
    }
  }
}
