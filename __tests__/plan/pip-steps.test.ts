import { normalizePip } from '../../src/plan/pip-steps.js'

describe('normalizePip', () => {
  test.each<[string, string]>([
    ['numpy', 'numpy'],
    ['NumPy', 'numpy'],
    [' scikit_learn ', 'scikit-learn'],
    ['zope.interface', 'zope-interface'],
    ['Foo__Bar--baz', 'foo-bar-baz']
  ])('%j → %j', (spec, normal) => {
    expect(normalizePip(spec)).toBe(normal)
  })
})
