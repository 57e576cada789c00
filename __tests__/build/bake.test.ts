import {
  bakeArgs,
  bakeFile,
  bakeTargetNames,
  displayCommand,
  escapeHcl,
  imageCache,
  ociLabels,
  type BakeFile,
  type BuildSettings,
  type CacheShorthand,
  type ImageCache,
  type SourceInfo
} from '../../src/build/bake.js'
import type { ImagePlan } from '../../src/plan/types.js'

const image = (name: string, fields: Partial<ImagePlan> = {}): ImagePlan => ({
  name,
  tiers: [name],
  target: name,
  dockerfile: '/repo/Dockerfile',
  context: '/repo',
  generated: false,
  ref: `ghcr.io/acme/nb:${name}`,
  thresholdBytes: 5e9,
  thresholdSource: 'default',
  buildArgs: {},
  field: `tiers.${name}`,
  ...fields
})

const settings = (fields: Partial<BuildSettings> = {}): BuildSettings => ({
  repository: 'ghcr.io/acme/nb',
  cacheFrom: [],
  cacheTo: [],
  noCache: false,
  provenance: false,
  labels: {},
  ...fields
})

/** Every target's attestations unless provenance is asked for: none. */
const NO_PROVENANCE = ['type=provenance,disabled=true']

describe('bakeTargetNames', () => {
  test.each<[string, string[], string[]]>([
    ['tier names are target names', ['tier1', 'tier2', 'shared'], ['tier1', 'tier2', 'shared']],
    ['dots become underscores', ['ml.v2', 'a-b_c'], ['ml_v2', 'a-b_c']],
    ['collisions get a number', ['ml.v2', 'ml_v2', 'ml-v2'], ['ml_v2', 'ml_v2-2', 'ml-v2']],
    ['a third collision', ['a.b', 'a_b', 'a+b'], ['a_b', 'a_b-2', 'a_b-3']],
    ['nothing left', ['...'], ['___']]
  ])('%s', (_name, names, targets) => {
    const result = bakeTargetNames(names.map((name) => image(name)))
    expect(result).toStrictEqual(targets)
    for (const target of result) expect(target).toMatch(/^[A-Za-z0-9_-]+$/)
  })
})

describe('escapeHcl', () => {
  // Bake reads JSON as HCL templates: what goes in must come out of buildx verbatim. Checked
  // against buildx 0.13.1 (`bake --print` and the built image's labels and build args).
  test.each<[string, string]>([
    ['plain', 'plain'],
    ['${HOME}', '$${HOME}'],
    ['$${HOME}', '$$${HOME}'],
    ['$$ $ end$', '$$ $ end$'],
    ['%{ if true }yes%{ endif }', '%%{ if true }yes%%{ endif }'],
    ['%% %', '%% %'],
    ['a${b}c%{d}', 'a$${b}c%%{d}'],
    ['', '']
  ])('%j → %j', (text, escaped) => {
    expect(escapeHcl(text)).toBe(escaped)
  })
})

