import type { Deps } from '../adapters/deps.js'
import { matrixOf, type Matrix } from '../report/merge.js'
import type { Manifest } from '../manifest/types.js'
import type { BuildPlan } from '../plan/types.js'
import type { RunOptions } from './options.js'
import { preparePlan, readManifest } from './prepare.js'

/** What a plan run produced: the images a build would make, as a matrix of jobs. */
export interface PlanResult {
  mode: 'plan'
  manifest: Manifest
  plan: BuildPlan
  matrix: Matrix
}

/**
 * `mode: plan`: reads and checks the manifest and plans the images without building anything
 * (no engine needed): the first job of a fan-out, whose `matrix` output the build jobs run on.
 */
export async function runPlan(
  options: RunOptions,
  deps: Pick<Deps, 'fs' | 'logger'>
): Promise<PlanResult> {
  const manifest = await readManifest(options, deps)
  const plan = await preparePlan(manifest, options, deps)
  return { mode: 'plan', manifest, plan, matrix: matrixOf(plan) }
}
