// Why a resolution failed, told the way a user can act on it: located at the manifest's and
// the requirements files' lines (pip names its own copies of them: RequirementSources maps
// those back), naming the tiers, the packages and what pip said, never a stack trace.
// The resolver reports a failure as one `nb-pip-error {json}` line in the build log
// (resolver.py); a build that failed before it ran (no python3, no base image) is told from
// BuildKit's own error. Pure. Over 350 lines because every kind of failure (conflict,
// missing package, broken line, index down, no pip) uses the same locating helpers; one
// file keeps each message next to the others it must read like.
import type { Manifest } from '../manifest/types.js'
import { ManifestError, NbImageError, type ManifestIssue } from '../utils/errors.js'
import type { LineOrigin, RequirementSources } from './inputs.js'

/** The resolution failed for a reason no line of the manifest or a requirements file holds. */
export class ResolutionError extends NbImageError {
  override readonly name = 'ResolutionError'
}

/** What the explanations need to know about the run. */
export interface ErrorContext {
  manifest: Manifest
  baseImage: string
  sources: RequirementSources
  /** The generated tiers, in manifest order. */
  tiers: string[]
  /** The indexes without credentials (empty: the base image's own pip settings). */
  indexes: string[]
}

/** The marker of the resolver's error line in the build log. */
export const ERROR_MARKER = 'nb-pip-error '

const TITLE = 'Python packages cannot be resolved'
const PREFIX = 'Python packages: '

/** The resolver's error line among the build's log lines (`#7 nb-pip-error {…}`), parsed. */
export function findResolverError(lines: readonly string[]): Record<string, unknown> | undefined {
  for (const line of [...lines].reverse()) {
    const at = line.indexOf(ERROR_MARKER)
    if (at < 0) continue
    try {
      const parsed: unknown = JSON.parse(line.slice(at + ERROR_MARKER.length))
      if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>
    } catch {
      // A line cut short: look further back.
    }
  }
  return undefined
}

/** The error to throw for the resolver's own report of a failure. */
export function resolverFailure(
  detail: Record<string, unknown>,
  context: ErrorContext
): NbImageError {
  const base = `base image ${context.baseImage}`
  const python = typeof detail['python'] === 'string' ? `Python ${detail['python']}` : 'Python'
  switch (detail['kind']) {
    case 'python-incomplete':
      return baseImageError(
        context,
        `${base} has ${python} without its "${String(detail['missing'])}" module (a minimal Python such as Debian's python3-minimal), so pip cannot run in it; ${USE_PIP_BASE}`
      )
    case 'no-pip':
      return baseImageError(context, `${base} has ${python} but no pip; ${USE_PIP_BASE}`)
    case 'pip-broken':
      return baseImageError(
        context,
        `pip does not start in ${base}: ${lines(detail['output']).join(' ') || 'no output'}; ${USE_PIP_BASE}`
      )
    case 'old-pip':
      return baseImageError(
        context,
        `${base} has pip ${String(detail['pip'])}, older than 22.2, the first pip that can report a resolution (install --dry-run --report); upgrade pip in the base image (python3 -m pip install --upgrade pip)`
      )
    case 'externally-managed':
      return baseImageError(
        context,
        `${base}'s Python is managed by the system's package manager (PEP 668, "externally-managed-environment"), so pip may not install into it; use a base image with a virtual environment first on PATH (as the official python images and the OpenShift AI workbench images have)`
      )
    case 'unsupported':
      return locatedOrNot(
        `${String(detail['package'])} comes from ${String(detail['url'])}, ${String(detail['reason'])}: the images install only files from a package index, pinned by hash`,
        context.sources.linesNaming(String(detail['package']), allImages(context)),
        (text) => `"${text}" is not from a package index; give a name and version the index has`
      )
    case 'pip':
      return pipFailure(detail, context)
    default:
      return new ResolutionError(
        `${PREFIX}the resolution failed (${JSON.stringify(detail).slice(0, 300)})`
      )
  }
}

const USE_PIP_BASE =
  'use a base image with python3 and pip (e.g. one with a virtual environment first on PATH, as the official python images have), or install them in it (Debian: python3-venv, then python3 -m venv)'

