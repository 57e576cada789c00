import { checkAptPackage, checkPipRequirement } from '../../src/manifest/packages.js'

const PIP_EXPECTED = 'expected name[extras] with version specifiers, e.g. numpy>=1.26,<2'
const PEP508 =
  'expected letters, digits, ".", "_" and "-", starting and ending with a letter or digit (PEP 508)'
const SHELL = (c: string): string =>
  `contains "${c}", which no pip requirement has; ${PIP_EXPECTED}`
const APT_SHELL = (c: string): string =>
  `contains "${c}", which no Debian package name has; ${DEBIAN_EXPECTED}`
const DEBIAN_VERSION =
  'expected an optional epoch and a version starting with a digit, e.g. git=1:2.39.5-0+deb12u2'
const DEBIAN_EXPECTED =
  'expected lowercase letters, digits, "+", "-" and ".", at least two characters, optionally :arch and =version'

describe('checkPipRequirement', () => {
  test.each([
    'numpy',
    'Django',
    'x',
    'scikit-learn>=1.4,<2',
    'papermill[all]==2.6.0',
    'a[b,c]>=1',
    'a[ b , c ]',
    'foo==1.*',
    'numpy!=1.2.*',
    'bar~=2.1',
    'baz===weird-1',
    'numpy==1.0+local',
    'numpy>=1.0a1',
    'numpy==2.0.0rc1',
    'numpy==1.0.post1.dev2',
    'numpy==1!2.0',
    'numpy==v1.0',
    'numpy >= 1.26 , < 2',
    'numpy (>=1.0)',
    ' numpy ',
    'zope.interface',
    'typing_extensions>4'
  ])('%j is accepted', (spec) => {
    expect(checkPipRequirement(spec)).toBeUndefined()
  })

  test.each<[string, string]>([
    [
      'numpy; curl x | sh',
      `"numpy; curl x | sh": environment markers (";") are not supported; ${PIP_EXPECTED}`
    ],
    [
      'numpy>=1.0; python_version<"3.11"',
      `"numpy>=1.0; python_version<\\"3.11\\"": environment markers (";") are not supported; ${PIP_EXPECTED}`
    ],
    ['$(id)', `"$(id)" ${SHELL('$')}`],
    ['`id`', '"`id`" ' + SHELL('`')],
    ['numpy`id`', '"numpy`id`" ' + SHELL('`')],
    ['numpy|sh', `"numpy|sh" ${SHELL('|')}`],
    ['numpy#x', `"numpy#x" ${SHELL('#')}`],
    ["numpy'", `"numpy'" ${SHELL("'")}`],
    ['-e .', `"-e .": "-e" is not a valid package name: ${PEP508}`],
    ['numpy%', `"numpy%" is not a valid package name: ${PEP508}`],
    [
      '--index-url=https://evil.example/simple',
      `"--index-url=https://evil.example/simple": direct URL references are not supported; ${PIP_EXPECTED}`
    ],
    ['numpy\n>=1', '"numpy\\n>=1" contains a line break or NUL; give one requirement per item'],
    [
      'numpy\r\nscipy',
      '"numpy\\r\\nscipy" contains a line break or NUL; give one requirement per item'
    ],
    ['numpy\0', '"numpy\\u0000" contains a line break or NUL; give one requirement per item'],
    [
      'pkg @ https://example.com/pkg-1.0.whl',
      `"pkg @ https://example.com/pkg-1.0.whl": direct URL references are not supported; ${PIP_EXPECTED}`
    ],
    [
      'https://example.com/pkg.whl',
      `"https://example.com/pkg.whl": direct URL references are not supported; ${PIP_EXPECTED}`
    ],
    [
      'numpy>=abc',
      `"numpy>=abc" is not a valid pip requirement: "abc" is not a PEP 440 version; ${PIP_EXPECTED}`
    ],
    [
      'numpy==1.*+x',
      `"numpy==1.*+x" is not a valid pip requirement: "1.*+x" is not a PEP 440 version; ${PIP_EXPECTED}`
    ],
    [
      'numpy>=1.*',
      `"numpy>=1.*" is not a valid pip requirement: "1.*" is not a PEP 440 version; ${PIP_EXPECTED}`
    ],
    ['==1.0', `"==1.0" is not a valid pip requirement: ${PIP_EXPECTED}`],
    [
      'numpy>=1,',
      `"numpy>=1," is not a valid pip requirement: an empty version specifier (a stray ","); ${PIP_EXPECTED}`
    ],
    ['numpy>1 && rm -rf /', `"numpy>1 && rm -rf /" ${SHELL('&')}`],
    ['numpy===$(id)', `"numpy===$(id)" ${SHELL('$')}`],
    [
      'numpy===1.0/x',
      `"numpy===1.0/x" is not a valid pip requirement: "1.0/x" is not a version; ${PIP_EXPECTED}`
    ],
    [
      'numpy 1.2',
      `"numpy 1.2" is not a valid pip requirement: "1.2" is not a version specifier; ${PIP_EXPECTED}`
    ],
    [
      'a[b c]',
      '"a[b c]": "b c" is not a valid extra name: expected letters, digits, ".", "_" and "-", e.g. papermill[all]'
    ],
    ['a[$(id)]', `"a[$(id)]" ${SHELL('$')}`],
    [
      `${'x'.repeat(90)};`,
      `"${'x'.repeat(77)}...": environment markers (";") are not supported; ${PIP_EXPECTED}`
    ]
  ])('%j is rejected', (spec, message) => {
    expect(checkPipRequirement(spec)).toBe(message)
  })
})

