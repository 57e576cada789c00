// getInputs against action.yml: every declared input is read, each value lands in its field,
// and every choice follows the one rule (case and surrounding spaces do not matter).
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { getInputs, INPUT, type Inputs } from '../src/inputs.js'
import { thrownInputError } from './helpers/errors.js'

const ACTION = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: unknown }>
}
const DECLARED = Object.keys(ACTION.inputs)

/** A reader over a map of input values, as INPUT_* variables would give them. */
const reader =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''

/** The inputs of a workflow step that sets only `values` (no action.yml defaults). */
const read = (values: Record<string, string> = {}): Inputs => getInputs(reader(values))

const refusal = (values: Record<string, string>): string =>
  thrownInputError(() => read(values)).message

const NOTHING: Inputs = {
  mode: 'build',
  manifest: '',
  growthPolicy: 'fail',
  diskCheck: 'fail',
  tiers: [],
  cacheFrom: [],
  cacheTo: [],
  noCache: false,
  provenance: false,
  reports: [],
  workingDirectory: '',
  githubToken: '',
  comment: 'auto',
  commentKey: '',
  commentThreshold: { percent: 1 },
  uploadReport: 'auto',
  reportArtifact: 'nb-image-report',
  push: false,
  tagTemplate: '',
  latest: 'auto',
  allowForkPush: false,
  compareOptions: ['A', 'B', 'D'],
  changePackages: [],
  auditNotebooks: 'auto'
}

describe('getInputs reads what action.yml declares', () => {
  test('every declared input is read, and nothing else', () => {
    const asked = new Set<string>()
    getInputs((name) => {
      asked.add(name)
      return ''
    })
    expect([...asked].sort()).toStrictEqual([...DECLARED].sort())
  })

  test('the INPUT names are action.yml names', () => {
    expect(Object.values(INPUT).sort()).toStrictEqual([...DECLARED].sort())
  })

  test('nothing set: the defaults', () => {
    expect(read()).toStrictEqual(NOTHING)
  })

  test("action.yml's own defaults read as the defaults above", () => {
    const defaults = Object.fromEntries(
      Object.entries(ACTION.inputs).map(([name, input]) => [
        name,
        // The runner fills in the token; any value will do here.
        name === 'github-token' ? 'ghs_x' : String(input.default ?? '')
      ])
    )
    expect(read(defaults)).toStrictEqual({
      ...NOTHING,
      manifest: 'notebook-tiers.yaml',
      workingDirectory: '.',
      githubToken: 'ghs_x',
      thresholdBasis: 'uncompressed',
      tagTemplate: '{tier}-{version}'
    })
  })

  test('every input set: each lands in its field', () => {
    expect(
      read({
        mode: 'merge',
        manifest: 'ci/tiers.yaml',
        strategy: 'multi-stage',
        threshold: '4.5 GB',
        'max-growth': '10%',
        'growth-policy': 'warn',
        'disk-check': 'off',
        tiers: 'tier1, tier3',
        builder: 'remote',
        cache: 'registry',
        'cache-from': 'type=gha\ntype=local,src=/c',
        'cache-to': 'type=gha,mode=max',
        'no-cache': 'true',
        provenance: 'true',
        'max-parallelism': '2',
        reports: 'reports/**/*.json\n!reports/old/*.json',
        'report-file': 'out/report.json',
        'working-directory': 'notebooks',
        'github-token': 'ghs_secret',
        comment: 'always',
        'comment-key': ' ci ',
        'comment-threshold': '5MB',
        'baseline-report': 'base.json',
        'upload-report': 'false',
        'report-artifact': 'nb-image-report-ci',
        'threshold-basis': 'compressed',
        push: 'true',
        'tag-template': '{image}-{tier}:{version}',
        latest: 'false',
        'allow-fork-push': 'true',
        'nvj-file': 'k8s/jobs.yaml',
        'nvj-namespace': 'notebooks',
        options: 'd, a',
        'change-package': 'tier1=python3-toml\npip:toml',
        'adr-file': 'docs/adr-031-measured.md',
        'audit-notebooks': 'false'
      })
    ).toStrictEqual({
      mode: 'merge',
      manifest: 'ci/tiers.yaml',
      strategy: 'multi-stage',
      thresholdBytes: 4_500_000_000,
      maxGrowth: { percent: 10 },
      growthPolicy: 'warn',
      diskCheck: 'off',
      tiers: ['tier1', 'tier3'],
      builder: 'remote',
      cache: 'registry',
      cacheFrom: ['type=gha', 'type=local,src=/c'],
      cacheTo: ['type=gha,mode=max'],
      noCache: true,
      provenance: true,
      maxParallelism: 2,
      reports: ['reports/**/*.json', '!reports/old/*.json'],
      reportFile: 'out/report.json',
      workingDirectory: 'notebooks',
      githubToken: 'ghs_secret',
      comment: 'always',
      commentKey: 'ci',
      commentThreshold: { bytes: 5_000_000 },
      baselineReport: 'base.json',
      uploadReport: 'false',
      reportArtifact: 'nb-image-report-ci',
      thresholdBasis: 'compressed',
      push: true,
      tagTemplate: '{image}-{tier}:{version}',
      latest: 'false',
      allowForkPush: true,
      nvjFile: 'k8s/jobs.yaml',
      nvjNamespace: 'notebooks',
      compareOptions: ['A', 'D'],
      changePackages: [
        { tier: 'tier1', spec: 'python3-toml' },
        { manager: 'pip', spec: 'toml' }
      ],
      adrFile: 'docs/adr-031-measured.md',
      auditNotebooks: 'false'
    } satisfies Inputs)
  })

  test('max-parallelism 0 is no cap', () => {
    expect(read({ 'max-parallelism': '0' }).maxParallelism).toBeUndefined()
  })
})