/** A problem of the base image, at the manifest's baseImage line. */
function baseImageError(context: ErrorContext, message: string): ManifestError {
  const { manifest } = context
  const where = manifest.positions['baseImage'] ?? { line: 1, column: 1 }
  return new ManifestError(
    [{ file: manifest.file, line: where.line, column: where.column, field: 'baseImage', message }],
    { summary: `${PREFIX}${message}`, title: TITLE }
  )
}

/**
 * The error for a failed build of the resolution stage that left no resolver error: the
 * base image has no python3, cannot be found, or BuildKit failed for its own reasons.
 */
export function buildFailure(logLines: readonly string[], context: ErrorContext): NbImageError {
  const text = logLines.join('\n')
  if (
    /executable file not found in \$PATH|exec: "?python3"?: .*not found|no such file or directory.*python3/.test(
      text
    )
  ) {
    return baseImageError(
      context,
      `base image ${context.baseImage} has no python3, so its Python packages cannot be installed; ${USE_PIP_BASE}`
    )
  }
  const missing =
    /failed to resolve source metadata for (\S+?):? .*|pull access denied[^\n]*|(\S+): not found/.exec(
      text
    )
  if (missing) {
    return baseImageError(
      context,
      `base image ${context.baseImage} cannot be found: ${lastError(logLines) ?? missing[0]}`
    )
  }
  return new ResolutionError(
    `${PREFIX}building the resolution failed: ${lastError(logLines) ?? 'docker buildx bake failed'}`
  )
}

function lastError(logLines: readonly string[]): string | undefined {
  return [...logLines]
    .reverse()
    .map((line) => line.replace(/^#\d+ /, ''))
    .find((line) => line.startsWith('ERROR'))
    ?.replace(/^ERROR:\s*/, '')
}

/** Every image a resolution covers: base, the generated tiers, shared. */
function allImages(context: ErrorContext): string[] {
  return ['base', ...context.tiers, 'shared']
}

/** pip failed: a conflict, a bad line, a package or version not found, the index. */
function pipFailure(detail: Record<string, unknown>, context: ErrorContext): NbImageError {
  const output = lines(detail['output'])
  const log = lines(detail['log'])
  const images = lines(detail['images'])
  const text = output.join('\n')
  if (/ResolutionImpossible/.test(text)) return conflict(output, images, context)
  const invalid =
    /(?:Invalid requirement: (.*?)|(.*?)) \(from line (\d+) of (\/nb\/in\/[^)]+)\)/.exec(text)
  if (invalid) {
    const origin = context.sources.origin(invalid[4] ?? '', Number(invalid[3]))
    const said = errorLines(output).join(' ')
    if (origin) {
      return new ManifestError([{ ...origin, message: `pip cannot read this line: ${said}` }], {
        summary: `${PREFIX}pip cannot read ${origin.file} line ${origin.line}: ${said}`,
        title: TITLE
      })
    }
  }
  const index = indexProblem([...output, ...log], context)
  if (index) return new ResolutionError(`${PREFIX}${index}`)
  const notFound =
    /Could not find a version that satisfies the requirement (\S+)(?: \(from ([^)]*)\))? \(from versions: ([^)]*)\)/.exec(
      text
    )
  if (notFound) return packageNotFound(notFound, output, images, context)
  const step = STEPS[String(detail['step'])] ?? 'resolving'
  return new ResolutionError(
    `${PREFIX}pip failed while ${step} (${images.join(', ')}): ${errorLines(output).join(' ') || output.slice(-5).join(' ')}`
  )
}

const STEPS: Record<string, string> = {
  union: 'resolving every tier together',
  conflict: 'resolving every tier together',
  image: 'resolving one image',
  split: 'working out what each image installs',
  download: 'downloading the resolved files',
  wheel: 'building a wheel from a source distribution'
}

