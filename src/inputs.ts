// Every input action.yml declares, read into one typed object by one function. The reader
// is passed in: the action reads INPUT_* through @actions/core (main.ts), the command line
// its flags of the same names (cli/cli.ts); both go through the same parsers, so a value
// means the same wherever it is given. __tests__/inputs.test.ts checks that every input
// action.yml declares is read here.
import { CACHE_SHORTHANDS, type CacheShorthand } from './build/bake.js'
import { DEFAULT_REPORT_ARTIFACT } from './github/baseline.js'
import {
  COMMENT_MODES,
  parseArtifactName,
  UPLOAD_MODES,
  type CommentMode,
  type UploadMode
} from './github/sharing.js'
import { AUDIT_MODES, type AuditMode } from './contents/prepare.js'
import { LATEST_MODES, type LatestMode } from './publish/tags.js'
import {
  GROWTH_POLICIES,
  THRESHOLD_BASES,
  type GrowthPolicy,
  type ThresholdBasis
} from './report/types.js'
import { parseIndexUrl } from './manifest/index-urls.js'
import { STRATEGIES, type Strategy } from './manifest/types.js'
import { DEFAULT_OPTIONS, OPTION_IDS, type OptionId } from './compare/options.js'
import { parseChangePackages, type ChangePackage } from './compare/tier-change.js'
import {
  oneOf,
  optionalOneOf,
  parseBoolean,
  parseLimitInput,
  parseLines,
  parseList,
  parseSizeInput,
  parseWholeNumber
} from './utils/parse-input.js'
import { InputError } from './utils/errors.js'
import type { SizeLimit } from './utils/size.js'

/** The names of the inputs, as action.yml (and the command line's flags) spell them. */
export const INPUT = {
  mode: 'mode',
  manifest: 'manifest',
  strategy: 'strategy',
  threshold: 'threshold',
  maxGrowth: 'max-growth',
  growthPolicy: 'growth-policy',
  diskCheck: 'disk-check',
  tiers: 'tiers',
  builder: 'builder',
  cache: 'cache',
  cacheFrom: 'cache-from',
  cacheTo: 'cache-to',
  noCache: 'no-cache',
  provenance: 'provenance',
  maxParallelism: 'max-parallelism',
  reports: 'reports',
  reportFile: 'report-file',
  workingDirectory: 'working-directory',
  githubToken: 'github-token',
  comment: 'comment',
  commentKey: 'comment-key',
  commentThreshold: 'comment-threshold',
  baselineReport: 'baseline-report',
  uploadReport: 'upload-report',
  reportArtifact: 'report-artifact',
  thresholdBasis: 'threshold-basis',
  push: 'push',
  tagTemplate: 'tag-template',
  latest: 'latest',
  allowForkPush: 'allow-fork-push',
  nvjFile: 'nvj-file',
  nvjNamespace: 'nvj-namespace',
  options: 'options',
  changePackage: 'change-package',
  adrFile: 'adr-file',
  pipIndexUrl: 'pip-index-url',
  pipExtraIndexUrl: 'pip-extra-index-url',
  auditNotebooks: 'audit-notebooks'
} as const

/**
 * What a run does: build and measure, only plan (for a matrix), merge reports, or compare
 * ADR-031's options.
 */
export type Mode = 'build' | 'plan' | 'merge' | 'compare'

/** The modes, in the order the docs list them. */
export const MODES: readonly Mode[] = ['build', 'plan', 'merge', 'compare']

/** What the disk check before building does when the images will not fit: stop, warn, nothing. */
export type DiskCheck = 'fail' | 'warn' | 'off'

/** The disk check settings, default first. */
export const DISK_CHECKS: readonly DiskCheck[] = ['fail', 'warn', 'off']

/** The `comment-threshold` default: a change under 1% of an image's size is not news. */
export const DEFAULT_COMMENT_THRESHOLD: SizeLimit = { percent: 1 }

