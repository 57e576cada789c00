import { readFileSync } from 'node:fs'
import {
  countSteps,
  executedKeys,
  exportedTarget,
  isCancellation,
  isFromStep,
  splitByTarget,
  stepKey,
  type TargetSteps
} from '../../src/build/target-steps.js'
import { BuildProgress, JsonStreamSplitter, type Step } from '../../src/build/progress.js'

// Captured from a real engine by __tests__/fixtures/rawjson/bake/capture.sh: a base stage
// (FROM, COPY from the context, RUN) shared by three tiers of one RUN each.
function steps(name: string): Step[] {
  const text = readFileSync(
    new URL(`../fixtures/rawjson/bake/${name}.txt`, import.meta.url),
    'utf8'
  )
  const splitter = new JsonStreamSplitter()
  const progress = new BuildProgress()
  for (const item of [...splitter.push(text), ...splitter.end()]) progress.consume(item)
  return progress.steps()
}

const TIERS = ['tier1', 'tier2', 'tier3']

/** What a test wants to see of a target: its span, steps (key → cached) and error. */
function summary(target: TargetSteps | undefined): unknown {
  if (!target) return undefined
  return {
    spanMs: (target.completedMs ?? 0) - (target.startedMs ?? 0),
    steps: Object.fromEntries(target.dockerfileSteps.map(({ key, step }) => [key, step.cached])),
    error: target.error,
    canceled: target.canceled
  }
}

const BASE_RUN = '[base 3/3] RUN sha256sum /seed.txt >/base.sum && sleep 1'
const BASE_COPY = '[base 2/3] COPY seed.txt /seed.txt'
const FROM =
  '[base 1/3] FROM docker.io/nb-image-fixture/busybox:1@sha256:d8c3e989befd6c69d42276094395d603fa4a305f04c5acb5c84a750fcaaf221f'
const TIER1 = '[tier1 1/1] RUN echo "tier1 working" && sleep 2 && sha256sum /base.sum >/tier1.sum'
const TIER2 =
  '[tier2 1/1] RUN echo "tier2 working" && sleep 1 && test "0" = 0 && sha256sum /base.sum >/tier2.sum'
const TIER3 = '[tier3 1/1] RUN echo "tier3 working" && sleep 3 && sha256sum /base.sum >/tier3.sum'

describe('splitByTarget on captured bake sessions', () => {
  test('cold: the base ran once, and every tier owns it', () => {
    const split = splitByTarget(steps('cold'), TIERS)
    expect(Object.fromEntries(TIERS.map((t) => [t, summary(split.get(t))]))).toStrictEqual({
      // From its first vertex to its export, the base it waited for included.
      tier1: {
        spanMs: 3771,
        steps: { [FROM]: false, [BASE_COPY]: false, [BASE_RUN]: false, [TIER1]: false },
        error: undefined,
        canceled: false
      },
      // tier2's own base vertices are cached twins of the ones that ran, which bake also
      // reported under tier2: what ran wins.
      tier2: {
        spanMs: 2867,
        steps: { [FROM]: false, [BASE_COPY]: false, [BASE_RUN]: false, [TIER2]: false },
        error: undefined,
        canceled: false
      },
      tier3: {
        spanMs: 4908,
        steps: { [FROM]: false, [BASE_COPY]: false, [BASE_RUN]: false, [TIER3]: false },
        error: undefined,
        canceled: false
      }
    })
  })

  test('cold: no tier counts a step another one ran as a hit', () => {
    const all = steps('cold')
    const executed = executedKeys(all, true)
    expect([...executed].sort()).toStrictEqual([BASE_COPY, BASE_RUN, TIER1, TIER2, TIER3])
    const split = splitByTarget(all, TIERS)
    expect(
      TIERS.map((t) => countSteps(split.get(t)?.dockerfileSteps ?? [], executed))
    ).toStrictEqual([
      { cachedSteps: 0, totalSteps: 3 },
      { cachedSteps: 0, totalSteps: 3 },
      { cachedSteps: 0, totalSteps: 3 }
    ])
  })

  test('warm: every step of every tier from the cache', () => {
    const all = steps('warm')
    const executed = executedKeys(all, true)
    expect([...executed]).toStrictEqual([])
    const split = splitByTarget(all, TIERS)
    expect(
      TIERS.map((t) => countSteps(split.get(t)?.dockerfileSteps ?? [], executed))
    ).toStrictEqual([
      { cachedSteps: 3, totalSteps: 3 },
      { cachedSteps: 3, totalSteps: 3 },
      { cachedSteps: 3, totalSteps: 3 }
    ])
  })

  test('fail: tier2 carries its error; tier1 and tier3 were only cancelled', () => {
    const split = splitByTarget(steps('fail'), TIERS)
    expect(TIERS.map((t) => [t, split.get(t)?.error, split.get(t)?.canceled])).toStrictEqual([
      ['tier1', undefined, true],
      [
        'tier2',
        'process "/bin/sh -c echo \\"tier2 working\\" && sleep 1 && test \\"$FAIL\\" = 0 && sha256sum /base.sum >/tier2.sum" did not complete successfully: exit code: 1',
        false
      ],
      ['tier3', undefined, true]
    ])
  })

  test('two concurrent one-target sessions: the second also reports the base the first ran', () => {
    const a = steps('single-a')
    const b = steps('single-b')
    const tier1 = splitByTarget(a, ['tier1']).get('tier1')
    const tier3 = splitByTarget(b, ['tier3']).get('tier3')
    // Without a prefix, every vertex but the bake definitions is the target's.
    expect(tier1?.digests.size).toBe(a.length - 1)
    expect(summary(tier3)).toStrictEqual({
      spanMs: expect.any(Number),
      // Its own copies of the base were cached, but the ones that ran are in its stream.
      steps: { [FROM]: false, [BASE_COPY]: false, [BASE_RUN]: false, [TIER3]: false },
      error: undefined,
      canceled: false
    })
    const executed = new Set([...executedKeys(a, false), ...executedKeys(b, false)])
    expect(countSteps(tier3?.dockerfileSteps ?? [], executed)).toStrictEqual({
      cachedSteps: 0,
      totalSteps: 3
    })
  })
})

