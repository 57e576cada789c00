import { adviseMissing, locateFindings } from '../../src/contents/advice.js'
import type { ImageAudit, MissingModule } from '../../src/report/contents.js'
import type { BuildPlan, ImagePlan } from '../../src/plan/types.js'
import { manifest, tier } from '../helpers/manifests.js'

const image = (name: string, tiers: string[], fields: Partial<ImagePlan> = {}): ImagePlan => ({
  name,
  tiers,
  target: name,
  dockerfile: '/repo/.nb-image/Dockerfile',
  context: '/repo',
  generated: true,
  ref: `acme/nb:${name}`,
  thresholdBytes: 1e9,
  thresholdSource: 'default',
  buildArgs: {},
  field: `tiers.${name}`,
  ...fields
})
const plan = (images: ImagePlan[]): BuildPlan => ({
  strategy: 'multi-stage',
  manifestFile: 'notebook-tiers.yaml',
  images
})

const missing = (module: string, fields: Partial<MissingModule> = {}): MissingModule => ({
  module,
  optional: false,
  stdlib: false,
  likely: { pypi: 'scikit-learn', debian: 'python3-sklearn', guess: false },
  sites: [{ cell: 1, line: 1 }],
  ...fields
})

/** One image audit per tier, each tier with one notebook missing the given modules. */
function audits(byTier: Record<string, MissingModule[]>): ImageAudit[] {
  return Object.entries(byTier).map(([name, modules]) => ({
    status: 'failed',
    notes: [],
    tiers: [
      {
        tier: name,
        unused: [],
        notes: [],
        notebooks: [
          {
            path: `nb/${name}.ipynb`,
            status: 'missing',
            resolved: [],
            missing: modules,
            errors: [],
            installs: [],
            notes: []
          }
        ]
      }
    ]
  }))
}
const addTo = (list: ImageAudit[]): string[] =>
  list.flatMap((audit) =>
    audit.tiers.flatMap((t) => t.notebooks.flatMap((n) => n.missing.map((m) => m.addTo ?? '')))
  )

