// Faults injected for real, through `node dist/index.js`: no engine, the engine stopping in
// the middle of a build (a private engine this test starts and stops), a RUN that fails, and
// a report file that cannot be written. In every case: the exit code, exactly one clear error
// annotation, no stack trace, and a report (file, or output and summary) that tells the truth.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/types.js'
import { STACK_LINE } from '../helpers/bad-manifests.js'
import {
  engineFacts,
  prepareWorkspace,
  removeImages,
  ROOT,
  runAction,
  uniqueId,
  type ActionRun
} from './harness.js'

const id = uniqueId()
const repository = `nb-image-e2e-${id}/faults`
const ref = (tier: string): string => `${repository}:${tier}`

afterAll(() => {
  removeImages(repository)
})

function readReport(file: string): Report {
  return JSON.parse(readFileSync(file, 'utf8')) as Report
}

/** The `::error` lines of a run. */
function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error'))
}

function expectNoStackTrace(run: ActionRun): void {
  expect(run.stdout).not.toMatch(STACK_LINE)
  expect(run.stderr).not.toMatch(STACK_LINE)
}

describe('no engine socket', () => {
  test('one error naming the socket; the report says every image was not built, and why', async () => {
    const workspace = prepareWorkspace('faults', repository)
    const socket = path.join(workspace, 'no-such-engine.sock')
    const run = await runAction({
      workspace,
      inputs: { tiers: 'tier2,tier3' },
      env: { DOCKER_HOST: `unix://${socket}` }
    })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      new RegExp(
        `^::error::The Docker engine at unix://${escapeRegExp(socket)} does not answer: .+\\. Start the engine or set DOCKER_HOST\\.$`
      )
    )
    // The engine is asked before any build (BuildKit reads the Dockerfile, the disk check),
    // so the run stops there: no bake is started and nothing of any image was built.
    expect(run.stdout).not.toMatch(/^docker buildx bake /m)
    expect(run.stdout).not.toMatch(/^#\d+ /m)
    expectNoStackTrace(run)
    const report = readReport(run.outputs['report-file'] ?? '')
    const message = errors[0]?.slice('::error::'.length)
    expect(report.passed).toBe(false)
    expect(report.error).toBe(message)
    expect(report.engine).toStrictEqual({
      serverVersion: null,
      buildxVersion: null,
      imageStore: null
    })
    expect(report.images.map((image) => [image.name, image.status, image.error])).toStrictEqual([
      ['tier2', 'failed', `not built: ${message}`],
      ['tier3', 'failed', `not built: ${message}`]
    ])
  })
})

describe('a RUN that fails', () => {
  test('the tier is failed with its log, the other is built and measured; one error, the step fails', async () => {
    const workspace = prepareWorkspace('faults', repository)
    const run = await runAction({ workspace, inputs: { tiers: 'tier2,tier3' } })
    expect(run.exitCode).toBe(1)
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(report.passed).toBe(false)
    expect(report.images.map((image) => [image.name, image.status])).toStrictEqual([
      ['tier2', 'ok'],
      ['tier3', 'failed']
    ])
    const [tier2, tier3] = report.images
    // The built tier's figures are the engine's own.
    const facts = engineFacts(ref('tier2'))
    expect([tier2?.imageId, tier2?.sizeBytes]).toStrictEqual([facts.id, facts.historySum])
    expect(tier3?.error).toBe(
      'process "/bin/sh -c echo \\"tier3 about to fail\\" && exit 3" did not complete successfully: exit code: 3'
    )
    expect(tier3?.logTail?.join('\n')).toContain('tier3 about to fail')
    expect(tier3?.sizeBytes).toBeNull()
    expect(errorLines(run)).toStrictEqual([
      `::error::${ref('tier3')} (tier3) failed to build: ${tier3?.error}`
    ])
    expect(run.summary).toContain(`| tier2 | <code>${escapeCode(ref('tier2'))}</code> |`)
    expect(run.summary).toContain(`| tier3 | <code>${escapeCode(ref('tier3'))}</code> |`)
    expect(JSON.parse(run.outputs['report'] ?? '{}')).toStrictEqual(report)
    expectNoStackTrace(run)
  })
})