describe('bakeFile', () => {
  test.each<[string, ImagePlan[], Partial<BuildSettings>, BakeFile]>([
    [
      'one image: context, Dockerfile, target, tag, loaded into the engine',
      [image('tier1')],
      {},
      {
        target: {
          tier1: {
            context: '/repo',
            dockerfile: '/repo/Dockerfile',
            tags: ['ghcr.io/acme/nb:tier1'],
            output: ['type=docker'],
            attest: NO_PROVENANCE,
            target: 'tier1'
          }
        }
      }
    ],
    [
      'no target builds the last stage; build args, labels, no-cache',
      [image('shared', { target: undefined, buildArgs: { BASE_IMAGE: 'python:3.12' } })],
      { labels: { 'org.opencontainers.image.created': '2026-01-02T03:04:05Z' }, noCache: true },
      {
        target: {
          shared: {
            context: '/repo',
            dockerfile: '/repo/Dockerfile',
            tags: ['ghcr.io/acme/nb:shared'],
            output: ['type=docker'],
            attest: NO_PROVENANCE,
            args: { BASE_IMAGE: 'python:3.12' },
            labels: { 'org.opencontainers.image.created': '2026-01-02T03:04:05Z' },
            'no-cache': true
          }
        }
      }
    ],
    [
      "reproducible: the source date as SOURCE_DATE_EPOCH after the image's own args, no provenance",
      [
        image('tier1', { buildArgs: { BASE_IMAGE: 'python:3.12', NB_APT_LISTS_KEY: '2026-11-26' } })
      ],
      {
        sourceDateEpoch: 1767323045,
        labels: { 'org.opencontainers.image.created': '2026-01-02T03:04:05Z' }
      },
      {
        target: {
          tier1: {
            context: '/repo',
            dockerfile: '/repo/Dockerfile',
            tags: ['ghcr.io/acme/nb:tier1'],
            output: ['type=docker'],
            attest: NO_PROVENANCE,
            target: 'tier1',
            args: {
              BASE_IMAGE: 'python:3.12',
              NB_APT_LISTS_KEY: '2026-11-26',
              SOURCE_DATE_EPOCH: '1767323045'
            },
            labels: { 'org.opencontainers.image.created': '2026-01-02T03:04:05Z' }
          }
        }
      }
    ],
    [
      'provenance asked for: a provenance attestation (the image ID then changes every build)',
      [image('tier1')],
      { provenance: true, sourceDateEpoch: 0 },
      {
        target: {
          tier1: {
            context: '/repo',
            dockerfile: '/repo/Dockerfile',
            tags: ['ghcr.io/acme/nb:tier1'],
            output: ['type=docker'],
            attest: ['type=provenance,mode=min'],
            target: 'tier1',
            args: { SOURCE_DATE_EPOCH: '0' }
          }
        }
      }
    ],
    [
      'cache gha: one scope per image, mode=max on export; raw values after, for every image',
      [image('tier1'), image('tier2')],
      {
        cache: 'gha',
        cacheFrom: ['type=registry,ref=ghcr.io/acme/nb:cache'],
        cacheTo: ['type=local,dest=/tmp/cache']
      },
      {
        target: {
          tier1: {
            context: '/repo',
            dockerfile: '/repo/Dockerfile',
            tags: ['ghcr.io/acme/nb:tier1'],
            output: ['type=docker'],
            attest: NO_PROVENANCE,
            target: 'tier1',
            'cache-from': [
              'type=gha,scope=ghcr.io/acme/nb-tier1',
              'type=registry,ref=ghcr.io/acme/nb:cache'
            ],
            'cache-to': [
              'type=gha,scope=ghcr.io/acme/nb-tier1,mode=max',
              'type=local,dest=/tmp/cache'
            ]
          },
          tier2: {
            context: '/repo',
            dockerfile: '/repo/Dockerfile',
            tags: ['ghcr.io/acme/nb:tier2'],
            output: ['type=docker'],
            attest: NO_PROVENANCE,
            target: 'tier2',
            'cache-from': [
              'type=gha,scope=ghcr.io/acme/nb-tier2',
              'type=registry,ref=ghcr.io/acme/nb:cache'
            ],
            'cache-to': [
              'type=gha,scope=ghcr.io/acme/nb-tier2,mode=max',
              'type=local,dest=/tmp/cache'
            ]
          }
        }
      }
    ],
    [
      'cache registry: a buildcache tag per image next to the images',
      [image('tier1')],
      { cache: 'registry' },
      {
        target: {
          tier1: {
            context: '/repo',
            dockerfile: '/repo/Dockerfile',
            tags: ['ghcr.io/acme/nb:tier1'],
            output: ['type=docker'],
            attest: NO_PROVENANCE,
            target: 'tier1',
            'cache-from': ['type=registry,ref=ghcr.io/acme/nb:buildcache-tier1'],
            'cache-to': ['type=registry,ref=ghcr.io/acme/nb:buildcache-tier1,mode=max']
          }
        }
      }
    ],
    [
      'user text that looks like HCL stays literal; a dotted tier gets a valid target name',
      [
        image('ml.v2', {
          context: '/repo/${weird}',
          dockerfile: '/repo/${weird}/Dockerfile',
          buildArgs: { GREETING: 'hello ${USER} %{ if x }' }
        })
      ],
      { labels: { 'org.opencontainers.image.source': 'https://github.com/a/${b}' } },
      {
        target: {
          ml_v2: {
            context: '/repo/$${weird}',
            dockerfile: '/repo/$${weird}/Dockerfile',
            tags: ['ghcr.io/acme/nb:ml.v2'],
            output: ['type=docker'],
            attest: NO_PROVENANCE,
            target: 'ml.v2',
            args: { GREETING: 'hello $${USER} %%{ if x }' },
            labels: { 'org.opencontainers.image.source': 'https://github.com/a/$${b}' }
          }
        }
      }
    ]
  ])('%s', (_name, images, given, expected) => {
    const names = bakeTargetNames(images)
    const entries = images.map((plan, index) => ({ target: names[index] ?? '', image: plan }))
    expect(bakeFile(entries, settings(given))).toStrictEqual(expected)
  })
})

