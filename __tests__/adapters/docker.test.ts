import { DockerCli } from '../../src/adapters/docker.js'
import type { CommandRunner, RunOptions, RunResult } from '../../src/adapters/process.js'
import { EngineError } from '../../src/utils/errors.js'

/** A command runner that answers from a table keyed by the argument vector. */
function runner(answers: Record<string, Partial<RunResult> & { chunks?: string[] }>): {
  run: CommandRunner
  calls: string[]
  options: RunOptions[]
} {
  const calls: string[] = []
  const seen: RunOptions[] = []
  const run: CommandRunner = async (command, args, options: RunOptions = {}) => {
    const key = args.join(' ')
    calls.push(`${command} ${key}`)
    seen.push(options)
    const answer = answers[key] ?? { exitCode: 1, stderr: `unexpected: ${key}\n` }
    for (const chunk of answer.chunks ?? []) options.onStderr?.(chunk)
    const result: RunResult = {
      exitCode: answer.exitCode ?? 0,
      stdout: answer.stdout ?? '',
      stderr: answer.stderr ?? ''
    }
    if (answer.timedOut) result.timedOut = true
    return result
  }
  return { run, calls, options: seen }
}

const VERSION = 'version --format {{json .Server}}'
const BUILDX = 'buildx version'
const INFO =
  'info --format {"driverStatus":{{json .DriverStatus}},"dockerRootDir":{{json .DockerRootDir}},"name":{{json .Name}}}'
const info = (driverStatus: [string, string][]): string =>
  `${JSON.stringify({ driverStatus, dockerRootDir: '/var/lib/docker', name: 'runner-1' })}\n`
const healthy = {
  [VERSION]: { stdout: '{"Version":"26.1.5+dfsg1"}\n' },
  [BUILDX]: { stdout: 'github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3\n' },
  [INFO]: { stdout: info([['driver-type', 'io.containerd.snapshotter.v1']]) }
}

describe('DockerCli.engineInfo', () => {
  test('asks the three questions at once and reads the answers', async () => {
    const { run, calls } = runner(healthy)
    await expect(new DockerCli(run).engineInfo()).resolves.toStrictEqual({
      serverVersion: '26.1.5+dfsg1',
      buildxVersion: '0.13.1+ds1',
      imageStore: 'containerd',
      dataRoot: '/var/lib/docker',
      engineHost: 'runner-1'
    })
    expect(calls.sort()).toStrictEqual([`docker ${BUILDX}`, `docker ${INFO}`, `docker ${VERSION}`])
  })

  test('the classic store', async () => {
    const { run } = runner({
      ...healthy,
      [INFO]: { stdout: info([['Backing Filesystem', 'extfs']]) }
    })
    expect((await new DockerCli(run).engineInfo()).imageStore).toBe('graphdriver')
  })

  test('an engine whose info cannot be read: the versions still count', async () => {
    const { run } = runner({ ...healthy, [INFO]: { exitCode: 1, stdout: '' } })
    await expect(new DockerCli(run).engineInfo()).resolves.toStrictEqual({
      serverVersion: '26.1.5+dfsg1',
      buildxVersion: '0.13.1+ds1',
      imageStore: 'graphdriver'
    })
  })

  test.each<[string, Record<string, Partial<RunResult>>, Record<string, string>, string]>([
    [
      'no docker CLI',
      { [VERSION]: { exitCode: 127, stderr: 'spawn docker ENOENT' } },
      {},
      'The docker CLI was not found on PATH. Install Docker on the runner before this step.'
    ],
    [
      'no engine, DOCKER_HOST set',
      {
        [VERSION]: {
          exitCode: 1,
          stdout: '',
          stderr:
            'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?\n'
        }
      },
      { DOCKER_HOST: 'unix:///x.sock' },
      'The Docker engine at unix:///x.sock does not answer: Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?. Start the engine or set DOCKER_HOST.'
    ],
    [
      'a server that prints null',
      { [VERSION]: { stdout: 'null\n' } },
      {},
      'The Docker engine at the default socket (unix:///var/run/docker.sock) does not answer: no server version. Start the engine or set DOCKER_HOST.'
    ],
    [
      'no buildx',
      {
        [BUILDX]: {
          exitCode: 1,
          stderr: "docker: 'buildx' is not a docker command.\nSee 'docker --help'\n"
        }
      },
      {},
      "docker buildx is not available (See 'docker --help'). Add docker/setup-buildx-action (https://github.com/docker/setup-buildx-action) before this step, or install the docker-buildx plugin."
    ]
  ])('%s: an EngineError that says what to do', async (_name, answers, env, message) => {
    const { run } = runner({ ...healthy, ...answers })
    await expect(new DockerCli(run, 'docker', env).engineInfo()).rejects.toThrow(
      new EngineError(message)
    )
  })
})

