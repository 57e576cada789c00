import { buildReport, type BuildOutcome } from '../../src/report/build-report.js'
import { applyPublish } from '../../src/publish/finish.js'
import { escapeMarkdown } from '../../src/render/markdown.js'
import { headline, renderSummary, renderTextTable } from '../../src/render/summary.js'
import type { Report } from '../../src/report/types.js'
import { expectGolden } from '../helpers/golden.js'
import { context, image, mixedOutcomes, mixedPlan } from '../helpers/reports.js'

// Golden files live in __tests__/fixtures/golden/; rewrite them on purpose with
// `UPDATE_GOLDEN=1 npm run test:unit` and review the diff.

const mixed = buildReport(mixedPlan, mixedOutcomes, context)

const shared = image('shared', { tiers: ['tier1', 'tier2', 'tier3'], target: 'shared' })
const passed = buildReport(
  { ...mixedPlan, strategy: 'shared', images: [shared] },
  [
    {
      image: shared,
      ok: true,
      durationMs: 65_432,
      imageId: 'sha256:5555',
      inspectSizeBytes: 1_234_567_890,
      history: [
        { sizeBytes: 1_234_567_890, createdBy: '' },
        { sizeBytes: 0, createdBy: 'ENV A=1' }
      ],
      diffIds: ['sha256:base'],
      cachedSteps: 2,
      totalSteps: 2
    }
  ],
  context
)

const notBuilt = buildReport(
  mixedPlan,
  mixedPlan.images.map((plan): BuildOutcome => ({
    image: plan,
    ok: false,
    durationMs: 0,
    error: 'not built: The Docker engine at unix:///var/run/docker.sock does not answer',
    logTail: [],
    cachedSteps: 0,
    totalSteps: 0
  })),
  {
    ...context,
    buildDurationMs: 0,
    engine: { serverVersion: null, buildxVersion: null, imageStore: null },
    error: 'The Docker engine at unix:///var/run/docker.sock does not answer'
  }
)

// Two tiers pushed on a release: every tag, its digest and the registry's compressed size.
const tier1 = image('tier1')
const tier2 = image('tier2')
const okOutcome = (plan: typeof tier1, bytes: number): BuildOutcome => ({
  image: plan,
  ok: true,
  durationMs: 30_000,
  imageId: `sha256:${plan.name}`,
  inspectSizeBytes: bytes / 2,
  history: [{ sizeBytes: bytes, createdBy: '' }],
  diffIds: [`sha256:${plan.name}`],
  cachedSteps: 1,
  totalSteps: 2
})
const releaseTags = (name: string): string[] =>
  ['1.2.3', '1.2', '1', 'latest'].map((version) => `ghcr.io/acme/nb:${name}-${version}`)
const releasePlan = { ...mixedPlan, images: [tier1, tier2] }
const beforePush = buildReport(
  releasePlan,
  [okOutcome(tier1, 800_000_000), okOutcome(tier2, 2_400_000_000)],
  {
    ...context,
    tags: { tier1: releaseTags('tier1'), tier2: releaseTags('tier2') },
    publish: { requested: true, event: 'release', ref: 'refs/tags/v1.2.3', version: '1.2.3' }
  }
)
const digest = (digit: string): string => `sha256:${digit.repeat(64)}`
const published = applyPublish(
  beforePush,
  {
    images: [
      {
        name: 'tier1',
        tags: releaseTags('tier1').map((ref) => ({ ref, pushed: true, digest: digest('1') })),
        digest: digest('1'),
        platformDigest: digest('a'),
        compressedBytes: 310_000_000
      },
      {
        name: 'tier2',
        tags: releaseTags('tier2').map((ref) => ({ ref, pushed: true, digest: digest('2') })),
        digest: digest('2'),
        platformDigest: digest('b'),
        compressedBytes: 905_000_000
      }
    ]
  },
  '/runner/temp/notebook-validation-jobs.yaml'
)
const pushFailed = applyPublish(beforePush, {
  images: [
    {
      name: 'tier1',
      tags: releaseTags('tier1').map((ref, index) =>
        index === 0 ? { ref, pushed: true, digest: digest('1') } : { ref, pushed: false }
      ),
      digest: digest('1'),
      platformDigest: digest('a'),
      compressedBytes: 310_000_000
    },
    { name: 'tier2', tags: releaseTags('tier2').map((ref) => ({ ref, pushed: false })) }
  ],
  error:
    'tier2 (tier2): pushing ghcr.io/acme/nb:tier2-1.2.3 failed after 3 tries: received unexpected HTTP status: 502 Bad Gateway'
})
// A compressed budget measured before the push: tier2 is over it although its unpacked size is not.
const compressedBasis = buildReport(
  releasePlan,
  [
    {
      ...okOutcome(tier1, 800_000_000),
      packed: {
        digest: digest('1'),
        mediaType: '',
        platformDigest: digest('a'),
        compressedBytes: 310_000_000,
        configBytes: 1000,
        layerBytes: [309_999_000],
        layerDigests: [digest('l1')]
      }
    } as BuildOutcome,
    {
      ...okOutcome(tier2, 2_400_000_000),
      image: { ...tier2, thresholdBytes: 900_000_000 },
      packed: {
        digest: digest('2'),
        mediaType: '',
        platformDigest: digest('b'),
        compressedBytes: 905_000_000,
        configBytes: 1000,
        layerBytes: [904_999_000],
        layerDigests: [digest('l2')]
      }
    } as BuildOutcome
  ],
  {
    ...context,
    thresholdBasis: 'compressed',
    tags: { tier1: ['ghcr.io/acme/nb:tier1-pr-7'], tier2: ['ghcr.io/acme/nb:tier2-pr-7'] },
    publish: {
      requested: true,
      event: 'pull_request',
      ref: 'refs/pull/7/merge',
      version: 'pr-7',
      skipped: 'tier2 is over budget'
    }
  }
)

