import { readFileSync } from 'node:fs'
import {
  cleanInstruction,
  matchLayers,
  parseHistory,
  uniqueBytes,
  type HistoryRow
} from '../../src/measure/layers.js'
import type { LayerInfo } from '../../src/report/types.js'

// Captured from a real engine (containerd image store) after building
// __tests__/fixtures/history/Dockerfile.meta (`meta`) and the `good` stage of
// __tests__/fixtures/rawjson/Dockerfile (`good`):
//   docker history --no-trunc --human=false --format '{{json .}}' <ref>
//   docker image inspect --format '{{json .RootFS.Layers}}' <ref>
const read = (name: string): string =>
  readFileSync(new URL(`../fixtures/history/${name}`, import.meta.url), 'utf8')
const diffIds = (name: string): string[] => JSON.parse(read(`diffids-${name}.json`)) as string[]

const BUSYBOX = 'sha256:51b807959428772dbaa11585b076b62c75dac63d30b95e2ef94d97ff7cb11460'

describe('parseHistory', () => {
  test('a real `docker history` of an image with metadata-only steps, oldest first', () => {
    expect(parseHistory(read('history-meta.txt'))).toStrictEqual([
      { sizeBytes: 2_031_616, createdBy: '' },
      { sizeBytes: 0, createdBy: 'ENV NBIA_RUN=80ab4b3b' },
      { sizeBytes: 0, createdBy: 'LABEL org.example.test=yes' },
      { sizeBytes: 8192, createdBy: 'WORKDIR /app' },
      { sizeBytes: 4096, createdBy: 'RUN /bin/sh -c true' },
      { sizeBytes: 12_288, createdBy: 'COPY Dockerfile /app/Dockerfile' },
      {
        sizeBytes: 73_728,
        createdBy: 'RUN /bin/sh -c dd if=/dev/zero of=/app/zeros.bin bs=1024 count=64 2>/dev/null'
      },
      { sizeBytes: 0, createdBy: 'CMD ["sh"]' }
    ] satisfies HistoryRow[])
  })

  test('a real `docker history` whose RUN prints braces and quotes', () => {
    expect(parseHistory(read('history-good.txt'))).toStrictEqual([
      { sizeBytes: 2_031_616, createdBy: '' },
      { sizeBytes: 8192, createdBy: 'RUN /bin/sh -c echo "base 80ab4b3b" > /base.txt' },
      {
        sizeBytes: 8192,
        createdBy:
          'RUN /bin/sh -c echo "building good 80ab4b3b" && printf \'line one\\nline two\\n\' && echo "{\\"brace\\": \\"}\\"}" > /good.txt'
      }
    ])
  })

  test.each<[string, string, HistoryRow[]]>([
    ['empty output', '', []],
    [
      'blank lines are skipped',
      '\n{"Size":"5","CreatedBy":"RUN x"}\n\n',
      [{ sizeBytes: 5, createdBy: 'RUN x' }]
    ],
    [
      'numeric sizes and missing fields',
      '{"Size":7}\n{}',
      [
        { sizeBytes: 0, createdBy: '' },
        { sizeBytes: 7, createdBy: '' }
      ]
    ]
  ])('%s', (_name, output, rows) => {
    expect(parseHistory(output)).toStrictEqual(rows)
  })

  test.each<[string, string]>([
    ['{"Size":"-1"}', 'unexpected layer size -1 in docker history'],
    ['{"Size":"12 MB"}', 'unexpected layer size 12 MB in docker history'],
    ['{"Size":"1.5"}', 'unexpected layer size 1.5 in docker history'],
    ['{"Size":"1e300"}', 'unexpected layer size 1e300 in docker history']
  ])('%s is refused', (output, message) => {
    expect(() => parseHistory(output)).toThrow(new Error(message))
  })
})

describe('cleanInstruction', () => {
  test.each<[string, string]>([
    ['RUN /bin/sh -c pip install x # buildkit', 'RUN /bin/sh -c pip install x'],
    ['COPY . /app # buildkit', 'COPY . /app'],
    ['/bin/sh -c #(nop)  ENV PATH=/usr/local/bin', 'ENV PATH=/usr/local/bin'],
    ['/bin/sh -c #(nop) ADD file:abc in / ', 'ADD file:abc in /'],
    ['/bin/sh -c apt-get update', '/bin/sh -c apt-get update'],
    ['RUN echo "# buildkit" # buildkit', 'RUN echo "# buildkit"'],
    ['  WORKDIR /app  ', 'WORKDIR /app'],
    ['', '']
  ])('%j → %j', (createdBy, clean) => {
    expect(cleanInstruction(createdBy)).toBe(clean)
  })
})

