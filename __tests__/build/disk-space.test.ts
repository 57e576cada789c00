// The disk check's arithmetic: what the images need from the baseline's measured layers or
// the budgets, whether that fits, and what the messages say.
import {
  fitsMessage,
  judgeSpace,
  needFromBaseline,
  needFromBudgets,
  pruneAdvice,
  spaceMessage,
  type LocalImage
} from '../../src/build/disk-space.js'
import { fixtureReport } from '../helpers/comparisons.js'
import { image } from '../helpers/reports.js'

const MB = 1_000_000
// A base layer shared by both tiers, and one layer of each.
const base = fixtureReport('multi-stage', [
  {
    name: 'tier1',
    layers: [
      [100 * MB, '', 'sha256:base'],
      [10 * MB, 'RUN one', 'sha256:one']
    ],
    compressedBytes: 55 * MB
  },
  {
    name: 'tier2',
    layers: [
      [100 * MB, '', 'sha256:base'],
      [20 * MB, 'RUN two', 'sha256:two']
    ]
  }
])
const plan = [image('tier1'), image('tier2'), image('tier3')]

describe('needFromBaseline', () => {
  test('containerd: 2 × unpacked + packed per layer, a shared layer once, new images not counted', () => {
    const need = needFromBaseline(plan, base, [], 'containerd')
    // tier1 (ratio 0.5): base 200 + 50, one 20 + 5; tier2 (ratio 1): two 40 + 20.
    expect(need).toStrictEqual({
      bytes: 250 * MB + 25 * MB + 60 * MB,
      source: 'baseline',
      counted: ['tier1', 'tier2'],
      skipped: ['tier3 (not in the baseline)']
    })
  })

  test('layers the engine holds cost nothing; an image all held is said so', () => {
    const local: LocalImage[] = [{ tags: ['x:1'], layers: ['sha256:base', 'sha256:one'] }]
    const need = needFromBaseline(plan.slice(0, 2), base, local, 'containerd')
    expect(need.bytes).toBe(60 * MB)
    expect(need.skipped).toStrictEqual(['tier1 (its layers are in the engine already)'])
  })

  test('a layer only counts as held with its whole chain below it', () => {
    // sha256:two on top of another base is not the same snapshot.
    const local: LocalImage[] = [{ tags: [], layers: ['sha256:other', 'sha256:two'] }]
    expect(needFromBaseline([image('tier2')], base, local, 'containerd').bytes).toBe(360 * MB)
  })

  test('the classic store: one unpacked copy', () => {
    expect(needFromBaseline(plan, base, [], 'graphdriver').bytes).toBe(130 * MB)
  })

  test('a shared image is measured by the base image that served its tiers', () => {
    const shared = image('shared', { tiers: ['tier1'] })
    expect(needFromBaseline([shared], base, [], 'graphdriver').counted).toStrictEqual(['shared'])
  })
})

describe('needFromBudgets', () => {
  test('3 × budget per image not built before on containerd, 1 × on the classic store', () => {
    const local: LocalImage[] = [{ tags: ['ghcr.io/acme/nb:tier2'], layers: ['sha256:x'] }]
    const images = [image('tier1', { thresholdBytes: 2_000 }), image('tier2')]
    expect(needFromBudgets(images, local, 'containerd')).toStrictEqual({
      bytes: 6_000,
      source: 'budgets',
      counted: ['tier1'],
      skipped: ['tier2 (built before)']
    })
    expect(needFromBudgets(images, [], 'graphdriver').bytes).toBe(5_000_002_000)
  })
})

test.each<[number, number, string]>([
  [100, 1000, 'fits'],
  [800, 1000, 'fits'],
  [801, 1000, 'tight'],
  [1000, 1000, 'tight'],
  [1001, 1000, 'short']
])('judgeSpace(need %d, free %d) = %s', (need, free, verdict) => {
  expect(judgeSpace(need, free)).toBe(verdict)
})

test('pruneAdvice names what each command would free, from docker system df', () => {
  expect(
    pruneAdvice([
      { type: 'Images', reclaimable: '442.8MB (61%)' },
      { type: 'Containers', reclaimable: '0B (0%)' },
      { type: 'Local Volumes', reclaimable: '' },
      { type: 'Build Cache', reclaimable: '1.2GB' }
    ])
  ).toBe(
    '`docker image prune` (images: 442.8MB (61%) reclaimable), `docker builder prune` (build cache: 1.2GB reclaimable)'
  )
  expect(pruneAdvice([])).toBe(
    '`docker builder prune` (the build cache) or `docker image prune` (unused images)'
  )
})

test('the messages say free, needed, how, and what to prune', () => {
  const need = needFromBaseline(plan, base, [], 'containerd')
  const facts = {
    free: 200 * MB,
    need,
    dataRoot: '/var/lib/docker',
    prune: '`docker builder prune` (build cache: 1.2GB reclaimable)',
    baseline: 'nb-image-report of main, run 7'
  }
  expect(spaceMessage('short', facts)).toBe(
    "Not enough disk space to build: 200 MB free on /var/lib/docker (the engine's data root), about 335 MB needed for the layers of tier1, tier2 the engine does not hold yet, as measured by the baseline report (nb-image-report of main, run 7): twice their unpacked size (BuildKit's copy and the image's) plus their compressed size. Free space first, e.g. `docker builder prune` (build cache: 1.2GB reclaimable); nothing was pruned. (disk-check: warn builds anyway.)"
  )
  expect(spaceMessage('tight', { ...facts, free: 400 * MB })).toMatch(
    /^Disk space is tight: 400 MB free on \/var\/lib\/docker \(the engine's data root\), about 335 MB needed for the layers of tier1, tier2 .* The build may run out of space; `docker builder prune` \(build cache: 1\.2GB reclaimable\) would free some\.$/
  )
  const ceiling = needFromBudgets([image('tier1', { thresholdBytes: MB })], [], 'containerd')
  expect(spaceMessage('short', { ...facts, need: ceiling })).toContain(
    'about 3 MB needed for tier1 at their budgets (2 × budget + budget each, an upper bound: there is no baseline report to measure from)'
  )
  expect(fitsMessage(10_000 * MB, need, '/var/lib/docker')).toBe(
    'Disk: 10 GB free on /var/lib/docker, about 335 MB needed (measured by the baseline report; not counted: tier3 (not in the baseline))'
  )
})
