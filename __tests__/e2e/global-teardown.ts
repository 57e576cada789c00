// Stops the registry global-setup.ts started (never one that NB_IMAGE_REGISTRY named) and
// its package indexes.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PipIndexServer } from '../helpers/pip-index-server.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export default async function globalTeardown(): Promise<void> {
  // global-setup.ts keeps them under this symbol: both run in jest's main process.
  const indexes = (globalThis as Record<symbol, PipIndexServer[] | undefined>)[
    Symbol.for('nb-image-e2e-pip-indexes')
  ]
  await Promise.all((indexes ?? []).map((index) => index.stop()))
  const port = process.env['NB_IMAGE_E2E_REGISTRY_PORT']
  if (!port) return
  spawnSync(path.join(ROOT, 'scripts', 'stop-registry.sh'), [port, '--purge'], {
    stdio: ['ignore', 'ignore', 'inherit']
  })
}
