import { buildReport } from '../../src/report/build-report.js'
import {
  budgetStatus,
  verdictMessages,
  verdictWarnings,
  warningMessage,
  WARN_RATIO
} from '../../src/report/verdict.js'
import type { ImageReport } from '../../src/report/types.js'
import type { Manifest } from '../../src/manifest/types.js'
import { context, mixedOutcomes, mixedPlan } from '../helpers/reports.js'

// tier1 ok, tier2 over its 1 GB budget, tier3 at 95% of its budget, tier4 failed.
const mixedReport = buildReport(mixedPlan, mixedOutcomes, context)

describe('verdictMessages', () => {
  test('names each image over budget or failed, with size, limit and excess', () => {
    expect(verdictMessages(mixedReport)).toStrictEqual([
      'ghcr.io/acme/nb:tier2 (tier2) is 1.5 GB (1,500,000,000 bytes), over its 1 GB budget (1,000,000,000 bytes) by 500 MB (500,000,000 bytes)',
      'ghcr.io/acme/nb:tier4 (tier4) failed to build: process "/bin/sh -c pip install nope" did not complete successfully: exit code: 1'
    ])
  })

  test('the run error comes first; a shared image lists its tiers', () => {
    const shared: ImageReport = {
      ...(mixedReport.images[1] as ImageReport),
      ref: 'ghcr.io/acme/nb:shared',
      tiers: ['tier1', 'tier2'],
      sizeBytes: 1_000_000_001
    }
    expect(
      verdictMessages({ ...mixedReport, error: 'stopped early', images: [shared] })
    ).toStrictEqual([
      'stopped early',
      'ghcr.io/acme/nb:shared (tier1, tier2) is 1 GB (1,000,000,001 bytes), over its 1 GB budget (1,000,000,000 bytes) by 1 B (1 byte)'
    ])
  })

  test('a failed image without an error message', () => {
    const failed: ImageReport = { ...(mixedReport.images[3] as ImageReport) }
    delete failed.error
    expect(verdictMessages({ ...mixedReport, images: [failed] })).toStrictEqual([
      'ghcr.io/acme/nb:tier4 (tier4) failed to build: unknown error'
    ])
  })

  test('nothing when every image is within budget', () => {
    expect(
      verdictMessages({ ...mixedReport, images: mixedReport.images.slice(0, 1) })
    ).toStrictEqual([])
    expect(
      verdictMessages({ ...mixedReport, images: [mixedReport.images[2] as ImageReport] })
    ).toStrictEqual([])
  })
})

describe('warningMessage', () => {
  test.each<[number, string | undefined]>([
    [0, undefined],
    [1, undefined],
    [2, 'ghcr.io/acme/nb:tier3 (tier3) is 950 MB, 95.0% of its 1 GB budget (50 MB left)'],
    [3, undefined]
  ])('image %d', (index, message) => {
    expect(warningMessage(mixedReport.images[index] as ImageReport)).toBe(message)
  })

  test('exactly at the budget', () => {
    const atBudget: ImageReport = {
      ...(mixedReport.images[2] as ImageReport),
      sizeBytes: 1_000_000_000
    }
    expect(warningMessage(atBudget)).toBe(
      'ghcr.io/acme/nb:tier3 (tier3) is 1 GB, 100.0% of its 1 GB budget (0 B left)'
    )
  })
})

describe('budgetStatus', () => {
  test('warns above 90%', () => {
    expect(WARN_RATIO).toBe(0.9)
  })

  test.each<[number, number, string]>([
    [0, 1000, 'ok'],
    [899, 1000, 'ok'],
    [900, 1000, 'ok'],
    [901, 1000, 'warn'],
    [999, 1000, 'warn'],
    // Exactly the budget is within it.
    [1000, 1000, 'warn'],
    [1001, 1000, 'over'],
    [4_500_000_000, 5_000_000_000, 'ok'],
    [4_500_000_001, 5_000_000_000, 'warn'],
    [5_000_000_000, 5_000_000_000, 'warn'],
    [5_000_000_001, 5_000_000_000, 'over'],
    [2, 3, 'ok'],
    [3, 3, 'warn'],
    [4, 3, 'over']
  ])('%d bytes against %d → %s', (size, budget, status) => {
    expect(budgetStatus(size, budget)).toBe(status)
  })
})

describe('verdictWarnings', () => {
  const manifest = {
    file: 'ci/notebook-tiers.yaml',
    positions: { 'tiers.tier3': { line: 12, column: 3 } }
  } as unknown as Manifest

  test("each near-budget image warns on its tier's line of the manifest", () => {
    expect(verdictWarnings(mixedReport, manifest)).toStrictEqual([
      {
        title: 'Image near its size budget',
        message: 'ghcr.io/acme/nb:tier3 (tier3) is 950 MB, 95.0% of its 1 GB budget (50 MB left)',
        file: 'ci/notebook-tiers.yaml',
        line: 12,
        column: 3
      }
    ])
  })

  test('without the manifest (a merge job without it), on the file the report names', () => {
    expect(verdictWarnings(mixedReport)).toStrictEqual([
      {
        title: 'Image near its size budget',
        message: 'ghcr.io/acme/nb:tier3 (tier3) is 950 MB, 95.0% of its 1 GB budget (50 MB left)',
        file: mixedReport.manifest
      }
    ])
  })
})
