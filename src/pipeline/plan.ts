import type { Deps } from '../adapters/deps.js'
import { matrixOf, type Matrix } from '../report/merge.js'
import type { Manifest } from '../manifest/types.js'
import type { BuildPlan } from '../plan/types.js'
import type { RunOptions } from './options.js'
import { builderStages, checkDockerfiles, preparePlan, readManifest } from './prepare.js'

/** What a plan run produced: the images a build would make, as a matrix of jobs. */
export interface PlanResult {
  mode: 'plan'
  manifest: Manifest
  plan: BuildPlan
  matrix: Matrix
}

/**
 * `mode: plan`: reads and checks the manifest and plans the images without building anything:
 * the first job of a fan-out, whose `matrix` output the build jobs run on. No engine is
 * needed: when one answers, BuildKit reads the Dockerfiles, else the local parser does.
 */
export async function runPlan(
  options: RunOptions,
  deps: Pick<Deps, 'fs' | 'logger'> & Partial<Pick<Deps, 'docker'>>
): Promise<PlanResult> {
  const manifest = await readManifest(options, deps)
  const { docker } = deps
  const stages = docker
    ? builderStages(docker, () => docker.engineInfo(), options.builder)
    : undefined
  const plan = await preparePlan(manifest, options, deps)
  await checkDockerfiles(manifest, plan, options, { ...deps, ...(stages ? { stages } : {}) })
  return { mode: 'plan', manifest, plan, matrix: matrixOf(plan) }
}
