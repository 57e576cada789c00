// The probe's stdout → the report's packages and audit. The probe is ours, but it runs in an
// image the pull request built (a sitecustomize may print, a broken interpreter may say
// anything): the last line is read as the document, every field is checked, and anything
// unexpected becomes a sentence, never an exception. Pure. One file for the reason it is
// long: it is the checker of one document (the probe's output, version 1), field by field.
import type {
  ImagePackages,
  MissingModule,
  NotebookAudit,
  PythonPackage,
  SystemPackage,
  TierAudit,
  UnusedPackage
} from '../report/contents.js'
import type {
  ProbeDocument,
  ProbeModule,
  ProbeNotebookReport,
  ProbeSystemPackage,
  ProbeTierReport
} from './probe-io.js'

/** A probe document, or why there is none. */
export type ProbeReading = { document: ProbeDocument } | { problem: string }

/** Reads the probe's output: the last line of stdout, one JSON document of schema 1. */
export function readProbeOutput(stdout: string): ProbeReading {
  const line = stdout.trimEnd().split('\n').at(-1)?.trim() ?? ''
  if (line === '') return { problem: 'the probe printed nothing' }
  let data: unknown
  try {
    data = JSON.parse(line)
  } catch {
    return { problem: `the probe printed no JSON document (last line: ${clip(line)})` }
  }
  if (!isObject(data) || data['schemaVersion'] !== 1) {
    return { problem: 'the probe printed a document of another schema' }
  }
  const fatal = data['fatal']
  if (isObject(fatal)) {
    const message = typeof fatal['message'] === 'string' ? fatal['message'] : 'no reason given'
    return { problem: `the probe stopped: ${message}` }
  }
  try {
    return { document: checkDocument(data) }
  } catch (error) {
    return { problem: `the probe's document is not readable: ${(error as Error).message}` }
  }
}

/** The packages of a probe document, as the report records them. */
export function packagesOf(document: ProbeDocument): ImagePackages {
  return {
    interpreter: document.python
      ? {
          version: document.python.version,
          executable: document.python.executable,
          venv: document.python.venv
        }
      : null,
    python: document.distributions.map((dist): PythonPackage => {
      const entry: PythonPackage = {
        name: dist.name,
        version: dist.version,
        sizeBytes: dist.sizeBytes,
        sizeSource:
          dist.sizeBytes === null
            ? null
            : dist.sizeSource === 'dpkg Installed-Size'
              ? 'estimated'
              : 'measured',
        location: dist.locationKind
      }
      if (dist.debianPackage) entry.debianPackage = dist.debianPackage
      return entry
    }),
    debian: (document.debian ?? []).map(systemPackage),
    rpm: (document.rpm ?? []).map(systemPackage),
    notes: document.notes
  }
}

/** The audit of each tier in a probe document, as the report records it. */
export function tierAudits(document: ProbeDocument): TierAudit[] {
  return document.tiers.map((tier) => ({
    tier: tier.name,
    notebooks: tier.notebooks.map(notebookAudit),
    unused: unusedOf(tier),
    notes: tier.notes
  }))
}

function systemPackage(pkg: ProbeSystemPackage): SystemPackage {
  const entry: SystemPackage = {
    name: pkg.name,
    version: pkg.version,
    // dpkg's Installed-Size is optional: 0 then means "not declared".
    sizeBytes: pkg.installedSizeBytes > 0 ? pkg.installedSizeBytes : null
  }
  if (pkg.architecture) entry.architecture = pkg.architecture
  return entry
}

function notebookAudit(notebook: ProbeNotebookReport): NotebookAudit {
  const resolved = notebook.modules
    .filter((module) => module.status === 'found')
    .map((module) => {
      const provider = module.debianPackage ?? module.distributions?.[0]
      return provider ? { module: module.name, package: provider } : { module: module.name }
    })
  return {
    path: notebook.path,
    status: notebook.status,
    resolved,
    missing: notebook.modules.filter((module) => module.status === 'missing').map(missingModule),
    errors: notebook.errors.map((error) => {
      const problem: NotebookAudit['errors'][number] = { kind: error.kind, message: error.message }
      if (error.cell !== undefined) problem.cell = error.cell
      // Without a cell (a notebook that is not valid JSON), the line is the file's.
      if (error.line !== undefined) {
        if (error.cell === undefined) problem.fileLine = error.line
        else problem.line = error.line
      }
      return problem
    }),
    installs: notebook.installs.map((install) => ({
      manager: install.manager,
      command: install.command,
      cell: install.cell,
      line: install.line,
      packages: install.packages.map((pkg) => pkg.spec)
    })),
    notes: notebook.notes
  }
}

