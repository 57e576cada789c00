#!/usr/bin/env node
// scan-secrets.mjs — the "nothing leaks" check over everything the tests printed.
//
// The end-to-end harness (__tests__/e2e/harness.ts) keeps, for every run of the action,
// its stdout, stderr, outputs, job summary, state file and report under the run-log
// folder, and appends every secret it handed the action (the github-token input, and
// each *TOKEN*/*PASSWORD* variable) to secrets.txt there. This script reads those
// secrets and looks for each of them in every kept file and in the files named on the
// command line (.ci/run passes the whole output of `npm test`). The only line allowed to
// hold a secret is the `::add-mask::` command that asks the runner to hide it.
//
// usage: node scripts/scan-secrets.mjs [--min-runs N] [FILE...]
//   NB_IMAGE_TEST_RUN_LOGS  the run-log folder (default: .test-runs at the repository root)
// Exits 1 when a secret is found (printed masked, with file and line) or fewer than N runs
// were kept; prints what it scanned either way.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dir = process.env.NB_IMAGE_TEST_RUN_LOGS || path.join(root, '.test-runs')
const args = process.argv.slice(2)
let minRuns = 0
const extra = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--min-runs') minRuns = Number(args[++i])
  else extra.push(args[i])
}
if (!Number.isInteger(minRuns) || minRuns < 0) {
  console.error('scan-secrets: --min-runs takes a whole number')
  process.exit(2)
}

const secretsFile = path.join(dir, 'secrets.txt')
const secrets = existsSync(secretsFile)
  ? [
      ...new Set(
        readFileSync(secretsFile, 'utf8')
          .split('\n')
          .filter((s) => s.length > 0)
      )
    ]
  : []
const runsDir = path.join(dir, 'runs')
const runs = existsSync(runsDir) ? readdirSync(runsDir) : []

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else if (entry.isFile()) yield full
  }
}

const scanned = [...(existsSync(runsDir) ? files(runsDir) : []), ...extra]
let bytes = 0
const found = []
for (const file of scanned) {
  if (!existsSync(file) || !statSync(file).isFile()) {
    console.error(`scan-secrets: ${file} does not exist`)
    process.exit(2)
  }
  const text = readFileSync(file, 'utf8')
  bytes += Buffer.byteLength(text)
  text.split('\n').forEach((line, index) => {
    // The runner consumes this command and hides the value from then on.
    if (/^::add-mask::/.test(line)) return
    for (const secret of secrets) {
      if (line.includes(secret)) {
        found.push(
          `${path.relative(root, file)}:${index + 1}: ${line.split(secret).join('***').slice(0, 200)}`
        )
      }
    }
  })
}

console.log(
  `scan-secrets: ${secrets.length} secret${secrets.length === 1 ? '' : 's'} sought in ${scanned.length} files (${runs.length} action runs, ${(bytes / 1e6).toFixed(1)} MB): ${found.length === 0 ? 'none found' : `${found.length} found`}`
)
for (const line of found) console.error(`  ${line}`)
if (runs.length < minRuns) {
  console.error(
    `scan-secrets: only ${runs.length} action runs were kept in ${runsDir}, expected at least ${minRuns}`
  )
  process.exit(1)
}
if (minRuns > 0 && secrets.length === 0) {
  console.error('scan-secrets: no run was given a secret, so nothing was checked')
  process.exit(1)
}
process.exit(found.length === 0 ? 0 : 1)
