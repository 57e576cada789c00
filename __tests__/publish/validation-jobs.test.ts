import { parse, parseAllDocuments } from 'yaml'
import { notebookPathProblem } from '../../src/manifest/notebooks.js'
import {
  MAX_JOB_NAME,
  dnsLabel,
  gitSourceProblem,
  jobName,
  labelValue,
  planNotebookValidationJobs,
  renderNotebookValidationJobs
} from '../../src/publish/validation-jobs.js'
import { buildReport } from '../../src/report/build-report.js'
import type { Report } from '../../src/report/types.js'
import { expectGolden } from '../helpers/golden.js'
import { context, image } from '../helpers/reports.js'

const digest = (digit: string): string => `sha256:${digit.repeat(64)}`

/** A shared image serving two tiers, pushed to a per-tier-free repository on a port. */
function sharedPushed(): Report {
  const shared = image('shared', {
    tiers: ['setup', 'training'],
    ref: 'registry.example:5000/ml/nb:shared'
  })
  const built = buildReport(
    {
      strategy: 'shared',
      manifestFile: 'notebook-tiers.yaml',
      images: [shared]
    },
    [
      {
        image: shared,
        ok: true,
        durationMs: 1,
        imageId: 'sha256:x',
        inspectSizeBytes: 1,
        history: [{ sizeBytes: 1, createdBy: '' }],
        diffIds: ['sha256:b'],
        cachedSteps: 0,
        totalSteps: 0
      }
    ],
    context
  )
  const [only] = built.images
  if (only) {
    only.digest = digest('c')
    only.tags = [{ ref: 'registry.example:5000/ml/nb:pr-7', pushed: true, digest: digest('c') }]
  }
  return built
}

