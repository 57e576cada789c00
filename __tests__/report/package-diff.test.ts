import {
  diffPackages,
  largestPackages,
  listedPackages,
  packageDrift
} from '../../src/report/package-diff.js'
import type { ImagePackages } from '../../src/report/contents.js'
import type { ImageReport } from '../../src/report/types.js'

const packages = (fields: Partial<ImagePackages> = {}): ImagePackages => ({
  interpreter: { version: '3.11.2', executable: '/usr/bin/python3', venv: false },
  python: [],
  debian: [],
  rpm: [],
  notes: [],
  ...fields
})
const deb = (name: string, version: string, sizeBytes: number | null = 1000) => ({
  name,
  version,
  sizeBytes
})
const pip = (
  name: string,
  version: string,
  sizeBytes: number | null = 1000,
  debianPackage?: string
) => ({
  name,
  version,
  sizeBytes,
  sizeSource: debianPackage ? ('estimated' as const) : ('measured' as const),
  location: debianPackage ? 'debian' : 'venv',
  ...(debianPackage ? { debianPackage } : {})
})

describe('listedPackages', () => {
  test('Debian, RPM and Python, Python from apt left to the Debian list', () => {
    const listed = listedPackages(
      packages({
        debian: [deb('python3-yaml', '6.0-3')],
        rpm: [deb('nbdemo', '1.4-2')],
        python: [pip('pyyaml', '6.0', 1000, 'python3-yaml'), pip('numpy', '2.0.1')]
      })
    )
    expect(listed.map((item) => [item.manager, item.name])).toStrictEqual([
      ['debian', 'python3-yaml'],
      ['rpm', 'nbdemo'],
      ['python', 'numpy']
    ])
  })
})

describe('diffPackages', () => {
  const base = packages({
    debian: [deb('python3-six', '1.16.0-4', 63_000), deb('libgone', '1', 5_000), deb('same', '1')],
    python: [pip('numpy', '1.26.4', 30_000_000), pip('odd', '1', null)]
  })

  test('added, removed and changed, the largest size change first, unknown sizes last', () => {
    const head = packages({
      debian: [
        deb('python3-six', '1.16.0-4', 63_000),
        deb('python3-idna', '3.3-1', 300_000),
        deb('same', '1')
      ],
      python: [pip('numpy', '2.0.1', 33_200_000), pip('odd', '2', 10), pip('new', '0.1', null)]
    })
    expect(diffPackages(head, base)).toStrictEqual({
      compared: true,
      changes: [
        {
          manager: 'python',
          name: 'numpy',
          change: 'changed',
          baseVersion: '1.26.4',
          headVersion: '2.0.1',
          sizeDeltaBytes: 3_200_000
        },
        {
          manager: 'debian',
          name: 'python3-idna',
          change: 'added',
          headVersion: '3.3-1',
          sizeDeltaBytes: 300_000
        },
        {
          manager: 'debian',
          name: 'libgone',
          change: 'removed',
          baseVersion: '1',
          sizeDeltaBytes: -5_000
        },
        {
          manager: 'python',
          name: 'new',
          change: 'added',
          headVersion: '0.1',
          sizeDeltaBytes: null
        },
        {
          manager: 'python',
          name: 'odd',
          change: 'changed',
          baseVersion: '1',
          headVersion: '2',
          sizeDeltaBytes: null
        }
      ]
    })
  })

  test('the same package on two lists is two packages', () => {
    const head = packages({ rpm: [deb('same', '1')], debian: [] })
    const diff = diffPackages(head, packages({ debian: [deb('same', '1')] }))
    expect(diff.compared && diff.changes.map((c) => [c.manager, c.change])).toStrictEqual([
      ['debian', 'removed'],
      ['rpm', 'added']
    ])
  })

  test.each<[string, ImagePackages | undefined, ImagePackages | undefined | null, string]>([
    ['no base image', packages(), null, 'no-baseline'],
    ['a base report from before packages', packages(), undefined, 'base-without-packages'],
    ['an image without packages (not built)', undefined, packages(), 'head-without-packages']
  ])('%s: not compared', (_name, head, baseline, reason) => {
    expect(diffPackages(head, baseline)).toStrictEqual({ compared: false, reason })
  })

  test('nothing changed: compared, no changes', () => {
    expect(diffPackages(base, base)).toStrictEqual({ compared: true, changes: [] })
  })
})

describe('largestPackages', () => {
  test('every list together, unknown sizes left out, ties by name', () => {
    const largest = largestPackages(
      packages({
        debian: [
          deb('b', '1', 10),
          deb('a', '1', 10),
          deb('big', '1', 100),
          deb('unknown', '1', null)
        ],
        python: [pip('torch', '2', 1000), pip('pyyaml', '6', 5000, 'python3-yaml')]
      }),
      3
    )
    expect(largest.map((item) => item.name)).toStrictEqual(['torch', 'big', 'a'])
  })
})

describe('packageDrift', () => {
  const image = (name: string, contents?: ImagePackages): ImageReport =>
    ({ name, tiers: [name], ...(contents ? { packages: contents } : {}) }) as ImageReport

  test('the same package at different versions in different images, by name', () => {
    const drift = packageDrift([
      image(
        'tier1',
        packages({ python: [pip('numpy', '1.26.4')], debian: [deb('libc6', '2.36')] })
      ),
      image('tier2', packages({ python: [pip('numpy', '2.0.1')], debian: [deb('libc6', '2.36')] })),
      image('tier3', packages({ python: [pip('numpy', '1.26.4'), pip('only-here', '1')] })),
      image('tier4')
    ])
    expect(drift).toStrictEqual([
      {
        manager: 'python',
        name: 'numpy',
        versions: [
          { version: '1.26.4', tiers: ['tier1', 'tier3'] },
          { version: '2.0.1', tiers: ['tier2'] }
        ]
      }
    ])
  })

  test('one image, or images that agree: no drift', () => {
    expect(
      packageDrift([image('shared', packages({ python: [pip('numpy', '1')] }))])
    ).toStrictEqual([])
    expect(
      packageDrift([
        image('a', packages({ debian: [deb('x', '1')] })),
        image('b', packages({ debian: [deb('x', '1')] }))
      ])
    ).toStrictEqual([])
  })
})
