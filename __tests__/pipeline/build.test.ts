import { readFileSync } from 'node:fs'
import type { ImageDetails } from '../../src/adapters/docker.js'
import {
  EngineError,
  InputError,
  ManifestError,
  formatIssue,
  type ManifestIssue
} from '../../src/utils/errors.js'
import type { BakeTarget } from '../../src/build/bake.js'
import { runBuild } from '../../src/pipeline/build.js'
import { runMerge } from '../../src/pipeline/merge.js'
import type { RunOptions } from '../../src/pipeline/options.js'
import { runPlan } from '../../src/pipeline/plan.js'
import { BuildProgress } from '../../src/build/progress.js'
import type { Report } from '../../src/report/types.js'
import { TOOL_VERSION } from '../../src/version.js'
import { FakeDocker, FakeFs, RecordingLogger, fakeGlob, type FakeBuild } from '../helpers/fakes.js'

const MANIFEST = '/repo/ci/notebook-tiers.yaml'
const FILE = 'ci/notebook-tiers.yaml'
const REPORT = '/runner/temp/report.json'
const T0 = Date.parse('2026-01-02T03:04:05.000Z')

const options = (fields: Partial<RunOptions> = {}): RunOptions => ({
  manifestPath: MANIFEST,
  workspace: '/repo',
  cacheFrom: [],
  cacheTo: [],
  noCache: false,
  reportFile: REPORT,
  tempDir: '/runner/temp',
  source: { repositoryUrl: 'https://github.com/acme/nb', revision: 'abc123' },
  ...fields
})

/** A clock that moves one second each time it is read, starting at T0. */
function clock(): () => number {
  let now = T0 - 1000
  return () => (now += 1000)
}

