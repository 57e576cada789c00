import {
  commentDecision,
  commentWorthy,
  decideSharing,
  shouldUploadReport,
  type CommentSettings
} from '../../src/github/sharing.js'
import { compareReports } from '../../src/report/base-comparison.js'
import type { Report } from '../../src/report/types.js'
import type { SizeLimit } from '../../src/utils/size.js'
import { fixtureReport, type FixtureImage } from '../helpers/comparisons.js'
import { readRunContext, type RunContext } from '../../src/github/context.js'
import { PULL_REQUEST_ENV as ENV, pullRequestEvent } from '../helpers/events.js'

describe('decisions', () => {
  const context = (fields: Partial<RunContext>): RunContext => ({
    ...readRunContext(ENV, pullRequestEvent('acme/notebooks')),
    ...fields
  })
  const push = context({ eventName: 'push', ref: 'refs/heads/main', pullRequest: null })

  test.each<[string, RunContext, 'auto' | 'true' | 'false', boolean]>([
    ['auto: a push to the default branch', push, 'auto', true],
    ['auto: a push to another branch', { ...push, ref: 'refs/heads/dev' }, 'auto', false],
    ['auto: a tag push', { ...push, ref: 'refs/tags/v1' }, 'auto', false],
    ['auto: a pull request', context({}), 'auto', false],
    ['auto: no default branch known', { ...push, defaultBranch: null }, 'auto', false],
    ['true: a pull request', context({}), 'true', true],
    ['false: a push to the default branch', push, 'false', false]
  ])('upload %s → %s', (_name, run, mode, expected) => {
    expect(shouldUploadReport(mode, run)).toBe(expected)
  })

  test.each<
    [string, RunContext, CommentSettings['comment'], boolean, { render: boolean; post: boolean }]
  >([
    ['auto on a pull request', context({}), 'auto', false, { render: true, post: true }],
    ['auto on a push', push, 'auto', false, { render: false, post: false }],
    ['auto on a push with a baseline file', push, 'auto', true, { render: true, post: false }],
    ['always on a push', push, 'always', false, { render: true, post: true }],
    ['never on a pull request', context({}), 'never', false, { render: true, post: false }],
    ['never on a push', push, 'never', false, { render: false, post: false }],
    ['changed on a pull request', context({}), 'changed', false, { render: true, post: true }],
    ['changed on a push', push, 'changed', false, { render: false, post: false }]
  ])('comment %s', (_name, run, mode, file, expected) => {
    expect(commentDecision(mode, run, file)).toEqual(expected)
  })
})

describe('decideSharing', () => {
  const pr = readRunContext(ENV, pullRequestEvent('acme/notebooks'))
  const push: RunContext = { ...pr, eventName: 'push', ref: 'refs/heads/main', pullRequest: null }
  const settings = (
    comment: CommentSettings['comment'],
    upload: CommentSettings['upload']
  ): CommentSettings => ({
    token: 't',
    comment,
    commentKey: '',
    upload,
    artifactName: 'nb-image-report'
  })
  const all = ['tier1', 'tier2', 'tier3']
  const note = (held: string, instead: string, of = ' of tier1, tier2, tier3'): string =>
    `This run builds only tier tier2${of}, so it ${held}: a run of every tier (the merge job of a fan-out) does. Set ${instead} to do it from here.`
  const noComment = note('posts no pull-request comment', 'comment: always')
  const noUpload = note('uploads no baseline report', 'upload-report: true')

  it.each<
    [
      string,
      CommentSettings,
      RunContext,
      string[] | undefined,
      string[] | undefined,
      [CommentSettings['comment'], CommentSettings['upload']],
      string | null
    ]
  >([
    ['no tiers input', settings('auto', 'auto'), pr, undefined, all, ['auto', 'auto'], null],
    ['an empty tiers input', settings('auto', 'auto'), pr, [], all, ['auto', 'auto'], null],
    [
      'every tier named',
      settings('auto', 'auto'),
      push,
      ['tier3', 'tier1', 'tier2'],
      all,
      ['auto', 'auto'],
      null
    ],
    [
      'one tier of three on a pull request',
      settings('auto', 'auto'),
      pr,
      ['tier2'],
      all,
      ['never', 'false'],
      noComment
    ],
    [
      'one tier of three on a push to main',
      settings('auto', 'auto'),
      push,
      ['tier2'],
      all,
      ['never', 'false'],
      noUpload
    ],
    [
      'one tier of three on a push to another branch',
      settings('auto', 'auto'),
      { ...push, ref: 'refs/heads/dev' },
      ['tier2'],
      all,
      ['never', 'false'],
      null
    ],
    [
      'one tier, manifest unknown',
      settings('auto', 'auto'),
      pr,
      ['tier2'],
      undefined,
      ['never', 'false'],
      note('posts no pull-request comment', 'comment: always', '')
    ],
    [
      'comment always is kept',
      settings('always', 'auto'),
      pr,
      ['tier2'],
      all,
      ['always', 'false'],
      null
    ],
    [
      'upload true is kept',
      settings('auto', 'true'),
      push,
      ['tier2'],
      all,
      ['never', 'true'],
      null
    ],
    [
      'upload true with comment auto on a pull request',
      settings('auto', 'true'),
      pr,
      ['tier2'],
      all,
      ['never', 'true'],
      noComment
    ],
    ['both off already', settings('never', 'false'), pr, ['tier2'], all, ['never', 'false'], null],
    [
      'changed is held like auto',
      settings('changed', 'false'),
      pr,
      ['tier2'],
      all,
      ['never', 'false'],
      noComment
    ]
  ])('%s', (_name, given, run, selected, declared, [comment, upload], expectedNote) => {
    const result = decideSharing(given, run, selected, declared)
    expect(result.settings).toEqual({ ...given, comment, upload })
    expect(result.note).toBe(expectedNote)
    // The decisions follow the settings the run applies.
    const applied = result.settings
    expect(result.comment).toEqual(commentDecision(applied.comment, run, false))
    expect(result.upload).toBe(shouldUploadReport(applied.upload, run))
  })
})