describe('bakeArgs', () => {
  test.each<[string, string[], string | undefined, string[]]>([
    [
      'targets in order',
      ['tier1', 'tier2'],
      undefined,
      ['buildx', 'bake', '--file', '/tmp/x/bake-1.json', '--progress=rawjson', 'tier1', 'tier2']
    ],
    [
      'a builder',
      ['shared'],
      'ci-builder',
      [
        'buildx',
        'bake',
        '--file',
        '/tmp/x/bake-1.json',
        '--progress=rawjson',
        '--builder',
        'ci-builder',
        'shared'
      ]
    ],
    [
      'an empty builder is none',
      ['shared'],
      '',
      ['buildx', 'bake', '--file', '/tmp/x/bake-1.json', '--progress=rawjson', 'shared']
    ]
  ])('%s', (_name, targets, builder, argv) => {
    expect(bakeArgs('/tmp/x/bake-1.json', targets, builder)).toStrictEqual(argv)
  })
})

describe('ociLabels', () => {
  test.each<[SourceInfo, Record<string, string>]>([
    [
      {
        repositoryUrl: 'https://github.com/acme/nb',
        revision: '0123456789abcdef0123456789abcdef01234567',
        created: '2026-01-02T03:04:05.000Z'
      },
      {
        'org.opencontainers.image.source': 'https://github.com/acme/nb',
        'org.opencontainers.image.revision': '0123456789abcdef0123456789abcdef01234567',
        'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z'
      }
    ],
    [
      { created: '2026-01-02T03:04:05.000Z' },
      { 'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z' }
    ],
    [
      { repositoryUrl: '', revision: '', created: '2026-01-02T03:04:05.000Z' },
      { 'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z' }
    ],
    // No source date: no creation time, rather than the build's (which changes every run).
    [{ revision: 'abc' }, { 'org.opencontainers.image.revision': 'abc' }]
  ])('%j', (source, labels) => {
    const actual = ociLabels(source)
    expect(actual).toStrictEqual(labels)
    // Order matters: it is the order of the --label flags.
    expect(Object.keys(actual)).toStrictEqual(Object.keys(labels))
  })
})

describe('imageCache', () => {
  test.each<[CacheShorthand, string, string, ImageCache]>([
    [
      'gha',
      'ghcr.io/acme/notebook-validator',
      'tier2',
      {
        from: ['type=gha,scope=ghcr.io/acme/notebook-validator-tier2'],
        to: ['type=gha,scope=ghcr.io/acme/notebook-validator-tier2,mode=max']
      }
    ],
    [
      'gha',
      'acme/nb',
      'shared',
      { from: ['type=gha,scope=acme/nb-shared'], to: ['type=gha,scope=acme/nb-shared,mode=max'] }
    ],
    [
      'registry',
      '127.0.0.1:5000/acme/nb',
      'tier1',
      {
        from: ['type=registry,ref=127.0.0.1:5000/acme/nb:buildcache-tier1'],
        to: ['type=registry,ref=127.0.0.1:5000/acme/nb:buildcache-tier1,mode=max']
      }
    ]
  ])('%s, %s, %s', (shorthand, repository, name, cache) => {
    expect(imageCache(shorthand, repository, name)).toStrictEqual(cache)
  })
})

describe('displayCommand', () => {
  test.each<[string[], string]>([
    [
      ['buildx', 'bake', '--file', '/tmp/bake-1.json', 'tier1'],
      'docker buildx bake --file /tmp/bake-1.json tier1'
    ],
    [['build', '--label', 'a b'], "docker build --label 'a b'"],
    [['x', "it's"], "docker x 'it'\\''s'"]
  ])('%j → %s', (args, text) => {
    expect(displayCommand('docker', args)).toBe(text)
  })
})
