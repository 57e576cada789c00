export /** Wraps an async function so that at most `concurrency` calls run at once. */
function limited<A, R>(concurrency: number, fn: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let running = 0
  const waiting: (() => void)[] = []
  return async (arg) => {
    if (running < concurrency) running++
    else await new Promise<void>((resolve) => waiting.push(resolve))
    try {
      return await fn(arg)
    } finally {
      // A finished call hands its slot straight to the next one waiting, if any.
      const next = waiting.shift()
      if (next) next()
      else running--
    }
  }
}
