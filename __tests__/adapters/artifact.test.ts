// The real @actions/artifact client, pointed at the local results service through the same
// variables the runner sets (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN).
import { strFromU8, unzipSync } from 'fflate'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { actionsArtifactUploader } from '../../src/adapters/artifact.js'
import { ActionsResultsServer } from '../helpers/actions-results-server.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'

let github: GitHubApiServer
let results: ActionsResultsServer
const saved = { ...process.env }

beforeAll(async () => {
  github = await GitHubApiServer.start()
  results = await ActionsResultsServer.start(github)
})
afterAll(async () => {
  process.env = saved
  await results.close()
  await github.close()
})
afterEach(() => {
  results.expectNoViolations()
})

function reportFile(content: string, name = 'custom-name.json'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-image-upload-'))
  const file = path.join(dir, name)
  writeFileSync(file, content)
  return file
}

function useRun(runId: number): void {
  process.env['ACTIONS_RESULTS_URL'] = results.url
  process.env['ACTIONS_RUNTIME_TOKEN'] = results.runtimeToken(runId)
  process.env['GITHUB_SERVER_URL'] = 'https://github.com'
  process.env['GITHUB_WORKSPACE'] = os.tmpdir()
}

test('uploads the report as nb-image-report.json, and it becomes an artifact of the run', async () => {
  const run = github.addRun({ headBranch: 'main', status: 'in_progress', conclusion: null })
  useRun(run)
  const report = JSON.stringify({ schemaVersion: 1, note: 'x'.repeat(10_000) })
  const uploaded = await actionsArtifactUploader(os.tmpdir()).upload(
    'nb-image-report',
    reportFile(report)
  )
  expect(results.calls).toEqual([
    'CreateArtifact',
    'PUT block',
    'PUT blocklist',
    'FinalizeArtifact'
  ])
  const [artifact] = github.artifactList()
  expect(uploaded).toEqual({ id: artifact?.id, size: artifact?.zip.byteLength })
  expect(artifact).toMatchObject({ name: 'nb-image-report', runId: run })
  const files = unzipSync(artifact?.zip ?? new Uint8Array())
  expect(Object.keys(files)).toEqual(['nb-image-report.json'])
  expect(strFromU8(files['nb-image-report.json'] ?? new Uint8Array())).toBe(report)
})

test('a second upload of the same name in one run is refused by the service', async () => {
  const run = github.addRun({ headBranch: 'main', status: 'in_progress', conclusion: null })
  useRun(run)
  const uploader = actionsArtifactUploader(os.tmpdir())
  await uploader.upload('twice', reportFile('{}'))
  await expect(uploader.upload('twice', reportFile('{}'))).rejects.toThrow(/already exists/)
})
