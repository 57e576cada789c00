// Registry credentials where `docker login` (and docker/login-action) stored them: a
// credential helper, the default store, or config.json's `auths`. Secrets leave this file
// only as the registry client's Authorization headers.
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { RepositoryLocation } from '../image/reference.js'
import type { CommandRunner } from './process.js'

/** Username and password (or token) for a registry. */
export interface Credentials {
  username: string
  secret: string
}

/** Finds stored credentials for a registry; undefined means anonymous. */
export type CredentialLookup = (location: RepositoryLocation) => Promise<Credentials | undefined>

/** The parts of ~/.docker/config.json that say where credentials are. */
interface DockerConfig {
  auths?: Record<
    string,
    { auth?: string; username?: string; password?: string; identitytoken?: string }
  >
  credsStore?: string
  credHelpers?: Record<string, string>
}

/**
 * Looks credentials up the way the docker CLI does: a credential helper for the registry
 * (`credHelpers`), else the default store (`credsStore`), else `auths` in
 * `$DOCKER_CONFIG/config.json` (default `~/.docker/config.json`). Secrets never leave this
 * function except in Authorization headers.
 */
export function dockerConfigCredentials(
  run: CommandRunner,
  env: NodeJS.ProcessEnv = process.env
): CredentialLookup {
  const file = path.join(env['DOCKER_CONFIG'] ?? path.join(os.homedir(), '.docker'), 'config.json')
  let config: Promise<DockerConfig> | undefined
  const load = (): Promise<DockerConfig> =>
    (config ??= readFile(file, 'utf8')
      .then((text) => JSON.parse(text) as DockerConfig)
      .catch(() => ({})))
  return async (location) => {
    const loaded = await load()
    const keys = credentialKeys(location)
    const helper = keys.map((key) => loaded.credHelpers?.[key]).find(Boolean) ?? loaded.credsStore
    if (helper) {
      for (const key of keys) {
        const result = await run(`docker-credential-${helper}`, ['get'], { input: key, env })
        if (result.exitCode !== 0) continue
        try {
          const found = JSON.parse(result.stdout) as { Username?: string; Secret?: string }
          if (found.Secret) return { username: found.Username ?? '', secret: found.Secret }
        } catch {
          // A helper that prints something else has nothing for this key.
        }
      }
    }
    const auths = loaded.auths ?? {}
    for (const [key, entry] of Object.entries(auths)) {
      if (!keys.includes(normalizeKey(key))) continue
      if (entry.identitytoken) return { username: '<token>', secret: entry.identitytoken }
      if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
        const colon = decoded.indexOf(':')
        if (colon > 0)
          return { username: decoded.slice(0, colon), secret: decoded.slice(colon + 1) }
      }
      if (entry.username && entry.password)
        return { username: entry.username, secret: entry.password }
    }
    return undefined
  }
}

/** The spellings a registry's credentials may be stored under. */
function credentialKeys(location: RepositoryLocation): string[] {
  if (location.registry === 'registry-1.docker.io') {
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']
  }
  return [location.registry]
}

/** `https://ghcr.io/v2/` → `ghcr.io`; Docker Hub's URL key stays as the CLI writes it. */
function normalizeKey(key: string): string {
  if (key === 'https://index.docker.io/v1/') return key
  return key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '')
}
