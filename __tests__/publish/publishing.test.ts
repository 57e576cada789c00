import { EngineError, InputError, ManifestError, formatIssue } from '../../src/utils/errors.js'
import { parseTagTemplate } from '../../src/publish/tags.js'
import { runBuild } from '../../src/pipeline/build.js'
import type { RunOptions } from '../../src/pipeline/options.js'
import { runOptions } from '../helpers/run-options.js'
import type { PublishOptions } from '../../src/publish/prepare.js'
import type { Report } from '../../src/report/types.js'
import { readRunContext } from '../../src/github/context.js'
import {
  FakeDocker,
  FakeFs,
  FakeRegistry,
  RecordingLogger,
  fakeDigest,
  fakeGlob,
  type FakeBuild
} from '../helpers/fakes.js'
import { expectGolden } from '../helpers/golden.js'
import { loadEvent } from '../helpers/events.js'

// The pipeline with publishing on, over the fakes: tags planned before any build, pushed
// only after a passing verdict, read back, and turned into NotebookValidationJobs.

const MANIFEST = '/repo/ci/notebook-tiers.yaml'
const REPORT = '/runner/temp/report.json'
const NVJ = '/runner/temp/notebook-validation-jobs.yaml'
const DOCKERFILE =
  'FROM busybox AS base\nFROM base AS tier1\nFROM base AS tier2\nFROM base AS shared\n'
const NOTEBOOKS = [
  '/repo/ci/notebooks/setup/00-environment.ipynb',
  '/repo/ci/notebooks/setup/01-Check Cluster.ipynb',
  '/repo/ci/notebooks/training/train.ipynb',
  '/repo/ci/notebooks/training/README.md'
]

const manifest = (extra: string[] = [], tiers?: string[]): string =>
  [
    'version: 1',
    'image: ghcr.io/acme/nb',
    'strategy: multi-stage',
    'dockerfile: Dockerfile',
    'target: shared',
    ...extra,
    'tiers:',
    ...(tiers ?? [
      '  tier1:',
      "    notebooks: ['notebooks/setup/*.ipynb']",
      '  tier2:',
      "    notebooks: ['notebooks/training/*.ipynb']"
    ]),
    ''
  ].join('\n')

function publishOptions(fixture: string, fields: Partial<PublishOptions> = {}): PublishOptions {
  return {
    push: true,
    tagTemplate: parseTagTemplate(''),
    latest: 'auto',
    allowForkPush: false,
    context: loadEvent(fixture),
    nvjFile: NVJ,
    ...fields
  }
}

const options = (fields: Partial<RunOptions> = {}): RunOptions =>
  runOptions({ publish: publishOptions('release'), ...fields })

interface World {
  fs: FakeFs
  docker: FakeDocker
  registry: FakeRegistry
  logger: RecordingLogger
}

function world(text = manifest(), outcomes: Record<string, FakeBuild> = {}): World {
  const fs = new FakeFs({ [MANIFEST]: text, '/repo/ci/Dockerfile': DOCKERFILE })
  for (const file of NOTEBOOKS) fs.addFile(file, '{}')
  const docker = new FakeDocker(outcomes, fs)
  const registry = new FakeRegistry()
  docker.registry = registry
  return { fs, docker, registry, logger: new RecordingLogger() }
}

async function run(
  w: World,
  opts: RunOptions = options(),
  glob = fakeGlob(NOTEBOOKS)
): Promise<Report> {
  const { report } = await runBuild(opts, {
    fs: w.fs,
    docker: w.docker,
    registry: w.registry,
    logger: w.logger,
    glob,
    sleep: async () => undefined,
    now: () => Date.parse('2026-01-02T03:04:05.000Z')
  })
  return report
}

async function failure(
  w: World,
  opts: RunOptions = options(),
  glob = fakeGlob(NOTEBOOKS)
): Promise<unknown> {
  try {
    await run(w, opts, glob)
  } catch (error) {
    return error
  }
  throw new Error('runBuild succeeded')
}

const release = (tier: string): string[] =>
  ['1.2.3', '1.2', '1', 'latest'].map((version) => `ghcr.io/acme/nb:${tier}-${version}`)

