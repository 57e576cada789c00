import { checkNotebookGlob } from '../../src/manifest/field-values.js'

describe('checkNotebookGlob', () => {
  test.each([
    '00-setup/*.ipynb',
    'notebooks/**/*.ipynb',
    './notebooks/*.ipynb',
    'a..b/*.ipynb',
    'notebooks/{train,serve}/*.ipynb',
    '..hidden/x.ipynb',
    'x/...ipynb'
  ])('%j is accepted', (glob) => {
    expect(checkNotebookGlob(glob)).toBeUndefined()
  })

  const EXPECTED = "expected a glob relative to the manifest's folder, e.g. notebooks/*.ipynb"
  test.each<[string, string]>([
    ['/etc/*.ipynb', `"/etc/*.ipynb" is an absolute path; ${EXPECTED}`],
    [
      '\\\\server\\share\\*.ipynb',
      `"\\\\\\\\server\\\\share\\\\*.ipynb" is an absolute path; ${EXPECTED}`
    ],
    ['c:\\nb\\*.ipynb', `"c:\\\\nb\\\\*.ipynb" is an absolute path; ${EXPECTED}`],
    [
      '~root/*.ipynb',
      `"~root/*.ipynb" starts with "~", a home folder outside the repository; ${EXPECTED}`
    ],
    ['..', `".." climbs out of the manifest's folder with ".."; ${EXPECTED}`],
    [
      'a/../../b/*.ipynb',
      `"a/../../b/*.ipynb" climbs out of the manifest's folder with ".."; ${EXPECTED}`
    ],
    ['a\\..\\b', `"a\\\\..\\\\b" climbs out of the manifest's folder with ".."; ${EXPECTED}`],
    [
      '{x,..}/*.ipynb',
      `"{x,..}/*.ipynb" climbs out of the manifest's folder with ".."; ${EXPECTED}`
    ],
    [
      '@(..|x)/*.ipynb',
      `"@(..|x)/*.ipynb" climbs out of the manifest's folder with ".."; ${EXPECTED}`
    ],
    ['a/*.ipynb\nb', `"a/*.ipynb\\nb" contains a line break or NUL; ${EXPECTED}`]
  ])('%j is refused', (glob, message) => {
    expect(checkNotebookGlob(glob)).toBe(message)
  })
})
