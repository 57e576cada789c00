// scripts/scan-secrets.mjs is the last word on "nothing leaks": it must find a secret
// anywhere but in the ::add-mask:: command, and refuse a run that kept nothing to scan.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SCRIPT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'scripts',
  'scan-secrets.mjs'
)

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nb-image-scan-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Lays out a run-log folder: secrets.txt and one folder of files per run. */
function layout(secrets: string[], runs: Record<string, string>[]): void {
  if (secrets.length > 0) writeFileSync(path.join(dir, 'secrets.txt'), `${secrets.join('\n')}\n`)
  runs.forEach((files, index) => {
    const folder = path.join(dir, 'runs', `run-${index}`)
    mkdirSync(folder, { recursive: true })
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text)
  })
}

function scan(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    env: { ...process.env, NB_IMAGE_TEST_RUN_LOGS: dir },
    encoding: 'utf8'
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const clean = {
  'stdout.txt': '::add-mask::ghs_secret\n::group::Report\n| tier1 | 5 MB |\n',
  'summary.md': '## Notebook images\n'
}

test.each<[string, Record<string, string>, string]>([
  ['in the log', { 'stdout.txt': 'token ghs_secret\n' }, 'runs/run-1/stdout.txt:1: token ***'],
  [
    'in the middle of a line of the summary',
    { 'summary.md': 'a\nb\nx-ghs_secret-y\n' },
    'runs/run-1/summary.md:3: x-***-y'
  ],
  ['in the report', { 'report.json': '{"error":"ghs_secret"}' }, 'report.json:1: {"error":"***"}'],
  [
    'in an output, after the mask command',
    { 'output.txt': '::add-mask::ghs_secret\ncomment-body<<EOF\nghs_secret\nEOF\n' },
    'output.txt:3: ***'
  ]
])('a secret %s is found, masked in the message', (_name, leaked, where) => {
  layout(['ghs_secret'], [clean, leaked])
  const result = scan('--min-runs', '1')
  expect(result.status).toBe(1)
  expect(result.stdout).toContain('1 secret sought in 3 files (2 action runs')
  expect(result.stdout).toContain('1 found')
  expect(result.stderr).toContain(where)
  expect(result.stderr).not.toContain('ghs_secret')
})

test('only the mask command holds the secret: nothing found', () => {
  layout(['ghs_secret', 'ghs_other'], [clean, clean])
  const result = scan('--min-runs', '2')
  expect(result.stdout).toContain('2 secrets sought in 4 files (2 action runs')
  expect(result.stdout).toContain('none found')
  expect(result.status).toBe(0)
})

test('files named on the command line are scanned too', () => {
  layout(['ghs_secret'], [clean])
  const log = path.join(dir, 'npm-test.log')
  writeFileSync(log, 'PASS e2e\nAuthorization: token ghs_secret\n')
  const result = scan('--min-runs', '1', log)
  expect(result.status).toBe(1)
  expect(result.stderr).toContain('npm-test.log:2: Authorization: token ***')
})

test.each<[string, string[], Record<string, string>[], string]>([
  ['fewer runs than asked for', ['ghs_secret'], [clean], 'only 1 action runs were kept'],
  [
    'no run was given a secret',
    [],
    [clean, clean],
    'no run was given a secret, so nothing was checked'
  ]
])('refuses a scan that checked too little: %s', (_name, secrets, runs, message) => {
  layout(secrets, runs)
  const result = scan('--min-runs', '2')
  expect(result.status).toBe(1)
  expect(result.stderr).toContain(message)
})
