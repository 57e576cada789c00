// The figures users live with, on the bundled example (examples/notebook-tiers.yaml: real
// Debian packages from the mirror): cold, warm with nothing changed, and the pull request
// that adds one package to one tier, rebuilt warm. Each case runs the action with
// `strategy: multi-stage` (ADR-031's option D) and `strategy: shared` (option A) back to
// back, so that both see the same minute of the machine.
//
// Per round: cold D, cold A (the builder cache pruned before each), a warm-up of D (A's
// cold run pruned D's stages), warm D and A with nothing changed, then a package added to
// the smallest tier (D, A), then one more added to the largest tier (D, A). The changes
// add up: each is measured against the warm state the previous case left.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { parseDocument, YAMLSeq } from 'yaml'
import type { Report } from '../src/report/types.js'
import {
  ROOT,
  imageIds,
  load,
  median,
  runAction,
  seconds,
  timed,
  type ActionRun
} from './run-action.js'

/** Packages the example does not install yet: small, pure Python, in bookworm. */
const ADDED = { smallest: 'python3-tabulate', largest: 'python3-texttable' }

/** A case of the example, both strategies. */
export type ExampleCase = 'cold' | 'warm' | 'smallest' | 'largest'

/** What one case measured in one round. */
export interface CaseSample {
  dMs: number
  aMs: number
  /** D's images: `name cached/total` for each, as the report counts them. */
  dSteps: string[]
  /** D's images whose ID differs from the previous run's (empty: every ID kept). */
  dChanged: string[]
  /** Whether A's image ID differs from its previous run's. */
  aChanged: boolean
}

/** Everything the example measured. */
export interface ExampleSamples {
  rounds: Partial<Record<ExampleCase, CaseSample>>[]
  /** The tiers the one-tier changes went to, with their sizes in the cold build. */
  smallest?: string
  largest?: string
  /** Cases that failed, with why; left out. */
  failures: string[]
}

/** The action on a copy of the bundled example, both strategies, remembering the IDs. */
class ExampleBench {
  private readonly workspace: string
  private readonly runnerTemp: string
  private readonly last: Record<'multi-stage' | 'shared', Map<string, string | null>> = {
    'multi-stage': new Map(),
    shared: new Map()
  }

  constructor(private readonly env: NodeJS.ProcessEnv) {
    this.workspace = mkdtempSync(path.join(os.tmpdir(), 'nb-image-bench-example-'))
    cpSync(path.join(ROOT, 'examples'), this.workspace, { recursive: true })
    this.runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'nb-image-bench-runner-'))
  }

  cleanup(): void {
    rmSync(this.workspace, { recursive: true, force: true })
    rmSync(this.runnerTemp, { recursive: true, force: true })
  }

  /** Forgets every build: the builder cache and the example's images. */
  async coldStart(): Promise<void> {
    const listed = spawnSync(
      'docker',
      [
        'image',
        'ls',
        '--format',
        '{{.Repository}}:{{.Tag}}',
        'nb-image-example/notebook-validator'
      ],
      { env: this.env, encoding: 'utf8' }
    )
    const refs = listed.stdout.split('\n').filter((line) => line.length > 0)
    if (refs.length > 0) spawnSync('docker', ['image', 'rm', '--force', ...refs], { env: this.env })
    await timed('docker', ['buildx', 'prune', '--all', '--force'], this.env)
  }

  /** Runs the action; returns the run and which images got a new ID since the last run. */
  async run(strategy: 'multi-stage' | 'shared'): Promise<ActionRun & { changed: string[] }> {
    const result = await runAction(this.workspace, this.runnerTemp, strategy, this.env)
    const ids = imageIds(result.report)
    const before = this.last[strategy]
    const changed = [...ids].filter(([name, id]) => before.get(name) !== id).map(([name]) => name)
    this.last[strategy] = ids
    return { ...result, changed }
  }

  /** Adds an apt package to a tier of the example's manifest. */
  addPackage(tier: string, name: string): void {
    const file = path.join(this.workspace, 'notebook-tiers.yaml')
    const document = parseDocument(readFileSync(file, 'utf8'))
    const apt = document.getIn(['tiers', tier, 'apt'])
    if (!(apt instanceof YAMLSeq))
      throw new Error(`the example's tier ${tier} lists no apt packages`)
    apt.add(name)
    writeFileSync(file, document.toString())
  }
}

/** `tier1 5/5` for each image of a report. */
const steps = (report: Report): string[] =>
  report.images.map((image) => `${image.name} ${image.cachedSteps}/${image.totalSteps}`)

