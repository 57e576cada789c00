import { readFileSync } from 'node:fs'
import { ManifestError, type ManifestIssue } from '../../src/utils/errors.js'
import { parseManifest } from '../../src/manifest/parse.js'
import { tooDeep } from '../../src/manifest/decode.js'
import { MANIFEST_LIMITS } from '../../src/manifest/limits.js'
import type { Manifest } from '../../src/manifest/types.js'

const FILE = 'notebook-tiers.yaml'
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/manifests/${name}`, import.meta.url)))

/** Joins lines into a manifest text ending in a newline. */
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`

/** The issues of the ManifestError that parsing throws; fails the test if it does not throw one. */
function issuesOf(source: string | Uint8Array): ManifestIssue[] {
  try {
    parseManifest(source, FILE)
  } catch (error) {
    if (error instanceof ManifestError) return error.issues
    throw error
  }
  throw new Error('parseManifest accepted the manifest')
}

/** An issue in FILE. */
const at = (line: number, column: number, field: string, message: string): ManifestIssue => ({
  file: FILE,
  line,
  column,
  field,
  message
})

const SIZE_EXPECTED =
  'a size such as 5GB, 4.5 GB, 500MB or 2GiB (GB/MB/KB are decimal, GiB/MiB/KiB binary, a bare integer is bytes)'
const LIMIT_EXPECTED = `a percentage of the baseline size such as 10% or 2.5%, or ${SIZE_EXPECTED}`
const STAGE_EXPECTED =
  'expected lowercase letters, digits, ".", "_" or "-", starting with a letter, at most 63 characters'
const PIP_EXPECTED = 'expected name[extras] with version specifiers, e.g. numpy>=1.26,<2'
const WHOLE_BYTES = 'a number of bytes must be a whole number (or give a unit, e.g. 1.5GB)'
const TOP_FIELDS =
  'version, image, strategy, context, dockerfile, target, baseImage, threshold, maxGrowth, buildArgs, base, constraints, pipIndexUrl, pipExtraIndexUrls, pythonConsistency, tiers'

