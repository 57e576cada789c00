// Growth budgets, comment: changed and the disk check, end to end: the bundled action on
// the `sized` project against a baseline report of its own first run, with the real engine
// and the real data root's free space.
import { statfsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/types.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'
import {
  docker,
  prepareWorkspace,
  removeImages,
  runAction,
  uniqueId,
  type ActionRun
} from './harness.js'

const image = `nb-image-e2e-${uniqueId()}/budgets`
let workspace: string
let baseReport: Report

beforeAll(async () => {
  workspace = prepareWorkspace('sized', image)
  const first = await runAction({ workspace, inputs: {} })
  expect(first.exitCode).toBe(0)
  baseReport = JSON.parse(readFileSync(first.outputs['report-file'] ?? '', 'utf8')) as Report
  writeBaseline('base.json', baseReport)
})
afterAll(() => removeImages(image))

function writeBaseline(name: string, report: Report): void {
  writeFileSync(path.join(workspace, name), JSON.stringify(report))
}

/** tier2 writes `mb` MiB instead of 6: 2 MiB more is +20% of its 10.4 MB. */
function setTier2(mb: number): void {
  const file = path.join(workspace, 'notebook-tiers.yaml')
  writeFileSync(file, readFileSync(file, 'utf8').replace(/TIER2_MB: \d+/, `TIER2_MB: ${mb}`))
}

/** The workflow commands of a run that start so, their data unescaped (`%25` is `%`). */
const lines = (run: ActionRun, prefix: string): string[] =>
  run.stdout
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
const reportOf = (run: ActionRun): Report =>
  JSON.parse(readFileSync(run.outputs['report-file'] ?? '', 'utf8')) as Report

describe('max-growth', () => {
  afterEach(() => setTier2(6))

  test('10% with growth-policy fail: tier2 grew 20% and fails the step, against the baseline', async () => {
    setTier2(8)
    const run = await runAction({
      workspace,
      inputs: { 'max-growth': '10%', 'baseline-report': 'base.json', comment: 'never' }
    })
    expect(run.exitCode).toBe(1)
    expect(lines(run, '::error')).toStrictEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::${image.replace(/[/.]/g, '\\$&')}:tier2 \\(tier2\\) grew by \\+2\\.1\\d? MB \\(\\+20\\.\\d%\\) against the baseline, over its max-growth of 10% \\(1\\.04 MB\\)$`
        )
      )
    ])
    const report = reportOf(run)
    expect(report.passed).toBe(false)
    expect(report.growthPolicy).toBe('fail')
    expect(report.images.map((i) => [i.name, i.status, i.growth?.exceeded])).toStrictEqual([
      ['tier1', 'ok', false],
      ['tier2', 'ok', true],
      ['tier3', 'ok', false]
    ])
    expect(run.summary).toContain('## Notebook images: 📈 1 over growth limit')
    expect(run.summary).toMatch(/\| \+2\.1\d? MB \(\+20\.\d%\) of max 10% ❌ \| ✅ ok \|/)
  })

  test('growth-policy warn: the same growth is a warning on the tier, and the step passes', async () => {
    setTier2(8)
    const run = await runAction({
      workspace,
      inputs: {
        'max-growth': '10%',
        'growth-policy': 'warn',
        'baseline-report': 'base.json',
        comment: 'never'
      }
    })
    expect(run.exitCode).toBe(0)
    expect(lines(run, '::warning')).toStrictEqual([
      expect.stringMatching(
        /^::warning title=Image over its growth limit,file=notebook-tiers.yaml,line=14,col=3::.*:tier2 \(tier2\) grew by \+2\.1/
      )
    ])
  })

  test("a tier's own maxGrowth wins over the input", async () => {
    setTier2(8)
    const file = path.join(workspace, 'notebook-tiers.yaml')
    const original = readFileSync(file, 'utf8')
    writeFileSync(
      file,
      original.replace(
        '    description: ML training\n',
        '    description: ML training\n    maxGrowth: 5MB\n'
      )
    )
    try {
      const run = await runAction({
        workspace,
        inputs: { 'max-growth': '10%', 'baseline-report': 'base.json', comment: 'never' }
      })
      expect(run.exitCode).toBe(0)
      const tier2 = reportOf(run).images.find((i) => i.name === 'tier2')
      expect(tier2?.growth).toMatchObject({
        limits: [{ bytes: 5_000_000, source: 'tier tier2' }],
        limitBytes: 5_000_000,
        exceeded: false
      })
    } finally {
      writeFileSync(file, original)
    }
  })

  test('a bad maxGrowth is a located manifest error, before any build', async () => {
    const file = path.join(workspace, 'notebook-tiers.yaml')
    const original = readFileSync(file, 'utf8')
    writeFileSync(
      file,
      original.replace('threshold: 50MB', 'threshold: 50MB\nmaxGrowth: ten percent')
    )
    try {
      const run = await runAction({ workspace, inputs: {} })
      expect(run.exitCode).not.toBe(0)
      expect(lines(run, '::error title=Invalid tier manifest')).toStrictEqual([
        expect.stringContaining(
          '::error title=Invalid tier manifest,file=notebook-tiers.yaml,line=9,col=12::notebook-tiers.yaml:9:12: maxGrowth: invalid limit "ten percent": expected a percentage of the baseline size such as 10% or 2.5%'
        )
      ])
      expect(run.stdout).not.toContain('::group::Build')
    } finally {
      writeFileSync(file, original)
    }
  })
})

describe('comment: changed', () => {
  let github: GitHubApiServer
  const PR = 77
  beforeAll(async () => {
    github = await GitHubApiServer.start()
  })
  afterAll(async () => {
    setTier2(6)
    await github?.close()
  })
  afterEach(() => github.expectNoViolations())

  const pullRequestRun = (): Promise<ActionRun> =>
    runAction({
      workspace,
      inputs: {
        comment: 'changed',
        'baseline-report': 'base.json',
        'github-token': 'ghs_write'
      },
      event: {
        name: 'pull_request',
        payload: {
          number: PR,
          pull_request: {
            number: PR,
            base: { ref: 'main', repo: { full_name: 'acme/notebooks' } },
            head: { ref: 'feature', repo: { full_name: 'acme/notebooks' } }
          },
          repository: { id: 1296269, full_name: 'acme/notebooks', default_branch: 'main' }
        }
      },
      env: { GITHUB_API_URL: github.url, GITHUB_REF: `refs/pull/${PR}/merge` }
    })

  test('nothing changed: no comment is created; the summary says why', async () => {
    const run = await pullRequestRun()
    expect(run.exitCode).toBe(0)
    expect(github.commentsOf(PR)).toStrictEqual([])
    expect(run.outputs['comment-id']).toBeUndefined()
    expect(run.summary).toContain(
      '> Pull request comment: not posted on the pull request: no image changed by more than 1% and no verdict changed (comment: changed).'
    )
  })

  test('tier2 grew by 20%: the comment is created', async () => {
    setTier2(8)
    const run = await pullRequestRun()
    expect(run.exitCode).toBe(0)
    const comments = github.commentsOf(PR)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toMatch(/\| tier2 <sub>ML training<\/sub> \| .* \| 🔺 /)
  })

  test('back to no change: the existing comment is still brought up to date', async () => {
    setTier2(6)
    const run = await pullRequestRun()
    expect(run.exitCode).toBe(0)
    const comments = github.commentsOf(PR)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toMatch(/\| tier2 <sub>ML training<\/sub> \| .* \| unchanged \|/)
    expect(run.outputs['comment-id']).toBe(String(comments[0]?.id))
  })
})

describe('the disk check before building', () => {
  /** Free bytes of the engine's data root, as the action measures them. */
  function freeBytes(): number {
    const root = docker('info', '--format', '{{.DockerRootDir}}').trim()
    const stats = statfsSync(root)
    return stats.bavail * stats.bsize
  }

  /** The baseline with one layer the engine does not hold, sized to need `need` bytes. */
  function baselineNeeding(need: number): Report {
    // 2 × unpacked + packed (no compressed size: packed counted as unpacked) = 3 × size.
    const size = Math.floor(need / 3)
    return {
      ...baseReport,
      images: baseReport.images.map((entry, index) => ({
        ...entry,
        // Another image than the one built: the run measures its own, not the baseline's.
        imageId: index === 0 ? `sha256:${'f'.repeat(64)}` : entry.imageId,
        sizeBytes: index === 0 ? size : entry.sizeBytes,
        layers:
          index === 0
            ? [{ diffId: `sha256:${'e'.repeat(64)}`, sizeBytes: size, createdBy: 'RUN huge' }]
            : entry.layers
      }))
    }
  }

  test('measured sizes that cannot fit: stops before building, saying free, needed and what to prune', async () => {
    writeBaseline('huge.json', baselineNeeding(freeBytes() * 2))
    const run = await runAction({
      workspace,
      inputs: { 'baseline-report': 'huge.json', comment: 'never' }
    })
    expect(run.exitCode).toBe(1)
    expect(lines(run, '::error')).toStrictEqual([
      expect.stringMatching(
        /^::error::Not enough disk space to build: [\d.]+ [kMGT]?B free on \/.* \(the engine's data root\), about [\d.]+ [kMGT]?B needed for the layers of tier1 the engine does not hold yet, as measured by the baseline report \(baseline-report .*huge\.json\).* Free space first, e\.g\. `docker /
      )
    ])
    expect(run.stdout).toContain('nothing was pruned')
    expect(run.stdout).not.toContain('::group::Build')
    const report = reportOf(run)
    expect(report.passed).toBe(false)
    expect(report.error).toMatch(/^Not enough disk space to build/)
  })

  test('disk-check: warn builds anyway, with the warning', async () => {
    writeBaseline('huge.json', baselineNeeding(freeBytes() * 2))
    const run = await runAction({
      workspace,
      inputs: { 'baseline-report': 'huge.json', 'disk-check': 'warn', comment: 'never' }
    })
    expect(run.exitCode).toBe(0)
    expect(lines(run, '::warning title=Not enough disk space')).toHaveLength(1)
  })

  test('a tight fit warns and builds', async () => {
    // 90% of the free space: between the 80% that is tight and running out.
    writeBaseline('tight.json', baselineNeeding(freeBytes() * 0.9))
    const run = await runAction({
      workspace,
      inputs: { 'baseline-report': 'tight.json', comment: 'never' }
    })
    expect(run.exitCode).toBe(0)
    expect(lines(run, '::warning')).toStrictEqual([
      expect.stringMatching(/^::warning title=Disk space is tight::Disk space is tight: /)
    ])
    expect(run.stdout).toContain('::group::Build')
  })

  test('room enough: one line in the log', async () => {
    const run = await runAction({
      workspace,
      inputs: { 'baseline-report': 'base.json', comment: 'never' }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /^Disk: [\d.]+ [kMGT]?B free on \/.*, about 0 B needed \(measured by the baseline report; not counted: tier1 \(its layers are in the engine already\)/m
    )
  })
})