describe('DockerCli.build', () => {
  test('streams the progress on stderr into lines, split mid-object', async () => {
    const object = JSON.stringify({
      vertexes: [{ digest: 'sha256:1', name: '[a 1/1] RUN x', completed: '2026-01-01T00:00:00Z' }]
    })
    const args = ['buildx', 'bake', '--file', '/t/bake-1.json', '--progress=rawjson', 'a']
    const { run } = runner({
      [args.join(' ')]: {
        exitCode: 0,
        chunks: [object.slice(0, 10), `${object.slice(10)}\n`, 'plain text\n']
      }
    })
    const lines: string[] = []
    const result = await new DockerCli(run).build(args, (line) => lines.push(line))
    expect(result.exitCode).toBe(0)
    expect(lines).toStrictEqual(['#1 [a 1/1] RUN x', '#1 DONE 0.0s', 'plain text'])
    expect(result.progress.steps().map((step) => step.name)).toStrictEqual(['[a 1/1] RUN x'])
  })
})

describe('DockerCli.inspectImage', () => {
  const INSPECT = 'image inspect --format {{json .}} acme/nb:tier1'
  const HISTORY = 'history --no-trunc --human=false --format {{json .}} acme/nb:tier1'
  const BY_ID = 'history --no-trunc --human=false --format {{json .}} sha256:abc'
  const ROWS = `${JSON.stringify({ ID: 'sha256:abc', Size: '0', CreatedBy: 'ENV A=1' })}\n${JSON.stringify({ ID: '<missing>', Size: '100', CreatedBy: '' })}\n`
  const LOST = 'Error response from daemon: snapshot sha256:2745e04bf51f does not exist: not found'
  const image = { Id: 'sha256:abc', Size: 42, RootFS: { Layers: ['sha256:l1'] } }
  const details = {
    id: 'sha256:abc',
    inspectSizeBytes: 42,
    diffIds: ['sha256:l1'],
    history: [
      { sizeBytes: 100, createdBy: '' },
      { sizeBytes: 0, createdBy: 'ENV A=1' }
    ]
  }

  test('inspect and history together make the details', async () => {
    const { run, calls } = runner({
      [INSPECT]: { stdout: JSON.stringify(image) },
      [HISTORY]: { stdout: ROWS }
    })
    await expect(new DockerCli(run).inspectImage('acme/nb:tier1')).resolves.toStrictEqual(details)
    expect(calls).toStrictEqual([`docker ${INSPECT}`, `docker ${HISTORY}`])
  })

  test('history of another image (the tag moved in between): asked again by ID', async () => {
    const other = ROWS.replace('"sha256:abc"', '"sha256:def"')
    const { run, calls } = runner({
      [INSPECT]: { stdout: JSON.stringify(image) },
      [HISTORY]: { stdout: other },
      [BY_ID]: { stdout: ROWS }
    })
    await expect(new DockerCli(run).inspectImage('acme/nb:tier1')).resolves.toStrictEqual(details)
    expect(calls.at(-1)).toBe(`docker ${BY_ID}`)
  })

  test('a lost snapshot: the image is unpacked again by a container created and removed, then measured', async () => {
    const answers: Record<string, Partial<RunResult>> = {
      [INSPECT]: {
        stdout: JSON.stringify({ ...image, Os: 'linux', Architecture: 'arm64', Variant: 'v8' })
      },
      [HISTORY]: { exitCode: 1, stderr: `${LOST}\n` },
      [BY_ID]: { stdout: ROWS }
    }
    const calls: string[] = []
    const run: CommandRunner = async (command, args, options) => {
      const key = args.join(' ')
      calls.push(key.replace(/nb-image-unpack-[0-9a-f]{12}/, 'nb-image-unpack-<id>'))
      if (args[0] === 'create' || args[0] === 'rm') return { exitCode: 0, stdout: '', stderr: '' }
      return runner(answers).run(command, args, options)
    }
    await expect(new DockerCli(run).inspectImage('acme/nb:tier1')).resolves.toStrictEqual({
      ...details,
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      repaired: LOST
    })
    expect(calls).toStrictEqual([
      INSPECT,
      HISTORY,
      'create --name nb-image-unpack-<id> --network none --platform linux/arm64/v8 sha256:abc /nb-image-unpack',
      'rm --force nb-image-unpack-<id>',
      BY_ID
    ])
  })

  test.each<[string, Record<string, Partial<RunResult>>, string]>([
    [
      'no such image: the inspect error',
      {
        [INSPECT]: { exitCode: 1, stderr: 'Error: No such image: acme/nb:tier1\n' },
        [HISTORY]: { exitCode: 1, stderr: 'Error response from daemon: No such image\n' }
      },
      'docker image inspect acme/nb:tier1 failed: Error: No such image: acme/nb:tier1'
    ],
    [
      'a lost snapshot that unpacking cannot restore',
      {
        [INSPECT]: { stdout: JSON.stringify(image) },
        [HISTORY]: { exitCode: 1, stderr: `${LOST}\n` },
        [BY_ID]: { exitCode: 1, stderr: `${LOST}\n` }
      },
      `docker history acme/nb:tier1 failed: ${LOST}; unpacking the image again to restore it failed: unexpected: create --name nb-image-unpack-`
    ],
    [
      'history failing otherwise: no repair',
      {
        [INSPECT]: { stdout: JSON.stringify({ Id: 'sha256:abc', Size: 1 }) },
        [HISTORY]: { exitCode: 1, stderr: 'boom\n' }
      },
      'docker history acme/nb:tier1 failed: boom'
    ]
  ])('%s', async (_name, answers, message) => {
    const { run } = runner(answers)
    await expect(new DockerCli(run).inspectImage('acme/nb:tier1')).rejects.toThrow(message)
  })
})

