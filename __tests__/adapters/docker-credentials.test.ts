import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { dockerConfigCredentials } from '../../src/adapters/docker-credentials.js'
import type { CommandRunner, RunOptions } from '../../src/adapters/process.js'
import { locateRepository } from '../../src/image/reference.js'

describe('dockerConfigCredentials', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-image-docker-config-'))
  const config = (value: unknown): NodeJS.ProcessEnv => {
    const folder = mkdtempSync(path.join(dir, 'c-'))
    writeFileSync(path.join(folder, 'config.json'), JSON.stringify(value))
    return { DOCKER_CONFIG: folder }
  }
  const noHelpers: CommandRunner = async () => ({ exitCode: 1, stdout: '', stderr: 'not found' })

  test.each<[string, unknown, string, { username: string; secret: string } | undefined]>([
    [
      'auths by host (docker/login-action)',
      { auths: { 'ghcr.io': { auth: Buffer.from('octocat:ghp_x:y').toString('base64') } } },
      'ghcr.io/acme/nb',
      { username: 'octocat', secret: 'ghp_x:y' }
    ],
    [
      'auths by URL',
      { auths: { 'https://ghcr.io/v2/': { auth: Buffer.from('u:p').toString('base64') } } },
      'ghcr.io/acme/nb',
      { username: 'u', secret: 'p' }
    ],
    [
      'Docker Hub under its v1 URL',
      {
        auths: { 'https://index.docker.io/v1/': { auth: Buffer.from('hub:pw').toString('base64') } }
      },
      'acme/nb',
      { username: 'hub', secret: 'pw' }
    ],
    [
      'an identity token',
      { auths: { 'quay.io': { identitytoken: 'tok' } } },
      'quay.io/acme/nb',
      { username: '<token>', secret: 'tok' }
    ],
    [
      'another registry only',
      { auths: { 'ghcr.io': { auth: Buffer.from('u:p').toString('base64') } } },
      'quay.io/acme/nb',
      undefined
    ],
    ['no config file', undefined, 'ghcr.io/acme/nb', undefined]
  ])('%s', async (_, value, repository, expected) => {
    const env = value === undefined ? { DOCKER_CONFIG: path.join(dir, 'missing') } : config(value)
    await expect(
      dockerConfigCredentials(noHelpers, env)(locateRepository(repository))
    ).resolves.toEqual(expected)
  })

  test('a credential helper is asked on stdin, as the docker CLI does', async () => {
    const calls: [string, string[], RunOptions | undefined][] = []
    const helper: CommandRunner = async (command, args, options) => {
      calls.push([command, args, options])
      return {
        exitCode: 0,
        stdout: JSON.stringify({ ServerURL: 'ghcr.io', Username: 'bot', Secret: 'from-helper' }),
        stderr: ''
      }
    }
    const env = config({ credHelpers: { 'ghcr.io': 'gcloud' }, credsStore: 'desktop' })
    await expect(
      dockerConfigCredentials(helper, env)(locateRepository('ghcr.io/acme/nb'))
    ).resolves.toEqual({ username: 'bot', secret: 'from-helper' })
    expect(calls.map(([command, args, options]) => [command, args, options?.input])).toEqual([
      ['docker-credential-gcloud', ['get'], 'ghcr.io']
    ])
  })
})
