// The job summary's account of what is inside the images: each image's packages and largest
// packages, drift between tier images, and the notebook import audit tier by tier, with
// per-image details (the largest packages, unused packages). Everything that comes from the
// repository (paths, module and package names) is escaped.
import type { ImageAudit, NotebookAudit, UnusedPackage } from '../report/contents.js'
import {
  largestPackages,
  listedPackages,
  packageDrift,
  type Drift,
  type ListedPackage,
  type PackageManager
} from '../report/package-diff.js'
import type { ImageReport, Report } from '../report/types.js'
import { formatSize, groupThousands } from './format.js'
import { code, escapeMarkdown, truncate } from './markdown.js'

/** Largest packages listed in an image's details. */
export const LARGEST_SHOWN = 15

/** How each package list is named for people. */
export const MANAGER_LABEL: Record<PackageManager, string> = {
  debian: 'apt',
  python: 'pip',
  rpm: 'rpm'
}

/** `numpy 1.26.4` with its list, for tables and sentences. */
export function packageName(item: { manager: PackageManager; name: string }): string {
  return `${escapeMarkdown(item.name)} <sub>${MANAGER_LABEL[item.manager]}</sub>`
}

/**
 * The summary's sections on the images' contents: the notebook imports when the audit ran,
 * then packages per image and drift. Empty for a report without any contents (written
 * before they existed, or nothing built).
 */
export function contentsSections(report: Report): string[] {
  const inventoried = report.images.filter((image) => image.packages)
  const audited = report.images.filter((image) => image.audit)
  const lines: string[] = audited.length > 0 ? auditSection(audited) : []
  if (inventoried.length > 0) {
    lines.push('### Packages', '')
    lines.push('| Tier | Python | pip | apt | rpm | Largest |', '|---|---|--:|--:|--:|---|')
    for (const image of inventoried) lines.push(inventoryRow(image))
    lines.push(
      '',
      'Counts and installed sizes per list: pip is every Python distribution not installed by apt (sizes measured from the files it installed); apt and rpm sizes are what the packages declare (dpkg’s Installed-Size, an estimate). Python packages apt installed are counted once, under apt.',
      ''
    )
    const notes = inventoried.flatMap((image) =>
      (image.packages?.notes ?? []).map(
        (note) => `- ${escapeMarkdown(image.name)}: ${escapeMarkdown(note)}`
      )
    )
    if (notes.length > 0) lines.push(...notes, '')
    lines.push(...driftLines(report), '')
  }
  return lines
}

function inventoryRow(image: ImageReport): string {
  const packages = image.packages
  if (!packages) return ''
  const listed = listedPackages(packages)
  const count = (manager: PackageManager): string => {
    const items = listed.filter((item) => item.manager === manager)
    if (items.length === 0) return '–'
    const bytes = items.reduce((sum, item) => sum + (item.sizeBytes ?? 0), 0)
    return `${groupThousands(items.length)} · ${formatSize(bytes)}`
  }
  const python = packages.interpreter
    ? `${escapeMarkdown(packages.interpreter.version)}${packages.interpreter.venv ? ' (venv)' : ''}`
    : 'none'
  const largest = largestPackages(packages, 3)
    .map((item) => `${packageName(item)} ${formatSize(item.sizeBytes ?? 0)}`)
    .join(', ')
  return `| ${escapeMarkdown(image.tiers.join(', '))} | ${python} | ${count('python')} | ${count('debian')} | ${count('rpm')} | ${largest || '–'} |`
}

/** Drift between the images of the run, or that there is none. */
export function driftLines(report: Report): string[] {
  const inventoried = report.images.filter((image) => image.packages)
  if (inventoried.length < 2) {
    return [
      'Drift: one image serves every tier, so every tier sees the same version of each package.'
    ]
  }
  const drift = packageDrift(inventoried)
  if (drift.length === 0) {
    return ['No drift: every package that several tier images have is at the same version in each.']
  }
  return [
    `⚠️ **Drift:** ${drift.length} package${drift.length === 1 ? ' is' : 's are'} at different versions in different tier images; a notebook that moves between tiers meets another version.`,
    '',
    '| Package | Versions |',
    '|---|---|',
    ...drift.map((item) => `| ${packageName(item)} | ${driftVersions(item)} |`)
  ]
}

/** `1.26.4 (tier2) · 2.0.1 (tier3)`. */
export function driftVersions(drift: Drift): string {
  return drift.versions
    .map((entry) => `${escapeMarkdown(entry.version)} (${escapeMarkdown(entry.tiers.join(', '))})`)
    .join(' · ')
}

const NOTEBOOK_STATUS: Record<NotebookAudit['status'], string> = {
  ok: '✅ imports resolve',
  missing: '❌ missing modules',
  error: '💥 not checked',
  skipped: '⏭️ not Python'
}

