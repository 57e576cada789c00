import { maintenanceOf, planOptions, type OptionId } from '../../src/compare/options.js'
import type { TierNotebooks } from '../../src/manifest/notebooks.js'
import { manifest, tier } from '../helpers/manifests.js'

const three = manifest({
  tiers: [
    tier('tier1', { packages: { apt: ['python3-six'], pip: [] } }),
    tier('tier2', { packages: { apt: ['python3-numpy'], pip: [] }, timeCritical: true }),
    tier('tier3')
  ]
})
const notebooks: TierNotebooks[] = [
  { tier: 'tier1', notebooks: ['nb/01 Setup.ipynb', 'nb/02-check.ipynb'] },
  { tier: 'tier2', notebooks: [] },
  { tier: 'tier3', notebooks: ['other/01 Setup.ipynb'] }
] as TierNotebooks[]

const summary = (wanted: OptionId[], found: TierNotebooks[] = [], given = three): unknown[] =>
  planOptions(given, found, wanted).map((plan) => ({
    id: plan.id,
    builds: plan.builds.map((build) => [
      build.label,
      build.key,
      build.strategy,
      build.manifest.tiers.map((t) => t.name)
    ]),
    ...(plan.skipped !== undefined ? { skipped: plan.skipped.split(':')[0] } : {}),
    ...(plan.unserved.length > 0 ? { unserved: plan.unserved } : {})
  }))

describe('planOptions', () => {
  test.each<[string, OptionId[], TierNotebooks[], unknown[]]>([
    [
      'A and D: one build each of the whole manifest',
      ['A', 'D'],
      [],
      [
        { id: 'A', builds: [['A', 'a', 'shared', ['tier1', 'tier2', 'tier3']]] },
        { id: 'D', builds: [['D', 'd', 'multi-stage', ['tier1', 'tier2', 'tier3']]] }
      ]
    ],
    [
      'B: one build per tier, the time-critical tier first',
      ['B'],
      [],
      [
        {
          id: 'B',
          builds: [
            ['B tier2', 'b-tier2', 'multi-stage', ['tier2']],
            ['B tier1', 'b-tier1', 'multi-stage', ['tier1']],
            ['B tier3', 'b-tier3', 'multi-stage', ['tier3']]
          ]
        }
      ]
    ],
    [
      'C not named but notebooks listed: planned and counted, one image per notebook',
      ['A'],
      notebooks,
      [
        { id: 'A', builds: [['A', 'a', 'shared', ['tier1', 'tier2', 'tier3']]] },
        {
          id: 'C',
          builds: [
            ['C tier1 01 Setup.ipynb', 'c-tier1-01-setup', 'multi-stage', ['tier1-01-setup']],
            ['C tier1 02-check.ipynb', 'c-tier1-02-check', 'multi-stage', ['tier1-02-check']],
            ['C tier3 01 Setup.ipynb', 'c-tier3-01-setup', 'multi-stage', ['tier3-01-setup']]
          ],
          skipped: 'counted only',
          unserved: ['tier2']
        }
      ]
    ],
    [
      'C not named and no notebooks: left out',
      ['A', 'B', 'D'],
      [],
      [
        { id: 'A', builds: [['A', 'a', 'shared', ['tier1', 'tier2', 'tier3']]] },
        { id: 'B', builds: expect.any(Array) },
        { id: 'D', builds: [['D', 'd', 'multi-stage', ['tier1', 'tier2', 'tier3']]] }
      ]
    ],
    [
      'C named without notebooks: nothing to build, said why',
      ['C'],
      [],
      [
        {
          id: 'C',
          builds: [],
          skipped:
            'no tier lists notebooks (tiers.<name>.notebooks), so there is no image per notebook to build',
          unserved: ['tier2', 'tier1', 'tier3']
        }
      ]
    ]
  ])('%s', (_name, wanted, found, expected) => {
    expect(summary(wanted, found)).toEqual(expected)
  })

  test('B cannot be cut from a manifest built from its own Dockerfile', () => {
    const own = { ...three, dockerfile: 'Dockerfile' }
    expect(summary(['B'], [], own)).toEqual([
      {
        id: 'B',
        builds: [],
        skipped:
          'the manifest builds from its own Dockerfile (Dockerfile), and this option is cut from the packages of a generated one'
      }
    ])
  })

  test('two notebooks with the same file name get names of their own', () => {
    const plans = planOptions(
      three,
      [{ tier: 'tier1', notebooks: ['a/x.ipynb', 'b/x.ipynb'] }] as TierNotebooks[],
      ['C']
    )
    expect(plans[0]?.builds.map((build) => build.manifest.tiers[0]?.name)).toEqual([
      'tier1-x',
      'tier1-x-2'
    ])
  })
})

describe('maintenanceOf', () => {
  const multi = [
    'FROM python AS base',
    'FROM base AS nb-download-tier1',
    'FROM base AS tier1',
    'FROM base AS tier2',
    'FROM tier1 AS tier3',
    ''
  ].join('\n')
  test.each<[string, { dockerfile: string; target?: string }[], Map<string, string>, object]>([
    [
      'one Dockerfile, helper stages aside, shared stages once',
      [
        { dockerfile: 'D', target: 'tier1' },
        { dockerfile: 'D', target: 'tier2' },
        { dockerfile: 'D', target: 'tier3' }
      ],
      new Map([['D', multi]]),
      { dockerfiles: 1, stages: 4, images: 3 }
    ],
    [
      'one Dockerfile per image counts each file’s stages',
      [
        { dockerfile: 'b1', target: 'tier1' },
        { dockerfile: 'b2', target: 'tier2' }
      ],
      new Map([
        ['b1', 'FROM python AS base\nFROM base AS tier1\n'],
        ['b2', 'FROM python AS base\nFROM base AS tier2\n']
      ]),
      { dockerfiles: 2, stages: 4, images: 2 }
    ],
    [
      'a Dockerfile that could not be read counts one stage',
      [{ dockerfile: 'gone' }],
      new Map(),
      { dockerfiles: 1, stages: 1, images: 1 }
    ]
  ])('%s', (_name, images, texts, expected) => {
    expect(maintenanceOf(images, texts)).toEqual(expected)
  })
})
