/** How often and how patiently to retry. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  tries: number
  /** Wait before the second attempt; it doubles before each further one. */
  baseDelayMs: number
  sleep: (ms: number) => Promise<void>
}

/** Registry operations: 3 tries, waiting 2 s then 4 s. */
export const REGISTRY_RETRY: Omit<RetryPolicy, 'sleep'> = { tries: 3, baseDelayMs: 2000 }

/** A real wait. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

/** The wait before attempt `attempt + 1` (attempts count from 1): base, 2×base, 4×base, … */
export function backoffDelay(policy: Pick<RetryPolicy, 'baseDelayMs'>, attempt: number): number {
  return policy.baseDelayMs * 2 ** (attempt - 1)
}

/**
 * Runs `operation` until it succeeds, it throws an error `isTransient` rejects, or the
 * tries run out; then rethrows the last error. `onRetry` hears about each retry.
 */
export async function retry<T>(
  operation: (attempt: number) => Promise<T>,
  isTransient: (error: unknown) => boolean,
  policy: RetryPolicy,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt)
    } catch (error) {
      if (attempt >= policy.tries || !isTransient(error)) throw error
      const delay = backoffDelay(policy, attempt)
      onRetry?.(error, attempt, delay)
      await policy.sleep(delay)
    }
  }
}