describe('commentWorthy (comment: changed)', () => {
  const MB = 1_000_000
  const one = (size: number, extra: Partial<FixtureImage> = {}): Report =>
    fixtureReport('multi-stage', [{ name: 'tier1', layers: [[size, '', 'sha256:x']], ...extra }])
  const worthy = (head: Report, base: Report | undefined, threshold: SizeLimit = { percent: 1 }) =>
    commentWorthy(compareReports(head, base), head, base, threshold)

  test.each<[string, Report, Report | undefined, SizeLimit, string | null]>([
    [
      'no baseline: worth it',
      one(100 * MB),
      undefined,
      { percent: 1 },
      'there is no baseline to compare with'
    ],
    ['the same size: not worth it', one(100 * MB), one(100 * MB), { percent: 1 }, null],
    ['+0.5%: under 1%', one(100.5 * MB), one(100 * MB), { percent: 1 }, null],
    [
      '+2%: over 1%',
      one(102 * MB),
      one(100 * MB),
      { percent: 1 },
      'tier1: its uncompressed size changed by more than 1%'
    ],
    [
      '-2%: a shrink counts too',
      one(98 * MB),
      one(100 * MB),
      { percent: 1 },
      'tier1: its uncompressed size changed by more than 1%'
    ],
    ['+2 MB against a 5 MB threshold', one(102 * MB), one(100 * MB), { bytes: 5 * MB }, null],
    [
      'a compressed change over the threshold',
      one(100 * MB, { compressedBytes: 60 * MB }),
      one(100 * MB, { compressedBytes: 50 * MB }),
      { percent: 1 },
      'tier1: its compressed size changed by more than 1%'
    ],
    [
      'a status that changed (near the budget now)',
      one(100.1 * MB, { thresholdBytes: 110 * MB }),
      one(100 * MB, { thresholdBytes: 200 * MB }),
      { percent: 1 },
      'tier1: ok on the base, warn now'
    ],
    [
      'the run fails now',
      one(100 * MB, { failed: 'exit code: 1' }),
      one(100 * MB),
      { percent: 1 },
      'the verdict changed (passed on the base, fails now)'
    ],
    [
      'a new tier',
      fixtureReport('multi-stage', [
        { name: 'tier1', layers: [[100 * MB, '', 'sha256:x']] },
        { name: 'tier2', layers: [[1 * MB, '', 'sha256:y']] }
      ]),
      one(100 * MB),
      { percent: 1 },
      'tier2: new'
    ]
  ])('%s', (_name, head, base, threshold, expected) => {
    expect(worthy(head, base, threshold)).toBe(expected)
  })
})
