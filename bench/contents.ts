// The benchmark's figure for what reading the images' contents costs (issue 13): the package
// inventory and the notebook audit of three tier images. Two numbers, medians of `runs`:
//   - the probes alone: the contents stage (src/contents/inspect.ts) run on three built
//     images, all in parallel, as if nothing overlapped them with the build;
//   - what a run waits for: the action, warm, logs how long it waited for the probes after
//     the last image was built (the probes of images exported earlier ran during the build).
// Three small tier images FROM the example's Python base (no package mirror needed: each
// tier copies a package into dist-packages), each with one notebook to audit.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DockerCli } from '../src/adapters/docker.js'
import { nodeFileSystem } from '../src/adapters/fs.js'
import { globFiles } from '../src/adapters/glob.js'
import { runCommand } from '../src/adapters/process.js'
import { ContentsInspection } from '../src/contents/inspect.js'
import { prepareContents } from '../src/contents/prepare.js'
import { parseManifest } from '../src/manifest/parse.js'
import type { BuildPlan, ImagePlan } from '../src/plan/types.js'
import type { BuildOutcome } from '../src/report/build-report.js'
import type { Logger } from '../src/utils/logger.js'

const REPOSITORY = 'nb-image-bench/contents'
const TIERS = ['tier1', 'tier2', 'tier3']

const quiet: Logger = {
  info: () => undefined,
  debug: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_title, fn) => fn()
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** A workspace: a Dockerfile of three tiers on the Python base, a notebook per tier. */
function workspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nb-image-bench-contents-'))
  const stage = (tier: string): string[] => [
    `FROM base AS ${tier}`,
    `RUN ["/bin/sh", "-c", "d=/usr/local/lib/python3.11/dist-packages && mkdir -p $d/bench_${tier} $d/bench_${tier}-1.0.dist-info && echo 'x = 1' > $d/bench_${tier}/__init__.py && printf 'Metadata-Version: 2.1\\\\nName: bench-${tier}\\\\nVersion: 1.0\\\\n' > $d/bench_${tier}-1.0.dist-info/METADATA && printf 'bench_${tier}/__init__.py,,6\\\\n' > $d/bench_${tier}-1.0.dist-info/RECORD"]`,
    ''
  ]
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      'ARG BASE_IMAGE=nb-image-example/python:bookworm',
      'FROM ${BASE_IMAGE} AS base',
      '',
      ...TIERS.flatMap(stage),
      'FROM base AS all',
      ''
    ].join('\n')
  )
  writeFileSync(
    path.join(dir, 'notebook-tiers.yaml'),
    [
      'version: 1',
      `image: ${REPOSITORY}`,
      'strategy: multi-stage',
      'dockerfile: Dockerfile',
      'target: all',
      'threshold: 1GB',
      'tiers:',
      ...TIERS.flatMap((tier) => [`  ${tier}:`, `    notebooks: ['notebooks/${tier}/*.ipynb']`]),
      ''
    ].join('\n')
  )
  for (const tier of TIERS) {
    mkdirSync(path.join(dir, 'notebooks', tier), { recursive: true })
    const cells = [`import os\n`, `import bench_${tier}\n`].map((source, i) => ({
      cell_type: 'code',
      id: `c${i}`,
      metadata: {},
      outputs: [],
      source
    }))
    writeFileSync(
      path.join(dir, 'notebooks', tier, 'nb.ipynb'),
      JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 })
    )
  }
  return dir
}

/** Runs the bundled action in `dir`; resolves to its stdout. */
function action(root: string, dir: string, env: NodeJS.ProcessEnv): string {
  const runner = mkdtempSync(path.join(os.tmpdir(), 'nb-image-bench-runner-'))
  const files = ['output.txt', 'summary.md', 'state.txt'].map((name) => path.join(runner, name))
  for (const file of files) writeFileSync(file, '')
  const result = spawnSync(process.execPath, [path.join(root, 'dist', 'index.js')], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: env['PATH'],
      HOME: env['HOME'],
      DOCKER_HOST: env['DOCKER_HOST'],
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: runner,
      GITHUB_OUTPUT: files[0],
      GITHUB_STEP_SUMMARY: files[1],
      GITHUB_STATE: files[2],
      'INPUT_AUDIT-NOTEBOOKS': 'true'
    }
  })
  rmSync(runner, { recursive: true, force: true })
  if (result.status !== 0 || !/Read the contents of 3 images/.test(result.stdout)) {
    throw new Error(`the contents bench run did not read 3 images: ${result.stdout.slice(-2000)}`)
  }
  return result.stdout
}

