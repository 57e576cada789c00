// End to end: the bundled action against the real Docker engine, as the runner runs it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/types.js'
import {
  docker,
  engineFacts,
  FIXTURE_COMMIT_TIME,
  prepareWorkspace,
  removeImages,
  runAction,
  runCli,
  uniqueId
} from './harness.js'

const id = uniqueId()
const repo = (name: string): string => `nb-image-e2e-${id}/${name}`
const MiB = 1024 * 1024

afterAll(() => {
  removeImages(
    ...[
      'sized',
      'shared',
      'over',
      'failing',
      'generated',
      'cli',
      'bad',
      'missing-target',
      'noengine'
    ].map(repo)
  )
})

function readReport(file: string): Report {
  return JSON.parse(readFileSync(file, 'utf8')) as Report
}

/** Every figure in the report must be what the engine itself says about that image. */
function expectMatchesEngine(report: Report): void {
  expect(report.images.length).toBeGreaterThan(0)
  for (const image of report.images) {
    const facts = engineFacts(image.ref)
    expect({
      ref: image.ref,
      imageId: image.imageId,
      sizeBytes: image.sizeBytes,
      inspect: image.inspectSizeBytes,
      layers: image.layers.length
    }).toEqual({
      ref: image.ref,
      imageId: facts.id,
      sizeBytes: facts.historySum,
      inspect: facts.inspectSize,
      layers: facts.layers
    })
    expect(image.layers.reduce((sum, layer) => sum + layer.sizeBytes, 0)).toBe(image.sizeBytes)
  }
}

describe('multi-stage strategy', () => {
  let run: Awaited<ReturnType<typeof runAction>>
  let report: Report

  beforeAll(async () => {
    const workspace = prepareWorkspace('sized', repo('sized'))
    run = await runAction({ workspace, inputs: { manifest: 'notebook-tiers.yaml' } })
    report = readReport(run.outputs['report-file'] ?? '')
    // The tests below loop over these images: they must all be there.
    expect(report.images.map((image) => image.name)).toEqual(['tier1', 'tier2', 'tier3'])
  })

  test('builds every tier and passes', () => {
    expect(run.exitCode).toBe(0)
    expect(run.outputs['passed']).toBe('true')
    expect(report.strategy).toBe('multi-stage')
    expect(report.images.map((image) => [image.name, image.target, image.status])).toEqual([
      ['tier1', 'tier1', 'ok'],
      ['tier2', 'tier2', 'ok'],
      ['tier3', 'tier3', 'ok']
    ])
    expect(JSON.parse(run.outputs['images'] ?? '{}')).toEqual({
      tier1: `${repo('sized')}:tier1`,
      tier2: `${repo('sized')}:tier2`,
      tier3: `${repo('sized')}:tier3`
    })
    expect(JSON.parse(run.outputs['report'] ?? '{}')).toEqual(report)
  })

  test('every sizeBytes equals what the engine reports for that ref', () => {
    expectMatchesEngine(report)
  })

  test('tier layers hold the bytes the Dockerfile wrote', () => {
    // Each tier adds one layer of N MiB of random data; the engine counts disk blocks,
    // so allow a few KiB of filesystem overhead.
    const expected: Record<string, number> = { tier1: 1, tier2: 6, tier3: 3 }
    for (const image of report.images) {
      const top = image.layers.at(-1)
      expect(top?.createdBy).toContain(`/${image.name}.bin`)
      expect(top?.sizeBytes).toBeGreaterThanOrEqual((expected[image.name] ?? 0) * MiB)
      expect(top?.sizeBytes).toBeLessThan((expected[image.name] ?? 0) * MiB + 64 * 1024)
    }
  })

  test('shared base layers are counted once in totals.uniqueBytes', () => {
    const [tier1, tier2, tier3] = report.images
    const baseBytes = (tier1?.layers ?? [])
      .slice(0, 2)
      .reduce((sum, layer) => sum + layer.sizeBytes, 0)
    const topBytes = [tier1, tier2, tier3].reduce(
      (sum, image) => sum + (image?.layers.at(-1)?.sizeBytes ?? 0),
      0
    )
    expect(report.totals.uniqueBytes).toBe(baseBytes + topBytes)
    expect(report.totals.sumBytes).toBe(3 * baseBytes + topBytes)
    expect(report.totals.durationMs).toBeGreaterThan(0)
  })

  test('writes the job summary table; one bake session builds every tier', () => {
    expect(run.summary).toContain(
      '| Tier | Image | Size | Compressed | Budget | Headroom | Build time | Cache hits | Layers | Status |'
    )
    for (const tier of ['tier1', 'tier2', 'tier3']) {
      expect(run.summary).toContain(`| ${tier} | <code>${repo('sized')}:${tier}</code> |`)
    }
    expect(run.stdout).toContain(
      '::group::Build 3 images in one BuildKit session (tier1, tier2, tier3)'
    )
    expect(
      run.stdout.match(/^docker buildx bake --file \S+ --progress=rawjson tier1 tier2 tier3$/gm)
    ).toHaveLength(1)
    expect(run.stdout).toContain('--target tier2')
  })

  test('every image reports its own build time and steps', () => {
    for (const image of report.images) {
      expect(image.durationMs).toBeGreaterThan(0)
      expect(image.durationMs).toBeLessThanOrEqual(report.totals.durationMs)
      // One RUN per tier on top of the base stage's RUN; FROM is not a step.
      expect(image.totalSteps).toBe(2)
      expect(image.cachedSteps).toBeGreaterThanOrEqual(0)
      expect(image.cachedSteps).toBeLessThanOrEqual(image.totalSteps)
    }
  })

  test('labels images with OCI source, revision and created: the commit time, not the build time', () => {
    const labels = JSON.parse(
      docker('image', 'inspect', '--format', '{{json .Config.Labels}}', `${repo('sized')}:tier1`)
    ) as Record<string, string>
    expect(labels['org.opencontainers.image.source']).toBe('https://github.com/acme/notebooks')
    expect(labels['org.opencontainers.image.revision']).toBe(
      '0123456789abcdef0123456789abcdef01234567'
    )
    // GITHUB_SHA is no commit of the workspace's repository: HEAD's time.
    expect(labels['org.opencontainers.image.created']).toBe('2026-01-02T03:04:05Z')
    expect(report.sourceDateEpoch).toBe(FIXTURE_COMMIT_TIME)
    // BuildKit stamps the image config with the same time (SOURCE_DATE_EPOCH).
    expect(
      docker('image', 'inspect', '--format', '{{.Created}}', `${repo('sized')}:tier1`)
    ).toMatch(/^2026-01-02T03:04:05Z?/)
  })
})

