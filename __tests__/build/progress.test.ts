import { readFileSync } from 'node:fs'
import {
  BuildProgress,
  isDockerfileStep,
  JsonStreamSplitter,
  type StreamItem
} from '../../src/build/progress.js'
import { expectGolden } from '../helpers/golden.js'

// Captured from a real engine: `docker buildx build --progress=rawjson --target … --load …`
// on __tests__/fixtures/rawjson/Dockerfile (stderr). `pass` built `good` from scratch, `cached`
// built it again, `fail` built `bad`, whose RUN exits with code 3.
const FIXTURES = ['pass', 'cached', 'fail'] as const
const capture = (name: string): string =>
  readFileSync(new URL(`../fixtures/rawjson/${name}.txt`, import.meta.url), 'utf8')

function split(chunks: string[]): StreamItem[] {
  const splitter = new JsonStreamSplitter()
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()]
}

/** Deterministic pseudo-random chunk sizes (mulberry32), so a failure can be replayed. */
function randomChunks(text: string, seed: number, maxSize: number): string[] {
  let state = seed
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const chunks: string[] = []
  for (let i = 0; i < text.length;) {
    const size = 1 + Math.floor(next() * maxSize)
    chunks.push(text.slice(i, i + size))
    i += size
  }
  return chunks
}

function render(items: StreamItem[], progress = new BuildProgress()): string[] {
  return items.flatMap((item) => progress.consume(item))
}

describe('JsonStreamSplitter', () => {
  test.each<[string, string[], StreamItem[]]>([
    ['one object', ['{"a":1}'], [{ json: { a: 1 } }]],
    ['two objects back to back', ['{"a":1}{"b":2}'], [{ json: { a: 1 } }, { json: { b: 2 } }]],
    [
      'pretty-printed objects separated by newlines',
      ['{\n  "a": {\n    "b": [1, {"c": 2}]\n  }\n}\n{\n  "d": 3\n}\n'],
      [{ json: { a: { b: [1, { c: 2 }] } } }, { json: { d: 3 } }]
    ],
    [
      'braces inside strings',
      ['{"name":"RUN echo \\"}\\" {{ }"}', '{"x":"{"}'],
      [{ json: { name: 'RUN echo "}" {{ }' } }, { json: { x: '{' } }]
    ],
    [
      'escaped backslash before a closing quote',
      ['{"path":"C:\\\\","n":1}'],
      [{ json: { path: 'C:\\', n: 1 } }]
    ],
    [
      'text lines after JSON, CRLF stripped',
      ['{"a":1}\nDockerfile:8\r\n--------------------\nERROR: failed to solve\n'],
      [
        { json: { a: 1 } },
        { text: 'Dockerfile:8' },
        { text: '--------------------' },
        { text: 'ERROR: failed to solve' }
      ]
    ],
    [
      'text then JSON',
      ['#0 building with "default"\n{"a":1}'],
      [{ text: '#0 building with "default"' }, { json: { a: 1 } }]
    ],
    [
      'a last text line without a newline is flushed by end()',
      ['ERROR: x'],
      [{ text: 'ERROR: x' }]
    ],
    [
      'an unterminated object is flushed as text lines by end()',
      ['{"a":1}\n{"b":\n  2'],
      [{ json: { a: 1 } }, { text: '{"b":' }, { text: '  2' }]
    ],
    [
      'braces around something that is not JSON become text',
      ['{not json}\n{"a":1}'],
      [{ text: '{not json}' }, { json: { a: 1 } }]
    ],
    ['only whitespace', ['\n\n  \n'], []],
    ['nothing', [], []]
  ])('%s', (_name, chunks, items) => {
    expect(split(chunks)).toStrictEqual(items)
    // The same, one character at a time.
    expect(split(chunks.join('').split(''))).toStrictEqual(items)
  })

  test('push returns only completed items; the rest waits for the next chunk', () => {
    const splitter = new JsonStreamSplitter()
    expect(splitter.push('{"a":')).toStrictEqual([])
    expect(splitter.push('1}\nERR')).toStrictEqual([{ json: { a: 1 } }])
    expect(splitter.push('OR: x\n{')).toStrictEqual([{ text: 'ERROR: x' }])
    expect(splitter.push('"b":2}')).toStrictEqual([{ json: { b: 2 } }])
    expect(splitter.end()).toStrictEqual([])
  })

  describe.each(FIXTURES)('captured stream %s.txt', (name) => {
    const text = capture(name)
    const whole = split([text])

    test('is split into the objects and text lines it holds', () => {
      const json = whole.filter((item) => 'json' in item)
      const lines = whole.filter((item) => 'text' in item)
      expect(json.length).toBeGreaterThan(20)
      for (const item of json) expect(item).toHaveProperty('json', expect.any(Object))
      // Only a failed build prints plain text, after the JSON. (Compared without leading
      // blanks: the splitter drops the indentation of the excerpt's line numbers.)
      expect(lines.map((item) => (item as { text: string }).text.trimStart())).toStrictEqual(
        name === 'fail'
          ? [
              'Dockerfile:8',
              '--------------------',
              '6 |     ',
              '7 |     FROM base AS bad',
              '8 | >>> RUN echo "about to fail 80ab4b3b" && exit 3',
              '9 |     ',
              '--------------------',
              'ERROR: failed to solve: process "/bin/sh -c echo \\"about to fail 80ab4b3b\\" && exit 3" did not complete successfully: exit code: 3'
            ]
          : []
      )
    })

    test('1-byte chunks give the same items', () => {
      expect(split(text.split(''))).toStrictEqual(whole)
    })

    test.each([1, 2, 3, 42, 1234])('random chunks (seed %d) give the same items', (seed) => {
      expect(split(randomChunks(text, seed, 257))).toStrictEqual(whole)
    })
  })
})