describe('parseManifest: valid manifests', () => {
  test("the issue's example, with every field, read from bytes", () => {
    const manifest = parseManifest(fixture('full.yaml'), FILE)
    const { positions, ...rest } = manifest
    expect(rest).toStrictEqual({
      file: FILE,
      version: 1,
      image: 'ghcr.io/acme/notebook-validator',
      strategy: 'shared',
      context: '.',
      dockerfile: 'Dockerfile',
      baseImage: 'python:3.12-slim',
      thresholdBytes: 5_000_000_000,
      buildArgs: {},
      base: { pip: ['papermill', 'nbformat', 'nbconvert'], apt: [] },
      tiers: [
        {
          name: 'tier1',
          description: 'Setup',
          packages: { pip: ['prometheus-api-client', 'pyyaml'], apt: [] },
          notebooks: ['00-setup/*.ipynb'],
          buildArgs: {},
          timeCritical: true
        },
        {
          name: 'tier2',
          description: 'ML training',
          packages: { pip: ['seaborn', 'joblib', 'scikit-learn'], apt: [] },
          notebooks: [],
          thresholdBytes: 4_000_000_000,
          buildArgs: {}
        },
        {
          name: 'tier3',
          target: 'serving',
          dockerfile: 'Dockerfile.serving',
          packages: { pip: ['requests', 'grpcio'], apt: [] },
          notebooks: [],
          buildArgs: {}
        }
      ]
    })
    // Scalars are located at their value, mappings and lists at their key.
    expect({
      version: positions['version'],
      image: positions['image'],
      dockerfile: positions['dockerfile'],
      threshold: positions['threshold'],
      buildArgs: positions['buildArgs'],
      base: positions['base'],
      'base.pip': positions['base.pip'],
      'base.pip[1]': positions['base.pip[1]'],
      tiers: positions['tiers'],
      'tiers.tier1': positions['tiers.tier1'],
      'tiers.tier1.notebooks[0]': positions['tiers.tier1.notebooks[0]'],
      'tiers.tier2.threshold': positions['tiers.tier2.threshold'],
      'tiers.tier3.target': positions['tiers.tier3.target'],
      'tiers.tier3.dockerfile': positions['tiers.tier3.dockerfile']
    }).toStrictEqual({
      version: { line: 2, column: 10 },
      image: { line: 3, column: 8 },
      dockerfile: { line: 6, column: 13 },
      threshold: { line: 8, column: 12 },
      buildArgs: { line: 9, column: 1 },
      base: { line: 10, column: 1 },
      'base.pip': { line: 10, column: 8 },
      'base.pip[1]': { line: 10, column: 25 },
      tiers: { line: 11, column: 1 },
      'tiers.tier1': { line: 12, column: 3 },
      'tiers.tier1.notebooks[0]': { line: 12, column: 81 },
      'tiers.tier2.threshold': { line: 13, column: 86 },
      'tiers.tier3.target': { line: 14, column: 19 },
      'tiers.tier3.dockerfile': { line: 14, column: 65 }
    })
  })

  test('growth limits: a percentage or a size, on the manifest and on a tier', () => {
    const manifest = parseManifest(
      yaml(
        'version: 1',
        'image: acme/nb',
        'maxGrowth: 10%',
        'tiers:',
        '  tier1: {dockerfile: Dockerfile, maxGrowth: 500MB}',
        '  tier2: {dockerfile: Dockerfile, maxGrowth: 2.5 %}',
        '  tier3: {dockerfile: Dockerfile, maxGrowth: 1048576}'
      ),
      FILE
    )
    expect(manifest.maxGrowth).toStrictEqual({ percent: 10 })
    expect(manifest.tiers.map((tier) => tier.maxGrowth)).toStrictEqual([
      { bytes: 500_000_000 },
      { percent: 2.5 },
      { bytes: 1_048_576 }
    ])
    expect(manifest.positions['tiers.tier1.maxGrowth']).toStrictEqual({ line: 5, column: 46 })
  })

  test('no baseImage is needed when every tier has its own Dockerfile (nothing is generated)', () => {
    const manifest = parseManifest(
      yaml(
        'version: 1',
        'image: acme/nb',
        'strategy: multi-stage',
        'tiers:',
        '  tier1: {dockerfile: Dockerfile}',
        '  tier2: {dockerfile: Dockerfile, target: serving}'
      ),
      FILE
    )
    expect(manifest.baseImage).toBeUndefined()
    expect(manifest.tiers.map((tier) => [tier.name, tier.dockerfile, tier.target])).toEqual([
      ['tier1', 'Dockerfile', undefined],
      ['tier2', 'Dockerfile', 'serving']
    ])
  })

  test('defaults: context ".", no strategy, dockerfile, target or threshold, empty base', () => {
    const manifest = parseManifest(
      yaml(
        'version: 1',
        'image: acme/nb',
        'baseImage: python:3.12-slim',
        'tiers:',
        '  tier1:',
        '    pip: [numpy]'
      ),
      FILE
    )
    const { positions, ...rest } = manifest
    expect(rest).toStrictEqual({
      file: FILE,
      version: 1,
      image: 'acme/nb',
      baseImage: 'python:3.12-slim',
      context: '.',
      buildArgs: {},
      base: { pip: [], apt: [] },
      tiers: [
        {
          name: 'tier1',
          packages: { pip: ['numpy'], apt: [] },
          notebooks: [],
          buildArgs: {}
        }
      ]
    } satisfies Omit<Manifest, 'positions'>)
    expect(positions['tiers.tier1']).toStrictEqual({ line: 5, column: 3 })
    expect(positions['tiers.tier1.pip[0]']).toStrictEqual({ line: 6, column: 11 })
  })

  test('build args become strings; specs are trimmed; tier order is kept; BOM is skipped', () => {
    const manifest = parseManifest(
      `\uFEFF${yaml(
        'version: 1',
        'image: localhost:5000/acme/nb',
        'strategy: multi-stage',
        'context: docker',
        'baseImage: localhost:5000/python:3.12@sha256:' + 'a'.repeat(64),
        'threshold: 2GiB',
        'buildArgs: {PIP_INDEX: "https://pypi.org/simple", DEBUG: true, JOBS: 4}',
        'base:',
        '  apt: [" git ", libgomp1]',
        '  pip: ["papermill[all]==2.6.0 "]',
        'tiers:',
        '  zeta:',
        '    apt: [g++]',
        '    threshold: 1500',
        '    buildArgs: {TIER: zeta}',
        '  alpha:',
        '    pip: ["scikit-learn>=1.4,<2"]'
      )}`,
      FILE
    )
    expect(manifest.strategy).toBe('multi-stage')
    expect(manifest.context).toBe('docker')
    expect(manifest.thresholdBytes).toBe(2_147_483_648)
    expect(manifest.buildArgs).toStrictEqual({
      PIP_INDEX: 'https://pypi.org/simple',
      DEBUG: 'true',
      JOBS: '4'
    })
    expect(manifest.base).toStrictEqual({
      pip: ['papermill[all]==2.6.0'],
      apt: ['git', 'libgomp1']
    })
    expect(manifest.tiers.map((tier) => tier.name)).toStrictEqual(['zeta', 'alpha'])
    expect(manifest.tiers[0]).toStrictEqual({
      name: 'zeta',
      packages: { pip: [], apt: ['g++'] },
      notebooks: [],
      thresholdBytes: 1500,
      buildArgs: { TIER: 'zeta' }
    })
  })

  test.each<[string, string]>([
    ['3.10', '3.10'],
    ['010', '010'],
    ['1e3', '1e3'],
    ['True', 'True'],
    ['"3.10"', '3.10'],
    ['-0.50', '-0.50']
  ])('a build arg written %s is passed as "%s", as written', (written, passed) => {
    const manifest = parseManifest(
      yaml(
        'version: 1',
        'image: acme/nb',
        'dockerfile: Dockerfile',
        `buildArgs: {PYTHON_VERSION: ${written}}`,
        'tiers:',
        '  tier1:',
        `    buildArgs: {V: ${written}}`
      ),
      FILE
    )
    expect(manifest.buildArgs).toStrictEqual({ PYTHON_VERSION: passed })
    expect(manifest.tiers[0]?.buildArgs).toStrictEqual({ V: passed })
  })

  test('a user Dockerfile needs no baseImage, and tiers may install nothing', () => {
    const manifest = parseManifest(
      yaml(
        'version: 1',
        'image: acme/nb',
        'dockerfile: Dockerfile',
        'target: everything',
        'tiers:',
        '  tier1: {description: Setup}',
        '  tier2: {target: training}'
      ),
      FILE
    )
    expect(manifest.dockerfile).toBe('Dockerfile')
    expect(manifest.target).toBe('everything')
    expect(manifest.baseImage).toBeUndefined()
    expect(manifest.tiers.map((tier) => [tier.name, tier.target])).toStrictEqual([
      ['tier1', undefined],
      ['tier2', 'training']
    ])
  })
})