/** The images as the build stage hands them to the contents stage: inspected now. */
async function built(docker: DockerCli, images: ImagePlan[]): Promise<BuildOutcome[]> {
  const outcomes: BuildOutcome[] = []
  for (const image of images) {
    const details = await docker.inspectImage(image.ref)
    outcomes.push({
      image,
      ok: true,
      durationMs: 0,
      imageId: details.id,
      inspectSizeBytes: details.inspectSizeBytes,
      history: details.history,
      diffIds: details.diffIds,
      cachedSteps: 0,
      totalSteps: 0
    })
  }
  return outcomes
}

/**
 * The contents figure on the engine of `env` (the benchmark's private engine): lines to
 * print. Builds the Python base there when missing (scripts/make-base-images.sh --python).
 */
export async function contentsFigure(
  root: string,
  env: NodeJS.ProcessEnv,
  runs: number
): Promise<string[]> {
  const base = spawnSync(path.join(root, 'scripts', 'make-base-images.sh'), ['--python'], {
    encoding: 'utf8',
    env
  })
  if (base.status !== 0) throw new Error(`make-base-images.sh --python: ${base.stderr}`)
  const dir = workspace()
  const docker = new DockerCli(runCommand, 'docker', env)
  try {
    action(root, dir, env) // builds the images once: the runs below are warm
    const manifest = parseManifest(
      readFileSync(path.join(dir, 'notebook-tiers.yaml')),
      'notebook-tiers.yaml'
    )
    const images = TIERS.map((tier) => ({
      name: tier,
      tiers: [tier],
      target: tier,
      dockerfile: path.join(dir, 'Dockerfile'),
      context: dir,
      generated: false,
      ref: `${REPOSITORY}:${tier}`,
      thresholdBytes: 1e9,
      thresholdSource: 'manifest',
      buildArgs: {},
      field: `tiers.${tier}`
    }))
    const plan: BuildPlan = { strategy: 'multi-stage', manifestFile: 'notebook-tiers.yaml', images }
    const contents = await prepareContents(
      manifest,
      plan,
      { mode: 'true', manifestDir: dir, workspace: dir },
      { fs: nodeFileSystem, glob: globFiles, logger: quiet }
    )
    const alone: number[] = []
    const waited: number[] = []
    for (let i = 0; i < runs; i++) {
      // Inspected each round: every run of the action below builds new image IDs (the
      // created label changes), and a probe of a stale ID would fail at once.
      const outcomes = await built(docker, images)
      const start = performance.now()
      const found = await new ContentsInspection(plan, manifest, contents, {
        docker,
        logger: quiet
      }).finish(outcomes)
      alone.push(performance.now() - start)
      for (const image of images) {
        const read = found.get(image.name)
        if (!read?.packages.interpreter || read.audit?.status !== 'passed') {
          throw new Error(
            `the contents bench read ${image.ref} wrongly: ${JSON.stringify(read?.packages.notes ?? [])} ${JSON.stringify(read?.audit?.notes ?? [])}`
          )
        }
      }
      const said = /the run waited (\d+(?:\.\d+)?) (ms|s) for them/.exec(action(root, dir, env))
      if (said?.[1]) waited.push(Number(said[1]) * (said[2] === 's' ? 1000 : 1))
      process.stderr.write(
        `  contents round ${i + 1}: probes alone ${Math.round(alone.at(-1) ?? 0)} ms, the run waited ${Math.round(waited.at(-1) ?? Number.NaN)} ms\n`
      )
    }
    return [
      `Reading what is inside 3 tier images (packages and notebook audit, one isolated container each, in parallel), medians of ${runs} runs:`,
      `- the probes alone, as if nothing overlapped them with the build: ${Math.round(median(alone))} ms`,
      `- what a warm run of the action waited for them after its last build: ${Math.round(median(waited))} ms (target: ≤ 2 s added)`
    ]
  } finally {
    spawnSync(
      'docker',
      ['image', 'rm', '--force', ...TIERS.map((tier) => `${REPOSITORY}:${tier}`)],
      {
        env
      }
    )
    rmSync(dir, { recursive: true, force: true })
  }
}
