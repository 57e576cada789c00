import { runCompare } from '../../src/pipeline/compare.js'
import type { RunOptions } from '../../src/pipeline/options.js'
import { InputError } from '../../src/utils/errors.js'
import { FakeDocker, FakeFs, RecordingLogger } from '../helpers/fakes.js'

const MANIFEST = '/repo/notebook-tiers.yaml'
const T0 = Date.parse('2026-01-02T03:04:05.000Z')

const options = (fields: Partial<RunOptions> = {}): RunOptions => ({
  manifestPath: MANIFEST,
  workspace: '/repo',
  cacheFrom: [],
  cacheTo: [],
  noCache: false,
  reportFile: '/runner/temp/report.json',
  tempDir: '/runner/temp',
  source: { repositoryUrl: 'https://github.com/acme/nb', revision: 'abc123' },
  ...fields
})

const MANIFEST_TEXT = [
  'version: 1',
  'image: acme/nb',
  'baseImage: nb-image-fixture/busybox:1',
  'tiers:',
  '  tier1: {apt: [python3-six]}',
  '  tier2: {apt: [python3-idna]}',
  ''
].join('\n')

function setup(): { fs: FakeFs; docker: FakeDocker; logger: RecordingLogger } {
  const fs = new FakeFs({ [MANIFEST]: MANIFEST_TEXT })
  fs.addDir('/runner/temp')
  return { fs, docker: new FakeDocker({}, fs), logger: new RecordingLogger() }
}

function clock(): () => number {
  let now = T0 - 1000
  return () => (now += 1000)
}

describe('runCompare', () => {
  test('A, B and D: progress per option and phase, images removed, the document and its file', async () => {
    const { fs, docker, logger } = setup()
    const lines: string[] = []
    const result = await runCompare(
      options({ compareOptions: ['A', 'B', 'D'], adrFile: '/runner/temp/adr.md' }),
      { fs, docker, logger, now: clock() },
      (line) => lines.push(line)
    )
    expect(result.document.options.map((option) => [option.id, option.status])).toEqual([
      ['A', 'measured'],
      ['B', 'measured'],
      ['D', 'measured']
    ])
    expect(lines[0]).toBe('Comparing A, B, D on notebook-tiers.yaml')
    expect(lines).toContain('B tier2: one-tier change, tier2 (2 of 2)…')
    expect(lines.filter((line) => /^[ABD] (cold|warm)/.test(line)).length).toBe(6)
    // A and D: one build per phase (cold, warm, two changes); B: one per tier and phase.
    expect(docker.calls.filter((call) => call.startsWith('bake')).length).toBe(4 + 8 + 4)
    // Every image the comparison loaded is removed again.
    expect(docker.removed.length).toBeGreaterThan(0)
    expect(docker.removed.every((ref) => ref.startsWith('acme/nb:compare-'))).toBe(true)
    expect(fs.text('/runner/temp/adr.md')).toBe(result.markdown)
    expect(result.adrFile).toBe('/runner/temp/adr.md')
    expect(result.document.commit.sha).toBe('abc123')
    expect(result.document.machine.cpus).toBe(2)
  })

  test.each<[string, Partial<RunOptions>, string]>([
    [
      'push',
      { publish: { push: true } as RunOptions['publish'] },
      'push: mode compare never pushes'
    ],
    ['tiers', { tiers: ['tier1'] }, 'tiers: mode compare measures every tier'],
    [
      'change-package for a tier the manifest lacks',
      { changePackages: [{ tier: 'tier9', spec: 'x' }] },
      'change-package: "tier9" is not a tier of'
    ]
  ])('%s is refused before anything is built', async (_name, fields, message) => {
    const { fs, docker, logger } = setup()
    const run = runCompare(options(fields), { fs, docker, logger, now: clock() }, () => {})
    await expect(run).rejects.toThrow(InputError)
    await expect(runCompare(options(fields), { fs, docker, logger }, () => {})).rejects.toThrow(
      message
    )
    expect(docker.calls.filter((call) => call.startsWith('bake'))).toEqual([])
  })
})
