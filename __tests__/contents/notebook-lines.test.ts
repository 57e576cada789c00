import { cellLines, fileLineOf } from '../../src/contents/notebook-lines.js'

/** A notebook as Jupyter saves it: one source line per JSON line, one key per line. */
const saved = JSON.stringify(
  {
    cells: [
      { cell_type: 'markdown', metadata: {}, source: ['# Title\n', 'text'] },
      {
        cell_type: 'code',
        execution_count: 1,
        metadata: {},
        outputs: [{ name: 'stdout', output_type: 'stream', text: ['import fake\n'] }],
        source: ['import os\n', 'import xgboost\n', 'print(1)']
      },
      { cell_type: 'code', metadata: {}, source: 'import a\nimport b' }
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5
  },
  null,
  1
)
const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1

describe('cellLines', () => {
  test('each source line of a cell maps to the file line of its JSON string', () => {
    const lines = cellLines(saved)
    expect(lines.get(1)).toStrictEqual([lineOf(saved, '"# Title'), lineOf(saved, '"text"')])
    expect(lines.get(2)).toStrictEqual([
      lineOf(saved, '"import os'),
      lineOf(saved, '"import xgboost'),
      lineOf(saved, '"print(1)"')
    ])
    // Output text that looks like code is not the source.
    expect(lines.get(2)).not.toContain(lineOf(saved, '"import fake'))
    // A source saved as one string: every line of it is on that string's line.
    expect(lines.get(3)).toStrictEqual([lineOf(saved, '"import a'), lineOf(saved, '"import a')])
  })

  test.each<[string, string[], number[]]>([
    ['items that are whole lines', ['a\n', 'b\n', 'c'], [2, 3, 4]],
    ['an item holding two lines', ['a\nb\n', 'c'], [2, 2, 3]],
    ['an item that continues the line before', ['a', 'b\n', 'c'], [2, 4]],
    ['an empty source', [], []],
    ['a trailing newline starts no line in a later item', ['a\n'], [2]]
  ])('%s', (_name, source, expected) => {
    // One item per file line, from line 2 on.
    const text = `{"cells": [{"cell_type": "code", "source": [\n${source.map((s) => JSON.stringify(s)).join(',\n')}]}]}`
    expect(cellLines(text).get(1) ?? []).toStrictEqual(expected)
  })

  test('nbformat 3: cells across worksheets, `input` is the source', () => {
    const text = [
      '{"worksheets": [',
      ' {"cells": [{"cell_type": "code", "input": ["import a\\n",',
      '   "import b"]}]},',
      ' {"cells": [{"cell_type": "markdown", "source": "x"}, {"cell_type": "code", "input": "import c"}]}',
      ']}'
    ].join('\n')
    const lines = cellLines(text)
    expect(lines.get(1)).toStrictEqual([2, 3])
    expect(lines.get(2)).toStrictEqual([4])
    expect(lines.get(3)).toStrictEqual([4])
  })

  test('text that is not JSON: what was found before the error', () => {
    const lines = cellLines('{"cells": [{"source": ["a\\n",\n"b"]}, {"source": [,,,')
    expect(lines.get(1)).toStrictEqual([1, 2])
  })
})

describe('fileLineOf', () => {
  const lines = new Map([[2, [10, 11, 12]]])
  test.each<[number, number, number | undefined]>([
    [2, 1, 10],
    [2, 3, 12],
    [2, 9, 12],
    [1, 1, undefined],
    [3, 1, undefined]
  ])('cell %i line %i → %s', (cell, line, expected) => {
    expect(fileLineOf(lines, cell, line)).toBe(expected)
  })
})
