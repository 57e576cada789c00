// Stops the registry global-setup.ts started (never one that NB_IMAGE_REGISTRY named).
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

export default function globalTeardown(): void {
  const port = process.env['NB_IMAGE_E2E_REGISTRY_PORT']
  if (!port) return
  spawnSync(path.join(ROOT, 'scripts', 'stop-registry.sh'), [port, '--purge'], {
    stdio: ['ignore', 'ignore', 'inherit']
  })
}