function auditSection(images: ImageReport[]): string[] {
  const lines = ['### Notebook imports', '']
  const rows: string[] = []
  const hints: string[] = []
  for (const image of images) {
    const audit = image.audit as ImageAudit
    if (audit.status === 'unchecked' || (audit.status === 'failed' && audit.notes.length > 0)) {
      hints.push(
        `- ${audit.status === 'failed' ? '💥' : '⚠️'} ${escapeMarkdown(image.tiers.join(', '))}: ${escapeMarkdown(audit.notes.join('; '))}`
      )
    }
    for (const tier of audit.tiers) {
      for (const notebook of tier.notebooks) rows.push(notebookRow(tier.tier, notebook))
      hints.push(...unusedHints(tier.tier, tier.unused))
      for (const note of tier.notes)
        hints.push(`- ${escapeMarkdown(tier.tier)}: ${escapeMarkdown(note)}`)
    }
  }
  if (rows.length > 0) {
    lines.push('| Tier | Notebook | Result | Details |', '|---|---|---|---|', ...rows, '')
  } else {
    lines.push('No notebooks to check.', '')
  }
  lines.push(
    'Each notebook was checked inside the image that serves its tier, with that image’s python3: every module it imports (outside try/except ImportError) must be importable there. Files next to the notebook count as importable, as the kernel starts in its folder.',
    ''
  )
  if (hints.length > 0) lines.push(...hints, '')
  return lines
}

function notebookRow(tier: string, notebook: NotebookAudit): string {
  const details: string[] = []
  const required = notebook.missing.filter((m) => !m.optional && !m.installedByNotebook)
  for (const missing of required) {
    const site = missing.sites[0]
    const where = site ? ` (cell ${site.cell}, line ${site.line})` : ''
    details.push(
      `${code(missing.module)}${where}${missing.addTo ? `: ${escapeMarkdown(missing.addTo)}` : ''}`
    )
  }
  for (const error of notebook.errors) details.push(escapeMarkdown(truncate(error.message, 200)))
  for (const missing of notebook.missing.filter((m) => m.installedByNotebook)) {
    details.push(
      `${code(missing.module)} installed by the notebook itself (${code(missing.installedByNotebook ?? '')}): validation needs the network`
    )
  }
  const optional = notebook.missing.filter((m) => m.optional)
  if (optional.length > 0)
    details.push(`optional, not installed: ${optional.map((m) => code(m.module)).join(', ')}`)
  const installs = notebook.installs.filter(
    (install) =>
      !notebook.missing.some(
        (m) => m.installedByNotebook && install.command.includes(m.installedByNotebook)
      )
  )
  for (const install of installs)
    details.push(`installs ${code(truncate(install.command, 80))} (cell ${install.cell})`)
  if (notebook.status === 'ok' && details.length === 0) {
    const modules = notebook.resolved.map((r) => code(r.module))
    if (modules.length > 0) details.push(modules.join(', '))
    else if (notebook.notes.length === 0) details.push('no third-party imports')
  }
  for (const note of notebook.notes) details.push(escapeMarkdown(note))
  return `| ${escapeMarkdown(tier)} | ${code(notebook.path)} | ${NOTEBOOK_STATUS[notebook.status]} | ${details.join('<br>')} |`
}

function unusedHints(tier: string, unused: UnusedPackage[]): string[] {
  const unusedNames = unused.filter((u) => u.reason === 'unused')
  const notInstalled = unused.filter((u) => u.reason === 'not-installed')
  const hints: string[] = []
  if (unusedNames.length > 0) {
    const names = unusedNames
      .map((u) => `${code(u.spec)}${u.sizeBytes ? ` (${formatSize(u.sizeBytes)})` : ''}`)
      .join(', ')
    hints.push(
      `- 💡 ${escapeMarkdown(tier)} installs ${names}, which none of its notebooks imports (directly or through what they import).`
    )
  }
  if (notInstalled.length > 0) {
    hints.push(
      `- 💡 ${escapeMarkdown(tier)} lists ${notInstalled.map((u) => code(u.spec)).join(', ')}, but the image has no package of that name.`
    )
  }
  return hints
}

/** An image's details block: its largest packages. */
export function packageDetails(image: ImageReport): string[] {
  const packages = image.packages
  if (!packages) return []
  const listed = listedPackages(packages)
  if (listed.length === 0) return []
  const largest = largestPackages(packages, LARGEST_SHOWN)
  return [
    '<details>',
    `<summary>${escapeMarkdown(image.ref)}: ${groupThousands(listed.length)} packages</summary>`,
    '',
    `**Largest packages** (${largest.length} of ${groupThousands(listed.length)})`,
    '',
    '| Package | Version | Size |',
    '|---|---|--:|',
    ...largest.map(
      (item: ListedPackage) =>
        `| ${packageName(item)} | ${escapeMarkdown(item.version)} | ${formatSize(item.sizeBytes ?? 0)} |`
    ),
    '',
    '</details>',
    ''
  ]
}