describe('BuildProgress on captured streams', () => {
  test.each(FIXTURES)('%s.txt renders like --progress=plain', (name) => {
    expectGolden(`progress-${name}.log`, `${render(split([capture(name)])).join('\n')}\n`)
  })

  test('pass: Dockerfile steps with their timing, none cached but the base image', () => {
    const progress = new BuildProgress()
    render(split([capture('pass')]), progress)
    expect(
      progress
        .dockerfileSteps()
        .map((step) => [
          step.index,
          step.name.split(' ').slice(0, 3).join(' '),
          step.cached,
          (step.completedMs ?? 0) - (step.startedMs ?? 0)
        ])
    ).toStrictEqual([
      [4, '[good 1/1] RUN', false, 245],
      [5, '[base 2/2] RUN', false, 239],
      [6, '[base 1/2] FROM', true, 13]
    ])
    expect(progress.steps()).toHaveLength(7)
    expect(progress.firstError()).toBeUndefined()
  })

  test('cached: both RUN steps are CACHED', () => {
    const progress = new BuildProgress()
    const lines = render(split([capture('cached')]), progress)
    expect(lines.filter((line) => line.endsWith(' CACHED'))).toStrictEqual([
      '#5 CACHED',
      '#4 CACHED'
    ])
    expect(progress.dockerfileSteps().map((step) => [step.index, step.cached])).toStrictEqual([
      [4, true],
      [5, true],
      [6, false]
    ])
  })

  test('fail: the error of the step, its output and the tail of the log', () => {
    const progress = new BuildProgress()
    const lines = render(split([capture('fail')]), progress)
    const error =
      'process "/bin/sh -c echo \\"about to fail 80ab4b3b\\" && exit 3" did not complete successfully: exit code: 3'
    expect(progress.firstError()).toBe(error)
    expect(lines).toContain(`#4 ERROR: ${error}`)
    expect(lines).toContain('#4 about to fail 80ab4b3b')
    expect(progress.tail(2)).toStrictEqual([
      '--------------------',
      `ERROR: failed to solve: ${error}`
    ])
    expect(progress.dockerfileSteps().find((step) => step.error)?.name).toBe(
      '[bad 1/1] RUN echo "about to fail 80ab4b3b" && exit 3'
    )
  })
})

