import { backoff, retry, type RetryPolicy } from '../../src/utils/retry.js'

describe('retry', () => {
  const policy = (delay: RetryPolicy['delay'], waits: number[], tries = 3): RetryPolicy => ({
    tries,
    delay,
    sleep: async (ms) => void waits.push(ms)
  })
  const failing =
    (calls: { count: number }, message = 'no') =>
    async (): Promise<never> => {
      calls.count++
      throw new Error(message)
    }

  test('stops at the first success, at an error the policy gives up on, or after the tries', async () => {
    const waits: number[] = []
    const always = backoff(10, () => true)
    let calls = 0
    await expect(retry(async () => ++calls, policy(always, waits))).resolves.toBe(1)
    const never = { count: 0 }
    await expect(
      retry(
        failing(never),
        policy(
          backoff(10, () => false),
          waits
        )
      )
    ).rejects.toThrow('no')
    expect(never.count).toBe(1)
    const again = { count: 0 }
    await expect(retry(failing(again, 'again'), policy(always, waits))).rejects.toThrow('again')
    expect([again.count, waits]).toEqual([3, [10, 20]])
  })

  test('the delay sees each error and its attempt, counted from 1; retries are reported', async () => {
    const seen: [string, number][] = []
    const reported: [number, number][] = []
    const waits: number[] = []
    const calls = { count: 0 }
    await expect(
      retry(
        failing(calls),
        policy(
          (error, attempt) => {
            seen.push([(error as Error).message, attempt])
            return attempt * 100
          },
          waits,
          4
        ),
        (_error, attempt, delay) => reported.push([attempt, delay])
      )
    ).rejects.toThrow('no')
    // The delay is asked only while tries are left.
    expect(seen).toEqual([
      ['no', 1],
      ['no', 2],
      ['no', 3]
    ])
    expect(reported).toEqual([
      [1, 100],
      [2, 200],
      [3, 300]
    ])
    expect(waits).toEqual([100, 200, 300])
  })

  test('a wait of 0 tries again at once, without sleeping', async () => {
    const waits: number[] = []
    let calls = 0
    const result = await retry(
      async (attempt) => {
        calls++
        if (attempt < 3) throw new Error('not yet')
        return 'done'
      },
      policy(() => 0, waits)
    )
    expect([result, calls, waits]).toEqual(['done', 3, []])
  })

  test.each<[number, number]>([
    [1, 2000],
    [2, 4000],
    [3, 8000]
  ])('backoff after attempt %i is %i ms', (attempt, delay) => {
    expect(backoff(2000, () => true)(new Error('x'), attempt)).toBe(delay)
  })
})
