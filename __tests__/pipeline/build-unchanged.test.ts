// What a build knows of the images it replaces: the IDs the tags pointed at before (is
// anything new exported?) and the baseline report (is the image unchanged, and can its
// measurements be reused instead of asking the engine?).
import type { ImageDetails } from '../../src/adapters/docker.js'
import { runBuild } from '../../src/pipeline/build.js'
import type { RunOptions } from '../../src/pipeline/options.js'
import { runOptions } from '../helpers/run-options.js'
import { runBaseline } from '../helpers/run-baseline.js'
import type { Report } from '../../src/report/types.js'
import { fakeDigest, FakeDocker, FakeFs, RecordingLogger } from '../helpers/fakes.js'

const MANIFEST = '/repo/ci/notebook-tiers.yaml'
const T0 = Date.parse('2026-01-02T03:04:05.000Z')

const options = (fields: Partial<RunOptions> = {}): RunOptions =>
  runOptions({ sourceDateEpoch: T0 / 1000, ...fields })

const TWO_TIERS = [
  'version: 1',
  'image: acme/nb',
  'strategy: multi-stage',
  'baseImage: busybox',
  'tiers:',
  '  tier1: {pip: [numpy]}',
  '  tier2: {pip: [pandas]}',
  ''
].join('\n')

/** An image as the engine describes it, with an ID the export names as its digest. */
const details = (name: string, sizeBytes: number): ImageDetails => ({
  id: fakeDigest(`image ${name}`),
  inspectSizeBytes: sizeBytes / 2,
  diffIds: [fakeDigest('base'), fakeDigest(`layer ${name}`)],
  history: [
    { sizeBytes: 1000, createdBy: '' },
    { sizeBytes: sizeBytes - 1000, createdBy: `RUN make ${name}` }
  ],
  platform: { os: 'linux', architecture: 'amd64' }
})

/** Runs a build of two tiers; `baseline` is what the run compares with (undefined: nothing). */
async function build(baseline?: Report | null, existing: Record<string, string> = {}) {
  const fs = new FakeFs({ [MANIFEST]: TWO_TIERS })
  const docker = new FakeDocker(
    {
      'acme/nb:tier1': { kind: 'ok', details: details('tier1', 5000) },
      'acme/nb:tier2': { kind: 'ok', details: details('tier2', 7000) }
    },
    fs
  )
  for (const [ref, id] of Object.entries(existing)) docker.existing.set(ref, id)
  const logger = new RecordingLogger()
  let tick = T0
  const { report } = await runBuild(options(), {
    fs,
    docker,
    logger,
    now: () => (tick += 1000),
    ...(baseline !== undefined ? { baseline: async () => runBaseline(baseline) } : {})
  })
  return { report, docker, logger }
}

describe('unchanged: the image is the baseline image of the same name', () => {
  test('no baseline: no unchanged field, every image measured by the engine', async () => {
    const { report, docker } = await build()
    expect(report.images.map((image) => 'unchanged' in image)).toStrictEqual([false, false])
    expect(docker.calls.filter((call) => call.startsWith('inspect'))).toHaveLength(2)
  })

  test('a baseline of the same images: unchanged, measured from the baseline, no inspection', async () => {
    const first = await build(null)
    expect(first.report.images.map((image) => image.unchanged)).toStrictEqual([
      undefined,
      undefined
    ])
    const { report, docker, logger } = await build(first.report)
    expect(report.images.map((image) => [image.name, image.unchanged])).toStrictEqual([
      ['tier1', true],
      ['tier2', true]
    ])
    // The same layers and sizes as the baseline measured, without asking the engine.
    expect(docker.calls.filter((call) => call.startsWith('inspect'))).toStrictEqual([])
    for (const [index, image] of report.images.entries()) {
      const base = first.report.images[index]
      expect([image.imageId, image.sizeBytes, image.inspectSizeBytes, image.layers]).toStrictEqual([
        base?.imageId,
        base?.sizeBytes,
        base?.inspectSizeBytes,
        base?.layers
      ])
    }
    expect(report.totals.uniqueBytes).toBe(first.report.totals.uniqueBytes)
    expect(logger.lines).toContain(
      `info: acme/nb:tier1: 5000 bytes in 2 layers, measured by the baseline (the same image, ${fakeDigest('image tier1')}); a new image (the tag did not exist before)`
    )
  })

  test('a baseline whose tier2 is another image: tier2 changed, measured by the engine', async () => {
    const first = await build(null)
    const baseline: Report = {
      ...first.report,
      images: first.report.images.map((image) =>
        image.name === 'tier2' ? { ...image, imageId: fakeDigest('older tier2') } : image
      )
    }
    const { report, docker } = await build(baseline)
    expect(report.images.map((image) => [image.name, image.unchanged])).toStrictEqual([
      ['tier1', true],
      ['tier2', false]
    ])
    expect(docker.calls.filter((call) => call.startsWith('inspect'))).toStrictEqual([
      'inspect acme/nb:tier2'
    ])
    expect(report.images[1]?.sizeBytes).toBe(7000)
  })

  test('a baseline without the image (a new tier): not unchanged', async () => {
    const first = await build(null)
    const baseline: Report = {
      ...first.report,
      images: first.report.images.filter((image) => image.name === 'tier1')
    }
    const { report } = await build(baseline)
    expect(report.images.map((image) => image.unchanged)).toStrictEqual([true, false])
  })

  test('a baseline that was not measured (a failed image) is no source of sizes', async () => {
    const first = await build(null)
    const baseline: Report = {
      ...first.report,
      images: first.report.images.map((image) => ({ ...image, sizeBytes: null, layers: [] }))
    }
    const { report, docker } = await build(baseline)
    // The same ID, so unchanged; measured by the engine all the same.
    expect(report.images.map((image) => image.unchanged)).toStrictEqual([true, true])
    expect(docker.calls.filter((call) => call.startsWith('inspect'))).toHaveLength(2)
    expect(report.images.map((image) => image.sizeBytes)).toStrictEqual([5000, 7000])
  })
})

describe('exported anything new? The tags before the build say', () => {
  test('read once, before the first session; the log says what the export did to each tag', async () => {
    const { docker, logger } = await build(undefined, {
      'acme/nb:tier1': fakeDigest('image tier1'),
      'acme/nb:tier2': fakeDigest('image tier2, last week')
    })
    // (A Python resolution, when there is one, runs between them.)
    expect(docker.calls.filter((call) => /^(ids|bake) /.test(call)).slice(0, 2)).toStrictEqual([
      'ids acme/nb:tier1 acme/nb:tier2',
      'bake acme/nb:tier1 acme/nb:tier2'
    ])
    expect(logger.lines).toContain(
      'info: acme/nb:tier1: 5000 bytes in 2 layers; nothing new exported (the tag already pointed at this image)'
    )
    expect(logger.lines).toContain(
      `info: acme/nb:tier2: 7000 bytes in 2 layers; a new image (the tag pointed at ${fakeDigest('image tier2, last week')} before)`
    )
  })
})
