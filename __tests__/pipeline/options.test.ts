import {
  DEFAULT_MANIFEST,
  parseShortShaLength,
  toRunOptions,
  type RunOptions,
  type RunnerEnv
} from '../../src/pipeline/options.js'
import { readRunContext, type GitHubEnv } from '../../src/github/context.js'
import { getInputs, type Inputs } from '../../src/inputs.js'
import { thrownInputError as thrown } from '../helpers/errors.js'

/** A step that sets no input but these: every other field as getInputs() reads it. */
const inputs = (fields: Partial<Inputs> = {}): Inputs => ({ ...getInputs(() => ''), ...fields })

const SHARE = {
  token: '',
  comment: 'auto',
  commentKey: '',
  commentThreshold: { percent: 1 },
  upload: 'auto',
  artifactName: 'nb-image-report'
}

describe('toRunOptions', () => {
  const CWD = '/home/runner/work/nb/nb'

  test.each<[string, Inputs, RunnerEnv & GitHubEnv, RunOptions]>([
    [
      'on a runner: workspace from GITHUB_WORKSPACE, report in RUNNER_TEMP, source from GITHUB_*',
      inputs({ workingDirectory: 'notebooks' }),
      {
        GITHUB_WORKSPACE: '/github/workspace',
        RUNNER_TEMP: '/runner/_temp',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/nb',
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567'
      },
      {
        manifestPath: '/github/workspace/notebooks/notebook-tiers.yaml',
        workspace: '/github/workspace',
        workingDirectory: '/github/workspace/notebooks',
        tiers: [],
        cacheFrom: [],
        cacheTo: [],
        noCache: false,
        provenance: false,
        auditNotebooks: 'auto',
        reportFile: '/runner/_temp/nb-image-report.json',
        reports: [],
        tempDir: '/runner/_temp',
        source: {
          repositoryUrl: 'https://github.com/acme/nb',
          revision: '0123456789abcdef0123456789abcdef01234567'
        }
      }
    ],
    [
      'locally: workspace is the cwd, report next to the manifest, no source',
      inputs(),
      {},
      {
        manifestPath: `${CWD}/notebook-tiers.yaml`,
        workspace: CWD,
        workingDirectory: CWD,
        tiers: [],
        cacheFrom: [],
        cacheTo: [],
        noCache: false,
        provenance: false,
        auditNotebooks: 'auto',
        reportFile: `${CWD}/nb-image-report.json`,
        reports: [],
        source: {}
      }
    ],
    [
      'a report-file is resolved against the working directory, RUNNER_TEMP or not',
      inputs({ workingDirectory: 'nb', reportFile: 'out/report.json', manifest: 'tiers.yml' }),
      { GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t' },
      {
        manifestPath: '/w/nb/tiers.yml',
        workspace: '/w',
        workingDirectory: '/w/nb',
        tiers: [],
        cacheFrom: [],
        cacheTo: [],
        noCache: false,
        provenance: false,
        auditNotebooks: 'auto',
        reportFile: '/w/nb/out/report.json',
        reports: [],
        tempDir: '/t',
        source: {}
      }
    ],
    [
      'absolute paths stay; a relative GITHUB_WORKSPACE is resolved against the cwd',
      inputs({ manifest: '/etc/nb/tiers.yaml', reportFile: '/tmp/report.json' }),
      { GITHUB_WORKSPACE: 'repo' },
      {
        manifestPath: '/etc/nb/tiers.yaml',
        workspace: `${CWD}/repo`,
        workingDirectory: `${CWD}/repo`,
        tiers: [],
        cacheFrom: [],
        cacheTo: [],
        noCache: false,
        provenance: false,
        auditNotebooks: 'auto',
        reportFile: '/tmp/report.json',
        reports: [],
        source: {}
      }
    ],
    [
      'every input passed through; GITHUB_SERVER_URL of an enterprise server',
      inputs({
        strategy: 'multi-stage',
        thresholdBytes: 4_000_000_000,
        tiers: ['tier1', 'tier3'],
        builder: 'builder-1',
        cacheFrom: ['type=gha'],
        cacheTo: ['type=gha,mode=max'],
        noCache: true,
        workingDirectory: '.',
        maxGrowth: { percent: 10 },
        growthPolicy: 'warn',
        diskCheck: 'off',
        auditNotebooks: 'false'
      }),
      {
        GITHUB_WORKSPACE: '/w',
        GITHUB_SERVER_URL: 'https://ghe.example.com',
        GITHUB_REPOSITORY: 'acme/nb'
      },
      {
        manifestPath: '/w/notebook-tiers.yaml',
        workspace: '/w',
        workingDirectory: '/w',
        strategy: 'multi-stage',
        thresholdBytes: 4_000_000_000,
        tiers: ['tier1', 'tier3'],
        builder: 'builder-1',
        cacheFrom: ['type=gha'],
        cacheTo: ['type=gha,mode=max'],
        noCache: true,
        maxGrowth: { percent: 10 },
        growthPolicy: 'warn',
        diskCheck: 'off',
        provenance: false,
        auditNotebooks: 'false',
        reportFile: '/w/nb-image-report.json',
        reports: [],
        source: { repositoryUrl: 'https://ghe.example.com/acme/nb' }
      }
    ],
    [
      'merge and speed inputs: cache, max-parallelism, report globs',
      inputs({
        mode: 'merge',
        cache: 'registry',
        maxParallelism: 2,
        reports: ['reports/**/*.json', '!reports/old/*.json']
      }),
      { GITHUB_WORKSPACE: '/w' },
      {
        manifestPath: '/w/notebook-tiers.yaml',
        workspace: '/w',
        workingDirectory: '/w',
        tiers: [],
        cacheFrom: [],
        cacheTo: [],
        noCache: false,
        provenance: false,
        auditNotebooks: 'auto',
        reportFile: '/w/nb-image-report.json',
        reports: ['reports/**/*.json', '!reports/old/*.json'],
        source: {},
        cache: 'registry',
        maxParallelism: 2
      }
    ],
    [
      'GITHUB_REPOSITORY without GITHUB_SERVER_URL means github.com; an empty builder is none',
      inputs({ builder: '' }),
      { GITHUB_WORKSPACE: '/w', GITHUB_REPOSITORY: 'acme/nb', GITHUB_SHA: 'abc' },
      {
        manifestPath: '/w/notebook-tiers.yaml',
        workspace: '/w',
        workingDirectory: '/w',
        tiers: [],
        cacheFrom: [],
        cacheTo: [],
        noCache: false,
        provenance: false,
        auditNotebooks: 'auto',
        reportFile: '/w/nb-image-report.json',
        reports: [],
        source: { repositoryUrl: 'https://github.com/acme/nb', revision: 'abc' }
      }
    ]
  ])('%s', (_name, given, env, expected) => {
    expect(toRunOptions(given, env, CWD)).toStrictEqual({
      growthPolicy: 'fail',
      diskCheck: 'fail',
      ...expected,
      share: SHARE
    })
  })

  test('comment and upload inputs; baseline-report is resolved against the working directory', () => {
    const options = toRunOptions(
      inputs({
        workingDirectory: 'nb',
        githubToken: 'ghs_x',
        comment: 'always',
        commentKey: 'ci',
        baselineReport: 'base/report.json',
        uploadReport: 'true',
        reportArtifact: 'nb-image-report-ci'
      }),
      { GITHUB_WORKSPACE: '/w' },
      CWD
    )
    expect(options.share).toStrictEqual({
      token: 'ghs_x',
      comment: 'always',
      commentKey: 'ci',
      commentThreshold: { percent: 1 },
      baselineReport: '/w/nb/base/report.json',
      upload: 'true',
      artifactName: 'nb-image-report-ci'
    })
  })

  test.each<[string, Partial<Inputs>, RunnerEnv, Partial<RunOptions>]>([
    [
      'compare on a runner: A, B and D; the ADR file in RUNNER_TEMP',
      { mode: 'compare' },
      { RUNNER_TEMP: '/runner/_temp' },
      {
        compareOptions: ['A', 'B', 'D'],
        changePackages: [],
        adrFile: '/runner/_temp/nb-image-adr.md'
      }
    ],
    [
      'compare locally: no ADR file unless asked for',
      { mode: 'compare', compareOptions: ['A', 'D'] },
      {},
      { compareOptions: ['A', 'D'], changePackages: [] }
    ],
    [
      'compare: adr-file resolved against the working directory',
      { mode: 'compare', workingDirectory: 'nb', adrFile: 'docs/adr.md' },
      { GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t' },
      { compareOptions: ['A', 'B', 'D'], changePackages: [], adrFile: '/w/nb/docs/adr.md' }
    ],
    ['build: no comparison options', { mode: 'build', adrFile: 'x.md' }, { RUNNER_TEMP: '/t' }, {}]
  ])('%s', (_name, given, env, expected) => {
    const options = toRunOptions(inputs(given), env, CWD)
    expect({
      compareOptions: options.compareOptions,
      changePackages: options.changePackages,
      adrFile: options.adrFile
    }).toStrictEqual({
      compareOptions: undefined,
      changePackages: undefined,
      adrFile: undefined,
      ...expected
    })
  })

  test('the default manifest name', () => {
    expect(DEFAULT_MANIFEST).toBe('notebook-tiers.yaml')
  })
})

describe('publishing inputs', () => {
  test.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['12', 12]
  ])('DOCKER_METADATA_SHORT_SHA_LENGTH %j → %j', (value, length) => {
    expect(parseShortShaLength(value)).toBe(length)
  })

  test.each(['0', '-3', '7.5', 'seven'])(
    'DOCKER_METADATA_SHORT_SHA_LENGTH %j is refused',
    (value) => {
      expect(thrown(() => parseShortShaLength(value)).message).toBe(
        `DOCKER_METADATA_SHORT_SHA_LENGTH: expected a positive whole number, got "${value}"`
      )
    }
  )

  test.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['0', 0],
    [' 1767323045 ', 1767323045]
  ])('SOURCE_DATE_EPOCH %j → %j', (value, epoch) => {
    const options = toRunOptions(inputs(), { SOURCE_DATE_EPOCH: value }, '/w')
    expect(options.sourceDateEpoch).toBe(epoch)
  })

  test.each(['-1', '1.5', 'yesterday', '2026-01-02T03:04:05Z', '253402300800'])(
    'SOURCE_DATE_EPOCH %j is refused, naming the variable',
    (value) => {
      expect(thrown(() => toRunOptions(inputs(), { SOURCE_DATE_EPOCH: value }, '/w')).message).toBe(
        `SOURCE_DATE_EPOCH: expected a Unix time, whole seconds since 1970-01-01T00:00:00Z (https://reproducible-builds.org/specs/source-date-epoch/), got "${value}"`
      )
    }
  )

  const base = inputs({ workingDirectory: 'nb' })
  const env: RunnerEnv & GitHubEnv = {
    GITHUB_WORKSPACE: '/w',
    RUNNER_TEMP: '/t',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/tags/v1.0.0',
    GITHUB_SHA: 'abc',
    GITHUB_REPOSITORY: 'acme/nb',
    DOCKER_METADATA_SHORT_SHA_LENGTH: '10'
  }

  test('the event, template, files and namespace reach the pipeline', () => {
    const options = toRunOptions(
      {
        ...base,
        push: true,
        thresholdBasis: 'compressed',
        tagTemplate: '{image}-{tier}:{version}',
        latest: 'false',
        allowForkPush: true,
        nvjFile: 'k8s/jobs.yaml',
        nvjNamespace: 'notebooks'
      },
      env,
      '/cwd',
      readRunContext(env, { number: 3 })
    )
    expect(options.thresholdBasis).toBe('compressed')
    expect(options.publish).toStrictEqual({
      push: true,
      tagTemplate: {
        text: '{image}-{tier}:{version}',
        repository: '{image}-{tier}',
        tag: '{version}'
      },
      latest: 'false',
      allowForkPush: true,
      context: readRunContext(env, {}),
      nvjFile: '/w/nb/k8s/jobs.yaml',
      shortShaLength: 10,
      nvjNamespace: 'notebooks'
    })
  })

  test('defaults: no push, {tier}-{version}, jobs in RUNNER_TEMP', () => {
    const options = toRunOptions(base, env, '/cwd')
    expect(options.publish).toMatchObject({
      push: false,
      tagTemplate: { text: '{tier}-{version}' },
      latest: 'auto',
      allowForkPush: false,
      nvjFile: '/t/notebook-validation-jobs.yaml'
    })
  })

  test.each<[string, string]>([
    ['{tier}', 'tag-template: the tag part must contain {version} (got "{tier}")'],
    [
      '',
      'nvj-namespace: "Bad_NS" is not a Kubernetes namespace name (lowercase letters, digits and -, at most 63)'
    ]
  ])('bad publishing input %j is refused before anything runs', (template, message) => {
    const inputs: Inputs = {
      ...base,
      tagTemplate: template,
      nvjNamespace: template === '' ? 'Bad_NS' : 'ok'
    }
    expect(thrown(() => toRunOptions(inputs, env, '/cwd')).message).toBe(message)
  })
})
