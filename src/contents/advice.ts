// What the audit's findings mean for the manifest: which list a missing module belongs on
// (the tier's, or base's when several tiers' notebooks need it), and where in the notebook
// file each finding is, for the annotation. Works on the audits of every image at once,
// after the probes. Pure.
import path from 'node:path'
import type { Manifest, Packages } from '../manifest/types.js'
import type { BuildPlan } from '../plan/types.js'
import type { ImageAudit, MissingModule } from '../report/contents.js'
import { cellLines, fileLineOf, type CellLines } from './notebook-lines.js'

/**
 * Sets `addTo` on every missing module: the tier's package list, or `base` when the
 * notebooks of several tiers need the module; the pip or apt list the tier already uses
 * (both named when it uses both or neither); a Dockerfile stage when the tier is built
 * from the user's Dockerfile rather than one generated from the manifest.
 */
export function adviseMissing(audits: ImageAudit[], plan: BuildPlan, manifest: Manifest): void {
  const needing = new Map<string, Set<string>>()
  for (const audit of audits)
    for (const tier of audit.tiers)
      for (const notebook of tier.notebooks)
        for (const missing of notebook.missing) {
          if (missing.optional) continue
          const tiers = needing.get(missing.module) ?? new Set<string>()
          tiers.add(tier.tier)
          needing.set(missing.module, tiers)
        }
  const file = path.basename(manifest.file)
  for (const audit of audits)
    for (const tier of audit.tiers)
      for (const notebook of tier.notebooks)
        for (const missing of notebook.missing) {
          const tiers = [...(needing.get(missing.module) ?? new Set([tier.tier]))].sort()
          missing.addTo = whereToAdd(missing, tier.tier, tiers, plan, manifest, file)
        }
}

function whereToAdd(
  missing: MissingModule,
  tier: string,
  needing: string[],
  plan: BuildPlan,
  manifest: Manifest,
  file: string
): string {
  const shared = needing.length > 1
  const who = shared ? ` (the notebooks of ${needing.join(' and ')} need it)` : ''
  const { pypi, debian } = missing.likely
  const image = plan.images.find((candidate) => candidate.tiers.includes(tier))
  const declared = manifest.tiers.find((candidate) => candidate.name === tier)
  if (!image?.generated || declared?.dockerfile !== undefined) {
    const names = [pypi ? `${pypi} (pip)` : '', debian ? `${debian} (apt)` : '']
      .filter(Boolean)
      .join(' or ')
    const dockerfile = image ? path.basename(image.dockerfile) : 'the Dockerfile'
    const stage = shared
      ? `a stage of ${dockerfile} that every tier image builds from`
      : `the ${image?.target ?? tier} stage of ${dockerfile}`
    return `install ${names || missing.module} in ${stage}${who}`
  }
  const field = shared ? 'base' : `tiers.${tier}`
  const list: Packages = shared ? manifest.base : (declared?.packages ?? { pip: [], apt: [] })
  const pip = pypi && !missing.stdlib ? `${pypi} to ${field}.pip` : null
  const apt = debian ? `${debian} to ${field}.apt` : null
  const preferApt = list.apt.length > 0 && list.pip.length === 0
  const [first, second] = preferApt || !pip ? [apt, pip] : [pip, apt]
  const options = first && second ? `${first} (or ${second})` : (first ?? second ?? '')
  return `add ${options} in ${file}${who}`
}

/**
 * Sets `fileLine` on every import site and cell error, from the notebooks' bytes (the
 * line of the .ipynb that holds that line of the cell); notebooks without findings are not
 * parsed. An invalid JSON error's line is already the file's.
 */
export function locateFindings(audits: ImageAudit[], bytes: Map<string, Uint8Array>): void {
  const parsed = new Map<string, CellLines>()
  const linesOf = (file: string): CellLines | undefined => {
    const content = bytes.get(file)
    if (!content) return undefined
    let lines = parsed.get(file)
    if (!lines) {
      lines = cellLines(new TextDecoder().decode(content))
      parsed.set(file, lines)
    }
    return lines
  }
  for (const audit of audits)
    for (const tier of audit.tiers)
      for (const notebook of tier.notebooks) {
        for (const missing of notebook.missing)
          for (const site of missing.sites) {
            const lines = linesOf(notebook.path)
            const line = lines && fileLineOf(lines, site.cell, site.line)
            if (line !== undefined) site.fileLine = line
          }
        for (const error of notebook.errors) {
          if (error.cell === undefined) continue
          const lines = linesOf(notebook.path)
          const line = lines && fileLineOf(lines, error.cell, error.line ?? 1)
          if (line !== undefined) error.fileLine = line
        }
      }
}
