// pip tiers for real: the action resolves a three-tier manifest's Python packages against
// a package index this file serves (helpers/pip-index-server.ts, on the bridge gateway),
// inside the pip base image, and builds every image from that one resolution; then each
// image is asked what it holds (importlib.metadata, `docker run --network none`). The index
// answers from this process: every command that makes pip reach it (the action) runs
// asynchronously; the synchronous `docker` calls below never involve the index.
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { Report } from '../../src/report/types.js'
import { PipIndexServer } from '../helpers/pip-index-server.js'
import { pipFixtureWheels } from '../helpers/pip-packages.js'
import { buildWheel } from '../helpers/wheel-builder.js'
import {
  docker,
  prepareWorkspace,
  removeImages,
  runAction,
  uniqueId,
  type ActionRun
} from './harness.js'

const REPO = `nb-image-e2e/pip-${uniqueId()}`
const PASSWORD = `pw-${randomBytes(8).toString('hex')}`
let index: PipIndexServer
let locked: PipIndexServer

beforeAll(async () => {
  index = new PipIndexServer(pipFixtureWheels())
  locked = new PipIndexServer(pipFixtureWheels(), { auth: { username: 'ci', password: PASSWORD } })
  await index.start()
  await locked.start()
})
afterAll(async () => {
  await index.stop()
  await locked.stop()
  // Every repository this file made (`-per-tier`, `-locked`, the refused cases), also when a
  // test stopped before its own clean-up.
  removeImages(REPO, `${REPO}-*`)
})

/** What the fixture project resolves to: the constraint keeps nbt-grpc, hence nbt-serve, at 1.0.0. */
const BASE = { 'nbt-runner': '1.2.0', 'nbt-core': '1.1.0', 'nbt-config': '1.1.0' }
const EXPECTED: Record<string, Record<string, string>> = {
  tier1: { ...BASE, 'nbt-k8s': '3.0.0' },
  tier2: { ...BASE, 'nbt-train': '1.0.0', 'nbt-plot': '1.0.0' },
  tier3: { ...BASE, 'nbt-serve': '1.0.0', 'nbt-grpc': '1.0.0' }
}

/** The Python distributions an image holds (pip's own aside), by normal name: what it would import. */
function installed(ref: string): Record<string, string> {
  const program = [
    'import importlib.metadata as m, json, re',
    'print(json.dumps({re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower(): d.version for d in m.distributions()}))'
  ].join('\n')
  const text = docker(
    'run',
    '--rm',
    '--network',
    'none',
    '--entrypoint',
    'python3',
    ref,
    '-c',
    program
  )
  const all = JSON.parse(text) as Record<string, string>
  delete all['pip']
  delete all['setuptools']
  return all
}

/** Runs the action on a workspace against an index (given as the pip-index-url input). */
function build(
  workspace: string,
  inputs: Record<string, string> = {},
  onStdout?: (chunk: string) => void
): Promise<ActionRun> {
  return runAction({
    workspace,
    inputs: { comment: 'never', 'upload-report': 'false', 'pip-index-url': index.url(), ...inputs },
    ...(onStdout ? { onStdout } : {})
  })
}

const reportOf = (run: ActionRun): Report =>
  JSON.parse(readFileSync(run.outputs['report-file'] ?? '', 'utf8')) as Report

const image = (report: Report, name: string): Report['images'][number] => {
  const found = report.images.find((candidate) => candidate.name === name)
  if (!found) throw new Error(`no image ${name} in the report`)
  return found
}

/** The file names in every layer of an image that its base image does not have. */
function ownLayerEntries(ref: string, base: string): { names: string[]; bytes: Buffer[] } {
  const baseLayers = new Set(
    JSON.parse(docker('image', 'inspect', '--format', '{{json .RootFS.Layers}}', base)) as string[]
  )
  const names: string[] = []
  const bytes: Buffer[] = []
  for (const layer of layersOf(ref)) {
    const diffId = `sha256:${createHash('sha256').update(layer).digest('hex')}`
    if (baseLayers.has(diffId)) continue
    bytes.push(layer)
    names.push(...tarNames(layer))
  }
  return { names, bytes }
}

