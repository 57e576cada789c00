// The local Dockerfile parser, the stage check's fallback, against what BuildKit answers:
// every case of the corpus (fixtures/dockerfiles: buildx's answer recorded in truth.json,
// and checked live against buildx by e2e/dockerfile-corpus.test.ts), then hand-written cases
// whose expectations were also checked against buildx 0.13.
import {
  DockerfileSyntaxError,
  listStages,
  parseStages,
  type ParsedStage
} from '../../src/plan/dockerfile-stages.js'
import { corpus, corpusAnswer, corpusText, readLocally } from '../helpers/dockerfile-corpus.js'

/**
 * Cases buildx cannot answer offline (a `# syntax=` frontend it cannot fetch): what the
 * built-in frontend reads once the directive line is ignored, checked with buildx on a copy
 * of the file without that line.
 */
const WHEN_UNAVAILABLE: Record<string, ParsedStage[]> = {
  'syntax-directive': [
    { name: 'base', line: 2 },
    { name: 'after', line: 3 }
  ]
}

test('the corpus has at least 30 cases, valid and invalid, one unanswerable offline', () => {
  const answers = corpus.map((entry) => corpusAnswer(entry.name))
  expect(corpus.length).toBeGreaterThanOrEqual(30)
  expect(answers.filter((a) => 'stages' in a).length).toBeGreaterThanOrEqual(30)
  expect(answers.filter((a) => 'error' in a).length).toBeGreaterThanOrEqual(10)
  expect(
    corpus.filter((entry) => 'unavailable' in corpusAnswer(entry.name)).map((e) => e.name)
  ).toEqual(Object.keys(WHEN_UNAVAILABLE))
})

describe.each(corpus.map((entry) => [entry.name, entry.tests, entry] as const))(
  '%s (%s)',
  (name, _tests, entry) => {
    const truth = corpusAnswer(name)
    if ('unavailable' in truth) {
      test('reads the stages the built-in frontend would', () => {
        expect(parseStages(corpusText(name))).toEqual(WHEN_UNAVAILABLE[name])
      })
    } else if ('error' in truth) {
      test(`refuses the file as BuildKit does: ${truth.error}`, () => {
        // Where BuildKit names a line, the parser names the same one (it may name one where
        // BuildKit does not: an unterminated heredoc's instruction).
        const local = readLocally(corpusText(name))
        expect('error' in local ? local.error : local).toBe(truth.error)
        if (truth.line !== undefined) expect(local).toEqual(truth)
      })
    } else {
      test('lists the stages BuildKit lists, at the same lines', () => {
        expect(parseStages(corpusText(name))).toEqual(truth.stages)
      })
      test(`answers the stage check for "${entry.target}" as BuildKit would`, () => {
        const exists = truth.stages.some((stage) => stage.name === entry.target)
        expect(listStages(corpusText(name)).some((s) => s.name === entry.target)).toBe(exists)
      })
    }
  }
)

