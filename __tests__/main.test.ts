// The action's shell, run with injected adapters (no module mocks): which outputs it sets,
// how a bad manifest is annotated, where a near-budget warning points, and that a stopped
// run still shares the report it holds in memory.
import type { Step, SummarySkipped } from '../src/adapters/actions-step.js'
import type { ReportUploader } from '../src/adapters/artifact.js'
import { run, type ActionDeps } from '../src/main.js'
import type { Report } from '../src/report/types.js'
import { FakeDocker, FakeFs, FakeGit, RecordingLogger } from './helpers/fakes.js'

const MANIFEST = '/repo/notebook-tiers.yaml'
const REPORT = '/runner/temp/nb-image-report.json'
const EVENT = '/runner/event.json'

/** A step of a workflow: the inputs given, and everything the action told the runner. */
class RecordingStep implements Step {
  readonly outputs = new Map<string, string>()
  readonly summary: string[] = []
  readonly failed: string[] = []
  readonly secrets: string[] = []
  constructor(private readonly inputs: Record<string, string> = {}) {}
  getInput(name: string): string {
    return (this.inputs[name] ?? '').trim()
  }
  setSecret(secret: string): void {
    this.secrets.push(secret)
  }
  setOutput(name: string, value: string): void {
    this.outputs.set(name, value)
  }
  /** Set to a reason to play a runner without job summaries. */
  summarySkipped: SummarySkipped | undefined
  async appendSummary(markdown: string): Promise<SummarySkipped | undefined> {
    if (this.summarySkipped) return this.summarySkipped
    this.summary.push(markdown)
    return undefined
  }
  setFailed(message: string): void {
    this.failed.push(message)
  }
}

const noUpload: ReportUploader = {
  unavailable: () => 'not a job step',
  upload: async () => {
    throw new Error('no upload expected')
  }
}

