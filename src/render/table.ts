/**
 * Rows as aligned plain text, for a terminal: columns two spaces apart, each as wide as its
 * widest cell (counted in code points, so `–` is one), the `rightAligned` ones padded on
 * the left, a dashed line under the header and no trailing spaces. One line per row.
 */
export function textTable(
  header: string[],
  rows: string[][],
  rightAligned: (column: number) => boolean
): string[] {
  const all = [header, ...rows]
  const widths = header.map((_, column) =>
    Math.max(...all.map((cells) => [...(cells[column] ?? '')].length))
  )
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => {
        const pad = ' '.repeat((widths[column] ?? 0) - [...cell].length)
        return rightAligned(column) ? pad + cell : cell + pad
      })
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)]
}