/** The index did not answer, refused the credentials, or is not trusted: why, in words. */
function indexProblem(lines: string[], context: ErrorContext): string | undefined {
  const fetchFailure = lines.find(
    (line) => /Could not fetch URL/.test(line) && !/404 Client Error/.test(line)
  )
  const retry = lines.find((line) =>
    /Retrying \(|NewConnectionError|ReadTimeout|ConnectTimeout/.test(line)
  )
  const untrusted = lines.find((line) => /not a trusted or secure host/.test(line))
  const indexes =
    context.indexes.length > 0
      ? context.indexes.join(', ')
      : `the index the base image's pip is set up for (pip's default: https://pypi.org/simple/)`
  if (fetchFailure && /\b401 Client Error/.test(fetchFailure)) {
    return `the package index refused the request (401 Unauthorized: ${fetchFailure}); give its credentials in the pip-index-url (or pip-extra-index-url) input, e.g. https://user:token@host/simple from a secret`
  }
  if (fetchFailure && /\b403 Client Error/.test(fetchFailure)) {
    return `the package index refused access (403 Forbidden: ${fetchFailure}); check that the credentials in pip-index-url may read it`
  }
  if (untrusted) return `pip refused a plain-HTTP index: ${untrusted}`
  const problem = fetchFailure ?? retry
  if (!problem) return undefined
  const reason = /Connection refused/.test(problem)
    ? 'connection refused'
    : /timed out|Timeout/i.test(problem)
      ? 'it timed out'
      : /\b5\d\d\b/.test(problem)
        ? 'it answered with server errors'
        : /Name or service not known|Temporary failure in name resolution|nodename nor servname/.test(
              problem
            )
          ? 'its host name does not resolve'
          : 'the request failed'
  return `the package index did not answer (${reason}): ${indexes}. pip said: ${problem}`
}

/** No version of a requirement on the index: which tier asks for it, and where. */
function packageNotFound(
  match: RegExpExecArray,
  output: string[],
  images: string[],
  context: ErrorContext
): NbImageError {
  const [, requirement = '', parent, versions = ''] = match
  const project = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(requirement)?.[0] ?? requirement
  const scope = images.length > 0 ? images : allImages(context)
  let located = context.sources.linesNaming(project, scope)
  let via = ''
  if (located.length === 0 && parent !== undefined) {
    const parentProject = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(parent.trim())?.[0] ?? parent
    located = context.sources.linesNaming(parentProject, scope)
    via = ` (a dependency of ${parentProject})`
  }
  // pip prints this after any failure; it can only explain a project with no version at all.
  const ignored =
    versions.trim() === 'none'
      ? output.find((line) => /Ignored the following versions/.test(line))
      : undefined
  const available =
    versions.trim() === 'none'
      ? `the package index has no project ${project}`
      : `no version of ${project} there matches (it has ${versions.trim()})`
  const where = context.indexes.length > 0 ? ` (${context.indexes.join(', ')})` : ''
  const message = `${requirement}${via}: ${available}${where}${ignored ? `; ${ignored.replace(/^ERROR:\s*/, '')}` : ''}`
  return locatedOrNot(message, located, (text) => `"${text}": ${message}`)
}

/** Two tiers (or a tier and the base) whose requirements cannot be installed together. */
function conflict(output: string[], images: string[], context: ErrorContext): NbImageError {
  const tiers = images.filter((image) => image !== 'base')
  // A tier failing with the base alone is the two of them; else the tiers pip was given.
  const blamed = tiers.length <= 1 ? images : tiers
  const blamedProjects = new Set(context.sources.projectLines(blamed).map((line) => line.project))
  const allCauses = conflictCauses(output)
  // Backtracking makes pip list the base's packages and older versions too: keep the lines
  // about what the blamed tiers ask for, unless that leaves none.
  const relevant = allCauses.filter((cause) => {
    const name = causeProject(cause)
    return name !== undefined && blamedProjects.has(name)
  })
  const causes = relevant.length > 0 ? relevant : allCauses
  const named = new Set<string>()
  for (const cause of causes) {
    const name = causeProject(cause)
    if (name !== undefined) named.add(name)
  }
  const cannot = output.find((line) => /Cannot install /.test(line)) ?? ''
  const issues: ManifestIssue[] = []
  const add = (origin: LineOrigin, message: string): void => {
    const same = (issue: ManifestIssue): boolean =>
      issue.file === origin.file && issue.line === origin.line && issue.column === origin.column
    if (!issues.some(same)) issues.push({ ...origin, message })
  }
  for (const [, file = '', line = ''] of cannot.matchAll(/-r (\/nb\/in\/\S+) \(line (\d+)\)/g)) {
    const origin = context.sources.origin(file, Number(line))
    if (origin && blamed.some((image) => belongsTo(origin, image, context))) add(origin, '')
  }
  for (const name of [...named, ...namesIn(cannot)]) {
    for (const line of context.sources.linesNaming(name, blamed))
      if (blamed.some((image) => belongsTo(line.origin, image, context))) add(line.origin, '')
  }
  const what =
    blamed.length === 1
      ? `the requirements of ${blamed[0]} cannot be installed together`
      : blamed.length === 2 && blamed[0] === 'base'
        ? `tier ${blamed[1]} cannot be installed on top of the base's packages`
        : `tiers ${joinAnd(blamed)} cannot be installed together`
  const because = causes.length > 0 ? `: ${causes.join('; ')}` : ''
  const advice =
    (context.manifest.pythonConsistency ?? 'all-tiers') === 'all-tiers' && tiers.length >= 2
      ? ' Change one of their requirements, or set pythonConsistency: per-tier to resolve each tier on its own (then build them with strategy multi-stage: a shared image would hold both)'
      : ' Change one of the requirements'
  const summary = `${PREFIX}${what}${because}.${advice}.`
  const located = issues.map((issue) => ({
    ...issue,
    message: `${describeOwner(issue, context)} conflicts${blamed.length > 1 ? ` with ${joinAnd(blamed.filter((image) => !belongsTo(issue, image, context)))}` : ''}${because}`
  }))
  return located.length > 0
    ? new ManifestError(located, { summary, title: TITLE })
    : new ResolutionError(summary)
}

/** pip's "The conflict is caused by:" lines, each package once (its first, newest, version). */
export function conflictCauses(output: string[]): string[] {
  const start = output.findIndex((line) => /The conflict is caused by:/.test(line))
  const causes: string[] = []
  const seen = new Set<string>()
  if (start >= 0) {
    for (const line of output.slice(start + 1)) {
      if (/^\S/.test(line) && !/^(The user requested|[A-Za-z0-9])/.test(line.trim())) break
      if (/^To fix this|^ERROR|^\d+\./.test(line.trim())) break
      const cause = line.trim()
      const key = cause.replace(/^The user requested /, 'user ').split(' ')[0] ?? cause
      const whose = cause.startsWith('The user requested') ? cause : key
      if (seen.has(whose)) continue
      seen.add(whose)
      causes.push(cause)
    }
  }
  return causes
}

/** The project a cause line is about: `nbt-train 2.0.0 depends on …`, `The user requested x<2`. */
function causeProject(cause: string): string | undefined {
  const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(cause.replace(/^The user requested /, ''))?.[1]
  return name?.toLowerCase().replace(/[-_.]+/g, '-')
}

/** Project names in pip's "Cannot install a==1, b[x]==2 and c because" sentence. */
function namesIn(sentence: string): string[] {
  const list = /Cannot install (.*?) because/.exec(sentence)?.[1] ?? ''
  return list
    .split(/, | and /)
    .filter((item) => !item.startsWith('-r '))
    .map((item) => /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(item.trim())?.[0])
    .filter((name): name is string => name !== undefined)
    .map((name) => name.toLowerCase().replace(/[-_.]+/g, '-'))
}

/** Whether a located line is one of this image's own requirements (the base's for `base`). */
function belongsTo(origin: LineOrigin, image: string, context: ErrorContext): boolean {
  return context.sources.owns(image, origin)
}

function describeOwner(origin: LineOrigin, context: ErrorContext): string {
  const owner = allImages(context).find((image) => belongsTo(origin, image, context))
  const line = context.sources
    .projectLines(owner ? [owner] : [])
    .find(
      (candidate) =>
        candidate.origin.file === origin.file &&
        candidate.origin.line === origin.line &&
        candidate.origin.column === origin.column
    )
  const what = line ? `"${line.text}"` : 'this requirement'
  return owner === undefined
    ? what
    : owner === 'base'
      ? `${what} (base)`
      : `${what} of tier ${owner}`
}

/** Located at every line that names the package, or unlocated when none does. */
function locatedOrNot(
  message: string,
  located: { text: string; origin: LineOrigin }[],
  perLine: (text: string) => string
): NbImageError {
  if (located.length === 0) return new ResolutionError(`${PREFIX}${message}`)
  return new ManifestError(
    located.map((line) => ({ ...line.origin, message: perLine(line.text) })),
    { summary: `${PREFIX}${message}`, title: TITLE }
  )
}

function errorLines(output: string[]): string[] {
  return output.filter((line) => /^ERROR:/.test(line)).map((line) => line.replace(/^ERROR:\s*/, ''))
}

function lines(value: unknown): string[] {
  return Array.isArray(value) ? value.map((line) => String(line)) : []
}

function joinAnd(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`
}