const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`

/** Two tiers of 1,000 bytes each (the fake engine's image) against budgets of 1,050 and 5 GB. */
const TWO_TIERS = yaml(
  'version: 1',
  'image: acme/nb',
  'strategy: multi-stage',
  'baseImage: nb-image-fixture/busybox:1',
  'tiers:',
  '  tier1:',
  '    pip: [numpy]',
  '    threshold: 1050',
  '  tier2: {pip: [pandas]}'
)

interface World {
  deps: ActionDeps
  step: RecordingStep
  logger: RecordingLogger
  fs: FakeFs
  docker: FakeDocker
}

function world(
  inputs: Record<string, string>,
  files: Record<string, string> = { [MANIFEST]: TWO_TIERS },
  env: NodeJS.ProcessEnv = {}
): World {
  const fs = new FakeFs(files)
  const docker = new FakeDocker({}, fs)
  const logger = new RecordingLogger()
  const step = new RecordingStep({ manifest: 'notebook-tiers.yaml', ...inputs })
  let now = Date.parse('2026-01-02T03:04:05.000Z')
  const deps: ActionDeps = {
    step,
    env: { GITHUB_WORKSPACE: '/repo', RUNNER_TEMP: '/runner/temp', ...env },
    cwd: '/repo',
    docker,
    fs,
    logger,
    uploader: noUpload,
    // The commit of GITHUB_SHA, or HEAD when the env has none: 2026-01-02T00:00:00Z.
    git: new FakeGit({ HEAD: { seconds: 1767312000 } }),
    github: () => {
      throw new Error('no GitHub client expected')
    },
    now: () => (now += 1000)
  }
  return { deps, step, logger, fs, docker }
}

const report = (w: World): Report => JSON.parse(w.step.outputs.get('report') ?? 'null') as Report

describe('run: a build', () => {
  test('sets every output of a finished build, and passes', async () => {
    const w = world({})
    await run(w.deps)
    expect([...w.step.outputs.keys()].sort()).toStrictEqual(
      [
        'digests',
        'images',
        'matrix',
        'notebook-validation-jobs',
        'passed',
        'pushed',
        'report',
        'report-file',
        'tags',
        'version'
      ].sort()
    )
    expect(w.step.failed).toStrictEqual([])
    expect(w.step.outputs.get('report-file')).toBe(REPORT)
    expect(w.step.outputs.get('passed')).toBe('true')
    expect(JSON.parse(w.step.outputs.get('images') ?? '')).toStrictEqual({
      tier1: 'acme/nb:tier1',
      tier2: 'acme/nb:tier2'
    })
    expect(JSON.parse(w.step.outputs.get('matrix') ?? '')).toStrictEqual({
      include: [
        { tier: 'tier1', name: 'tier1', ref: 'acme/nb:tier1' },
        { tier: 'tier2', name: 'tier2', ref: 'acme/nb:tier2' }
      ]
    })
    expect(w.step.outputs.get('pushed')).toBe('false')
    expect(w.step.outputs.get('digests')).toBe('{}')
    // The output and the file are the same report, written once.
    expect(JSON.parse(w.fs.text(REPORT) ?? 'null')).toStrictEqual(report(w))
    expect(w.fs.writes.filter((file) => file === REPORT)).toHaveLength(1)
    expect(w.step.summary[0]).toMatch(/^## Notebook images: ✅ within budget/)
  })

  test("a near-budget warning lands on its tier's line of the manifest", async () => {
    const w = world({})
    await run(w.deps)
    expect(report(w).images.map((image) => image.status)).toStrictEqual(['warn', 'ok'])
    expect(w.logger.annotations.filter((a) => a.level === 'warning')).toStrictEqual([
      {
        level: 'warning',
        message: 'acme/nb:tier1 (tier1) is 1 kB, 95.2% of its 1.05 kB budget (50 B left)',
        target: {
          title: 'Image near its size budget',
          file: 'notebook-tiers.yaml',
          startLine: 6,
          startColumn: 3
        }
      }
    ])
  })

  test('an image over budget fails the step with the verdict', async () => {
    const w = world({ threshold: '900' })
    await run(w.deps)
    expect(w.step.outputs.get('passed')).toBe('false')
    expect(w.step.failed).toStrictEqual([
      'acme/nb:tier2 (tier2) is 1 kB (1,000 bytes), over its 900 B budget (900 bytes) by 100 B (100 bytes)'
    ])
  })

  test('the token is masked as soon as it is read', async () => {
    const w = world({ 'github-token': 'ghs_secret' })
    await run(w.deps)
    expect(w.step.secrets).toStrictEqual(['ghs_secret'])
  })

  test.each<[string, Record<string, string>, NodeJS.ProcessEnv]>([
    [
      'the pip-index-url input',
      { 'pip-index-url': 'https://ci:s3cr3t-pw@pypi.example/simple' },
      {}
    ],
    [
      'PIP_INDEX_URL, the input empty',
      {},
      { PIP_INDEX_URL: 'https://ci:s3cr3t-pw@pypi.example/simple' }
    ],
    [
      'the input, PIP_INDEX_URL aside',
      { 'pip-index-url': 'https://ci:s3cr3t-pw@pypi.example/simple' },
      { PIP_INDEX_URL: 'https://other:0ther-pw@elsewhere.example/simple' }
    ]
  ])('an index password is masked as soon as it is read: %s', async (_, inputs, env) => {
    const w = world(inputs, undefined, env)
    await run(w.deps)
    expect(w.step.failed).toStrictEqual([])
    expect(w.step.secrets).toContain('s3cr3t-pw')
    expect(w.step.secrets).toContain('https://ci:s3cr3t-pw@pypi.example/simple')
    expect(w.step.secrets.join(' ')).not.toContain('0ther-pw')
  })

  test('PIP_EXTRA_INDEX_URL stands in for an empty pip-extra-index-url, masked', async () => {
    const w = world({}, undefined, {
      PIP_EXTRA_INDEX_URL: 'https://a:pw-one@one.example/simple https://b:pw-two@two.example/simple'
    })
    await run(w.deps)
    expect(w.step.failed).toStrictEqual([])
    expect(w.step.secrets).toEqual(expect.arrayContaining(['pw-one', 'pw-two']))
  })
})

describe('run: runners without the optional features', () => {
  test.each<[string, SummarySkipped, 'notice' | 'warning']>([
    [
      'no job summary (act, Gitea, Forgejo, older GHES): one notice',
      { reason: 'unsupported', message: 'GITHUB_STEP_SUMMARY is not set' },
      'notice'
    ],
    [
      'a summary file that cannot be written: one warning',
      { reason: 'unwritable', message: "Unable to access summary file: '/x'" },
      'warning'
    ]
  ])('%s, the same outputs and verdict', async (_name, skipped, level) => {
    const withSummary = world({ threshold: '900' })
    await run(withSummary.deps)
    const without = world({ threshold: '900' })
    without.step.summarySkipped = skipped
    await run(without.deps)
    expect(without.step.failed).toStrictEqual(withSummary.step.failed)
    expect(without.step.outputs.get('passed')).toBe('false')
    expect([...without.step.outputs.keys()]).toStrictEqual([...withSummary.step.outputs.keys()])
    const told = without.logger.annotations.filter((a) => a.message.includes(skipped.message))
    expect(told).toStrictEqual([
      {
        level,
        message:
          level === 'notice'
            ? "This runner provides no job summary (GITHUB_STEP_SUMMARY is not set): the report is in the log, the step's outputs and the report file."
            : `The job summary could not be written (${skipped.message}); the report is in the log, the step's outputs and the report file.`
      }
    ])
    // The report still reaches the log.
    expect(without.logger.lines.some((line) => line.includes('| Tier | Image | Size |'))).toBe(true)
  })

  test('an output file that cannot be written: one warning, the verdict unchanged', async () => {
    const w = world({})
    w.step.setOutput = () => {
      throw new Error('Missing file at path: /runner/output')
    }
    await run(w.deps)
    expect(w.step.failed).toStrictEqual([])
    expect(w.logger.annotations.filter((a) => a.message.includes('outputs'))).toStrictEqual([
      {
        level: 'warning',
        message:
          "The step's outputs could not be written (Missing file at path: /runner/output); the report is in the log and the report file."
      }
    ])
  })
})

