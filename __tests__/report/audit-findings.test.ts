import { auditAnnotations, auditMessages } from '../../src/report/audit-findings.js'
import type { ImageAudit, MissingModule, NotebookAudit } from '../../src/report/contents.js'
import type { ImageReport, Report } from '../../src/report/types.js'
import { verdictMessages } from '../../src/report/verdict.js'

const sklearn: MissingModule = {
  module: 'sklearn',
  optional: false,
  stdlib: false,
  likely: { pypi: 'scikit-learn', debian: 'python3-sklearn', guess: false },
  sites: [
    { cell: 3, line: 2, fileLine: 41, executionCount: 5 },
    { cell: 4, line: 1 }
  ],
  addTo: 'add scikit-learn to tiers.train.pip in notebook-tiers.yaml'
}

const notebook = (path: string, fields: Partial<NotebookAudit>): NotebookAudit => ({
  path,
  status: 'ok',
  resolved: [],
  missing: [],
  errors: [],
  installs: [],
  notes: [],
  ...fields
})

function report(audits: Record<string, ImageAudit | undefined>): Report {
  const images = Object.entries(audits).map(([name, audit]): ImageReport => ({
    name,
    tiers: [name],
    target: name,
    dockerfile: 'Dockerfile',
    ref: `acme/nb:${name}`,
    imageId: `sha256:${name}`,
    sizeBytes: 1,
    inspectSizeBytes: 1,
    compressedBytes: null,
    compressedSource: null,
    digest: null,
    platformDigest: null,
    tags: [],
    durationMs: 1,
    cachedSteps: 0,
    totalSteps: 0,
    thresholdBytes: 10,
    status: 'ok',
    layers: [],
    ...(audit ? { audit } : {})
  }))
  return {
    schemaVersion: 1,
    tool: { name: 'nb-image-action', version: '0' },
    manifest: 'notebook-tiers.yaml',
    strategy: 'multi-stage',
    passed: false,
    startedAt: '',
    finishedAt: '',
    engine: { serverVersion: null, buildxVersion: null, imageStore: null },
    thresholdBasis: 'uncompressed',
    pushed: false,
    publish: { requested: false, event: '', ref: '', version: null },
    images,
    tiers: {},
    totals: { uniqueBytes: 0, sumBytes: 0, durationMs: 0 }
  }
}

const audit = (
  status: ImageAudit['status'],
  tier: string,
  notebooks: NotebookAudit[],
  notes: string[] = []
): ImageAudit => ({
  status,
  notes,
  tiers: [{ tier, notebooks, unused: [], notes: [] }]
})

const theReport = report({
  train: audit('failed', 'train', [
    notebook('nb/train.ipynb', {
      status: 'missing',
      missing: [
        sklearn,
        {
          ...sklearn,
          module: 'ujson',
          optional: true,
          sites: [{ cell: 1, line: 1 }],
          addTo: 'x',
          likely: { pypi: 'ujson', debian: null, guess: true }
        },
        {
          ...sklearn,
          module: 'xgboost',
          installedByNotebook: 'xgboost==2.0.3',
          sites: [{ cell: 2, line: 1, fileLine: 30 }],
          addTo: 'add xgboost to tiers.train.pip in notebook-tiers.yaml',
          likely: { pypi: 'xgboost', debian: null, guess: false }
        }
      ]
    }),
    notebook('nb/bad.ipynb', {
      status: 'error',
      errors: [
        {
          kind: 'invalid-json',
          message: 'not valid JSON: Expecting value at line 6, column 1',
          fileLine: 6
        }
      ]
    }),
    notebook('nb/syntax.ipynb', {
      status: 'error',
      errors: [
        {
          kind: 'syntax',
          message: 'SyntaxError in cell 2, line 2: invalid syntax',
          cell: 2,
          line: 2,
          fileLine: 17
        }
      ]
    })
  ]),
  serve: audit('passed', 'serve', [
    notebook('nb/serve.ipynb', { resolved: [{ module: 'flask', package: 'python3-flask' }] })
  ]),
  setup: undefined,
  gpu: audit(
    'failed',
    'gpu',
    [],
    ['notebooks not checked: the probe did not finish in 1m 00s; its container was removed']
  )
})