const REPORTS: [string, Report][] = [
  ['mixed', mixed],
  ['passed', passed],
  ['not-built', notBuilt],
  ['published', published],
  ['push-failed', pushFailed],
  ['compressed-basis', compressedBasis]
]

describe('renderSummary', () => {
  test.each(REPORTS)('%s report matches summary-%s.md', (name, report) => {
    expectGolden(`summary-${name}.md`, renderSummary(report))
  })

  test('user text is escaped: no raw HTML, no cell-splitting pipes', () => {
    const markdown = renderSummary(mixed)
    expect(markdown).not.toContain('<script>')
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(markdown).toContain('ERROR: failed to solve: &lt;exit code 1&gt; | see above')
  })
})

describe('unchanged images', () => {
  test('the summary and the text table say so beside the verdict', () => {
    const report: Report = {
      ...passed,
      images: passed.images.map((image) => ({ ...image, unchanged: true }))
    }
    expect(renderSummary(report)).toContain('| ✅ ok, unchanged |')
    expect(renderTextTable(report)).toMatch(/✅ ok, unchanged\n/)
    // false (the baseline's image differs) and absent (no baseline) read alike.
    for (const unchanged of [false, undefined]) {
      const other = { ...passed, images: passed.images.map((image) => ({ ...image, unchanged })) }
      expect(renderSummary(other)).not.toContain('unchanged')
    }
  })
})

describe('tags already in the registry', () => {
  test('pushed without sending anything: said in the headline and per tag', () => {
    const digest = 'sha256:5555'
    const report: Report = {
      ...passed,
      pushed: true,
      publish: { requested: true, event: 'push', ref: 'refs/tags/v1.2.3', version: '1.2.3' },
      images: passed.images.map((image) => ({
        ...image,
        digest,
        tags: [
          { ref: 'ghcr.io/acme/nb:1.2.3', pushed: true, uploaded: false, digest },
          { ref: 'ghcr.io/acme/nb:latest', pushed: true, uploaded: true, digest }
        ]
      }))
    }
    const summary = renderSummary(report)
    expect(summary).toContain(
      '✅ Pushed 2 tags (1 already in the registry: nothing sent, the digests stay) · version <code>1.2.3</code> from <code>refs/tags/v1.2.3</code>'
    )
    expect(summary).toContain(
      '| tier1, tier2, tier3 | <code>ghcr.io/acme/nb:1.2.3</code> | ✅ already there | <code>sha256:5555</code> |'
    )
    expect(summary).toContain(
      '| tier1, tier2, tier3 | <code>ghcr.io/acme/nb:latest</code> | ✅ | <code>sha256:5555</code> |'
    )
  })
})

describe('renderTextTable', () => {
  test.each(REPORTS)('%s report matches table-%s.txt', (name, report) => {
    expectGolden(`table-${name}.txt`, renderTextTable(report))
  })
})

describe('headline', () => {
  const only = (status: string): Report => ({
    ...mixed,
    images: mixed.images.filter((i) => i.status === status)
  })
  const failedOnly = only('failed')
  const twoFailed: Report = {
    ...mixed,
    images: [...failedOnly.images, ...failedOnly.images]
  }
  test.each<[string, Report, string]>([
    ['within budget', passed, '✅ within budget'],
    ['warn only is within budget', only('warn'), '✅ within budget'],
    ['over', only('over'), '❌ 1 over budget'],
    ['failed', failedOnly, '💥 1 build failed'],
    ['two failed', twoFailed, '💥 2 builds failed'],
    ['failed and over', mixed, '💥 1 build failed, ❌ 1 over budget'],
    ['stopped before building', notBuilt, '💥 not built'],
    // A merged report keeps a job's error, but the images other jobs built still count.
    [
      'an error, with images built',
      { ...mixed, error: 'a.json: no engine' },
      '💥 1 build failed, ❌ 1 over budget'
    ]
  ])('%s', (_name, report, text) => {
    expect(headline(report)).toBe(text)
  })
})

describe('escapeMarkdown in table cells', () => {
  test.each<[string, string]>([
    ['plain text', 'plain text'],
    ['<script>alert("x")</script>', '&lt;script&gt;alert("x")&lt;/script&gt;'],
    ['a | b', 'a &#124; b'],
    ['||', '&#124;&#124;'],
    ['line one\nline two\r\nline three', 'line one line two line three'],
    ['&lt; already', '&amp;lt; already'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['numpy>=1.26,<2', 'numpy&gt;=1.26,&lt;2'],
    ['', '']
  ])('%j → %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped)
  })
})
