import { nearest } from '../../src/manifest/schema-issues.js'

describe('nearest', () => {
  const fields = ['pip', 'apt', 'notebooks', 'threshold', 'dockerfile']
  test.each<[string, string | undefined]>([
    ['pipp', 'pip'],
    ['treshold', 'threshold'],
    ['Threshold', 'threshold'],
    ['dockerFile', 'dockerfile'],
    ['notebok', 'notebooks'],
    ['xyz', undefined],
    ['registry', undefined]
  ])('%s → %s', (word, suggestion) => {
    expect(nearest(word, fields)).toBe(suggestion)
  })
})