describe('planNotebookValidationJobs and renderNotebookValidationJobs', () => {
  test('one job per notebook, pinned to the digest in the repository it was pushed to', () => {
    const jobs = planNotebookValidationJobs(sharedPushed(), [
      { tier: 'setup', notebooks: ['nb/setup/a.ipynb', 'nb/other/a.ipynb'] },
      { tier: 'training', notebooks: ['nb/training/Train Model (v2).ipynb'] }
    ])
    expect(jobs.map((job) => [job.name, job.containerImage])).toEqual([
      ['setup-a', `registry.example:5000/ml/nb@${digest('c')}`],
      // The same file name twice in a tier: the second gets a stable hash suffix.
      [
        expect.stringMatching(/^setup-a-[0-9a-f]{8}$/),
        `registry.example:5000/ml/nb@${digest('c')}`
      ],
      ['training-train-model-v2', `registry.example:5000/ml/nb@${digest('c')}`]
    ])
    const yaml = renderNotebookValidationJobs(jobs, {
      git: { url: 'https://github.com/acme/nb.git', ref: 'feature/x', revision: 'abc123' },
      namespace: 'notebooks',
      version: 'pr-7',
      toolVersion: '0.1.0'
    })
    expectGolden('nvj-shared.yaml', yaml)
    // Valid YAML, three documents, every field the CRD requires.
    const documents = parseAllDocuments(yaml).map(
      (document) => document.toJS() as Record<string, unknown>
    )
    expect(documents).toHaveLength(3)
    for (const document of documents) {
      expect(document).toMatchObject({
        apiVersion: 'mlops.mlops.dev/v1alpha1',
        kind: 'NotebookValidationJob',
        metadata: { namespace: 'notebooks' },
        spec: {
          notebook: {
            git: { url: 'https://github.com/acme/nb.git', ref: 'feature/x' },
            path: expect.stringMatching(/\.ipynb$/)
          },
          podConfig: {
            containerImage: `registry.example:5000/ml/nb@${digest('c')}`,
            buildConfig: { enabled: false }
          }
        }
      })
    }
  })

  test('tiers whose image was not pushed get no job', () => {
    const report = sharedPushed()
    const [only] = report.images
    if (only) only.tags = [{ ref: 'registry.example:5000/ml/nb:pr-7', pushed: false }]
    expect(planNotebookValidationJobs(report, [{ tier: 'setup', notebooks: ['a.ipynb'] }])).toEqual(
      []
    )
  })

  test('a notebook path that YAML would read as something else stays a string', () => {
    const jobs = planNotebookValidationJobs(sharedPushed(), [
      { tier: 'setup', notebooks: ['yes: no #1.ipynb'] }
    ])
    const yaml = renderNotebookValidationJobs(jobs, {
      git: { url: 'https://github.com/acme/nb.git', ref: 'main', revision: 'abc' },
      version: null,
      toolVersion: '0.1.0'
    })
    expect(
      (parse(yaml.replace(/^#.*\n---\n/, '')) as { spec: { notebook: { path: string } } }).spec
        .notebook.path
    ).toBe('yes: no #1.ipynb')
  })
})

describe('names and labels', () => {
  test.each<[string, string, string]>([
    ['tier1', 'notebooks/00-setup.ipynb', 'tier1-00-setup'],
    ['ml.training_v2', 'x/Train_Model.ipynb', 'ml-training-v2-train-model'],
    ['t', '___.ipynb', 't']
  ])('jobName(%j, %j) → %j', (tier, notebook, name) => {
    expect(jobName(tier, notebook, new Set())).toBe(name)
  })

  test('long names are cut to fit the pod name, with a hash to keep them apart', () => {
    const name = jobName('tier1', `${'very-long-notebook-name-'.repeat(5)}.ipynb`, new Set())
    expect(name.length).toBeLessThanOrEqual(MAX_JOB_NAME)
    expect(name).toMatch(/^tier1-very-long-notebook-name-very-long-not-[0-9a-f]{8}$/)
    expect(`${name}-validation`.length).toBeLessThanOrEqual(63)
  })

  test.each<[string, string]>([
    ['0.1.0', '0.1.0'],
    ['tier_2.', 'tier_2'],
    ['-x-', 'x'],
    ['a'.repeat(70), 'a'.repeat(63)]
  ])('labelValue(%j) → %j', (text, value) => {
    expect(labelValue(text)).toBe(value)
  })

  test.each<[string, string]>([
    ['Tier_2', 'tier-2'],
    ['--a--', 'a']
  ])('dnsLabel(%j) → %j', (text, label) => {
    expect(dnsLabel(text)).toBe(label)
  })
})

describe('what the operator can be handed', () => {
  test.each<[string, string | undefined]>([
    ['notebooks/tier1/00-setup.ipynb', undefined],
    ['notebooks/My Notebook (v2), final.ipynb', undefined],
    ['notebooks/a b+c@d.ipynb', undefined],
    [
      'nb/$(id).ipynb',
      "nb/$(id).ipynb has characters the operator's git-clone shell script would interpret; use letters, digits, space and . _ - + @ ( ) , /"
    ],
    [
      'nb/`id`.ipynb',
      "nb/`id`.ipynb has characters the operator's git-clone shell script would interpret; use letters, digits, space and . _ - + @ ( ) , /"
    ],
    [
      'nb/"q".ipynb',
      'nb/"q".ipynb has characters the operator\'s git-clone shell script would interpret; use letters, digits, space and . _ - + @ ( ) , /'
    ],
    ['nb/readme.md', 'nb/readme.md is not a notebook (.ipynb)']
  ])('notebook %j', (file, problem) => {
    expect(notebookPathProblem(file)).toBe(problem)
  })

  test.each<[string, string, boolean]>([
    ['https://github.com/acme/nb.git', 'v1.2.3', true],
    ['https://github.com/acme/nb.git', 'feature/x+y', true],
    ['git@github.com:acme/nb.git', 'main', true],
    ['https://github.com/acme/nb.git', '-upload-pack=evil', false],
    ['https://github.com/acme/nb.git', 'a;b', false],
    ['https://github.com/acme/nb.git', 'a$(b)', false],
    ['file:///etc', 'main', false],
    ['https://github.com/acme/nb.git;id', 'main', false]
  ])('git %s at %s ok: %s', (url, ref, ok) => {
    expect(gitSourceProblem({ url, ref, revision: 'x' }) === undefined).toBe(ok)
  })
})
