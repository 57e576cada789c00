// Round four of the manifest's checks, the one that needs the files: every context,
// Dockerfile, requirements and constraints path exists and stays inside the repository
// (symlinks resolved), what the requirements files include too (requirement-files.ts),
// every Dockerfile reads as BuildKit reads it, and every `--target` is one of its stages.
// Like the rounds before it (manifest/parse.ts), it reports every problem it finds at once,
// located in the manifest, or in the Dockerfile for a Dockerfile BuildKit refuses.
import path from 'node:path'
import type { FileSystem } from '../adapters/fs.js'
import {
  readStagesLocally,
  type ListedStage,
  type TargetsAnswer,
  type TargetsQuestion
} from '../plan/dockerfile-targets.js'
import type { Manifest } from './types.js'
import type { BuildPlan, ImagePlan } from '../plan/types.js'
import { EngineError, errorMessage, ManifestError, type ManifestIssue } from '../utils/errors.js'
import type { Logger } from '../utils/logger.js'
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

/**
 * Asks the builder's own Dockerfile frontend for the stages of Dockerfiles (docker.listTargets
 * with the run's buildx and builder); a file it cannot answer for says why.
 */
export type StageSource = (questions: TargetsQuestion[]) => Promise<Map<string, TargetsAnswer>>

/**
 * Every Dockerfile of the plan that the manifest points at must read as BuildKit reads it,
 * and every `--target` must be one of its stages; checked before the first build. The
 * stages come from `stages` (BuildKit itself); for a file it cannot answer for (no engine, a
 * buildx older than 0.11, a `# syntax=` frontend that cannot be fetched) the local parser
 * (plan/dockerfile-stages.ts) reads it instead, said once in a notice. The generated
 * Dockerfile is not asked about: the action wrote it.
 */
export async function checkTargets(
  manifest: Manifest,
  plan: BuildPlan,
  workspace: string,
  deps: { fs: FileSystem; logger: Logger; stages?: StageSource }
): Promise<void> {
  const own = plan.images.filter((image) => !image.generated)
  if (own.length === 0) return
  const questions = [
    ...new Map(
      own.map((image) => [
        image.dockerfile,
        { dockerfile: image.dockerfile, context: image.context }
      ])
    ).values()
  ]
  let answers: Map<string, TargetsAnswer>
  try {
    answers = deps.stages ? await deps.stages(questions) : new Map()
  } catch (error) {
    // No engine to build with: the run stops with the engine's own error.
    if (error instanceof EngineError) throw error
    answers = new Map(questions.map((q) => [q.dockerfile, { unavailable: errorMessage(error) }]))
  }
  const issues: ManifestIssue[] = []
  const fallbacks: string[] = []
  const stagesOf = new Map<string, ListedStage[] | undefined>()
  for (const { dockerfile } of questions) {
    const shown = displayPath(workspace, dockerfile)
    let answer = answers.get(dockerfile) ?? { unavailable: 'the engine was not asked' }
    if ('unavailable' in answer) {
      fallbacks.push(`${shown} (${answer.unavailable})`)
      answer = await readLocally(dockerfile, deps.fs)
    }
    if ('error' in answer) {
      const image = own.find((candidate) => candidate.dockerfile === dockerfile)
      issues.push(dockerfileIssue(manifest, shown, answer, image))
      stagesOf.set(dockerfile, undefined)
    } else if ('stages' in answer) {
      stagesOf.set(dockerfile, answer.stages)
    }
  }
  if (fallbacks.length > 0) {
    deps.logger.notice(
      `Stages read with the action's own Dockerfile parser, not BuildKit's, for ${fallbacks.join('; ')}`
    )
  }
  for (const image of own) {
    const stages = stagesOf.get(image.dockerfile)
    if (image.target === undefined || stages === undefined) continue
    const names = stages.flatMap((stage) => (stage.name ? [stage.name] : []))
    if (names.includes(image.target.toLowerCase())) continue
    const where = manifest.positions[image.field] ?? { line: 1, column: 1 }
    const available =
      names.length > 0
        ? `its stages are ${[...new Set(names)].join(', ')}`
        : 'it has no named stages (FROM … AS name)'
    issues.push({
      file: manifest.file,
      line: where.line,
      column: where.column,
      field: image.field,
      message: `target "${image.target}" is not a stage of ${displayPath(workspace, image.dockerfile)}: ${available}`
    })
  }
  if (issues.length > 0) throw new ManifestError(issues)
}

/** The local parser's reading of a Dockerfile file, in the form BuildKit answers. */
async function readLocally(dockerfile: string, fs: FileSystem): Promise<TargetsAnswer> {
  return readStagesLocally(new TextDecoder().decode(await fs.readFile(dockerfile)))
}

/** A Dockerfile BuildKit refuses, located in the Dockerfile, naming the manifest field. */
function dockerfileIssue(
  manifest: Manifest,
  shown: string,
  answer: { error: string; line?: number },
  image: ImagePlan | undefined
): ManifestIssue {
  const via = image ? ` (${image.field || 'the Dockerfile'} in ${manifest.file})` : ''
  return {
    file: shown,
    line: answer.line ?? 1,
    column: 1,
    field: '',
    message: `BuildKit cannot read this Dockerfile${via}: ${answer.error}`,
    title: 'Invalid Dockerfile'
  }
}