describe('BuildProgress', () => {
  const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
  const D1 = 'sha256:1111'
  const D2 = 'sha256:2222'

  test.each<[string, StreamItem[], string[]]>([
    [
      'a step started and done',
      [
        { json: { vertexes: [{ digest: D1, name: '[a 1/2] RUN x' }] } },
        { json: { vertexes: [{ digest: D1, started: '2026-01-01T00:00:00Z' }] } },
        {
          json: {
            vertexes: [
              { digest: D1, started: '2026-01-01T00:00:00Z', completed: '2026-01-01T00:00:01.25Z' }
            ]
          }
        },
        // Completed again: reported once.
        { json: { vertexes: [{ digest: D1, completed: '2026-01-01T00:00:02Z' }] } }
      ],
      ['#1 [a 1/2] RUN x', '#1 DONE 1.3s']
    ],
    [
      'a step without a start time',
      [{ json: { vertexes: [{ digest: D1, name: 'x', completed: '2026-01-01T00:00:01Z' }] } }],
      ['#1 x', '#1 DONE 0.0s']
    ],
    [
      'a step with no name is named by its digest',
      [{ json: { vertexes: [{ digest: D1 }] } }],
      ['#1 sha256:1111']
    ],
    [
      'a cached step',
      [
        {
          json: {
            vertexes: [
              { digest: D1, name: 'a', cached: true, completed: '2026-01-01T00:00:00Z' },
              { digest: D2, name: 'b', started: '2026-01-01T00:00:00Z' }
            ]
          }
        }
      ],
      ['#1 a', '#1 CACHED', '#2 b']
    ],
    [
      'a failed step',
      [
        {
          json: {
            vertexes: [
              {
                digest: D1,
                name: 'RUN exit 3',
                started: '2026-01-01T00:00:00Z',
                completed: '2026-01-01T00:00:01Z',
                error: 'exit code: 3'
              }
            ]
          }
        }
      ],
      ['#1 RUN exit 3', '#1 ERROR: exit code: 3']
    ],
    [
      'logs: base64, one line each, blank lines and CR dropped, unknown vertex unprefixed',
      [
        { json: { vertexes: [{ digest: D1, name: 'RUN make' }] } },
        {
          json: {
            logs: [
              { vertex: D1, data: b64('one\r\n\ntwo\n') },
              { vertex: 'sha256:unknown', data: b64('orphan\n') },
              { vertex: D1 }
            ]
          }
        }
      ],
      ['#1 RUN make', '#1 one', '#1 two', 'orphan']
    ],
    [
      'statuses: only completed ones',
      [
        { json: { vertexes: [{ digest: D1, name: 'exporting' }] } },
        {
          json: {
            statuses: [
              { id: 'exporting layers', vertex: D1 },
              { id: 'exporting layers', vertex: D1, completed: '2026-01-01T00:00:00Z' },
              { id: 'loose', completed: '2026-01-01T00:00:00Z' },
              { vertex: D1, completed: '2026-01-01T00:00:00Z' }
            ]
          }
        }
      ],
      ['#1 exporting', '#1 exporting layers done', 'loose done']
    ],
    [
      'warnings',
      [{ json: { warnings: [{ short: b64('FromAsCasing: mismatch') }, {}] } }],
      ['WARNING: FromAsCasing: mismatch']
    ],
    [
      'vertices without a digest, and JSON that is not a status',
      [{ json: { vertexes: [{ name: 'no digest' }] } }, { json: 42 }, { json: null }, { json: [] }],
      []
    ],
    [
      'text lines pass through; empty ones are dropped',
      [{ text: 'ERROR: failed to solve' }, { text: '' }, { text: '  indented' }],
      ['ERROR: failed to solve', '  indented']
    ]
  ])('%s', (_name, items, lines) => {
    expect(render(items)).toStrictEqual(lines)
  })

  test('keeps only the last maxLines lines for the tail', () => {
    const progress = new BuildProgress({ maxLines: 3 })
    for (const text of ['a', 'b', 'c', 'd', 'e']) progress.consume({ text })
    expect(progress.tail(10)).toStrictEqual(['c', 'd', 'e'])
    expect(progress.tail(2)).toStrictEqual(['d', 'e'])
  })

  test('firstError is the first step, in order of appearance, that reported one', () => {
    const progress = new BuildProgress()
    progress.consume({
      json: {
        vertexes: [
          { digest: D1, name: 'first' },
          { digest: D2, name: 'second', error: 'second failed' }
        ]
      }
    })
    progress.consume({ json: { vertexes: [{ digest: D1, error: 'first failed' }] } })
    expect(progress.firstError()).toBe('first failed')
  })

  test('dockerfileSteps leaves out BuildKit internals', () => {
    const progress = new BuildProgress()
    progress.consume({
      json: {
        vertexes: [
          { digest: 'a', name: '[internal] load build definition from Dockerfile' },
          { digest: 'b', name: '[base 1/2] FROM docker.io/library/python:3.12' },
          { digest: 'c', name: '[tier-1 2/3] RUN pip install x' },
          { digest: 'd', name: 'exporting to image' }
        ]
      }
    })
    expect(progress.dockerfileSteps().map((step) => step.digest)).toStrictEqual(['b', 'c'])
  })
})

