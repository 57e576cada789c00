// What every Docker figure of the benchmark runs: a command timed to completion, and the
// action itself as the runner runs it (`node dist/index.js` with INPUT_* variables).
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readReport } from '../src/report/report-file.js'
import type { Report } from '../src/report/types.js'

/** The repository root; the compiled bench runs from .bench/, one level down. */
export const ROOT =
  process.env['NB_IMAGE_ROOT'] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The source date every benchmarked build gets, as a checkout's commit time would be: fixed,
 * so that a warm run with nothing changed can keep its image IDs (2026-01-01T00:00:00Z).
 */
export const BENCH_SOURCE_DATE_EPOCH = 1767225600

/** The median of the numbers that are not NaN (a failed run). */
export function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** `12.34 s` */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
/** `123 ms` */
export const millis = (ms: number): string => `${Math.round(ms)} ms`

/** The 1, 5 and 15 minute load averages, for the log. */
export const load = (): string =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

/** Runs a command to completion; resolves with its wall time. Throws on failure. */
export function timed(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = ROOT
): Promise<{ ms: number; output: string }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      if (code === 0) {
        resolve({ ms, output })
        return
      }
      // The action's own error annotation says it best; else the end of the output.
      const lines = output.split('\n')
      const said = lines.find((line) => line.startsWith('::error')) ?? lines.slice(-30).join('\n')
      reject(new Error(`${path.basename(args.at(-1) ?? command)} exited with ${code}: ${said}`))
    })
  })
}

/** One run of the action: its wall time and the report it wrote. */
export interface ActionRun {
  ms: number
  report: Report
}

/**
 * Runs the action on `workspace` with the given strategy, as the runner runs it, and checks
 * that it passed. The source date is fixed (see BENCH_SOURCE_DATE_EPOCH).
 */
export async function runAction(
  workspace: string,
  runnerTemp: string,
  strategy: 'multi-stage' | 'shared',
  docker: NodeJS.ProcessEnv
): Promise<ActionRun> {
  const files = {
    GITHUB_OUTPUT: path.join(runnerTemp, 'output.txt'),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary.md'),
    GITHUB_STATE: path.join(runnerTemp, 'state.txt')
  }
  for (const file of Object.values(files)) writeFileSync(file, '')
  const env: NodeJS.ProcessEnv = {
    PATH: docker['PATH'],
    HOME: docker['HOME'],
    DOCKER_HOST: docker['DOCKER_HOST'],
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    SOURCE_DATE_EPOCH: String(BENCH_SOURCE_DATE_EPOCH),
    INPUT_MANIFEST: 'notebook-tiers.yaml',
    INPUT_STRATEGY: strategy,
    'INPUT_WORKING-DIRECTORY': '.',
    ...files
  }
  const { ms } = await timed(
    process.execPath,
    [path.join(ROOT, 'dist', 'index.js')],
    env,
    workspace
  )
  const file = path.join(runnerTemp, 'nb-image-report.json')
  const report = readReport(readFileSync(file, 'utf8'), file)
  if (!report.passed) throw new Error(`the action failed: ${JSON.stringify(report.images)}`)
  return { ms, report }
}

/** Image name → image ID, from a report. */
export function imageIds(report: Report): Map<string, string | null> {
  return new Map(report.images.map((image) => [image.name, image.imageId]))
}
