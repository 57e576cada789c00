import { strToU8, zipSync } from 'fflate'
import { artifactCandidates, extractReportFromZip, rejectRun } from '../../src/github/baseline.js'
import type { ArtifactInfo, RunInfo } from '../../src/adapters/github.js'

describe('extractReportFromZip', () => {
  const zip = (files: Record<string, string>): Uint8Array =>
    zipSync(Object.fromEntries(Object.entries(files).map(([n, c]) => [n, strToU8(c)])))

  test.each([
    [
      'the report by its name',
      { 'nb-image-report.json': '{"a":1}', 'other.json': '{}' },
      '{"a":1}'
    ],
    ['the only JSON file', { 'report.json': '{"b":2}', 'notes.txt': 'x' }, '{"b":2}']
  ])('takes %s', (_name, files, expected) => {
    expect(extractReportFromZip(zip(files), 'artifact')).toBe(expected)
  })

  test.each([
    [
      'no JSON file',
      zip({ 'notes.txt': 'x' }),
      'artifact: no nb-image-report.json in the archive (it holds notes.txt)'
    ],
    [
      'two JSON files',
      zip({ 'a.json': '{}', 'b.json': '{}' }),
      'artifact: no nb-image-report.json in the archive (it holds a.json, b.json)'
    ],
    ['bytes that are no zip', strToU8('not a zip'), /^artifact: not a zip archive/]
  ])('rejects %s', (_name, bytes, message) => {
    expect(() => extractReportFromZip(bytes, 'artifact')).toThrow(message)
  })
})

describe('artifactCandidates', () => {
  const artifact = (
    id: number,
    fields: Partial<ArtifactInfo> & { branch?: string | null; headRepositoryId?: number | null }
  ): ArtifactInfo => ({
    id,
    name: fields.name ?? 'nb-image-report',
    expired: fields.expired ?? false,
    createdAt: fields.createdAt ?? `2026-01-0${id}T00:00:00Z`,
    sizeInBytes: 1000,
    workflowRun:
      fields.workflowRun === null
        ? null
        : {
            id: 100 + id,
            headBranch: fields.branch === undefined ? 'main' : fields.branch,
            headSha: 'abc',
            repositoryId: 1,
            headRepositoryId: fields.headRepositoryId === undefined ? 1 : fields.headRepositoryId
          }
  })

  test.each<[string, ArtifactInfo[], number[], number]>([
    ['newest first', [artifact(1, {}), artifact(3, {}), artifact(2, {})], [3, 2, 1], 0],
    ['other branches are ignored', [artifact(1, { branch: 'feature' }), artifact(2, {})], [2], 0],
    ['a fork branch named main is ignored', [artifact(1, { headRepositoryId: 99 })], [], 0],
    ['expired ones are only counted', [artifact(1, { expired: true }), artifact(2, {})], [2], 1],
    ['other names are ignored', [artifact(1, { name: 'coverage' })], [], 0],
    ['artifacts without a run are ignored', [artifact(1, { workflowRun: null })], [], 0],
    ['nothing', [], [], 0]
  ])('%s', (_name, artifacts, ids, expired) => {
    const result = artifactCandidates(artifacts, 'nb-image-report', 'main', 1)
    expect([result.candidates.map((a) => a.id), result.expired]).toEqual([ids, expired])
  })

  test('without a repository ID the fork check is left out', () => {
    const result = artifactCandidates(
      [artifact(1, { headRepositoryId: 99 })],
      'nb-image-report',
      'main',
      null
    )
    expect(result.candidates.map((a) => a.id)).toEqual([1])
  })
})

describe('rejectRun', () => {
  const run = (fields: Partial<RunInfo>): RunInfo => ({
    id: 7,
    event: 'push',
    status: 'completed',
    conclusion: 'success',
    headBranch: 'main',
    headSha: 'abc',
    htmlUrl: 'https://github.com/acme/nb/actions/runs/7',
    repositoryId: 1,
    headRepositoryId: 1,
    ...fields
  })
  test.each<[string, Partial<RunInfo>, string | null]>([
    ['a successful push to the branch', {}, null],
    ['a scheduled run', { event: 'schedule' }, null],
    ['another branch', { headBranch: 'dev' }, 'run 7 is on dev'],
    ['a fork', { headRepositoryId: 2 }, 'run 7 built a fork'],
    ['a pull request run', { event: 'pull_request' }, 'run 7 was triggered by pull_request'],
    [
      'pull_request_target',
      { event: 'pull_request_target' },
      'run 7 was triggered by pull_request_target'
    ],
    ['a run in progress', { status: 'in_progress', conclusion: null }, 'run 7 is in_progress'],
    ['a failed run', { conclusion: 'failure' }, 'run 7 ended failure'],
    ['a cancelled run', { conclusion: 'cancelled' }, 'run 7 ended cancelled']
  ])('%s', (_name, fields, expected) => {
    expect(rejectRun(run(fields), 'main', 1)).toBe(expected)
  })
})
