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