describe('run: a baseline report', () => {
  test('looked up while the build runs: unchanged images in the report and the comment', async () => {
    const first = world({})
    await run(first.deps)
    const baseline = first.fs.text(REPORT) ?? ''
    const second = world(
      { 'baseline-report': 'base.json' },
      { [MANIFEST]: TWO_TIERS, '/repo/base.json': baseline }
    )
    // The base's tier2 is another image: it changed.
    second.fs.addFile(
      '/repo/base.json',
      baseline.replace('"imageId": "sha256:id-acme/nb:tier2"', '"imageId": "sha256:older"')
    )
    await run(second.deps)
    expect(second.step.failed).toStrictEqual([])
    expect(report(second).images.map((image) => [image.name, image.unchanged])).toStrictEqual([
      ['tier1', true],
      ['tier2', false]
    ])
    const comment = second.step.outputs.get('comment-body') ?? ''
    expect(comment.split('\n').filter((line) => line.includes('unchanged'))).toHaveLength(1)
    expect(comment).toMatch(/^\| tier1 \|[^|]+\| unchanged \|/m)
    // The lookup ran once, for the build and the comment alike.
    expect(second.logger.lines.filter((line) => line.startsWith('info: Baseline:'))).toHaveLength(1)
  })
})

describe('run: plan mode', () => {
  test('sets the matrix and the images, builds nothing, writes no report', async () => {
    const w = world({ mode: 'plan' })
    await run(w.deps)
    expect([...w.step.outputs.keys()].sort()).toStrictEqual(['images', 'matrix'])
    expect(w.docker.calls).toStrictEqual([])
    expect(w.fs.text(REPORT)).toBeUndefined()
    expect(w.step.failed).toStrictEqual([])
  })
})

describe('run: compare mode', () => {
  test('the ADR section in the summary and the adr output, its file, the JSON and the recommendation', async () => {
    const w = world({ mode: 'compare', options: 'A,D' })
    await run(w.deps)
    const adr = w.step.outputs.get('adr') ?? ''
    expect(adr).toContain('## ADR-031 options, measured')
    expect(w.step.summary).toStrictEqual([adr])
    expect(w.step.outputs.get('adr-file')).toBe('/runner/temp/nb-image-adr.md')
    expect(w.fs.text('/runner/temp/nb-image-adr.md')).toBe(adr)
    const document = JSON.parse(w.step.outputs.get('comparison') ?? '') as {
      options: { id: string }[]
      recommendation: { option: string | null }
    }
    expect(document.options.map((option) => option.id)).toStrictEqual(['A', 'D'])
    expect(w.step.outputs.get('recommendation')).toBe(document.recommendation.option ?? '')
    // No build report is written or shared by a comparison.
    expect(w.fs.text(REPORT)).toBeUndefined()
    expect(w.step.outputs.has('report')).toBe(false)
    expect(w.step.failed).toStrictEqual([])
  })

  test('a recommendation other than the manifest’s strategy is a warning on the manifest', async () => {
    const w = world({ mode: 'compare', options: 'A,D' })
    await run(w.deps)
    const option = w.step.outputs.get('recommendation')
    const warnings = w.logger.annotations.filter(
      (a) => a.level === 'warning' && a.target?.title === 'ADR-031 recommendation differs'
    )
    // TWO_TIERS builds D (multi-stage): a recommendation of A is flagged, D is not.
    expect(warnings.length).toBe(option === 'D' ? 0 : 1)
  })
})