/** Every layer of an image, uncompressed, from `docker image save`. */
function layersOf(ref: string): Buffer[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-image-e2e-save-'))
  try {
    docker('image', 'save', '--output', path.join(dir, 'image.tar'), ref)
    const untar = spawnSync('tar', ['-xf', path.join(dir, 'image.tar'), '-C', dir])
    if (untar.status !== 0) throw new Error(`tar: ${untar.stderr.toString()}`)
    const [manifest] = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      Layers: string[]
    }[]
    return (manifest?.Layers ?? []).map((layer) => {
      const data = readFileSync(path.join(dir, layer))
      return data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The entry names of a tar archive (ustar headers; long names of pip's files fit in 255). */
function tarNames(tar: Buffer): string[] {
  const names: string[] = []
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512)
    if (header.every((byte) => byte === 0)) break
    const field = (start: number, length: number): string =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '')
    const prefix = field(345, 155)
    names.push(prefix ? `${prefix}/${field(0, 100)}` : field(0, 100))
    const size = parseInt(field(124, 12).trim() || '0', 8)
    offset += 512 + Math.ceil(size / 512) * 512
  }
  return names
}

describe('a three-tier pip manifest from the local index', () => {
  let workspace: string
  let first: ActionRun

  beforeAll(async () => {
    workspace = prepareWorkspace('pip-tiers', REPO)
    first = await build(workspace)
  })

  test('multi-stage: every image holds exactly the resolved versions, one version of each package', () => {
    expect(first.stderr).toBe('')
    expect(first.exitCode).toBe(0)
    const report = reportOf(first)
    expect(report.python).toStrictEqual({
      consistency: 'all-tiers',
      pip: '23.0.1',
      python: expect.stringMatching(/^3\.11\./) as unknown as string,
      differing: []
    })
    for (const [tier, expected] of Object.entries(EXPECTED)) {
      const ref = `${REPO}:${tier}`
      // The image, the report and the resolution agree.
      expect(installed(ref)).toStrictEqual(expected)
      expect(
        Object.fromEntries(
          (image(report, tier).pythonPackages ?? []).map((item) => [item.name, item.version])
        )
      ).toStrictEqual(expected)
    }
    // The package that only one tier asks for is only in that tier.
    expect(installed(`${REPO}:tier2`)['nbt-k8s']).toBeUndefined()
    expect(installed(`${REPO}:tier3`)['nbt-k8s']).toBeUndefined()
    expect(installed(`${REPO}:tier1`)['nbt-grpc']).toBeUndefined()
    // The log shows the resolution once, before the build.
    expect(first.stdout).toContain(
      '::group::Resolve Python packages (pythonConsistency: all-tiers)'
    )
    expect(first.stdout.indexOf('Resolve Python packages')).toBeLessThan(
      first.stdout.indexOf('::group::Build 3 images')
    )
  })

  test('each file was downloaded from the index once, by the one resolution', () => {
    const downloads = index.downloads()
    expect(new Set(downloads).size).toBe(downloads.length)
    // The eight chosen; pip 23.0.1 also fetches the candidates it backtracks from (it reads
    // metadata from the wheels themselves), once each too.
    const chosen = Object.entries(Object.assign({}, ...Object.values(EXPECTED)) as object).map(
      ([name, version]) => `${name.replace(/-/g, '_')}-${String(version)}-py3-none-any.whl`
    )
    expect(downloads).toEqual(expect.arrayContaining(chosen))
    expect(chosen).toHaveLength(8)
  })

  test('no wheel, pip cache or resolver input in any layer the images add', () => {
    for (const tier of ['tier1', 'tier2', 'tier3']) {
      const { names } = ownLayerEntries(`${REPO}:${tier}`, 'nb-image-fixture/python-pip:bookworm')
      expect(names.length).toBeGreaterThan(0)
      expect(
        names.filter((name) => /\.whl$|(^|\/)\.cache\/pip|(^|\/)nb\/|requirements\.lock/.test(name))
      ).toStrictEqual([])
    }
  })

  test('shared, warm: the union of every tier, from the cached resolution (the index is not asked)', async () => {
    const before = index.requests.length
    const run = await build(workspace, { strategy: 'shared' })
    expect(run.exitCode).toBe(0)
    expect(index.requests.length).toBe(before)
    const union = Object.assign({}, ...Object.values(EXPECTED)) as Record<string, string>
    expect(installed(`${REPO}:shared`)).toStrictEqual(union)
    expect(image(reportOf(run), 'shared').pythonPackages).toHaveLength(Object.keys(union).length)
  })

  test("one tier's requirements changed: only its install runs again, the others' are cached", async () => {
    // A project published for this run only, so no earlier run has cached its install.
    const added = `nbt-added-${uniqueId()}`
    index.add(buildWheel({ name: added, version: '1.0.0', payloadBytes: 4096 }))
    appendFileSync(path.join(workspace, 'requirements', 'tier2.txt'), `${added}\n`)
    const run = await build(workspace)
    expect(run.exitCode).toBe(0)
    const report = reportOf(run)
    // Each image: the resolution, the base's install and its own (FROM aside). The
    // resolution ran again; tier2's install too; everything else came from the cache.
    const steps = Object.fromEntries(
      report.images.map((item) => [item.name, [item.cachedSteps, item.totalSteps]])
    )
    expect(steps).toStrictEqual({ tier1: [2, 3], tier2: [1, 3], tier3: [2, 3] })
    expect(installed(`${REPO}:tier2`)).toStrictEqual({ ...EXPECTED['tier2'], [added]: '1.0.0' })
    expect(installed(`${REPO}:tier1`)).toStrictEqual(EXPECTED['tier1'])
  })
})

describe('pythonConsistency: per-tier', () => {
  test('each tier resolves on its own; a warning lists the packages whose versions differ', async () => {
    const workspace = prepareWorkspace('pip-tiers', `${REPO}-per-tier`)
    const manifest = path.join(workspace, 'notebook-tiers.yaml')
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}pythonConsistency: per-tier\n`)
    const run = await build(workspace)
    expect(run.exitCode).toBe(0)
    // Alone, the base takes nbt-core 2.0.0 and tier2 nbt-train 2.0.0; tier3 needs nbt-core<2.
    expect(installed(`${REPO}-per-tier:tier2`)).toMatchObject({
      'nbt-core': '2.0.0',
      'nbt-train': '2.0.0'
    })
    expect(installed(`${REPO}-per-tier:tier3`)['nbt-core']).toBe('1.1.0')
    expect(installed(`${REPO}-per-tier:tier1`)['nbt-core']).toBe('2.0.0')
    expect(run.stdout).toMatch(
      /::warning::pythonConsistency: per-tier: 1 package has different versions in different images: nbt-core: 2\.0\.0 in tier1, tier2; 1\.1\.0 in tier3/
    )
    expect(reportOf(run).python?.differing).toStrictEqual([
      { name: 'nbt-core', versions: { tier1: '2.0.0', tier2: '2.0.0', tier3: '1.1.0' } }
    ])
    removeImages(`${REPO}-per-tier`)
  })
})

describe('what stops a run before any image is built', () => {
  /** A workspace of the fixture project, changed by `edit`; the run's images must not exist. */
  async function refused(
    name: string,
    edit: (workspace: string) => void,
    inputs: Record<string, string> = {}
  ): Promise<{ run: ActionRun; report: Report }> {
    const repository = `${REPO}-${name}`
    const workspace = prepareWorkspace('pip-tiers', repository)
    edit(workspace)
    const run = await build(workspace, inputs)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
    expect(run.stdout).not.toContain('::group::Build ')
    for (const tier of ['tier1', 'tier2', 'tier3']) {
      const inspect = spawnSync('docker', ['image', 'inspect', `${repository}:${tier}`])
      expect(inspect.status).not.toBe(0)
    }
    const report = reportOf(run)
    expect(report.passed).toBe(false)
    expect(report.images.every((item) => item.status === 'failed' && item.imageId === null)).toBe(
      true
    )
    return { run, report }
  }

  const replace = (workspace: string, file: string, from: string, to: string): void => {
    const full = path.join(workspace, file)
    writeFileSync(full, readFileSync(full, 'utf8').replace(from, to))
  }

  test('a conflict between two tiers names both tiers, the packages and their lines', async () => {
    const { run, report } = await refused('conflict', (workspace) =>
      replace(workspace, 'requirements/tier2.txt', 'nbt-train\n', 'nbt-train>=2\n')
    )
    // The step's failure message: one sentence that names the tiers and the packages.
    const failed = /^::error::(Python packages: .*)$/m.exec(run.stdout)?.[1] ?? ''
    expect(failed).toMatch(/^Python packages: tiers tier2 and tier3 cannot be installed together: /)
    expect(failed).toContain('nbt-train 2.0.0 depends on nbt-core>=2')
    expect(failed).toMatch(/nbt-serve\[grpc\] 1\.[01]\.0 depends on nbt-core<2/)
    // Annotations at the requirement file's line and at the manifest's line.
    expect(run.stdout).toMatch(
      /::error title=Python packages cannot be resolved,file=requirements\/tier2\.txt,line=2,col=1::requirements\/tier2\.txt:2:1: tiers\.tier2\.requirements: "nbt-train>=2" of tier tier2 conflicts with tier3/
    )
    expect(run.stdout).toMatch(
      /::error title=Python packages cannot be resolved,file=notebook-tiers\.yaml,line=21,col=11::notebook-tiers\.yaml:21:11: tiers\.tier3\.pip\[0\]: "nbt-serve\[grpc\]" of tier tier3 conflicts with tier2/
    )
    expect(report.error).toMatch(
      /^Python packages: tiers tier2 and tier3 cannot be installed together/
    )
  })

  test.each<[string, (workspace: string) => void, RegExp]>([
    [
      'missing',
      (workspace) =>
        replace(workspace, 'notebook-tiers.yaml', 'pip: [nbt-k8s]', 'pip: [nbt-k8s, nbt-nope>=1]'),
      /file=notebook-tiers\.yaml,line=15,col=\d+::notebook-tiers\.yaml:15:\d+: tiers\.tier1\.pip\[1\]: "nbt-nope>=1": nbt-nope>=1: the package index has no project nbt-nope \(http:\/\/[\d.]+:\d+\/simple\/\)/
    ],
    [
      'version',
      (workspace) => replace(workspace, 'requirements/common.txt', 'NBT_Plot', 'NBT_Plot==9.9'),
      /file=requirements\/common\.txt,line=1,col=1::requirements\/common\.txt:1:1: tiers\.tier2\.requirements: .*no version of NBT_Plot there matches \(it has 0\.9\.0, 1\.0\.0\)/
    ],
    [
      'broken-line',
      (workspace) =>
        appendFileSync(path.join(workspace, 'requirements', 'common.txt'), 'nbt-core[\n'),
      /file=requirements\/common\.txt,line=2,col=1::requirements\/common\.txt:2:1: tiers\.tier2\.requirements: pip cannot read this line: Invalid requirement: 'nbt-core\['/
    ],
    [
      'no-pip',
      (workspace) =>
        replace(
          workspace,
          'notebook-tiers.yaml',
          'nb-image-fixture/python-pip:bookworm',
          'nb-image-example/python:bookworm'
        ),
      /file=notebook-tiers\.yaml,line=8,col=12::.*baseImage: base image nb-image-example\/python:bookworm has Python 3\.11\.\d+ without its "json" module/
    ],
    [
      'no-python',
      (workspace) =>
        replace(
          workspace,
          'notebook-tiers.yaml',
          'nb-image-fixture/python-pip:bookworm',
          'nb-image-fixture/busybox:1'
        ),
      /file=notebook-tiers\.yaml,line=8,col=12::.*baseImage: base image nb-image-fixture\/busybox:1 has no python3/
    ]
  ])('%s: one located error, no stack trace, nothing built', async (name, edit, annotation) => {
    const { run } = await refused(name, edit)
    expect(run.stdout).toMatch(annotation)
  })

  test('an index that does not answer: said so, naming it', async () => {
    const closed = new PipIndexServer([])
    await closed.start()
    const url = closed.url()
    await closed.stop()
    const { run } = await refused('down', () => undefined, { 'pip-index-url': url })
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::Python packages: the package index did not answer \\(connection refused\\): ${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`
      )
    )
  })
})

