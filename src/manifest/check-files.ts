// Round four of the manifest's checks, the one that needs the files: every context,
// Dockerfile, requirements and constraints path exists and stays inside the repository
// (symlinks resolved), what the requirements files include too (requirement-files.ts),
// and every `--target` is a stage of its Dockerfile. Like the rounds before it (manifest/parse.ts),
// it reports every problem it finds at once, located in the manifest.
import path from 'node:path'
import type { FileSystem } from '../adapters/fs.js'
import { listStages } from '../plan/dockerfile.js'
import type { Manifest } from './types.js'
import type { BuildPlan } from '../plan/types.js'
import { ManifestError, type ManifestIssue } from '../utils/errors.js'
import { displayPath, isInside } from '../utils/paths.js'
import { fieldPath } from './fields.js'
import { readRequirementFiles, requirementFields } from './requirement-files.js'

/**
 * Context, Dockerfile, requirements and constraints paths must exist and stay inside the
 * repository, symlinks resolved; so must the files the requirements include.
 */
export async function checkPaths(
  manifest: Manifest,
  manifestDir: string,
  workspace: string,
  fs: FileSystem
): Promise<void> {
  const issues: ManifestIssue[] = []
  const root = await fs.realpath(workspace)
  const issue = (field: string, message: string): void => {
    const where = manifest.positions[field] ?? { line: 1, column: 1 }
    issues.push({ file: manifest.file, line: where.line, column: where.column, field, message })
  }
  const check = async (
    field: string,
    declared: string,
    absolute: string,
    kind: keyof typeof KINDS
  ): Promise<void> => {
    if (path.isAbsolute(declared)) {
      issue(
        field,
        `"${declared}" is an absolute path; give a path inside the repository, relative to ${kind === 'dockerfile' ? 'the context' : "the manifest's folder"}`
      )
      return
    }
    if (!isInside(path.resolve(workspace), absolute)) {
      // Relative to the repository root: the same on every runner, and it shows how far out.
      const shown = path.relative(path.resolve(workspace), absolute).split(path.sep).join('/')
      issue(
        field,
        `"${declared}" points outside the repository (to ${shown} from its root); give a path inside it`
      )
      return
    }
    let real: string
    try {
      real = await fs.realpath(absolute)
    } catch {
      issue(
        field,
        `${KINDS[kind]} "${declared}" not found (looked for ${displayPath(workspace, absolute)})`
      )
      return
    }
    if (!isInside(root, real)) {
      issue(
        field,
        `"${declared}" resolves through a symlink to ${real}, outside the repository; give a path inside it`
      )
      return
    }
    if (kind !== 'context' && !(await fs.isFile(real)))
      issue(field, `${KINDS[kind]} "${declared}" is not a file`)
  }
  const context = path.resolve(manifestDir, manifest.context)
  await check('context', manifest.context, context, 'context')
  // Dockerfiles are relative to the context: behind a refused context they would only
  // repeat its problem (and show where the runner keeps the checkout).
  if (issues.length > 0) throw new ManifestError(issues)
  if (manifest.dockerfile !== undefined) {
    await check(
      'dockerfile',
      manifest.dockerfile,
      path.resolve(context, manifest.dockerfile),
      'dockerfile'
    )
  }
  for (const tier of manifest.tiers) {
    if (tier.dockerfile === undefined) continue
    await check(
      fieldPath(['tiers', tier.name, 'dockerfile']),
      tier.dockerfile,
      path.resolve(context, tier.dockerfile),
      'dockerfile'
    )
  }
  for (const { field, declared } of requirementFields(manifest)) {
    const kind = field === 'constraints' ? 'constraints' : 'requirements'
    await check(field, declared, path.resolve(manifestDir, declared), kind)
  }
  if (issues.length > 0) throw new ManifestError(issues)
  // What the requirements files include is only worth reading once they are all there.
  await readRequirementFiles(manifest, manifestDir, workspace, fs)
}

/** What each checked path is, in messages. */
const KINDS = {
  context: 'build context',
  dockerfile: 'Dockerfile',
  requirements: 'requirements file',
  constraints: 'constraints file'
} as const

/** Every `--target` must be a stage of its Dockerfile, checked before the first build. */
export async function checkTargets(
  manifest: Manifest,
  plan: BuildPlan,
  workspace: string,
  fs: FileSystem
): Promise<void> {
  const issues: ManifestIssue[] = []
  const stagesByFile = new Map<string, string[]>()
  for (const image of plan.images) {
    if (image.target === undefined) continue
    let stages = stagesByFile.get(image.dockerfile)
    if (!stages) {
      const content = new TextDecoder().decode(await fs.readFile(image.dockerfile))
      stages = listStages(content).map((stage) => stage.name)
      stagesByFile.set(image.dockerfile, stages)
    }
    if (!stages.includes(image.target.toLowerCase())) {
      const where = manifest.positions[image.field] ?? { line: 1, column: 1 }
      const available =
        stages.length > 0
          ? `its stages are ${stages.join(', ')}`
          : 'it has no named stages (FROM … AS name)'
      issues.push({
        file: manifest.file,
        line: where.line,
        column: where.column,
        field: image.field,
        message: `target "${image.target}" is not a stage of ${displayPath(workspace, image.dockerfile)}: ${available}`
      })
    }
  }
  if (issues.length > 0) throw new ManifestError(issues)
}