describe('shared strategy', () => {
  test('builds one image serving every tier', async () => {
    const workspace = prepareWorkspace('sized', repo('shared'))
    const run = await runAction({
      workspace,
      inputs: { manifest: 'notebook-tiers.yaml', strategy: 'shared' }
    })
    expect(run.exitCode).toBe(0)
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(report.strategy).toBe('shared')
    expect(report.images).toHaveLength(1)
    expect(report.images[0]).toMatchObject({
      name: 'shared',
      tiers: ['tier1', 'tier2', 'tier3'],
      target: 'shared',
      status: 'ok'
    })
    const ref = `${repo('shared')}:shared`
    expect(JSON.parse(run.outputs['images'] ?? '{}')).toEqual({
      tier1: ref,
      tier2: ref,
      tier3: ref
    })
    expectMatchesEngine(report)
    expect(report.totals.uniqueBytes).toBe(report.images[0]?.sizeBytes)
  })
})

describe('size budget', () => {
  test('a threshold below one tier fails the step with the size, limit and excess, and still reports every tier', async () => {
    const workspace = prepareWorkspace('sized', repo('over'))
    // tier2 is base (~4 MB) + 6 MiB ≈ 10.4 MB; tier1 ≈ 5.2 MB is above 90% of nothing here.
    const run = await runAction({
      workspace,
      inputs: { manifest: 'notebook-tiers.yaml', threshold: '9MB' }
    })
    expect(run.exitCode).not.toBe(0)
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(run.outputs['passed']).toBe('false')
    expect(report.passed).toBe(false)
    expect(report.images.map((image) => image.name)).toEqual(['tier1', 'tier2', 'tier3'])
    const tier2 = report.images.find((image) => image.name === 'tier2')
    expect(tier2?.status).toBe('over')
    expect(tier2?.thresholdBytes).toBe(9_000_000)
    expect(report.images.find((image) => image.name === 'tier1')?.status).toBe('ok')
    const excess = (tier2?.sizeBytes ?? 0) - 9_000_000
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::${escape(repo('over'))}:tier2 \\(tier2\\) is [\\d.]+ MB \\([\\d,]+ bytes\\), over its 9 MB budget \\(9,000,000 bytes\\) by [\\d.]+ [kM]B \\(${excess.toLocaleString('en-US')} bytes\\)`
      )
    )
    expectMatchesEngine(report)
  })

  test('an image above 90% of its budget gets a warning annotation on the manifest', async () => {
    const workspace = prepareWorkspace('sized', repo('over'))
    // tier3 ≈ 7.3 MB against 8 MB: above 90%, within budget.
    const run = await runAction({
      workspace,
      inputs: { manifest: 'notebook-tiers.yaml', threshold: '8MB', tiers: 'tier3' }
    })
    expect(run.exitCode).toBe(0)
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(report.images.map((image) => [image.name, image.status])).toEqual([['tier3', 'warn']])
    expect(run.stdout).toMatch(
      /::warning title=Image near its size budget,file=notebook-tiers.yaml,line=\d+,col=\d+::.*tier3.* of its 8 MB budget/
    )
  })
})

describe('failures', () => {
  test('a failing tier is marked failed with its log; the others still build; the step fails', async () => {
    const workspace = prepareWorkspace('failing', repo('failing'))
    const manifest = path.join(workspace, 'notebook-tiers.yaml')
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace("NONCE: '0'", `NONCE: '${id}'`))
    const run = await runAction({ workspace, inputs: {} })
    expect(run.exitCode).not.toBe(0)
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(report.images.map((image) => [image.name, image.status])).toEqual([
      ['tier1', 'ok'],
      ['tier2', 'ok'],
      ['tier3', 'failed']
    ])
    const failed = report.images[2]
    expect(failed?.error).toContain('exit code: 100')
    expect(failed?.logTail?.join('\n')).toContain('E: Unable to locate package python3-nonexistent')
    expect(failed?.sizeBytes).toBeNull()
    // tier3's log is its own: not the other tiers' steps.
    expect(failed?.logTail?.join('\n')).not.toMatch(/\[tier[12] tier[12] 1\/1\]/)
    expect(run.stdout).toContain(`::error::${repo('failing')}:tier3 (tier3) failed to build:`)
    // bake cancelled the others when tier3 failed; a second session built them.
    expect(run.stdout).toContain(
      'bake cancelled tier1, tier2 when tier3 failed; building them again'
    )
    expect(run.stdout).toMatch(/^docker buildx bake --file \S+ --progress=rawjson tier1 tier2$/m)
    expectMatchesEngine({ ...report, images: report.images.slice(0, 2) })
  })

  test('a manifest error exits non-zero naming file, line and column, before any build', async () => {
    const workspace = prepareWorkspace('bad-manifest', repo('bad'))
    const run = await runAction({ workspace, inputs: {} })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain(
      '::error title=Invalid tier manifest,file=notebook-tiers.yaml,line=7,col=16::notebook-tiers.yaml:7:16: tiers.tier1.threshold: invalid size "five gigabytes": expected a size such as 5GB'
    )
    expect(run.stdout).not.toContain('::group::Build')
    // The report still says what happened.
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(report).toMatchObject({ passed: false, images: [] })
    expect(report.error).toContain('notebook-tiers.yaml:7:16: tiers.tier1.threshold:')
  })

  test('a target missing from the Dockerfile stops the run before any build', async () => {
    const workspace = prepareWorkspace('missing-target', repo('missing-target'))
    const run = await runAction({ workspace, inputs: {} })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toMatch(
      /::error title=Invalid tier manifest,file=notebook-tiers.yaml,line=8,col=13::notebook-tiers.yaml:8:13: tiers.tier2.target: target "training" is not a stage of Dockerfile: its stages are base, tier1, tier2, tier3, shared/
    )
    expect(run.stdout).not.toContain('::group::Build')
  })

  test('an engine that does not answer stops the run with one clear error and a report saying so', async () => {
    const workspace = prepareWorkspace('sized', repo('noengine'))
    const run = await runAction({
      workspace,
      inputs: {},
      env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }
    })
    expect(run.exitCode).not.toBe(0)
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(
      'The Docker engine at unix:///nonexistent/docker.sock does not answer'
    )
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(report.passed).toBe(false)
    expect(report.error).toContain('does not answer')
    expect(report.images.map((image) => [image.name, image.status])).toEqual([
      ['tier1', 'failed'],
      ['tier2', 'failed'],
      ['tier3', 'failed']
    ])
  })
})

/** `ok` when Python in the image imports the modules. */
function pythonImports(ref: string, modules: string): string {
  return docker('run', '--rm', ref, 'python3', '-c', `import ${modules}; print("ok")`).trim()
}

describe('generated Dockerfile', () => {
  // The tests build on each other: the first build, then again unchanged, then a change.
  let generatedRun: { workspace: string; report: Report } | undefined

  test('generates a base stage and one stage per tier from real Debian packages, and builds them', async () => {
    const workspace = prepareWorkspace('generated', repo('generated'))
    const run = await runAction({ workspace, inputs: {} })
    expect(run.exitCode).toBe(0)
    const generated = path.join(workspace, '.nb-image', 'Dockerfile')
    expect(existsSync(generated)).toBe(true)
    const dockerfile = readFileSync(generated, 'utf8')
    expect(dockerfile).toContain('FROM ${BASE_IMAGE} AS base')
    expect(dockerfile).toContain('FROM base AS setup')
    expect(dockerfile).toContain('FROM base AS nb-debs-serving')
    expect(dockerfile).toContain('"/nb/bin/apt_resolve","python3-idna","python3-six"')
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(report.images.map((image) => [image.name, image.status])).toEqual([
      ['setup', 'ok'],
      ['serving', 'ok']
    ])
    expectMatchesEngine(report)
    // The image really has the packages.
    expect(pythonImports(`${repo('generated')}:serving`, 'idna, six, yaml')).toBe('ok')
    // No package index, no .deb and nothing of the mounts is left in the image.
    const leftovers = docker(
      'run',
      '--rm',
      `${repo('generated')}:serving`,
      'find',
      '/var/lib/apt/lists',
      '/var/cache/apt',
      '-name',
      '*_*',
      '-o',
      '-name',
      '*.deb'
    )
    expect(leftovers).toBe('')
    for (const dir of ['/nb', '/nb-apt'])
      docker('run', '--rm', `${repo('generated')}:serving`, 'test', '!', '-e', dir)
    generatedRun = { workspace, report }
  })

  test('nothing changed: the same image IDs, every step cached, nothing new exported', async () => {
    if (!generatedRun) throw new Error('the first generated build did not finish')
    const { workspace, report: first } = generatedRun
    const run = await runAction({ workspace, inputs: {} })
    expect(run.exitCode).toBe(0)
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(report.images.map((image) => [image.name, image.imageId])).toEqual(
      first.images.map((image) => [image.name, image.imageId])
    )
    for (const image of report.images) {
      expect(image.cachedSteps).toBe(image.totalSteps)
      const said = run.stdout.split('\n').find((line) => line.startsWith(`${image.ref}: `))
      expect(said).toMatch(/; nothing new exported \(the tag already pointed at this image\)$/)
    }
    generatedRun = { workspace, report }
  })

  test("a package added to one tier rebuilds that tier's steps only; the other keeps its ID", async () => {
    if (!generatedRun) throw new Error('the generated builds did not finish')
    const { workspace, report: before } = generatedRun
    // Not committed: the commit (so the source date and revision) stays the same.
    const manifest = path.join(workspace, 'notebook-tiers.yaml')
    const text = readFileSync(manifest, 'utf8')
    writeFileSync(
      manifest,
      text.replace(
        'apt: [python3-idna, python3-six]',
        'apt: [python3-idna, python3-six, python3-certifi]'
      )
    )
    const run = await runAction({ workspace, inputs: {} })
    expect(run.exitCode).toBe(0)
    const report = readReport(run.outputs['report-file'] ?? '')
    const image = (name: string, of: Report) => of.images.find((entry) => entry.name === name)
    const setup = image('setup', report)
    const serving = image('serving', report)
    expect(setup?.imageId).toBe(image('setup', before)?.imageId)
    expect(setup?.cachedSteps).toBe(setup?.totalSteps)
    expect(serving?.imageId).not.toBe(image('serving', before)?.imageId)
    // At most its own resolve, fetch and install ran (all three on a fresh engine); the
    // lists, the scripts and the base came from the cache. A shared engine may hold this
    // very set from an earlier run, so fewer is fine.
    expect((serving?.totalSteps ?? 0) - (serving?.cachedSteps ?? 0)).toBeLessThanOrEqual(3)
    expect(serving?.totalSteps).toBe(image('serving', before)?.totalSteps)
    expect(pythonImports(`${repo('generated')}:serving`, 'certifi')).toBe('ok')
  })
})

describe('CLI', () => {
  test('`nb-image build` runs the same pipeline and prints the same table', async () => {
    const workspace = prepareWorkspace('sized', repo('cli'))
    const result = await runCli(workspace, [
      'build',
      '--manifest',
      'notebook-tiers.yaml',
      '--tiers',
      'tier1,tier3'
    ])
    expect(result.stderr).toContain('Report written to nb-image-report.json')
    expect(result.exitCode).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(
      /^Tier\s+Image\s+Size\s+Compressed\s+Budget\s+Headroom\s+Build time\s+Cache hits\s+Layers\s+Status$/
    )
    expect(lines[2]).toMatch(
      new RegExp(`^tier1\\s+${escape(repo('cli'))}:tier1\\s+[\\d.]+ MB\\s+–\\s+50 MB`)
    )
    expect(lines[3]).toMatch(new RegExp(`^tier3\\s+${escape(repo('cli'))}:tier3\\s+`))
    const report = readReport(path.join(workspace, 'nb-image-report.json'))
    expectMatchesEngine(report)
  })
})

// `nb-image compare` and `mode: compare`: compare.test.ts.

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