describe('splitByTarget', () => {
  const step = (digest: string, name: string, fields: Partial<Step> = {}): Step => ({
    digest,
    name,
    index: 0,
    inputs: [],
    names: [],
    cached: false,
    ...fields
  })

  test('a target owns its prefixed vertices and, through inputs, what they consume', () => {
    const all = [
      step('bake', '[internal] load local bake definitions', { startedMs: 0, completedMs: 1 }),
      step('from', '[a base 1/2] FROM x', { startedMs: 10, completedMs: 11 }),
      step('base', '[a base 2/2] RUN base', { inputs: ['from'], startedMs: 11, completedMs: 50 }),
      step('a', '[a a 1/1] RUN a', { inputs: ['base'], startedMs: 50, completedMs: 60 }),
      step('b', '[b b 1/1] RUN b', { inputs: ['base'], startedMs: 50, completedMs: 90 }),
      step('export-b', '[b] exporting to image', { startedMs: 90, completedMs: 95 }),
      // An input that never showed up as a vertex is followed without harm.
      step('c', '[c c 1/1] RUN c', { inputs: ['ghost'], startedMs: 20 })
    ]
    const split = splitByTarget(all, ['a', 'b', 'c'])
    expect([...(split.get('a')?.digests ?? [])].sort()).toStrictEqual(['a', 'base', 'from'])
    expect([...(split.get('b')?.digests ?? [])].sort()).toStrictEqual([
      'b',
      'base',
      'export-b',
      'from'
    ])
    expect([split.get('b')?.startedMs, split.get('b')?.completedMs]).toStrictEqual([10, 95])
    // A step that only started ends, for the span, where it started.
    expect([split.get('c')?.startedMs, split.get('c')?.completedMs]).toStrictEqual([20, 20])
  })

  test('a target with no vertices has no span', () => {
    const split = splitByTarget([step('x', '[a a 1/1] RUN a')], ['a', 'b'])
    expect(split.get('b')).toStrictEqual({
      digests: new Set(),
      dockerfileSteps: [],
      canceled: false
    })
  })

  test('target names that prefix each other do not share vertices', () => {
    const split = splitByTarget(
      [step('1', '[tier1 tier1 1/1] RUN a'), step('10', '[tier10 tier10 1/1] RUN b')],
      ['tier1', 'tier10']
    )
    expect([...(split.get('tier1')?.digests ?? [])]).toStrictEqual(['1'])
    expect([...(split.get('tier10')?.digests ?? [])]).toStrictEqual(['10'])
  })

  test('the first real error wins over cancellations and later errors', () => {
    const split = splitByTarget(
      [
        step('1', '[a a 1/3] RUN x', {
          error: 'exit code: 137: context canceled: context canceled'
        }),
        step('2', '[a a 2/3] RUN y', { error: 'exit code: 2' }),
        step('3', '[a a 3/3] RUN z', { error: 'exit code: 3' })
      ],
      ['a', 'b']
    )
    expect([split.get('a')?.error, split.get('a')?.canceled]).toStrictEqual(['exit code: 2', true])
  })
})

