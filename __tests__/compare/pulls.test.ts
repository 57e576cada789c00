import { optionPulls, type PullSubject } from '../../src/compare/pulls.js'

const packed = (config: number, layers: [string, number][]): PullSubject['packed'] => ({
  configBytes: config,
  layers: layers.map(([digest, bytes]) => ({ digest, bytes }))
})

describe('optionPulls', () => {
  test.each<
    [string, PullSubject[], Record<string, { coldBytes: number; baseCachedBytes: number | null }>]
  >([
    [
      'one image: its own base layers are held',
      [
        {
          name: 'shared',
          packed: packed(1, [
            ['b', 100],
            ['t1', 10],
            ['t2', 20]
          ]),
          baseLayers: 1
        }
      ],
      { shared: { coldBytes: 131, baseCachedBytes: 31 } }
    ],
    [
      'per-tier images sharing base blobs pull only their own layers',
      [
        {
          name: 'tier1',
          packed: packed(1, [
            ['b', 100],
            ['t1', 10]
          ]),
          baseLayers: 1
        },
        {
          name: 'tier2',
          packed: packed(2, [
            ['b', 100],
            ['t2', 20]
          ]),
          baseLayers: 1
        }
      ],
      {
        tier1: { coldBytes: 111, baseCachedBytes: 11 },
        tier2: { coldBytes: 122, baseCachedBytes: 22 }
      }
    ],
    [
      'separately built images whose base blobs differ share nothing',
      [
        {
          name: 'tier1',
          packed: packed(1, [
            ['b1', 100],
            ['t1', 10]
          ]),
          baseLayers: 1
        },
        {
          name: 'tier2',
          packed: packed(2, [
            ['b2', 100],
            ['t2', 20]
          ]),
          baseLayers: 1
        }
      ],
      {
        tier1: { coldBytes: 111, baseCachedBytes: 111 },
        tier2: { coldBytes: 122, baseCachedBytes: 122 }
      }
    ],
    [
      'unknown base layers: no base-cached figure',
      [{ name: 'x', packed: packed(1, [['b', 100]]), baseLayers: null }],
      { x: { coldBytes: 101, baseCachedBytes: null } }
    ],
    ['an unreadable image is left out', [{ name: 'x', packed: null, baseLayers: 1 }], {}]
  ])('%s', (_name, subjects, expected) => {
    expect(Object.fromEntries(optionPulls(subjects))).toEqual(expected)
  })
})
