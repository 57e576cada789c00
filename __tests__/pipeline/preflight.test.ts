// Before the build: the baseline lookup (only when something needs it) and the disk check
// with a fake engine and a fake disk: when it stops, warns, says nothing or skips.
import type { Host } from '../../src/adapters/host.js'
import { EngineProbe } from '../../src/build/engine.js'
import type { RunBaseline } from '../../src/github/pull-request-comment.js'
import { runBaseline } from '../helpers/run-baseline.js'
import type { Manifest } from '../../src/manifest/types.js'
import {
  baselineBeforeBuild,
  baselineLabel,
  checkDiskSpace,
  noBaselineReason
} from '../../src/pipeline/preflight.js'
import type { BuildPlan } from '../../src/plan/types.js'
import { DiskSpaceError } from '../../src/utils/errors.js'
import { fixtureReport } from '../helpers/comparisons.js'
import { FakeDocker, RecordingLogger } from '../helpers/fakes.js'
import { image } from '../helpers/reports.js'

const MB = 1_000_000
const plan: BuildPlan = {
  strategy: 'multi-stage',
  manifestFile: 'notebook-tiers.yaml',
  images: [image('tier1', { thresholdBytes: 100 * MB })]
}
const manifest = { baseImage: 'python:3.12' } as unknown as Manifest
// 100 MB measured: about 300 MB needed on the containerd store.
const base = fixtureReport('multi-stage', [
  { name: 'tier1', layers: [[100 * MB, '', 'sha256:base']] }
])
const found = runBaseline

function world(free: number | undefined, hostName = 'runner-1') {
  const docker = new FakeDocker()
  docker.engine = {
    serverVersion: '26.1.5',
    buildxVersion: '0.13.1',
    imageStore: 'containerd',
    dataRoot: '/var/lib/docker',
    engineHost: 'runner-1'
  }
  docker.usage = [{ type: 'Build Cache', size: '2GB', reclaimable: '1.5GB' }]
  const asked: string[] = []
  const host: Host = {
    freeBytes: async (path) => {
      asked.push(path)
      return free
    },
    hostname: () => hostName,
    loadAverage: () => null
  }
  const logger = new RecordingLogger()
  return { docker, host, logger, asked, engine: new EngineProbe(docker) }
}

type Options = Parameters<typeof checkDiskSpace>[2]
const check = (
  w: ReturnType<typeof world>,
  baseline: RunBaseline | null,
  options: Partial<Options> = {}
): Promise<void> => checkDiskSpace(plan, manifest, { diskCheck: 'fail', ...options }, baseline, w)