/** Runs the example's cases `runs` times on the engine in `env`, which it prunes. */
export async function exampleFigures(
  runs: number,
  env: NodeJS.ProcessEnv
): Promise<ExampleSamples> {
  const samples: ExampleSamples = { rounds: [], failures: [] }
  for (let round = 0; round < runs; round++) {
    const bench = new ExampleBench(env)
    const measured: Partial<Record<ExampleCase, CaseSample>> = {}
    samples.rounds.push(measured)
    const both = async (name: ExampleCase, prune: boolean): Promise<void> => {
      if (prune) await bench.coldStart()
      const d = await bench.run('multi-stage')
      if (name === 'cold') {
        // The tiers of the cold D build, smallest and largest, get the one-tier changes.
        const sized = [...d.report.images].sort((x, y) => (x.sizeBytes ?? 0) - (y.sizeBytes ?? 0))
        samples.smallest ??= sized[0]?.name
        samples.largest ??= sized.at(-1)?.name
      }
      if (prune) await bench.coldStart()
      const a = await bench.run('shared')
      measured[name] = {
        dMs: d.ms,
        aMs: a.ms,
        dSteps: steps(d.report),
        dChanged: d.changed,
        aChanged: a.changed.length > 0
      }
      process.stderr.write(
        `  example round ${round + 1} ${name}: D ${seconds(d.ms)}, A ${seconds(a.ms)}; D steps ${steps(d.report).join(', ')}; new IDs D [${d.changed.join(', ')}] A ${a.changed.length > 0} (load ${load()})\n`
      )
    }
    try {
      await both('cold', true)
      // A's cold run pruned D's stages: build D again so that both start warm.
      await bench.run('multi-stage')
      await both('warm', false)
      bench.addPackage(samples.smallest ?? 'tier3', ADDED.smallest)
      await both('smallest', false)
      bench.addPackage(samples.largest ?? 'tier2', ADDED.largest)
      await both('largest', false)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      samples.failures.push(`example round ${round + 1}: ${message.split('\n')[0] ?? ''}`)
      process.stderr.write(`  example round ${round + 1} FAILED: ${message}\n`)
    } finally {
      bench.cleanup()
    }
  }
  return samples
}

/** What the issue asks of each case: D ÷ A at most this. */
const TARGETS: Record<ExampleCase, number> = { cold: 0.8, warm: 1.1, smallest: 0.1, largest: 0.8 }

const LABEL: Record<ExampleCase, string> = {
  cold: 'cold',
  warm: 'warm, nothing changed',
  smallest: `one package added to the smallest tier, warm`,
  largest: `one package added to the largest tier, warm`
}

/**
 * The example's table: per case the median times of D and A, D ÷ A (the median of the
 * rounds' ratios, each round's pair run back to back) against its target, the steps D's
 * images took from the cache and which IDs changed. Returns the lines and whether every
 * target was met.
 */
export function exampleTable(samples: ExampleSamples): { lines: string[]; passed: boolean } {
  const lines = [
    `The bundled example (examples/notebook-tiers.yaml, real Debian packages), ${samples.rounds.length} round(s); D = \`strategy: multi-stage\`, A = \`strategy: shared\`, each case run back to back. The one-tier changes add ${ADDED.smallest} to ${samples.smallest ?? '?'} (the smallest tier), then ${ADDED.largest} to ${samples.largest ?? '?'} (the largest).`,
    ''
  ]
  for (const failure of samples.failures) lines.push(`- left out, failed: ${failure}`)
  if (samples.failures.length > 0) lines.push('')
  lines.push(
    '| Example | D | A | D ÷ A | Target | D: cached/total steps | New image IDs |',
    '|---|--:|--:|--:|---|---|---|'
  )
  let passed = true
  for (const name of ['cold', 'warm', 'smallest', 'largest'] as ExampleCase[]) {
    const cases = samples.rounds.flatMap((round) => (round[name] ? [round[name]] : []))
    if (cases.length === 0) {
      lines.push(`| ${LABEL[name]} | – | – | – | ≤ ${TARGETS[name]} ❌ (not measured) | | |`)
      passed = false
      continue
    }
    const ratio = median(cases.map((c) => c.dMs / c.aMs))
    const ok = ratio <= TARGETS[name]
    // Warm with nothing changed must also keep every ID.
    const idsKept = cases.every((c) => c.dChanged.length === 0 && !c.aChanged)
    const met = name === 'warm' ? ok && idsKept : ok
    passed &&= met
    const last = cases.at(-1) as CaseSample
    const changed =
      name === 'cold'
        ? '(first build)'
        : `D: ${last.dChanged.length === 0 ? 'none' : last.dChanged.join(', ')}; A: ${last.aChanged ? 'shared' : 'none'}`
    lines.push(
      `| ${LABEL[name]} | ${seconds(median(cases.map((c) => c.dMs)))} | ${seconds(median(cases.map((c) => c.aMs)))} | ${ratio.toFixed(2)} | ≤ ${TARGETS[name]}${name === 'warm' ? ', IDs kept' : ''} ${met ? '✅' : '❌'} | ${last.dSteps.join(', ')} | ${changed} |`
    )
  }
  return { lines, passed }
}
