import { ContentsInspection, PROBE_TIMEOUT_MS } from '../../src/contents/inspect.js'
import type { ContentsPlan } from '../../src/contents/prepare.js'
import type { ImageFile, IsolatedRun } from '../../src/adapters/docker-container.js'
import type { BuildOutcome } from '../../src/report/build-report.js'
import type { BuildPlan, ImagePlan } from '../../src/plan/types.js'
import { failedOutcome } from '../../src/report/build-report.js'
import {
  FakeDocker,
  NO_PYTHON,
  RecordingLogger,
  probeAnswer,
  probeInput
} from '../helpers/fakes.js'
import { manifest, tier } from '../helpers/manifests.js'
import { image } from '../helpers/reports.js'

const NOTEBOOK =
  '{"cells": [{"cell_type": "code", "source": [\n"import os\\n",\n"import sklearn"\n]}]}'

const train = image('train')
const serve = image('serve')
const plan: BuildPlan = {
  strategy: 'multi-stage',
  manifestFile: 'notebook-tiers.yaml',
  images: [train, serve]
}
const theManifest = manifest({
  tiers: [
    tier('train', {
      notebooks: ['nb/train/*.ipynb'],
      packages: { pip: [], apt: ['python3-yaml'] }
    }),
    tier('serve', { notebooks: ['nb/serve/*.ipynb'] })
  ]
})

function contentsPlan(audit: 'on' | 'off' = 'on', required = false): ContentsPlan {
  const notebook = (file: string) => ({
    path: file,
    content: new TextEncoder().encode(NOTEBOOK),
    siblings: []
  })
  return {
    audit,
    required,
    tiers: new Map([
      [
        'train',
        [
          {
            name: 'train',
            packages: { pip: [], apt: ['python3-yaml'] },
            notebooks: [notebook('nb/train/01.ipynb')]
          }
        ]
      ],
      [
        'serve',
        [
          {
            name: 'serve',
            packages: { pip: [], apt: [] },
            notebooks: [notebook('nb/serve/02.ipynb')]
          }
        ]
      ]
    ]),
    unread: new Map(),
    notebooks: [
      { tier: 'train', notebooks: ['nb/train/01.ipynb'] },
      { tier: 'serve', notebooks: ['nb/serve/02.ipynb'] }
    ]
  }
}

const built = (plan: ImagePlan, imageId: string): BuildOutcome => ({
  image: plan,
  ok: true,
  durationMs: 1,
  imageId,
  inspectSizeBytes: 1,
  history: [],
  diffIds: [],
  cachedSteps: 0,
  totalSteps: 0
})

/** The first probe the fake engine ran. */
function firstRun(docker: FakeDocker): IsolatedRun {
  const [run] = docker.runs
  if (!run) throw new Error('no probe ran')
  return run
}

/** The train image lacks sklearn; the serve image has everything. */
function world(audit: 'on' | 'off' = 'on', required = false) {
  const docker = new FakeDocker()
  docker.isolated['sha256:train'] = (run) =>
    probeAnswer(run, (document) => {
      document['debian'] = [
        { name: 'python3-yaml', version: '6.0', architecture: 'amd64', installedSizeBytes: 700416 }
      ]
      const tiers = document['tiers'] as { notebooks: Record<string, unknown>[] }[]
      const notebook = tiers[0]?.notebooks[0]
      if (notebook) {
        notebook['status'] = 'missing'
        notebook['modules'] = [
          {
            name: 'sklearn',
            status: 'missing',
            optional: false,
            likelyPackage: { pypi: 'scikit-learn', debian: 'python3-sklearn', guess: false },
            occurrences: [{ cell: 1, line: 2, optional: false }]
          }
        ]
      }
    })
  const logger = new RecordingLogger()
  const inspection = new ContentsInspection(plan, theManifest, contentsPlan(audit, required), {
    docker,
    logger
  })
  return { docker, logger, inspection }
}

