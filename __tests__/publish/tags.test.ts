import { InputError } from '../../src/utils/errors.js'
import { readRunContext, type RunContext } from '../../src/github/context.js'
import {
  imageTags,
  parseTagTemplate,
  planTags,
  sanitizeTag,
  versionTags,
  type LatestMode,
  type TagTemplate,
  type VersionKind
} from '../../src/publish/tags.js'
import { isValidTag } from '../../src/image/reference.js'
import { loadEvent } from '../helpers/events.js'

describe('versionTags: event fixtures → exact tags (metadata-action rules)', () => {
  test.each<[string, LatestMode, string[], VersionKind]>([
    ['release', 'auto', ['1.2.3', '1.2', '1', 'latest'], 'release'],
    ['prerelease', 'auto', ['2.0.0-rc.1'], 'prerelease'],
    // A GitHub release marked pre-release moves no floating tag either.
    ['release-marked-prerelease', 'auto', ['3.1.0'], 'prerelease'],
    // metadata-action keeps {{major}} for 0.x versions: `0` is produced, not skipped.
    ['tag-push', 'auto', ['0.4.10', '0.4', '0', 'latest'], 'tag'],
    ['tag-push-not-semver', 'auto', ['nightly-2026-11-24'], 'tag'],
    ['workflow-dispatch-tag', 'auto', ['1.2.3', '1.2', '1', 'latest'], 'tag'],
    ['branch-push', 'auto', ['feature-Tier2-GPU', 'sha-4f2c1a9'], 'branch'],
    ['pull-request', 'auto', ['pr-42'], 'pull-request'],
    ['pull-request-fork', 'auto', ['pr-77'], 'pull-request'],
    // pull_request_target runs on the base branch: never tag it with the base branch name.
    ['pull-request-target', 'auto', ['pr-78'], 'pull-request'],
    ['schedule', 'auto', ['nightly', 'main', 'sha-4f2c1a9'], 'schedule'],
    ['release', 'false', ['1.2.3', '1.2', '1'], 'release'],
    ['prerelease', 'true', ['2.0.0-rc.1', 'latest'], 'prerelease'],
    ['branch-push', 'true', ['feature-Tier2-GPU', 'sha-4f2c1a9', 'latest'], 'branch'],
    ['pull-request', 'false', ['pr-42'], 'pull-request']
  ])('%s (latest=%s) → %j', (fixture, latest, tags, kind) => {
    const result = versionTags(loadEvent(fixture), { latest })
    expect(result).toEqual({ version: tags[0], tags, kind, warnings: expect.any(Array) })
  })

  test('a tag that is not semver is used as it is, with a warning', () => {
    expect(versionTags(loadEvent('tag-push-not-semver'), { latest: 'auto' }).warnings).toEqual([
      'tag "nightly/2026-11-24" is not a valid semver (https://semver.org), so it is used as it is, without version or latest tags'
    ])
  })

  /** A run of the event `name` on `ref`, with that payload. */
  interface Trigger {
    name?: string
    ref?: string
    payload?: Record<string, unknown>
  }
  const event = ({ name = 'push', ref = '', payload = {} }: Trigger): RunContext =>
    readRunContext(
      {
        GITHUB_EVENT_NAME: name,
        GITHUB_REF: ref,
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567'
      },
      payload
    )

  test.each<[string, Trigger, number | undefined, string[]]>([
    [
      'semver build metadata is dropped by {{version}}',
      { ref: 'refs/tags/v1.2.3+build.7' },
      undefined,
      ['1.2.3', '1.2', '1', 'latest']
    ],
    [
      'a tag without the v prefix',
      { ref: 'refs/tags/10.0.1' },
      undefined,
      ['10.0.1', '10.0', '10', 'latest']
    ],
    [
      'pre-release with build metadata',
      { ref: 'refs/tags/v1.0.0-beta.2+exp.sha.5114f85' },
      undefined,
      ['1.0.0-beta.2']
    ],
    [
      'sha length from DOCKER_METADATA_SHORT_SHA_LENGTH',
      { ref: 'refs/heads/main' },
      12,
      ['main', 'sha-0123456789ab']
    ],
    [
      'a branch with characters Docker refuses',
      { ref: 'refs/heads/--Fix: ünïcode & spaces' },
      undefined,
      ['Fix-n-code-spaces', 'sha-0123456']
    ],
    [
      'a branch named latest does not duplicate latest',
      { ref: 'refs/heads/latest' },
      undefined,
      ['latest', 'sha-0123456']
    ],
    ['an unknown ref yields nothing', { name: 'workflow_run', ref: '' }, undefined, []],
    [
      'a pull request ref without payload',
      { name: 'pull_request', ref: 'refs/pull/9/merge' },
      undefined,
      ['pr-9']
    ],
    [
      // The same run context as the comment's: a review builds the pull request too.
      'a pull request review',
      { name: 'pull_request_review', ref: 'refs/pull/9/merge' },
      undefined,
      ['pr-9']
    ],
    [
      'a pull request from the payload when the ref is missing',
      { name: 'pull_request', ref: '', payload: { number: 15 } },
      undefined,
      ['pr-15']
    ]
  ])('%s', (_, fields, shortShaLength, tags) => {
    const rules =
      shortShaLength === undefined
        ? { latest: 'auto' as const }
        : { latest: 'auto' as const, shortShaLength }
    expect(versionTags(event(fields), rules).tags).toEqual(tags)
  })

  test('a branch name longer than 128 characters is cut to 128', () => {
    const tags = versionTags(event({ ref: `refs/heads/${'b'.repeat(300)}` }), {
      latest: 'auto'
    }).tags
    expect(tags[0]).toBe('b'.repeat(128))
  })

  test('latest=true on an event without any tag adds nothing', () => {
    expect(versionTags(event({ name: 'workflow_run' }), { latest: 'true' }).tags).toEqual([])
  })
})