describe('a report file that cannot be written', () => {
  test.each<[string, (workspace: string) => string, RegExp]>([
    [
      'a file where its folder should be',
      (workspace) => {
        writeFileSync(path.join(workspace, 'reports'), 'not a folder\n')
        return 'reports/nb-image.json'
      },
      /^(ENOTDIR|EEXIST): /
    ],
    [
      'a folder where the file should be',
      (workspace) => {
        mkdirSync(path.join(workspace, 'report.json', 'keep'), { recursive: true })
        return 'report.json'
      },
      /^(EISDIR|ENOTEMPTY|EEXIST): /
    ]
  ])(
    '%s: one error naming the path; the summary and outputs still show the built images',
    async (_name, setUp, cause) => {
      const workspace = prepareWorkspace('faults', repository)
      const reportFile = setUp(workspace)
      const run = await runAction({
        workspace,
        inputs: { tiers: 'tier2', 'report-file': reportFile }
      })
      expect(run.exitCode).toBe(1)
      const absolute = path.join(workspace, reportFile)
      const errors = errorLines(run)
      expect(errors).toHaveLength(1)
      const prefix = `::error::report-file: cannot write ${absolute}: `
      expect(errors[0]).toMatch(new RegExp(`^${escapeRegExp(prefix)}`))
      expect(errors[0]?.slice(prefix.length)).toMatch(cause)
      // The images were built and measured; the summary and the report output say so.
      const report = JSON.parse(run.outputs['report'] ?? '{}') as Report
      expect(report.passed).toBe(true)
      expect(report.images.map((image) => [image.name, image.status])).toStrictEqual([
        ['tier2', 'ok']
      ])
      expect(report.images[0]?.sizeBytes).toBe(engineFacts(ref('tier2')).historySum)
      expect(run.summary).toContain(`| tier2 | <code>${escapeCode(ref('tier2'))}</code> |`)
      expect(run.outputs['passed']).toBe('true')
      // No temporary file left beside where the report should have gone.
      expect(readdirSync(workspace).filter((name) => name.endsWith('.tmp'))).toStrictEqual([])
      expectNoStackTrace(run)
    }
  )
})

describe('the engine stopping during a build', () => {
  // A private engine, started and stopped by this test only (never the shared one).
  const name = `nbfault-${id}`
  const script = path.join(ROOT, 'scripts', 'private-engine.sh')
  let dockerHost = ''

  const engineScript = (...args: string[]): string => {
    const result = spawnSync(script, args, { encoding: 'utf8', env: process.env })
    if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${result.stderr}`)
    return result.stdout
  }

  beforeAll(() => {
    const printed = engineScript('start', name)
    dockerHost = /^export DOCKER_HOST=(\S+)$/m.exec(printed)?.[1] ?? ''
    expect(dockerHost).toMatch(/^unix:\/\//)
    const images = spawnSync(path.join(ROOT, 'scripts', 'make-base-images.sh'), [], {
      encoding: 'utf8',
      env: { ...process.env, DOCKER_HOST: dockerHost }
    })
    if (images.status !== 0) throw new Error(`make-base-images.sh failed: ${images.stderr}`)
  })

  afterAll(() => {
    engineScript('stop', name, '--purge')
  })

  test('the build fails, later tiers are not built, one error says the engine went away', async () => {
    const workspace = prepareWorkspace('faults', repository)
    let stopped = false
    let seen = ''
    const run = await runAction({
      workspace,
      // One image at a time, so that tier2 is still to come when the engine goes away.
      inputs: { tiers: 'tier1,tier2', 'max-parallelism': '1' },
      env: { DOCKER_HOST: dockerHost },
      // Stop the engine once tier1's RUN is under way, as an operator or a crash would.
      onStdout: (chunk) => {
        seen += chunk
        if (!stopped && seen.includes('tier1 build started')) {
          stopped = true
          engineScript('stop', name)
        }
      }
    })
    expect(stopped).toBe(true)
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    const message = errors[0]?.slice('::error::'.length) ?? ''
    expect(message).toMatch(
      new RegExp(
        `^The build of ${escapeRegExp(ref('tier1'))} \\(tier1\\) stopped because the engine stopped answering: The Docker engine at ${escapeRegExp(dockerHost)} does not answer: .+\\. Start the engine or set DOCKER_HOST\\.$`
      )
    )
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(report.passed).toBe(false)
    expect(report.error).toBe(message)
    // The engine answered when the run began; the report keeps what it said.
    expect(report.engine.serverVersion).not.toBeNull()
    const [tier1, tier2] = report.images
    expect([tier1?.name, tier1?.status, tier1?.sizeBytes]).toStrictEqual(['tier1', 'failed', null])
    expect(tier1?.error).toMatch(/\S/)
    expect(tier1?.error).not.toMatch(/^not built/)
    expect(tier1?.logTail?.join('\n')).toContain('tier1 build started')
    expect([tier2?.name, tier2?.status, tier2?.error]).toStrictEqual([
      'tier2',
      'failed',
      `not built: ${message}`
    ])
    // Only one build was attempted.
    expect(run.stdout.match(/^::group::Build /gm)).toHaveLength(1)
    expectNoStackTrace(run)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** How the summary writes a ref inside <code> (src/render/markdown.ts escapes these characters). */
function escapeCode(text: string): string {
  return text.replace(/[&<>|`*_[\]\\~]/g, (c) => `&#${c.charCodeAt(0)};`)
}