/** The action's inputs (and the CLI's flags), typed but not yet resolved against the workspace. */
export interface Inputs {
  mode: Mode
  /** Empty means notebook-tiers.yaml. */
  manifest: string
  strategy?: Strategy
  thresholdBytes?: number
  /** How much an image may grow against the baseline (a tier's or the manifest's otherwise). */
  maxGrowth?: SizeLimit
  growthPolicy: GrowthPolicy
  diskCheck: DiskCheck
  tiers: string[]
  builder?: string
  /** One cache per image (`gha` or `registry`); `cacheFrom`/`cacheTo` still go to every image. */
  cache?: CacheShorthand
  cacheFrom: string[]
  cacheTo: string[]
  noCache: boolean
  /** Attach a provenance attestation (a new image ID every build); default off. */
  provenance: boolean
  /** Most images built at once; absent (0 or empty) for no cap. */
  maxParallelism?: number
  /** Glob patterns of the reports to merge (`mode: merge`). */
  reports: string[]
  reportFile?: string
  workingDirectory: string
  /** Masked in the log by whoever reads it (main.ts). */
  githubToken: string
  comment: CommentMode
  /** Identifies the sticky comment; empty means the manifest path. */
  commentKey: string
  /** With `comment: changed`, the change of an image worth a comment. */
  commentThreshold: SizeLimit
  /** A baseline report file instead of the artifact lookup, as given (not resolved). */
  baselineReport?: string
  uploadReport: UploadMode
  reportArtifact: string
  /** Which size budgets apply to; default uncompressed. */
  thresholdBasis?: ThresholdBasis
  /** Push every image once all are within budget. */
  push: boolean
  /** `tag-template`; empty means `{tier}-{version}`. */
  tagTemplate: string
  latest: LatestMode
  allowForkPush: boolean
  /** Where to write NotebookValidationJobs (relative to the working directory). */
  nvjFile?: string
  nvjNamespace?: string
  /** `mode: compare`: the ADR-031 options to build (A, B, C, D). */
  compareOptions: OptionId[]
  /** `mode: compare`: the packages of the one-tier changes (default: synthetic changes). */
  changePackages: ChangePackage[]
  /** `mode: compare`: where to write the ADR section (relative to the working directory). */
  adrFile?: string
  /** pip's index for the resolution, credentials included; masked by whoever reads it (main.ts). */
  pipIndexUrl?: string
  /** pip's extra indexes, credentials included; masked likewise. */
  pipExtraIndexUrls?: string[]
  /** The notebook import audit: on when any tier lists notebooks (auto), always, never. */
  auditNotebooks: AuditMode
}

/** Reads the text of one input by its action.yml name; '' when it is not set. */
export type InputReader = (name: string) => string

/**
 * Reads and checks every input. Throws an InputError naming the first input that is
 * wrong, before anything runs.
 */
