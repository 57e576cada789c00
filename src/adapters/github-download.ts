// The artifact's zip, from the short-lived blob storage GitHub's redirect points at: fetched
// without the token (so it never leaves GitHub), through @actions/http-client (so
// HTTPS_PROXY and NO_PROXY are honoured), size-capped, and retried by GitHub's rule for a GET.
import { HttpClient } from '@actions/http-client'
import { errorMessage } from '../utils/errors.js'
import type { Logger } from '../utils/logger.js'
import { retry } from '../utils/retry.js'
import { GitHubApiError, githubDelay, type GitHubRetry } from './github-requests.js'

/** Refuses an archive larger than a report can be. */
export function checkSize(bytes: Uint8Array, maxBytes: number, label: string): Uint8Array {
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
export async function download(
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