describe('DockerCli.listTargets', () => {
  const question = { dockerfile: '/w/Dockerfile', context: '/w' }
  const PRINT =
    'buildx build --print=targets,format=json --output=type=cacheonly --progress=quiet --file /w/Dockerfile /w'
  const CALL =
    'buildx build --call=targets,format=json --output=type=cacheonly --progress=quiet --builder ci --file /w/Dockerfile /w'
  const answer = JSON.stringify({
    targets: [
      { name: 'base', location: { ranges: [{ start: { line: 1 } }] } },
      { name: 'tier1', default: true, location: { ranges: [{ start: { line: 4 } }] } }
    ]
  })

  test('buildx 0.13: --print with BUILDX_EXPERIMENTAL, a 60 s timeout, the stages read', async () => {
    const { run, calls, options } = runner({ [PRINT]: { stdout: answer } })
    const answers = await new DockerCli(run, 'docker', { PATH: '/bin' }).listTargets(
      [question, question],
      { buildxVersion: '0.13.1+ds1' }
    )
    expect([...answers]).toStrictEqual([
      [
        '/w/Dockerfile',
        {
          stages: [
            { name: 'base', line: 1 },
            { name: 'tier1', line: 4 }
          ]
        }
      ]
    ])
    expect(calls).toStrictEqual([`docker ${PRINT}`])
    expect(options[0]).toMatchObject({
      env: { PATH: '/bin', BUILDX_EXPERIMENTAL: '1' },
      timeoutMs: 60_000
    })
  })

  test("buildx 0.15 and later: --call, with the run's builder", async () => {
    const { run, calls } = runner({ [CALL]: { stdout: answer } })
    await new DockerCli(run).listTargets([question], { buildxVersion: 'v0.17.1', builder: 'ci' })
    expect(calls).toStrictEqual([`docker ${CALL}`])
  })

  test.each<[string, Partial<RunResult>, unknown]>([
    [
      'a syntax error, with its line',
      {
        exitCode: 1,
        stderr:
          'ERROR: dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)\n'
      },
      { error: 'unknown instruction: FOO (did you mean FROM?)', line: 2 }
    ],
    [
      'killed after the timeout',
      { exitCode: 128, timedOut: true },
      { unavailable: 'no answer within 60 s' }
    ],
    [
      'an answer that is not JSON',
      { stdout: 'TARGET DESCRIPTION\n' },
      { unavailable: expect.stringContaining('unreadable answer') }
    ]
  ])('%s', async (_name, result, expected) => {
    const { run } = runner({ [PRINT]: result })
    const answers = await new DockerCli(run).listTargets([question], { buildxVersion: '0.13.1' })
    expect(answers.get('/w/Dockerfile')).toEqual(expected)
  })

  test('buildx older than 0.11: nothing asked, every file unavailable', async () => {
    const { run, calls } = runner({})
    const answers = await new DockerCli(run).listTargets([question], { buildxVersion: '0.10.4' })
    expect(answers.get('/w/Dockerfile')).toStrictEqual({
      unavailable: 'buildx 0.10.4 cannot list targets (0.11 or later can)'
    })
    expect(calls).toStrictEqual([])
  })
})