describe('isCancellation', () => {
  test.each<[string, boolean]>([
    [
      'process "/bin/sh -c sleep 3" did not complete successfully: exit code: 137: context canceled: context canceled',
      true
    ],
    ['context canceled', true],
    ['context canceled\n', true],
    ['process "/bin/sh -c exit 3" did not complete successfully: exit code: 3', false],
    ['failed to compute cache key: context canceled by user request', false],
    ['', false]
  ])('%j → %s', (error, expected) => {
    expect(isCancellation(error)).toBe(expected)
  })
})

describe('stepKey', () => {
  test.each<[string, boolean, string]>([
    ['[tier1 base 2/3] COPY a /a', true, '[base 2/3] COPY a /a'],
    ['[tier1 tier1 1/1] RUN x', true, '[tier1 1/1] RUN x'],
    ['[tier1 1/2] RUN x', true, '[1/2] RUN x'],
    ['[tier1] exporting to image', true, '[] exporting to image'],
    ['[base 2/3] COPY a /a', false, '[base 2/3] COPY a /a'],
    ['exporting to image', true, 'exporting to image']
  ])('%j (prefixed %s) → %j', (name, prefixed, key) => {
    expect(stepKey(name, prefixed)).toBe(key)
  })
})

describe('isFromStep', () => {
  test.each<[string, boolean]>([
    ['[base 1/3] FROM docker.io/library/busybox:1', true],
    ['[1/2] FROM busybox', true],
    ['[base 2/3] COPY --from=builder /a /a', false],
    ['[base 2/3] RUN echo FROM x', false],
    ['[internal] load metadata for docker.io/library/busybox:1', false]
  ])('%j → %s', (name, expected) => {
    expect(isFromStep(name)).toBe(expected)
  })
})

describe('countSteps', () => {
  const keyed = (key: string, cached: boolean): { key: string; step: Step } => ({
    key,
    step: { digest: key, name: key, index: 0, inputs: [], names: [key], cached }
  })

  test.each<[string, { key: string; step: Step }[], string[], number, number]>([
    ['nothing', [], [], 0, 0],
    ['FROM is not counted', [keyed('[1/2] FROM x', true), keyed('[2/2] RUN y', true)], [], 1, 1],
    ['cached and built', [keyed('[a 1/2] RUN y', true), keyed('[a 2/2] RUN z', false)], [], 1, 2],
    [
      'a hit that another session of the run built is a miss',
      [keyed('[base 2/2] RUN y', true), keyed('[a 1/1] RUN z', true)],
      ['[base 2/2] RUN y'],
      1,
      2
    ]
  ])('%s', (_name, steps, executed, cached, total) => {
    expect(countSteps(steps, new Set(executed))).toStrictEqual({
      cachedSteps: cached,
      totalSteps: total
    })
  })
})

describe('exportedTarget', () => {
  test.each<[string, string[], string | undefined]>([
    ['[tier1] exporting to image', ['tier1', 'tier2'], 'tier1'],
    ['[tier2] exporting to docker image format', ['tier1', 'tier2'], 'tier2'],
    ['[tier1] exporting cache to registry', ['tier1', 'tier2'], undefined],
    ['[tier3] exporting to image', ['tier1', 'tier2'], undefined],
    ['exporting to image', ['tier1'], 'tier1'],
    ['exporting to image', ['tier1', 'tier2'], undefined],
    ['[tier1] exporting to image', ['tier1'], undefined],
    ['exporting cache to registry', ['tier1'], undefined],
    ['[tier1 tier1 1/1] RUN echo exporting to image', ['tier1', 'tier2'], undefined],
    ['[internal] load build context', ['internal'], undefined]
  ])('%j of %j → %j', (name, targets, target) => {
    expect(exportedTarget(name, targets)).toBe(target)
  })
})
