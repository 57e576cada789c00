import { generateDockerfile } from '../../src/plan/dockerfile.js'
import { InputError, ManifestError } from '../../src/utils/errors.js'
import {
  DEFAULT_THRESHOLD_BYTES,
  planBuild,
  utcDay,
  type PlanOptions
} from '../../src/plan/plan.js'
import type { Manifest, Strategy } from '../../src/manifest/types.js'
import type { BuildPlan, ImagePlan } from '../../src/plan/types.js'
import { manifest, tier } from '../helpers/manifests.js'

const GENERATED = '/repo/ci/.nb-image/Dockerfile'

/** Tier → name of the image that serves it. */
const servedBy = (plan: BuildPlan): Record<string, string> =>
  Object.fromEntries(plan.images.flatMap((image) => image.tiers.map((t) => [t, image.name])))
const options = (fields: Partial<PlanOptions> = {}): PlanOptions => ({
  manifestDir: '/repo/ci',
  generatedDockerfilePath: GENERATED,
  ...fields
})

/** Five tiers: three generated (one with a budget, one with a target), two with their own file. */
const fiveTiers = (fields: Partial<Manifest> = {}): Manifest =>
  manifest({
    buildArgs: { PIP_INDEX: 'https://pypi.org/simple' },
    base: { pip: ['papermill'], apt: [] },
    tiers: [
      tier('t1', { packages: { pip: ['pyyaml'], apt: [] }, buildArgs: { T1: 'yes' } }),
      tier('t2', { packages: { pip: ['scikit-learn'], apt: [] }, thresholdBytes: 4e9 }),
      tier('t3', { packages: { pip: ['grpcio'], apt: [] }, target: 'serving' }),
      tier('t4', { dockerfile: 'Dockerfile.gpu', buildArgs: { CUDA: '12' } }),
      tier('t5', { dockerfile: 'docker/Dockerfile.x', target: 'cpu' })
    ],
    ...fields
  })

const COMMON_ARGS = { BASE_IMAGE: 'python:3.12-slim', PIP_INDEX: 'https://pypi.org/simple' }

const ownImages: ImagePlan[] = [
  {
    name: 't4',
    tiers: ['t4'],
    dockerfile: '/repo/ci/Dockerfile.gpu',
    context: '/repo/ci',
    generated: false,
    ref: 'ghcr.io/acme/nb:t4',
    thresholdBytes: DEFAULT_THRESHOLD_BYTES,
    thresholdSource: 'default',
    buildArgs: { ...COMMON_ARGS, CUDA: '12' },
    field: 'tiers.t4.dockerfile'
  },
  {
    name: 't5',
    tiers: ['t5'],
    target: 'cpu',
    dockerfile: '/repo/ci/docker/Dockerfile.x',
    context: '/repo/ci',
    generated: false,
    ref: 'ghcr.io/acme/nb:t5',
    thresholdBytes: DEFAULT_THRESHOLD_BYTES,
    thresholdSource: 'default',
    buildArgs: COMMON_ARGS,
    field: 'tiers.t5.target'
  }
]