describe('checkDiskSpace', () => {
  test('room enough: one line, nothing else asked', async () => {
    const w = world(10_000 * MB)
    await check(w, found(base))
    expect(w.logger.lines).toContain(
      'info: Disk: 10 GB free on /var/lib/docker, about 300 MB needed (measured by the baseline report)'
    )
    expect(w.docker.calls).toStrictEqual(['engineInfo', 'images ghcr.io/acme/nb:tier1 python:3.12'])
    expect(w.asked).toStrictEqual(['/var/lib/docker'])
  })

  test('measured sizes that do not fit: stops before building, saying what to prune', async () => {
    const w = world(200 * MB)
    const error = await check(w, found(base)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DiskSpaceError)
    expect((error as Error).message).toMatch(
      /^Not enough disk space to build: 200 MB free on \/var\/lib\/docker .*about 300 MB needed .*baseline-report \/w\/base\.json.* `docker builder prune` \(build cache: 1\.5GB reclaimable\); nothing was pruned\./
    )
    expect(w.docker.calls).toContain('df')
  })

  test('disk-check: warn: the same shortage is a warning', async () => {
    const w = world(200 * MB)
    await check(w, found(base), { diskCheck: 'warn' })
    expect(w.logger.annotations).toStrictEqual([
      {
        level: 'warning',
        message: expect.stringMatching(/^Not enough disk space to build: 200 MB free/),
        target: { title: 'Not enough disk space' }
      }
    ])
  })

  test('a tight fit warns', async () => {
    const w = world(330 * MB)
    await check(w, found(base))
    expect(w.logger.annotations.map((a) => a.target?.title)).toStrictEqual(['Disk space is tight'])
  })

  test('without a baseline the budgets are a ceiling: a shortage only warns', async () => {
    const w = world(200 * MB)
    await check(w, found(null))
    expect(w.logger.annotations).toStrictEqual([
      {
        level: 'warning',
        message: expect.stringContaining(
          'about 300 MB needed for tier1 at their budgets (2 × budget + budget each, an upper bound'
        ),
        target: { title: 'Not enough disk space' }
      }
    ])
  })

  test.each<[string, (w: ReturnType<typeof world>) => void, Partial<Options>, string]>([
    [
      'an engine on another machine',
      (w) => w.docker.engine instanceof Error || (w.docker.engine.engineHost = 'docker-host'),
      {},
      'the engine runs on docker-host, not on this machine (runner-1)'
    ],
    [
      'a builder that builds elsewhere',
      (w) => w.docker.drivers.set('k8s', 'kubernetes'),
      { builder: 'k8s' },
      'builder k8s (driver kubernetes) builds elsewhere'
    ],
    [
      'an engine that does not answer',
      (w) => (w.docker.engine = new Error('gone')),
      {},
      'the engine did not answer (gone)'
    ],
    [
      'compressed budgets and no baseline',
      () => undefined,
      { thresholdBasis: 'compressed' },
      'no baseline, and compressed budgets do not bound the unpacked size'
    ]
  ])('skipped with a debug note: %s', async (_name, arrange, options, why) => {
    const w = world(1)
    arrange(w)
    await check(w, options.thresholdBasis ? null : found(base), options)
    expect(w.logger.lines).toContain(`debug: Disk check skipped: ${why}`)
    expect(w.logger.annotations).toStrictEqual([])
  })

  test('a data root that is not on this machine: skipped', async () => {
    const w = world(undefined)
    await check(w, found(base))
    expect(w.logger.lines).toContain(
      'debug: Disk check skipped: /var/lib/docker is not on this machine'
    )
  })

  test('a docker-container builder on this engine is checked', async () => {
    const w = world(200 * MB)
    w.docker.drivers.set('ci', 'docker-container')
    await expect(check(w, found(base), { builder: 'ci' })).rejects.toThrow(DiskSpaceError)
  })

  test('disk-check: off asks nothing', async () => {
    const w = world(1)
    await check(w, found(base), { diskCheck: 'off' })
    expect(w.docker.calls).toStrictEqual([])
    expect(w.asked).toStrictEqual([])
  })
})

describe('baselineBeforeBuild', () => {
  test('looked up when the disk check or a growth limit needs it, once, in its own group', async () => {
    const logger = new RecordingLogger()
    let lookups = 0
    const baseline = async (): Promise<RunBaseline> => {
      lookups++
      return found(base)
    }
    await expect(
      baselineBeforeBuild(plan, { diskCheck: 'fail' }, { baseline, logger })
    ).resolves.toStrictEqual(found(base))
    expect(lookups).toBe(1)
    // The lookup logs what it found (once, however many ask); the group adds nothing.
    expect(logger.lines).toStrictEqual(['group: Find the baseline report'])
  })

  test('nothing needs it: not looked up', async () => {
    const logger = new RecordingLogger()
    const baseline = async (): Promise<RunBaseline> => {
      throw new Error('not expected')
    }
    await expect(
      baselineBeforeBuild(plan, { diskCheck: 'off' }, { baseline, logger })
    ).resolves.toBeNull()
    const limited = {
      ...plan,
      images: [image('tier1', { maxGrowth: [{ limit: { percent: 5 }, source: 'input' }] })]
    }
    await expect(
      baselineBeforeBuild(
        limited,
        { diskCheck: 'off' },
        { baseline: async () => found(null), logger }
      )
    ).resolves.toStrictEqual(found(null))
  })

  test('labels and reasons', () => {
    expect(
      baselineLabel({
        found: true,
        source: 'artifact',
        artifactName: 'nb-image-report',
        branch: 'main',
        runId: 7,
        runUrl: '',
        headSha: null,
        createdAt: null
      })
    ).toBe('nb-image-report of main, run 7')
    expect(noBaselineReason(found(null))).toBe('no baseline report: no report of main yet')
    expect(noBaselineReason(null)).toBe('no baseline report: this run does not compare with one')
  })
})
