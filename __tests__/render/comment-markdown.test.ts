import type { BaselineInfo } from '../../src/github/baseline.js'
import {
  COMMENT_LIMIT,
  commentMarker,
  renderComment,
  type CommentInput
} from '../../src/render/comment-markdown.js'
import { compareReports } from '../../src/report/base-comparison.js'
import type { Report } from '../../src/report/types.js'
import {
  baseReport,
  descriptions,
  fixtureReport,
  headReport,
  headTiers,
  type FixtureImage
} from '../helpers/comparisons.js'
import { expectGolden } from '../helpers/golden.js'

// Golden files live in __tests__/fixtures/golden/; rewrite them on purpose with
// `UPDATE_GOLDEN=1 npm run test:unit` and review the diff.

const RUN_URL = 'https://github.com/acme/notebooks/actions/runs/42'
const FROM_MAIN: BaselineInfo = {
  found: true,
  source: 'artifact',
  artifactName: 'nb-image-report',
  branch: 'main',
  runId: 41,
  runUrl: 'https://github.com/acme/notebooks/actions/runs/41',
  headSha: '0123456789abcdef0123456789abcdef01234567',
  createdAt: '2026-01-01T12:00:00Z'
}

function input(
  report: Report,
  base: Report | undefined,
  baseline: BaselineInfo,
  extra: Partial<CommentInput> = {}
): CommentInput {
  return {
    key: 'ci/notebook-tiers.yaml',
    report,
    comparison: compareReports(report, base, extra.comparison ? undefined : undefined),
    baseline,
    descriptions: {},
    runUrl: RUN_URL,
    ...extra
  }
}

/** Every table row must have exactly as many cells as the header: nothing split a cell. */
function expectWholeTables(markdown: string): void {
  let columns = 0
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = 0
      continue
    }
    const cells = line.split('|').length - 2
    if (columns === 0) columns = cells
    expect({ line, cells }).toEqual({ line, cells: columns })
  }
}

describe('renderComment goldens', () => {
  const cases: [string, CommentInput][] = [
    [
      'compared',
      {
        ...input(headReport, baseReport, FROM_MAIN),
        comparison: compareReports(headReport, baseReport, headTiers),
        descriptions
      }
    ],
    [
      'no-baseline',
      {
        ...input(headReport, undefined, {
          found: false,
          reason: 'none',
          artifactName: 'nb-image-report',
          branch: 'main'
        }),
        descriptions
      }
    ],
    [
      'strategy-switch',
      input(
        fixtureReport('multi-stage', [
          {
            name: 'tier1',
            layers: [
              [100_000_000, '', 'sha256:b'],
              [30_000_000, 'RUN a', 'sha256:1']
            ]
          },
          {
            name: 'tier2',
            layers: [
              [100_000_000, '', 'sha256:b'],
              [700_000_000, 'RUN b', 'sha256:2']
            ]
          }
        ]),
        fixtureReport('shared', [
          {
            name: 'shared',
            tiers: ['tier1', 'tier2'],
            layers: [
              [100_000_000, '', 'sha256:b'],
              [720_000_000, 'RUN a b', 'sha256:s']
            ]
          }
        ]),
        FROM_MAIN
      )
    ],
    [
      'failed-and-over',
      input(
        fixtureReport('multi-stage', [
          {
            name: 'tier1',
            thresholdBytes: 250_000_000,
            layers: [
              [100_000_000, '', 'sha256:b'],
              [200_000_000, 'RUN big', 'sha256:1']
            ]
          },
          { name: 'tier2', failed: 'process "/bin/sh -c pip install nope" exit code: 1' }
        ]),
        fixtureReport(
          'multi-stage',
          [
            {
              name: 'tier1',
              layers: [
                [100_000_000, '', 'sha256:b'],
                [10_000_000, 'RUN big', 'sha256:0']
              ]
            },
            { name: 'tier2', layers: [[100_000_000, '', 'sha256:b']] }
          ],
          { manifest: 'notebook-tiers.yaml' }
        ),
        {
          found: true,
          source: 'file',
          file: 'baseline/nb-image-report.json',
          otherManifest: 'notebook-tiers.yaml'
        }
      )
    ]
  ]

  cases.push([
    'compressed',
    input(
      fixtureReport(
        'multi-stage',
        [
          {
            name: 'tier1',
            thresholdBytes: 400_000_000,
            compressedBytes: 120_000_000,
            layers: [
              [100_000_000, '', 'sha256:b'],
              [320_000_000, 'RUN big', 'sha256:1']
            ]
          },
          {
            name: 'tier2',
            thresholdBytes: 100_000_000,
            compressedBytes: 101_000_000,
            layers: [
              [100_000_000, '', 'sha256:b'],
              [90_000_000, 'RUN more', 'sha256:2']
            ]
          }
        ],
        { thresholdBasis: 'compressed' }
      ),
      fixtureReport('multi-stage', [
        {
          name: 'tier1',
          compressedBytes: 110_000_000,
          layers: [
            [100_000_000, '', 'sha256:b'],
            [300_000_000, 'RUN big', 'sha256:0']
          ]
        },
        {
          name: 'tier2',
          layers: [
            [100_000_000, '', 'sha256:b'],
            [90_000_000, 'RUN more', 'sha256:2']
          ]
        }
      ]),
      FROM_MAIN
    )
  ])

  test.each(cases)('%s', (name, comment) => {
    const rendered = renderComment(comment)
    expect(rendered.truncated).toBe(false)
    expect(rendered.body).toBe(rendered.full)
    expectGolden(`comment-${name}.md`, rendered.body)
    expectWholeTables(rendered.body)
  })

  test('truncated: rows first, then as many layer details as fit, and a note', () => {
    const comment = {
      ...input(headReport, baseReport, FROM_MAIN),
      comparison: compareReports(headReport, baseReport, headTiers),
      descriptions
    }
    const full = renderComment(comment).full
    const rendered = renderComment(comment, 4_000)
    expect(rendered.truncated).toBe(true)
    expect(rendered.full).toBe(full)
    expect(rendered.body.length).toBeLessThanOrEqual(4_000)
    expectGolden('comment-truncated.md', rendered.body)
    expectWholeTables(rendered.body)
  })
})

