import { InputError } from '../../src/utils/errors.js'
import {
  DEFAULT_MANIFEST,
  parseBooleanInput,
  parseLatest,
  parseLines,
  parseList,
  parseMaxParallelism,
  parseMode,
  parseShortShaLength,
  parseStrategy,
  parseThresholdBasis,
  parseThresholdInput,
  toPipelineOptions,
  type Inputs,
  type Mode,
  type RunnerEnv
} from '../../src/pipeline/options.js'
import type { PipelineOptions } from '../../src/pipeline/build.js'
import type { Strategy } from '../../src/report/types.js'

function thrown(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError')
}

describe('parseList', () => {
  test.each<[string, string[]]>([
    ['', []],
    ['tier1', ['tier1']],
    ['tier1, tier2', ['tier1', 'tier2']],
    ['tier1,tier2,', ['tier1', 'tier2']],
    ['tier1\ntier2, tier3\n\n', ['tier1', 'tier2', 'tier3']],
    ['  tier1 \r\n tier2 ', ['tier1', 'tier2']],
    [' , ,\n', []]
  ])('%j → %j', (value, list) => {
    expect(parseList(value)).toStrictEqual(list)
  })
})

describe('parseLines', () => {
  test.each<[string, string[]]>([
    ['', []],
    ['type=gha', ['type=gha']],
    [
      'type=gha,scope=tier1\ntype=registry,ref=ghcr.io/acme/nb:cache\n',
      ['type=gha,scope=tier1', 'type=registry,ref=ghcr.io/acme/nb:cache']
    ],
    ['  type=gha,mode=max \r\n\n', ['type=gha,mode=max']]
  ])('%j → %j', (value, lines) => {
    expect(parseLines(value)).toStrictEqual(lines)
  })
})

describe('parseStrategy', () => {
  test.each<[string, Strategy | undefined]>([
    ['', undefined],
    ['   ', undefined],
    ['shared', 'shared'],
    ['multi-stage', 'multi-stage'],
    [' multi-stage\n', 'multi-stage']
  ])('%j → %j', (value, strategy) => {
    expect(parseStrategy(value)).toBe(strategy)
  })

  test.each<[string, string]>([
    ['Shared', 'strategy: expected one of shared, multi-stage, got "Shared"'],
    ['multistage', 'strategy: expected one of shared, multi-stage, got "multistage"'],
    [' both ', 'strategy: expected one of shared, multi-stage, got "both"']
  ])('%j is refused', (value, message) => {
    expect(thrown(() => parseStrategy(value)).message).toBe(message)
  })
})

describe('parseBooleanInput', () => {
  test.each<[string, boolean]>([
    ['', false],
    ['  ', false],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['true', true],
    ['True', true],
    [' TRUE\n', true]
  ])('%j → %j', (value, expected) => {
    expect(parseBooleanInput('push', value)).toBe(expected)
  })

  test.each<[string, string, string]>([
    ['push', 'maybe', 'push: expected true or false, got "maybe"'],
    ['no-cache', 'yes', 'no-cache: expected true or false, got "yes"'],
    ['allow-fork-push', '1', 'allow-fork-push: expected true or false, got "1"'],
    ['push', 'tRUE', 'push: expected true or false, got "tRUE"']
  ])('%s: %j is refused', (name, value, message) => {
    expect(thrown(() => parseBooleanInput(name, value)).message).toBe(message)
  })
})

describe('parseThresholdInput', () => {
  test.each<[string, number | undefined]>([
    ['', undefined],
    ['  ', undefined],
    ['5GB', 5_000_000_000],
    ['4.5 GB', 4_500_000_000],
    [' 2GiB\n', 2_147_483_648],
    ['1000', 1000]
  ])('%j → %j', (value, bytes) => {
    expect(parseThresholdInput(value)).toBe(bytes)
  })

  test.each<[string, string]>([
    [
      'five',
      'threshold: invalid size "five": expected a size such as 5GB, 4.5 GB, 500MB or 2GiB (GB/MB/KB are decimal, GiB/MiB/KiB binary, a bare integer is bytes)'
    ],
    ['0', 'threshold: invalid size "0": a budget must be greater than zero'],
    [
      '5 XB',
      'threshold: invalid size "5 XB": unknown unit "XB"; expected a size such as 5GB, 4.5 GB, 500MB or 2GiB (GB/MB/KB are decimal, GiB/MiB/KiB binary, a bare integer is bytes)'
    ]
  ])('%j is refused', (value, message) => {
    expect(thrown(() => parseThresholdInput(value)).message).toBe(message)
  })
})