describe('hand-written cases (checked against buildx 0.13)', () => {
  test.each<[string, string, ParsedStage[]]>([
    [
      'plain stages',
      'FROM python:3.12 AS base\nRUN true\nFROM base AS tier1\n',
      [
        { name: 'base', line: 1 },
        { name: 'tier1', line: 3 }
      ]
    ],
    [
      'case-insensitive keywords, names lowercased',
      'from python:3.12 as Base\nFrOm base aS TIER1\n',
      [
        { name: 'base', line: 1 },
        { name: 'tier1', line: 2 }
      ]
    ],
    [
      'continuation lines, reported at the first line',
      'ARG X=1\nFROM \\\n  python:3.12 \\\n  AS base\nRUN echo \\\n  hi\nFROM base AS tier1\n',
      [
        { name: 'base', line: 2 },
        { name: 'tier1', line: 7 }
      ]
    ],
    [
      'blank lines inside a continuation are skipped',
      'FROM x \\\n\n  AS y\nFROM y AS z\n',
      [
        { name: 'y', line: 1 },
        { name: 'z', line: 4 }
      ]
    ],
    [
      'heredoc bodies are not instructions',
      'FROM a AS one\nRUN <<EOF\nFROM b AS fake\nEOF\nCOPY <<-"CONF" /etc/x\n\tFROM c AS fake2\n\tCONF\nFROM a AS two\n',
      [
        { name: 'one', line: 1 },
        { name: 'two', line: 8 }
      ]
    ],
    [
      'two heredocs on one RUN end in order',
      "FROM a AS one\nRUN <<A <<'B'\nFROM x AS no1\nA\nFROM y AS no2\nB\nFROM a AS two\n",
      [
        { name: 'one', line: 1 },
        { name: 'two', line: 7 }
      ]
    ],
    [
      'a continued RUN swallows a FROM-looking line',
      'FROM a AS one\nRUN echo \\\nFROM b AS two\n',
      [{ name: 'one', line: 1 }]
    ],
    [
      'comments, also indented and inside a continuation',
      '# FROM x AS commented\nFROM a AS real\n  # FROM y AS indented\nFROM \\\n# FROM z AS inside\n  b AS continued\n',
      [
        { name: 'real', line: 2 },
        { name: 'continued', line: 4 }
      ]
    ],
    [
      'the escape directive switches continuations to backticks',
      '# escape=`\n\nFROM mcr.microsoft.com/windows `\n  AS base\nRUN dir c:\\\nFROM base AS tier1\n',
      [
        { name: 'base', line: 3 },
        { name: 'tier1', line: 6 }
      ]
    ],
    [
      'directives are read case-insensitively, among other directives',
      '# syntax=docker/dockerfile:1\n#ESCAPE = `\nFROM a `\n AS b\n',
      [{ name: 'b', line: 3 }]
    ],
    [
      'a directive after a comment is only a comment',
      '# hello\n# escape=`\nFROM c \\\n AS d\n',
      [{ name: 'd', line: 3 }]
    ],
    [
      'unnamed stages are listed without a name',
      'FROM python:3.12\nRUN x\nFROM python:3.12 AS named\nFROM named\n',
      [{ line: 1 }, { name: 'named', line: 3 }, { line: 4 }]
    ],
    [
      'CRLF line endings and a byte-order mark',
      '\uFEFFFROM a AS b\r\nFROM b AS c\r\n',
      [
        { name: 'b', line: 1 },
        { name: 'c', line: 2 }
      ]
    ],
    [
      'trailing spaces after the name and the escape',
      'FROM a AS b   \nFROM \\   \n c AS d\n',
      [
        { name: 'b', line: 1 },
        { name: 'd', line: 2 }
      ]
    ]
  ])('%s', (_name, content, stages) => {
    expect(parseStages(content)).toStrictEqual(stages)
  })

  test.each<[string, string, { error: string; line?: number }]>([
    [
      'a FROM flag BuildKit does not know',
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM --platform=linux/amd64 --foo=bar alpine AS final\n',
      { error: 'unknown flag: foo', line: 2 }
    ],
    [
      'a directive after an instruction is only a comment (so ` is no escape)',
      'FROM a AS b\n# escape=`\nFROM c `\nRUN x \\\nFROM d AS e\n',
      { error: 'FROM requires either one or three arguments', line: 3 }
    ],
    ['an empty file', '', { error: 'file with no instructions' }]
  ])('%s: refused', (_name, content, expected) => {
    expect(readLocally(content)).toEqual(expected)
  })

  test('listStages keeps the named stages only; a refused file throws with its line', () => {
    expect(listStages('FROM a\nFROM a AS b\n')).toEqual([{ name: 'b', line: 2 }])
    expect(() => listStages('FROM a AS b\nFOO bar\n')).toThrow(
      new DockerfileSyntaxError('unknown instruction: FOO', 2)
    )
  })
})