describe('parseManifest: invalid manifests', () => {
  const valid = ['version: 1', 'image: acme/nb', 'baseImage: python:3.12-slim']

  test.each<[string, string | Uint8Array, ManifestIssue[]]>([
    [
      'YAML syntax error',
      yaml(...valid, 'tiers: {tier1: [numpy', ''),
      [
        at(
          6,
          1,
          '',
          'invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'
        ),
        at(
          6,
          1,
          '',
          'invalid YAML: Flow map in block collection must be sufficiently indented and end with a }'
        )
      ]
    ],
    [
      'tab indentation',
      yaml(...valid, 'tiers:', '\ttier1:', '\t\tpip: [numpy]'),
      [
        at(5, 1, '', 'invalid YAML: tabs are not allowed as indentation; indent with spaces'),
        at(6, 1, '', 'invalid YAML: tabs are not allowed as indentation; indent with spaces')
      ]
    ],
    [
      'duplicate key',
      yaml(...valid, 'tiers:', '  tier1: {pip: [numpy]}', '  tier1: {pip: [pandas]}'),
      [
        at(
          6,
          3,
          'tiers.tier1',
          'invalid YAML: duplicate key "tier1"; each key may appear only once in a mapping'
        )
      ]
    ],
    [
      'duplicate key inside a flow mapping',
      yaml(...valid, 'tiers:', '  tier1: {pip: [numpy], pip: [pandas]}'),
      [
        at(
          5,
          25,
          'tiers.tier1.pip',
          'invalid YAML: duplicate key "pip"; each key may appear only once in a mapping'
        )
      ]
    ],
    [
      'several documents',
      yaml(...valid, 'tiers: {tier1: {pip: [numpy]}}', '---', 'version: 1'),
      [
        at(
          5,
          1,
          '',
          'invalid YAML: the manifest holds more than one document ("---"); expected a single YAML document'
        )
      ]
    ],
    [
      'an empty file',
      '',
      [at(1, 1, '', 'the manifest is empty; expected a mapping with version, image and tiers')]
    ],
    [
      'a list instead of a mapping',
      yaml('- version: 1'),
      [at(1, 1, '', 'expected a mapping with version, image and tiers, got a list')]
    ],
    [
      'a misspelt top-level field',
      yaml(...valid, 'treshold: 5GB', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 1, 'treshold', 'unknown field "treshold"; did you mean "threshold"?')]
    ],
    [
      'a misspelt tier field',
      yaml(...valid, 'tiers:', '  tier1:', '    pipp: [numpy]', '    notebok: []'),
      [
        at(6, 5, 'tiers.tier1.pipp', 'unknown field "pipp"; did you mean "pip"?'),
        at(7, 5, 'tiers.tier1.notebok', 'unknown field "notebok"; did you mean "notebooks"?')
      ]
    ],
    [
      'a misspelt base field',
      yaml(...valid, 'base: {pipx: [numpy]}', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 8, 'base.pipx', 'unknown field "pipx"; did you mean "pip"?')]
    ],
    [
      'an unknown field with nothing close',
      yaml(...valid, 'registry: ghcr.io', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 1, 'registry', `unknown field "registry"; expected one of ${TOP_FIELDS}`)]
    ],
    [
      'wrong types',
      yaml(
        'version: 1',
        'image: 42',
        'baseImage: python:3.12-slim',
        'strategy: both',
        'tiers:',
        '  tier1:',
        '    pip: numpy',
        '    notebooks: [1]',
        '    description: [a]'
      ),
      [
        at(2, 8, 'image', 'expected a string, got number 42'),
        at(4, 11, 'strategy', 'expected one of shared, multi-stage, got "both"'),
        at(7, 10, 'tiers.tier1.pip', 'expected a list, got "numpy"'),
        at(8, 17, 'tiers.tier1.notebooks[0]', 'expected a string, got number 1'),
        at(9, 5, 'tiers.tier1.description', 'expected a string, got a list')
      ]
    ],
    [
      'tiers as a list',
      yaml(...valid, 'tiers:', '  - tier1'),
      [at(4, 1, 'tiers', 'expected a mapping, got a list')]
    ],
    [
      'an empty image and a null image key',
      yaml('version: 1', 'image: ""', 'baseImage:', 'tiers: {tier1: {pip: [numpy]}}'),
      [
        at(2, 8, 'image', 'expected a non-empty string'),
        at(3, 1, 'baseImage', 'expected a string, got null')
      ]
    ],
    [
      'build args with a bad name and a list value',
      yaml(...valid, 'buildArgs: {1X: a, Y: [1]}', 'tiers: {tier1: {pip: [numpy]}}'),
      [
        at(
          4,
          13,
          'buildArgs["1X"]',
          '"1X" is not a valid build-arg name: expected letters, digits and _, not starting with a digit'
        ),
        at(4, 20, 'buildArgs.Y', 'expected a string, number or boolean, got a list')
      ]
    ],
    [
      'missing version',
      yaml('image: acme/nb', 'baseImage: python:3.12-slim', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(1, 1, '', 'missing required field "version"; expected "version: 1" first')]
    ],
    [
      'version 2',
      yaml(
        'version: 2',
        'image: acme/nb',
        'baseImage: python:3.12-slim',
        'tiers: {tier1: {pip: [numpy]}}'
      ),
      [
        at(
          1,
          10,
          'version',
          'unsupported version 2; expected version: 1 (the only version this action reads)'
        )
      ]
    ],
    [
      'version as a string',
      yaml(
        'version: "1"',
        'image: acme/nb',
        'baseImage: python:3.12-slim',
        'tiers: {tier1: {pip: [numpy]}}'
      ),
      [
        at(
          1,
          10,
          'version',
          'unsupported version "1"; expected version: 1, a number without quotes (the only version this action reads)'
        )
      ]
    ],
    [
      'missing image',
      yaml('version: 1', 'baseImage: python:3.12-slim', 'tiers: {tier1: {pip: [numpy]}}'),
      [
        at(
          1,
          1,
          '',
          'missing required field "image"; expected the repository of the built images, e.g. "image: ghcr.io/acme/notebook-validator"'
        )
      ]
    ],
    [
      'image with a tag',
      yaml(
        'version: 1',
        'image: ghcr.io/acme/nb:latest',
        'baseImage: python:3.12-slim',
        'tiers: {tier1: {pip: [numpy]}}'
      ),
      [
        at(
          2,
          8,
          'image',
          '"ghcr.io/acme/nb:latest" has a tag or digest; give only the repository, e.g. ghcr.io/acme/notebook-validator'
        )
      ]
    ],
    [
      'image with a digest',
      yaml(
        'version: 1',
        `image: acme/nb@sha256:${'0'.repeat(64)}`,
        'baseImage: python:3.12-slim',
        'tiers: {tier1: {pip: [numpy]}}'
      ),
      [
        at(
          2,
          8,
          'image',
          `"acme/nb@sha256:${'0'.repeat(64)}" has a tag or digest; give only the repository, e.g. ghcr.io/acme/notebook-validator`
        )
      ]
    ],
    [
      'image with uppercase letters',
      yaml(
        'version: 1',
        'image: Acme/NB',
        'baseImage: python:3.12-slim',
        'tiers: {tier1: {pip: [numpy]}}'
      ),
      [
        at(
          2,
          8,
          'image',
          '"Acme/NB" is not a valid image repository: expected lowercase path components such as ghcr.io/acme/notebook-validator'
        )
      ]
    ],
    [
      'an invalid baseImage',
      yaml(
        'version: 1',
        'image: acme/nb',
        'baseImage: "Python:3.12 slim"',
        'tiers: {tier1: {pip: [numpy]}}'
      ),
      [
        at(
          3,
          12,
          'baseImage',
          '"Python:3.12 slim" is not a valid image reference: expected e.g. python:3.12-slim or ghcr.io/acme/base:1@sha256:…'
        )
      ]
    ],
    [
      'no tiers key',
      yaml(...valid),
      [
        at(
          1,
          1,
          '',
          'missing required field "tiers"; expected a mapping of tier names to what they install, e.g. "tiers: {tier1: {pip: [numpy]}}"'
        )
      ]
    ],
    [
      'no tiers',
      yaml(...valid, 'tiers: {}'),
      [at(4, 1, 'tiers', 'no tiers: declare at least one tier')]
    ],
    [
      'an empty (null) tier',
      yaml(...valid, 'tiers:', '  tier1:', '  tier2: {pip: [numpy]}'),
      [
        at(
          5,
          3,
          'tiers.tier1',
          'the tier is empty; expected a mapping with pip, apt, notebooks or dockerfile'
        )
      ]
    ],
    [
      'a tier with no packages while the Dockerfile is generated',
      yaml(...valid, 'tiers:', '  tier1:', '    description: Setup', '    pip: []'),
      [
        at(
          5,
          3,
          'tiers.tier1',
          'the tier installs nothing: the Dockerfile is generated, so give it pip or apt packages or a requirements file (or its own dockerfile)'
        )
      ]
    ],
    [
      'tier names that are not stage names',
      yaml(...valid, 'tiers:', '  Tier_1: {pip: [numpy]}', '  1tier: {pip: [numpy]}'),
      [
        at(5, 3, 'tiers.Tier_1', `"Tier_1" is not a valid tier name: ${STAGE_EXPECTED}`),
        at(6, 3, 'tiers["1tier"]', `"1tier" is not a valid tier name: ${STAGE_EXPECTED}`)
      ]
    ],
    [
      'tier names that are stages of the generated Dockerfile',
      yaml(...valid, 'tiers:', '  base: {pip: [numpy]}', '  shared: {pip: [pandas]}'),
      [
        at(
          5,
          3,
          'tiers.base',
          '"base" is a stage of the generated Dockerfile; give the tier another name'
        ),
        at(
          6,
          3,
          'tiers.shared',
          '"shared" is a stage of the generated Dockerfile; give the tier another name'
        )
      ]
    ],
    [
      "tier names and targets reserved for the generated Dockerfile's own stages",
      yaml(
        ...valid,
        'tiers:',
        '  nb-apt-lists: {apt: [git]}',
        '  tier2: {apt: [git], target: nb-debs-x}',
        '  tier3: {apt: [git], target: base}',
        // Its own Dockerfile: the name is no stage of the generated one.
        '  nb-own: {dockerfile: Dockerfile.own}'
      ),
      [
        at(
          5,
          3,
          'tiers.nb-apt-lists',
          '"nb-apt-lists": stage names starting with "nb-" are reserved for the generated Dockerfile\'s own stages (package indexes, downloads); give the tier another name'
        ),
        at(
          6,
          31,
          'tiers.tier2.target',
          '"nb-debs-x": stage names starting with "nb-" are reserved for the generated Dockerfile\'s own stages (package indexes, downloads); give the tier another target'
        ),
        at(
          7,
          31,
          'tiers.tier3.target',
          '"base" is a stage of the generated Dockerfile; give the tier another target'
        )
      ]
    ],
    [
      'targets that are not stage names',
      yaml(
        'version: 1',
        'image: acme/nb',
        'dockerfile: Dockerfile',
        'target: Serving',
        'tiers: {tier1: {target: "x y"}}'
      ),
      [
        at(4, 9, 'target', `"Serving" is not a valid stage name: ${STAGE_EXPECTED}`),
        at(5, 25, 'tiers.tier1.target', `"x y" is not a valid stage name: ${STAGE_EXPECTED}`)
      ]
    ],
    [
      'two tiers with the same target',
      yaml(
        'version: 1',
        'image: acme/nb',
        'dockerfile: Dockerfile',
        'tiers:',
        '  tier1: {target: ml}',
        '  tier2:',
        '    target: ml'
      ),
      [
        at(
          7,
          13,
          'tiers.tier2.target',
          'tiers tier1 and tier2 both build stage "ml"; give each tier its own target'
        )
      ]
    ],
    [
      "a tier whose target is another tier's name",
      yaml(
        ...valid,
        'tiers:',
        '  tier1: {pip: [numpy]}',
        '  tier2: {pip: [pandas], target: tier1}'
      ),
      [
        at(
          6,
          34,
          'tiers.tier2.target',
          'tiers tier1 and tier2 both build stage "tier1"; give each tier its own target'
        )
      ]
    ],
    [
      'bad pip and apt specs, located at the list item',
      yaml(
        ...valid,
        'base:',
        '  apt: [git, Foo]',
        'tiers:',
        '  tier1:',
        '    pip:',
        '      - numpy',
        '      - "numpy; curl x | sh"',
        '      - $(id)',
        '      - "pkg @ https://example.com/pkg.whl"',
        '    apt: ["x; rm -rf /"]'
      ),
      [
        at(
          5,
          14,
          'base.apt[1]',
          '"Foo" is not a valid Debian package name: expected lowercase letters, digits, "+", "-" and ".", at least two characters, optionally :arch and =version'
        ),
        at(
          10,
          9,
          'tiers.tier1.pip[1]',
          `"numpy; curl x | sh": environment markers (";") are not supported; ${PIP_EXPECTED}`
        ),
        at(
          11,
          9,
          'tiers.tier1.pip[2]',
          `"$(id)" contains "$", which no pip requirement has; ${PIP_EXPECTED}`
        ),
        at(
          12,
          9,
          'tiers.tier1.pip[3]',
          `"pkg @ https://example.com/pkg.whl": direct URL references are not supported; ${PIP_EXPECTED}`
        ),
        at(
          13,
          11,
          'tiers.tier1.apt[0]',
          '"x; rm -rf /" contains ";", which no Debian package name has; expected lowercase letters, digits, "+", "-" and ".", at least two characters, optionally :arch and =version'
        )
      ]
    ],
    [
      'a tier whose only package is rejected gets that one issue',
      yaml(...valid, 'tiers: {tier1: {pip: [$(id)]}}'),
      [
        at(
          4,
          23,
          'tiers.tier1.pip[0]',
          `"$(id)" contains "$", which no pip requirement has; ${PIP_EXPECTED}`
        )
      ]
    ],
    [
      'an empty package spec',
      yaml(...valid, 'tiers: {tier1: {pip: [""]}}'),
      [at(4, 23, 'tiers.tier1.pip[0]', 'expected a non-empty string')]
    ],
    [
      'threshold "5 XB"',
      yaml(...valid, 'threshold: 5 XB', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 12, 'threshold', `invalid size "5 XB": unknown unit "XB"; expected ${SIZE_EXPECTED}`)]
    ],
    [
      'threshold -1',
      yaml(...valid, 'threshold: -1', 'tiers: {tier1: {pip: [numpy]}}'),
      [
        at(
          4,
          12,
          'threshold',
          `invalid size "-1": a budget cannot be negative; expected ${SIZE_EXPECTED}`
        )
      ]
    ],
    [
      'threshold 0 on a tier',
      yaml(...valid, 'tiers: {tier1: {pip: [numpy], threshold: 0}}'),
      [at(4, 42, 'tiers.tier1.threshold', 'invalid size "0": a budget must be greater than zero')]
    ],
    [
      'threshold "0GB"',
      yaml(...valid, 'threshold: 0GB', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 12, 'threshold', 'invalid size "0GB": a budget must be greater than zero')]
    ],
    [
      'threshold 1e30',
      yaml(...valid, 'threshold: 1e30', 'tiers: {tier1: {pip: [numpy]}}'),
      [
        at(
          4,
          12,
          'threshold',
          `invalid size "1e30": exponents are not supported; expected ${SIZE_EXPECTED}`
        )
      ]
    ],
    [
      'threshold five',
      yaml(...valid, 'threshold: five', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 12, 'threshold', `invalid size "five": expected ${SIZE_EXPECTED}`)]
    ],
    [
      'threshold 1.5 (fractional bytes)',
      yaml(...valid, 'threshold: 1.5', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 12, 'threshold', `invalid size "1.5": ${WHOLE_BYTES}`)]
    ],
    [
      'threshold "1.5" (fractional bytes)',
      yaml(...valid, 'threshold: "1.5"', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 12, 'threshold', `invalid size "1.5": ${WHOLE_BYTES}`)]
    ],
    [
      'threshold beyond 2^53',
      yaml(...valid, 'tiers: {tier1: {pip: [numpy], threshold: 9999999999999999TB}}'),
      [
        at(
          4,
          42,
          'tiers.tier1.threshold',
          'invalid size "9999999999999999TB": too large (at most 9007199254740991 bytes)'
        )
      ]
    ],
    [
      'threshold 5G (a unit without its B)',
      yaml(...valid, 'threshold: 5G', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 12, 'threshold', `invalid size "5G": unknown unit "G"; expected ${SIZE_EXPECTED}`)]
    ],
    [
      'maxGrowth "ten percent"',
      yaml(...valid, 'maxGrowth: ten percent', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 12, 'maxGrowth', `invalid limit "ten percent": expected ${LIMIT_EXPECTED}`)]
    ],
    [
      'maxGrowth 0% on a tier',
      yaml(...valid, 'tiers: {tier1: {pip: [numpy], maxGrowth: 0%}}'),
      [at(4, 42, 'tiers.tier1.maxGrowth', 'invalid limit "0%": a limit must be greater than zero')]
    ],
    [
      'maxGrowth -5%',
      yaml(...valid, 'maxGrowth: -5%', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 12, 'maxGrowth', `invalid limit "-5%": expected ${LIMIT_EXPECTED}`)]
    ],
    [
      'maxGrowth 0MB',
      yaml(...valid, 'maxGrowth: 0MB', 'tiers: {tier1: {pip: [numpy]}}'),
      [at(4, 12, 'maxGrowth', 'invalid limit "0MB": a limit must be greater than zero')]
    ],
    [
      'missing baseImage when the Dockerfile is generated',
      yaml('version: 1', 'image: acme/nb', 'tiers: {tier1: {pip: [numpy]}}'),
      [
        at(
          1,
          1,
          '',
          'missing field "baseImage": the Dockerfile is generated (no "dockerfile" given), so its FROM image is needed'
        )
      ]
    ],
    [
      'target without dockerfile',
      yaml(...valid, 'target: shared', 'tiers: {tier1: {pip: [numpy]}}'),
      [
        at(
          4,
          9,
          'target',
          '"target" picks a stage of your own Dockerfile; it needs "dockerfile" to be set'
        )
      ]
    ],
    [
      'every toManifest problem at once, in file order',
      yaml(
        'version: 1',
        'image: acme/nb:1',
        'target: shared',
        'threshold: 0MB',
        'tiers:',
        '  tier1: {pip: [numpy], apt: [A]}'
      ),
      [
        at(
          1,
          1,
          '',
          'missing field "baseImage": the Dockerfile is generated (no "dockerfile" given), so its FROM image is needed'
        ),
        at(
          2,
          8,
          'image',
          '"acme/nb:1" has a tag or digest; give only the repository, e.g. ghcr.io/acme/notebook-validator'
        ),
        at(
          3,
          9,
          'target',
          '"target" picks a stage of your own Dockerfile; it needs "dockerfile" to be set'
        ),
        at(4, 12, 'threshold', 'invalid size "0MB": a budget must be greater than zero'),
        at(
          6,
          31,
          'tiers.tier1.apt[0]',
          '"A" is not a valid Debian package name: expected lowercase letters, digits, "+", "-" and ".", at least two characters, optionally :arch and =version'
        )
      ]
    ]
  ])('%s', (_name, source, expected) => {
    expect(issuesOf(source)).toStrictEqual(expected)
  })

  test('non-UTF-8 bytes are located by line and character column', () => {
    const text = new TextEncoder().encode(
      yaml(...valid, '# café', 'tiers: {tier1: {description: "naïve ')
    )
    // "naïve " then the invalid byte 0xff, then the rest of the line.
    const bytes = new Uint8Array([...text.slice(0, -1), 0xff, ...new TextEncoder().encode('"}}\n')])
    expect(issuesOf(bytes)).toStrictEqual([
      at(
        5,
        37,
        '',
        `invalid UTF-8 (byte 0xff at offset ${text.length - 1}); save the manifest as UTF-8`
      )
    ])
  })

  test.each<[string, number[], number, number, number]>([
    ['a lone continuation byte', [0x61, 0x80], 1, 2, 1],
    ['a truncated sequence', [0x61, 0x0a, 0x62, 0xc3, 0x28], 2, 2, 3],
    ['an overlong encoding', [0xc0, 0xaf], 1, 1, 0],
    ['a UTF-16 surrogate', [0x0a, 0x0a, 0xed, 0xa0, 0x80], 3, 1, 2],
    ['a sequence cut off by the end', [0x61, 0x62, 0xe2, 0x82], 1, 3, 2]
  ])('%s', (_name, bytes, line, column, offset) => {
    const issues = issuesOf(new Uint8Array(bytes))
    expect(issues).toStrictEqual([
      at(
        line,
        column,
        '',
        `invalid UTF-8 (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}); save the manifest as UTF-8`
      )
    ])
  })

  const DEEP =
    'invalid YAML: the YAML nests more than 32 levels deep; expected at most 32 (a manifest needs about six)'
  const blockNesting = (levels: number): string =>
    Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')

  test.each<[string, string, number, number]>([
    [
      '20,000 flow brackets',
      `version: 1\nimage: acme/nb\ntiers: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      3,
      39
    ],
    ['33 indentation levels', `${blockNesting(33)}\n`, 33, 33],
    ['1,000 indentation levels', `${blockNesting(1000)}\n`, 33, 33],
    ['a line of 40 nested "- " items', `x:\n  ${'- '.repeat(40)}y\n`, 2, 65],
    ['brackets across lines', `a: [\n${'  [\n'.repeat(40)}`, 32, 3]
  ])('nesting too deep (%s) is refused at a stable position', (_name, source, line, column) => {
    expect(issuesOf(source)).toStrictEqual([at(line, column, '', DEEP)])
  })

  test.each<[string, string]>([
    ['32 indentation levels', `${blockNesting(32)}\n`],
    ['brackets inside double quotes', `a: "${'['.repeat(100)}"\n`],
    ["brackets inside single quotes, with '' inside", `a: 'it''s ${'{'.repeat(100)}'\n`],
    ['brackets in a comment', `a: 1 # ${'['.repeat(100)}\n`],
    ['a quoted string over several lines', `a: "x\n${'  [\n'.repeat(100)}"\n`]
  ])('tooDeep: %s is not too deep', (_name, source) => {
    expect(tooDeep(source, MANIFEST_LIMITS.maxDepth)).toBeUndefined()
  })

  test('a manifest over the size limit is refused before parsing', () => {
    expect(issuesOf(new Uint8Array(MANIFEST_LIMITS.maxBytes + 1))).toStrictEqual([
      at(1, 1, '', `the manifest is 1048577 bytes; at most 1048576 are read`)
    ])
  })

  // Bounded by the test's timeout rather than a timed assertion: unbounded, these would run
  // for minutes (9^9 strings; 50,000 keys compared pairwise).
  test('an alias bomb (billion laughs) is refused, not expanded', () => {
    const source = yaml(
      ...valid,
      'tiers: {tier1: {pip: [numpy]}}',
      'x: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
      'y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'z: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'w: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'v: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'u: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
      't: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
      's: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]',
      'r: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]'
    )
    const issues = issuesOf(source)
    expect(issues).toStrictEqual([
      at(
        6,
        8,
        '',
        'YAML aliases expand too far (more than 100 expansions); write the values out instead (Excessive alias count indicates a resource exhaustion attack)'
      )
    ])
  }, 5_000)

  test('more tiers than MANIFEST_LIMITS.maxTiers', () => {
    const count = MANIFEST_LIMITS.maxTiers + 1
    const tiers = Array.from({ length: count }, (_, i) => `  t${i}: {pip: [numpy]}`)
    const issues = issuesOf(yaml(...valid, 'tiers:', ...tiers))
    expect(issues).toStrictEqual([
      at(4, 1, 'tiers', '501 tiers declared; at most 500 are supported')
    ])
  }, 5_000)

  test('a 1 MB manifest of tiers is refused in bounded time', () => {
    // Close to MANIFEST_LIMITS.maxBytes: ~50,000 keys. A quadratic duplicate-key check took 20 s here.
    const tiers: string[] = []
    let size = 100
    for (let i = 0; size < MANIFEST_LIMITS.maxBytes - 100; i++) {
      const line = `  t${i}: {pip: [x]}`
      tiers.push(line)
      size += line.length + 1
    }
    const issues = issuesOf(new TextEncoder().encode(yaml(...valid, 'tiers:', ...tiers)))
    expect(issues).toStrictEqual([
      at(4, 1, 'tiers', `${tiers.length} tiers declared; at most 500 are supported`)
    ])
  }, 20_000)

  test('more packages than MANIFEST_LIMITS.maxPackages', () => {
    const pip = Array.from({ length: MANIFEST_LIMITS.maxPackages + 1 }, (_, i) => `p${i}`)
    expect(issuesOf(yaml(...valid, `tiers: {tier1: {pip: [${pip.join(', ')}]}}`))).toStrictEqual([
      at(4, 17, 'tiers.tier1.pip', '1001 packages; at most 1000 are supported')
    ])
  })

  test('ManifestError.message lists every issue as file:line:column: field: message', () => {
    let error: unknown
    try {
      parseManifest(yaml('version: 2', 'image: acme/nb', 'tiers: {}'), FILE)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ManifestError)
    expect((error as ManifestError).message).toBe(
      [
        'notebook-tiers.yaml:1:10: version: unsupported version 2; expected version: 1 (the only version this action reads)',
        'notebook-tiers.yaml:3:1: tiers: no tiers: declare at least one tier'
      ].join('\n')
    )
  })
})
