import { copyFromImage, isolatedRunArgs, runIsolated } from '../../src/adapters/docker-container.js'
import type { CommandRunner, RunOptions, RunResult } from '../../src/adapters/process.js'

/** A runner that records each call and answers from a function of the argument vector. */
function runner(
  answer: (args: string[], options: RunOptions) => Partial<RunResult> | Promise<Partial<RunResult>>
): {
  run: CommandRunner
  calls: string[]
  options: RunOptions[]
} {
  const calls: string[] = []
  const options: RunOptions[] = []
  const run: CommandRunner = async (command, args, given = {}) => {
    calls.push(`${command} ${args.join(' ')}`)
    options.push(given)
    const result = await answer(args, given)
    return { exitCode: 0, stdout: '', stderr: '', ...result }
  }
  return { run, calls, options }
}

describe('isolatedRunArgs', () => {
  test('no network, read-only root, no capabilities, no mounts, no pull, no logs, the image’s user', () => {
    expect(
      isolatedRunArgs({
        image: 'sha256:abc',
        entrypoint: 'python3',
        args: ['-B', '-c', 'print(1)'],
        name: 'nb-image-probe-1',
        maxOutputChars: 10
      })
    ).toStrictEqual([
      'run',
      '--interactive',
      '--rm',
      '--name',
      'nb-image-probe-1',
      '--label',
      'nb-image-action.probe=1',
      '--pull',
      'never',
      '--network',
      'none',
      '--read-only',
      '--tmpfs',
      '/tmp:rw,noexec,nosuid,nodev,size=16m',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--pids-limit',
      '64',
      '--memory',
      '512m',
      '--memory-swap',
      '512m',
      '--log-driver',
      'none',
      '--entrypoint',
      'python3',
      'sha256:abc',
      '-B',
      '-c',
      'print(1)'
    ])
  })

  test('nothing that mounts, passes the environment, adds privileges or picks a user', () => {
    const args = isolatedRunArgs({
      image: 'x',
      entrypoint: 'python3',
      args: [],
      name: 'n',
      maxOutputChars: 1
    })
    for (const flag of [
      '-v',
      '--volume',
      '--mount',
      '-e',
      '--env',
      '--env-file',
      '--privileged',
      '--user',
      '-u',
      '--cap-add',
      '--network=host'
    ])
      expect(args).not.toContain(flag)
  })
})

describe('runIsolated', () => {
  test('writes the input on stdin with the time limit and the output cap', async () => {
    const { run, calls, options } = runner(() => ({ stdout: '{}\n' }))
    const result = await runIsolated(
      run,
      'docker',
      { DOCKER_HOST: 'unix:///x' },
      {
        image: 'img',
        entrypoint: 'python3',
        args: ['-c', 'x'],
        input: 'probe source',
        name: 'nb-image-probe-2',
        timeoutMs: 1234,
        maxOutputChars: 99
      }
    )
    expect(result).toStrictEqual({
      exitCode: 0,
      stdout: '{}\n',
      stderr: '',
      timedOut: false,
      truncated: false
    })
    expect(calls).toHaveLength(1)
    expect(options[0]).toMatchObject({
      input: 'probe source',
      timeoutMs: 1234,
      maxOutputChars: 99,
      env: { DOCKER_HOST: 'unix:///x' }
    })
  })

  test('on timeout the container is removed by its name, and the result says so', async () => {
    const { run, calls } = runner(async (args, options) => {
      if (args[0] !== 'run') return {}
      await options.onTimeout?.()
      return { exitCode: 137, timedOut: true }
    })
    const result = await runIsolated(
      run,
      'docker',
      {},
      {
        image: 'img',
        entrypoint: 'python3',
        args: [],
        input: '',
        name: 'nb-image-probe-3',
        timeoutMs: 1,
        maxOutputChars: 1
      }
    )
    expect(result.timedOut).toBe(true)
    expect(calls.at(-1)).toBe('docker rm --force nb-image-probe-3')
  })
})

