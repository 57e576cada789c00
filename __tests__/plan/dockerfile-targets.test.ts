// Table tests of how BuildKit is asked for a Dockerfile's stages: buildx version → request,
// the exact arguments, the answer read, failures sorted into "the file is wrong" and "buildx
// cannot answer".
import {
  classifyFailure,
  parseBuildxVersion,
  parseTargetsJson,
  targetsArgs,
  targetsRequest
} from '../../src/plan/dockerfile-targets.js'

test.each<[string, [number, number, number] | undefined]>([
  ['github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3', [0, 13, 1]],
  ['0.13.1+ds1', [0, 13, 1]],
  ['github.com/docker/buildx v0.15.1 1c1dbb2', [0, 15, 1]],
  ['v0.29.1-desktop.1', [0, 29, 1]],
  ['github.com/docker/buildx v1.0 abc', [1, 0, 0]],
  ['', undefined],
  ['buildx version unknown', undefined]
])('parseBuildxVersion(%j)', (output, expected) => {
  expect(parseBuildxVersion(output)).toEqual(expected)
})

const PRINT = { flag: '--print=targets,format=json', env: { BUILDX_EXPERIMENTAL: '1' } }
const CALL = { flag: '--call=targets,format=json', env: {} }
test.each<[[number, number, number] | undefined, unknown]>([
  [[0, 10, 4], undefined],
  [[0, 11, 0], PRINT],
  [[0, 13, 1], PRINT],
  [[0, 14, 1], PRINT],
  [[0, 15, 0], CALL],
  [[0, 29, 1], CALL],
  [[1, 0, 0], CALL],
  [undefined, CALL]
])('targetsRequest(%j)', (version, expected) => {
  expect(targetsRequest(version)).toEqual(expected)
})

test.each<[string, string | undefined, string[]]>([
  [
    '--call=targets,format=json',
    undefined,
    [
      'buildx',
      'build',
      '--call=targets,format=json',
      '--output=type=cacheonly',
      '--progress=quiet',
      '--file',
      '/w/tiers/Dockerfile',
      '/w'
    ]
  ],
  [
    '--print=targets,format=json',
    'ci-builder',
    [
      'buildx',
      'build',
      '--print=targets,format=json',
      '--output=type=cacheonly',
      '--progress=quiet',
      '--builder',
      'ci-builder',
      '--file',
      '/w/tiers/Dockerfile',
      '/w'
    ]
  ]
])('targetsArgs(%s, builder %s)', (flag, builder, expected) => {
  expect(targetsArgs(flag, { dockerfile: '/w/tiers/Dockerfile', context: '/w' }, builder)).toEqual(
    expected
  )
})

test('parseTargetsJson keeps names and lines, and unnamed stages', () => {
  const stdout = JSON.stringify({
    targets: [
      { name: 'base', base: 'x', location: { ranges: [{ start: { line: 1 }, end: { line: 1 } }] } },
      { base: 'y', location: { ranges: [{ start: { line: 3 } }] } },
      { name: 'tier1', default: true, location: { ranges: [{ start: { line: 5 } }] } }
    ],
    sources: ['…']
  })
  expect(parseTargetsJson(stdout)).toEqual([
    { name: 'base', line: 1 },
    { line: 3 },
    { name: 'tier1', line: 5 }
  ])
  expect(() => parseTargetsJson('{}')).toThrow('no "targets" list in the answer')
  expect(() => parseTargetsJson('TARGET  DESCRIPTION')).toThrow()
})

const OFFLINE =
  'failed to resolve source metadata for docker.io/docker/dockerfile:1: failed to do request: Head "https://registry-1.docker.io/v2/docker/dockerfile/manifests/1": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host'
test.each<[string, unknown]>([
  [
    'ERROR: dockerfile parse error on line 2: unknown instruction: FOO (did you mean FROM?)\n',
    { error: 'unknown instruction: FOO (did you mean FROM?)', line: 2 }
  ],
  ['ERROR: unterminated heredoc\n', { error: 'unterminated heredoc' }],
  ['ERROR: file with no instructions\n', { error: 'file with no instructions' }],
  [
    'x.Dockerfile:3\n--------------------\n   3 | >>> FROM a AS 1bad\n--------------------\nERROR: failed to solve: invalid name for build stage\n',
    { error: 'invalid name for build stage', line: 3 }
  ],
  [
    `x.Dockerfile:1\n--------------------\n   1 | >>> # syntax=docker/dockerfile:1\n--------------------\nERROR: ${OFFLINE}\n`,
    { unavailable: OFFLINE }
  ],
  [
    "unknown flag: --call\nSee 'docker buildx build --help'.\n",
    { unavailable: 'unknown flag: --call' }
  ],
  [
    'ERROR: Cannot connect to the Docker daemon at unix:///nope.sock. Is the docker daemon running?\n',
    {
      unavailable:
        'Cannot connect to the Docker daemon at unix:///nope.sock. Is the docker daemon running?'
    }
  ],
  ['ERROR: no builder "gone" found\n', { unavailable: 'no builder "gone" found' }]
])('classifyFailure(%j)', (stderr, expected) => {
  expect(classifyFailure(stderr)).toEqual(expected)
})
