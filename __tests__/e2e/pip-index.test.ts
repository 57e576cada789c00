// The pip fixture against real pip: the index on the bridge gateway, pip in the pip base
// image (scripts/make-base-images.sh --pip). What PIP_FIXTURE_RESOLVED claims, and the
// per-tier differences and conflicts the fixture is shaped for, are pip's answers here,
// not ours. Every pip runs as `docker run --rm` with argument arrays, no shell, and
// asynchronously: the index answers from this very process, so a spawnSync would block it
// and pip would time out (seen: 5 × 15 s read timeouts, then "No matching distribution").
import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PipIndexServer } from '../helpers/pip-index-server.js'
import {
  PIP_FIXTURE_RESOLVED,
  PIP_FIXTURE_TIERS,
  pipFixtureWheels
} from '../helpers/pip-packages.js'
import { normalizeName } from '../helpers/wheel-builder.js'

const BASE = process.env['NB_IMAGE_PIP_BASE'] || 'nb-image-fixture/python-pip:bookworm'
const PASSWORD = 'e2e-Index-PW-31'
let index: PipIndexServer
let locked: PipIndexServer
let work: string

beforeAll(async () => {
  index = new PipIndexServer(pipFixtureWheels())
  locked = new PipIndexServer(pipFixtureWheels(), { auth: { username: 'ci', password: PASSWORD } })
  await index.start()
  await locked.start()
  work = mkdtempSync(path.join(os.tmpdir(), 'nb-pip-e2e-'))
  chmodSync(work, 0o755)
  for (const [tier, lines] of Object.entries(PIP_FIXTURE_TIERS))
    writeFileSync(path.join(work, `${tier}.txt`), `${lines.join('\n')}\n`)
})
afterAll(async () => {
  await index.stop()
  await locked.stop()
  // It holds pip.conf files with the test password and root-owned reports.
  rmSync(work, { recursive: true, force: true })
})

/** Runs a command without a shell and without blocking the event loop. */
function run(
  command: string,
  args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }))
  })
}

/** pip in the base image, with `work` at /nb/in and a pip.conf naming `indexUrl`. */
async function pip(
  indexUrl: string,
  trustedHost: string,
  args: string[]
): Promise<{ status: number; stdout: string; stderr: string; report?: Report }> {
  const conf = path.join(work, `pip-${Math.random().toString(36).slice(2)}.conf`)
  writeFileSync(conf, `[global]\nindex-url = ${indexUrl}\ntrusted-host = ${trustedHost}\n`, {
    mode: 0o644
  })
  const result = await run('docker', [
    'run',
    '--rm',
    '--mount',
    `type=bind,src=${work},dst=/nb/in`,
    '--mount',
    `type=bind,src=${conf},dst=/nb/pip.conf,readonly`,
    BASE,
    'env',
    'PIP_CONFIG_FILE=/nb/pip.conf',
    'PIP_DISABLE_PIP_VERSION_CHECK=1',
    'PIP_NO_INPUT=1',
    'python3',
    '-m',
    'pip',
    ...args
  ])
  const reportArg = args.indexOf('--report')
  const report =
    result.status === 0 && reportArg >= 0
      ? (JSON.parse(
          readFileSync(path.join(work, path.basename(args[reportArg + 1] ?? '')), 'utf8')
        ) as Report)
      : undefined
  return { ...result, ...(report ? { report } : {}) }
}

interface Report {
  install: { metadata: { name: string; version: string }; download_info: { url: string } }[]
}

function versions(report: Report | undefined): Record<string, string> {
  return Object.fromEntries(
    (report?.install ?? []).map((item) => [
      normalizeName(item.metadata.name),
      item.metadata.version
    ])
  )
}

function resolve(files: string[], server = index, withCredentials = false): ReturnType<typeof pip> {
  return pip(server.url(withCredentials), server.trustedHost, [
    'install',
    '--dry-run',
    '--ignore-installed',
    '--quiet',
    '--report',
    '/nb/in/report.json',
    ...files.flatMap((file) => ['-r', `/nb/in/${file}.txt`])
  ])
}

test('every tier resolved together gives the fixture’s one version of each package', async () => {
  const { status, stderr, report } = await resolve(['base', 'tier1', 'tier2', 'tier3'])
  expect(stderr).toBe('')
  expect(status).toBe(0)
  expect(versions(report)).toEqual(PIP_FIXTURE_RESOLVED)
  // Resolved from this index, which served what pip asked for.
  expect(
    report?.install.every((item) =>
      item.download_info.url.startsWith(index.url().replace('/simple/', '/files/'))
    )
  ).toBe(true)
  expect(index.requests.some((r) => r.userAgent.startsWith('pip/'))).toBe(true)
})

test('resolved on its own, tier2 gets other versions: what one resolution prevents', async () => {
  const { report } = await resolve(['base', 'tier2'])
  expect(versions(report)).toMatchObject({ 'nbt-core': '2.0.0', 'nbt-train': '2.0.0' })
})

test('two tiers that cannot go together fail, and pip names the lines', async () => {
  writeFileSync(path.join(work, 'want-train2.txt'), 'nbt-train>=2\n')
  const { status, stderr } = await resolve(['base', 'want-train2', 'tier3'])
  expect(status).toBe(1)
  expect(stderr).toContain('ResolutionImpossible')
  expect(stderr).toContain('-r /nb/in/want-train2.txt (line 1)')
})

test('a credentialed index is used with the user from the URL and never shows the password', async () => {
  const anonymous = await resolve(['base'], locked)
  expect(anonymous.status).toBe(1)
  expect(locked.requests.at(-1)).toMatchObject({ status: 401 })
  const { status, stdout, stderr, report } = await resolve(['base'], locked, true)
  expect(status).toBe(0)
  expect(versions(report)['nbt-runner']).toBe('1.2.0')
  expect(locked.requests.at(-1)).toMatchObject({ status: 200, user: 'ci' })
  expect(`${stdout}${stderr}${JSON.stringify(report)}`).not.toContain(PASSWORD)
})

test('the indexes global-setup.ts serves to every test file answer pip', async () => {
  const env = (name: string): string => {
    const value = process.env[name]
    if (!value) throw new Error(`${name} is not set: global-setup.ts starts the indexes`)
    return value
  }
  const trusted = env('NB_IMAGE_PIP_TRUSTED_HOST')
  const args = ['install', '--dry-run', '--quiet', '--report', '/nb/in/global.json']
  const open = await pip(env('NB_IMAGE_PIP_INDEX_URL'), trusted, [...args, 'nbt-runner'])
  expect(open.status).toBe(0)
  expect(versions(open.report)).toEqual({
    'nbt-runner': '1.2.0',
    'nbt-core': '2.0.0',
    'nbt-config': '1.1.0'
  })
  const lockedUrl = new URL(env('NB_IMAGE_PIP_LOCKED_INDEX_URL'))
  expect(lockedUrl.password).toBe('')
  lockedUrl.username = env('NB_IMAGE_PIP_INDEX_USER')
  lockedUrl.password = env('NB_IMAGE_PIP_INDEX_PASSWORD')
  const locked = await pip(lockedUrl.href, trusted, [...args, 'nbt-k8s'])
  expect(locked.status).toBe(0)
  expect(versions(locked.report)).toEqual({ 'nbt-k8s': '3.0.0', 'nbt-config': '1.1.0' })
  expect(`${locked.stdout}${locked.stderr}`).not.toContain(env('NB_IMAGE_PIP_INDEX_PASSWORD'))
})
