import {
  eventFromEnv,
  forkPullRequest,
  gitSource,
  parsePayload,
  pullRequestNumber,
  type EventContext,
  type GitSource,
  readEventPayload
} from '../../src/github/event.js'
import { loadEvent } from '../helpers/events.js'

const SHA = '4f2c1a9d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a'
const OWN = 'https://github.com/acme/notebooks.git'

describe('gitSource: what the operator clones for each event fixture', () => {
  test.each<[string, GitSource | undefined]>([
    ['release', { url: OWN, ref: 'v1.2.3', revision: SHA }],
    ['prerelease', { url: OWN, ref: 'v2.0.0-rc.1', revision: SHA }],
    ['tag-push', { url: OWN, ref: 'v0.4.10', revision: SHA }],
    ['branch-push', { url: OWN, ref: 'feature/Tier2+GPU', revision: SHA }],
    [
      'pull-request',
      { url: OWN, ref: 'tier3-serving', revision: '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d' }
    ],
    // A fork's branch lives in the fork: clone from there.
    [
      'pull-request-fork',
      {
        url: 'https://github.com/mallory/notebooks.git',
        ref: 'patch-1',
        revision: '8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c'
      }
    ],
    [
      'pull-request-target',
      { url: OWN, ref: 'docs', revision: '7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b' }
    ],
    ['schedule', { url: OWN, ref: 'main', revision: SHA }]
  ])('%s', (fixture, source) => {
    expect(gitSource(loadEvent(fixture))).toEqual(source)
  })

  test('an enterprise server URL is used as it is', () => {
    const event = eventFromEnv(
      {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: 'abc',
        GITHUB_SERVER_URL: 'https://ghe.example.com/',
        GITHUB_REPOSITORY: 'acme/nb'
      },
      {}
    )
    expect(gitSource(event)).toEqual({
      url: 'https://ghe.example.com/acme/nb.git',
      ref: 'main',
      revision: 'abc'
    })
  })

  test('no branch or tag: nothing to clone', () => {
    expect(
      gitSource({ name: 'workflow_run', ref: '', sha: SHA, payload: {}, repository: 'acme/nb' })
    ).toBeUndefined()
  })
})

describe('forkPullRequest', () => {
  test.each<[string, { head: string; base: string } | undefined]>([
    ['pull-request', undefined],
    ['pull-request-fork', { head: 'mallory/notebooks', base: 'acme/notebooks' }],
    ['pull-request-target', undefined],
    ['release', undefined],
    ['branch-push', undefined]
  ])('%s', (fixture, fork) => {
    expect(forkPullRequest(loadEvent(fixture))).toEqual(fork)
  })

  test('a pull request whose fork was deleted counts as a fork', () => {
    const event: EventContext = {
      name: 'pull_request',
      ref: 'refs/pull/3/merge',
      sha: SHA,
      payload: {
        pull_request: { number: 3, head: { ref: 'x', repo: null } },
        repository: { full_name: 'acme/nb' }
      }
    }
    expect(forkPullRequest(event)).toEqual({ head: '(deleted fork)', base: 'acme/nb' })
  })

  test('names are compared without case, as GitHub does', () => {
    const event: EventContext = {
      name: 'pull_request',
      ref: 'refs/pull/3/merge',
      sha: SHA,
      payload: {
        pull_request: { number: 3, head: { ref: 'x', repo: { full_name: 'Acme/NB' } } },
        repository: { full_name: 'acme/nb' }
      }
    }
    expect(forkPullRequest(event)).toBeUndefined()
  })
})

describe('pullRequestNumber and parsePayload', () => {
  test.each<[Partial<EventContext>, number | undefined]>([
    [{ name: 'pull_request', ref: 'refs/pull/12/merge' }, 12],
    [{ name: 'pull_request', ref: 'refs/pull/12/head' }, 12],
    [{ name: 'pull_request_target', ref: 'refs/heads/main', payload: { number: 5 } }, 5],
    [{ name: 'pull_request', ref: '', payload: { pull_request: { number: 9 } } }, 9],
    [{ name: 'pull_request', ref: '', payload: { number: -1 } }, undefined]
  ])('%j → %s', (fields, number) => {
    expect(pullRequestNumber({ name: '', ref: '', sha: '', payload: {}, ...fields })).toBe(number)
  })

  test.each<[string, unknown]>([
    ['{"number": 3}', { number: 3 }],
    ['not json', {}],
    ['[1,2]', {}],
    ['null', {}]
  ])('parsePayload(%j)', (text, payload) => {
    expect(parsePayload(text)).toEqual(payload)
  })
})

describe('readEventPayload', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
  test.each<[string, string | undefined, () => Promise<Uint8Array>, unknown]>([
    ['no GITHUB_EVENT_PATH', undefined, async () => bytes('{"number":7}'), {}],
    ['a JSON object', '/event.json', async () => bytes('{"number":7}'), { number: 7 }],
    [
      'a file that cannot be read',
      '/event.json',
      async () => Promise.reject(new Error('ENOENT')),
      {}
    ],
    ['not JSON', '/event.json', async () => bytes('{'), {}],
    ['a JSON list', '/event.json', async () => bytes('[1]'), {}]
  ])('%s', async (_name, file, readFile, expected) => {
    const read: string[] = []
    const payload = await readEventPayload(
      (path) => {
        read.push(path)
        return readFile()
      },
      { GITHUB_EVENT_PATH: file }
    )
    expect(payload).toStrictEqual(expected)
    expect(read).toStrictEqual(file ? [file] : [])
  })
})
