// Every HTTP request the action makes goes through HTTPS_PROXY/HTTP_PROXY, and none does when
// NO_PROXY covers the host, as @actions/http-client decides on the runner: the registry
// read-back after a push, the report upload (the Actions results service and its blob
// storage), the GitHub API (artifacts, runs, comments) and the artifact download. A logging
// forward proxy sits in between; the local services are addressed by a name that resolves to
// 127.0.0.1 (http-client always goes direct to `localhost` and `127.*`), and each records the
// client port of every connection, so the test tells the proxy's connections from any other.
import type { Report } from '../../src/report/types.js'
import { ActionsResultsServer } from '../helpers/actions-results-server.js'
import { startForwardProxy, type ForwardProxy } from '../helpers/forward-proxy.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'
import { FALLBACK_ALIAS, loopbackAlias } from '../helpers/loopback-alias.js'
import { prepareWorkspace, removeImages, runAction, uniqueId, type ActionRun } from './harness.js'

const registryPort = (process.env['NB_IMAGE_REGISTRY'] ?? '').split(':')[1] ?? ''
const repository = { id: 1296269, full_name: 'acme/notebooks', default_branch: 'main' }
let alias: string
let proxy: ForwardProxy
let github: GitHubApiServer
let results: ActionsResultsServer
const images: string[] = []

beforeAll(async () => {
  const found = await loopbackAlias()
  if (!found) {
    throw new Error(
      `No name other than localhost resolves to 127.0.0.1 only on this machine; add "127.0.0.1 ${FALLBACK_ALIAS}" to /etc/hosts (.ci/run does)`
    )
  }
  alias = found
  proxy = await startForwardProxy()
  github = await GitHubApiServer.start({ host: alias })
  results = await ActionsResultsServer.start(github, { host: alias })
})

afterAll(async () => {
  removeImages(...images)
  await results?.close()
  await github?.close()
  await proxy?.close()
})

afterEach(() => {
  github.expectNoViolations()
  results.expectNoViolations()
})

/** A push to main that pushes every tier and uploads its report, then a pull request run. */
async function pushThenPullRequest(env: Record<string, string>): Promise<[ActionRun, ActionRun]> {
  const image = `${alias}:${registryPort}/nb-image-e2e-${uniqueId()}/proxy`
  images.push(image)
  const workspace = prepareWorkspace('sized', image)
  const runEnv = (runId: number, ref: string): Record<string, string> => ({
    ...env,
    GITHUB_API_URL: github.url,
    GITHUB_RUN_ID: String(runId),
    GITHUB_REF: ref,
    ACTIONS_RESULTS_URL: results.url,
    ACTIONS_RUNTIME_TOKEN: results.runtimeToken(runId)
  })
  const baseRun = github.addRun({ headBranch: 'main', status: 'in_progress', conclusion: null })
  const push = await runAction({
    workspace,
    inputs: { push: 'true', 'github-token': 'ghs_write' },
    event: { name: 'push', payload: { ref: 'refs/heads/main', repository } },
    env: runEnv(baseRun, 'refs/heads/main')
  })
  github.completeRun(baseRun, 'success')
  const number = 7000 + baseRun
  const prRun = github.addRun({ headBranch: 'feature', event: 'pull_request' })
  const pullRequest = await runAction({
    workspace,
    inputs: { 'github-token': 'ghs_write' },
    event: {
      name: 'pull_request',
      payload: {
        number,
        pull_request: {
          number,
          base: { ref: 'main', repo: { full_name: 'acme/notebooks' } },
          head: { ref: 'feature', repo: { full_name: 'acme/notebooks' } }
        },
        repository
      }
    },
    env: runEnv(prRun, `refs/pull/${number}/merge`)
  })
  return [push, pullRequest]
}

/** What both runs did that needs HTTP: every tag read back, the report uploaded, the comment. */
function expectEverythingDone([push, pullRequest]: [ActionRun, ActionRun]): void {
  expect([push.exitCode, pullRequest.exitCode]).toStrictEqual([0, 0])
  const report = JSON.parse(push.outputs['report'] ?? '{}') as Report
  expect(report.pushed).toBe(true)
  expect(report.images.every((image) => image.compressedSource === 'registry')).toBe(true)
  expect(push.stdout).toMatch(/Uploaded the report as artifact nb-image-report/)
  expect(pullRequest.outputs['comment-id']).toMatch(/^\d+$/)
  expect(pullRequest.outputs['comment-body']).toContain(
    'Compared with the <code>nb-image-report</code> artifact of <code>main</code>'
  )
}

test('with HTTP_PROXY and HTTPS_PROXY set, every request goes through the proxy', async () => {
  const seen = { github: github.connections.length, results: results.connections.length }
  const runs = await pushThenPullRequest({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url })
  expectEverythingDone(runs)
  expect(proxy.targets().sort()).toStrictEqual(
    [`${alias}:${registryPort}`, results.hostPort, ...github.hosts].sort()
  )
  // Every connection the local services accepted came from the proxy.
  const direct = [
    ...github.connections.slice(seen.github),
    ...results.connections.slice(seen.results)
  ].filter((port) => !proxy.upstreamPorts.has(port))
  expect(direct).toStrictEqual([])
  expect(github.connections.length).toBeGreaterThan(seen.github)
  // The registry read-back went through it: manifests after the push.
  const registry = proxy.requests.filter((r) => r.target === `${alias}:${registryPort}`)
  expect(registry.length).toBeGreaterThan(0)
})

test('with NO_PROXY covering the host, none does', async () => {
  proxy.requests.length = 0
  const runs = await pushThenPullRequest({
    HTTP_PROXY: proxy.url,
    HTTPS_PROXY: proxy.url,
    NO_PROXY: `example.com,${alias}`
  })
  expectEverythingDone(runs)
  expect(proxy.requests).toStrictEqual([])
})