describe('checkAptPackage', () => {
  test.each([
    'python3-sklearn',
    'libgomp1:amd64',
    'git=1:2.39.5-0+deb12u2',
    'libc6:i386=2.36-9',
    'g++',
    'lib++',
    'a.b',
    'curl=7.88.1-10+deb12u8',
    ' curl '
  ])('%j is accepted', (spec) => {
    expect(checkAptPackage(spec)).toBeUndefined()
  })

  test.each<[string, string]>([
    ['Foo', `"Foo" is not a valid Debian package name: ${DEBIAN_EXPECTED}`],
    ['a', `"a" is not a valid Debian package name: ${DEBIAN_EXPECTED}`],
    ['x; rm -rf /', `"x; rm -rf /" ${APT_SHELL(';')}`],
    ['$(id)', `"$(id)" ${APT_SHELL('$')}`],
    ['`id`', '"`id`" ' + APT_SHELL('`')],
    ['git curl', `"git curl" ${APT_SHELL(' ')}`],
    ['curl|sh', `"curl|sh" ${APT_SHELL('|')}`],
    ['-pkg', `"-pkg" is not a valid Debian package name: ${DEBIAN_EXPECTED}`],
    ['pkg/bookworm', `"pkg/bookworm" is not a valid Debian package name: ${DEBIAN_EXPECTED}`],
    ['pkg*', `"pkg*" ${APT_SHELL('*')}`],
    ['pkg=', `"pkg=" is not a valid Debian package name: ${DEBIAN_EXPECTED}`],
    ['pkg=not a version', `"pkg=not a version" ${APT_SHELL(' ')}`],
    ['pkg=abc', `"pkg=abc": "abc" is not a Debian version: ${DEBIAN_VERSION}`],
    ['pkg=1:', `"pkg=1:": "1:" is not a Debian version: ${DEBIAN_VERSION}`],
    [
      'pkg:AMD64',
      '"pkg:AMD64": "AMD64" is not a Debian architecture: expected e.g. amd64 or arm64'
    ],
    ['pkg\nfoo', '"pkg\\nfoo" contains a line break or NUL; give one package per item']
  ])('%j is rejected', (spec, message) => {
    expect(checkAptPackage(spec)).toBe(message)
  })
})