describe('a release with push', () => {
  test('pushes every tag after the verdict, records digests, and writes the jobs', async () => {
    const w = world()
    const report = await run(w)
    expect(report.pushed).toBe(true)
    expect(report.publish).toEqual({
      requested: true,
      event: 'release',
      ref: 'refs/tags/v1.2.3',
      version: '1.2.3',
      notebookValidationJobs: NVJ
    })
    const digest = (tier: string): string => fakeDigest(`index ghcr.io/acme/nb:${tier}`)
    expect(
      report.images.map((image) => [
        image.name,
        image.digest,
        image.compressedBytes,
        image.compressedSource
      ])
    ).toEqual([
      ['tier1', digest('tier1'), 600, 'registry'],
      ['tier2', digest('tier2'), 600, 'registry']
    ])
    expect(report.images[0]?.tags).toEqual(
      release('tier1').map((ref) => ({
        ref,
        pushed: true,
        uploaded: true,
        digest: digest('tier1')
      }))
    )
    // Every build and measurement comes before the first push.
    const calls = w.docker.calls
    expect(calls.findIndex((call) => call.startsWith('push'))).toBeGreaterThan(
      calls.lastIndexOf('inspect ghcr.io/acme/nb:tier2')
    )
    // The report is written before pushing, then again with what was pushed.
    expect(w.fs.writes.filter((file) => file === REPORT)).toHaveLength(2)
    expectGolden('nvj-release.yaml', w.fs.text(NVJ) ?? '')
  })

  test('the shared image takes the plain version tags; per-tier images the template', async () => {
    const w = world(manifest(['baseImage: busybox'], ['  tier1: {}', '  tier2: {}']))
    const report = await run(
      w,
      options({ strategy: 'shared', publish: publishOptions('release', { nvjFile: undefined }) })
    )
    expect(report.images.map((image) => image.tags.map((tag) => tag.ref))).toEqual([
      [
        'ghcr.io/acme/nb:1.2.3',
        'ghcr.io/acme/nb:1.2',
        'ghcr.io/acme/nb:1',
        'ghcr.io/acme/nb:latest'
      ]
    ])
  })

  test('per-tier repositories with {image}-{tier}:{version}', async () => {
    const w = world()
    const report = await run(
      w,
      options({
        publish: publishOptions('tag-push', {
          tagTemplate: parseTagTemplate('{image}-{tier}:{version}'),
          nvjFile: undefined
        })
      })
    )
    expect(report.images.map((image) => image.tags.map((tag) => tag.ref))).toEqual([
      [
        'ghcr.io/acme/nb-tier1:0.4.10',
        'ghcr.io/acme/nb-tier1:0.4',
        'ghcr.io/acme/nb-tier1:0',
        'ghcr.io/acme/nb-tier1:latest'
      ],
      [
        'ghcr.io/acme/nb-tier2:0.4.10',
        'ghcr.io/acme/nb-tier2:0.4',
        'ghcr.io/acme/nb-tier2:0',
        'ghcr.io/acme/nb-tier2:latest'
      ]
    ])
    expect(report.pushed).toBe(true)
  })
})

describe('nothing is pushed unless every image passed', () => {
  test('an image over budget: no push at all, the report says why', async () => {
    const w = world(manifest(['threshold: 900']))
    const report = await run(w)
    expect(report.passed).toBe(false)
    expect(
      w.docker.calls.filter((call) => call.startsWith('push') || call.startsWith('tag'))
    ).toEqual([])
    expect(report.pushed).toBe(false)
    expect(report.publish.skipped).toBe('tier1 is over budget, tier2 is over budget')
    expect(report.images.flatMap((image) => image.tags).every((tag) => !tag.pushed)).toBe(true)
    expect(w.fs.text(NVJ)).toBeUndefined()
  })

  test('a failed build: no push', async () => {
    const w = world(manifest(), {
      'ghcr.io/acme/nb:tier2': { kind: 'fail', error: 'exit code: 3' }
    })
    const report = await run(w)
    expect(report.publish.skipped).toBe('tier2 failed')
    expect(w.docker.calls.some((call) => call.startsWith('push'))).toBe(false)
  })

  test('a push failing after the retries: the report keeps what was pushed, and says the error', async () => {
    const w = world()
    const refused = { exitCode: 1, error: 'dial tcp 127.0.0.1:5000: connect: connection refused' }
    w.docker.pushResults['ghcr.io/acme/nb:tier2-1.2.3'] = [refused, refused, refused]
    const report = await run(w)
    expect(report.pushed).toBe(false)
    expect(report.publish.error).toBe(
      'tier2 (tier2): pushing ghcr.io/acme/nb:tier2-1.2.3 failed after 3 tries: dial tcp 127.0.0.1:5000: connect: connection refused'
    )
    expect(
      report.images.map((image) => image.tags.filter((tag) => tag.pushed).map((tag) => tag.ref))
    ).toEqual([['ghcr.io/acme/nb:tier1-1.2.3'], []])
    expect(report.publish.notebookValidationJobs).toBeUndefined()
    expect(w.fs.text(NVJ)).toBeUndefined()
  })
})