describe('sanitizeTag and isValidTag', () => {
  test.each<[string, string]>([
    ['1.2.3', '1.2.3'],
    ['feature/x', 'feature-x'],
    ['a//b', 'a-b'],
    ['.hidden', 'hidden'],
    ['-dash', 'dash'],
    ['..--.x', 'x'],
    ['tier_2.A-b', 'tier_2.A-b'],
    ['ünïcode', 'n-code'],
    ['/', ''],
    ['x'.repeat(200), 'x'.repeat(128)]
  ])('%j → %j', (input, output) => {
    expect(sanitizeTag(input)).toBe(output)
    if (output !== '') expect(isValidTag(output)).toBe(true)
  })

  test.each(['', '.a', '-a', 'a/b', 'a:b', 'x'.repeat(129), 'a b'])(
    '%j is not a valid tag',
    (tag) => {
      expect(isValidTag(tag)).toBe(false)
    }
  )
})

describe('parseTagTemplate', () => {
  test.each<[string, Omit<TagTemplate, 'text'>]>([
    ['', { repository: '{image}', tag: '{tier}-{version}' }],
    ['{tier}-{version}', { repository: '{image}', tag: '{tier}-{version}' }],
    ['{version}-{tier}', { repository: '{image}', tag: '{version}-{tier}' }],
    ['{image}-{tier}:{version}', { repository: '{image}-{tier}', tag: '{version}' }],
    ['{image}/{tier}:{version}', { repository: '{image}/{tier}', tag: '{version}' }],
    [
      'localhost:5000/nb-{tier}:{version}',
      { repository: 'localhost:5000/nb-{tier}', tag: '{version}' }
    ],
    ['{image}:nb-{tier}-{version}', { repository: '{image}', tag: 'nb-{tier}-{version}' }]
  ])('%j', (text, parts) => {
    expect(parseTagTemplate(text)).toMatchObject(parts)
  })

  test.each<[string, string]>([
    ['{tier}', 'tag-template: the tag part must contain {version} (got "{tier}")'],
    [
      '{version}',
      'tag-template: it must contain {tier}, or every tier image would get the same tags (got "{version}")'
    ],
    [
      '{tier}-{ver}',
      'tag-template: unknown placeholder {ver}; use {image}, {tier}, {version} (got "{tier}-{ver}")'
    ],
    ['{tier-{version}', 'tag-template: unbalanced { or } (got "{tier-{version}")'],
    ['{tier}}-{version}', 'tag-template: unbalanced { or } (got "{tier}}-{version}")'],
    [
      '{image}-{version}:{tier}',
      'tag-template: the tag part must contain {version} (got "{image}-{version}:{tier}")'
    ],
    [
      ':{tier}-{version}',
      'tag-template: the repository part before ":" is empty (got ":{tier}-{version}")'
    ]
  ])('%j is refused', (text, message) => {
    expect(() => parseTagTemplate(text)).toThrow(new InputError(message))
  })
})