describe('ContentsInspection', () => {
  test('each built image probed once, by ID, with its tiers’ notebooks; findings advised and located', async () => {
    const { docker, inspection } = world()
    const found = await inspection.finish([
      built(train, 'sha256:train'),
      built(serve, 'sha256:serve')
    ])
    expect(docker.calls).toStrictEqual(['run sha256:train', 'run sha256:serve'])
    expect(
      docker.runs.map((run) => [
        run.entrypoint,
        run.timeoutMs,
        run.name.startsWith('nb-image-probe-')
      ])
    ).toStrictEqual([
      ['python3', PROBE_TIMEOUT_MS, true],
      ['python3', PROBE_TIMEOUT_MS, true]
    ])
    expect(
      probeInput(firstRun(docker)).tiers.map((t) => [
        t.name,
        t.packages,
        t.notebooks.map((n) => n.path)
      ])
    ).toStrictEqual([['train', { pip: [], apt: ['python3-yaml'] }, ['nb/train/01.ipynb']]])
    const trainContents = found.get('train')
    expect(trainContents?.packages.debian).toStrictEqual([
      { name: 'python3-yaml', version: '6.0', sizeBytes: 700416, architecture: 'amd64' }
    ])
    expect(trainContents?.audit?.status).toBe('failed')
    expect(trainContents?.audit?.tiers[0]?.notebooks[0]?.missing[0]).toStrictEqual({
      module: 'sklearn',
      optional: false,
      stdlib: false,
      likely: { pypi: 'scikit-learn', debian: 'python3-sklearn', guess: false },
      sites: [{ cell: 1, line: 2, fileLine: 3 }],
      addTo:
        'add python3-sklearn to tiers.train.apt (or scikit-learn to tiers.train.pip) in notebook-tiers.yaml'
    })
    expect(found.get('serve')?.audit?.status).toBe('passed')
  })

  test('an image started when its export was done is not probed again', async () => {
    const { docker, inspection } = world()
    inspection.start(train, Promise.resolve('sha256:train'))
    await new Promise((resolve) => setImmediate(resolve))
    expect(docker.calls).toStrictEqual(['run sha256:train'])
    await inspection.finish([built(train, 'sha256:train'), built(serve, 'sha256:serve')])
    expect(docker.calls).toStrictEqual(['run sha256:train', 'run sha256:serve'])
  })

  test('an image whose ID changed since (built again) is probed as it is now; one not measurable is skipped', async () => {
    const { docker, inspection } = world()
    inspection.start(train, Promise.resolve('sha256:old'))
    inspection.start(serve, Promise.reject(new Error('No such image')))
    await new Promise((resolve) => setImmediate(resolve))
    const found = await inspection.finish([
      built(train, 'sha256:train'),
      failedOutcome(serve, 'built, but could not be measured')
    ])
    expect(docker.calls).toStrictEqual(['run sha256:old', 'run sha256:train'])
    expect([...found.keys()]).toStrictEqual(['train'])
  })

  test('audit off: packages only, and the probe gets no notebooks', async () => {
    const { docker, inspection } = world('off')
    const found = await inspection.finish([built(train, 'sha256:train')])
    expect(found.get('train')?.audit).toBeUndefined()
    expect(found.get('train')?.packages.debian).toHaveLength(1)
    expect(probeInput(firstRun(docker)).tiers[0]?.notebooks).toStrictEqual([])
  })

  test('no python3: Debian packages read from outside, every notebook an error', async () => {
    const { docker, inspection } = world()
    docker.isolated['sha256:serve'] = NO_PYTHON
    const status: ImageFile = {
      name: 'status',
      content: new TextEncoder().encode(
        'Package: bash\nStatus: install ok installed\nVersion: 5.2\nInstalled-Size: 10\n'
      )
    }
    docker.imageFiles['sha256:serve'] = { '/var/lib/dpkg/status': [status] }
    const found = await inspection.finish([built(serve, 'sha256:serve')])
    expect(docker.calls).toStrictEqual([
      'run sha256:serve',
      'cp sha256:serve /var/lib/dpkg/status /var/lib/dpkg/status.d'
    ])
    expect(found.get('serve')).toStrictEqual({
      packages: {
        interpreter: null,
        python: [],
        debian: [{ name: 'bash', version: '5.2', sizeBytes: 10240 }],
        rpm: [],
        notes: ['the image has no python3: no Python packages or notebook audit']
      },
      audit: {
        status: 'failed',
        notes: ['the image has no python3'],
        tiers: [
          {
            tier: 'serve',
            unused: [],
            notes: [],
            notebooks: [
              {
                path: 'nb/serve/02.ipynb',
                status: 'error',
                resolved: [],
                missing: [],
                errors: [
                  {
                    kind: 'no-python',
                    message:
                      'cannot check imports: the image ghcr.io/acme/nb:serve has no python3, so no notebook can run in it'
                  }
                ],
                installs: [],
                notes: []
              }
            ]
          }
        ]
      }
    })
  })

  test('no python3 and no dpkg database (busybox): a note, not a failure, when the audit is off', async () => {
    const { docker, inspection } = world('off')
    docker.isolated['sha256:serve'] = NO_PYTHON
    const found = await inspection.finish([built(serve, 'sha256:serve')])
    expect(found.get('serve')).toStrictEqual({
      packages: {
        interpreter: null,
        python: [],
        debian: [],
        rpm: [],
        notes: [
          'the image has no python3: no Python packages or notebook audit',
          'no Debian package database (/var/lib/dpkg/status): no system packages listed (RPM is only read with python3)'
        ]
      }
    })
  })

  test.each<[string, boolean, 'unchecked' | 'failed']>([
    ['auto', false, 'unchecked'],
    ['true', true, 'failed']
  ])('a probe that times out (audit-notebooks %s): %s', async (_mode, required, status) => {
    const { docker, logger, inspection } = world('on', required)
    docker.isolated['sha256:serve'] = {
      exitCode: 137,
      stdout: '',
      stderr: '',
      timedOut: true,
      truncated: false
    }
    const found = await inspection.finish([built(serve, 'sha256:serve')])
    expect(found.get('serve')?.audit).toStrictEqual({
      status,
      notes: [
        'notebooks not checked: the probe did not finish in 1m 00s; its container was removed'
      ],
      tiers: [{ tier: 'serve', notebooks: [], unused: [], notes: ['1 notebook(s) not checked'] }]
    })
    expect(logger.annotations).toStrictEqual([
      {
        level: 'warning',
        message:
          'ghcr.io/acme/nb:serve: the probe did not finish in 1m 00s; its container was removed: its packages are not listed'
      }
    ])
  })

  test.each<[string, { exitCode: number; stdout: string; truncated?: boolean }, string]>([
    [
      'garbage',
      { exitCode: 1, stdout: 'Segmentation fault\n' },
      'the probe printed no JSON document (last line: Segmentation fault) (exit code 1)'
    ],
    [
      'a fatal document',
      {
        exitCode: 3,
        stdout: '{"schemaVersion":1,"fatal":{"kind":"internal","message":"KeyError: x"}}\n'
      },
      'the probe stopped: KeyError: x (exit code 3)'
    ],
    [
      'too much output',
      { exitCode: 0, stdout: 'x', truncated: true },
      'the probe printed more than 16 MB (exit code 0)'
    ]
  ])('%s: the audit is unchecked, saying why', async (_name, answer, why) => {
    const { docker, inspection } = world()
    docker.isolated['sha256:serve'] = { stderr: '', timedOut: false, truncated: false, ...answer }
    const found = await inspection.finish([built(serve, 'sha256:serve')])
    expect(found.get('serve')?.audit?.notes).toStrictEqual([`notebooks not checked: ${why}`])
    expect(found.get('serve')?.packages.notes).toStrictEqual([why])
  })

  test('a notebook that could not be read from the workspace is an error of its tier', async () => {
    const docker = new FakeDocker()
    const plan2 = contentsPlan()
    plan2.unread.set('serve', [
      { path: 'nb/serve/03.ipynb', message: 'cannot read the file: EACCES' }
    ])
    const inspection = new ContentsInspection(plan, theManifest, plan2, {
      docker,
      logger: new RecordingLogger()
    })
    const found = await inspection.finish([built(serve, 'sha256:serve')])
    const audit = found.get('serve')?.audit
    expect(audit?.status).toBe('failed')
    expect(audit?.tiers[0]?.notebooks.map((n) => [n.path, n.status, n.errors])).toStrictEqual([
      ['nb/serve/02.ipynb', 'ok', []],
      [
        'nb/serve/03.ipynb',
        'error',
        [{ kind: 'unreadable', message: 'cannot read the file: EACCES' }]
      ]
    ])
  })
})