describe('parseMode', () => {
  test.each<[string, Mode]>([
    ['', 'build'],
    ['build', 'build'],
    [' plan\n', 'plan'],
    ['merge', 'merge']
  ])('%j → %j', (value, mode) => {
    expect(parseMode(value)).toBe(mode)
  })

  test.each(['Build', 'report', 'build,merge'])('%j is refused', (value) => {
    expect(thrown(() => parseMode(value)).message).toBe(
      `mode: expected one of build, plan, merge, got "${value}"`
    )
  })
})

describe('parseMaxParallelism', () => {
  test.each<[string, number | undefined]>([
    ['', undefined],
    ['0', undefined],
    ['1', 1],
    [' 4\n', 4],
    ['16', 16]
  ])('%j → %j', (value, expected) => {
    expect(parseMaxParallelism(value)).toBe(expected)
  })

  test.each(['-1', '2.5', 'four', '1e3', '99999999999999999999'])('%j is refused', (value) => {
    expect(thrown(() => parseMaxParallelism(value)).message).toBe(
      `max-parallelism: expected a whole number of images to build at once (0 or empty for no cap), got "${value}"`
    )
  })
})

describe('toPipelineOptions', () => {
  const inputs = (fields: Partial<Inputs> = {}): Inputs => ({
    mode: 'build',
    manifest: '',
    tiers: [],
    cacheFrom: [],
    cacheTo: [],
    noCache: false,
    reports: [],
    workingDirectory: '',
    ...fields
  })
  const CWD = '/home/runner/work/nb/nb'

  test.each<[string, Inputs, RunnerEnv, PipelineOptions]>([
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
        workingDirectory: '.'
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
        reportFile: '/w/nb-image-report.json',
        reports: [],
        source: { repositoryUrl: 'https://github.com/acme/nb', revision: 'abc' }
      }
    ]
  ])('%s', (_name, given, env, expected) => {
    expect(toPipelineOptions(given, env, CWD)).toStrictEqual(expected)
  })

  test('the default manifest name', () => {
    expect(DEFAULT_MANIFEST).toBe('notebook-tiers.yaml')
  })
})

describe('publishing inputs', () => {
  test.each<[string, string | undefined]>([
    ['', undefined],
    ['uncompressed', 'uncompressed'],
    [' compressed\n', 'compressed']
  ])('threshold-basis %j → %j', (value, basis) => {
    expect(parseThresholdBasis(value)).toBe(basis)
  })

  test('an unknown threshold-basis is refused', () => {
    expect(thrown(() => parseThresholdBasis('gzip')).message).toBe(
      'threshold-basis: expected one of uncompressed, compressed, got "gzip"'
    )
  })

  test.each<[string, string]>([
    ['', 'auto'],
    ['true', 'true'],
    ['false', 'false'],
    [' auto ', 'auto']
  ])('latest %j → %j', (value, mode) => {
    expect(parseLatest(value)).toBe(mode)
  })

  test('an unknown latest is refused', () => {
    expect(thrown(() => parseLatest('yes')).message).toBe(
      'latest: expected one of auto, true, false, got "yes"'
    )
  })

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

  const base: Inputs = {
    mode: 'build',
    manifest: '',
    tiers: [],
    cacheFrom: [],
    cacheTo: [],
    noCache: false,
    reports: [],
    workingDirectory: 'nb'
  }
  const env: RunnerEnv = {
    GITHUB_WORKSPACE: '/w',
    RUNNER_TEMP: '/t',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/tags/v1.0.0',
    GITHUB_SHA: 'abc',
    GITHUB_REPOSITORY: 'acme/nb',
    DOCKER_METADATA_SHORT_SHA_LENGTH: '10'
  }

  test('the event, template, files and namespace reach the pipeline', () => {
    const options = toPipelineOptions(
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
      { number: 3 }
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
      event: {
        name: 'push',
        ref: 'refs/tags/v1.0.0',
        sha: 'abc',
        payload: { number: 3 },
        repository: 'acme/nb'
      },
      nvjFile: '/w/nb/k8s/jobs.yaml',
      shortShaLength: 10,
      nvjNamespace: 'notebooks'
    })
  })

  test('defaults: no push, {tier}-{version}, jobs in RUNNER_TEMP', () => {
    const options = toPipelineOptions(base, env, '/cwd')
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
    expect(thrown(() => toPipelineOptions(inputs, env, '/cwd')).message).toBe(message)
  })
})
