#!/usr/bin/env node
// Fails when the committed dist/ differs from a fresh bundle of src/, as CI's check-dist
// does: bundles into a temporary folder and compares every file byte for byte.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const fresh = mkdtempSync(path.join(os.tmpdir(), 'nb-image-dist-'))
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

function bundle(entry, out, extra = []) {
  const result = spawnSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--quiet', ...extra],
    { cwd: root, stdio: 'inherit' }
  )
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)]
  })
}

try {
  bundle('src/index.ts', fresh, ['--license', 'licenses.txt'])
  bundle('src/cli/bin.ts', path.join(fresh, 'cli'))
  const committed = path.join(root, 'dist')
  const expected = files(fresh).sort()
  const actual = files(committed).sort()
  const problems = []
  for (const file of new Set([...expected, ...actual])) {
    if (!expected.includes(file)) problems.push(`dist/${file} is not produced by the bundle`)
    else if (!actual.includes(file)) problems.push(`dist/${file} is missing`)
    else if (
      !readFileSync(path.join(fresh, file)).equals(readFileSync(path.join(committed, file)))
    ) {
      problems.push(`dist/${file} differs from a fresh bundle`)
    }
  }
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\nRun \`npm run bundle\` and commit dist/.`)
    process.exit(1)
  }
  console.log(`dist/ matches a fresh bundle of src/ (${expected.length} files)`)
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
