import { readFileSync } from 'node:fs'
import { readRunContext, type RunContext } from '../../src/github/context.js'

/** An event fixture: the GITHUB_* variables of the run and its webhook payload. */
export interface EventFixture {
  env: { GITHUB_EVENT_NAME: string; GITHUB_REF: string; GITHUB_SHA: string }
  payload: Record<string, unknown>
}

/** Reads `__tests__/fixtures/events/<name>.json`. */
export function eventFixture(name: string): EventFixture {
  return JSON.parse(
    readFileSync(new URL(`../fixtures/events/${name}.json`, import.meta.url), 'utf8')
  ) as EventFixture
}

/** The RunContext a run of that fixture sees, in the acme/notebooks repository on github.com. */
export function loadEvent(name: string): RunContext {
  const fixture = eventFixture(name)
  return readRunContext(
    {
      ...fixture.env,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/notebooks'
    },
    fixture.payload
  )
}

/** The runner variables of a pull_request run (#7) in acme/notebooks on github.com. */
export const PULL_REQUEST_ENV = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_REPOSITORY: 'acme/notebooks',
  GITHUB_REF: 'refs/pull/7/merge',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_RUN_ID: '42'
}

/** The payload of pull request #7 into main, its head in `head` (null: a deleted fork). */
export const pullRequestEvent = (head: string | null, base = 'acme/notebooks'): unknown => ({
  number: 7,
  pull_request: {
    number: 7,
    base: { ref: 'main', repo: { full_name: base } },
    head: { ref: 'feature/x', repo: head === null ? null : { full_name: head } }
  },
  repository: { id: 1296269, full_name: 'acme/notebooks', default_branch: 'main' }
})
