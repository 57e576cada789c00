import { layersAbove, stageChain } from '../../src/plan/stage-chain.js'

describe('stageChain', () => {
  const text = [
    'ARG PY=python',
    'FROM $PY AS base',
    'RUN true',
    'FROM base AS nb-dl',
    'RUN --mount=type=bind,from=nb-dl,target=/x true',
    'FROM base AS Tier1',
    'COPY --from=nb-dl /x /x',
    'FROM tier1 AS tier2',
    'RUN <<EOF',
    'FROM tier1 AS fake',
    'EOF',
    'FROM tier2',
    ''
  ].join('\n')
  test.each<[string | undefined, string[]]>([
    ['tier2', ['tier2', 'tier1', 'base']],
    ['TIER1', ['tier1', 'base']],
    ['base', ['base']],
    ['nb-dl', ['nb-dl', 'base']],
    [undefined, ['(final)', 'tier2', 'tier1', 'base']],
    ['fake', []],
    ['missing', []]
  ])('%s: %j', (target, chain) => {
    expect(stageChain(text, target)).toStrictEqual(chain)
  })

  test('a FROM loop ends', () => {
    expect(stageChain('FROM b AS a\nFROM a AS b\n', 'a')).toStrictEqual(['a', 'b'])
  })
})

describe('layersAbove', () => {
  const text = [
    'FROM python AS base',
    'RUN apt-get install -y a',
    'FROM base AS nb-download',
    'RUN download',
    'FROM base AS tier1',
    'RUN --mount=type=bind,from=nb-download,target=/nb install',
    'COPY x /x',
    'FROM tier1 AS tier2',
    'ADD y /y',
    'FROM busybox AS other',
    'RUN true',
    ''
  ].join('\n')
  test.each<[string | undefined, string, number | undefined]>([
    ['tier1', 'base', 2],
    ['tier2', 'base', 3],
    ['TIER2', 'tier1', 1],
    ['base', 'base', 0],
    ['other', 'base', undefined],
    [undefined, 'base', undefined],
    ['missing', 'base', undefined]
  ])('%s above %s: %p', (target, below, expected) => {
    expect(layersAbove(text, target, below)).toBe(expected)
  })
})

describe('a Dockerfile BuildKit refuses', () => {
  test.each(['', 'RUN true\n', 'FROM a AS 1bad\n'])('%j: no chain, no layers', (text) => {
    expect(stageChain(text, 'a')).toStrictEqual([])
    expect(layersAbove(text, 'a', 'base')).toBeUndefined()
  })
})
