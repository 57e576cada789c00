// Where a cell's line is in the .ipynb file, so that an annotation lands on that line of the
// notebook's JSON (GitHub shows it there in the pull request's diff). jsonc-parser's visitor
// gives each string's line: 70 ms for a 5 MB notebook, where the yaml package's positions
// took 620 ms; it only runs for notebooks that get an annotation. Pure.
import { visit } from 'jsonc-parser'

/** 1-based cell → 1-based lines of its source → 1-based line of the file. */
export type CellLines = Map<number, number[]>

/**
 * The file line of every source line of every cell: nbformat 4 (`cells[].source`) and 3
 * (`worksheets[].cells[].input`), source as a list of lines (each a string on its own file
 * line when the notebook is saved by Jupyter) or as one string (every line of it on the
 * string's file line). Cells are numbered among all cells, as the probe numbers them.
 * Text that is not JSON gives what was found before the error.
 */
export function cellLines(text: string): CellLines {
  const lines: CellLines = new Map()
  // Cells are numbered across worksheets (nbformat 3) in document order, as probe.py does.
  const cellNumbers = new Map<string, number>()
  // Whether the next character of a cell's source starts a new line (its items need not
  // end with a newline, nor hold only one line).
  const pending = new Map<number, boolean>()
  visit(text, {
    onObjectBegin(_offset, _length, _line, _character, path) {
      const at = path()
      const cellKey = cellKeyOf(at)
      if (cellKey !== undefined && at.length === depthOf(cellKey) && !cellNumbers.has(cellKey))
        cellNumbers.set(cellKey, cellNumbers.size + 1)
    },
    onLiteralValue(value: unknown, _offset, _length, startLine, _character, path) {
      if (typeof value !== 'string') return
      const where = sourceOf(path())
      const cell = where && cellNumbers.get(where.cellKey)
      if (!where || cell === undefined) return
      const fileLine = startLine + 1
      const list = lines.get(cell) ?? []
      lines.set(cell, list)
      const parts = value.split('\n')
      if (!where.item) {
        list.push(...parts.map(() => fileLine))
        return
      }
      // An item continues the line in progress unless the one before ended with a newline.
      if (pending.get(cell) ?? true) list.push(fileLine)
      for (let i = 1; i < parts.length - 1; i++) list.push(fileLine)
      const endsLine = parts.length > 1
      if (endsLine && parts.at(-1) !== '') list.push(fileLine)
      pending.set(cell, endsLine && parts.at(-1) === '')
    }
  })
  return lines
}

/** The file line of a cell's line, when known. */
export function fileLineOf(lines: CellLines, cell: number, line: number): number | undefined {
  const list = lines.get(cell)
  if (!list || list.length === 0) return undefined
  // A cell's last line without a newline is still that line; past the end, its last line.
  return list[Math.min(line, list.length) - 1]
}

type Path = (string | number)[]

/** How many path segments lead to a cell: 2 (`cells/3`) or 4 (`worksheets/0/cells/3`). */
function depthOf(cellKey: string): number {
  return cellKey.split('/').length
}

/** `cells/3` or `worksheets/0/cells/3` for a path inside a cell, else undefined. */
function cellKeyOf(path: Path): string | undefined {
  if (path[0] === 'cells' && typeof path[1] === 'number') return `cells/${path[1]}`
  if (
    path[0] === 'worksheets' &&
    typeof path[1] === 'number' &&
    path[2] === 'cells' &&
    typeof path[3] === 'number'
  ) {
    return `worksheets/${path[1]}/cells/${path[3]}`
  }
  return undefined
}

/** Whether a string at `path` is (part of) a cell's source, and which cell's. */
function sourceOf(path: Path): { cellKey: string; item: boolean } | undefined {
  const cellKey = cellKeyOf(path)
  if (cellKey === undefined) return undefined
  const depth = depthOf(cellKey)
  const key = path[depth]
  if (key !== 'source' && key !== 'input') return undefined
  if (path.length === depth + 1) return { cellKey, item: false }
  if (path.length === depth + 2 && typeof path[depth + 1] === 'number') {
    return { cellKey, item: true }
  }
  return undefined
}
