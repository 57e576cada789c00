import {
  buildxBuildArgs,
  ociLabels,
  type BuildSettings,
  type SourceInfo
} from '../src/buildx-args.js'
import type { ImagePlan } from '../src/types.js'

const image = (fields: Partial<ImagePlan> = {}): ImagePlan => ({
  name: 'tier1',
  tiers: ['tier1'],
  dockerfile: '/repo/Dockerfile',
  context: '/repo',
  generated: false,
  ref: 'ghcr.io/acme/nb:tier1',
  thresholdBytes: 5e9,
  thresholdSource: 'default',
  buildArgs: {},
  field: 'tiers.tier1',
  ...fields
})

const settings = (fields: Partial<BuildSettings> = {}): BuildSettings => ({
  cacheFrom: [],
  cacheTo: [],
  noCache: false,
  labels: {},
  ...fields
})

const META = '/tmp/nb-image-x/metadata-tier1.json'

describe('buildxBuildArgs', () => {
  test.each<[string, Partial<ImagePlan>, Partial<BuildSettings>, string[]]>([
    [
      'minimal: no target builds the final stage',
      {},
      {},
      [
        'buildx',
        'build',
        '--progress=rawjson',
        '--file',
        '/repo/Dockerfile',
        '--tag',
        'ghcr.io/acme/nb:tier1',
        '--load',
        '--metadata-file',
        META,
        '/repo'
      ]
    ],
    [
      'a target',
      { target: 'tier1' },
      {},
      [
        'buildx',
        'build',
        '--progress=rawjson',
        '--file',
        '/repo/Dockerfile',
        '--target',
        'tier1',
        '--tag',
        'ghcr.io/acme/nb:tier1',
        '--load',
        '--metadata-file',
        META,
        '/repo'
      ]
    ],
    [
      'a builder',
      {},
      { builder: 'builder-3f2a' },
      [
        'buildx',
        'build',
        '--progress=rawjson',
        '--builder',
        'builder-3f2a',
        '--file',
        '/repo/Dockerfile',
        '--tag',
        'ghcr.io/acme/nb:tier1',
        '--load',
        '--metadata-file',
        META,
        '/repo'
      ]
    ],
    [
      'an empty builder is no builder',
      {},
      { builder: '' },
      [
        'buildx',
        'build',
        '--progress=rawjson',
        '--file',
        '/repo/Dockerfile',
        '--tag',
        'ghcr.io/acme/nb:tier1',
        '--load',
        '--metadata-file',
        META,
        '/repo'
      ]
    ],
    [
      'everything: labels, build args (values with spaces and "=" stay one word), caches, no-cache',
      {
        target: 'serving',
        buildArgs: { BASE_IMAGE: 'python:3.12-slim', EXTRA: 'a b=c; $(id)' },
        dockerfile: '/repo/my dir/Dockerfile',
        context: '/repo/my dir'
      },
      {
        builder: 'ci',
        labels: {
          'org.opencontainers.image.source': 'https://github.com/acme/nb',
          'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z'
        },
        cacheFrom: ['type=gha,scope=tier1', 'type=registry,ref=ghcr.io/acme/nb:cache'],
        cacheTo: ['type=gha,scope=tier1,mode=max', 'type=local,dest=/tmp/cache'],
        noCache: true
      },
      [
        'buildx',
        'build',
        '--progress=rawjson',
        '--builder',
        'ci',
        '--file',
        '/repo/my dir/Dockerfile',
        '--target',
        'serving',
        '--tag',
        'ghcr.io/acme/nb:tier1',
        '--load',
        '--metadata-file',
        META,
        '--label',
        'org.opencontainers.image.source=https://github.com/acme/nb',
        '--label',
        'org.opencontainers.image.created=2026-01-02T03:04:05.000Z',
        '--build-arg',
        'BASE_IMAGE=python:3.12-slim',
        '--build-arg',
        'EXTRA=a b=c; $(id)',
        '--cache-from',
        'type=gha,scope=tier1',
        '--cache-from',
        'type=registry,ref=ghcr.io/acme/nb:cache',
        '--cache-to',
        'type=gha,scope=tier1,mode=max',
        '--cache-to',
        'type=local,dest=/tmp/cache',
        '--no-cache',
        '/repo/my dir'
      ]
    ]
  ])('%s', (_name, imageFields, settingsFields, argv) => {
    expect(buildxBuildArgs(image(imageFields), settings(settingsFields), META)).toStrictEqual(argv)
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
    ]
  ])('%j', (source, labels) => {
    const actual = ociLabels(source)
    expect(actual).toStrictEqual(labels)
    // Order matters: it is the order of the --label flags.
    expect(Object.keys(actual)).toStrictEqual(Object.keys(labels))
  })
})