/** A tar archive of one file, as `docker cp … -` writes it. */
function tarOf(name: string, content: string): Uint8Array {
  const body = new TextEncoder().encode(content)
  const header = new Uint8Array(512)
  const put = (text: string, offset: number): void =>
    header.set(new TextEncoder().encode(text), offset)
  put(name, 0)
  put('0000644\0', 100)
  put('0000000\0', 108)
  put('0000000\0', 116)
  put(`${body.length.toString(8).padStart(11, '0')}\0`, 124)
  put('00000000000\0', 136)
  put('        ', 148)
  put('0', 156)
  put('ustar\0', 257)
  put('00', 263)
  const sum = header.reduce((total, byte) => total + byte, 0)
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
  const padded = new Uint8Array(Math.ceil(body.length / 512) * 512)
  padded.set(body)
  const out = new Uint8Array(512 + padded.length + 1024)
  out.set(header)
  out.set(padded, 512)
  return out
}

describe('copyFromImage', () => {
  const request = {
    image: 'sha256:abc',
    name: 'nb-image-probe-4',
    paths: ['/var/lib/dpkg/status', '/var/lib/dpkg/status.d'],
    maxBytes: 1000,
    timeoutMs: 5000
  }

  test('create (nothing started), cp each path, rm; a missing path is null', async () => {
    const { run, calls } = runner((args, options) => {
      if (args[0] === 'cp' && args[1]?.endsWith(':/var/lib/dpkg/status')) {
        options.stdoutTo?.write(tarOf('status', 'Package: bash\n'))
        return {}
      }
      if (args[0] === 'cp')
        return {
          exitCode: 1,
          stderr:
            'Error response from daemon: Could not find the file /var/lib/dpkg/status.d in container nb-image-probe-4\n'
        }
      return {}
    })
    const found = await copyFromImage(run, 'docker', {}, request)
    expect(calls).toStrictEqual([
      'docker create --name nb-image-probe-4 --label nb-image-action.probe=1 --pull never --network none --entrypoint /nonexistent sha256:abc',
      'docker cp nb-image-probe-4:/var/lib/dpkg/status -',
      'docker cp nb-image-probe-4:/var/lib/dpkg/status.d -',
      'docker rm --force nb-image-probe-4'
    ])
    expect([...found.keys()]).toStrictEqual(request.paths)
    expect(new TextDecoder().decode(found.get('/var/lib/dpkg/status')?.[0]?.content)).toBe(
      'Package: bash\n'
    )
    expect(found.get('/var/lib/dpkg/status.d')).toBeNull()
  })

  test('files larger than maxBytes are left out', async () => {
    const { run } = runner((args, options) => {
      if (args[0] === 'cp') options.stdoutTo?.write(tarOf('status', 'x'.repeat(2000)))
      return {}
    })
    const found = await copyFromImage(run, 'docker', {}, { ...request, paths: ['/a'] })
    expect(found.get('/a')).toStrictEqual([])
  })

  test('an engine that refuses: the error names the command; the container is still removed', async () => {
    const { run, calls } = runner((args) =>
      args[0] === 'cp'
        ? { exitCode: 1, stderr: 'Error response from daemon: permission denied\n' }
        : {}
    )
    await expect(copyFromImage(run, 'docker', {}, request)).rejects.toThrow(
      'docker cp /var/lib/dpkg/status failed: Error response from daemon: permission denied'
    )
    expect(calls.at(-1)).toBe('docker rm --force nb-image-probe-4')
  })

  test('an image that cannot be created: nothing to remove', async () => {
    const { run, calls } = runner(() => ({ exitCode: 1, stderr: 'No such image: sha256:abc\n' }))
    await expect(copyFromImage(run, 'docker', {}, request)).rejects.toThrow(
      'docker create sha256:abc failed: No such image: sha256:abc'
    )
    expect(calls).toHaveLength(1)
  })
})
