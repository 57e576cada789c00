// The fork-safe workflows in examples/workflows/ are what the README tells users to copy:
// check they fit together and the action, and run the posting script against the fake API.
import { getOctokit } from '@actions/github'
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { commentMarker, renderComment } from '../src/render/comment-markdown.js'
import { compareReports } from '../src/report/base-comparison.js'
import { baseReport, headReport } from './helpers/comparisons.js'
import { GitHubApiServer } from './helpers/github-api-server.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

/** The parts of a workflow or action.yml these tests read. */
interface Yaml {
  name?: string
  on: {
    push?: { branches?: string[] }
    workflow_run?: { workflows?: string[] }
  }
  permissions?: Record<string, string>
  inputs?: Record<string, unknown>
  jobs: Record<string, { steps: Step[] }>
}
type Step = { uses?: string; with?: Record<string, string>; id?: string }

const load = (file: string): Yaml => parse(readFileSync(path.join(ROOT, file), 'utf8')) as Yaml

const images = load('examples/workflows/notebook-images.yml')
const poster = load('examples/workflows/notebook-images-comment.yml')
const action = load('action.yml')

const steps = (workflow: Yaml, job: string): Step[] => workflow.jobs[job]?.steps ?? []

describe('the two workflows fit together', () => {
  test('the first runs this action with inputs it has, and the permissions it needs', () => {
    const step = steps(images, 'images').find((s) => s.uses?.startsWith('org/nb-image-action@'))
    expect(step).toBeDefined()
    for (const input of Object.keys(step?.with ?? {}))
      expect(Object.keys(action.inputs ?? {})).toContain(input)
    expect(images.permissions).toEqual({
      contents: 'read',
      actions: 'read',
      'pull-requests': 'write'
    })
    expect(images.on.push?.branches).toEqual(['main'])
  })

  test('the second downloads what the first uploads, from the run that triggered it', () => {
    const upload = steps(images, 'images').find((s) =>
      s.uses?.startsWith('actions/upload-artifact@')
    )
    const download = steps(poster, 'comment').find((s) =>
      s.uses?.startsWith('actions/download-artifact@')
    )
    expect(download?.with?.['name']).toBe(upload?.with?.['name'])
    expect(download?.with?.['run-id']).toBe('${{ github.event.workflow_run.id }}')
    expect(poster.on.workflow_run?.workflows).toEqual([images.name])
    expect(poster.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' })
    // It never checks out code: only the artifact's text crosses over.
    expect(steps(poster, 'comment').some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false)
  })
})

describe('the posting script', () => {
  let server: GitHubApiServer
  const script = steps(poster, 'comment').find((s) => s.uses?.startsWith('actions/github-script@'))
    ?.with?.['script'] as string
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<void>

  beforeAll(async () => {
    server = await GitHubApiServer.start()
  })
  afterAll(async () => {
    await server.close()
  })
  afterEach(() => {
    server.expectNoViolations()
  })

  /** Runs the script as github-script would, with the artifact's two files in place. */
  async function post(body: string, number: string, headSha: string): Promise<string[]> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-image-artifact-'))
    mkdirSync(path.join(dir, 'nb-image-comment'))
    writeFileSync(path.join(dir, 'nb-image-comment', 'body.md'), body)
    writeFileSync(path.join(dir, 'nb-image-comment', 'number'), number)
    const failures: string[] = []
    const fs = {
      readFileSync: (file: string, encoding: BufferEncoding) =>
        readFileSync(path.join(dir, file), encoding)
    }
    await new AsyncFunction('require', 'github', 'context', 'core', script)(
      (name: string) => (name === 'fs' ? fs : undefined),
      getOctokit('ghs_write', { baseUrl: server.url }),
      {
        repo: { owner: 'acme', repo: 'notebooks' },
        payload: { workflow_run: { id: 77, head_sha: headSha } }
      },
      { setFailed: (message: string) => failures.push(message) }
    )
    return failures
  }

  const body = (finishedAt: string): string =>
    renderComment({
      key: 'ci/notebook images.yaml',
      report: { ...headReport, finishedAt },
      comparison: compareReports(headReport, baseReport),
      baseline: { found: false, reason: 'none', branch: 'main' },
      descriptions: {}
    }).body

  test('posts the comment on the pull request that run built, then edits it', async () => {
    server.addPull({ number: 5, baseRef: 'main', headSha: 'f00d', state: 'open' })
    server.addComments(5, 120)
    expect(await post(body('2026-01-01T00:00:00Z'), '5\n', 'f00d')).toEqual([])
    expect(await post(body('2026-01-02T00:00:00Z'), '5', 'f00d')).toEqual([])
    const ours = server
      .commentsOf(5)
      .filter((c) => c.body.startsWith(commentMarker('ci/notebook images.yaml')))
    expect(ours).toHaveLength(1)
    expect(ours[0]?.body).toContain('2026-01-02T00:00:00Z')
    expect(ours[0]?.login).toBe('github-actions[bot]')
  })

  test.each([
    [
      'another pull request than the run built',
      (b: string) => [b, '6', 'f00d'],
      'pull request #6 is not the one run 77 built'
    ],
    [
      'text that is not our comment',
      () => ['## Hello @everyone', '6', 'beef'],
      'nb-image-comment/body.md is not an nb-image-action comment'
    ],
    [
      'a marker with a forged key',
      (b: string) => [b.replace('key=ci/', 'key="><img src=x>'), '6', 'beef'],
      'nb-image-comment/body.md is not an nb-image-action comment'
    ],
    [
      'a body over the limit',
      (b: string) => [b + 'x'.repeat(65_536), '6', 'beef'],
      'nb-image-comment/body.md is not an nb-image-action comment'
    ],
    [
      'a number that is none',
      (b: string) => [b, '6; rm -rf /', 'beef'],
      'nb-image-comment/number is not a pull request number'
    ]
  ])('refuses %s', async (_name, make, message) => {
    server.addPull({ number: 6, baseRef: 'main', headSha: 'beef', state: 'open' })
    const [text, number, sha] = make(body('2026-01-01T00:00:00Z')) as [string, string, string]
    expect(await post(text, number, sha)).toEqual([message])
    expect(server.commentsOf(6)).toEqual([])
  })
})
