import { compileGlob, matchesGlobs } from '../src/glob.js'

describe('compileGlob', () => {
  test.each<[string, string, boolean]>([
    ['/w/reports/*.json', '/w/reports/tier1.json', true],
    ['/w/reports/*.json', '/w/reports/a/tier1.json', false],
    ['/w/reports/*.json', '/w/reports/tier1.json.bak', false],
    ['/w/reports/**/*.json', '/w/reports/tier1.json', true],
    ['/w/reports/**/*.json', '/w/reports/a/b/tier1.json', true],
    ['/w/reports/**/*.json', '/w/other/tier1.json', false],
    ['/w/reports/**', '/w/reports/a/b/c', true],
    ['/w/reports/*/nb-image-report.json', '/w/reports/nb-image-tier1/nb-image-report.json', true],
    ['/w/reports/*/nb-image-report.json', '/w/reports/x/y/nb-image-report.json', false],
    ['/w/report-?.json', '/w/report-1.json', true],
    ['/w/report-?.json', '/w/report-10.json', false],
    ['/w/a.b+c(d)[e].json', '/w/a.b+c(d)[e].json', true],
    ['/w/a.b.json', '/w/aXb.json', false],
    ['/w/.hidden/*.json', '/w/.hidden/r.json', true],
    ['/w/exact.json', '/w/exact.json', true]
  ])('%s matches %s: %s', (pattern, file, expected) => {
    expect(compileGlob(pattern).test(file)).toBe(expected)
  })

  test.each<[string, string, boolean]>([
    ['/w/reports/**/*.json', '/w/reports', false],
    ['/w/reports/*/x.json', '/w/reports', false],
    ['/w/exact.json', '/w/exact.json', false],
    ['/*.json', '/', false],
    ['!/w/old/*.json', '/w/old', true]
  ])('%s searches from %s (exclude %s)', (pattern, root, exclude) => {
    const matcher = compileGlob(pattern)
    expect([matcher.root, matcher.exclude]).toStrictEqual([root, exclude])
  })
})

describe('matchesGlobs', () => {
  const matchers = ['/w/r/**/*.json', '!/w/r/old/**'].map(compileGlob)
  test.each<[string, boolean]>([
    ['/w/r/a.json', true],
    ['/w/r/x/a.json', true],
    ['/w/r/old/a.json', false],
    ['/w/r/a.txt', false]
  ])('%s → %s', (file, expected) => {
    expect(matchesGlobs(file, matchers)).toBe(expected)
  })

  test('only excluding patterns match nothing', () => {
    expect(matchesGlobs('/w/a.json', [compileGlob('!/w/b.json')])).toBe(false)
  })
})
