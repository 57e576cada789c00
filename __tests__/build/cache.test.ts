import { imageCache, type CacheShorthand, type ImageCache } from '../../src/build/cache.js'

describe('imageCache', () => {
  test.each<[CacheShorthand, string, string, ImageCache]>([
    [
      'gha',
      'ghcr.io/acme/notebook-validator',
      'tier2',
      {
        from: ['type=gha,scope=ghcr.io/acme/notebook-validator-tier2'],
        to: ['type=gha,scope=ghcr.io/acme/notebook-validator-tier2,mode=max']
      }
    ],
    [
      'gha',
      'acme/nb',
      'shared',
      { from: ['type=gha,scope=acme/nb-shared'], to: ['type=gha,scope=acme/nb-shared,mode=max'] }
    ],
    [
      'registry',
      '127.0.0.1:5000/acme/nb',
      'tier1',
      {
        from: ['type=registry,ref=127.0.0.1:5000/acme/nb:buildcache-tier1'],
        to: ['type=registry,ref=127.0.0.1:5000/acme/nb:buildcache-tier1,mode=max']
      }
    ]
  ])('%s, %s, %s', (shorthand, repository, name, cache) => {
    expect(imageCache(shorthand, repository, name)).toStrictEqual(cache)
  })
})
