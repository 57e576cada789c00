// Before the first build: whether the notebooks are audited (`audit-notebooks`), which
// notebooks each image's probe gets, and their bytes and neighbours, read now so that a
// probe can start the moment its image is exported.
import path from 'node:path'
import type { Deps } from '../adapters/deps.js'
import { findNotebooks, type TierNotebooks } from '../manifest/notebooks.js'
import type { Manifest } from '../manifest/types.js'
import type { BuildPlan } from '../plan/types.js'
import { errorMessage } from '../utils/errors.js'
import type { ProbeNotebook, ProbeTier } from './probe-io.js'

/** `audit-notebooks`: on when any tier lists notebooks, always, or never. */
export type AuditMode = 'auto' | 'true' | 'false'

/** The audit modes, default first. */
export const AUDIT_MODES: readonly AuditMode[] = ['auto', 'true', 'false']

/** A notebook that could not be read from the workspace, and why. */
export interface UnreadNotebook {
  path: string
  message: string
}

/** What the probe of each image gets, decided before the build. */
export interface ContentsPlan {
  /**
   * off: packages only. on: notebooks are audited; `required` (audit-notebooks: true) makes
   * an audit that cannot run fail the step rather than warn.
   */
  audit: 'off' | 'on'
  required: boolean
  /** Image name → the tiers it serves, with their notebooks (empty lists when the audit is off). */
  tiers: Map<string, ProbeTier[]>
  /** Notebooks matched but not readable, by tier. */
  unread: Map<string, UnreadNotebook[]>
  /** Every tier's matched notebooks (also what NotebookValidationJobs are written for). */
  notebooks: TierNotebooks[]
}

/** Whether the audit runs: `auto` when any tier of the manifest lists notebooks. */
export function auditEnabled(mode: AuditMode, manifest: Manifest): boolean {
  if (mode === 'false') return false
  return mode === 'true' || manifest.tiers.some((tier) => tier.notebooks.length > 0)
}

/**
 * Decides the audit, finds every tier's notebooks (manifest/notebooks.ts: globs in the
 * manifest's folder, matches checked) and reads them and the names next to them. Files
 * next to a notebook count as importable: the kernel starts in the notebook's folder.
 */
export async function prepareContents(
  manifest: Manifest,
  plan: BuildPlan,
  context: { mode: AuditMode; manifestDir: string; workspace: string },
  deps: Pick<Deps, 'fs' | 'glob' | 'logger'>
): Promise<ContentsPlan> {
  const enabled = auditEnabled(context.mode, manifest)
  const result: ContentsPlan = {
    audit: enabled ? 'on' : 'off',
    required: context.mode === 'true',
    tiers: new Map(),
    unread: new Map(),
    notebooks: []
  }
  if (enabled && !manifest.tiers.some((tier) => tier.notebooks.length > 0)) {
    deps.logger.warning(
      'audit-notebooks is true, but no tier of the manifest lists notebooks: nothing to audit'
    )
  }
  const built = new Set(plan.images.flatMap((image) => image.tiers))
  if (enabled) {
    const declared = {
      ...manifest,
      tiers: manifest.tiers.filter((tier) => built.has(tier.name))
    }
    result.notebooks = await findNotebooks(declared, context.manifestDir, context.workspace, deps)
  }
  const read = new Map<string, ProbeNotebook | UnreadNotebook>()
  for (const { notebooks } of result.notebooks) {
    for (const file of notebooks) {
      if (!read.has(file)) read.set(file, await readNotebook(file, context.workspace, deps))
    }
  }
  for (const image of plan.images) {
    result.tiers.set(
      image.name,
      image.tiers.map((name) => {
        const tier = manifest.tiers.find((candidate) => candidate.name === name)
        const files = result.notebooks.find((entry) => entry.tier === name)?.notebooks ?? []
        const notebooks: ProbeNotebook[] = []
        const unread: UnreadNotebook[] = []
        for (const file of files) {
          const notebook = read.get(file)
          if (notebook && 'content' in notebook) notebooks.push(notebook)
          else if (notebook) unread.push(notebook)
        }
        if (unread.length > 0) result.unread.set(name, unread)
        return {
          name,
          packages: { pip: tier?.packages.pip ?? [], apt: tier?.packages.apt ?? [] },
          notebooks
        }
      })
    )
  }
  return result
}

/** A notebook's bytes and the module names next to it, or why it cannot be read. */
async function readNotebook(
  file: string,
  workspace: string,
  deps: Pick<Deps, 'fs'>
): Promise<ProbeNotebook | UnreadNotebook> {
  const absolute = path.join(workspace, ...file.split('/'))
  try {
    const content = await deps.fs.readFile(absolute)
    const siblings = (await deps.fs.listDir(path.dirname(absolute)).catch(() => []))
      .filter((entry) => entry.directory || /\.(py|so)$/.test(entry.name))
      .filter((entry) => !entry.name.startsWith('.'))
      .map((entry) => (entry.directory ? `${entry.name}/` : entry.name))
    return { path: file, content, siblings }
  } catch (error) {
    return { path: file, message: `cannot read the file: ${errorMessage(error)}` }
  }
}