describe('choices ignore case and surrounding spaces, everywhere', () => {
  test.each<[string, string, Partial<Inputs>]>([
    ['mode', ' Plan\n', { mode: 'plan' }],
    ['mode', 'COMPARE', { mode: 'compare' }],
    ['options', ' b,C , a ', { compareOptions: ['A', 'B', 'C'] }],
    ['strategy', 'Shared', { strategy: 'shared' }],
    ['strategy', ' MULTI-STAGE ', { strategy: 'multi-stage' }],
    ['cache', 'GHA', { cache: 'gha' }],
    ['threshold-basis', 'Compressed', { thresholdBasis: 'compressed' }],
    ['latest', ' TRUE ', { latest: 'true' }],
    ['comment', ' Always ', { comment: 'always' }],
    ['comment', 'CHANGED', { comment: 'changed' }],
    ['growth-policy', ' Warn ', { growthPolicy: 'warn' }],
    ['disk-check', 'OFF', { diskCheck: 'off' }],
    ['upload-report', 'TRUE', { uploadReport: 'true' }],
    ['push', 'True', { push: true }],
    ['no-cache', 'tRUE', { noCache: true }],
    ['provenance', ' True', { provenance: true }],
    ['allow-fork-push', 'FALSE', { allowForkPush: false }],
    ['audit-notebooks', ' True ', { auditNotebooks: 'true' }]
  ])('%s %j', (name, value, expected) => {
    expect(read({ [name]: value })).toStrictEqual({ ...NOTHING, ...expected })
  })
})

describe('refusals name the input, what it takes and what it got', () => {
  test.each<[string, string, string]>([
    ['mode', 'report', 'mode: expected one of build, plan, merge, compare, got "report"'],
    ['mode', 'build,merge', 'mode: expected one of build, plan, merge, compare, got "build,merge"'],
    [
      'options',
      'A,E',
      'options: expected one of A, B, C, D (ADR-031\'s options, e.g. A,B,D), got "E"'
    ],
    [
      'change-package',
      'tier1=',
      'change-package: "tier1=" is not [tier=][apt:|pip:]package, e.g. tier1=python3-toml or pip:toml'
    ],
    ['strategy', 'multistage', 'strategy: expected one of shared, multi-stage, got "multistage"'],
    ['strategy', ' both ', 'strategy: expected one of shared, multi-stage, got "both"'],
    [
      'cache',
      'type=gha',
      'cache: expected one of gha, registry (or leave it empty and pass cache-from/cache-to), got "type=gha"'
    ],
    [
      'cache',
      'gha,registry',
      'cache: expected one of gha, registry (or leave it empty and pass cache-from/cache-to), got "gha,registry"'
    ],
    [
      'threshold-basis',
      'gzip',
      'threshold-basis: expected one of uncompressed, compressed, got "gzip"'
    ],
    ['latest', 'yes', 'latest: expected one of auto, true, false, got "yes"'],
    ['comment', 'yes', 'comment: expected one of auto, always, never, changed, got "yes"'],
    ['growth-policy', 'error', 'growth-policy: expected one of fail, warn, got "error"'],
    ['disk-check', 'true', 'disk-check: expected one of fail, warn, off, got "true"'],
    [
      'max-growth',
      'ten percent',
      'max-growth: invalid limit "ten percent": expected a percentage of the baseline size such as 10% or 2.5%, or a size such as 5GB, 4.5 GB, 500MB or 2GiB (GB/MB/KB are decimal, GiB/MiB/KiB binary, a bare integer is bytes)'
    ],
    [
      'comment-threshold',
      '0%',
      'comment-threshold: invalid limit "0%": a limit must be greater than zero'
    ],
    ['upload-report', 'on', 'upload-report: expected one of auto, true, false, got "on"'],
    ['push', 'maybe', 'push: expected true or false, got "maybe"'],
    ['no-cache', 'yes', 'no-cache: expected true or false, got "yes"'],
    ['allow-fork-push', '1', 'allow-fork-push: expected true or false, got "1"'],
    ['audit-notebooks', 'yes', 'audit-notebooks: expected one of auto, true, false, got "yes"'],
    [
      'max-parallelism',
      'four',
      'max-parallelism: expected a whole number of images to build at once (0 or empty for no cap), got "four"'
    ],
    [
      'threshold',
      'five',
      'threshold: invalid size "five": expected a size such as 5GB, 4.5 GB, 500MB or 2GiB (GB/MB/KB are decimal, GiB/MiB/KiB binary, a bare integer is bytes)'
    ],
    [
      'report-artifact',
      'a/b',
      'report-artifact: "a/b" contains "/"; artifact names cannot contain " : < > | * ? \\ / or line breaks'
    ]
  ])('%s %j', (name, value, message) => {
    expect(refusal({ [name]: value })).toBe(message)
  })

  test.each(['a:b', 'a"b', 'a|b', 'a*b', 'a?b', 'a\\b', 'a<b>'])(
    'report-artifact %j is refused',
    (value) => {
      expect(refusal({ 'report-artifact': value })).toMatch(/^report-artifact: ".*" contains/)
    }
  )
})