describe('auditAnnotations', () => {
  test('errors for missing modules and unreadable notebooks, a warning for a notebook’s own install, a notice for an optional import', () => {
    expect(auditAnnotations(theReport)).toStrictEqual([
      {
        level: 'error',
        title: 'Missing module',
        file: 'nb/train.ipynb',
        line: 41,
        message:
          'nb/train.ipynb cell 3 (In [5]), line 2: "sklearn" cannot be imported in acme/nb:train (tier train) (and 1 more import(s)). Likely package: scikit-learn (pip) or python3-sklearn (apt); add scikit-learn to tiers.train.pip in notebook-tiers.yaml'
      },
      {
        level: 'notice',
        title: 'Optional module missing',
        file: 'nb/train.ipynb',
        message:
          'nb/train.ipynb cell 1, line 1: "ujson" cannot be imported in acme/nb:train (tier train); the import is optional (try/except ImportError), so the notebook still runs'
      },
      {
        level: 'warning',
        title: 'Module installed by the notebook',
        file: 'nb/train.ipynb',
        line: 30,
        message:
          'nb/train.ipynb cell 2, line 1: "xgboost" cannot be imported in acme/nb:train (tier train); the notebook installs it itself (xgboost==2.0.3), so its validation needs the network and a writable image; add xgboost to tiers.train.pip in notebook-tiers.yaml'
      },
      {
        level: 'error',
        title: 'Notebook not checked',
        file: 'nb/bad.ipynb',
        line: 6,
        message: 'nb/bad.ipynb: not valid JSON: Expecting value at line 6, column 1'
      },
      {
        level: 'error',
        title: 'Notebook cell does not parse',
        file: 'nb/syntax.ipynb',
        line: 17,
        message: 'nb/syntax.ipynb (cell 2, line 2): SyntaxError in cell 2, line 2: invalid syntax'
      }
    ])
  })

  test('a guessed package and a split-off standard-library module say so', () => {
    const guessed = report({
      t: audit('failed', 't', [
        notebook('a.ipynb', {
          status: 'missing',
          missing: [
            {
              module: 'foo_bar',
              optional: false,
              stdlib: false,
              likely: { pypi: 'foo_bar', debian: 'python3-foo-bar', guess: true },
              sites: []
            },
            {
              module: 'tkinter',
              optional: false,
              stdlib: true,
              likely: { pypi: null, debian: 'python3-tk', guess: false },
              sites: [{ cell: 1, line: 1 }]
            }
          ]
        })
      ])
    })
    expect(auditAnnotations(guessed).map((a) => a.message)).toStrictEqual([
      'a.ipynb: "foo_bar" cannot be imported in acme/nb:t (tier t). Perhaps package: foo_bar (pip) or python3-foo-bar (apt)',
      'a.ipynb cell 1, line 1: "tkinter" cannot be imported in acme/nb:t (tier t). It is part of Python\'s standard library, which Debian splits: likely package python3-tk (apt)'
    ])
  })
})

describe('auditMessages and the verdict', () => {
  test('one line per failed image; passed and unaudited images say nothing', () => {
    expect(auditMessages(theReport)).toStrictEqual([
      'acme/nb:train (train): 3 notebook(s) cannot run there: nb/train.ipynb imports sklearn, which the image lacks; nb/bad.ipynb: not valid JSON: Expecting value at line 6, column 1; nb/syntax.ipynb: SyntaxError in cell 2, line 2: invalid syntax',
      'acme/nb:gpu (gpu): the notebooks could not be checked: notebooks not checked: the probe did not finish in 1m 00s; its container was removed'
    ])
    expect(verdictMessages(theReport)).toStrictEqual(auditMessages(theReport))
  })
})