const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`

/** Three multi-stage tiers from a generated Dockerfile: the runs of the failure and session tests. */
const MULTI_STAGE_TIERS = yaml(
  'version: 1',
  'image: acme/nb',
  'strategy: multi-stage',
  'baseImage: nb-image-fixture/busybox:1',
  'tiers:',
  '  tier1: {apt: [python3-numpy]}',
  '  tier2: {apt: [python3-pandas]}',
  '  tier3: {apt: [curl]}'
)
const issue = (line: number, column: number, field: string, message: string): ManifestIssue => ({
  file: FILE,
  line,
  column,
  field,
  message
})

/** Runs the pipeline; returns what it threw (or fails the test if it did not throw). */
async function failure(
  fs: FakeFs,
  docker: FakeDocker,
  opts: RunOptions = options()
): Promise<unknown> {
  try {
    await runBuild(opts, { fs, docker, logger: new RecordingLogger(), now: clock() })
  } catch (error) {
    return error
  }
  throw new Error('runBuild succeeded')
}

async function manifestIssues(fs: FakeFs, docker: FakeDocker): Promise<ManifestIssue[]> {
  const error = await failure(fs, docker)
  expect(error).toBeInstanceOf(ManifestError)
  return (error as ManifestError).issues
}

const writtenReport = (fs: FakeFs): Report => JSON.parse(fs.text(REPORT) ?? 'null') as Report

/** A run stopped by bad input still leaves a true report: nothing passed, nothing built, and why. */
function expectStoppedReport(fs: FakeFs, issues: ManifestIssue[]): void {
  expect(fs.writes.at(-1)).toBe(REPORT)
  const report = writtenReport(fs)
  expect(report.passed).toBe(false)
  expect(
    report.images.every((image) => image.status === 'failed' && image.sizeBytes === null)
  ).toBe(true)
  expect(report.error).toBe(issues.map(formatIssue).join('\n'))
}

describe('runBuild: targets are checked before any build', () => {
  test.each<[string, string, string, ManifestIssue[]]>([
    [
      'tier targets missing from the Dockerfile',
      yaml(
        'version: 1',
        'image: acme/nb',
        'strategy: multi-stage',
        'dockerfile: Dockerfile',
        'tiers:',
        '  tier1:',
        '    description: Setup',
        '  tier2:',
        '    target: training',
        '  tier3: {description: Serving}'
      ),
      'FROM busybox AS base\nFROM base AS tier1\n',
      [
        issue(
          9,
          13,
          'tiers.tier2.target',
          'target "training" is not a stage of ci/Dockerfile: its stages are base, tier1'
        ),
        issue(
          10,
          3,
          'tiers.tier3',
          'target "tier3" is not a stage of ci/Dockerfile: its stages are base, tier1'
        )
      ]
    ],
    [
      'the shared target missing from the Dockerfile',
      yaml(
        'version: 1',
        'image: acme/nb',
        'dockerfile: Dockerfile',
        'target: everything',
        'tiers:',
        '  tier1: {description: Setup}'
      ),
      'FROM busybox AS base\nFROM base AS tier1\n',
      [
        issue(
          4,
          9,
          'target',
          'target "everything" is not a stage of ci/Dockerfile: its stages are base, tier1'
        )
      ]
    ],
    [
      'a Dockerfile without named stages',
      yaml(
        'version: 1',
        'image: acme/nb',
        'strategy: multi-stage',
        'dockerfile: Dockerfile',
        'tiers:',
        '  tier1: {description: Setup}'
      ),
      'FROM busybox\nRUN true\n',
      [
        issue(
          6,
          3,
          'tiers.tier1',
          'target "tier1" is not a stage of ci/Dockerfile: it has no named stages (FROM … AS name)'
        )
      ]
    ]
  ])('%s', async (_name, manifest, dockerfile, issues) => {
    const fs = new FakeFs({ [MANIFEST]: manifest, '/repo/ci/Dockerfile': dockerfile })
    const docker = new FakeDocker({}, fs)
    expect(await manifestIssues(fs, docker)).toStrictEqual(issues)
    // Not a single call to the engine, let alone a build; a report saying why, with no images built.
    expect(docker.calls).toStrictEqual([])
    expectStoppedReport(fs, issues)
  })

  test('a target matches whatever the case of the stage name', async () => {
    const fs = new FakeFs({
      [MANIFEST]: yaml(
        'version: 1',
        'image: acme/nb',
        'strategy: multi-stage',
        'dockerfile: Dockerfile',
        'tiers: {tier1: {description: x}}'
      ),
      '/repo/ci/Dockerfile': 'from busybox as TIER1\n'
    })
    const docker = new FakeDocker({}, fs)
    await runBuild(options(), { fs, docker, logger: new RecordingLogger(), now: clock() })
    // The engine's versions are asked for once bake has started.
    expect(docker.buildCalls).toStrictEqual([
      'bake acme/nb:tier1',
      'inspect acme/nb:tier1',
      'engineInfo'
    ])
  })
})

describe('runBuild: paths must stay inside the repository', () => {
  const manifest = (context: string, dockerfile: string, tierDockerfile?: string): string =>
    yaml(
      'version: 1',
      'image: acme/nb',
      `context: ${context}`,
      `dockerfile: ${dockerfile}`,
      'tiers:',
      tierDockerfile === undefined
        ? '  tier1: {description: x}'
        : `  tier1: {dockerfile: ${tierDockerfile}}`
    )

  test.each<[string, string, (fs: FakeFs) => void, ManifestIssue[]]>([
    [
      'a dockerfile climbing out with ../',
      manifest('.', '../../etc/passwd'),
      () => {},
      [
        issue(
          4,
          13,
          'dockerfile',
          '"../../etc/passwd" points outside the repository (to ../etc/passwd from its root); give a path inside it'
        )
      ]
    ],
    [
      'a context climbing out with ../',
      manifest('../../etc', 'passwd'),
      () => {},
      [
        issue(
          3,
          10,
          'context',
          '"../../etc" points outside the repository (to ../etc from its root); give a path inside it'
        )
        // The dockerfile, relative to that context, is not judged on its own.
      ]
    ],
    [
      'an absolute dockerfile',
      manifest('.', '/etc/passwd'),
      () => {},
      [
        issue(
          4,
          13,
          'dockerfile',
          '"/etc/passwd" is an absolute path; give a path inside the repository, relative to the context'
        )
      ]
    ],
    [
      'an absolute context',
      manifest('/repo/ci', 'Dockerfile'),
      () => {},
      [
        issue(
          3,
          10,
          'context',
          '"/repo/ci" is an absolute path; give a path inside the repository, relative to the manifest\'s folder'
        )
      ]
    ],
    [
      "a tier's dockerfile climbing out",
      manifest('.', 'Dockerfile', '../../../etc/shadow'),
      () => {},
      [
        issue(
          6,
          23,
          'tiers.tier1.dockerfile',
          '"../../../etc/shadow" points outside the repository (to ../etc/shadow from its root); give a path inside it'
        )
      ]
    ],
    [
      'a Dockerfile that is a symlink to a file outside',
      manifest('.', 'Dockerfile'),
      (fs) => fs.addLink('/repo/ci/Dockerfile', '/etc/passwd'),
      [
        issue(
          4,
          13,
          'dockerfile',
          '"Dockerfile" resolves through a symlink to /etc/passwd, outside the repository; give a path inside it'
        )
      ]
    ],
    [
      'a folder on the way that is a relative symlink to outside',
      manifest('.', 'docker/passwd'),
      (fs) => fs.addLink('/repo/ci/docker', '../../etc'),
      [
        issue(
          4,
          13,
          'dockerfile',
          '"docker/passwd" resolves through a symlink to /etc/passwd, outside the repository; give a path inside it'
        )
      ]
    ],
    [
      'a context that is a symlink to outside',
      manifest('app', 'Dockerfile'),
      (fs) => {
        fs.addLink('/repo/ci/app', '/srv/app')
        fs.addFile('/srv/app/Dockerfile', 'FROM x AS tier1\n')
      },
      [
        issue(
          3,
          10,
          'context',
          '"app" resolves through a symlink to /srv/app, outside the repository; give a path inside it'
        )
      ]
    ],
    [
      'a missing Dockerfile',
      manifest('.', 'Dockerfile.nope'),
      () => {},
      [
        issue(
          4,
          13,
          'dockerfile',
          'Dockerfile "Dockerfile.nope" not found (looked for ci/Dockerfile.nope)'
        )
      ]
    ],
    [
      'a missing context',
      manifest('app', 'Dockerfile'),
      () => {},
      [issue(3, 10, 'context', 'build context "app" not found (looked for ci/app)')]
    ],
    [
      'a Dockerfile that is a folder',
      manifest('.', 'docker'),
      (fs) => fs.addDir('/repo/ci/docker'),
      [issue(4, 13, 'dockerfile', 'Dockerfile "docker" is not a file')]
    ]
  ])('%s', async (_name, text, setup, issues) => {
    const fs = new FakeFs({
      [MANIFEST]: text,
      '/repo/ci/Dockerfile': 'FROM busybox AS tier1\n',
      '/etc/passwd': 'root:x:0:0::/root:/bin/sh\n',
      '/etc/shadow': 'root:*:1::::::\n'
    })
    setup(fs)
    const docker = new FakeDocker({}, fs)
    expect(await manifestIssues(fs, docker)).toStrictEqual(issues)
    expect(docker.calls).toStrictEqual([])
    expectStoppedReport(fs, issues)
  })

  test('symlinks that stay inside, and a workspace that is itself a symlink, are fine', async () => {
    const fs = new FakeFs({
      '/data/repo/ci/notebook-tiers.yaml': manifest('.', 'Dockerfile'),
      '/data/repo/docker/Dockerfile': 'FROM busybox AS shared\n'
    })
    fs.addLink('/repo', '/data/repo')
    fs.addLink('/data/repo/ci/Dockerfile', '../docker/Dockerfile')
    const docker = new FakeDocker({}, fs)
    const { report } = await runBuild(options(), {
      fs,
      docker,
      logger: new RecordingLogger(),
      now: clock()
    })
    expect(report.passed).toBe(true)
    expect(docker.buildCalls).toStrictEqual([
      'bake acme/nb:shared',
      'inspect acme/nb:shared',
      'engineInfo'
    ])
  })
})

describe('runBuild: failures around the builds', () => {
  test('an unreadable manifest is an input error', async () => {
    const error = await failure(new FakeFs(), new FakeDocker())
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe(
      "manifest: cannot read ci/notebook-tiers.yaml (ENOENT: no such file or directory, '/repo/ci/notebook-tiers.yaml'); point the manifest input (--manifest on the command line) at your tier manifest"
    )
  })

  test('an unreadable manifest under a working-directory names that folder', async () => {
    const error = await failure(
      new FakeFs(),
      new FakeDocker(),
      options({ manifestPath: '/repo/nope/notebook-tiers.yaml', workingDirectory: '/repo/nope' })
    )
    expect((error as InputError).message).toBe(
      "manifest: cannot read nope/notebook-tiers.yaml (ENOENT: no such file or directory, '/repo/nope/notebook-tiers.yaml'); point the manifest input (--manifest on the command line) at your tier manifest (the manifest is found from working-directory nope)"
    )
  })

  test('an engine that does not answer: EngineError, and a report that says so', async () => {
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    const docker = new FakeDocker({}, fs)
    const message =
      'The Docker engine at unix:///run/x.sock does not answer: Cannot connect to the Docker daemon. Start the engine or set DOCKER_HOST.'
    docker.engine = new EngineError(message)
    const error = await failure(fs, docker)
    expect(error).toBe(docker.engine)
    // The versions are asked for while the images build; the failed build waits for them.
    expect(docker.buildCalls).toStrictEqual([
      'bake acme/nb:tier1 acme/nb:tier2 acme/nb:tier3',
      'engineInfo'
    ])
    expect(fs.writes).toStrictEqual([
      '/repo/ci/.nb-image/Dockerfile',
      '/runner/temp/nb-image-1/bake-1.json',
      REPORT
    ])
    const report = writtenReport(fs)
    expect(report).toStrictEqual({
      schemaVersion: 1,
      tool: { name: 'nb-image-action', version: '0.1.0' },
      manifest: FILE,
      strategy: 'multi-stage',
      passed: false,
      startedAt: '2026-01-02T03:04:05.000Z',
      finishedAt: '2026-01-02T03:04:09.000Z',
      engine: { serverVersion: null, buildxVersion: null, imageStore: null },
      thresholdBasis: 'uncompressed',
      pushed: false,
      publish: { requested: false, event: '', ref: '', version: null },
      images: ['tier1', 'tier2', 'tier3'].map((name) => ({
        name,
        tiers: [name],
        target: name,
        dockerfile: '/repo/ci/.nb-image/Dockerfile',
        ref: `acme/nb:${name}`,
        tags: [],
        durationMs: 0,
        cachedSteps: 0,
        totalSteps: 0,
        thresholdBytes: 5_000_000_000,
        imageId: null,
        sizeBytes: null,
        inspectSizeBytes: null,
        compressedBytes: null,
        compressedSource: null,
        digest: null,
        platformDigest: null,
        status: 'failed',
        layers: [],
        error: `not built: ${message}`,
        logTail: []
      })),
      tiers: { tier1: 'acme/nb:tier1', tier2: 'acme/nb:tier2', tier3: 'acme/nb:tier3' },
      totals: { uniqueBytes: 0, sumBytes: 0, durationMs: 0 },
      error: message
    } satisfies Report)
  })

  test('an unexpected engine error is not dressed up as a report', async () => {
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    const docker = new FakeDocker({}, fs)
    docker.engine = new TypeError('bug')
    expect(await failure(fs, docker)).toBe(docker.engine)
    expect(fs.writes).toStrictEqual([
      '/repo/ci/.nb-image/Dockerfile',
      '/runner/temp/nb-image-1/bake-1.json'
    ])
  })

  test('one image failing: bake cancels the others, which are built again and measured', async () => {
    const details = (id: string, own: number): ImageDetails => ({
      id,
      inspectSizeBytes: 2_000_000 + own,
      diffIds: ['sha256:base', `sha256:${id}`],
      history: [
        { sizeBytes: 2_031_616, createdBy: '' },
        { sizeBytes: 0, createdBy: 'ENV A=1' },
        { sizeBytes: own, createdBy: `RUN ${id}` }
      ]
    })
    const error = 'process "/bin/sh -c make tier2" did not complete successfully: exit code: 3'
    const outcomes: Record<string, FakeBuild> = {
      'acme/nb:tier1': { kind: 'ok', details: details('t1', 1_000_000) },
      'acme/nb:tier2': { kind: 'fail', error },
      'acme/nb:tier3': { kind: 'ok', details: details('t3', 3_000_000) }
    }
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    const docker = new FakeDocker(outcomes, fs)
    const logger = new RecordingLogger()
    const { report, plan } = await runBuild(options(), { fs, docker, logger, now: clock() })

    expect(docker.buildCalls).toStrictEqual([
      'bake acme/nb:tier1 acme/nb:tier2 acme/nb:tier3',
      'engineInfo',
      // A failed session: is the engine still there? It is, so the run goes on.
      'engineInfo',
      'bake acme/nb:tier1 acme/nb:tier3',
      'inspect acme/nb:tier1',
      'inspect acme/nb:tier3'
    ])
    expect(docker.sessions.map((session) => session.args)).toStrictEqual([
      [
        'buildx',
        'bake',
        '--file',
        '/runner/temp/nb-image-1/bake-1.json',
        '--progress=rawjson',
        'tier1',
        'tier2',
        'tier3'
      ],
      [
        'buildx',
        'bake',
        '--file',
        '/runner/temp/nb-image-1/bake-2.json',
        '--progress=rawjson',
        'tier1',
        'tier3'
      ]
    ])
    const labels = {
      'org.opencontainers.image.source': 'https://github.com/acme/nb',
      'org.opencontainers.image.revision': 'abc123',
      'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z'
    }
    const target = (name: string): BakeTarget => ({
      context: '/repo/ci',
      dockerfile: '/repo/ci/.nb-image/Dockerfile',
      tags: [`acme/nb:${name}`],
      output: ['type=docker'],
      target: name,
      // tier3's apt packages: the generated Dockerfile's lists stage is keyed by the day.
      args: { NB_APT_LISTS_KEY: '2026-01-02', BASE_IMAGE: 'nb-image-fixture/busybox:1' },
      labels
    })
    expect(docker.sessions[0]?.definition).toStrictEqual({
      target: { tier1: target('tier1'), tier2: target('tier2'), tier3: target('tier3') }
    })
    expect(docker.sessions[1]?.definition).toStrictEqual({
      target: { tier1: target('tier1'), tier3: target('tier3') }
    })
    // The generated Dockerfile, the two bake files, then the report; the scratch folder is removed.
    expect(fs.writes).toStrictEqual([
      '/repo/ci/.nb-image/Dockerfile',
      '/runner/temp/nb-image-1/bake-1.json',
      '/runner/temp/nb-image-1/bake-2.json',
      REPORT
    ])
    expect(fs.text('/repo/ci/.nb-image/Dockerfile')).toBe(plan.generatedDockerfile?.content)
    expect(fs.removed).toStrictEqual(['/runner/temp/nb-image-1'])
    expect(writtenReport(fs)).toStrictEqual(report)
    expect(fs.text(REPORT)).toBe(`${JSON.stringify(report, null, 2)}\n`)

    expect(report.passed).toBe(false)
    expect(report).not.toHaveProperty('error')
    // Durations are the spans of each image's steps in the streams, summed over sessions:
    // tier1 2.9 s until cancelled, then 3.4 s; tier2 3.9 s to its error; tier3 4.9 s + 4.4 s.
    expect(
      report.images.map((image) => [
        image.name,
        image.status,
        image.sizeBytes,
        image.durationMs,
        image.cachedSteps,
        image.totalSteps
      ])
    ).toStrictEqual([
      ['tier1', 'ok', 3_031_616, 6300, 0, 2],
      ['tier2', 'failed', null, 3900, 0, 2],
      ['tier3', 'ok', 5_031_616, 9300, 0, 2]
    ])
    // tier2's log: its own steps and the shared base, not tier1's or tier3's.
    expect(report.images[1]).toStrictEqual({
      name: 'tier2',
      tiers: ['tier2'],
      target: 'tier2',
      dockerfile: '/repo/ci/.nb-image/Dockerfile',
      ref: 'acme/nb:tier2',
      tags: [],
      durationMs: 3900,
      cachedSteps: 0,
      totalSteps: 2,
      thresholdBytes: 5_000_000_000,
      imageId: null,
      sizeBytes: null,
      inspectSizeBytes: null,
      compressedBytes: null,
      compressedSource: null,
      digest: null,
      platformDigest: null,
      status: 'failed',
      layers: [],
      error,
      logTail: [
        '#2 [tier1 base 1/2] FROM docker.io/library/busybox:1',
        '#2 DONE 0.0s',
        '#3 [tier1 base 2/2] RUN make base',
        '#3 DONE 1.0s',
        '#6 [tier2 internal] load build definition from Dockerfile',
        '#6 DONE 0.1s',
        '#7 [tier2 tier2 1/1] RUN make tier2',
        `#7 ERROR: ${error}`,
        '#7 making tier2',
        `ERROR: failed to solve: ${error}`
      ]
    })
    expect(report.images[0]?.layers).toStrictEqual([
      { diffId: 'sha256:base', sizeBytes: 2_031_616, createdBy: '' },
      { diffId: 'sha256:t1', sizeBytes: 1_000_000, createdBy: 'RUN t1' }
    ])
    expect(report.totals).toStrictEqual({
      uniqueBytes: 2_031_616 + 1_000_000 + 3_000_000,
      sumBytes: 3_031_616 + 5_031_616,
      durationMs: 5000
    })
    expect([report.startedAt, report.finishedAt]).toStrictEqual([
      '2026-01-02T03:04:05.000Z',
      '2026-01-02T03:04:12.000Z'
    ])
    expect(report.engine).toStrictEqual({
      serverVersion: '26.1.5',
      buildxVersion: 'v0.13.1',
      imageStore: 'containerd'
    })
    // Stated in the build's log; the step's verdict (main.ts) is the one error annotation.
    expect(logger.lines).toContain(`info: acme/nb:tier2: build failed: ${error}`)
    expect(logger.lines.filter((line) => line.startsWith('error:'))).toStrictEqual([])
    expect(logger.lines).toContain(
      'info: bake cancelled tier1, tier3 when tier2 failed; building them again'
    )
  })

  const failLog = readFileSync(
    new URL('../fixtures/golden/progress-fail.log', import.meta.url),
    'utf8'
  )
    .split('\n')
    .slice(0, -1)
  const captureError =
    'process "/bin/sh -c echo \\"about to fail 80ab4b3b\\" && exit 3" did not complete successfully: exit code: 3'

  test.each<[string, FakeBuild, string, string[]]>([
    [
      'an image that built but cannot be inspected keeps its log',
      { kind: 'unmeasurable', error: 'No such image: acme/nb:tier1' },
      'built, but could not be measured: No such image: acme/nb:tier1',
      [
        '#2 [base 1/2] FROM docker.io/library/busybox:1',
        '#2 DONE 0.0s',
        '#3 [base 2/2] RUN make base',
        '#3 DONE 1.0s',
        '#4 [internal] load build definition from Dockerfile',
        '#4 DONE 0.1s',
        '#5 [tier1 1/1] RUN make tier1',
        '#5 DONE 1.0s',
        '#6 exporting to image',
        '#6 DONE 0.5s',
        '#5 making tier1'
      ]
    ],
    [
      'a captured failing build: the error of its step and the tail of its log',
      { kind: 'stream', exitCode: 1, stream: FakeDocker.FAIL },
      captureError,
      failLog.slice(-30)
    ],
    [
      'a failure with no step error: the last ERROR line',
      { kind: 'stream', exitCode: 1, stream: 'ERROR: failed to dial gRPC: cannot connect\n' },
      'ERROR: failed to dial gRPC: cannot connect',
      ['ERROR: failed to dial gRPC: cannot connect']
    ],
    [
      'a failure with no output at all: the exit code',
      { kind: 'stream', exitCode: 137, stream: '' },
      'docker buildx bake exited with code 137',
      []
    ]
  ])('%s', async (_name, outcome, error, logTail) => {
    const fs = new FakeFs({
      [MANIFEST]: yaml(
        'version: 1',
        'image: acme/nb',
        'strategy: multi-stage',
        'baseImage: busybox',
        'tiers: {tier1: {pip: [numpy]}}'
      )
    })
    const docker = new FakeDocker({ 'acme/nb:tier1': outcome }, fs)
    const { report } = await runBuild(options(), {
      fs,
      docker,
      logger: new RecordingLogger(),
      now: clock(),
      sleep: async () => undefined
    })
    const [image] = report.images
    expect([image?.status, image?.error]).toStrictEqual(['failed', error])
    expect(image?.logTail).toStrictEqual(logTail)
    expect(report.passed).toBe(false)
    // One image, one session, no second attempt.
    expect(docker.sessions).toHaveLength(1)
  })

  test('a report file that cannot be written: the result still carries the report, and says why', async () => {
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    fs.unwritable.add(REPORT)
    const docker = new FakeDocker({}, fs)
    const result = await runBuild(options(), {
      fs,
      docker,
      logger: new RecordingLogger(),
      now: clock()
    })
    expect(result.reportError).toBe(
      `report-file: cannot write ${REPORT}: EACCES: permission denied, open '${REPORT}'`
    )
    expect(fs.writes).toStrictEqual([
      '/repo/ci/.nb-image/Dockerfile',
      '/runner/temp/nb-image-1/bake-1.json'
    ])
    expect(result.report.passed).toBe(true)
    expect(result.report.images.map((image) => [image.name, image.status])).toStrictEqual([
      ['tier1', 'ok'],
      ['tier2', 'ok'],
      ['tier3', 'ok']
    ])
  })

  test('the engine stopping during a build: no more builds, one EngineError, a true report', async () => {
    const message =
      'The Docker engine at unix:///run/x.sock does not answer: Cannot connect to the Docker daemon. Start the engine or set DOCKER_HOST.'
    // The engine goes away while the session runs, after tier1's export: tier2's step fails,
    // tier3 is cancelled, and every probe after fails too.
    class DyingDocker extends FakeDocker {
      override async build(
        args: string[],
        onLine: (line: string) => void,
        progress?: BuildProgress
      ) {
        const result = await super.build(args, onLine, progress)
        this.engine = new EngineError(message)
        return result
      }
    }
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    const docker = new DyingDocker(
      {
        'acme/nb:tier1': {
          kind: 'ok',
          finishesFirst: true,
          details: {
            id: 'sha256:t1',
            inspectSizeBytes: 1000,
            diffIds: ['sha256:base'],
            history: [{ sizeBytes: 1000, createdBy: '' }]
          }
        },
        'acme/nb:tier2': { kind: 'fail', error: 'exit code: 137' }
      },
      fs
    )
    const error = await failure(fs, docker)
    expect(error).toBeInstanceOf(EngineError)
    const expected = `The build of acme/nb:tier2 (tier2), acme/nb:tier3 (tier3) stopped because the engine stopped answering: ${message}`
    expect((error as EngineError).message).toBe(expected)
    // tier1 was inspected as soon as its export was done, before the engine went away.
    expect(docker.buildCalls).toStrictEqual([
      'bake acme/nb:tier1 acme/nb:tier2 acme/nb:tier3',
      'inspect acme/nb:tier1',
      'engineInfo',
      'engineInfo'
    ])
    const report = writtenReport(fs)
    expect(report.passed).toBe(false)
    expect(report.error).toBe(expected)
    expect(report.images.map((image) => [image.name, image.status, image.error])).toStrictEqual([
      ['tier1', 'ok', undefined],
      // Both were under way: each keeps its own error (or says it was interrupted) and log.
      ['tier2', 'failed', 'exit code: 137'],
      [
        'tier3',
        'failed',
        'interrupted when the engine stopped answering (ERROR: failed to solve: exit code: 137)'
      ]
    ])
    expect(report.images[2]?.logTail).toContain('#10 [tier3 tier3 1/1] RUN make tier3')
    expect(report.images[0]?.sizeBytes).toBe(1000)
  })

  test('the engine stopping, with a report file that cannot be written: the engine error wins', async () => {
    class DeadDocker extends FakeDocker {
      override async build(
        args: string[],
        onLine: (line: string) => void,
        progress?: BuildProgress
      ) {
        this.engine = new EngineError('gone')
        return super.build(args, onLine, progress)
      }
    }
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    fs.unwritable.add(REPORT)
    const docker = new DeadDocker({ 'acme/nb:tier1': { kind: 'fail', error: 'exit code: 3' } }, fs)
    const logger = new RecordingLogger()
    let thrown: unknown
    try {
      await runBuild(options(), { fs, docker, logger, now: clock() })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(EngineError)
    expect(logger.lines.filter((line) => line.startsWith('warning:'))).toStrictEqual([
      expect.stringContaining(`report-file: cannot write ${REPORT}`)
    ])
  })
})

