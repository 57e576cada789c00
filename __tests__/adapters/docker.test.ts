import { DockerCli } from '../../src/adapters/docker.js'
import type { CommandRunner, RunOptions, RunResult } from '../../src/adapters/process.js'
import { EngineError } from '../../src/utils/errors.js'

/** A command runner that answers from a table keyed by the argument vector. */
function runner(answers: Record<string, Partial<RunResult> & { chunks?: string[] }>): {
  run: CommandRunner
  calls: string[]
} {
  const calls: string[] = []
  const run: CommandRunner = async (command, args, options: RunOptions = {}) => {
    const key = args.join(' ')
    calls.push(`${command} ${key}`)
    const answer = answers[key] ?? { exitCode: 1, stderr: `unexpected: ${key}\n` }
    for (const chunk of answer.chunks ?? []) options.onStderr?.(chunk)
    return {
      exitCode: answer.exitCode ?? 0,
      stdout: answer.stdout ?? '',
      stderr: answer.stderr ?? ''
    }
  }
  return { run, calls }
}

const VERSION = 'version --format {{json .Server}}'
const BUILDX = 'buildx version'
const INFO = 'info --format {{json .DriverStatus}}'
const healthy = {
  [VERSION]: { stdout: '{"Version":"26.1.5+dfsg1"}\n' },
  [BUILDX]: { stdout: 'github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3\n' },
  [INFO]: { stdout: '[["driver-type","io.containerd.snapshotter.v1"]]\n' }
}

describe('DockerCli.engineInfo', () => {
  test('asks the three questions at once and reads the answers', async () => {
    const { run, calls } = runner(healthy)
    await expect(new DockerCli(run).engineInfo()).resolves.toStrictEqual({
      serverVersion: '26.1.5+dfsg1',
      buildxVersion: '0.13.1+ds1',
      imageStore: 'containerd'
    })
    expect(calls.sort()).toStrictEqual([`docker ${BUILDX}`, `docker ${INFO}`, `docker ${VERSION}`])
  })

  test('the classic store', async () => {
    const { run } = runner({ ...healthy, [INFO]: { stdout: '[["Backing Filesystem","extfs"]]\n' } })
    expect((await new DockerCli(run).engineInfo()).imageStore).toBe('graphdriver')
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

  test('inspect and history together make the details', async () => {
    const { run } = runner({
      [INSPECT]: {
        stdout: JSON.stringify({ Id: 'sha256:abc', Size: 42, RootFS: { Layers: ['sha256:l1'] } })
      },
      [HISTORY]: {
        stdout: `${JSON.stringify({ Size: '0', CreatedBy: 'ENV A=1' })}\n${JSON.stringify({ Size: '100', CreatedBy: '' })}\n`
      }
    })
    await expect(new DockerCli(run).inspectImage('acme/nb:tier1')).resolves.toStrictEqual({
      id: 'sha256:abc',
      inspectSizeBytes: 42,
      diffIds: ['sha256:l1'],
      history: [
        { sizeBytes: 100, createdBy: '' },
        { sizeBytes: 0, createdBy: 'ENV A=1' }
      ]
    })
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
      'a lost snapshot: says what to do',
      {
        [INSPECT]: { stdout: JSON.stringify({ Id: 'sha256:abc', Size: 1 }) },
        [HISTORY]: {
          exitCode: 1,
          stderr:
            'Error response from daemon: snapshot sha256:2745e04bf51f does not exist: not found\n'
        }
      },
      'docker history acme/nb:tier1 failed: Error response from daemon: snapshot sha256:2745e04bf51f does not exist: not found (the engine lost the unpacked layers of this image, a containerd image store problem like moby/moby#50851: remove the image and build again)'
    ],
    [
      'history failing',
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
