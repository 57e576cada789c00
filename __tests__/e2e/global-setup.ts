// Makes sure the end-to-end tests have what they need: a Docker engine with buildx
// (started by scripts/ensure-engine.sh when none answers), the local base images, a
// registry on a free loopback port (unless NB_IMAGE_REGISTRY names one already, as
// .ci/run does; global-teardown.ts stops the one started here), the test package indexes
// (helpers/pip-index-server.ts, served from this process on the bridge gateway), and a
// bundle in dist/ that matches src/ (the tests exercise dist/, as the runner does).
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import type { PipIndexServer } from '../helpers/pip-index-server.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}`)
  return result.stdout
}

/** The indexes started here, for global-teardown.ts (which runs in this same process). */
const PIP_INDEXES = Symbol.for('nb-image-e2e-pip-indexes')

export default async function globalSetup(): Promise<void> {
  // A fresh folder for what this run's actions print (harness.ts, scripts/scan-secrets.mjs).
  rmSync(process.env['NB_IMAGE_TEST_RUN_LOGS'] || path.join(ROOT, '.test-runs'), {
    recursive: true,
    force: true
  })
  const engine = run(path.join(ROOT, 'scripts', 'ensure-engine.sh'), [])
  const match = /^export DOCKER_HOST=(\S+)$/m.exec(engine)
  if (!match?.[1]) throw new Error(`scripts/ensure-engine.sh printed no DOCKER_HOST: ${engine}`)
  // Test workers start after global setup and inherit this environment.
  process.env['DOCKER_HOST'] = match[1]
  run(path.join(ROOT, 'scripts', 'make-base-images.sh'), ['--pip'])
  if (!process.env['NB_IMAGE_REGISTRY']) {
    const registry = run(path.join(ROOT, 'scripts', 'start-registry.sh'), ['auto'])
    const found = /^export NB_IMAGE_REGISTRY=(127\.0\.0\.1:(\d+))$/m.exec(registry)
    if (!found?.[1] || !found[2])
      throw new Error(`scripts/start-registry.sh printed no NB_IMAGE_REGISTRY: ${registry}`)
    process.env['NB_IMAGE_REGISTRY'] = found[1]
    process.env['NB_IMAGE_E2E_REGISTRY_PORT'] = found[2]
  }
  await startPipIndexes()
  if (!existsSync(path.join(ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run bundle` first')
  }
}

/**
 * Two package indexes serving the pip fixture (helpers/pip-packages.ts) for every test file:
 * an open one and one that asks for Basic credentials (a fresh password per run). They
 * answer from this process, which only waits on the test workers; a test that needs the
 * request log or injected faults starts its own PipIndexServer (and then must spawn pip's
 * containers asynchronously: a spawnSync would stop its index from answering).
 *   NB_IMAGE_PIP_INDEX_URL         http://<bridge gateway>:<port>/simple/
 *   NB_IMAGE_PIP_TRUSTED_HOST      the gateway, for pip's trusted-host (plain HTTP)
 *   NB_IMAGE_PIP_LOCKED_INDEX_URL  the locked index, without credentials
 *   NB_IMAGE_PIP_INDEX_USER, NB_IMAGE_PIP_INDEX_PASSWORD  its credentials
 */
async function startPipIndexes(): Promise<void> {
  const { PipIndexServer, pipFixtureWheels } = await loadPipHelpers()
  const open = new PipIndexServer(pipFixtureWheels())
  const auth = { username: 'nb-e2e', password: `pw-${randomBytes(9).toString('base64url')}` }
  const locked = new PipIndexServer(pipFixtureWheels(), { auth })
  await open.start()
  await locked.start()
  ;(globalThis as Record<symbol, unknown>)[PIP_INDEXES] = [open, locked]
  process.env['NB_IMAGE_PIP_INDEX_URL'] = open.url()
  process.env['NB_IMAGE_PIP_TRUSTED_HOST'] = open.trustedHost
  process.env['NB_IMAGE_PIP_LOCKED_INDEX_URL'] = locked.url()
  process.env['NB_IMAGE_PIP_INDEX_USER'] = auth.username
  process.env['NB_IMAGE_PIP_INDEX_PASSWORD'] = auth.password
}

/**
 * The index helpers, loaded here. Jest runs this file as native ESM, whose loader neither
 * maps `.js` specifiers to the `.ts` sources nor reads TypeScript; so the three helpers
 * are transpiled (types stripped, nothing checked: the unit tests compile them) into a
 * folder of their own and imported from there.
 */
async function loadPipHelpers(): Promise<{
  PipIndexServer: typeof PipIndexServer
  pipFixtureWheels: typeof import('../helpers/pip-packages.js').pipFixtureWheels
}> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'nb-image-e2e-helpers-'))
  writeFileSync(path.join(out, 'package.json'), '{"type":"module"}\n')
  for (const name of ['wheel-builder', 'pip-packages', 'pip-index-server']) {
    const source = readFileSync(path.join(ROOT, '__tests__', 'helpers', `${name}.ts`), 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }
    })
    writeFileSync(path.join(out, `${name}.js`), outputText)
  }
  const server = (await import(path.join(out, 'pip-index-server.js'))) as {
    PipIndexServer: typeof PipIndexServer
  }
  const packages = (await import(
    path.join(out, 'pip-packages.js')
  )) as typeof import('../helpers/pip-packages.js')
  rmSync(out, { recursive: true, force: true })
  return { PipIndexServer: server.PipIndexServer, pipFixtureWheels: packages.pipFixtureWheels }
}