describe('BuildProgress with several targets', () => {
  const D1 = 'sha256:1111'
  const D2 = 'sha256:2222'
  const D3 = 'sha256:3333'

  test('a vertex keeps every name it was reported under; the log shows the first', () => {
    const progress = new BuildProgress()
    const lines = render(
      [
        { json: { vertexes: [{ digest: D1, name: '[tier3 base 2/2] RUN make', inputs: [D2] }] } },
        { json: { vertexes: [{ digest: D1, name: '[tier1 base 2/2] RUN make' }] } },
        { json: { vertexes: [{ digest: D1, name: '[tier3 base 2/2] RUN make' }] } }
      ],
      progress
    )
    expect(lines).toStrictEqual(['#1 [tier3 base 2/2] RUN make'])
    expect(progress.steps()).toStrictEqual([
      {
        digest: D1,
        name: '[tier3 base 2/2] RUN make',
        index: 1,
        inputs: [D2],
        names: ['[tier3 base 2/2] RUN make', '[tier1 base 2/2] RUN make'],
        cached: false
      }
    ])
  })

  test("tailOf keeps one target's lines and the loose text, in stream order", () => {
    const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')
    const progress = new BuildProgress()
    render(
      [
        { json: { vertexes: [{ digest: D1, name: '[a a 1/1] RUN a' }] } },
        { json: { vertexes: [{ digest: D2, name: '[b b 1/1] RUN b' }] } },
        { json: { logs: [{ vertex: D2, data: b64('b out\n') }] } },
        { json: { logs: [{ vertex: D1, data: b64('a out\n') }] } },
        { json: { vertexes: [{ digest: D3, name: '[b] exporting to image' }] } },
        { text: 'ERROR: failed to solve: a' }
      ],
      progress
    )
    expect(progress.tailOf(new Set([D1]), 10)).toStrictEqual([
      '#1 [a a 1/1] RUN a',
      '#1 a out',
      'ERROR: failed to solve: a'
    ])
    expect(progress.tailOf(new Set([D2, D3]), 3)).toStrictEqual([
      '#2 b out',
      '#3 [b] exporting to image',
      'ERROR: failed to solve: a'
    ])
    expect(progress.tailOf(new Set(), 10)).toStrictEqual(['ERROR: failed to solve: a'])
  })

  test('onStepDone hears of each vertex once, when it first completes', () => {
    const done: string[] = []
    const progress = new BuildProgress({ onStepDone: (step) => done.push(step.name) })
    render(
      [
        {
          json: {
            vertexes: [
              { digest: D1, name: 'a' },
              { digest: D2, name: 'b' }
            ]
          }
        },
        { json: { vertexes: [{ digest: D2, completed: '2026-01-01T00:00:01Z' }] } },
        { json: { vertexes: [{ digest: D1, completed: '2026-01-01T00:00:02Z', error: 'x' }] } },
        { json: { vertexes: [{ digest: D2, completed: '2026-01-01T00:00:03Z' }] } }
      ],
      progress
    )
    expect(done).toStrictEqual(['b', 'a'])
  })

  test('an export keeps the digests it reported: manifest, config, manifest list (real capture)', () => {
    const exports: [string, string[] | undefined][] = []
    const progress = new BuildProgress({
      onStepDone: (step) => {
        if (step.name === 'exporting to image') exports.push([step.name, step.exported])
      }
    })
    render(split([capture('pass')]), progress)
    // Known when the export is reported done: the image's ID is among them.
    expect(exports).toStrictEqual([
      [
        'exporting to image',
        [
          'sha256:7a74127d668219245e45a9ac67189223aab4ad370c1cf11a09469ee0ac1bbdda',
          'sha256:15aa69cfb970d002e77eb7f3ceb5ede2571f9726ff5501696fc72a92aa40f003',
          'sha256:dab6e6a111debb9c5f3dc7c4962ecf15f8814cd677f8a40235cb942cd7731b18'
        ]
      ]
    ])
  })

  test('onStepDone is told after the statuses of the same object', () => {
    const seen: (string[] | undefined)[] = []
    const progress = new BuildProgress({ onStepDone: (step) => seen.push(step.exported) })
    const manifest = `sha256:${'a'.repeat(64)}`
    render(
      [
        { json: { vertexes: [{ digest: D1, name: '[t1] exporting to image' }] } },
        {
          json: {
            vertexes: [{ digest: D1, completed: '2026-01-01T00:00:01Z' }],
            statuses: [
              { id: `exporting manifest ${manifest}`, vertex: D1 },
              // Not a digest of the image: left out.
              { id: `exporting attestation manifest sha256:${'b'.repeat(64)}`, vertex: D1 }
            ]
          }
        }
      ],
      progress
    )
    expect(seen).toStrictEqual([[manifest]])
  })

  test('tailOf keeps the last maxLines lines of each vertex', () => {
    const progress = new BuildProgress({ maxLines: 2 })
    progress.consume({ json: { vertexes: [{ digest: D1, name: 'x' }] } })
    progress.consume({
      json: { logs: [{ vertex: D1, data: Buffer.from('1\n2\n3\n').toString('base64') }] }
    })
    expect(progress.tailOf(new Set([D1]), 10)).toStrictEqual(['#1 2', '#1 3'])
  })

  test('isDockerfileStep knows the bake prefix and single-stage steps', () => {
    expect(
      [
        '[tier1 base 2/3] COPY a /a',
        '[base 2/3] COPY a /a',
        '[2/3] COPY a /a',
        '[tier1 2/3] COPY a /a',
        '[tier1 internal] load build context',
        '[tier1] exporting to image'
      ].map(isDockerfileStep)
    ).toStrictEqual([true, true, true, true, false, false])
  })
})
