// The command line's argument errors: each says what was wrong on stderr, before the usage,
// and exits 2 without touching an engine.
import { jest } from '@jest/globals'
import { main } from '../../src/cli/cli.js'

function capture(): { stdout: string[]; stderr: string[]; restore: () => void } {
  const stdout: string[] = []
  const stderr: string[] = []
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk))
    return true
  })
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk))
    return true
  })
  return {
    stdout,
    stderr,
    restore: () => {
      out.mockRestore()
      err.mockRestore()
    }
  }
}

test.each<[string[], string]>([
  [[], 'error: give a command: build, compare, plan or merge'],
  [['deploy'], 'error: unknown command "deploy"; expected build, compare, plan or merge'],
  [
    ['build', '--push', 'maybe'],
    'error: unexpected argument "maybe" (flags such as --push and --no-cache take no value)'
  ],
  [['build', '--bogus'], "Unknown option '--bogus'"]
])('%j: %s', async (argv, message) => {
  const output = capture()
  let code: number
  try {
    code = await main(argv)
  } finally {
    output.restore()
  }
  expect(code).toBe(2)
  expect(output.stdout).toEqual([])
  const text = output.stderr.join('')
  expect(text.split('\n')[0]).toContain(message)
  expect(text).toContain('Usage: nb-image build [options]')
})

test('--help prints the usage on stdout and exits 0', async () => {
  const output = capture()
  let code: number
  try {
    code = await main(['--help'])
  } finally {
    output.restore()
  }
  expect(code).toBe(0)
  expect(output.stdout.join('')).toMatch(/^Usage: nb-image build \[options\]/)
  expect(output.stderr).toEqual([])
})