describe('runBuild: a run stopped by bad input still writes a true report', () => {
  const threeTiers = yaml(
    'version: 1',
    'image: acme/nb',
    'baseImage: nb-image-fixture/busybox:1',
    'tiers: {tier1: {pip: [numpy]}, tier2: {pip: [pandas]}, tier3: {apt: [curl]}}'
  )

  test('invalid YAML: no plan, so no images; passed false; the error says where', async () => {
    const fs = new FakeFs({ [MANIFEST]: 'version: 1\nimage: [\n' })
    const docker = new FakeDocker({}, fs)
    const error = await failure(fs, docker)
    expect(error).toBeInstanceOf(ManifestError)
    expect(fs.writes).toStrictEqual([REPORT])
    expect(writtenReport(fs)).toStrictEqual({
      schemaVersion: 1,
      tool: { name: 'nb-image-action', version: TOOL_VERSION },
      manifest: FILE,
      strategy: 'shared',
      passed: false,
      startedAt: '2026-01-02T03:04:05.000Z',
      finishedAt: '2026-01-02T03:04:06.000Z',
      engine: { serverVersion: null, buildxVersion: null, imageStore: null },
      thresholdBasis: 'uncompressed',
      pushed: false,
      publish: { requested: false, event: '', ref: '', version: null },
      images: [],
      tiers: {},
      totals: { uniqueBytes: 0, sumBytes: 0, durationMs: 0 },
      error: (error as ManifestError).message
    } satisfies Report)
  })

  test('a manifest outside the workspace is refused before it is read', async () => {
    const fs = new FakeFs({ '/etc/notebook-tiers.yaml': threeTiers })
    const error = await failure(
      fs,
      new FakeDocker(),
      options({ manifestPath: '/etc/notebook-tiers.yaml' })
    )
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toBe(
      'manifest: /etc/notebook-tiers.yaml is outside the workspace /repo'
    )
  })

  test('when the report cannot be written either, the engine error is still the one thrown', async () => {
    const fs = new FakeFs({ [MANIFEST]: threeTiers })
    fs.unwritable.add(REPORT)
    const docker = new FakeDocker({}, fs)
    docker.engine = new EngineError('The Docker engine at unix:///x does not answer')
    const logger = new RecordingLogger()
    let thrown: unknown
    try {
      await runBuild(options(), { fs, docker, logger, now: clock() })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBe(docker.engine)
    expect(logger.lines.filter((line) => line.startsWith('warning:'))).toStrictEqual([
      expect.stringContaining(`report-file: cannot write ${REPORT}`)
    ])
  })
})

describe('runBuild: sessions, parallelism and caches', () => {
  const run = async (
    outcomes: Record<string, FakeBuild>,
    fields: Partial<RunOptions> = {}
  ): Promise<{ report: Report; docker: FakeDocker; logger: RecordingLogger; fs: FakeFs }> => {
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    const docker = new FakeDocker(outcomes, fs)
    const logger = new RecordingLogger()
    const { report } = await runBuild(options(fields), { fs, docker, logger, now: clock() })
    return { report, docker, logger, fs }
  }
  const ok = (id: string): FakeBuild => ({
    kind: 'ok',
    cached: true,
    details: {
      id,
      inspectSizeBytes: 1,
      diffIds: ['sha256:base'],
      history: [{ sizeBytes: 1, createdBy: '' }]
    }
  })

  test('all images in one session; a warm build is all cache hits', async () => {
    const { report, docker, logger } = await run({
      'acme/nb:tier1': ok('1'),
      'acme/nb:tier2': ok('2'),
      'acme/nb:tier3': ok('3')
    })
    expect(docker.sessions.map((session) => session.targets)).toStrictEqual([
      ['tier1', 'tier2', 'tier3']
    ])
    expect(report.images.map((image) => [image.cachedSteps, image.totalSteps])).toStrictEqual([
      [2, 2],
      [2, 2],
      [2, 2]
    ])
    expect(logger.lines).toContain(
      'group: Build 3 images in one BuildKit session (tier1, tier2, tier3)'
    )
    expect(logger.lines.filter((line) => line.includes('from the cache'))).toStrictEqual([
      'info: tier1: built in 600 ms, 2 of 2 steps from the cache',
      'info: tier2: built in 600 ms, 2 of 2 steps from the cache',
      'info: tier3: built in 600 ms, 2 of 2 steps from the cache'
    ])
  })

  test('max-parallelism below the image count: one-image sessions, that many at a time', async () => {
    const error = 'process "/bin/sh -c make tier2" did not complete successfully: exit code: 3'
    const { report, docker, logger } = await run(
      { 'acme/nb:tier2': { kind: 'fail', error } },
      { maxParallelism: 2 }
    )
    // tier1 and tier2 start together (tier1 is inspected as soon as its export is done);
    // tier3 takes the slot of the first to finish.
    expect(docker.buildCalls).toStrictEqual([
      'bake acme/nb:tier1',
      'inspect acme/nb:tier1',
      'engineInfo',
      'bake acme/nb:tier2',
      // tier2 failed: is the engine still there? It is.
      'engineInfo',
      'bake acme/nb:tier3',
      'inspect acme/nb:tier3'
    ])
    expect(report.images.map((image) => [image.name, image.status, image.error])).toStrictEqual([
      ['tier1', 'ok', undefined],
      ['tier2', 'failed', error],
      ['tier3', 'ok', undefined]
    ])
    expect(logger.lines).toContain('group: Build 3 images, 2 at a time')
    // Interleaved sessions: each line says whose it is.
    expect(logger.lines).toContain('info: tier2 | #5 making tier2')
  })

  test('an image whose export finished before another failed is kept, not built again', async () => {
    const error = 'process "/bin/sh -c make tier2" did not complete successfully: exit code: 3'
    const { report, docker } = await run({
      'acme/nb:tier1': {
        ...(ok('1') as { kind: 'ok'; details: ImageDetails }),
        finishesFirst: true
      },
      'acme/nb:tier2': { kind: 'fail', error }
    })
    expect(docker.buildCalls).toStrictEqual([
      'bake acme/nb:tier1 acme/nb:tier2 acme/nb:tier3',
      'inspect acme/nb:tier1',
      'engineInfo',
      'engineInfo',
      'bake acme/nb:tier3',
      'inspect acme/nb:tier3'
    ])
    expect(report.images.map((image) => [image.name, image.status])).toStrictEqual([
      ['tier1', 'ok'],
      ['tier2', 'failed'],
      ['tier3', 'ok']
    ])
  })

  test('an image not in the engine yet when its export ends is inspected again after bake', async () => {
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    const docker = new FakeDocker({}, fs)
    docker.inspectFailures.set('acme/nb:tier2', 1)
    const { report } = await runBuild(options(), {
      fs,
      docker,
      logger: new RecordingLogger(),
      now: clock()
    })
    expect(report.passed).toBe(true)
    expect(docker.calls.filter((call) => call === 'inspect acme/nb:tier2')).toHaveLength(2)
  })

  test('an image the engine shows only after a while: inspected again after short waits', async () => {
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    const docker = new FakeDocker({}, fs)
    docker.inspectFailures.set('acme/nb:tier2', 3)
    const waits: number[] = []
    const { report } = await runBuild(options(), {
      fs,
      docker,
      logger: new RecordingLogger(),
      now: clock(),
      sleep: async (ms) => void waits.push(ms)
    })
    expect(report.passed).toBe(true)
    // During the session, once bake exited, after 500 ms, after 1.5 s more.
    expect(docker.calls.filter((call) => call === 'inspect acme/nb:tier2')).toHaveLength(4)
    expect(waits).toStrictEqual([500, 1500])
  })

  test('an image that still cannot be inspected after the waits fails with why', async () => {
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    const docker = new FakeDocker({}, fs)
    docker.inspectFailures.set('acme/nb:tier2', 4)
    const { report } = await runBuild(options(), {
      fs,
      docker,
      logger: new RecordingLogger(),
      now: clock(),
      sleep: async () => undefined
    })
    expect(report.images[1]).toMatchObject({
      status: 'failed',
      error: 'built, but could not be measured: No such image: acme/nb:tier2'
    })
    expect(report.images[1]?.logTail).toContain('#8 making tier2')
  })

  test('max-parallelism at or above the image count is one session', async () => {
    const { docker } = await run({}, { maxParallelism: 3 })
    expect(docker.sessions).toHaveLength(1)
  })

  test('a session that fails without blaming an image: each image alone finds the culprit', async () => {
    const stream = 'ERROR: failed to solve: failed to read dockerfile: no such file\n'
    const { report, docker, logger } = await run({
      'acme/nb:tier2': { kind: 'stream', exitCode: 1, stream }
    })
    expect(docker.buildCalls).toStrictEqual([
      'bake acme/nb:tier1 acme/nb:tier2 acme/nb:tier3',
      'engineInfo',
      'engineInfo',
      'bake acme/nb:tier1',
      'inspect acme/nb:tier1',
      'bake acme/nb:tier2',
      'engineInfo',
      'bake acme/nb:tier3',
      'inspect acme/nb:tier3'
    ])
    expect(report.images.map((image) => [image.name, image.status, image.error])).toStrictEqual([
      ['tier1', 'ok', undefined],
      ['tier2', 'failed', 'ERROR: failed to solve: failed to read dockerfile: no such file'],
      ['tier3', 'ok', undefined]
    ])
    expect(logger.lines).toContain(
      'info: The session failed before any image did; building tier1, tier2, tier3 one by one'
    )
  })

  test('cache: gha gives each image its own scope; a shared raw cache-to is warned about', async () => {
    const { docker, logger } = await run(
      {},
      { cache: 'gha', cacheFrom: ['type=gha,scope=old'], cacheTo: ['type=gha,mode=max'] }
    )
    const definition = docker.sessions[0]?.definition
    expect(definition?.target['tier2']?.['cache-from']).toStrictEqual([
      'type=gha,scope=acme/nb-tier2',
      'type=gha,scope=old'
    ])
    expect(definition?.target['tier2']?.['cache-to']).toStrictEqual([
      'type=gha,scope=acme/nb-tier2,mode=max',
      'type=gha,mode=max'
    ])
    expect(logger.lines).toContain(
      'warning: cache-to: every image exports to the same cache (type=gha,mode=max), so each export replaces the index of the one before and only the last image finds its layers; set `cache: gha` or `cache: registry` for one cache per image'
    )
  })

  test('a builder goes to bake', async () => {
    const { docker } = await run({}, { builder: 'remote-k8s' })
    expect(docker.sessions[0]?.args.slice(5, 7)).toStrictEqual(['--builder', 'remote-k8s'])
  })

  test('an engine whose versions cannot be read after a good build: a warning, null versions', async () => {
    const fs = new FakeFs({ [MANIFEST]: MULTI_STAGE_TIERS })
    const docker = new FakeDocker({}, fs)
    const logger = new RecordingLogger()
    docker.engineInfo = async () => {
      docker.calls.push('engineInfo')
      throw new EngineError('docker info timed out')
    }
    const { report } = await runBuild(options(), { fs, docker, logger, now: clock() })
    expect(report.passed).toBe(true)
    expect(report.engine).toStrictEqual({
      serverVersion: null,
      buildxVersion: null,
      imageStore: null
    })
    expect(logger.lines).toContain(
      "warning: could not read the engine's versions: docker info timed out"
    )
  })
})

describe('runPlan', () => {
  test('plans and checks without the engine; the matrix has one job per image', async () => {
    const fs = new FakeFs({
      [MANIFEST]: yaml(
        'version: 1',
        'image: acme/nb',
        'strategy: multi-stage',
        'baseImage: busybox',
        'tiers: {tier1: {pip: [numpy]}, tier2: {pip: [pandas]}, tier3: {apt: [curl]}}'
      )
    })
    const docker = new FakeDocker({}, fs)
    // The whole bag of adapters, as a run gets it: planning must not touch the engine.
    const deps = { fs, docker, logger: new RecordingLogger() }
    const { matrix, plan } = await runPlan(options({ tiers: ['tier3', 'tier1'] }), deps)
    expect(matrix).toStrictEqual({
      include: [
        { tier: 'tier1', name: 'tier1', ref: 'acme/nb:tier1' },
        { tier: 'tier3', name: 'tier3', ref: 'acme/nb:tier3' }
      ]
    })
    expect(plan.images).toHaveLength(2)
    expect(docker.calls).toStrictEqual([])
    expect(fs.writes).toStrictEqual(['/repo/ci/.nb-image/Dockerfile'])
  })

  test('a bad manifest is the same error as for a build', async () => {
    const fs = new FakeFs({ [MANIFEST]: 'version: 1\nimage: acme/nb\ntiers: {}\n' })
    await expect(runPlan(options(), { fs, logger: new RecordingLogger() })).rejects.toThrow(
      ManifestError
    )
  })
})

describe('runMerge', () => {
  const manifest = yaml(
    'version: 1',
    'image: acme/nb',
    'strategy: multi-stage',
    'baseImage: busybox',
    'tiers: {tier1: {pip: [numpy]}, tier2: {pip: [pandas]}, tier3: {apt: [curl]}}'
  )
  const MERGED = '/repo/out/nb-image-report.json'

  /** Runs a build of some tiers in memory and returns the report it wrote. */
  async function jobReport(tiers: string[], outcomes: Record<string, FakeBuild> = {}) {
    const fs = new FakeFs({ [MANIFEST]: manifest })
    const { report } = await runBuild(options({ tiers }), {
      fs,
      docker: new FakeDocker(outcomes, fs),
      logger: new RecordingLogger(),
      now: clock()
    })
    return `${JSON.stringify(report, null, 2)}\n`
  }

  const merge = async (
    files: Record<string, string>,
    fields: Partial<RunOptions> = {}
  ): Promise<{ report: Report; logger: RecordingLogger; fs: FakeFs }> => {
    const fs = new FakeFs(files)
    const logger = new RecordingLogger()
    const { report } = await runMerge(
      options({
        reports: ['reports/**/*.json'],
        workingDirectory: '/repo',
        reportFile: MERGED,
        ...fields
      }),
      { fs, logger, glob: fakeGlob([...fs.files.keys()]) }
    )
    return { report, logger, fs }
  }

  test('the reports of a fan-out become one report, written to report-file', async () => {
    const files = {
      [MANIFEST]: manifest,
      '/repo/reports/tier1/nb-image-report.json': await jobReport(['tier1']),
      '/repo/reports/tier2-3/nb-image-report.json': await jobReport(['tier2', 'tier3']),
      '/repo/reports/notes.txt': 'not a report'
    }
    const { report, fs, logger } = await merge(files)
    expect(report.passed).toBe(true)
    expect(report.images.map((image) => [image.name, image.status])).toStrictEqual([
      ['tier1', 'ok'],
      ['tier2', 'ok'],
      ['tier3', 'ok']
    ])
    expect(report.parts?.map((part) => [part.file, part.images])).toStrictEqual([
      ['reports/tier1/nb-image-report.json', ['tier1']],
      ['reports/tier2-3/nb-image-report.json', ['tier2', 'tier3']]
    ])
    expect(JSON.parse(fs.text(MERGED) ?? 'null')).toStrictEqual(report)
    expect(logger.lines).toContain(
      'info: reports/tier2-3/nb-image-report.json: tier2 (ok), tier3 (ok)'
    )
  })

  test('an image whose job left no report fails the merge', async () => {
    const { report } = await merge({
      [MANIFEST]: manifest,
      '/repo/reports/tier1.json': await jobReport(['tier1']),
      '/repo/reports/tier3.json': await jobReport(['tier3'])
    })
    expect(report.passed).toBe(false)
    expect(report.images.map((image) => [image.name, image.status])).toStrictEqual([
      ['tier1', 'ok'],
      ['tier2', 'failed'],
      ['tier3', 'ok']
    ])
  })

  test('without the manifest the reports are merged as they are', async () => {
    const { report, logger } = await merge({
      '/repo/reports/tier1.json': await jobReport(['tier1'])
    })
    expect(report.passed).toBe(true)
    expect(report.images.map((image) => image.name)).toStrictEqual(['tier1'])
    expect(logger.lines).toContain(
      'info: ci/notebook-tiers.yaml is not here; not checking that every image has a report'
    )
  })

  test('the merged report itself is never read back as a part', async () => {
    const part = await jobReport(['tier1'])
    const { report } = await merge(
      { '/repo/reports/tier1.json': part, '/repo/reports/merged.json': part },
      { reportFile: '/repo/reports/merged.json' }
    )
    expect(report.parts?.map((p) => p.file)).toStrictEqual(['reports/tier1.json'])
  })

  test.each<[string, Record<string, string>, Partial<RunOptions>, string]>([
    [
      'no patterns',
      {},
      { reports: [] },
      'reports: give the report files to merge (a glob such as reports/**/nb-image-report.json) with mode: merge (--reports on the command line)'
    ],
    ['nothing matches', {}, {}, 'reports: no file matches reports/**/*.json (in /repo)'],
    [
      'a file that is not JSON',
      { '/repo/reports/a.json': '{"schemaVersion":' },
      {},
      'reports: reports/a.json: not JSON ('
    ],
    [
      'JSON that is not a report',
      { '/repo/reports/a.json': '{"a": 1}' },
      {},
      'reports: reports/a.json: tool.name: expected nb-image-action, the tool that writes these reports (got nothing)'
    ],
    [
      // It used to pass the check and then fail inside the merge as "Unexpected error".
      'a report without its engine',
      {
        '/repo/reports/a.json': JSON.stringify({
          schemaVersion: 1,
          tool: { name: 'nb-image-action', version: '0.1.0' },
          manifest: 'ci/notebook-tiers.yaml',
          strategy: 'shared',
          passed: true,
          startedAt: '2026-01-02T03:04:05.000Z',
          finishedAt: '2026-01-02T03:04:06.000Z',
          images: [],
          tiers: {},
          totals: { uniqueBytes: 0, sumBytes: 0, durationMs: 0 }
        })
      },
      {},
      'reports: reports/a.json: engine: expected an object'
    ]
  ])('%s is an input error', async (_name, files, fields, message) => {
    const error = await merge(files, fields).then(
      () => undefined,
      (thrown: unknown) => thrown
    )
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message.startsWith(message)).toBe(true)
  })
})
