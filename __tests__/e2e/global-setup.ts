// Makes sure the end-to-end tests have what they need: a Docker engine with buildx
// (started by scripts/ensure-engine.sh when none answers), the local base images, and a
// bundle in dist/ that matches src/ (the tests exercise dist/, as the runner does).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
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
  const engine = run(path.join(ROOT, 'scripts', 'ensure-engine.sh'), [])
  const match = /^export DOCKER_HOST=(\S+)$/m.exec(engine)
  if (!match?.[1]) throw new Error(`scripts/ensure-engine.sh printed no DOCKER_HOST: ${engine}`)
  // Test workers start after global setup and inherit this environment.
  process.env['DOCKER_HOST'] = match[1]
  run(path.join(ROOT, 'scripts', 'make-base-images.sh'), ['--python'])
  if (!existsSync(path.join(ROOT, 'dist', 'index.js'))) {
    throw new Error('dist/index.js is missing: run `npm run bundle` first')
  }
}
