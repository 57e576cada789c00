// End to end: one BuildKit session, bounded parallelism, per-image registry caches and
// fan-out across jobs, with the bundled action against real engines.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/types.js'
import { prepareWorkspace, removeImages, ROOT, runAction, runCli, uniqueId } from './harness.js'

const id = uniqueId()
const repo = (name: string): string => `nb-image-e2e-${id}/${name}`

afterAll(() => {
  removeImages(...['parallel', 'plan', 'fanout'].map(repo))
})

function readReport(file: string): Report {
  return JSON.parse(readFileSync(file, 'utf8')) as Report
}

/** Runs one of the repository's scripts; returns stdout, throws with stderr on failure. */
function script(name: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(path.join(ROOT, 'scripts', name), args, {
    encoding: 'utf8',
    env: { ...process.env, ...env }
  })
  if (result.status !== 0)
    throw new Error(`scripts/${name} ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout
}

/** `docker …` against a given engine. */
function dockerAt(host: string, ...args: string[]): string {
  const result = spawnSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: host }
  })
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout
}

describe('max-parallelism', () => {
  test('1: one image per session, one at a time, the same verdicts', async () => {
    const workspace = prepareWorkspace('sized', repo('parallel'))
    const run = await runAction({ workspace, inputs: { 'max-parallelism': '1' } })
    expect(run.exitCode).toBe(0)
    const report = readReport(run.outputs['report-file'] ?? '')
    expect(report.images.map((image) => [image.name, image.status])).toStrictEqual([
      ['tier1', 'ok'],
      ['tier2', 'ok'],
      ['tier3', 'ok']
    ])
    expect(run.stdout).toContain('::group::Build 3 images, 1 at a time')
    const bakes = run.stdout.match(/^docker buildx bake --file \S+ --progress=rawjson \S+$/gm)
    expect(bakes?.map((line) => line.split(' ').at(-1))).toStrictEqual(['tier1', 'tier2', 'tier3'])
    // Lines of concurrent sessions say whose they are.
    expect(run.stdout).toMatch(/^tier2 \| #\d+ /m)
  })

  test('a value that is not a number fails the step before anything is built', async () => {
    const workspace = prepareWorkspace('sized', repo('parallel'))
    const run = await runAction({ workspace, inputs: { 'max-parallelism': 'two' } })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain(
      '::error::max-parallelism: expected a whole number of images to build at once (0 or empty for no cap), got "two"'
    )
    expect(run.stdout).not.toContain('docker buildx bake')
  })
})

describe('fan-out: plan, one job per image, merge', () => {
  test('plan mode lists the images as a matrix and builds nothing', async () => {
    const workspace = prepareWorkspace('sized', repo('plan'))
    const run = await runAction({ workspace, inputs: { mode: 'plan' } })
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs['matrix'] ?? 'null')).toStrictEqual({
      include: ['tier1', 'tier2', 'tier3'].map((tier) => ({
        tier,
        name: tier,
        ref: `${repo('plan')}:${tier}`
      }))
    })
    expect(JSON.parse(run.outputs['images'] ?? 'null')).toStrictEqual({
      tier1: `${repo('plan')}:tier1`,
      tier2: `${repo('plan')}:tier2`,
      tier3: `${repo('plan')}:tier3`
    })
    expect(run.outputs).not.toHaveProperty('report')
    expect(run.stdout).not.toContain('docker buildx bake')
  })

  test('the reports of two jobs merge into one report and one verdict', async () => {
    const workspace = prepareWorkspace('sized', repo('fanout'))
    // What `strategy.matrix` would run, one job per entry; here one of them builds two tiers.
    const jobs = await Promise.all(
      ['tier1', 'tier2,tier3'].map((tiers, index) =>
        runAction({
          workspace,
          inputs: { tiers, 'report-file': `reports/job-${index}/nb-image-report.json` }
        })
      )
    )
    expect(jobs.map((job) => job.exitCode)).toStrictEqual([0, 0])
    expect(JSON.parse(jobs[0]?.outputs['matrix'] ?? 'null')).toStrictEqual({
      include: [{ tier: 'tier1', name: 'tier1', ref: `${repo('fanout')}:tier1` }]
    })

    const merge = await runAction({
      workspace,
      inputs: { mode: 'merge', reports: 'reports/**/nb-image-report.json' }
    })
    expect(merge.exitCode).toBe(0)
    expect(merge.outputs['passed']).toBe('true')
    const merged = readReport(merge.outputs['report-file'] ?? '')
    expect(merged.images.map((image) => [image.name, image.status])).toStrictEqual([
      ['tier1', 'ok'],
      ['tier2', 'ok'],
      ['tier3', 'ok']
    ])
    expect(merged.parts?.map((part) => [part.file, part.images])).toStrictEqual([
      ['reports/job-0/nb-image-report.json', ['tier1']],
      ['reports/job-1/nb-image-report.json', ['tier2', 'tier3']]
    ])
    // The same figures the jobs measured.
    const parts = jobs.map((job) => readReport(job.outputs['report-file'] ?? ''))
    expect(merged.images).toStrictEqual(parts.flatMap((part) => part.images))
    expect(JSON.parse(merge.outputs['report'] ?? 'null')).toStrictEqual(merged)
    expect(merge.summary).toContain(
      'Merged from 2 reports: <code>reports/job-0/nb-image-report.json</code> (tier1), <code>reports/job-1/nb-image-report.json</code> (tier2, tier3).'
    )

    // A job whose report is missing: its images fail the merged verdict.
    const partial = await runAction({
      workspace,
      inputs: { mode: 'merge', reports: 'reports/job-0/*.json' }
    })
    expect(partial.exitCode).not.toBe(0)
    expect(partial.outputs['passed']).toBe('false')
    expect(partial.stdout).toMatch(
      new RegExp(`::error::.*${repo('fanout')}:tier2 \\(tier2\\) failed to build: no report:`)
    )
  })

  test('the CLI plans and merges the same way', async () => {
    const workspace = prepareWorkspace('sized', repo('fanout'))
    const cli = (...args: string[]) => runCli(workspace, args)
    const plan = await cli('plan')
    expect(plan.exitCode).toBe(0)
    expect(JSON.parse(plan.stdout)).toStrictEqual({
      include: ['tier1', 'tier2', 'tier3'].map((tier) => ({
        tier,
        name: tier,
        ref: `${repo('fanout')}:${tier}`
      }))
    })
    for (const tiers of ['tier1', 'tier2,tier3']) {
      const job = await cli('build', '--tiers', tiers, '--report-file', `out/${tiers}.json`)
      expect(job.exitCode).toBe(0)
    }
    const merged = await cli('merge', '--reports', 'out/*.json', '--report-file', 'merged.json')
    expect(merged.stderr).toContain('Report written to merged.json')
    expect(merged.exitCode).toBe(0)
    expect(merged.stdout).toMatch(/merged from 2 reports\n$/)
    expect(readReport(path.join(workspace, 'merged.json')).images.map((i) => i.name)).toStrictEqual(
      ['tier1', 'tier2', 'tier3']
    )
  })

  test('merge with no matching report is an error that says what it looked for', async () => {
    const workspace = prepareWorkspace('sized', repo('fanout'))
    const run = await runAction({ workspace, inputs: { mode: 'merge', reports: 'nope/*.json' } })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain(`::error::reports: no file matches nope/*.json (in ${workspace})`)
  })
})

describe('cache: registry', () => {
  // Pruning a builder cache is only done to an engine of our own, never the shared one.
  const engineName = `e2e-${id}`
  let host = ''
  // The e2e global setup provides a registry (NB_IMAGE_REGISTRY) for the whole run.
  const registry = process.env['NB_IMAGE_REGISTRY'] ?? ''

  beforeAll(() => {
    expect(registry).toMatch(/^127\.0\.0\.1:\d+$/)
    const started = script('private-engine.sh', ['start', engineName])
    host = /^export DOCKER_HOST=(\S+)$/m.exec(started)?.[1] ?? ''
    // An empty DOCKER_HOST would mean the default engine, which must never be pruned.
    if (!/^unix:\/\//.test(host))
      throw new Error(`private-engine.sh printed no DOCKER_HOST: ${started}`)
    script('make-base-images.sh', ['--fixtures'], { DOCKER_HOST: host })
  })

  afterAll(() => {
    script('private-engine.sh', ['stop', engineName, '--purge'])
  })

  test('after the builder cache is pruned, the rebuild comes from the per-image registry caches', async () => {
    const image = `${registry}/nb-image-e2e-${id}/cached`
    const workspace = prepareWorkspace('sized', image)
    const build = () =>
      runAction({ workspace, inputs: { cache: 'registry' }, env: { DOCKER_HOST: host } })

    const first = await build()
    expect(first.exitCode).toBe(0)
    const cold = readReport(first.outputs['report-file'] ?? '')
    // A fresh engine: nothing from any cache.
    expect(cold.images.map((i) => [i.name, i.cachedSteps, i.totalSteps])).toStrictEqual([
      ['tier1', 0, 2],
      ['tier2', 0, 2],
      ['tier3', 0, 2]
    ])
    // One cache per tier, next to the images.
    const tags = (await (
      await fetch(`http://${registry}/v2/nb-image-e2e-${id}/cached/tags/list`)
    ).json()) as { tags: string[] }
    expect(tags.tags.filter((tag) => tag.startsWith('buildcache-')).sort()).toStrictEqual([
      'buildcache-tier1',
      'buildcache-tier2',
      'buildcache-tier3'
    ])

    dockerAt(host, 'buildx', 'prune', '--all', '--force')
    dockerAt(host, 'image', 'rm', ...['tier1', 'tier2', 'tier3'].map((t) => `${image}:${t}`))
    expect(dockerAt(host, 'buildx', 'du').trim().split('\n').at(-1)).toMatch(/^Total:\s+0B$/)

    const second = await build()
    expect(second.exitCode).toBe(0)
    const warm = readReport(second.outputs['report-file'] ?? '')
    expect(warm.images.map((i) => [i.name, i.cachedSteps, i.totalSteps])).toStrictEqual([
      ['tier1', 2, 2],
      ['tier2', 2, 2],
      ['tier3', 2, 2]
    ])
    expect(second.summary).toContain(`| tier2 | <code>${image}:tier2</code> |`)
    expect(second.summary).toMatch(/\| tier2 \| .* \| 2\/2 \| \d+ \| ✅ ok \|/)
  })
})
