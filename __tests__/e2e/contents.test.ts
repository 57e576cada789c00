// End to end: what is inside each image and whether each tier's notebooks can import what
// they import, through the bundled action against the real engine. Debian tiers from the
// mirror (small real packages, the bundled example's notebooks and fixture notebooks), pip
// tiers from the test package index (global-setup.ts), and a pull request whose comment shows
// a package added to one tier, against a baseline report, through the local GitHub API.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/types.js'
import { GitHubApiServer } from '../helpers/github-api-server.js'
import {
  docker,
  prepareWorkspace,
  removeImages,
  ROOT,
  runAction,
  uniqueId,
  type ActionRun
} from './harness.js'

const id = uniqueId()
const repo = (name: string): string => `nb-image-e2e-${id}/${name}`
const NOTEBOOKS = path.join(ROOT, '__tests__', 'fixtures', 'notebooks')
const EXAMPLE = path.join(ROOT, 'examples', 'notebooks')

afterAll(() => {
  removeImages(repo('contents'), repo('contents-pip'))
})

/** Copies notebooks into a folder of the workspace. */
function place(workspace: string, folder: string, files: string[]): void {
  mkdirSync(path.join(workspace, folder), { recursive: true })
  for (const file of files) copyFileSync(file, path.join(workspace, folder, path.basename(file)))
}

const readReport = (run: ActionRun): Report =>
  JSON.parse(readFileSync(run.outputs['report-file'] ?? '', 'utf8')) as Report