function missingModule(module: ProbeModule): MissingModule {
  const missing: MissingModule = {
    module: module.name,
    optional: module.optional,
    stdlib: module.kind === 'stdlib',
    likely: module.likelyPackage ?? { pypi: module.name, debian: null, guess: true },
    sites: module.occurrences.map((occurrence) => {
      const site: MissingModule['sites'][number] = {
        cell: occurrence.cell,
        line: occurrence.line
      }
      if (occurrence.executionCount !== undefined) site.executionCount = occurrence.executionCount
      return site
    })
  }
  if (module.installedByNotebook) missing.installedByNotebook = module.installedByNotebook
  return missing
}

function unusedOf(tier: ProbeTierReport): UnusedPackage[] {
  const entries = (
    list: ProbeTierReport['unused'],
    reason: UnusedPackage['reason']
  ): UnusedPackage[] =>
    (list ?? []).map((item) => {
      const entry: UnusedPackage = { manager: item.manager, spec: item.spec, reason }
      if (item.version !== undefined) entry.version = item.version
      if (item.sizeBytes !== undefined) entry.sizeBytes = item.sizeBytes
      return entry
    })
  return [
    ...entries(tier.unused, 'unused'),
    ...entries(tier.noModules, 'no-modules'),
    ...entries(tier.notInstalled, 'not-installed')
  ]
}

// ---------------------------------------------------------------------------------------
// Checking the document, field by field. Each check throws an Error naming the field.

type Json = Record<string, unknown>

function checkDocument(data: Json): ProbeDocument {
  const python = data['python']
  const document: ProbeDocument = {
    schemaVersion: 1,
    notes: strings(data['notes'] ?? [], 'notes'),
    distributions: list(data['distributions'] ?? [], 'distributions').map((item, i) => {
      const where = `distributions[${i}]`
      const dist: ProbeDocument['distributions'][number] = {
        name: text(item['name'], `${where}.name`),
        version: text(item['version'] ?? '', `${where}.version`),
        location: text(item['location'] ?? '', `${where}.location`),
        locationKind: text(item['locationKind'] ?? 'other', `${where}.locationKind`),
        sizeBytes: size(item['sizeBytes'], `${where}.sizeBytes`)
      }
      if (typeof item['sizeSource'] === 'string') dist.sizeSource = item['sizeSource']
      if (typeof item['debianPackage'] === 'string') dist.debianPackage = item['debianPackage']
      return dist
    }),
    debian: systemList(data['debian'], 'debian'),
    rpm: systemList(data['rpm'], 'rpm'),
    tiers: list(data['tiers'] ?? [], 'tiers').map(checkTier)
  }
  if (isObject(python)) {
    document.python = {
      version: text(python['version'], 'python.version'),
      executable: text(python['executable'] ?? '', 'python.executable'),
      venv: python['venv'] === true
    }
  }
  return document
}

function systemList(value: unknown, where: string): ProbeDocument['debian'] {
  if (value === null || value === undefined) return null
  return list(value, where).map((item, i) => ({
    name: text(item['name'], `${where}[${i}].name`),
    version: text(item['version'] ?? '', `${where}[${i}].version`),
    architecture: text(item['architecture'] ?? '', `${where}[${i}].architecture`),
    installedSizeBytes: size(item['installedSizeBytes'], `${where}[${i}].installedSizeBytes`) ?? 0
  }))
}

function checkTier(item: Json, index: number): ProbeTierReport {
  const where = `tiers[${index}]`
  const unused = (key: string): ProbeTierReport['unused'] =>
    list(item[key] ?? [], `${where}.${key}`).map((entry, i) => {
      const manager = entry['manager']
      if (manager !== 'pip' && manager !== 'apt')
        throw new Error(`${where}.${key}[${i}].manager: expected pip or apt`)
      const out: NonNullable<ProbeTierReport['unused']>[number] = {
        manager,
        spec: text(entry['spec'], `${where}.${key}[${i}].spec`)
      }
      if (typeof entry['version'] === 'string') out.version = entry['version']
      if (entry['sizeBytes'] !== undefined)
        out.sizeBytes = size(entry['sizeBytes'], `${where}.${key}[${i}].sizeBytes`)
      return out
    })
  return {
    name: text(item['name'], `${where}.name`),
    notebooks: list(item['notebooks'] ?? [], `${where}.notebooks`).map((notebook, i) =>
      checkNotebook(notebook, `${where}.notebooks[${i}]`)
    ),
    notes: strings(item['notes'] ?? [], `${where}.notes`),
    unused: unused('unused'),
    noModules: unused('noModules'),
    notInstalled: unused('notInstalled')
  }
}

