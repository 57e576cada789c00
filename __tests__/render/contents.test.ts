// The contents sections of the job summary and of the pull-request comment: packages, drift,
// package changes against the base, the notebook audit; goldens in __tests__/fixtures/golden/
// (rewrite them on purpose with `UPDATE_GOLDEN=1 npm run test:unit` and review the diff).
import { renderComment, type CommentInput } from '../../src/render/comment-markdown.js'
import { renderSummary } from '../../src/render/summary.js'
import { compareReports } from '../../src/report/base-comparison.js'
import type { ImageAudit, ImagePackages } from '../../src/report/contents.js'
import type { Report } from '../../src/report/types.js'
import { fixtureReport } from '../helpers/comparisons.js'
import { expectGolden } from '../helpers/golden.js'

const LAYERS = (n: number): [number, string, string][] => [
  [100_000_000, '', 'sha256:b'],
  [n, `RUN apt-get install tier${n}`, `sha256:${n}`]
]

const packages = (
  debian: [string, string, number][],
  python: [string, string, number][] = []
): ImagePackages => ({
  interpreter: { version: '3.11.2', executable: '/usr/bin/python3', venv: python.length > 0 },
  debian: [
    { name: 'libc6', version: '2.36-9+deb12u4', sizeBytes: 12_985_344, architecture: 'amd64' },
    {
      name: 'python3.11-minimal',
      version: '3.11.2-6',
      sizeBytes: 6_029_312,
      architecture: 'amd64'
    },
    ...debian.map(([name, version, sizeBytes]) => ({
      name,
      version,
      sizeBytes,
      architecture: 'all'
    }))
  ],
  python: python.map(([name, version, sizeBytes]) => ({
    name,
    version,
    sizeBytes,
    sizeSource: 'measured' as const,
    location: 'venv'
  })),
  rpm: [],
  notes: []
})

/** A report of three tier images with the given packages and audits. */
function report(
  contents: Record<string, { packages?: ImagePackages; audit?: ImageAudit }>
): Report {
  const built = fixtureReport(
    'multi-stage',
    Object.keys(contents).map((name, index) => ({ name, layers: LAYERS((index + 1) * 10_000_000) }))
  )
  for (const image of built.images) Object.assign(image, contents[image.name])
  built.passed = built.images.every((image) => image.audit?.status !== 'failed')
  return built
}

const passing = (tier: string, path: string, modules: string[]): ImageAudit => ({
  status: 'passed',
  notes: [],
  tiers: [
    {
      tier,
      notes: [],
      unused:
        tier === 'tier3'
          ? [
              {
                manager: 'apt',
                spec: 'python3-gunicorn',
                reason: 'unused',
                version: '20.1.0-6',
                sizeBytes: 290_816
              }
            ]
          : [],
      notebooks: [
        {
          path,
          status: 'ok',
          resolved: modules.map((module) => ({ module, package: `python3-${module}` })),
          missing: [],
          errors: [],
          installs: [],
          notes: []
        }
      ]
    }
  ]
})

const failingTier2: ImageAudit = {
  status: 'failed',
  notes: [],
  tiers: [
    {
      tier: 'tier2',
      notes: ['unused packages not computed: 1 notebook(s) could not be read completely'],
      unused: [],
      notebooks: [
        {
          path: 'notebooks/tier2-training/01-train-iris.ipynb',
          status: 'missing',
          resolved: [],
          missing: [
            {
              module: 'sklearn',
              optional: false,
              stdlib: false,
              likely: { pypi: 'scikit-learn', debian: 'python3-sklearn', guess: false },
              sites: [{ cell: 1, line: 1, fileLine: 9 }],
              addTo: 'add scikit-learn to tiers.tier2.pip in notebook-tiers.yaml'
            },
            {
              module: 'xgboost',
              optional: false,
              stdlib: false,
              likely: { pypi: 'xgboost', debian: null, guess: false },
              installedByNotebook: 'xgboost==2.0.3',
              sites: [{ cell: 3, line: 1 }]
            },
            {
              module: 'ujson',
              optional: true,
              stdlib: false,
              likely: { pypi: 'ujson', debian: null, guess: true },
              sites: [{ cell: 2, line: 2 }]
            }
          ],
          errors: [],
          installs: [
            {
              manager: 'pip',
              command: 'pip install -q xgboost==2.0.3',
              cell: 3,
              line: 1,
              packages: ['xgboost==2.0.3']
            }
          ],
          notes: []
        },
        {
          path: 'notebooks/tier2-training/broken <b>.ipynb',
          status: 'error',
          resolved: [],
          missing: [],
          errors: [
            {
              kind: 'invalid-json',
              message: 'not valid JSON: Expecting value at line 6, column 1',
              fileLine: 6
            }
          ],
          installs: [],
          notes: []
        }
      ]
    }
  ]
}

