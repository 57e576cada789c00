import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/golden/', import.meta.url))

/**
 * Compares text with `__tests__/fixtures/golden/<name>` byte for byte. Golden files are only
 * ever written on purpose: run the tests with UPDATE_GOLDEN=1, then review the diff.
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name)
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, actual)
    return
  }
  if (!existsSync(file)) {
    throw new Error(`golden file ${file} is missing; run with UPDATE_GOLDEN=1 to create it`)
  }
  const expected = readFileSync(file, 'utf8')
  expect(actual).toBe(expected)
}
