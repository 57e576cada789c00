// End to end: `mode: compare` and `nb-image compare` against the real engine, on the
// generated-Dockerfile project (two tiers, apt packages from Debian's mirror).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { AdrDocument } from '../../src/compare/types.js'
import type { Report } from '../../src/report/types.js'
import {
  docker,
  engineFacts,
  prepareWorkspace,
  removeImages,
  runAction,
  runCli,
  uniqueId
} from './harness.js'

const id = uniqueId()
const repo = (name: string): string => `nb-image-e2e-${id}/${name}`

afterAll(() => removeImages(repo('compare'), repo('compare-cli')))

describe('mode: compare', () => {
  test('A, B and D measured on the manifest: the ADR section in the summary, the adr output and its file', async () => {
    const workspace = prepareWorkspace('generated', repo('compare'))
    const run = await runAction({ workspace, inputs: { mode: 'compare', options: 'A,B,D' } })
    expect(run.exitCode).toBe(0)
    const document = JSON.parse(run.outputs['comparison'] ?? '') as AdrDocument
    expect(document.options.map((option) => [option.id, option.status])).toEqual([
      ['A', 'measured'],
      ['B', 'measured'],
      ['D', 'measured']
    ])
    for (const option of document.options) {
      // Every phase measured: cold, warm, and the change of each tier.
      expect(option.coldMs).toBeGreaterThan(0)
      expect(option.warmMs).toBeGreaterThan(0)
      expect(option.changes.map((change) => [change.tier, change.error])).toEqual([
        ['setup', undefined],
        ['serving', undefined]
      ])
      expect(option.changeMedianMs).toBeGreaterThan(0)
      // A warm run with nothing changed re-runs nothing, so it is faster than the cold one.
      expect(option.warmMs).toBeLessThan(option.coldMs ?? 0)
      for (const tier of option.tiers) {
        expect(tier.pullColdBytes).toBeGreaterThan(0)
        expect(tier.pullBaseCachedBytes).toBeGreaterThan(0)
        expect(tier.pullBaseCachedBytes).toBeLessThanOrEqual(tier.pullColdBytes ?? 0)
      }
    }
    const [a, b, d] = document.options
    expect(a?.maintenance).toEqual({ dockerfiles: 1, stages: 2, images: 1 })
    expect(b?.maintenance.dockerfiles).toBe(2)
    expect(d?.maintenance).toMatchObject({ dockerfiles: 1, images: 2 })
    // A change to one tier re-runs steps of that tier's image only, under D.
    expect(d?.changes[0]?.rebuilt.map((r) => r.image)).toEqual(['setup'])
    // The cold reports are the engine's own figures for each option's images.
    for (const file of document.options.flatMap((option) => option.reportFiles)) {
      const report = JSON.parse(readFileSync(file, 'utf8')) as Report
      expect(report.images.every((image) => image.status === 'ok')).toBe(true)
      for (const image of report.images) {
        // Measured images are removed once the option is done.
        expect(() => engineFacts(image.ref)).toThrow()
      }
    }
    expect(document.triggers.map((trigger) => [trigger.id, trigger.status])).toEqual([
      ['size-budget', 'clear'],
      ['tier-count', 'clear'],
      ['time-critical', 'clear'],
      ['operator-target', 'not-needed']
    ])
    expect(['A', 'B', 'D']).toContain(document.recommendation.option)
    expect(run.outputs['recommendation']).toBe(document.recommendation.option)
    expect(document.commit.sha).toBe('0123456789abcdef0123456789abcdef01234567')
    // The same section in the summary, the output and the file.
    const adr = run.outputs['adr'] ?? ''
    expect(adr).toContain('## ADR-031 options, measured')
    expect(adr).toContain('```mermaid\nxychart-beta')
    expect(adr).toContain(`### Recommendation: option ${document.recommendation.option}`)
    expect(run.summary).toContain(adr)
    expect(run.outputs['adr-file']).toBe(path.join(run.runnerTemp, 'nb-image-adr.md'))
    expect(readFileSync(run.outputs['adr-file'] ?? '', 'utf8')).toBe(adr)
    // Progress per option and phase in the log.
    expect(run.stdout).toContain('B serving: one-tier change, serving (2 of 2)…')
    expect(run.stdout).toContain('D warm, nothing changed:')
    // Nothing is pushed or written into the workspace's generated Dockerfile.
    expect(existsSync(path.join(workspace, '.nb-image', 'Dockerfile'))).toBe(false)
  })

  test('inputs a comparison cannot honour stop it before anything is built', async () => {
    const workspace = prepareWorkspace('generated', repo('compare'))
    const run = await runAction({ workspace, inputs: { mode: 'compare', push: 'true' } })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::push: mode compare never pushes')
    const bad = await runAction({ workspace, inputs: { mode: 'compare', options: 'A,E' } })
    expect(bad.exitCode).toBe(1)
    expect(bad.stdout).toContain('::error::options:')
  })
})

describe('nb-image compare', () => {
  test('--options A,D --format json: only A and D built, progress on stderr', async () => {
    const workspace = prepareWorkspace('generated', repo('compare-cli'))
    const result = await runCli(workspace, [
      'compare',
      '--manifest',
      'notebook-tiers.yaml',
      '--options',
      'A,D',
      '--format',
      'json'
    ])
    expect(result.exitCode).toBe(0)
    const document = JSON.parse(result.stdout) as AdrDocument
    expect(document.options.map((option) => option.id)).toEqual(['A', 'D'])
    expect(result.stderr).toContain('▸ Comparing A, D on notebook-tiers.yaml')
    expect(result.stderr).toContain('▸ D one-tier change, serving:')
    expect(docker('image', 'ls', '-q', repo('compare-cli'))).toBe('')
  })
})
