// End to end: push to a real registry (Debian's docker-registry on a loopback port, started
// by global-setup.ts or .ci/run), then check every claim of the report and the outputs
// against the registry's own API.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { parseAllDocuments } from 'yaml'
import type { Report } from '../../src/report/types.js'
import { eventFixture } from '../helpers/events.js'
import { startFailingProxy } from './failing-proxy.js'
import { docker, prepareWorkspace, runAction, runCli, uniqueId, type ActionRun } from './harness.js'

const REGISTRY = process.env['NB_IMAGE_REGISTRY'] ?? ''
const id = uniqueId()
const name = (what: string): string => `nb-image-e2e-${id}/${what}`
const TIERS = ['tier1', 'tier2', 'tier3']

const INDEX = 'application/vnd.oci.image.index.v1+json'
const ACCEPT = [
  INDEX,
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

/** Removes every local tag this file created (refs under nb-image-e2e-<id>/ on any registry). */
afterAll(() => {
  const refs = docker('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}')
    .split('\n')
    .filter((ref) => ref.includes(`/nb-image-e2e-${id}/`))
  if (refs.length > 0)
    spawnSync('docker', ['image', 'rm', '--force', ...refs], { encoding: 'utf8' })
})

/** GET on the registry's API, as any client would. */
async function api(resource: string, accept = ACCEPT): Promise<Response> {
  return fetch(`http://${REGISTRY}/v2/${resource}`, { headers: { accept } })
}

async function tagsOf(repository: string): Promise<string[] | 'unknown repository'> {
  const response = await api(`${repository}/tags/list`)
  if (response.status === 404) return 'unknown repository'
  const body = (await response.json()) as { tags: string[] | null }
  return [...(body.tags ?? [])].sort()
}

/** What the registry says a tag is: its digest, and config + layers of the platform manifest. */
async function registryFacts(
  repository: string,
  reference: string
): Promise<{ digest: string; platformDigest: string; compressedBytes: number }> {
  const top = await api(`${repository}/manifests/${reference}`)
  expect(top.status).toBe(200)
  const digest = top.headers.get('docker-content-digest') ?? ''
  const document = (await top.json()) as {
    mediaType: string
    manifests?: {
      digest: string
      platform?: { os: string; architecture: string }
      annotations?: Record<string, string>
    }[]
  }
  let platformDigest = digest
  if (document.mediaType === INDEX) {
    const images = (document.manifests ?? []).filter(
      (entry) =>
        entry.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' &&
        entry.platform?.os !== 'unknown'
    )
    expect(images).toHaveLength(1)
    platformDigest = images[0]?.digest ?? ''
  }
  const manifest = (await (await api(`${repository}/manifests/${platformDigest}`)).json()) as {
    config: { size: number }
    layers: { size: number }[]
  }
  const compressedBytes =
    manifest.config.size + manifest.layers.reduce((sum, layer) => sum + layer.size, 0)
  return { digest, platformDigest, compressedBytes }
}

/** Runs the action on the sized fixture with a release (or other) event fixture. */
async function runWithEvent(
  fixture: string,
  image: string,
  inputs: Record<string, string>,
  setup?: (workspace: string) => void
): Promise<{ run: ActionRun; report: Report }> {
  const workspace = prepareWorkspace('sized', image)
  setup?.(workspace)
  const event = eventFixture(fixture)
  const run = await runAction({
    workspace,
    inputs: { manifest: 'notebook-tiers.yaml', ...inputs },
    event: { name: event.env.GITHUB_EVENT_NAME, payload: event.payload },
    env: { ...event.env }
  })
  const report = JSON.parse(readFileSync(run.outputs['report-file'] ?? '', 'utf8')) as Report
  return { run, report }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('a release event with push: true', () => {
  const repository = name('release')
  let run: ActionRun
  let report: Report

  beforeAll(async () => {
    expect(REGISTRY).toMatch(/^127\.0\.0\.1:\d+$/)
    ;({ run, report } = await runWithEvent(
      'release',
      `${REGISTRY}/${repository}`,
      // The notebooks are placeholders and the busybox images have no Python: the audit
      // (e2e/contents.test.ts) would rightly stop the push; this test is about pushing.
      { push: 'true', 'audit-notebooks': 'false' },
      (workspace) => {
        const manifest = path.join(workspace, 'notebook-tiers.yaml')
        writeFileSync(
          manifest,
          readFileSync(manifest, 'utf8').replace(
            '    description: Setup\n',
            "    description: Setup\n    notebooks: ['notebooks/00-setup/*.ipynb']\n"
          )
        )
        mkdirSync(path.join(workspace, 'notebooks', '00-setup'), { recursive: true })
        writeFileSync(path.join(workspace, 'notebooks', '00-setup', '00-environment.ipynb'), '{}')
        writeFileSync(path.join(workspace, 'notebooks', '00-setup', '01-check cluster.ipynb'), '{}')
      }
    ))
    // The tests below loop over these images: they must all be there.
    expect(report.images.map((image) => image.name)).toEqual(TIERS)
  })

  test('passes, pushes, and outputs every tag', () => {
    expect(run.exitCode).toBe(0)
    expect(run.outputs['pushed']).toBe('true')
    expect(run.outputs['version']).toBe('1.2.3')
    const expected = TIERS.flatMap((tier) =>
      ['1.2.3', '1.2', '1', 'latest'].map(
        (version) => `${REGISTRY}/${repository}:${tier}-${version}`
      )
    )
    expect(run.outputs['tags']?.split('\n')).toEqual(expected)
    expect(report.images.flatMap((image) => image.tags.map((tag) => tag.ref))).toEqual(expected)
    expect(report.images.flatMap((image) => image.tags).every((tag) => tag.pushed)).toBe(true)
  })

  test('the registry holds exactly those tags', async () => {
    const expected = TIERS.flatMap((tier) =>
      ['1.2.3', '1.2', '1', 'latest'].map((v) => `${tier}-${v}`)
    )
    expect(await tagsOf(repository)).toEqual([...expected].sort())
  })

  test('every tag resolves to the reported digest; compressedBytes is config + layers', async () => {
    for (const image of report.images) {
      for (const tag of image.tags) {
        const facts = await registryFacts(repository, tag.ref.slice(tag.ref.lastIndexOf(':') + 1))
        expect({ ref: tag.ref, ...facts }).toEqual({
          ref: tag.ref,
          digest: image.digest,
          platformDigest: image.platformDigest,
          compressedBytes: image.compressedBytes
        })
        expect(tag.digest).toBe(image.digest)
      }
      expect(image.compressedSource).toBe('registry')
      // Random bytes do not compress: the download is close to the unpacked size, and smaller.
      expect(image.compressedBytes).toBeLessThan(image.sizeBytes ?? 0)
    }
  })

  test('on the containerd image store the pushed digest is the local image ID', () => {
    if (report.engine.imageStore !== 'containerd') return
    for (const image of report.images) expect(image.digest).toBe(image.imageId)
  })

  test('outputs the pinned reference of every tier', () => {
    expect(JSON.parse(run.outputs['digests'] ?? '{}')).toEqual(
      Object.fromEntries(
        report.images.map((image) => [image.name, `${REGISTRY}/${repository}@${image.digest}`])
      )
    )
  })

  test('the NotebookValidationJob YAML names those digests, one job per notebook', () => {
    const file = run.outputs['notebook-validation-jobs'] ?? ''
    expect(file).toBe(path.join(run.runnerTemp, 'notebook-validation-jobs.yaml'))
    const jobs = parseAllDocuments(readFileSync(file, 'utf8')).map(
      (document) => document.toJS() as Record<string, unknown>
    )
    const tier1 = report.images.find((image) => image.name === 'tier1')
    expect(jobs).toEqual(
      ['00-environment', '01-check cluster'].map((notebook) => ({
        apiVersion: 'mlops.mlops.dev/v1alpha1',
        kind: 'NotebookValidationJob',
        metadata: {
          name: `tier1-${notebook.replace(' ', '-')}`,
          labels: {
            'app.kubernetes.io/managed-by': 'nb-image-action',
            'app.kubernetes.io/version': report.tool.version,
            'nb-image-action/tier': 'tier1'
          },
          annotations: {
            'nb-image-action/image': `${REGISTRY}/${repository}:tier1-1.2.3`,
            'nb-image-action/revision': '4f2c1a9d8e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a',
            'nb-image-action/version': '1.2.3'
          }
        },
        spec: {
          notebook: {
            git: { url: 'https://github.com/acme/notebooks.git', ref: 'v1.2.3' },
            path: `notebooks/00-setup/${notebook}.ipynb`
          },
          podConfig: {
            containerImage: `${REGISTRY}/${repository}@${tier1?.digest}`,
            buildConfig: { enabled: false }
          }
        }
      }))
    )
  })

  test('the job summary shows both sizes and the tags', () => {
    expect(run.summary).toContain(
      '| Tier | Image | Size | Compressed | Budget | Headroom | Build time | Cache hits | Layers | Status |'
    )
    expect(run.summary).toContain(`✅ Pushed 12 tags · version <code>1.2.3</code>`)
    expect(run.summary).toContain(
      `| tier2 | <code>${REGISTRY}/${repository}:tier2-latest</code> | ✅ |`
    )
  })
})

describe('nothing is pushed unless every tier passes', () => {
  test('an over-budget tier leaves the registry without any new tag', async () => {
    const repository = name('over')
    const { run, report } = await runWithEvent('release', `${REGISTRY}/${repository}`, {
      push: 'true',
      threshold: '9MB'
    })
    expect(run.exitCode).not.toBe(0)
    expect(report.images.find((image) => image.name === 'tier2')?.status).toBe('over')
    expect(report.pushed).toBe(false)
    expect(report.publish.skipped).toBe('tier2 is over budget')
    expect(report.images.flatMap((image) => image.tags).some((tag) => tag.pushed)).toBe(false)
    expect(run.outputs['pushed']).toBe('false')
    expect(await tagsOf(repository)).toBe('unknown repository')
    expect(run.stdout).toContain('::warning::push: nothing pushed, because tier2 is over budget')
  })

  test('a fork pull request builds and measures, pushes nothing, and passes with a warning', async () => {
    const repository = name('fork')
    const { run, report } = await runWithEvent('pull-request-fork', `${REGISTRY}/${repository}`, {
      push: 'true'
    })
    expect(run.exitCode).toBe(0)
    expect(report.publish.skipped).toContain('pull request from the fork mallory/notebooks')
    expect(run.outputs['tags']?.split('\n')).toEqual(
      TIERS.map((tier) => `${REGISTRY}/${repository}:${tier}-pr-77`)
    )
    expect(await tagsOf(repository)).toBe('unknown repository')
  })
})

describe('registry faults', () => {
  test('a registry that is down fails the run after 3 tries, naming the image, and claims no push', async () => {
    const host = `127.0.0.1:${await closedPort()}`
    const { run, report } = await runWithEvent('release', `${host}/${name('down')}`, {
      push: 'true'
    })
    expect(run.exitCode).not.toBe(0)
    expect(report.passed).toBe(true)
    expect(report.pushed).toBe(false)
    expect(report.images.flatMap((image) => image.tags).some((tag) => tag.pushed)).toBe(false)
    const first = `${host}/${name('down')}:tier1-1.2.3`
    expect(report.publish.error).toMatch(
      new RegExp(
        `^tier1 \\(tier1\\): pushing ${first.replace(/[.]/g, '\\.')} failed after 3 tries: .*connection refused`
      )
    )
    expect(run.stdout).toContain(`::warning::docker push ${first} failed (try 1 of 3)`)
    expect(run.stdout).toContain(`::warning::docker push ${first} failed (try 2 of 3)`)
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::tier1 \\(tier1\\): pushing ${first.replace(/[.]/g, '\\.')} failed after 3 tries`
      )
    )
    expect(run.outputs['pushed']).toBe('false')
    expect(run.outputs['notebook-validation-jobs']).toBe('')
  })

  test('a registry that answers 500 and then recovers: the push is retried and succeeds', async () => {
    const proxy = await startFailingProxy(REGISTRY, 2)
    try {
      const repository = name('flaky')
      const { run, report } = await runWithEvent('tag-push', `${proxy.host}/${repository}`, {
        push: 'true'
      })
      expect(run.exitCode).toBe(0)
      expect(proxy.failed).toBe(2)
      expect(run.stdout).toContain(
        `::warning::docker push ${proxy.host}/${repository}:tier1-0.4.10 failed (try 1 of 3)`
      )
      expect(run.stdout).toContain('500 Internal Server Error')
      expect(report.pushed).toBe(true)
      // The real registry behind the proxy holds every tag, at the reported digests.
      expect(await tagsOf(repository)).toEqual(
        TIERS.flatMap((tier) => ['0', '0.4', '0.4.10', 'latest'].map((v) => `${tier}-${v}`)).sort()
      )
      expect(report.images.map((image) => image.name)).toEqual(TIERS)
      for (const image of report.images) {
        expect((await registryFacts(repository, `${image.name}-0.4.10`)).digest).toBe(image.digest)
      }
    } finally {
      await proxy.close()
    }
  })
})

describe('threshold-basis: compressed', () => {
  test('budgets the packed size before the push, and the registry reports the same bytes', async () => {
    const repository = name('compressed')
    const { run, report } = await runWithEvent('branch-push', `${REGISTRY}/${repository}`, {
      push: 'true',
      'threshold-basis': 'compressed',
      threshold: '7.1MB'
    })
    if (report.engine.imageStore !== 'containerd') {
      // The classic store cannot know the size before pushing: a clear error, no guess.
      expect(run.exitCode).not.toBe(0)
      expect(report.error).toContain('threshold-basis: compressed needs the containerd image store')
      return
    }
    // tier2 is ~10.4 MB unpacked and ~9.5 MB compressed: over 7.1 MB either way. tier3 is
    // ~7.3 MB unpacked, over 7.1 MB, but ~6.3 MB compressed: within the compressed budget.
    expect(report.thresholdBasis).toBe('compressed')
    expect(report.images.map((image) => [image.name, image.status])).toEqual([
      ['tier1', 'ok'],
      ['tier2', 'over'],
      ['tier3', 'ok']
    ])
    expect(report.images.every((image) => image.compressedSource === 'local')).toBe(true)
    expect(run.stdout).toContain('::group::Measure tier3 compressed')
    expect(await tagsOf(repository)).toBe('unknown repository')
    expect(run.stdout).toMatch(
      /::error::.*:tier2 \(tier2\) is [\d.]+ MB compressed \([\d,]+ bytes\), over its 7.1 MB budget/
    )
    // Within budget, the same run pushes; the registry's figure equals the local one.
    const { run: second, report: pushed } = await runWithEvent(
      'branch-push',
      `${REGISTRY}/${repository}`,
      {
        push: 'true',
        'threshold-basis': 'compressed',
        threshold: '20MB'
      }
    )
    expect(second.exitCode).toBe(0)
    expect(pushed.images.map((image) => image.name)).toEqual(TIERS)
    for (const image of pushed.images) {
      const facts = await registryFacts(repository, `${image.name}-sha-4f2c1a9`)
      expect(facts.compressedBytes).toBe(image.compressedBytes)
      expect(facts.digest).toBe(image.imageId)
    }
    expect(await tagsOf(repository)).toEqual(
      TIERS.flatMap((tier) => [`${tier}-feature-Tier2-GPU`, `${tier}-sha-4f2c1a9`]).sort()
    )
  })
})

describe('CLI', () => {
  test('`nb-image build --push --ref` publishes the same tags outside GitHub', async () => {
    const repository = name('cli')
    const workspace = prepareWorkspace('sized', `${REGISTRY}/${repository}`)
    const result = await runCli(workspace, [
      'build',
      '--tiers',
      'tier1',
      '--push',
      '--ref',
      'refs/tags/v3.0.0',
      '--tag-template',
      '{image}-{tier}:{version}',
      '--latest',
      'false'
    ])
    expect(result.exitCode).toBe(0)
    expect(await tagsOf(`${repository}-tier1`)).toEqual(['3', '3.0', '3.0.0'])
    const report = JSON.parse(
      readFileSync(path.join(workspace, 'nb-image-report.json'), 'utf8')
    ) as Report
    expect(report.pushed).toBe(true)
    expect(result.stdout).toContain(
      `tier1  ${REGISTRY}/${repository}-tier1:3.0.0  pushed ${report.images[0]?.digest}`
    )
  })
})