describe('credentials', () => {
  test('a credentialed index URL given as input is found nowhere: images, history, bake files, log, outputs, report', async () => {
    const repository = `${REPO}-locked`
    const workspace = prepareWorkspace('pip-tiers', repository)
    // The manifest names the index without credentials; the input carries them.
    const manifest = path.join(workspace, 'notebook-tiers.yaml')
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}pipIndexUrl: ${locked.url()}\n`)
    const bakeFiles: string[] = []
    const run = await build(workspace, { 'pip-index-url': locked.url(true) }, (chunk) => {
      for (const [, file] of chunk.matchAll(/docker buildx bake --file (\S+)/g))
        if (file && existsSync(file)) bakeFiles.push(readFileSync(file, 'utf8'))
    })
    expect(run.exitCode).toBe(0)
    // The index saw the credentials on every request it answered.
    expect(locked.requests.length).toBeGreaterThan(0)
    expect(
      locked.requests.every((request) => request.user === 'ci' && request.status === 200)
    ).toBe(true)
    expect(bakeFiles).toHaveLength(2)
    expect(bakeFiles.join('\n')).toContain('id=nb-pip-conf,env=NB_PIP_CONF')
    const texts: [string, string][] = [
      ['stdout', run.stdout],
      ['stderr', run.stderr],
      ['summary', run.summary],
      ['outputs', JSON.stringify(run.outputs)],
      ['report', readFileSync(run.outputs['report-file'] ?? '', 'utf8')],
      ...bakeFiles.map((text, i): [string, string] => [`bake file ${i + 1}`, text]),
      ...filesUnder(workspace).map((file): [string, string] => [
        file,
        readFileSync(file, 'latin1')
      ]),
      ...filesUnder(run.runnerTemp).map((file): [string, string] => [
        file,
        readFileSync(file, 'latin1')
      ])
    ]
    for (const tier of ['tier1', 'tier2', 'tier3']) {
      const ref = `${repository}:${tier}`
      texts.push([`${ref} history`, docker('history', '--no-trunc', '--format', '{{json .}}', ref)])
      texts.push([`${ref} inspect`, docker('image', 'inspect', ref)])
      layersOf(ref).forEach((layer, i) =>
        texts.push([`${ref} layer ${i}`, layer.toString('latin1')])
      )
    }
    // The one place it may show: the command asking the runner to mask it.
    const leaks = texts.filter(([, text]) =>
      text.split('\n').some((line) => line.includes(PASSWORD) && !line.startsWith('::add-mask::'))
    )
    expect(leaks.map(([where]) => where)).toStrictEqual([])
    expect(run.stdout).toContain(`::add-mask::${PASSWORD}`)
    expect(installed(`${repository}:tier1`)).toStrictEqual(EXPECTED['tier1'])
    removeImages(repository)
  })
})

/** Every regular file under a folder. */
function filesUnder(folder: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(folder)) {
    const full = path.join(folder, entry)
    const stat = statSync(full)
    if (stat.isDirectory()) found.push(...filesUnder(full))
    else if (stat.isFile()) found.push(full)
  }
  return found
}
