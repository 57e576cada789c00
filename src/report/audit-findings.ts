// What the notebook import audit tells the user in the step: one failure line per image for
// the verdict, and one annotation per finding, on the notebook and, when known, on the line
// of the .ipynb that holds the cell's line. Read from the report alone, so a merge job says
// the same as the jobs it merges. Pure.
import type { ImageAudit, MissingModule, NotebookAudit } from './contents.js'
import type { ImageReport, Report } from './types.js'

/** One annotation: an error fails the step, a warning and a notice do not. */
export interface AuditAnnotation {
  level: 'error' | 'warning' | 'notice'
  title: string
  message: string
  /** The notebook, repository-relative. */
  file: string
  line?: number
}

/** Lines for the step's failure: per image whose audit failed, what failed in it. */
export function auditMessages(report: Report): string[] {
  return report.images.flatMap((image) => {
    const audit = image.audit
    if (audit?.status !== 'failed') return []
    const who = `${image.ref} (${image.tiers.join(', ')})`
    const failing = audit.tiers.flatMap((tier) =>
      tier.notebooks.flatMap((notebook) => notebookFailure(notebook))
    )
    if (failing.length === 0) {
      return [`${who}: the notebooks could not be checked: ${audit.notes.join('; ')}`]
    }
    return [`${who}: ${failing.length} notebook(s) cannot run there: ${failing.join('; ')}`]
  })
}

function notebookFailure(notebook: NotebookAudit): string[] {
  if (notebook.status === 'missing') {
    const modules = required(notebook).map((missing) => missing.module)
    return [`${notebook.path} imports ${modules.join(', ')}, which the image lacks`]
  }
  if (notebook.status === 'error') {
    return [`${notebook.path}: ${notebook.errors[0]?.message ?? 'cannot be read'}`]
  }
  return []
}

/** Missing modules that fail the notebook: not optional, not installed by the notebook itself. */
function required(notebook: NotebookAudit): MissingModule[] {
  return notebook.missing.filter((missing) => !missing.optional && !missing.installedByNotebook)
}

/**
 * Every annotation of the audit, image by image: errors for missing modules and unreadable
 * notebooks or cells, warnings for modules a notebook installs itself (and for an audit
 * that could not run), notices for optional imports that do not resolve.
 */
export function auditAnnotations(report: Report): AuditAnnotation[] {
  return report.images.flatMap((image) => (image.audit ? imageAnnotations(image, image.audit) : []))
}

function imageAnnotations(image: ImageReport, audit: ImageAudit): AuditAnnotation[] {
  const annotations: AuditAnnotation[] = []
  for (const tier of audit.tiers) {
    for (const notebook of tier.notebooks) {
      for (const error of notebook.errors) {
        const where =
          error.cell !== undefined ? ` (cell ${error.cell}, line ${error.line ?? 1})` : ''
        annotations.push({
          level: 'error',
          title: error.kind === 'syntax' ? 'Notebook cell does not parse' : 'Notebook not checked',
          message: `${notebook.path}${where}: ${error.message}`,
          file: notebook.path,
          ...(error.fileLine !== undefined ? { line: error.fileLine } : {})
        })
      }
      for (const missing of notebook.missing) {
        annotations.push(missingAnnotation(image, tier.tier, notebook, missing))
      }
    }
  }
  return annotations
}

function missingAnnotation(
  image: ImageReport,
  tier: string,
  notebook: NotebookAudit,
  missing: MissingModule
): AuditAnnotation {
  const site = missing.sites[0]
  const where = site
    ? ` cell ${site.cell}${site.executionCount !== undefined ? ` (In [${site.executionCount}])` : ''}, line ${site.line}`
    : ''
  const more = missing.sites.length > 1 ? ` (and ${missing.sites.length - 1} more import(s))` : ''
  const what = `${notebook.path}${where}: "${missing.module}" cannot be imported in ${image.ref} (tier ${tier})${more}`
  const likely = likelyText(missing)
  const advice = missing.addTo ? `; ${missing.addTo}` : ''
  const base = {
    file: notebook.path,
    ...(site?.fileLine !== undefined ? { line: site.fileLine } : {})
  }
  if (missing.installedByNotebook) {
    return {
      ...base,
      level: 'warning',
      title: 'Module installed by the notebook',
      message: `${what}; the notebook installs it itself (${missing.installedByNotebook}), so its validation needs the network and a writable image${advice}`
    }
  }
  if (missing.optional) {
    return {
      ...base,
      level: 'notice',
      title: 'Optional module missing',
      message: `${what}; the import is optional (try/except ImportError), so the notebook still runs`
    }
  }
  return {
    ...base,
    level: 'error',
    title: 'Missing module',
    message: `${what}. ${likely}${advice}`
  }
}

function likelyText(missing: MissingModule): string {
  const { pypi, debian, guess } = missing.likely
  if (missing.stdlib) {
    return `It is part of Python's standard library, which Debian splits: likely package ${debian ?? 'libpython3-stdlib'} (apt)`
  }
  const names = [pypi ? `${pypi} (pip)` : '', debian ? `${debian} (apt)` : '']
    .filter(Boolean)
    .join(' or ')
  return `${guess ? 'Perhaps' : 'Likely'} package: ${names || missing.module}`
}