describe('imageTags and planTags', () => {
  const versions = ['1.2.3', '1.2', '1', 'latest']

  test.each<[string, string, boolean, string, string[]]>([
    [
      'default template, tier image',
      'ghcr.io/acme/nb',
      false,
      '',
      [
        'ghcr.io/acme/nb:tier2-1.2.3',
        'ghcr.io/acme/nb:tier2-1.2',
        'ghcr.io/acme/nb:tier2-1',
        'ghcr.io/acme/nb:tier2-latest'
      ]
    ],
    [
      'per-tier repositories',
      'ghcr.io/acme/nb',
      false,
      '{image}-{tier}:{version}',
      [
        'ghcr.io/acme/nb-tier2:1.2.3',
        'ghcr.io/acme/nb-tier2:1.2',
        'ghcr.io/acme/nb-tier2:1',
        'ghcr.io/acme/nb-tier2:latest'
      ]
    ],
    [
      'the shared image takes the plain versions',
      'ghcr.io/acme/nb',
      true,
      '{image}-{tier}:{version}',
      [
        'ghcr.io/acme/nb:1.2.3',
        'ghcr.io/acme/nb:1.2',
        'ghcr.io/acme/nb:1',
        'ghcr.io/acme/nb:latest'
      ]
    ],
    [
      'a registry with a port',
      '127.0.0.1:5000/nb',
      false,
      '{tier}-{version}',
      [
        '127.0.0.1:5000/nb:tier2-1.2.3',
        '127.0.0.1:5000/nb:tier2-1.2',
        '127.0.0.1:5000/nb:tier2-1',
        '127.0.0.1:5000/nb:tier2-latest'
      ]
    ]
  ])('%s', (_, repository, shared, template, refs) => {
    expect(
      imageTags(
        { name: shared ? 'shared' : 'tier2', shared },
        repository,
        versions,
        parseTagTemplate(template)
      )
    ).toEqual(refs)
  })

  test('a long version is cut so the whole tag stays within 128 characters, pushed once', () => {
    const long = 'b'.repeat(128)
    const refs = imageTags(
      { name: 'tier2', shared: false },
      'acme/nb',
      [long, `${long.slice(0, 122)}zz`],
      parseTagTemplate('')
    )
    expect(refs).toEqual([`acme/nb:tier2-${'b'.repeat(122)}`])
  })

  test('a template giving an invalid repository names the input and the image', () => {
    expect(() =>
      imageTags(
        { name: 'tier2', shared: false },
        'acme/nb',
        versions,
        parseTagTemplate('{image}-{tier}-X:{version}')
      )
    ).toThrow(
      'tag-template: "{image}-{tier}-X:{version}" gives the repository "acme/nb-tier2-X" for tier2, which is not a valid image repository'
    )
  })

  test('two images that would share a reference are refused', () => {
    // The version comes first and fills all 128 characters: the tier names are cut off.
    expect(() =>
      planTags(
        [
          { name: 'tier1', shared: false },
          { name: 'tier2', shared: false }
        ],
        'acme/nb',
        ['b'.repeat(128)],
        parseTagTemplate('{version}-{tier}')
      )
    ).toThrow(`tag-template: tier2 and tier1 would both be pushed as acme/nb:${'b'.repeat(128)}`)
  })

  test('every image gets its references, keyed by image name', () => {
    expect(
      planTags(
        [
          { name: 'tier1', shared: false },
          { name: 'tier2', shared: false }
        ],
        'acme/nb',
        ['pr-7'],
        parseTagTemplate('')
      )
    ).toEqual({ tier1: ['acme/nb:tier1-pr-7'], tier2: ['acme/nb:tier2-pr-7'] })
  })
})