describe('DockerCli: what the disk check and the registry client ask', () => {
  test('localImages: the tags and layers of the images found, missing ones left out', async () => {
    const { run } = runner({
      'image inspect --format {"tags":{{json .RepoTags}},"layers":{{json .RootFS.Layers}}} a:1 b:1':
        {
          exitCode: 1,
          stdout: '{"tags":["a:1","a:latest"],"layers":["sha256:1","sha256:2"]}\n',
          stderr: 'Error: No such image: b:1\n'
        }
    })
    await expect(new DockerCli(run).localImages(['a:1', 'b:1'])).resolves.toStrictEqual([
      { tags: ['a:1', 'a:latest'], layers: ['sha256:1', 'sha256:2'] }
    ])
  })

  test('diskUsage reads docker system df', async () => {
    const { run } = runner({
      'system df --format {{json .}}': {
        stdout:
          '{"Active":"2","Reclaimable":"442.8MB (61%)","Size":"715MB","TotalCount":"4","Type":"Images"}\n{"Active":"0","Reclaimable":"1.2GB","Size":"1.2GB","TotalCount":"30","Type":"Build Cache"}\n'
      }
    })
    await expect(new DockerCli(run).diskUsage()).resolves.toStrictEqual([
      { type: 'Images', size: '715MB', reclaimable: '442.8MB (61%)' },
      { type: 'Build Cache', size: '1.2GB', reclaimable: '1.2GB' }
    ])
  })

  test('builderDriver reads buildx inspect', async () => {
    const { run } = runner({
      'buildx inspect ci': { stdout: 'Name:          ci\nDriver:        docker-container\n' }
    })
    await expect(new DockerCli(run).builderDriver('ci')).resolves.toBe('docker-container')
    await expect(new DockerCli(run).builderDriver('gone')).resolves.toBeUndefined()
  })

  test('registryConfig reads docker info', async () => {
    const config = {
      IndexConfigs: { 'docker.io': { Secure: true } },
      InsecureRegistryCIDRs: ['127.0.0.0/8']
    }
    const { run } = runner({
      'info --format {{json .RegistryConfig}}': { stdout: `${JSON.stringify(config)}\n` }
    })
    await expect(new DockerCli(run).registryConfig()).resolves.toStrictEqual(config)
  })
})
