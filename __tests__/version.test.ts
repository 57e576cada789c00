import { readFileSync } from 'node:fs'
import { TOOL_NAME, TOOL_VERSION } from '../src/version.js'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string
  version: string
}

test('TOOL_VERSION is the version in package.json', () => {
  expect(TOOL_VERSION).toBe(pkg.version)
})

test('TOOL_NAME is the package name', () => {
  expect(TOOL_NAME).toBe(pkg.name)
})
