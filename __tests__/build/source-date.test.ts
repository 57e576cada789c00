import {
  parseSourceDateEpoch,
  resolveSourceDate,
  rfc3339,
  type SourceDateLookup
} from '../../src/build/source-date.js'
import type { CommitTime } from '../../src/adapters/git.js'
import { FakeGit } from '../helpers/fakes.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const NO_TIME =
  'so the images get no creation time and a rebuild of the same source is not guaranteed the same image IDs; check the repository out before this step, or set SOURCE_DATE_EPOCH'

describe('resolveSourceDate', () => {
  test.each<[string, SourceDateLookup, Record<string, CommitTime>, unknown, string[]]>([
    [
      'SOURCE_DATE_EPOCH wins; git is not asked',
      { fromEnvironment: 1700000000, workspace: '/w', revision: SHA },
      { [SHA]: { seconds: 1767323045 } },
      { date: { epoch: 1700000000, from: 'SOURCE_DATE_EPOCH' } },
      []
    ],
    [
      'the commit time of GITHUB_SHA',
      { workspace: '/w', revision: SHA },
      { [SHA]: { seconds: 1767323045 }, HEAD: { seconds: 1 } },
      { date: { epoch: 1767323045, from: `commit ${SHA}` } },
      [`/w ${SHA}`]
    ],
    [
      'GITHUB_SHA not in the clone (another ref checked out): HEAD',
      { workspace: '/w', revision: SHA },
      { HEAD: { seconds: 1767323000 } },
      { date: { epoch: 1767323000, from: 'commit HEAD' } },
      [`/w ${SHA}`, '/w HEAD']
    ],
    [
      'the command line without --sha: HEAD',
      { workspace: '/w' },
      { HEAD: { seconds: 0 } },
      { date: { epoch: 0, from: 'commit HEAD' } },
      ['/w HEAD']
    ],
    [
      'no repository: no source date, and why',
      { workspace: '/w', revision: SHA },
      {},
      {
        warning: `the commit time is not known (${SHA}: fatal: bad revision '${SHA}'), ${NO_TIME}`
      },
      [`/w ${SHA}`, '/w HEAD']
    ]
  ])('%s', async (_name, lookup, times, expected, calls) => {
    const git = new FakeGit(times)
    expect(await resolveSourceDate(lookup, git)).toStrictEqual(expected)
    expect(git.calls).toStrictEqual(calls)
  })

  test('no git client at all', async () => {
    expect(await resolveSourceDate({ workspace: '/w' }, undefined)).toStrictEqual({
      warning: `the commit time is not known (no git client), ${NO_TIME}`
    })
  })
})

describe('parseSourceDateEpoch', () => {
  test.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['  ', undefined],
    ['0', 0],
    ['1767323045', 1767323045],
    ['253402300799', 253402300799]
  ])('%j → %j', (value, epoch) => {
    expect(parseSourceDateEpoch(value)).toBe(epoch)
  })
})

describe('rfc3339', () => {
  test.each<[number, string]>([
    [0, '1970-01-01T00:00:00Z'],
    [1767323045, '2026-01-02T03:04:05Z'],
    [253402300799, '9999-12-31T23:59:59Z']
  ])('%d → %s', (epoch, text) => {
    expect(rfc3339(epoch)).toBe(text)
  })
})