describe('planBuild', () => {
  test('shared, generated Dockerfile: one shared image plus one per own-Dockerfile tier', () => {
    const m = fiveTiers()
    expect(planBuild(m, options())).toStrictEqual({
      strategy: 'shared',
      manifestFile: 'notebook-tiers.yaml',
      images: [
        {
          name: 'shared',
          tiers: ['t1', 't2', 't3'],
          target: 'shared',
          dockerfile: GENERATED,
          context: '/repo/ci',
          generated: true,
          ref: 'ghcr.io/acme/nb:shared',
          // The tightest budget of the tiers it serves.
          thresholdBytes: 4e9,
          thresholdSource: 'tier t2',
          buildArgs: { ...COMMON_ARGS, T1: 'yes' },
          field: 'tiers'
        },
        ...ownImages
      ],
      generatedDockerfile: { path: GENERATED, content: generateDockerfile(m) }
    } satisfies BuildPlan)
    expect(servedBy(planBuild(m, options()))).toStrictEqual({
      t1: 'shared',
      t2: 'shared',
      t3: 'shared',
      t4: 't4',
      t5: 't5'
    })
  })

  test('multi-stage, generated Dockerfile: one image per tier, --target the tier (or its target)', () => {
    const plan = planBuild(fiveTiers({ strategy: 'multi-stage' }), options())
    expect(plan.strategy).toBe('multi-stage')
    expect(plan.images).toStrictEqual([
      {
        name: 't1',
        tiers: ['t1'],
        target: 't1',
        dockerfile: GENERATED,
        context: '/repo/ci',
        generated: true,
        ref: 'ghcr.io/acme/nb:t1',
        thresholdBytes: DEFAULT_THRESHOLD_BYTES,
        thresholdSource: 'default',
        buildArgs: { ...COMMON_ARGS, T1: 'yes' },
        field: 'tiers.t1'
      },
      {
        name: 't2',
        tiers: ['t2'],
        target: 't2',
        dockerfile: GENERATED,
        context: '/repo/ci',
        generated: true,
        ref: 'ghcr.io/acme/nb:t2',
        thresholdBytes: 4e9,
        thresholdSource: 'tier t2',
        buildArgs: COMMON_ARGS,
        field: 'tiers.t2'
      },
      {
        name: 't3',
        tiers: ['t3'],
        target: 'serving',
        dockerfile: GENERATED,
        context: '/repo/ci',
        generated: true,
        ref: 'ghcr.io/acme/nb:t3',
        thresholdBytes: DEFAULT_THRESHOLD_BYTES,
        thresholdSource: 'default',
        buildArgs: COMMON_ARGS,
        field: 'tiers.t3.target'
      },
      ...ownImages
    ] satisfies ImagePlan[])
    expect(servedBy(plan)).toStrictEqual({ t1: 't1', t2: 't2', t3: 't3', t4: 't4', t5: 't5' })
    expect(plan.generatedDockerfile?.path).toBe(GENERATED)
  })

  test.each<[string, Strategy]>([
    ['multi-stage', 'multi-stage'],
    ['shared', 'shared']
  ])(
    '%s: no Dockerfile is generated when only tiers with their own Dockerfile are built',
    (_name, strategy) => {
      const onlyOwn = planBuild(fiveTiers(), options({ strategy, tiers: ['t4', 't5'] }))
      expect(onlyOwn.images).toStrictEqual(ownImages)
      expect(onlyOwn.generatedDockerfile).toBeUndefined()
      // One generated tier among them and the file is back.
      const mixed = planBuild(fiveTiers(), options({ strategy, tiers: ['t1', 't4'] }))
      expect(mixed.generatedDockerfile?.path).toBe(GENERATED)
    }
  )

  test.each<[Strategy, Record<string, string>]>([
    ['shared', {}],
    ['multi-stage', {}],
    ['shared', { NB_APT_LISTS_KEY: 'weekly-48' }],
    ['multi-stage', { NB_APT_LISTS_KEY: 'weekly-48' }]
  ])(
    '%s, manifest build args %j: the generated images get the apt lists key, the others not',
    (strategy, buildArgs) => {
      const m = fiveTiers({ buildArgs })
      m.tiers[0] = tier('t1', { packages: { pip: [], apt: ['git'] } })
      const plan = planBuild(m, options({ strategy, refreshKey: '2026-11-26' }))
      // A manifest value of the key wins: indexes refresh on its schedule.
      const key = buildArgs['NB_APT_LISTS_KEY'] ?? '2026-11-26'
      expect(
        plan.images.map((image) => [image.name, image.buildArgs['NB_APT_LISTS_KEY']])
      ).toStrictEqual(
        strategy === 'shared'
          ? [
              ['shared', key],
              ['t4', buildArgs['NB_APT_LISTS_KEY']],
              ['t5', buildArgs['NB_APT_LISTS_KEY']]
            ]
          : [
              ['t1', key],
              ['t2', key],
              ['t3', key],
              ['t4', buildArgs['NB_APT_LISTS_KEY']],
              ['t5', buildArgs['NB_APT_LISTS_KEY']]
            ]
      )
      // Without apt packages there are no lists to key.
      expect(
        planBuild(fiveTiers(), options({ strategy, refreshKey: '2026-11-26' })).images.some(
          (image) => 'NB_APT_LISTS_KEY' in image.buildArgs
        )
      ).toBe(false)
    }
  )

  test('utcDay: the UTC date of a time', () => {
    expect(utcDay(Date.UTC(2026, 10, 26, 23, 59, 59))).toBe('2026-11-26')
    expect(utcDay(Date.UTC(2026, 10, 27, 0, 0, 0))).toBe('2026-11-27')
  })

  test('the strategy option overrides the manifest', () => {
    const plan = planBuild(fiveTiers({ strategy: 'multi-stage' }), options({ strategy: 'shared' }))
    expect(plan.strategy).toBe('shared')
    expect(plan.images.map((image) => image.name)).toStrictEqual(['shared', 't4', 't5'])
  })

  test('shared, user Dockerfile: final stage, resolved against the context; nothing generated', () => {
    const m = manifest({
      baseImage: undefined,
      context: '../app',
      dockerfile: 'docker/Dockerfile',
      tiers: [tier('tier1'), tier('tier2', { target: 'training' })]
    })
    expect(planBuild(m, options())).toStrictEqual({
      strategy: 'shared',
      manifestFile: 'notebook-tiers.yaml',
      images: [
        {
          name: 'shared',
          tiers: ['tier1', 'tier2'],
          dockerfile: '/repo/app/docker/Dockerfile',
          context: '/repo/app',
          generated: false,
          ref: 'ghcr.io/acme/nb:shared',
          thresholdBytes: DEFAULT_THRESHOLD_BYTES,
          thresholdSource: 'default',
          buildArgs: {},
          field: 'dockerfile'
        }
      ]
    } satisfies BuildPlan)
  })

  test('shared, user Dockerfile with a target: --target it, errors point at "target"', () => {
    const m = manifest({
      dockerfile: 'Dockerfile',
      target: 'everything',
      tiers: [tier('tier1')]
    })
    const [shared] = planBuild(m, options()).images
    expect(shared?.target).toBe('everything')
    expect(shared?.field).toBe('target')
    expect(shared?.generated).toBe(false)
    // A baseImage with a user Dockerfile is passed as a build arg all the same.
    expect(shared?.buildArgs).toStrictEqual({ BASE_IMAGE: 'python:3.12-slim' })
  })

  test('multi-stage, user Dockerfile: --target is the tier name unless the tier names one', () => {
    const m = manifest({
      strategy: 'multi-stage',
      dockerfile: 'Dockerfile',
      tiers: [tier('tier1'), tier('tier2', { target: 'training' })]
    })
    expect(
      planBuild(m, options()).images.map((image) => [
        image.name,
        image.target,
        image.dockerfile,
        image.generated,
        image.field
      ])
    ).toStrictEqual([
      ['tier1', 'tier1', '/repo/ci/Dockerfile', false, 'tiers.tier1'],
      ['tier2', 'training', '/repo/ci/Dockerfile', false, 'tiers.tier2.target']
    ])
  })

  describe('threshold precedence: tier > input > manifest > default', () => {
    test.each<[string, number | undefined, number | undefined, number | undefined, number, string]>(
      [
        ['nothing set', undefined, undefined, undefined, 5_000_000_000, 'default'],
        ['manifest only', undefined, undefined, 3e9, 3e9, 'manifest'],
        ['input over manifest', undefined, 2e9, 3e9, 2e9, 'input'],
        ['input only', undefined, 2e9, undefined, 2e9, 'input'],
        ['tier over input and manifest', 1e9, 2e9, 3e9, 1e9, 'tier tier1'],
        ['tier over a tighter input', 6e9, 2e9, undefined, 6e9, 'tier tier1']
      ]
    )('%s', (_name, tierBytes, inputBytes, manifestBytes, bytes, source) => {
      const m = manifest({
        strategy: 'multi-stage',
        thresholdBytes: manifestBytes,
        tiers: [tier('tier1', { thresholdBytes: tierBytes, packages: { pip: ['x'], apt: [] } })]
      })
      const [image] = planBuild(m, options({ thresholdBytes: inputBytes })).images
      expect([image?.thresholdBytes, image?.thresholdSource]).toStrictEqual([bytes, source])
    })
  })

  describe('the shared image takes the tightest budget of the tiers it serves', () => {
    test.each<[string, (number | undefined)[], number | undefined, number, string]>([
      ['no budgets: the default', [undefined, undefined], undefined, 5e9, 'default'],
      ['the input when no tier is tighter', [undefined, 4e9], 3e9, 3e9, 'input'],
      ['a tier tighter than the input', [2e9, undefined], 3e9, 2e9, 'tier a'],
      ['the tightest of two tiers', [2e9, 1e9], undefined, 1e9, 'tier b'],
      ['the first of equal budgets', [1e9, 1e9], undefined, 1e9, 'tier a'],
      ['a tier looser than the input does not loosen it', [9e9, undefined], 3e9, 3e9, 'input']
    ])('%s', (_name, tierBytes, inputBytes, bytes, source) => {
      const m = manifest({
        tiers: [
          tier('a', { thresholdBytes: tierBytes[0], packages: { pip: ['x'], apt: [] } }),
          tier('b', { thresholdBytes: tierBytes[1], packages: { pip: ['y'], apt: [] } })
        ]
      })
      const [image] = planBuild(m, options({ thresholdBytes: inputBytes })).images
      expect([image?.name, image?.thresholdBytes, image?.thresholdSource]).toStrictEqual([
        'shared',
        bytes,
        source
      ])
    })
  })

  describe('a subset of tiers', () => {
    test.each<[Strategy, string[], string[], Record<string, string>]>([
      [
        'multi-stage',
        [],
        ['t1', 't2', 't3', 't4', 't5'],
        {
          t1: 't1',
          t2: 't2',
          t3: 't3',
          t4: 't4',
          t5: 't5'
        }
      ],
      ['multi-stage', ['t3', 't1'], ['t1', 't3'], { t1: 't1', t3: 't3' }],
      ['multi-stage', ['t5', 't5'], ['t5'], { t5: 't5' }],
      // The shared image serves every generated tier, selected or not.
      [
        'shared',
        ['t4', 't1'],
        ['shared', 't4'],
        { t1: 'shared', t2: 'shared', t3: 'shared', t4: 't4' }
      ],
      ['shared', ['t5'], ['t5'], { t5: 't5' }],
      ['shared', ['t2'], ['shared'], { t1: 'shared', t2: 'shared', t3: 'shared' }]
    ])('%s %j builds %j', (strategy, tiers, names, tierImages) => {
      const plan = planBuild(fiveTiers({ strategy }), options({ tiers }))
      expect(plan.images.map((image) => image.name)).toStrictEqual(names)
      expect(servedBy(plan)).toStrictEqual(tierImages)
    })

    test.each<[string[], string]>([
      [['nope'], 'tiers: unknown tier "nope"; notebook-tiers.yaml declares t1, t2, t3, t4, t5'],
      [
        ['t1', 'Tier2', 'x'],
        'tiers: unknown tiers "Tier2", "x"; notebook-tiers.yaml declares t1, t2, t3, t4, t5'
      ]
    ])('%j is refused', (tiers, message) => {
      let thrown: unknown
      try {
        planBuild(fiveTiers(), options({ tiers }))
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(InputError)
      expect((thrown as InputError).message).toBe(message)
    })
  })
})

describe('build args of the shared image', () => {
  test.each<[string, Record<string, string>[], Record<string, string> | string]>([
    [
      'tiers adding different args merge',
      [{ A: '1' }, { B: '2' }],
      { ...COMMON_ARGS, A: '1', B: '2' }
    ],
    ['tiers agreeing on a value merge', [{ A: '1' }, { A: '1' }], { ...COMMON_ARGS, A: '1' }],
    [
      'tiers disagreeing are an error at the second one',
      [{ A: '1' }, { A: '2' }],
      'notebook-tiers.yaml:9:12: tiers.t2.buildArgs.A: build arg A="2" conflicts with "1" from tier t1; the shared image is built once, so its tiers must agree (or use strategy multi-stage)'
    ]
  ])('%s', (_name, [first, second], expected) => {
    const input = manifest({
      buildArgs: { PIP_INDEX: 'https://pypi.org/simple' },
      tiers: [
        tier('t1', { packages: { pip: ['a'], apt: [] }, buildArgs: first ?? {} }),
        tier('t2', { packages: { pip: ['b'], apt: [] }, buildArgs: second ?? {} })
      ],
      positions: { 'tiers.t2.buildArgs.A': { line: 9, column: 12 } }
    })
    if (typeof expected === 'string') {
      expect(() => planBuild(input, options())).toThrow(ManifestError)
      expect(() => planBuild(input, options())).toThrow(expected)
    } else {
      expect(planBuild(input, options()).images[0]?.buildArgs).toStrictEqual(expected)
    }
    // Per-tier images never conflict: each keeps its own args.
    expect(
      planBuild(input, options({ strategy: 'multi-stage' })).images.map((i) => i.buildArgs)
    ).toStrictEqual([
      { ...COMMON_ARGS, ...first },
      { ...COMMON_ARGS, ...second }
    ])
  })
})