describe('pull requests', () => {
  test('from a fork: built and measured, not pushed, with a warning', async () => {
    const w = world()
    const report = await run(w, options({ publish: publishOptions('pull-request-fork') }))
    expect(report.passed).toBe(true)
    expect(report.publish.skipped).toBe(
      "pull request from the fork mallory/notebooks: images built from a fork's code are not pushed to acme/notebooks's registry (set allow-fork-push: true to allow it)"
    )
    expect(report.images.map((image) => image.tags.map((tag) => tag.ref))).toEqual([
      ['ghcr.io/acme/nb:tier1-pr-77'],
      ['ghcr.io/acme/nb:tier2-pr-77']
    ])
    expect(w.docker.calls.some((call) => call.startsWith('push'))).toBe(false)
    expect(w.logger.lines).toContain(
      `warning: push: ${report.publish.skipped ?? ''}; building and measuring only`
    )
  })

  test('from a fork with allow-fork-push: pushed, jobs clone the fork', async () => {
    const w = world()
    const report = await run(
      w,
      options({ publish: publishOptions('pull-request-fork', { allowForkPush: true }) })
    )
    expect(report.pushed).toBe(true)
    expect(w.fs.text(NVJ)).toContain(
      'url: https://github.com/mallory/notebooks.git\n      ref: patch-1\n'
    )
  })

  test('push off: tags are planned and listed, nothing is pushed or written', async () => {
    const w = world()
    const report = await run(
      w,
      options({ publish: publishOptions('pull-request', { push: false }) })
    )
    expect(report.publish).toEqual({
      requested: false,
      event: 'pull_request',
      ref: 'refs/pull/42/merge',
      version: 'pr-42'
    })
    expect(report.images[1]?.tags).toEqual([{ ref: 'ghcr.io/acme/nb:tier2-pr-42', pushed: false }])
    expect(w.docker.calls.some((call) => call.startsWith('push') || call.startsWith('save'))).toBe(
      false
    )
    expect(w.logger.lines).toContain('info: push is off: these tags are planned, not pushed')
  })
})

describe('stopped before any build', () => {
  test('push on an event without a version: a clear error, and a report saying so', async () => {
    const w = world()
    const context = readRunContext({ GITHUB_EVENT_NAME: 'workflow_run', GITHUB_SHA: 'abc' }, {})
    const error = await failure(w, options({ publish: publishOptions('release', { context }) }))
    expect(error).toEqual(
      new InputError(
        'push: the workflow_run event (ref "") gives no tag to push; push on releases, tag or branch pushes, or pull requests (the CLI takes --ref)'
      )
    )
    // Input errors need no engine: it is only asked once a build has started.
    expect(w.docker.calls).toEqual([])
    const report = JSON.parse(w.fs.text(REPORT) ?? '{}') as Report
    expect([report.passed, report.pushed, report.publish.requested]).toEqual([false, false, true])
  })

  test('a compressed budget on the classic image store: refused before building', async () => {
    const w = world()
    w.docker.engine = { serverVersion: '27.0', buildxVersion: '0.16', imageStore: 'graphdriver' }
    const error = await failure(w, options({ thresholdBasis: 'compressed' }))
    expect(error).toBeInstanceOf(EngineError)
    expect((error as Error).message).toMatch(
      /^threshold-basis: compressed needs the containerd image store, .* this engine uses graphdriver, which compresses only while pushing/
    )
    expect(w.docker.calls).toEqual(['engineInfo'])
  })

  test.each<[string, string[], Record<string, string>, string]>([
    [
      'a glob climbing out of the repository',
      ["    notebooks: ['../../etc/*.ipynb']"],
      {},
      'ci/notebook-tiers.yaml:8:17: tiers.tier1.notebooks[0]: "../../etc/*.ipynb" climbs out of the manifest\'s folder with ".."; expected a glob relative to the manifest\'s folder, e.g. notebooks/*.ipynb'
    ],
    [
      'an absolute glob',
      ["    notebooks: ['/home/runner/*.ipynb']"],
      {},
      'ci/notebook-tiers.yaml:8:17: tiers.tier1.notebooks[0]: "/home/runner/*.ipynb" is an absolute path; expected a glob relative to the manifest\'s folder, e.g. notebooks/*.ipynb'
    ],
    [
      'a match that is a symlink out of the repository',
      ["    notebooks: ['notebooks/setup/*.ipynb']"],
      { '/repo/ci/notebooks/setup/00-environment.ipynb': '/etc/secret.ipynb' },
      'ci/notebook-tiers.yaml:8:5: tiers.tier1.notebooks: ci/notebooks/setup/00-environment.ipynb resolves through a symlink to /etc/secret.ipynb, outside the repository'
    ]
  ])('%s', async (_, notebooks, links, message) => {
    const w = world(manifest([], ['  tier1:', ...notebooks]))
    const error = await failure(w, options(), fakeGlob(NOTEBOOKS, links))
    expect(error).toBeInstanceOf(ManifestError)
    expect((error as ManifestError).issues.map(formatIssue)).toEqual([message])
    // Globs are refused by the manifest parser; matches are checked before any build.
    expect(w.docker.calls.filter((call) => call.startsWith('build'))).toEqual([])
  })

  test('a notebook name the operator would pass through a shell is refused', async () => {
    const w = world(manifest([], ['  tier1:', "    notebooks: ['nb/*.ipynb']"]))
    const files = ['/repo/ci/nb/$(curl evil).ipynb']
    const error = await failure(w, options(), fakeGlob(files))
    expect((error as ManifestError).issues.map((issue) => issue.message)).toEqual([
      "ci/nb/$(curl evil).ipynb has characters the operator's git-clone shell script would interpret; use letters, digits, space and . _ - + @ ( ) , /"
    ])
  })

  test('a branch name the operator would pass through a shell is refused for the jobs', async () => {
    const w = world()
    const context = { ...loadEvent('branch-push'), ref: 'refs/heads/x;reboot' }
    const error = await failure(w, options({ publish: publishOptions('branch-push', { context }) }))
    expect((error as Error).message).toBe(
      'nvj-file: the git ref "x;reboot" has characters the operator\'s git-clone shell script would interpret; push from a branch or tag named with letters, digits and . _ - + @ /'
    )
  })
})

