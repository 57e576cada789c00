// The checks report-file.ts's readReport makes of images[].packages and images[].audit in a
// report read from disk (the baseline of a pull request, the parts of a merge): every field
// the package diff, the drift, the summary and the annotations read. A report of an earlier
// version has neither, which is fine. Pure.

/** Throws the report file's error naming the field and what it should be. */
export type Fail = (field: string, expected: string) => never

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isSize = (value: unknown): boolean =>
  value === null || (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
const isPosition = (value: unknown): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1

/** Checks `items` is an array and each item with `check`, naming `where[i]`. */
function each(
  value: unknown,
  where: string,
  fail: Fail,
  check: (item: Json, at: string) => void
): void {
  if (!Array.isArray(value)) return fail(where, 'an array')
  value.forEach((item: unknown, index) => {
    const at = `${where}[${index}]`
    if (!isObject(item)) fail(at, 'an object')
    else check(item, at)
  })
}

function strings(value: unknown, where: string, fail: Fail): void {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    fail(where, 'an array of strings')
}

function text(item: Json, field: string, where: string, fail: Fail): void {
  if (typeof item[field] !== 'string') fail(`${where}.${field}`, 'a string')
}

/** images[i].packages: the interpreter, the three lists, the notes. */
export function checkPackages(value: unknown, where: string, fail: Fail): void {
  if (!isObject(value)) return fail(where, 'an object')
  const interpreter = value['interpreter']
  if (
    interpreter !== null &&
    (!isObject(interpreter) || typeof interpreter['version'] !== 'string')
  )
    fail(`${where}.interpreter`, 'null or an object with a version')
  const listed = (item: Json, at: string): void => {
    text(item, 'name', at, fail)
    text(item, 'version', at, fail)
    if (!isSize(item['sizeBytes'])) fail(`${at}.sizeBytes`, 'a non-negative integer or null')
  }
  each(value['python'], `${where}.python`, fail, (item, at) => {
    listed(item, at)
    const owner = item['debianPackage']
    if (owner !== undefined && typeof owner !== 'string') fail(`${at}.debianPackage`, 'a string')
  })
  each(value['debian'], `${where}.debian`, fail, listed)
  each(value['rpm'], `${where}.rpm`, fail, listed)
  strings(value['notes'], `${where}.notes`, fail)
}

const AUDIT_STATUSES = ['passed', 'failed', 'unchecked']
const NOTEBOOK_STATUSES = ['ok', 'missing', 'error', 'skipped']

/** images[i].audit: its status, and each tier's notebooks with what they lack. */
export function checkAudit(value: unknown, where: string, fail: Fail): void {
  if (!isObject(value)) return fail(where, 'an object')
  if (!AUDIT_STATUSES.includes(value['status'] as string))
    fail(`${where}.status`, AUDIT_STATUSES.join(', '))
  strings(value['notes'], `${where}.notes`, fail)
  each(value['tiers'], `${where}.tiers`, fail, (tier, at) => {
    text(tier, 'tier', at, fail)
    strings(tier['notes'], `${at}.notes`, fail)
    each(tier['unused'], `${at}.unused`, fail, (unused, u) => text(unused, 'spec', u, fail))
    each(tier['notebooks'], `${at}.notebooks`, fail, (notebook, n) =>
      checkNotebook(notebook, n, fail)
    )
  })
}

function checkNotebook(notebook: Json, where: string, fail: Fail): void {
  text(notebook, 'path', where, fail)
  if (!NOTEBOOK_STATUSES.includes(notebook['status'] as string))
    fail(`${where}.status`, NOTEBOOK_STATUSES.join(', '))
  strings(notebook['notes'], `${where}.notes`, fail)
  each(notebook['resolved'], `${where}.resolved`, fail, (item, at) =>
    text(item, 'module', at, fail)
  )
  each(notebook['errors'], `${where}.errors`, fail, (error, at) => {
    text(error, 'kind', at, fail)
    text(error, 'message', at, fail)
  })
  each(notebook['installs'], `${where}.installs`, fail, (install, at) => {
    text(install, 'command', at, fail)
    if (!isPosition(install['cell'])) fail(`${at}.cell`, 'a positive integer')
  })
  each(notebook['missing'], `${where}.missing`, fail, (missing, at) => {
    text(missing, 'module', at, fail)
    if (typeof missing['optional'] !== 'boolean') fail(`${at}.optional`, 'true or false')
    if (!isObject(missing['likely'])) fail(`${at}.likely`, 'an object')
    each(missing['sites'], `${at}.sites`, fail, (site, s) => {
      if (!isPosition(site['cell']) || !isPosition(site['line']))
        fail(s, 'an object with a cell and a line (positive integers)')
    })
  })
}
