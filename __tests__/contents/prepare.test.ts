import { auditEnabled, prepareContents, type AuditMode } from '../../src/contents/prepare.js'
import type { BuildPlan, ImagePlan } from '../../src/plan/types.js'
import { FakeFs, RecordingLogger, fakeGlob } from '../helpers/fakes.js'
import { manifest, tier } from '../helpers/manifests.js'

const image = (name: string, tiers: string[]): ImagePlan => ({
  name,
  tiers,
  target: name,
  dockerfile: '/repo/Dockerfile',
  context: '/repo',
  generated: true,
  ref: `acme/nb:${name}`,
  thresholdBytes: 1e9,
  thresholdSource: 'default',
  buildArgs: {},
  field: `tiers.${name}`
})

describe('auditEnabled', () => {
  const withNotebooks = manifest({ tiers: [tier('a'), tier('b', { notebooks: ['nb/*.ipynb'] })] })
  const without = manifest({ tiers: [tier('a')] })
  test.each<[AuditMode, boolean, boolean]>([
    ['auto', true, true],
    ['auto', false, false],
    ['true', true, true],
    ['true', false, true],
    ['false', true, false],
    ['false', false, false]
  ])('%s, a tier lists notebooks: %s → %s', (mode, notebooks, expected) => {
    expect(auditEnabled(mode, notebooks ? withNotebooks : without)).toBe(expected)
  })
})

describe('prepareContents', () => {
  const fs = new FakeFs({
    '/repo/nb/train/01.ipynb': '{"cells": []}',
    '/repo/nb/train/helpers.py': '',
    '/repo/nb/train/.hidden.py': '',
    '/repo/nb/train/data.csv': '',
    '/repo/nb/train/mylib/__init__.py': '',
    '/repo/nb/serve/02.ipynb': '{"cells": []}'
  })
  const files = [...fs.files.keys()]
  const tiers = [
    tier('train', {
      notebooks: ['nb/train/*.ipynb'],
      packages: { pip: ['scikit-learn'], apt: [] }
    }),
    tier('serve', { notebooks: ['nb/serve/*.ipynb', 'nb/gone/*.ipynb'] }),
    tier('setup')
  ]
  const context = (mode: AuditMode) => ({ mode, manifestDir: '/repo', workspace: '/repo' })

  test('multi-stage: each image gets its tier’s notebooks, bytes and the names next to them', async () => {
    const plan: BuildPlan = {
      strategy: 'multi-stage',
      manifestFile: 'notebook-tiers.yaml',
      images: [image('train', ['train']), image('serve', ['serve']), image('setup', ['setup'])]
    }
    const logger = new RecordingLogger()
    const contents = await prepareContents(manifest({ tiers }), plan, context('auto'), {
      fs,
      glob: fakeGlob(files),
      logger
    })
    expect(contents.audit).toBe('on')
    expect(contents.required).toBe(false)
    const train = contents.tiers.get('train')
    expect(
      train?.map((t) => [t.name, t.packages, t.notebooks.map((n) => [n.path, n.siblings])])
    ).toStrictEqual([
      [
        'train',
        { pip: ['scikit-learn'], apt: [] },
        [['nb/train/01.ipynb', ['helpers.py', 'mylib/']]]
      ]
    ])
    expect(new TextDecoder().decode(train?.[0]?.notebooks[0]?.content)).toBe('{"cells": []}')
    expect(contents.tiers.get('setup')).toStrictEqual([
      { name: 'setup', packages: { pip: [], apt: [] }, notebooks: [] }
    ])
    expect(contents.notebooks).toStrictEqual([
      { tier: 'train', notebooks: ['nb/train/01.ipynb'] },
      { tier: 'serve', notebooks: ['nb/serve/02.ipynb'] }
    ])
  })

  test('shared: the one image serves every tier with its own notebooks', async () => {
    const plan: BuildPlan = {
      strategy: 'shared',
      manifestFile: 'notebook-tiers.yaml',
      images: [image('shared', ['train', 'serve', 'setup'])]
    }
    const contents = await prepareContents(manifest({ tiers }), plan, context('true'), {
      fs,
      glob: fakeGlob(files),
      logger: new RecordingLogger()
    })
    expect(contents.required).toBe(true)
    expect(
      contents.tiers.get('shared')?.map((t) => [t.name, t.notebooks.map((n) => n.path)])
    ).toStrictEqual([
      ['train', ['nb/train/01.ipynb']],
      ['serve', ['nb/serve/02.ipynb']],
      ['setup', []]
    ])
  })

  test('only the tiers this run builds (the tiers input) are looked for', async () => {
    const plan: BuildPlan = {
      strategy: 'multi-stage',
      manifestFile: 'notebook-tiers.yaml',
      images: [image('serve', ['serve'])]
    }
    const contents = await prepareContents(manifest({ tiers }), plan, context('auto'), {
      fs,
      glob: fakeGlob(files),
      logger: new RecordingLogger()
    })
    expect(contents.notebooks).toStrictEqual([{ tier: 'serve', notebooks: ['nb/serve/02.ipynb'] }])
  })

  test('off: no globbing, no notebooks, the tiers’ packages only', async () => {
    const plan: BuildPlan = {
      strategy: 'multi-stage',
      manifestFile: 'notebook-tiers.yaml',
      images: [image('train', ['train'])]
    }
    const contents = await prepareContents(manifest({ tiers }), plan, context('false'), {
      fs,
      logger: new RecordingLogger()
    })
    expect(contents.audit).toBe('off')
    expect(contents.tiers.get('train')?.[0]?.notebooks).toStrictEqual([])
  })

  test('a notebook the glob matched but that cannot be read is kept, with why', async () => {
    const plan: BuildPlan = {
      strategy: 'multi-stage',
      manifestFile: 'notebook-tiers.yaml',
      images: [image('train', ['train'])]
    }
    const glob = fakeGlob([...files, '/repo/nb/train/02.ipynb'])
    const contents = await prepareContents(manifest({ tiers }), plan, context('auto'), {
      fs,
      glob,
      logger: new RecordingLogger()
    })
    expect(contents.unread.get('train')).toStrictEqual([
      {
        path: 'nb/train/02.ipynb',
        message:
          "cannot read the file: ENOENT: no such file or directory, '/repo/nb/train/02.ipynb'"
      }
    ])
  })

  test('true without any notebooks: a warning, nothing to audit', async () => {
    const logger = new RecordingLogger()
    const plan: BuildPlan = {
      strategy: 'multi-stage',
      manifestFile: 'notebook-tiers.yaml',
      images: [image('setup', ['setup'])]
    }
    const contents = await prepareContents(
      manifest({ tiers: [tier('setup')] }),
      plan,
      context('true'),
      {
        fs,
        glob: fakeGlob(files),
        logger
      }
    )
    expect(contents.audit).toBe('on')
    expect(logger.annotations).toStrictEqual([
      {
        level: 'warning',
        message:
          'audit-notebooks is true, but no tier of the manifest lists notebooks: nothing to audit'
      }
    ])
  })
})
