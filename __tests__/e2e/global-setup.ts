// Makes sure the end-to-end tests have what they need: a Docker engine with buildx
// (started by scripts/ensure-engine.sh when none answers), the local base images, a
// registry on a free loopback port (unless NB_IMAGE_REGISTRY names one already, as
// .ci/run does; global-teardown.ts stops the one started here), and a bundle in dist/
// that matches src/ (the tests exercise dist/, as the runner does).
import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

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

export default function globalSetup(): void {
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
  run(path.join(ROOT, 'scripts', 'make-base-images.sh'), ['--python'])
  if (!process.env['NB_IMAGE_REGISTRY']) {
    const registry = run(path.join(ROOT, 'scripts', 'start-registry.sh'), ['auto'])
    const found = /^export NB_IMAGE_REGISTRY=(127\.0\.0\.1:(\d+))$/m.exec(registry)
    if (!found?.[1] || !found[2])
      throw new Error(`scripts/start-registry.sh printed no NB_IMAGE_REGISTRY: ${registry}`)
    process.env['NB_IMAGE_REGISTRY'] = found[1]
    process.env['NB_IMAGE_E2E_REGISTRY_PORT'] = found[2]
  }
  if (!existsSync(path.join(ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run bundle` first')
  }
}
