import {
  changedManifest,
  describeChange,
  parseChangePackages,
  resolveChanges,
  type ChangePackage,
  type TierChangeSpec
} from '../../src/compare/tier-change.js'
import { InputError } from '../../src/utils/errors.js'
import { manifest, tier } from '../helpers/manifests.js'

const example = manifest({
  tiers: [
    tier('tier1', { packages: { apt: ['python3-six'], pip: [] } }),
    tier('tier2', { packages: { apt: [], pip: ['numpy'] } }),
    tier('tier3', { packages: { apt: ['python3-idna'], pip: ['requests'] } })
  ]
})

describe('parseChangePackages', () => {
  test.each<[string, ChangePackage]>([
    ['python3-toml', { spec: 'python3-toml' }],
    ['tier1=python3-toml', { tier: 'tier1', spec: 'python3-toml' }],
    ['tier2 = pip:toml==0.10.2', { tier: 'tier2', manager: 'pip', spec: 'toml==0.10.2' }],
    ['toml==0.10.2', { spec: 'toml==0.10.2' }],
    ['APT:python3-toml', { manager: 'apt', spec: 'python3-toml' }]
  ])('%s', (line, expected) => {
    expect(parseChangePackages([line])).toEqual([expected])
  })

  test.each(['', 'tier1=', 'tier1=pip:'])('"%s" is refused', (line) => {
    expect(() => parseChangePackages([line])).toThrow(InputError)
  })
})

describe('resolveChanges', () => {
  const resolved = (lines: string[]): Record<string, TierChangeSpec> =>
    Object.fromEntries(resolveChanges(example, parseChangePackages(lines)))

  test.each<[string, string[], Record<string, TierChangeSpec>]>([
    [
      'nothing given: synthetic everywhere',
      [],
      { tier1: { kind: 'synthetic' }, tier2: { kind: 'synthetic' }, tier3: { kind: 'synthetic' } }
    ],
    [
      'a tier’s line wins over the line for every tier; the manager follows the tier',
      ['tier2=toml', 'apt:python3-toml'],
      {
        tier1: { kind: 'package', manager: 'apt', spec: 'python3-toml' },
        tier2: { kind: 'package', manager: 'pip', spec: 'toml' },
        tier3: { kind: 'package', manager: 'apt', spec: 'python3-toml' }
      }
    ]
  ])('%s', (_name, lines, expected) => {
    expect(resolved(lines)).toEqual(expected)
  })

  test.each<[string[], string]>([
    [
      ['tier9=x'],
      'change-package: "tier9" is not a tier of notebook-tiers.yaml; its tiers are tier1, tier2, tier3'
    ],
    [
      ['tier3=toml'],
      'change-package for tier tier3: say which manager installs "toml" (apt:toml or pip:toml); the tier installs with both'
    ],
    [['tier1=apt:Bad Name'], 'change-package for tier tier1: '],
    [['tier1=pip:not a requirement!'], 'change-package for tier tier1: ']
  ])('%j is refused', (lines, message) => {
    expect(() => resolved(lines)).toThrow(message)
  })

  test('a tier built from its own Dockerfile cannot be changed', () => {
    const own = manifest({ tiers: [tier('t', { dockerfile: 'Dockerfile.t' })] })
    expect(() => resolveChanges(own, parseChangePackages(['t=x']))).toThrow(
      'change-package for tier t: the tier is built from Dockerfile.t'
    )
  })
})

describe('changedManifest and describeChange', () => {
  test('a package is appended to the tier’s list; other tiers are untouched', () => {
    const changed = changedManifest(example, 'tier1', {
      kind: 'package',
      manager: 'apt',
      spec: 'python3-toml'
    })
    expect(changed.tiers.map((t) => t.packages.apt)).toEqual([
      ['python3-six', 'python3-toml'],
      [],
      ['python3-idna']
    ])
    expect(example.tiers[0]?.packages.apt).toEqual(['python3-six'])
  })

  test('a synthetic change leaves the manifest as it is', () => {
    expect(changedManifest(example, 'tier1', { kind: 'synthetic' })).toBe(example)
  })

  test.each<[TierChangeSpec, string]>([
    [{ kind: 'synthetic' }, 'synthetic'],
    [{ kind: 'package', manager: 'pip', spec: 'toml' }, '+ toml (pip)']
  ])('%j reads %s', (change, text) => expect(describeChange(change)).toBe(text))
})