/** The workflow commands of a level (`error`, `warning`) the run printed, as [properties, message]. */
function annotations(run: ActionRun, level: 'error' | 'warning'): [string, string][] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${level}`))
    .map((line) => {
      const match = /^::\w+(?: ([^:]*))?::(.*)$/.exec(line)
      return [match?.[1] ?? '', (match?.[2] ?? '').replace(/%0A/g, '\n')]
    })
}

/** The probe containers of an image still on the engine (there must be none). */
function leftoverProbes(image: string): string {
  return docker(
    'ps',
    '--all',
    '--quiet',
    '--filter',
    'label=nb-image-action.probe',
    '--filter',
    `ancestor=${image}`
  ).trim()
}

describe('Debian tiers: the packages, and the notebooks checked in their own image', () => {
  let workspace: string
  let run: ActionRun
  let report: Report

  beforeAll(async () => {
    workspace = prepareWorkspace('contents', repo('contents'))
    place(workspace, 'notebooks/setup', [path.join(EXAMPLE, 'tier1-setup', '00-environment.ipynb')])
    place(workspace, 'notebooks/serving', [
      path.join(EXAMPLE, 'tier3-serving', '02-serve.ipynb'),
      path.join(NOTEBOOKS, 'pip-magic.ipynb'),
      path.join(NOTEBOOKS, 'empty.ipynb')
    ])
    place(workspace, 'notebooks/training', [
      path.join(EXAMPLE, 'tier2-training', '01-train-iris.ipynb'),
      path.join(NOTEBOOKS, 'conditional-import.ipynb')
    ])
    place(workspace, 'notebooks/broken', [
      path.join(NOTEBOOKS, 'syntax-error.ipynb'),
      path.join(NOTEBOOKS, 'invalid-json.ipynb'),
      path.join(NOTEBOOKS, 'not-utf8.ipynb')
    ])
    run = await runAction({ workspace, inputs: { tiers: 'setup,serving,training' } })
    report = readReport(run)
  })

  test('a tier whose notebook imports what its image lacks fails the step; the report keeps every tier', () => {
    expect(run.exitCode).toBe(1)
    expect(run.outputs['passed']).toBe('false')
    expect(report.images.map((image) => [image.name, image.status, image.audit?.status])).toEqual([
      ['setup', 'ok', 'passed'],
      ['serving', 'ok', 'passed'],
      ['training', 'ok', 'failed']
    ])
    expect(run.stdout).toMatch(
      /^::error::.*nb-image-e2e-\w+\/contents:training \(training\): 2 notebook\(s\) cannot run there: notebooks\/training\/01-train-iris\.ipynb imports sklearn, which the image lacks; notebooks\/training\/conditional-import\.ipynb imports tomlkit, missing_fallback_module, which the image lacks/m
    )
  })

  test('the missing module is an error annotation on the notebook’s line of that cell', () => {
    const errors = annotations(run, 'error').filter(([, message]) =>
      message.includes('cannot be imported')
    )
    const notebook = 'notebooks/training/01-train-iris.ipynb'
    // The example notebook's first code cell, `from sklearn.datasets import load_iris`.
    const text = readFileSync(path.join(workspace, notebook), 'utf8')
    const line = text.split('\n').findIndex((l) => l.includes('from sklearn.datasets')) + 1
    expect(errors).toContainEqual([
      `title=Missing module,file=${notebook},line=${line}`,
      `${notebook} cell 1, line 1: "sklearn" cannot be imported in ${repo('contents')}:training (tier training) (and 1 more import(s)). Likely package: scikit-learn (pip) or python3-sklearn (apt); add python3-sklearn to tiers.training.apt (or scikit-learn to tiers.training.pip) in notebook-tiers.yaml`
    ])
    // A required import in an except-handler, and one under `except KeyError`, fail too.
    expect(errors.map(([, message]) => /"(\w+)" cannot/.exec(message)?.[1]).sort()).toEqual([
      'missing_fallback_module',
      'sklearn',
      'tomlkit'
    ])
  })

  test('optional imports are only noted; a module the notebook pip-installs itself is a warning', () => {
    const training = report.images.find((image) => image.name === 'training')
    const conditional = training?.audit?.tiers[0]?.notebooks.find((n) =>
      n.path.endsWith('conditional-import.ipynb')
    )
    expect(
      conditional?.missing
        .filter((m) => m.optional)
        .map((m) => m.module)
        .sort()
    ).toEqual(['orjson', 'pandas', 'rapidjson', 'simdjson', 'ujson'])
    const warnings = annotations(run, 'warning').filter(([properties]) =>
      properties.startsWith('title=Module installed by the notebook')
    )
    expect(
      warnings.map(([properties, message]) => [
        properties.replace(/,line=\d+/, ''),
        /"(\w+)"/.exec(message)?.[1]
      ])
    ).toEqual([
      ['title=Module installed by the notebook,file=notebooks/serving/pip-magic.ipynb', 'xgboost'],
      ['title=Module installed by the notebook,file=notebooks/serving/pip-magic.ipynb', 'tqdm']
    ])
    const serving = report.images.find((image) => image.name === 'serving')?.audit?.tiers[0]
    const pipMagic = serving?.notebooks.find((n) => n.path.endsWith('pip-magic.ipynb'))
    expect(pipMagic?.status).toBe('ok')
    expect(pipMagic?.installs.map((install) => install.manager)).toEqual([
      'pip',
      'pip',
      'pip',
      'pip',
      'apt'
    ])
    expect(serving?.notebooks.find((n) => n.path.endsWith('empty.ipynb'))?.notes).toEqual([
      'no code cells: nothing to check'
    ])
  })

  test('the bundled example’s tier1 and tier3 notebooks resolve every import in their images', () => {
    const resolved = (tier: string): string[] =>
      report.images
        .find((image) => image.name === tier)
        ?.audit?.tiers[0]?.notebooks.find(
          (n) => !n.path.includes('pip-magic') && !n.path.includes('empty')
        )
        ?.resolved.map((r) => `${r.module}:${r.package ?? ''}`) ?? []
    expect(resolved('setup')).toEqual([
      'yaml:python3-yaml',
      'requests:python3-requests',
      'kubernetes:python3-kubernetes',
      'prometheus_client:python3-prometheus-client'
    ])
    expect(resolved('serving')).toEqual(['flask:python3-flask'])
  })

  test('each image’s packages: the interpreter, Debian packages with versions and sizes, nothing twice', () => {
    for (const image of report.images) {
      const packages = image.packages
      expect(packages?.interpreter?.version).toMatch(/^3\.11\.\d+$/)
      const names = packages?.debian.map((p) => p.name) ?? []
      expect(names).toEqual(expect.arrayContaining(['python3-yaml', 'python3.11-minimal', 'libc6']))
      for (const deb of packages?.debian ?? []) {
        expect(deb.version).not.toBe('')
        expect(deb.sizeBytes === null || deb.sizeBytes > 0).toBe(true)
      }
      // Python distributions apt installed name their Debian package (and are counted there).
      const pyyaml = packages?.python.find((dist) => dist.name === 'pyyaml')
      expect(pyyaml).toMatchObject({ debianPackage: 'python3-yaml', location: 'debian' })
    }
    const six = (tier: string): string | undefined =>
      report.images
        .find((image) => image.name === tier)
        ?.packages?.debian.find((p) => p.name === 'python3-six')?.version
    expect(six('serving')).toMatch(/^1\.16/)
    expect(six('training')).toBe(six('serving'))
  })

  test('the summary shows the audit, each tier’s packages and the drift between them', () => {
    expect(run.summary).toContain('## Notebook images: ❌ 2 notebooks cannot run')
    expect(run.summary).toContain('### Notebook imports')
    expect(run.summary).toMatch(
      /\| training \| <code>notebooks\/training\/01-train-iris\.ipynb<\/code> \| ❌ missing modules \| <code>sklearn<\/code> \(cell 1, line 1\)/
    )
    expect(run.summary).toContain('### Packages')
    expect(run.summary).toMatch(/^\| setup \| 3\.11\.\d+ \| – \| \d+ · [\d.]+ MB \| – \|/m)
    // Drift as the images are: tiers built at the same time from one base can still differ
    // (apt upgrades a library a new package needs, e.g. libssl3 from bookworm-security).
    const versions = new Map<string, Set<string>>()
    for (const image of report.images)
      for (const deb of image.packages?.debian ?? [])
        versions.set(deb.name, (versions.get(deb.name) ?? new Set()).add(deb.version))
    const drifting = [...versions].filter(([, seen]) => seen.size > 1).map(([name]) => name)
    if (drifting.length === 0) {
      expect(run.summary).toContain(
        'No drift: every package that several tier images have is at the same version in each.'
      )
    } else {
      expect(run.summary).toContain(`⚠️ **Drift:** ${drifting.length} package`)
      const rows = run.summary.split('\n').filter((line) => line.includes(' <sub>apt</sub> | '))
      for (const name of drifting)
        expect(rows.some((row) => row.startsWith(`| ${name} <sub>apt</sub> | `))).toBe(true)
    }
  })

  test('no probe container is left behind', () => {
    for (const image of report.images) expect(leftoverProbes(image.imageId ?? '')).toBe('')
  })

  test('bad notebooks: errors naming the file and the cell, never a stack trace', async () => {
    const broken = await runAction({ workspace, inputs: { tiers: 'broken' } })
    expect(broken.exitCode).toBe(1)
    const errors = annotations(broken, 'error')
    expect(errors).toEqual(
      expect.arrayContaining([
        [
          expect.stringMatching(
            /^title=Notebook cell does not parse,file=notebooks\/broken\/syntax-error\.ipynb,line=\d+$/
          ),
          'notebooks/broken/syntax-error.ipynb (cell 2, line 2): SyntaxError in cell 2, line 2: invalid syntax'
        ],
        [
          'title=Notebook not checked,file=notebooks/broken/invalid-json.ipynb,line=6',
          'notebooks/broken/invalid-json.ipynb: not valid JSON: Expecting value at line 6, column 1'
        ],
        [
          'title=Notebook not checked,file=notebooks/broken/not-utf8.ipynb',
          'notebooks/broken/not-utf8.ipynb: not UTF-8 text: byte 0xe9 at offset 40'
        ]
      ])
    )
    expect(broken.stdout + broken.stderr).not.toMatch(/Traceback|\n\s+at .*\.js:\d+/)
    const audit = readReport(broken).images[0]?.audit
    expect(audit?.tiers[0]?.notebooks.map((n) => [path.basename(n.path), n.status])).toEqual([
      ['invalid-json.ipynb', 'error'],
      ['not-utf8.ipynb', 'error'],
      ['syntax-error.ipynb', 'error']
    ])
  })

  test('audit-notebooks: false checks nothing, and lists the packages all the same', async () => {
    const off = await runAction({
      workspace,
      inputs: { tiers: 'setup,serving,training', 'audit-notebooks': 'false' }
    })
    expect(off.exitCode).toBe(0)
    const offReport = readReport(off)
    expect(offReport.images.every((image) => image.audit === undefined)).toBe(true)
    expect(offReport.images.every((image) => (image.packages?.debian.length ?? 0) > 50)).toBe(true)
    expect(off.summary).not.toContain('### Notebook imports')
  })

  describe('a pull request that adds a package to one tier', () => {
    let github: GitHubApiServer

    beforeAll(async () => {
      github = await GitHubApiServer.start()
    })
    afterAll(async () => {
      await github?.close()
    })

    test('the comment shows that package added to that tier only, with its size', async () => {
      const baseline = path.join(workspace, 'base-report.json')
      writeFileSync(baseline, JSON.stringify(report))
      const manifest = path.join(workspace, 'notebook-tiers.yaml')
      writeFileSync(
        manifest,
        readFileSync(manifest, 'utf8').replace(
          'apt: [python3-requests, python3-kubernetes, python3-prometheus-client]',
          'apt: [python3-requests, python3-kubernetes, python3-prometheus-client, python3-toml]'
        )
      )
      const pr = await runAction({
        workspace,
        inputs: {
          tiers: 'setup,serving',
          // A run of some tiers only comments when told to (github/sharing.ts).
          comment: 'always',
          'baseline-report': 'base-report.json',
          'github-token': 'ghs_write'
        },
        event: {
          name: 'pull_request',
          payload: {
            action: 'synchronize',
            number: 7,
            pull_request: {
              number: 7,
              base: { ref: 'main', repo: { full_name: 'acme/notebooks' } },
              head: { ref: 'feature/toml', repo: { full_name: 'acme/notebooks' } }
            },
            repository: { id: 1296269, full_name: 'acme/notebooks', default_branch: 'main' }
          }
        },
        env: { GITHUB_API_URL: github.url, GITHUB_REF: 'refs/pull/7/merge' }
      })
      github.expectNoViolations()
      expect(pr.exitCode).toBe(0)
      const body = pr.outputs['comment-body'] ?? ''
      const lines = body.split('\n').filter((line) => line.startsWith('- **'))
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(
        /^- \*\*setup\*\*: ➕ python3-toml <sub>apt<\/sub> 0\.10\.[\d-]+ \(\+[\d.]+ kB\)$/
      )
      expect(body).toContain(
        'against the base (apt and rpm sizes are the packages’ declared installed sizes; pip sizes are measured): none in serving.'
      )
      expect(body).toContain(
        '✅ **Notebook imports:** all 4 notebooks import only what their tier’s image has.'
      )
      expect(github.commentsOf(7).map((comment) => comment.body)).toEqual([body])
    })
  })
})

describe('pip tiers: packages in a venv, drift between tiers, a missing module in the user’s Dockerfile', () => {
  let workspace: string

  beforeAll(() => {
    workspace = prepareWorkspace('contents-pip', repo('contents-pip'))
    const manifest = path.join(workspace, 'notebook-tiers.yaml')
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8')
        .replace(
          'PIP_INDEX_URL: set by the test',
          `PIP_INDEX_URL: ${process.env['NB_IMAGE_PIP_INDEX_URL'] ?? ''}`
        )
        .replace(
          'PIP_TRUSTED_HOST: set by the test',
          `PIP_TRUSTED_HOST: ${process.env['NB_IMAGE_PIP_TRUSTED_HOST'] ?? ''}`
        )
    )
    const notebook = (cells: string[]): string =>
      JSON.stringify(
        {
          cells: cells.map((source, i) => ({
            cell_type: 'code',
            execution_count: null,
            id: `c${i}`,
            metadata: {},
            outputs: [],
            source: source.split(/(?<=\n)/)
          })),
          metadata: {
            kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }
          },
          nbformat: 4,
          nbformat_minor: 5
        },
        null,
        1
      )
    mkdirSync(path.join(workspace, 'notebooks', 'tier1'), { recursive: true })
    mkdirSync(path.join(workspace, 'notebooks', 'tier2'), { recursive: true })
    writeFileSync(
      path.join(workspace, 'notebooks', 'tier1', 'k8s.ipynb'),
      notebook(['import nbt_runner\nimport nbt_k8s\n'])
    )
    writeFileSync(
      path.join(workspace, 'notebooks', 'tier2', 'train.ipynb'),
      notebook(['import nbt_train\n', 'import nbt_plot\n'])
    )
  })

  test('multi-stage: pip packages measured in the venv, nbt-core drift, nbt_plot missing in tier2', async () => {
    const run = await runAction({ workspace, inputs: {} })
    const report = readReport(run)
    expect(run.exitCode).toBe(1)
    const pip = (tier: string): Record<string, string> =>
      Object.fromEntries(
        report.images
          .find((image) => image.name === tier)
          ?.packages?.python.filter(
            (dist) => dist.location === 'venv' && dist.name.startsWith('nbt-')
          )
          .map((dist) => [dist.name, dist.version]) ?? []
      )
    expect(pip('tier1')).toEqual({
      'nbt-config': '1.1.0',
      'nbt-core': '1.1.0',
      'nbt-k8s': '3.0.0',
      'nbt-runner': '1.2.0'
    })
    expect(pip('tier2')).toEqual({
      'nbt-config': '1.1.0',
      'nbt-core': '2.0.0',
      'nbt-runner': '1.2.0',
      'nbt-train': '2.0.0'
    })
    const core = report.images[0]?.packages?.python.find((dist) => dist.name === 'nbt-core')
    expect(core).toMatchObject({ sizeSource: 'measured', location: 'venv' })
    expect(core?.sizeBytes).toBeGreaterThan(1_100_000)
    expect(report.images[0]?.packages?.interpreter?.venv).toBe(true)
    expect(run.summary).toContain(
      '⚠️ **Drift:** 1 package is at different versions in different tier images'
    )
    expect(run.summary).toContain('| nbt-core <sub>pip</sub> | 1.1.0 (tier1) · 2.0.0 (tier2) |')
    expect(report.images.map((image) => [image.name, image.audit?.status])).toEqual([
      ['tier1', 'passed'],
      ['tier2', 'failed']
    ])
    const [error] = annotations(run, 'error').filter(([properties]) =>
      properties.startsWith('title=Missing module')
    )
    expect(error?.[1]).toBe(
      `notebooks/tier2/train.ipynb cell 2, line 1: "nbt_plot" cannot be imported in ${repo('contents-pip')}:tier2 (tier tier2). Perhaps package: nbt_plot (pip) or python3-nbt-plot (apt); install nbt_plot (pip) or python3-nbt-plot (apt) in the tier2 stage of Dockerfile`
    )
  })

  test('shared: every tier’s notebooks against the one image, which has them all', async () => {
    const run = await runAction({ workspace, inputs: { strategy: 'shared' } })
    const report = readReport(run)
    expect(run.exitCode).toBe(0)
    expect(report.images.map((image) => [image.name, image.tiers, image.audit?.status])).toEqual([
      ['shared', ['tier1', 'tier2'], 'passed']
    ])
    expect(
      report.images[0]?.audit?.tiers.map((tier) => [tier.tier, tier.notebooks.map((n) => n.path)])
    ).toEqual([
      ['tier1', ['notebooks/tier1/k8s.ipynb']],
      ['tier2', ['notebooks/tier2/train.ipynb']]
    ])
    expect(run.summary).toContain('Drift: one image serves every tier')
  })
})