describe('run: failures', () => {
  test('a bad manifest: one annotation per issue, one failure naming the file', async () => {
    const w = world(
      {},
      {
        [MANIFEST]: yaml(
          'version: 1',
          'image: acme/nb',
          'baseImage: nb-image-fixture/busybox:1',
          'tiers:',
          '  tier1: {pip: [numpy], treshold: 5GB}',
          '  tier2: {pip: [pandas], dockerfil: x}'
        )
      }
    )
    await run(w.deps)
    const errors = w.logger.annotations.filter((a) => a.level === 'error')
    expect(errors.map((a) => a.target)).toStrictEqual([
      {
        title: 'Invalid tier manifest',
        file: 'notebook-tiers.yaml',
        startLine: 5,
        startColumn: 25
      },
      {
        title: 'Invalid tier manifest',
        file: 'notebook-tiers.yaml',
        startLine: 6,
        startColumn: 26
      }
    ])
    expect(errors.map((a) => a.message)).toStrictEqual([
      'notebook-tiers.yaml:5:25: tiers.tier1.treshold: unknown field "treshold"; did you mean "threshold"?',
      'notebook-tiers.yaml:6:26: tiers.tier2.dockerfil: unknown field "dockerfil"; did you mean "dockerfile"?'
    ])
    expect(w.step.failed).toStrictEqual(['notebook-tiers.yaml: 2 problems (see the errors above)'])
    expect(w.docker.calls).toStrictEqual([])
    // The stopped run's report says why, and no report output pretends it passed.
    expect(JSON.parse(w.fs.text(REPORT) ?? 'null')).toMatchObject({ passed: false })
    expect([...w.step.outputs.keys()]).toStrictEqual(['report-file'])
  })

  test('a bad input: the input named, nothing built', async () => {
    const w = world({ strategy: 'both' })
    await run(w.deps)
    expect(w.step.failed).toStrictEqual([
      'strategy: expected one of shared, multi-stage, got "both"'
    ])
    expect(w.docker.calls).toStrictEqual([])
  })

  test('our own bug: "Unexpected error", the stack in the debug log', async () => {
    const w = world({})
    w.docker.engine = new TypeError('boom')
    await run(w.deps)
    expect(w.step.failed).toStrictEqual(['Unexpected error: boom'])
    expect(w.logger.lines.some((line) => line.startsWith('debug: TypeError: boom\n'))).toBe(true)
  })

  test('a pull request whose manifest broke still gets the stopped report, from memory', async () => {
    const w = world(
      {},
      {
        [MANIFEST]: 'version: 1\nimage: [\n',
        [EVENT]: JSON.stringify({
          number: 7,
          pull_request: {
            number: 7,
            base: { ref: 'main', repo: { full_name: 'acme/nb' } },
            head: { ref: 'feature', repo: { full_name: 'acme/nb' } }
          }
        })
      },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_REPOSITORY: 'acme/nb',
        GITHUB_EVENT_PATH: EVENT
      }
    )
    // The file cannot be written: the comment is rendered from the report held in memory.
    w.fs.unwritable.add(REPORT)
    await run(w.deps)
    expect(w.step.failed).toStrictEqual(['notebook-tiers.yaml: 1 problem (see the errors above)'])
    expect(w.step.outputs.get('comment-body')).toMatch(/## Notebook images: 💥 not built/)
    expect(w.step.outputs.get('comment-body')).toContain(
      '**Error:** notebook-tiers.yaml:3:1: invalid YAML'
    )
  })
})
