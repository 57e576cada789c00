import { fieldPath } from '../../src/manifest/fields.js'

describe('fieldPath', () => {
  test.each<[(string | number)[], string]>([
    [[], ''],
    [['image'], 'image'],
    [['tiers', 'tier2', 'threshold'], 'tiers.tier2.threshold'],
    [['tiers', 'tier1', 'pip', 0], 'tiers.tier1.pip[0]'],
    [['tiers', '1tier'], 'tiers["1tier"]'],
    [['tiers', 'a.b'], 'tiers["a.b"]'],
    [['buildArgs', 'MY_ARG'], 'buildArgs.MY_ARG']
  ])('%j → %s', (path, text) => {
    expect(fieldPath(path)).toBe(text)
  })
})