const head = report({
  tier1: {
    packages: packages([
      ['python3-yaml', '6.0-3+b2', 700_416],
      ['python3-six', '1.16.0-4', 64_512]
    ]),
    audit: passing('tier1', 'notebooks/tier1-setup/00-environment.ipynb', ['yaml', 'six'])
  },
  tier2: {
    packages: packages(
      [['python3-yaml', '6.0-3+b2', 700_416]],
      [
        ['numpy', '2.0.1', 33_200_000],
        ['demo-core', '1.1', 4_096]
      ]
    ),
    audit: failingTier2
  },
  tier3: {
    packages: packages(
      [
        ['python3-yaml', '6.0-3+b2', 700_416],
        ['python3-gunicorn', '20.1.0-6', 290_816]
      ],
      [['numpy', '1.26.4', 30_000_000]]
    ),
    audit: passing('tier3', 'notebooks/tier3-serving/02-serve.ipynb', ['flask'])
  }
})

const base = report({
  tier1: { packages: packages([['python3-yaml', '6.0-3+b2', 700_416]]) },
  tier2: {
    packages: packages(
      [['python3-yaml', '6.0-3+b2', 700_416]],
      [
        ['numpy', '1.26.4', 30_000_000],
        ['demo-core', '1.1', 4_096],
        ['demo-old', '0.9', 2_048]
      ]
    )
  },
  tier3: {
    packages: packages(
      [
        ['python3-yaml', '6.0-3+b2', 700_416],
        ['python3-gunicorn', '20.1.0-6', 290_816]
      ],
      [['numpy', '1.26.4', 30_000_000]]
    )
  }
})

const input = (headReport: Report, baseReport: Report | undefined): CommentInput => ({
  key: 'notebook-tiers.yaml',
  report: headReport,
  comparison: compareReports(headReport, baseReport),
  baseline: baseReport
    ? { found: true, source: 'file', file: 'base.json' }
    : { found: false, reason: 'none', artifactName: 'nb-image-report', branch: 'main' },
  descriptions: {}
})