describe('adviseMissing', () => {
  const generated = plan([image('tier1', ['tier1']), image('tier2', ['tier2'])])

  test.each<[string, Record<string, MissingModule[]>, Parameters<typeof manifest>[0], string[]]>([
    [
      'one tier, a pip tier: its pip list first',
      { tier2: [missing('sklearn')] },
      { tiers: [tier('tier1'), tier('tier2', { packages: { pip: ['numpy'], apt: [] } })] },
      [
        'add scikit-learn to tiers.tier2.pip (or python3-sklearn to tiers.tier2.apt) in notebook-tiers.yaml'
      ]
    ],
    [
      'one tier, an apt tier: its apt list first',
      { tier2: [missing('sklearn')] },
      { tiers: [tier('tier1'), tier('tier2', { packages: { pip: [], apt: ['python3-yaml'] } })] },
      [
        'add python3-sklearn to tiers.tier2.apt (or scikit-learn to tiers.tier2.pip) in notebook-tiers.yaml'
      ]
    ],
    [
      'no Debian package known: pip only',
      { tier2: [missing('torch', { likely: { pypi: 'torch', debian: null, guess: false } })] },
      { tiers: [tier('tier1'), tier('tier2', { packages: { pip: [], apt: ['x'] } })] },
      ['add torch to tiers.tier2.pip in notebook-tiers.yaml']
    ],
    [
      'a standard-library module Debian splits off: apt only',
      {
        tier1: [
          missing('tkinter', {
            stdlib: true,
            likely: { pypi: null, debian: 'python3-tk', guess: false }
          })
        ]
      },
      { tiers: [tier('tier1'), tier('tier2')] },
      ['add python3-tk to tiers.tier1.apt in notebook-tiers.yaml']
    ],
    [
      'needed by two tiers: base, naming them',
      { tier1: [missing('sklearn')], tier2: [missing('sklearn')] },
      { base: { pip: [], apt: ['python3-nbformat'] }, tiers: [tier('tier1'), tier('tier2')] },
      [
        'add python3-sklearn to base.apt (or scikit-learn to base.pip) in notebook-tiers.yaml (the notebooks of tier1 and tier2 need it)',
        'add python3-sklearn to base.apt (or scikit-learn to base.pip) in notebook-tiers.yaml (the notebooks of tier1 and tier2 need it)'
      ]
    ],
    [
      'optional imports do not make a module shared',
      { tier1: [missing('sklearn', { optional: true })], tier2: [missing('sklearn')] },
      { tiers: [tier('tier1'), tier('tier2')] },
      [
        'add scikit-learn to tiers.tier1.pip (or python3-sklearn to tiers.tier1.apt) in notebook-tiers.yaml',
        'add scikit-learn to tiers.tier2.pip (or python3-sklearn to tiers.tier2.apt) in notebook-tiers.yaml'
      ]
    ]
  ])('%s', (_name, byTier, fields, expected) => {
    const list = audits(byTier)
    adviseMissing(list, generated, manifest(fields))
    expect(addTo(list)).toStrictEqual(expected)
  })

  test('a tier built from the user’s Dockerfile: the stage to install it in', () => {
    const list = audits({ tier2: [missing('sklearn')] })
    const own = plan([
      image('tier2', ['tier2'], {
        generated: false,
        dockerfile: '/repo/docker/Dockerfile.nb',
        target: 'train'
      })
    ])
    adviseMissing(
      list,
      own,
      manifest({ dockerfile: 'docker/Dockerfile.nb', tiers: [tier('tier2')] })
    )
    expect(addTo(list)).toStrictEqual([
      'install scikit-learn (pip) or python3-sklearn (apt) in the train stage of Dockerfile.nb'
    ])
  })

  test('the user’s Dockerfile, a module two tiers need: a stage both images build from', () => {
    const list = audits({ tier1: [missing('sklearn')], tier2: [missing('sklearn')] })
    const own = plan(
      ['tier1', 'tier2'].map((name) =>
        image(name, [name], { generated: false, dockerfile: '/repo/docker/Dockerfile.nb' })
      )
    )
    adviseMissing(
      list,
      own,
      manifest({ dockerfile: 'docker/Dockerfile.nb', tiers: [tier('tier1'), tier('tier2')] })
    )
    const expected =
      'install scikit-learn (pip) or python3-sklearn (apt) in a stage of Dockerfile.nb that every tier image builds from (the notebooks of tier1 and tier2 need it)'
    expect(addTo(list)).toStrictEqual([expected, expected])
  })

  test('shared strategy: a module two tiers need goes to base, one tier’s to that tier', () => {
    const shared = plan([image('shared', ['tier1', 'tier2'])])
    const list: ImageAudit[] = [
      {
        status: 'failed',
        notes: [],
        tiers: ['tier1', 'tier2'].map((name) => ({
          tier: name,
          unused: [],
          notes: [],
          notebooks: [
            {
              path: `nb/${name}.ipynb`,
              status: 'missing' as const,
              resolved: [],
              missing:
                name === 'tier1'
                  ? [
                      missing('sklearn'),
                      missing('yaml', {
                        likely: { pypi: 'PyYAML', debian: 'python3-yaml', guess: false }
                      })
                    ]
                  : [missing('sklearn')],
              errors: [],
              installs: [],
              notes: []
            }
          ]
        }))
      }
    ]
    adviseMissing(list, shared, manifest({ tiers: [tier('tier1'), tier('tier2')] }))
    expect(addTo(list)).toStrictEqual([
      'add scikit-learn to base.pip (or python3-sklearn to base.apt) in notebook-tiers.yaml (the notebooks of tier1 and tier2 need it)',
      'add PyYAML to tiers.tier1.pip (or python3-yaml to tiers.tier1.apt) in notebook-tiers.yaml',
      'add scikit-learn to base.pip (or python3-sklearn to base.apt) in notebook-tiers.yaml (the notebooks of tier1 and tier2 need it)'
    ])
  })
})

describe('locateFindings', () => {
  test('import sites and cell errors get the line of the .ipynb; notebooks without bytes do not', () => {
    const text =
      '{"cells": [\n{"cell_type": "code", "source": [\n"import os\\n",\n"import sklearn"\n]}\n]}'
    const list = audits({ tier2: [missing('sklearn', { sites: [{ cell: 1, line: 2 }] })] })
    list[0]?.tiers[0]?.notebooks.push({
      path: 'nb/other.ipynb',
      status: 'error',
      resolved: [],
      missing: [],
      errors: [{ kind: 'syntax', message: 'SyntaxError in cell 1, line 1', cell: 1, line: 1 }],
      installs: [],
      notes: []
    })
    locateFindings(list, new Map([['nb/tier2.ipynb', new TextEncoder().encode(text)]]))
    const notebooks = list[0]?.tiers[0]?.notebooks
    expect(notebooks?.[0]?.missing[0]?.sites).toStrictEqual([{ cell: 1, line: 2, fileLine: 4 }])
    expect(notebooks?.[1]?.errors[0]?.fileLine).toBeUndefined()
  })
})
