// Package specs come from pull requests and end up in a Dockerfile, so only the plain,
// well-defined forms are accepted: a PEP 508 name with optional extras and PEP 440
// version specifiers, and a Debian package name with optional architecture and version.
// URLs, environment markers and anything else are refused rather than escaped.

const PEP508_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/
// PEP 440's permissive version pattern (as in `packaging.version.VERSION_PATTERN`).
const PEP440_VERSION =
  /^v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i
const SPECIFIER = /^(~=|===|==|!=|<=|>=|<|>)\s*(\S+)$/
const PIP_EXPECTED = 'expected name[extras] with version specifiers, e.g. numpy>=1.26,<2'
// Characters that mean something to a shell and appear in no valid requirement or Debian
// package: naming the one found tells an author (or a reviewer of a hostile PR) exactly why.
const SHELL_CHARACTER = /[$`|&'"\\{}?#]/

/**
 * Checks one pip requirement such as `scikit-learn>=1.4,<2` or `papermill[all]==2.6.0`.
 * Returns a message describing the problem, or undefined when the spec is acceptable.
 */
export function checkPipRequirement(spec: string): string | undefined {
  const text = spec.trim()
  if (/[\r\n\0]/.test(spec))
    return `${show(spec)} contains a line break or NUL; give one requirement per item`
  if (text.includes(';')) {
    return `${show(spec)}: environment markers (";") are not supported; ${PIP_EXPECTED}`
  }
  if (text.includes('@') || text.includes('://')) {
    return `${show(spec)}: direct URL references are not supported; ${PIP_EXPECTED}`
  }
  const shell = SHELL_CHARACTER.exec(text)
  if (shell)
    return `${show(spec)} contains ${show(shell[0])}, which no pip requirement has; ${PIP_EXPECTED}`
  const match = /^([^\s[\]<>=!~,]+)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(text)
  if (!match) return invalidPip(spec)
  const [, name = '', extras, rest = ''] = match
  if (!PEP508_NAME.test(name)) {
    // When the whole spec is the bad name, say it once.
    const subject = name === text ? show(spec) : `${show(spec)}: "${name}"`
    return `${subject} is not a valid package name: expected letters, digits, ".", "_" and "-", starting and ending with a letter or digit (PEP 508)`
  }
  if (extras !== undefined) {
    for (const extra of extras.split(',').map((e) => e.trim())) {
      if (!PEP508_NAME.test(extra)) {
        return `${show(spec)}: "${extra}" is not a valid extra name: expected letters, digits, ".", "_" and "-", e.g. papermill[all]`
      }
    }
  }
  const specifiers = rest.trim()
  if (specifiers === '') return undefined
  const stripped = specifiers.replace(/^\((.*)\)$/, '$1')
  for (const part of stripped.split(',')) {
    if (part.trim() === '') return invalidPip(spec, 'an empty version specifier (a stray ",")')
    const specifier = SPECIFIER.exec(part.trim())
    if (!specifier) return invalidPip(spec, `"${part.trim()}" is not a version specifier`)
    const [, operator = '', version = ''] = specifier
    const wildcard = (operator === '==' || operator === '!=') && version.endsWith('.*')
    const bare = wildcard ? version.slice(0, -2) : version
    if (operator === '===') {
      if (!/^[A-Za-z0-9._+!-]+$/.test(version))
        return invalidPip(spec, `"${version}" is not a version`)
    } else if (!PEP440_VERSION.test(bare) || (wildcard && bare.includes('+'))) {
      return invalidPip(spec, `"${version}" is not a PEP 440 version`)
    }
  }
  return undefined
}

function invalidPip(spec: string, detail?: string): string {
  const reason = detail ? `${detail}; ` : ''
  return `${show(spec)} is not a valid pip requirement: ${reason}${PIP_EXPECTED}`
}

// Debian policy 5.6.1 (names), 5.6.12 (versions); `name:arch=version` is what apt-get takes.
const DEBIAN_NAME = /^[a-z0-9][a-z0-9+.-]+$/
const DEBIAN_ARCH = /^[a-z0-9][a-z0-9-]*$/
const DEBIAN_VERSION = /^(?:[0-9]+:)?[0-9][A-Za-z0-9.+~-]*$/
const APT_EXPECTED =
  'expected lowercase letters, digits, "+", "-" and ".", at least two characters, optionally :arch and =version'

/**
 * Checks one apt package such as `python3-sklearn`, `libgomp1:amd64` or `git=1:2.39.5-0+deb12u2`.
 * Returns a message describing the problem, or undefined when the name is acceptable.
 */
export function checkAptPackage(spec: string): string | undefined {
  const text = spec.trim()
  if (/[\r\n\0]/.test(spec))
    return `${show(spec)} contains a line break or NUL; give one package per item`
  const shell = SHELL_CHARACTER.exec(text) ?? /[;<>()*\s]/.exec(text)
  if (shell)
    return `${show(spec)} contains ${show(shell[0])}, which no Debian package name has; ${APT_EXPECTED}`
  const match = /^([^:=]+)(?::([^=]+))?(?:=(.+))?$/.exec(text)
  const [, name = '', arch, version] = match ?? []
  if (!match || !DEBIAN_NAME.test(name)) {
    return `${show(spec)} is not a valid Debian package name: ${APT_EXPECTED}`
  }
  if (arch !== undefined && !DEBIAN_ARCH.test(arch))
    return `${show(spec)}: "${arch}" is not a Debian architecture: expected e.g. amd64 or arm64`
  if (version !== undefined && !DEBIAN_VERSION.test(version))
    return `${show(spec)}: "${version}" is not a Debian version: expected an optional epoch and a version starting with a digit, e.g. git=1:2.39.5-0+deb12u2`
  return undefined
}

function show(spec: string): string {
  return JSON.stringify(spec.length > 80 ? `${spec.slice(0, 77)}...` : spec)
}