describe('matchLayers', () => {
  const row = (sizeBytes: number, createdBy: string): HistoryRow => ({ sizeBytes, createdBy })

  test('the real image: metadata-only steps are left out, layers get their diff IDs in order', () => {
    const layers = matchLayers(parseHistory(read('history-meta.txt')), diffIds('meta'))
    expect(layers).toStrictEqual([
      { diffId: BUSYBOX, sizeBytes: 2_031_616, createdBy: '' },
      {
        diffId: 'sha256:d0b28dd64dfe24ba8f9c2373196df07ddb7732f22206384cf94ab6dd450dbccc',
        sizeBytes: 8192,
        createdBy: 'WORKDIR /app'
      },
      {
        diffId: 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef',
        sizeBytes: 4096,
        createdBy: 'RUN /bin/sh -c true'
      },
      {
        diffId: 'sha256:2299e391181a1627f217cc0de81713fe6d153e78badd2d58bd08d5b0ef7337f7',
        sizeBytes: 12_288,
        createdBy: 'COPY Dockerfile /app/Dockerfile'
      },
      {
        diffId: 'sha256:db4a0da8ff27e5117bb16e06470d654de7e6cda39efe0a03f342c48d1b53cd24',
        sizeBytes: 73_728,
        createdBy: 'RUN /bin/sh -c dd if=/dev/zero of=/app/zeros.bin bs=1024 count=64 2>/dev/null'
      }
    ] satisfies LayerInfo[])
  })

  test.each<[string, HistoryRow[], string[], LayerInfo[]]>([
    [
      'rows with bytes match the diff IDs one to one',
      [row(100, ''), row(0, 'ENV A=1'), row(50, 'RUN x'), row(0, 'CMD ["sh"]')],
      ['sha256:a', 'sha256:b'],
      [
        { diffId: 'sha256:a', sizeBytes: 100, createdBy: '' },
        { diffId: 'sha256:b', sizeBytes: 50, createdBy: 'RUN x' }
      ]
    ],
    [
      'a zero-size layer is placed by its instruction (classic store)',
      [
        row(100, ''),
        row(0, 'ENV A=1'),
        row(0, 'RUN /bin/sh -c true'),
        row(0, 'LABEL a=b'),
        row(50, 'COPY a /a'),
        row(0, 'ADD empty.tar /')
      ],
      ['sha256:a', 'sha256:empty', 'sha256:b', 'sha256:empty2'],
      [
        { diffId: 'sha256:a', sizeBytes: 100, createdBy: '' },
        { diffId: 'sha256:empty', sizeBytes: 0, createdBy: 'RUN /bin/sh -c true' },
        { diffId: 'sha256:b', sizeBytes: 50, createdBy: 'COPY a /a' },
        { diffId: 'sha256:empty2', sizeBytes: 0, createdBy: 'ADD empty.tar /' }
      ]
    ],
    [
      'classic builder rows: "/bin/sh -c" without #(nop) made a layer',
      [row(100, 'ADD file:abc in /'), row(0, 'ENV X=1'), row(0, '/bin/sh -c mkdir -p /x')],
      ['sha256:a', 'sha256:b'],
      [
        { diffId: 'sha256:a', sizeBytes: 100, createdBy: 'ADD file:abc in /' },
        { diffId: 'sha256:b', sizeBytes: 0, createdBy: '/bin/sh -c mkdir -p /x' }
      ]
    ],
    [
      'no way to match: the layers with bytes, without diff IDs',
      [row(100, ''), row(0, 'ENV A=1'), row(50, 'RUN x')],
      ['sha256:a', 'sha256:b', 'sha256:c', 'sha256:d'],
      [
        { sizeBytes: 100, createdBy: '' },
        { sizeBytes: 50, createdBy: 'RUN x' }
      ]
    ],
    ['no history, no diff IDs', [], [], []]
  ])('%s', (_name, history, ids, layers) => {
    expect(matchLayers(history, ids)).toStrictEqual(layers)
  })
})

describe('uniqueBytes', () => {
  const layer = (sizeBytes: number, diffId?: string): LayerInfo =>
    diffId === undefined ? { sizeBytes, createdBy: '' } : { diffId, sizeBytes, createdBy: '' }

  test('two real images sharing the busybox base count it once', () => {
    const meta = matchLayers(parseHistory(read('history-meta.txt')), diffIds('meta'))
    const good = matchLayers(parseHistory(read('history-good.txt')), diffIds('good'))
    const sum = (layers: LayerInfo[]): number => layers.reduce((s, l) => s + l.sizeBytes, 0)
    expect(sum(meta)).toBe(2_129_920)
    expect(sum(good)).toBe(2_048_000)
    expect(
      uniqueBytes([
        { name: 'meta', layers: meta },
        { name: 'good', layers: good }
      ])
    ).toBe(2_129_920 + 2_048_000 - 2_031_616)
  })

  test.each<[string, LayerInfo[][], number]>([
    ['no images', [], 0],
    ['one image', [[layer(100, 'a'), layer(10, 'b')]], 110],
    [
      'a shared prefix counts once',
      [
        [layer(100, 'a'), layer(10, 'b')],
        [layer(100, 'a'), layer(10, 'b'), layer(1, 'c')]
      ],
      111
    ],
    [
      'the same image twice counts once',
      [
        [layer(100, 'a'), layer(10, 'b')],
        [layer(100, 'a'), layer(10, 'b')]
      ],
      110
    ],
    [
      'diverging chains share only the common prefix',
      [
        [layer(100, 'a'), layer(10, 'b'), layer(5, 'd')],
        [layer(100, 'a'), layer(20, 'c'), layer(5, 'd')]
      ],
      140
    ],
    [
      'the same diff ID over different parents is not shared',
      [
        [layer(100, 'a'), layer(10, 'x')],
        [layer(200, 'b'), layer(10, 'x')]
      ],
      320
    ],
    [
      'images without diff IDs share nothing',
      [
        [layer(100), layer(10)],
        [layer(100), layer(10)]
      ],
      220
    ],
    [
      'a layer without a diff ID breaks the chain for the layers above it',
      [
        [layer(100, 'a'), layer(10), layer(5, 'c')],
        [layer(100, 'a'), layer(10), layer(5, 'c')]
      ],
      130
    ]
  ])('%s', (_name, images, bytes) => {
    expect(uniqueBytes(images.map((layers, i) => ({ name: `img${i}`, layers })))).toBe(bytes)
  })
})
