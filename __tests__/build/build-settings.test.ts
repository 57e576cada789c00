import { ociLabels, type SourceInfo } from '../../src/build/build-settings.js'

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