describe('NotebookValidationJobs need a branch or tag to clone', () => {
  test('without one (no repository known), the images are pushed and no job is written', async () => {
    const w = world()
    // Neither GITHUB_REPOSITORY nor the payload's clone URL: nothing to clone from.
    const context = { ...loadEvent('release'), repository: '', cloneUrl: null }
    const report = await run(w, options({ publish: publishOptions('release', { context }) }))
    expect(report.pushed).toBe(true)
    expect(report.publish.notebookValidationJobs).toBeUndefined()
    expect(w.fs.text(NVJ)).toBeUndefined()
    expect(w.logger.lines).toContain(
      'warning: nvj-file: the release (ref "refs/tags/v1.2.3") names no repository branch or tag for the operator to clone the notebooks from, so no NotebookValidationJob is written (set GITHUB_REPOSITORY outside GitHub Actions)'
    )
  })

  test('a tier whose globs match nothing gets no job, with a warning', async () => {
    const w = world(
      manifest(
        [],
        [
          '  tier1:',
          "    notebooks: ['missing/*.ipynb']",
          '  tier2:',
          "    notebooks: ['notebooks/training/*.ipynb']"
        ]
      )
    )
    const report = await run(w)
    expect(w.logger.lines).toContain(
      'warning: notebooks: missing/*.ipynb of tier tier1 match no notebook; it gets no NotebookValidationJob'
    )
    expect(report.publish.notebookValidationJobs).toBe(NVJ)
    expect((w.fs.text(NVJ) ?? '').match(/kind: NotebookValidationJob/g)).toHaveLength(1)
  })
})

describe('a compressed budget', () => {
  test('is checked against the packed image before any push, and the registry must agree', async () => {
    const w = world(manifest(['threshold: 550']))
    const report = await run(
      w,
      options({
        thresholdBasis: 'compressed',
        publish: publishOptions('release', { nvjFile: undefined })
      })
    )
    // 600 compressed bytes against 550: over, though that is not the uncompressed size (1000).
    expect(
      report.images.map((image) => [
        image.name,
        image.status,
        image.compressedBytes,
        image.compressedSource
      ])
    ).toEqual([
      ['tier1', 'over', 600, 'local'],
      ['tier2', 'over', 600, 'local']
    ])
    expect(w.docker.calls.filter((call) => call.startsWith('save'))).toEqual([
      'save ghcr.io/acme/nb:tier1',
      'save ghcr.io/acme/nb:tier2'
    ])
    expect(w.docker.calls.some((call) => call.startsWith('push'))).toBe(false)
  })

  test('an image whose packed content cannot be read fails, the others are judged', async () => {
    const w = world(manifest(['threshold: 700']))
    w.docker.packed['ghcr.io/acme/nb:tier2'] = new Error(
      'docker image save ghcr.io/acme/nb:tier2 failed: no space left on device'
    )
    const report = await run(
      w,
      options({ thresholdBasis: 'compressed', publish: publishOptions('release', { push: false }) })
    )
    expect(report.images.map((image) => [image.name, image.status, image.error])).toEqual([
      ['tier1', 'ok', undefined],
      [
        'tier2',
        'failed',
        'built, but its compressed size could not be read: docker image save ghcr.io/acme/nb:tier2 failed: no space left on device'
      ]
    ])
  })
})