export function getInputs(read: InputReader): Inputs {
  const text = (name: string): string => read(name).trim()
  const optional = (name: string): string | undefined => text(name) || undefined
  const inputs: Inputs = {
    mode: oneOf(INPUT.mode, read(INPUT.mode), MODES, 'build'),
    manifest: text(INPUT.manifest),
    growthPolicy: oneOf(INPUT.growthPolicy, read(INPUT.growthPolicy), GROWTH_POLICIES, 'fail'),
    diskCheck: oneOf(INPUT.diskCheck, read(INPUT.diskCheck), DISK_CHECKS, 'fail'),
    tiers: parseList(read(INPUT.tiers)),
    cacheFrom: parseLines(read(INPUT.cacheFrom)),
    cacheTo: parseLines(read(INPUT.cacheTo)),
    noCache: parseBoolean(INPUT.noCache, read(INPUT.noCache)),
    provenance: parseBoolean(INPUT.provenance, read(INPUT.provenance)),
    reports: parseLines(read(INPUT.reports)),
    workingDirectory: read(INPUT.workingDirectory),
    githubToken: read(INPUT.githubToken),
    comment: oneOf(INPUT.comment, read(INPUT.comment), COMMENT_MODES, 'auto'),
    commentKey: text(INPUT.commentKey),
    commentThreshold:
      parseLimitInput(INPUT.commentThreshold, read(INPUT.commentThreshold)) ??
      DEFAULT_COMMENT_THRESHOLD,
    uploadReport: oneOf(INPUT.uploadReport, read(INPUT.uploadReport), UPLOAD_MODES, 'auto'),
    reportArtifact: parseArtifactName(read(INPUT.reportArtifact), DEFAULT_REPORT_ARTIFACT),
    push: parseBoolean(INPUT.push, read(INPUT.push)),
    tagTemplate: read(INPUT.tagTemplate),
    latest: oneOf(INPUT.latest, read(INPUT.latest), LATEST_MODES, 'auto'),
    allowForkPush: parseBoolean(INPUT.allowForkPush, read(INPUT.allowForkPush)),
    compareOptions: parseOptionIds(read(INPUT.options)),
    changePackages: parseChangePackages(parseLines(read(INPUT.changePackage))),
    auditNotebooks: oneOf(INPUT.auditNotebooks, read(INPUT.auditNotebooks), AUDIT_MODES, 'auto')
  }
  const set = <K extends keyof Inputs>(key: K, value: Inputs[K] | undefined): void => {
    if (value !== undefined) inputs[key] = value
  }
  set('strategy', optionalOneOf(INPUT.strategy, read(INPUT.strategy), STRATEGIES))
  set('thresholdBytes', parseSizeInput(INPUT.threshold, read(INPUT.threshold)))
  set('maxGrowth', parseLimitInput(INPUT.maxGrowth, read(INPUT.maxGrowth)))
  set('builder', optional(INPUT.builder))
  set(
    'cache',
    optionalOneOf(
      INPUT.cache,
      read(INPUT.cache),
      CACHE_SHORTHANDS,
      '(or leave it empty and pass cache-from/cache-to)'
    )
  )
  const maxParallelism = parseWholeNumber(
    INPUT.maxParallelism,
    read(INPUT.maxParallelism),
    0,
    'a whole number of images to build at once (0 or empty for no cap)'
  )
  if (maxParallelism !== 0) set('maxParallelism', maxParallelism)
  set('reportFile', read(INPUT.reportFile) || undefined)
  set('baselineReport', optional(INPUT.baselineReport))
  set(
    'thresholdBasis',
    optionalOneOf(INPUT.thresholdBasis, read(INPUT.thresholdBasis), THRESHOLD_BASES)
  )
  set('nvjFile', read(INPUT.nvjFile) || undefined)
  set('nvjNamespace', read(INPUT.nvjNamespace) || undefined)
  set('adrFile', optional(INPUT.adrFile))
  const [index, ...more] = indexUrls(INPUT.pipIndexUrl, read(INPUT.pipIndexUrl))
  if (more.length > 0) {
    throw new InputError(
      `${INPUT.pipIndexUrl}: expected one URL, got ${more.length + 1}; give the others as ${INPUT.pipExtraIndexUrl}`
    )
  }
  set('pipIndexUrl', index)
  const extra = indexUrls(INPUT.pipExtraIndexUrl, read(INPUT.pipExtraIndexUrl))
  if (extra.length > 0) set('pipExtraIndexUrls', extra)
  return inputs
}

/**
 * Package index URLs separated by white space (pip's own PIP_EXTRA_INDEX_URL form) or
 * lines; a refusal never repeats a URL's credentials.
 */
function indexUrls(input: string, value: string): string[] {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => {
      const parsed = parseIndexUrl(text)
      if ('problem' in parsed) throw new InputError(`${input}: ${parsed.problem}`)
      return parsed.url
    })
}

/** `options`: ADR-031's option letters (`A,D`, any case); empty: A, B and D. */
function parseOptionIds(value: string): OptionId[] {
  const given = parseList(value).map((item) =>
    oneOf(INPUT.options, item, OPTION_IDS, 'A', "(ADR-031's options, e.g. A,B,D)")
  )
  if (given.length === 0) return [...DEFAULT_OPTIONS]
  return OPTION_IDS.filter((id) => given.includes(id))
}