describe('renderComment', () => {
  const notes: [string, BaselineInfo, string][] = [
    [
      'expired',
      { found: false, reason: 'expired', artifactName: 'nb-report-ci', branch: 'main' },
      '**No baseline:** the <code>nb-report-ci</code> artifacts of <code>main</code> have expired, so sizes are shown without changes. The next push to <code>main</code> uploads a fresh one.'
    ],
    [
      'none, with why',
      {
        found: false,
        reason: 'none',
        artifactName: 'nb-image-report',
        branch: 'develop',
        detail: '2 checked, none from a finished, successful run'
      },
      '**No baseline yet:** no <code>nb-image-report</code> artifact from a successful run on <code>develop</code> was found (2 checked, none from a finished, successful run), so sizes are shown without changes. Every push to <code>develop</code> that runs this action uploads one.'
    ],
    [
      'unavailable',
      { found: false, reason: 'unavailable', branch: 'main', detail: 'GitHub answered 403' },
      '**No baseline:** the report of <code>main</code> could not be fetched (GitHub answered 403), so sizes are shown without changes.'
    ],
    [
      'unreadable',
      {
        found: false,
        reason: 'unreadable',
        detail: 'base.json: schemaVersion: expected 1 (got 2)'
      },
      '**No baseline:** the report of the base branch is not usable (base.json: schemaVersion: expected 1 (got 2)), so sizes are shown without changes.'
    ],
    [
      'no branch',
      { found: false, reason: 'no-branch' },
      '**No baseline:** this run has no base branch to compare with, so sizes are shown without changes.'
    ]
  ]
  test.each(notes)('baseline note: %s', (_name, baseline, expected) => {
    const body = renderComment(input(headReport, undefined, baseline)).body
    expect(body.split('\n')).toContain(expected)
    expect(body).not.toContain('🔺')
  })

  test("an image that is the base's image (the same ID) says unchanged; one of equal size, no change", () => {
    const head: Report = {
      ...headReport,
      images: headReport.images.map((image) =>
        image.name === 'tier3' ? { ...image, unchanged: true } : { ...image, unchanged: false }
      )
    }
    const body = renderComment(input(head, baseReport, FROM_MAIN)).body
    const rows = body.split('\n').filter((line) => /^\| tier\d /.test(line))
    const change = (tier: string): string | undefined =>
      rows.find((line) => line.startsWith(`| ${tier} `))?.split(' | ')[2]
    expect(change('tier3')).toBe('unchanged')
    // Without the flag the same row read "no change" (its size did not move).
    expect(renderComment(input(headReport, baseReport, FROM_MAIN)).body).toContain('| no change |')
    expect(change('tier1')).not.toBe('unchanged')
  })

  test('the first line is the marker of the key', () => {
    const body = renderComment({ ...input(headReport, undefined, FROM_MAIN), key: 'nb --> x' }).body
    expect(body.split('\n')[0]).toBe('<!-- nb-image-action:comment key=nb%20--%3E%20x -->')
  })

  test('hostile text from the pull request renders inert', () => {
    const hostile = fixtureReport(
      'multi-stage',
      [
        {
          name: 'tier1',
          layers: [[5, 'RUN echo "<script>alert(1)</script>" @admin | tee #1', 'sha256:x']]
        },
        { name: 'tier2', failed: '<img src=x onerror=alert(1)> @octocat' }
      ],
      { manifest: 'ci/<b>nb</b>|@team.yaml' }
    )
    const body = renderComment({
      ...input(hostile, undefined, {
        found: false,
        reason: 'none',
        artifactName: 'nb-image-report',
        branch: 'release/<img src=x>@admin|#9'
      }),
      key: 'x --> <script>',
      descriptions: {
        tier1: '</sub></td></tr></table><details open>@everyone https://phish.example',
        tier2: '| a | b |\n| - | - |'
      }
    }).body
    expectWholeTables(body)
    // Only our own tags: no tag the pull request wrote survives.
    const tags = [...body.matchAll(/<\/?([a-z]+)/g)].map((match) => match[1])
    expect(new Set(tags)).toEqual(new Set(['code', 'sub', 'span', 'details', 'summary', 'pre']))
    // GitHub finds no mentions or references inside <pre> (build logs keep their look there).
    const text = body.replace(/<pre>[^]*?<\/pre>/g, '')
    expect(text).not.toMatch(/@(?!<!-- -->)[a-z]/i)
    expect(text).not.toMatch(/&#64;(?!<!-- -->)[a-z]/i)
    expect(text).not.toMatch(/(?<!&)#\d/)
    expect(body).toContain(
      '<pre>\n#7 [tier 2/2] RUN pip install nope\nERROR: &lt;img src=x onerror=alert(1)&gt; &#64;octocat\n</pre>'
    )
    expect(body).not.toContain('https://phish')
    expect(body.split('\n')[0]).toBe(
      '<!-- nb-image-action:comment key=x%20--%3E%20%3Cscript%3E -->'
    )
  })

  test('a manifest with hundreds of tiers stays under GitHub limit, the full text in `full`', () => {
    const many: FixtureImage[] = Array.from({ length: 600 }, (_, index) => ({
      name: `tier${index}`,
      layers: [
        [100_000_000, '', 'sha256:base'],
        [
          1_000 + index,
          `RUN /bin/sh -c pip install package-number-${index} another-package`,
          `sha256:${index}`
        ]
      ]
    }))
    const head = fixtureReport('multi-stage', many)
    const base = fixtureReport(
      'multi-stage',
      many.map((spec) => ({ ...spec, layers: spec.layers?.slice(0, 1) }))
    )
    const rendered = renderComment(input(head, base, FROM_MAIN))
    expect(rendered.truncated).toBe(true)
    expect(rendered.body.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(rendered.body.length).toBeGreaterThan(COMMENT_LIMIT - 1_000)
    expect(rendered.full.length).toBeGreaterThan(COMMENT_LIMIT)
    const shown = rendered.body.split('\n').filter((line) => /^\| tier\d+ /.test(line)).length
    expect(shown).toBeGreaterThan(100)
    expect(shown).toBeLessThan(600)
    expect(rendered.body).toContain(`| … ${600 - shown} more images in the job summary |`)
    expect(rendered.body).toContain(
      `> Shortened to fit GitHub's limit of 65,536 characters: ${600 - shown} more images and the layer details of 600 images left out. The full comparison is in the job summary of [this run](${RUN_URL}).`
    )
    expect(rendered.body).toContain('| **Total** <sub>unique bytes</sub>')
    expect(rendered.full.split('\n').filter((line) => /^\| tier\d+ /.test(line))).toHaveLength(600)
    expectWholeTables(rendered.body)
  })
})

describe('commentMarker', () => {
  test.each([
    ['ci/notebook-tiers.yaml', '<!-- nb-image-action:comment key=ci/notebook-tiers.yaml -->'],
    ['gpu images', '<!-- nb-image-action:comment key=gpu%20images -->']
  ])('%j', (key, marker) => {
    expect(commentMarker(key)).toBe(marker)
  })
})
