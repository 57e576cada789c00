import type { FileSystem } from '../../src/adapters/fs.js'
import { buildReport } from '../../src/report/build-report.js'
import { readReport, ReportFile, ReportFileError } from '../../src/report/report-file.js'
import type { Report } from '../../src/report/types.js'
import { baseReport } from '../helpers/comparisons.js'
import { context, mixedOutcomes, mixedPlan } from '../helpers/reports.js'

// One reader for every consumer: the parts of a merge, the baseline of a pull request and
// the benchmark all get these checks.

describe('readReport: a baseline', () => {
  test('a real report reads back as it was written', () => {
    expect(readReport(JSON.stringify(baseReport), 'base.json')).toEqual(baseReport)
  })

  test('a report with packages and an audit reads back as it was written', () => {
    const withContents = structuredClone(baseReport)
    const [first] = withContents.images
    if (!first) throw new Error('no image')
    first.packages = {
      interpreter: { version: '3.11.2', executable: '/usr/bin/python3', venv: false },
      python: [
        {
          name: 'pyyaml',
          version: '6.0',
          sizeBytes: 700416,
          sizeSource: 'estimated',
          location: 'debian',
          debianPackage: 'python3-yaml'
        }
      ],
      debian: [
        { name: 'python3-yaml', version: '6.0-3', sizeBytes: 700416, architecture: 'amd64' }
      ],
      rpm: [],
      notes: []
    }
    first.audit = {
      status: 'failed',
      notes: [],
      tiers: [
        {
          tier: 'tier1',
          notes: [],
          unused: [{ manager: 'apt', spec: 'python3-six', reason: 'unused' }],
          notebooks: [
            {
              path: 'nb/a.ipynb',
              status: 'missing',
              resolved: [{ module: 'yaml', package: 'python3-yaml' }],
              missing: [
                {
                  module: 'sklearn',
                  optional: false,
                  stdlib: false,
                  likely: { pypi: 'scikit-learn', debian: null, guess: false },
                  sites: [{ cell: 1, line: 2, fileLine: 9 }]
                }
              ],
              errors: [{ kind: 'syntax', message: 'SyntaxError', cell: 2, line: 1 }],
              installs: [
                { manager: 'pip', command: 'pip install x', cell: 1, line: 1, packages: ['x'] }
              ],
              notes: []
            }
          ]
        }
      ]
    }
    expect(readReport(JSON.stringify(withContents), 'base.json')).toEqual(withContents)
  })

  test('a report from before compressed sizes and publishing reads as not measured, not pushed', () => {
    // What an nb-image-action 0.1 report held: none of the push-era fields.
    const later = new Set(['thresholdBasis', 'pushed', 'publish', 'compressedBytes'])
    for (const field of ['compressedSource', 'digest', 'platformDigest', 'tags']) later.add(field)
    const old = JSON.stringify(baseReport, (key, value: unknown) =>
      later.has(key) ? undefined : value
    )
    expect(old).not.toContain('compressedBytes')
    const parsed = readReport(old, 'old.json')
    expect(parsed.thresholdBasis).toBe('uncompressed')
    expect(parsed.pushed).toBe(false)
    expect(parsed.images.map((image) => [image.compressedBytes, image.tags])).toEqual(
      baseReport.images.map(() => [null, []])
    )
  })

  const broken = (patch: (report: Record<string, unknown>) => void): string => {
    const copy = structuredClone(baseReport) as unknown as Record<string, unknown>
    patch(copy)
    return JSON.stringify(copy)
  }
  const image = (report: Record<string, unknown>): Record<string, unknown> =>
    (report['images'] as Record<string, unknown>[])[0] ?? {}

  test.each([
    ['not JSON', '{"schemaVersion":', /^base\.json: not JSON \(/],
    ['an array', '[]', 'base.json: (root): expected an nb-image-action report object'],
    [
      'another schema version',
      broken((r) => (r['schemaVersion'] = 2)),
      'base.json: schemaVersion: expected 1 (got 2)'
    ],
    ['no manifest', broken((r) => delete r['manifest']), 'base.json: manifest: expected a string'],
    [
      'an unknown strategy',
      broken((r) => (r['strategy'] = 'bake')),
      'base.json: strategy: expected shared or multi-stage'
    ],
    ['no images', broken((r) => (r['images'] = {})), 'base.json: images: expected an array'],
    [
      'a negative size',
      broken((r) => (image(r)['sizeBytes'] = -1)),
      'base.json: images[0].sizeBytes: expected a non-negative integer or null'
    ],
    [
      'a size as a string',
      broken((r) => (image(r)['sizeBytes'] = '5GB')),
      'base.json: images[0].sizeBytes: expected a non-negative integer or null'
    ],
    [
      'tiers that are not strings',
      broken((r) => (image(r)['tiers'] = [1])),
      'base.json: images[0].tiers: expected an array of strings'
    ],
    [
      'an unknown status',
      broken((r) => (image(r)['status'] = 'great')),
      'base.json: images[0].status: expected ok, warn, over, failed'
    ],
    [
      'an unknown threshold basis',
      broken((r) => (r['thresholdBasis'] = 'gzip')),
      'base.json: thresholdBasis: expected uncompressed or compressed'
    ],
    [
      'a compressed size as a string',
      broken((r) => (image(r)['compressedBytes'] = '1 GB')),
      'base.json: images[0].compressedBytes: expected a non-negative integer or null'
    ],
    [
      'a layer without its size',
      broken((r) => (image(r)['layers'] = [{ createdBy: 'RUN x' }])),
      'base.json: images[0].layers[0]: expected an object with sizeBytes and createdBy'
    ],
    [
      'packages that are not an object',
      broken((r) => (image(r)['packages'] = [])),
      'base.json: images[0].packages: expected an object'
    ],
    [
      'a package without a version',
      broken(
        (r) =>
          (image(r)['packages'] = {
            interpreter: null,
            python: [],
            debian: [{ name: 'bash', sizeBytes: 1 }],
            rpm: [],
            notes: []
          })
      ),
      'base.json: images[0].packages.debian[0].version: expected a string'
    ],
    [
      'a package size as text',
      broken(
        (r) =>
          (image(r)['packages'] = {
            interpreter: { version: '3.11.2' },
            python: [{ name: 'numpy', version: '2', sizeBytes: '30 MB' }],
            debian: [],
            rpm: [],
            notes: []
          })
      ),
      'base.json: images[0].packages.python[0].sizeBytes: expected a non-negative integer or null'
    ],
    [
      'an unknown audit status',
      broken((r) => (image(r)['audit'] = { status: 'fine', tiers: [], notes: [] })),
      'base.json: images[0].audit.status: expected passed, failed, unchecked'
    ],
    [
      'a missing module without where it is imported',
      broken(
        (r) =>
          (image(r)['audit'] = {
            status: 'failed',
            notes: [],
            tiers: [
              {
                tier: 't',
                notes: [],
                unused: [],
                notebooks: [
                  {
                    path: 'a.ipynb',
                    status: 'missing',
                    notes: [],
                    resolved: [],
                    errors: [],
                    installs: [],
                    missing: [{ module: 'x', optional: false, likely: {}, sites: [{ cell: 0 }] }]
                  }
                ]
              }
            ]
          })
      ),
      'base.json: images[0].audit.tiers[0].notebooks[0].missing[0].sites[0]: expected an object with a cell and a line (positive integers)'
    ],
    [
      'totals missing a figure',
      broken((r) => delete (r['totals'] as Record<string, unknown>)['uniqueBytes']),
      'base.json: totals.uniqueBytes: expected a non-negative integer'
    ]
  ])('rejects %s', (_name, text, message) => {
    expect(() => readReport(text, 'base.json')).toThrow(ReportFileError)
    expect(() => readReport(text, 'base.json')).toThrow(message)
  })
})

describe('readReport: the parts of a merge', () => {
  const report = buildReport(mixedPlan, mixedOutcomes, context)
  const text = (value: unknown): string => JSON.stringify(value)

  test('a report of ours passes through', () => {
    expect(readReport(text(report), 'r.json')).toStrictEqual(report)
  })

  test('a report from before the step counts reads as 0 of 0', () => {
    const old = structuredClone(report)
    for (const image of old.images) {
      delete (image as Partial<typeof image>).cachedSteps
      delete (image as Partial<typeof image>).totalSteps
    }
    expect(readReport(text(old), 'r.json').images[0]).toMatchObject({
      cachedSteps: 0,
      totalSteps: 0
    })
  })

  const without = (field: string): unknown =>
    Object.fromEntries(Object.entries(report).filter(([key]) => key !== field))
  test.each<[string, unknown, string]>([
    ['null', null, 'r.json: (root): expected an nb-image-action report object'],
    ['an array', [], 'r.json: (root): expected an nb-image-action report object'],
    [
      "another tool's JSON",
      { tool: { name: 'dive' }, images: [], totals: {} },
      'r.json: tool.name: expected nb-image-action, the tool that writes these reports (got "dive")'
    ],
    [
      'JSON without a tool',
      { a: 1 },
      'r.json: tool.name: expected nb-image-action, the tool that writes these reports (got nothing)'
    ],
    ['no images', { ...report, images: undefined }, 'r.json: images: expected an array'],
    [
      'a newer schema',
      { ...report, schemaVersion: 2 },
      'r.json: schemaVersion: expected 1 (got 2)'
    ],
    // What the merge goes on to read: refused here rather than failing deep inside it.
    ['no engine', without('engine'), 'r.json: engine: expected an object'],
    [
      'an engine version that is not a string',
      { ...report, engine: { ...report.engine, buildxVersion: 13 } },
      'r.json: engine.buildxVersion: expected a string or null'
    ],
    [
      'no start time',
      without('startedAt'),
      'r.json: startedAt: expected a date and time (a string)'
    ],
    ['no verdict', without('passed'), 'r.json: passed: expected true or false'],
    [
      'an image without layers',
      { ...report, images: [{ ...report.images[0], layers: undefined }] },
      'r.json: images[0].layers: expected an array'
    ],
    [
      'tags that are not tags',
      { ...report, images: [{ ...report.images[0], tags: ['a:b'] }] },
      'r.json: images[0].tags: expected an array of objects with ref and pushed'
    ]
  ])('%s is refused', (_name, value, message) => {
    expect(() => readReport(text(value), 'r.json')).toThrow(new ReportFileError(message))
  })
})

describe('ReportFile: the one writer', () => {
  const report: Report = buildReport(mixedPlan, mixedOutcomes, context)
  const fs = (fail = false) => {
    const writes: [string, string][] = []
    const writer: Pick<FileSystem, 'writeFileAtomic'> = {
      async writeFileAtomic(file, content) {
        if (fail) throw new Error('EACCES: permission denied')
        writes.push([file, String(content)])
      }
    }
    return { writes, writer }
  }

  test('writes the report as indented JSON, and keeps it in memory', async () => {
    const { writes, writer } = fs()
    const file = new ReportFile(writer, '/tmp/r.json')
    expect([file.report, file.written]).toStrictEqual([undefined, false])
    await file.save(report)
    expect(writes).toStrictEqual([['/tmp/r.json', `${JSON.stringify(report, null, 2)}\n`]])
    expect([file.report, file.written]).toStrictEqual([report, true])
    expect(readReport(writes[0]?.[1] ?? '', 'r.json')).toStrictEqual(report)
  })

  test('a file that cannot be written: the error names it; the report is still held', async () => {
    const file = new ReportFile(fs(true).writer, '/tmp/r.json')
    await expect(file.save(report)).rejects.toThrow(
      'report-file: cannot write /tmp/r.json: EACCES: permission denied'
    )
    expect([file.report, file.written]).toStrictEqual([report, false])
  })
})
