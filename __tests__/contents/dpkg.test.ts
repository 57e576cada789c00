import { controlParagraphs, installedDebianPackages } from '../../src/contents/dpkg.js'

describe('controlParagraphs', () => {
  test('fields lowercased, continuation lines joined, blank lines separate', () => {
    expect(
      controlParagraphs(
        'Package: a\nDescription: one\n two\n .\nVersion: 1\n\n\nPackage: b\r\nVersion: 2\r\n'
      )
    ).toStrictEqual([
      { package: 'a', description: 'one\ntwo\n.', version: '1' },
      { package: 'b', version: '2' }
    ])
  })

  test('lines without a colon and leading continuations are ignored', () => {
    expect(controlParagraphs(' stray\nnonsense\nPackage: a\n')).toStrictEqual([{ package: 'a' }])
  })
})

describe('installedDebianPackages', () => {
  test.each<[string, string[], ReturnType<typeof installedDebianPackages>]>([
    [
      'installed packages, sizes in KiB, sorted by name',
      [
        'Package: zlib1g\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:1.2.13\nInstalled-Size: 164\n\nPackage: bash\nStatus: install ok installed\nArchitecture: amd64\nVersion: 5.2.15-2+b2\nInstalled-Size: 7164\n'
      ],
      [
        { name: 'bash', version: '5.2.15-2+b2', sizeBytes: 7164 * 1024, architecture: 'amd64' },
        { name: 'zlib1g', version: '1:1.2.13', sizeBytes: 164 * 1024, architecture: 'amd64' }
      ]
    ],
    [
      'removed (config-files) and half-installed packages are not installed',
      [
        'Package: a\nStatus: deinstall ok config-files\nVersion: 1\n\nPackage: b\nStatus: install reinstreq half-installed\nVersion: 1\n\nPackage: c\nStatus: hold ok installed\nVersion: 3\n'
      ],
      [{ name: 'c', version: '3', sizeBytes: null }]
    ],
    [
      'distroless status.d files (no Status field) count; a later entry wins',
      ['Package: a\nVersion: 1\n', 'Package: a\nVersion: 2\nInstalled-Size: x\n'],
      [{ name: 'a', version: '2', sizeBytes: null }]
    ],
    ['nothing', ['', '\n\n'], []]
  ])('%s', (_name, texts, expected) => {
    expect(installedDebianPackages(texts)).toStrictEqual(expected)
  })
})
