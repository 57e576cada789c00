#!/usr/bin/env node
// Soak test of the measurement: runs the bundled action (node dist/index.js, as the runner
// does) warm on scripts/soak/, N times in a row on this machine's engine, and counts the
// images it built but could not measure. Each run plays a new commit (a new GITHUB_SHA, so
// a new revision label and config): every warm run re-exports identical layers under a new
// image over the same tags, the situation in which the containerd image store was seen to
// lose unpacked snapshots (docs/reliability.md). Repairs the action made are counted too.
//
//   eval "$(scripts/ensure-engine.sh)" && npm run bundle
//   node scripts/soak.mjs --runs 200 [--commit new|same] [--log soak.jsonl] [--keep]
//
// --commit same keeps one GITHUB_SHA (a re-run of one commit: with reproducible images,
// nothing is re-exported). Only images of a repository unique to this soak are made, and
// they are removed at the end (--keep leaves them). Prints one line every 20 runs and a
// final `SUMMARY {json}`; exits 1 when any image was unmeasurable.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    commit: { type: 'string', default: 'new' },
    log: { type: 'string' },
    keep: { type: 'boolean', default: false }
  }
})
const RUNS = Number(values.runs)
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new Error(`--runs: a whole number, got ${values.runs}`)
if (!['new', 'same'].includes(values.commit)) throw new Error('--commit: new or same')

const repository = `nb-image-soak-${randomBytes(4).toString('hex')}/soak`
const workspace = mkdtempSync(path.join(os.tmpdir(), 'nb-image-soak-'))
cpSync(path.join(root, 'scripts', 'soak'), workspace, { recursive: true })
const manifest = path.join(workspace, 'notebook-tiers.yaml')
writeFileSync(
  manifest,
  readFileSync(manifest, 'utf8').replace(/^image: .*$/m, `image: ${repository}`)
)
const log = values.log ?? path.join(os.tmpdir(), `nb-image-soak-${Date.now()}.jsonl`)
const fixedSha = randomBytes(20).toString('hex')

/** Runs the action once, as the runner does; resolves to its exit code, log and report. */
function runAction(sha) {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'nb-image-soak-runner-'))
  const files = ['output.txt', 'summary.md', 'state.txt'].map((name) => path.join(temp, name))
  for (const file of files) writeFileSync(file, '')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOCKER_HOST: process.env.DOCKER_HOST,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/notebooks',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/soak',
    RUNNER_TEMP: temp,
    GITHUB_OUTPUT: files[0],
    GITHUB_STEP_SUMMARY: files[1],
    GITHUB_STATE: files[2],
    INPUT_MANIFEST: 'notebook-tiers.yaml',
    'INPUT_UPLOAD-REPORT': 'false',
    'INPUT_DISK-CHECK': 'off'
  }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'index.js')], {
      cwd: workspace,
      env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk))
    child.stderr.resume()
    child.on('close', (code) => {
      let report
      try {
        report = JSON.parse(readFileSync(path.join(temp, 'nb-image-report.json'), 'utf8'))
      } catch {
        report = undefined
      }
      rmSync(temp, { recursive: true, force: true })
      resolve({ exitCode: code ?? 1, stdout, report })
    })
  })
}

/** Removes every image of this soak's repository. */
function cleanup() {
  const listed = spawnSync(
    'docker',
    ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', '--filter', `reference=${repository}`],
    { encoding: 'utf8' }
  )
  const refs = listed.stdout.split('\n').filter(Boolean)
  if (refs.length > 0) spawnSync('docker', ['image', 'rm', '--force', ...refs], { stdio: 'ignore' })
}

const totals = { runs: 0, images: 0, unmeasurable: 0, repaired: 0, otherFailures: 0 }
const loads = []
const ids = new Set()
writeFileSync(log, '')
console.log(
  `soak: ${RUNS} warm runs of the action, ${values.commit === 'new' ? 'a new commit each' : 'one commit'}, images ${repository}, log ${log}`
)
const cold = await runAction(fixedSha)
if (cold.exitCode !== 0) {
  console.error(cold.stdout.slice(-3000))
  throw new Error('the cold run failed; is the engine up and dist/ bundled?')
}
const started = Date.now()
for (let run = 1; run <= RUNS; run++) {
  loads.push(os.loadavg()[0])
  const sha = values.commit === 'new' ? randomBytes(20).toString('hex') : fixedSha
  const begun = Date.now()
  const { exitCode, stdout, report } = await runAction(sha)
  const images = report?.images ?? []
  const unmeasurable = images.filter((image) => /could not be measured/.test(image.error ?? ''))
  const other = images.filter((image) => image.status === 'failed' && !unmeasurable.includes(image))
  const repaired = stdout
    .split('\n')
    .filter((line) => line.includes('the engine had lost the unpacked layers'))
  totals.runs++
  totals.images += images.length
  totals.unmeasurable += unmeasurable.length
  totals.repaired += repaired.length
  totals.otherFailures += other.length + (report ? 0 : 1)
  for (const image of images) if (image.imageId) ids.add(`${image.name} ${image.imageId}`)
  const entry = {
    run,
    ms: Date.now() - begun,
    exitCode,
    unmeasurable: unmeasurable.map((image) => `${image.name}: ${image.error}`),
    repaired,
    other: other.map((image) => `${image.name}: ${image.error}`)
  }
  appendFileSync(log, `${JSON.stringify(entry)}\n`)
  if (unmeasurable.length > 0 || repaired.length > 0 || other.length > 0 || !report) {
    console.log(`run ${run}: ${JSON.stringify(entry)}`)
  } else if (run % 20 === 0) {
    console.log(`run ${run}: ok (${entry.ms} ms; ${totals.unmeasurable} unmeasurable so far)`)
  }
}
const summary = {
  ...totals,
  distinctImageIdsPerImage: ids.size / 4,
  commit: values.commit,
  minutes: Number(((Date.now() - started) / 60000).toFixed(1)),
  loadAverage: {
    median: loads.sort((a, b) => a - b)[Math.floor(loads.length / 2)],
    max: Math.max(...loads)
  },
  cores: os.cpus().length,
  engine: spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], {
    encoding: 'utf8'
  }).stdout.trim()
}
console.log(`SUMMARY ${JSON.stringify(summary)}`)
if (!values.keep) {
  cleanup()
  rmSync(workspace, { recursive: true, force: true })
}
process.exit(totals.unmeasurable > 0 ? 1 : 0)