describe('job summary', () => {
  test('packages per image, drift, the notebook audit and each image’s largest packages', () => {
    expectGolden('summary-contents.md', renderSummary(head))
  })

  test('one shared image: no drift by construction; an image without python3 says so', () => {
    const shared = fixtureReport('shared', [
      { name: 'shared', tiers: ['tier1', 'tier2'], layers: LAYERS(5) }
    ])
    const [image] = shared.images
    if (!image) throw new Error('no image')
    image.packages = {
      interpreter: null,
      python: [],
      debian: [],
      rpm: [],
      notes: ['the image has no python3: no Python packages or notebook audit']
    }
    const summary = renderSummary(shared)
    expect(summary).toContain('Drift: one image serves every tier')
    expect(summary).toContain('| tier1, tier2 | none | – | – | – | – |')
    expect(summary).toContain(
      '- shared: the image has no python3: no Python packages or notebook audit'
    )
    expect(summary).not.toContain('### Notebook imports')
  })

  test('a report from before contents existed has no such sections', () => {
    const old = fixtureReport('multi-stage', [{ name: 'tier1', layers: LAYERS(5) }])
    expect(renderSummary(old)).not.toMatch(/### Packages|### Notebook imports/)
  })
})

describe('pull-request comment', () => {
  test('package changes per image against the base, drift flagged, the audit’s failures', () => {
    const rendered = renderComment(input(head, base))
    expect(rendered.truncated).toBe(false)
    expectGolden('comment-packages.md', rendered.body)
    // The package added to one tier shows on that tier's line only, with its size (and in
    // that tier's details: its changes, its largest packages).
    const lines = rendered.body.split('\n')
    expect(lines.filter((line) => line.includes('python3-six'))).toStrictEqual([
      '- **tier1**: ➕ python3-six <sub>apt</sub> 1.16.0-4 (+64.5 kB)',
      '| ➕ | python3-six <sub>apt</sub> | new: 1.16.0-4 | +64.5 kB |',
      '| python3-six <sub>apt</sub> | 1.16.0-4 | 64.5 kB |'
    ])
    const tier1Details = rendered.body.slice(
      rendered.body.indexOf('<summary>tier1'),
      rendered.body.indexOf('<summary>tier2')
    )
    expect(tier1Details).toContain('python3-six')
  })

  test('a base report without packages: compared without a package diff, saying so', () => {
    const old = fixtureReport(
      'multi-stage',
      ['tier1', 'tier2', 'tier3'].map((name, index) => ({
        name,
        layers: LAYERS((index + 1) * 10_000_000)
      }))
    )
    const body = renderComment(input(head, old)).body
    expect(body).toContain(
      'The base report lists no packages (it was written by an earlier version of the action), so packages are not compared'
    )
    expect(body).not.toContain('**Package changes**')
    expect(body).toContain('⚠️ **Drift:**')
  })

  test('no baseline: no package changes, the audit and drift still', () => {
    const body = renderComment(input(head, undefined)).body
    expect(body).not.toContain('Package changes')
    expect(body).toContain(
      '❌ **Notebook imports:** 2 of 4 notebooks cannot run in their tier’s image:'
    )
  })

  test('nothing changed and every notebook passes', () => {
    const same = report({
      tier1: {
        packages: packages([['python3-yaml', '6.0-3+b2', 700_416]]),
        audit: passing('tier1', 'a.ipynb', ['yaml'])
      }
    })
    const body = renderComment(input(same, same)).body
    expect(body).toContain('**No package changes** against the base.')
    expect(body).toContain(
      '✅ **Notebook imports:** all 1 notebook import only what its tier’s image has.'
    )
  })

  test('too long: details go first, then package lines, the table last', () => {
    const names = Array.from({ length: 30 }, (_, i) => `tier${i + 1}`)
    const many = (version: string): Report =>
      report(
        Object.fromEntries(
          names.map((name) => [
            name,
            {
              packages: packages(
                Array.from(
                  { length: 40 },
                  (_, j) =>
                    [`python3-lib${j}-with-a-long-name`, version, 10_000 * (j + 1)] as [
                      string,
                      string,
                      number
                    ]
                )
              )
            }
          ])
        )
      )
    const full = renderComment(input(many('2.0'), many('1.0')))
    const limit = (length: number): string =>
      renderComment(input(many('2.0'), many('1.0')), length).body
    // Room for everything but the details: every package line, no details.
    const withoutDetails = limit(full.full.indexOf('<details>') + 2_000)
    expect(withoutDetails).not.toContain('<details>')
    expect(withoutDetails.match(/^- \*\*tier\d+\*\*/gm)).toHaveLength(30)
    expect(withoutDetails).toContain('left out')
    // Less room: package lines go, the table stays whole.
    const tight = limit(full.full.indexOf('**Package changes**') + 1_500)
    expect(tight.match(/^\| tier\d+ /gm)).toHaveLength(30)
    expect((tight.match(/^- \*\*tier\d+\*\*/gm) ?? []).length).toBeLessThan(30)
    expect(tight).toMatch(
      /the package changes of \d+ images and the layer details of 30 images left out/
    )
    expect(tight.length).toBeLessThanOrEqual(full.full.indexOf('**Package changes**') + 1_500)
  })
})