const NOTEBOOK_STATUSES = ['ok', 'missing', 'error', 'skipped'] as const
const MODULE_STATUSES = ['found', 'missing', 'local'] as const

function checkNotebook(item: Json, where: string): ProbeNotebookReport {
  const status = item['status']
  if (!(NOTEBOOK_STATUSES as readonly unknown[]).includes(status))
    throw new Error(`${where}.status: expected ${NOTEBOOK_STATUSES.join(', ')}`)
  return {
    path: text(item['path'], `${where}.path`),
    status: status as ProbeNotebookReport['status'],
    errors: list(item['errors'] ?? [], `${where}.errors`).map((error, i) => {
      const entry: ProbeNotebookReport['errors'][number] = {
        kind: text(error['kind'], `${where}.errors[${i}].kind`),
        message: text(error['message'], `${where}.errors[${i}].message`)
      }
      const cell = position(error['cell'], `${where}.errors[${i}].cell`)
      const line = position(error['line'], `${where}.errors[${i}].line`)
      if (cell !== undefined) entry.cell = cell
      if (line !== undefined) entry.line = line
      return entry
    }),
    notes: strings(item['notes'] ?? [], `${where}.notes`),
    modules: list(item['modules'] ?? [], `${where}.modules`).map((module, i) =>
      checkModule(module, `${where}.modules[${i}]`)
    ),
    installs: list(item['installs'] ?? [], `${where}.installs`).map((install, i) => ({
      manager: text(install['manager'], `${where}.installs[${i}].manager`),
      command: text(install['command'], `${where}.installs[${i}].command`),
      cell: position(install['cell'], `${where}.installs[${i}].cell`) ?? 1,
      line: position(install['line'], `${where}.installs[${i}].line`) ?? 1,
      packages: list(install['packages'] ?? [], `${where}.installs[${i}].packages`).map(
        (pkg, j) => ({ spec: text(pkg['spec'], `${where}.installs[${i}].packages[${j}].spec`) })
      )
    }))
  }
}

function checkModule(item: Json, where: string): ProbeModule {
  const status = item['status']
  if (!(MODULE_STATUSES as readonly unknown[]).includes(status))
    throw new Error(`${where}.status: expected ${MODULE_STATUSES.join(', ')}`)
  const module: ProbeModule = {
    name: text(item['name'], `${where}.name`),
    status: status as ProbeModule['status'],
    optional: item['optional'] === true,
    occurrences: list(item['occurrences'] ?? [], `${where}.occurrences`).map((occurrence, i) => {
      const entry: ProbeModule['occurrences'][number] = {
        cell: position(occurrence['cell'], `${where}.occurrences[${i}].cell`) ?? 1,
        line: position(occurrence['line'], `${where}.occurrences[${i}].line`) ?? 1,
        optional: occurrence['optional'] === true
      }
      const count = occurrence['executionCount']
      if (typeof count === 'number' && Number.isSafeInteger(count)) entry.executionCount = count
      return entry
    })
  }
  if (typeof item['kind'] === 'string') module.kind = item['kind']
  if (typeof item['debianPackage'] === 'string') module.debianPackage = item['debianPackage']
  if (item['distributions'] !== undefined)
    module.distributions = strings(item['distributions'], `${where}.distributions`)
  if (typeof item['installedByNotebook'] === 'string')
    module.installedByNotebook = item['installedByNotebook']
  const likely = item['likelyPackage']
  if (isObject(likely)) {
    module.likelyPackage = {
      pypi: typeof likely['pypi'] === 'string' ? likely['pypi'] : null,
      debian: typeof likely['debian'] === 'string' ? likely['debian'] : null,
      guess: likely['guess'] === true
    }
  }
  return module
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function list(value: unknown, where: string): Json[] {
  if (!Array.isArray(value) || !value.every(isObject))
    throw new Error(`${where}: expected an array of objects`)
  return value
}

function strings(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw new Error(`${where}: expected an array of strings`)
  return value
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Error(`${where}: expected a string`)
  return value
}

function size(value: unknown, where: string): number | null {
  if (value === null || value === undefined) return null
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw new Error(`${where}: expected a non-negative integer`)
  return value
}

function position(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new Error(`${where}: expected a positive integer`)
  return value
}

function clip(line: string): string {
  return line.length > 200 ? `${line.slice(0, 200)}…` : line
}
