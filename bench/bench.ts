// `npm run bench`: how fast the action builds every tier, measured side by side on this
// machine, and how much time the action itself adds. See docs/benchmarks.md for what each
// figure means and the results recorded so far.
//
//   npm run bench [-- --runs 3] [-- --startup-only] [-- --json results.json]
//
// The Docker figures run on a private engine that the script starts and stops
// (scripts/private-engine.sh), because a cold build means pruning the whole builder cache,
// which must never happen to a shared engine. The action runs as the runner runs it:
// `node dist/index.js` with INPUT_* variables, so build dist/ first (`npm run bundle`).
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { bakeFile, ociLabels } from '../src/build/bake.js'
import { contentsFigure } from './contents.js'
import { readReport } from '../src/report/report-file.js'
import type { ImagePlan } from '../src/plan/types.js'

/** The repository root; the compiled bench runs from .bench/, one level down. */
const ROOT =
  process.env['NB_IMAGE_ROOT'] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const FIXTURE = path.join(ROOT, 'bench', 'fixture')
const REPOSITORY = 'nb-image-bench/notebook-validator'
const TIERS = ['tier1', 'tier2', 'tier3']

interface Options {
  runs: number
  startupRuns: number
  startupOnly: boolean
  json?: string
}

function parseOptions(argv: string[]): Options {
  const options: Options = { runs: 3, startupRuns: 7, startupOnly: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--runs') options.runs = Number(argv[++i])
    else if (arg === '--startup-runs') options.startupRuns = Number(argv[++i])
    else if (arg === '--startup-only') options.startupOnly = true
    else if (arg === '--json') options.json = argv[++i] ?? 'bench-results.json'
    else throw new Error(`unknown argument ${arg}; see the top of bench/bench.ts`)
  }
  if (!Number.isInteger(options.runs) || options.runs < 3) throw new Error('--runs: at least 3')
  if (!Number.isInteger(options.startupRuns) || options.startupRuns < 3)
    throw new Error('--startup-runs: at least 3')
  return options
}

/** The median of the numbers that are not NaN (a failed run). */
function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const millis = (ms: number): string => `${Math.round(ms)} ms`

/** Runs a command to completion; resolves with its wall time. Throws on failure. */
function timed(
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

/** Runs a script of the repository; returns its stdout. */
function script(name: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(path.join(ROOT, 'scripts', name), args, { encoding: 'utf8', env })
  if (result.status !== 0) throw new Error(`scripts/${name} ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

function machine(docker?: NodeJS.ProcessEnv): string[] {
  const cpus = os.cpus()
  const lines = [
    `CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    `Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB; kernel ${os.release()}; Node.js ${process.version}`
  ]
  if (docker) {
    const version = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], {
      encoding: 'utf8',
      env: docker
    }).stdout.trim()
    const buildx = spawnSync('docker', ['buildx', 'version'], { encoding: 'utf8', env: docker })
      .stdout.trim()
      .split(/\s+/)[1]
    lines.push(`Docker ${version}, buildx ${buildx}, containerd image store (private engine)`)
  }
  return lines
}

const load = (): string =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

// ---------------------------------------------------------------- figure 4 --

/** A manifest of 50 tiers with packages, for the generated Dockerfile. */
function fiftyTierWorkspace(): string {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'nb-image-bench-50-'))
  const tiers = Array.from({ length: 50 }, (_, i) => {
    const n = i + 1
    return [
      `  tier${n}:`,
      `    description: Tier ${n}`,
      `    pip: [package-${n}>=1.${n}, shared-lib==2.${n}.0]`,
      `    apt: [libtier${n}-dev]`,
      `    notebooks: ['notebooks/tier${n}/*.ipynb']`
    ].join('\n')
  })
  writeFileSync(
    path.join(workspace, 'notebook-tiers.yaml'),
    [
      'version: 1',
      'image: ghcr.io/acme/notebook-validator',
      'strategy: multi-stage',
      'baseImage: python:3.12-slim',
      'threshold: 5GB',
      'base: {pip: [papermill, nbformat, nbconvert], apt: [git]}',
      'tiers:',
      ...tiers,
      ''
    ].join('\n')
  )
  return workspace
}

interface StartupSample {
  nodeStartMs: number
  loadMs: number
  toFirstBuildMs: number
  afterBuildMs: number
  cpuMs: number
}

async function startupFigure(options: Options, compiled: string): Promise<StartupSample[]> {
  const workspace = fiftyTierWorkspace()
  const samples: StartupSample[] = []
  try {
    for (let i = 0; i < options.startupRuns; i++) {
      const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'nb-image-bench-runner-'))
      for (const file of ['output.txt', 'summary.md'])
        writeFileSync(path.join(runnerTemp, file), '')
      const result = path.join(runnerTemp, 'result.json')
      await timed(
        process.execPath,
        [path.join(compiled, 'startup', 'index.js'), workspace, runnerTemp, result],
        {
          PATH: process.env['PATH']
        }
      )
      samples.push(JSON.parse(readFileSync(result, 'utf8')) as StartupSample)
      rmSync(runnerTemp, { recursive: true, force: true })
    }
  } finally {
    rmSync(workspace, { recursive: true, force: true })
  }
  return samples
}

// ------------------------------------------------------------ Docker figures --

type Variant = 'action' | 'actionShared' | 'sequential' | 'bake'

const VARIANT_LABEL: Record<Variant, string> = {
  action: 'every tier, multi-stage, through the action',
  actionShared: 'one shared image, through the action',
  sequential: 'three sequential `docker buildx build --target` runs',
  bake: 'plain `docker buildx bake` of the same three targets'
}

interface Samples {
  cold: Record<Variant, number[]>
  warm: Record<Variant, number[]>
  /** Runs that failed, with why; left out of the medians. */
  failures: string[]
}

class DockerBench {
  private readonly workspace: string
  private readonly runnerTemp: string

  constructor(private readonly env: NodeJS.ProcessEnv) {
    this.workspace = mkdtempSync(path.join(os.tmpdir(), 'nb-image-bench-ws-'))
    cpSync(FIXTURE, this.workspace, { recursive: true })
    this.runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'nb-image-bench-runner-'))
  }

  cleanup(): void {
    rmSync(this.workspace, { recursive: true, force: true })
    rmSync(this.runnerTemp, { recursive: true, force: true })
  }

  /** Forgets every build: the builder cache and the images. */
  async coldStart(): Promise<void> {
    spawnSync('docker', ['image', 'rm', '--force', ...this.refs(['shared', ...TIERS])], {
      env: this.env
    })
    await timed('docker', ['buildx', 'prune', '--all', '--force'], this.env)
  }

  private refs(names: string[]): string[] {
    return names.map((name) => `${REPOSITORY}:${name}`)
  }

  async run(variant: Variant): Promise<number> {
    switch (variant) {
      case 'action':
        return this.action('multi-stage')
      case 'actionShared':
        return this.action('shared')
      case 'sequential': {
        let total = 0
        for (const tier of TIERS) {
          const args = ['buildx', 'build', '--progress=quiet', '--target', tier]
          args.push('--tag', `${REPOSITORY}:${tier}`, '--load', this.workspace)
          total += (await timed('docker', args, this.env)).ms
        }
        return total
      }
      case 'bake': {
        // The bake file the action writes for these tiers, labels included, so that the
        // build work is the same and the difference is what the action adds.
        const file = path.join(this.runnerTemp, 'plain-bake.json')
        const images: ImagePlan[] = TIERS.map((tier) => ({
          name: tier,
          tiers: [tier],
          target: tier,
          dockerfile: path.join(this.workspace, 'Dockerfile'),
          context: this.workspace,
          generated: false,
          ref: `${REPOSITORY}:${tier}`,
          thresholdBytes: 1e9,
          thresholdSource: 'manifest',
          buildArgs: {},
          field: `tiers.${tier}`
        }))
        const definition = bakeFile(
          images.map((image) => ({ target: image.name, image })),
          {
            repository: REPOSITORY,
            cacheFrom: [],
            cacheTo: [],
            noCache: false,
            labels: ociLabels({ created: new Date().toISOString() })
          }
        )
        writeFileSync(file, JSON.stringify(definition))
        const args = ['buildx', 'bake', '--file', file, '--progress=quiet', ...TIERS]
        return (await timed('docker', args, this.env)).ms
      }
    }
  }

  /** `node dist/index.js` as the runner runs it; checks that it passed. */
  private async action(strategy: 'multi-stage' | 'shared'): Promise<number> {
    const files = {
      GITHUB_OUTPUT: path.join(this.runnerTemp, 'output.txt'),
      GITHUB_STEP_SUMMARY: path.join(this.runnerTemp, 'summary.md'),
      GITHUB_STATE: path.join(this.runnerTemp, 'state.txt')
    }
    for (const file of Object.values(files)) writeFileSync(file, '')
    const env: NodeJS.ProcessEnv = {
      PATH: this.env['PATH'],
      HOME: this.env['HOME'],
      DOCKER_HOST: this.env['DOCKER_HOST'],
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: this.workspace,
      RUNNER_TEMP: this.runnerTemp,
      INPUT_MANIFEST: 'notebook-tiers.yaml',
      INPUT_STRATEGY: strategy,
      'INPUT_WORKING-DIRECTORY': '.',
      ...files
    }
    const { ms } = await timed(
      process.execPath,
      [path.join(ROOT, 'dist', 'index.js')],
      env,
      this.workspace
    )
    const file = path.join(this.runnerTemp, 'nb-image-report.json')
    const report = readReport(readFileSync(file, 'utf8'), file)
    if (!report.passed) throw new Error(`the action failed: ${JSON.stringify(report.images)}`)
    return ms
  }
}

async function dockerFigures(options: Options, env: NodeJS.ProcessEnv): Promise<Samples> {
  const variants: Variant[] = ['action', 'actionShared', 'sequential', 'bake']
  const empty = (): Record<Variant, number[]> => ({
    action: [],
    actionShared: [],
    sequential: [],
    bake: []
  })
  const samples: Samples = { cold: empty(), warm: empty(), failures: [] }
  const bench = new DockerBench(env)
  try {
    for (let round = 0; round < options.runs; round++) {
      // Side by side: every variant once per round, in an order that rotates, so that a
      // slow minute of the machine does not always hit the same one.
      const order = variants.map((_, i) => variants[(i + round) % variants.length] as Variant)
      // A failed run is reported and left out, not fatal: the other samples still count.
      const attempt = async (
        phase: 'cold' | 'warm',
        variant: Variant,
        show: (ms: number) => string
      ): Promise<void> => {
        try {
          const ms = await bench.run(variant)
          samples[phase][variant].push(ms)
          process.stderr.write(
            `  round ${round + 1} ${phase} ${variant}: ${show(ms)} (load ${load()})\n`
          )
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          samples.failures.push(`round ${round + 1} ${phase} ${variant}: ${message}`)
          // NaN keeps the rounds aligned for the paired figure; medians skip it.
          samples[phase][variant].push(Number.NaN)
          process.stderr.write(`  round ${round + 1} ${phase} ${variant} FAILED: ${message}\n`)
        }
      }
      for (const variant of order) {
        await bench.coldStart()
        await attempt('cold', variant, seconds)
      }
      // Warm: the same builds again with nothing changed, after one warm-up of each.
      for (const variant of order) await bench.run(variant).catch(() => undefined)
      for (const variant of order) await attempt('warm', variant, millis)
    }
  } finally {
    bench.cleanup()
  }
  return samples
}

// -------------------------------------------------------------------- main --

function verdict(ok: boolean): string {
  return ok ? '✅' : '❌'
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2))
  const compiled = path.dirname(fileURLToPath(import.meta.url))
  const out: string[] = []
  const print = (line = ''): void => {
    out.push(line)
    process.stdout.write(`${line}\n`)
  }
  const loadBefore = load()
  const results: Record<string, unknown> = { loadBefore }

  process.stderr.write(`figure 4: 50-tier manifest, fake engine, ${options.startupRuns} runs\n`)
  const startup = await startupFigure(options, compiled)
  results['startup'] = startup

  let docker: Samples | undefined
  let contents: string[] = []
  let engineEnv: NodeJS.ProcessEnv | undefined
  let machineLines = machine()
  const engineName = `bench-${process.pid}`
  if (!options.startupOnly) {
    const started = script('private-engine.sh', ['start', engineName])
    const host = /^export DOCKER_HOST=(\S+)$/m.exec(started)?.[1]
    if (!host) throw new Error(`scripts/private-engine.sh printed no DOCKER_HOST: ${started}`)
    engineEnv = { ...process.env, DOCKER_HOST: host }
    const stop = (): void => {
      spawnSync(path.join(ROOT, 'scripts', 'private-engine.sh'), ['stop', engineName, '--purge'])
    }
    process.once('SIGINT', () => {
      stop()
      process.exit(130)
    })
    process.once('SIGTERM', () => {
      stop()
      process.exit(143)
    })
    try {
      script('make-base-images.sh', ['--fixtures'], engineEnv)
      machineLines = machine(engineEnv)
      process.stderr.write(`Docker figures: ${options.runs} rounds, cold and warm\n`)
      docker = await dockerFigures(options, engineEnv)
      results['docker'] = docker
      process.stderr.write('Contents figure: packages and notebook audit of 3 images\n')
      contents = await contentsFigure(ROOT, engineEnv, options.runs)
    } finally {
      stop()
    }
  }
  const loadAfter = load()
  results['loadAfter'] = loadAfter

  print('## nb-image-action benchmark')
  print()
  for (const line of machineLines) print(`- ${line}`)
  print(
    `- Load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after, on ${os.cpus().length} cores`
  )
  print()
  let passed = true
  const rows: string[] = []
  if (docker) {
    const cold = (variant: Variant): number => median(docker.cold[variant])
    const warm = (variant: Variant): number => median(docker.warm[variant])
    print(`Medians of ${options.runs} runs each, measured side by side:`)
    for (const failure of docker.failures) {
      // Workflow commands escape newlines as %0A.
      print(`- left out, failed: ${failure.split('\n')[0]?.replace(/%0A/g, ' · ') ?? ''}`)
    }
    print()
    print('| Build | Cold | Warm, nothing changed |')
    print('|---|--:|--:|')
    for (const variant of ['action', 'actionShared', 'sequential', 'bake'] as Variant[]) {
      print(`| ${VARIANT_LABEL[variant]} | ${seconds(cold(variant))} | ${millis(warm(variant))} |`)
    }
    print()
    const ratio1 = cold('action') / cold('actionShared')
    const ratio2 = cold('action') / cold('sequential')
    // Paired by round: each round ran the action and plain bake the same minute, so the
    // median of their differences is not thrown off by the machine's load drifting between
    // rounds. The difference of the medians is shown beside it.
    const paired = (phase: 'cold' | 'warm'): number =>
      median(
        docker[phase].action.flatMap((ms, i) => {
          const bake = docker[phase].bake[i] ?? Number.NaN
          return Number.isNaN(ms) || Number.isNaN(bake) ? [] : [ms - bake]
        })
      )
    const overhead = paired('warm')
    passed &&= ratio1 <= 1 && ratio2 <= 0.8 && overhead <= 400
    rows.push(
      `| 1. every tier through the action ÷ one shared image through the action | ${ratio1.toFixed(2)} | ${(warm('action') / warm('actionShared')).toFixed(2)} | ≤ 1.0 (aim < 0.9) ${verdict(ratio1 <= 1)} |`,
      `| 2. every tier through the action ÷ sequential \`buildx build --target\` runs | ${ratio2.toFixed(2)} | ${(warm('action') / warm('sequential')).toFixed(2)} | ≤ 0.8 ${verdict(ratio2 <= 0.8)} |`,
      `| 3. the action's overhead: the action − plain \`buildx bake\` of the same targets, per round | ${millis(paired('cold'))} | ${millis(overhead)} (medians: ${millis(warm('action') - warm('bake'))}) | warm ≤ 400 ms ${verdict(overhead <= 400)} |`
    )
  }
  const first = median(startup.map((s) => s.toFirstBuildMs))
  const after = median(startup.map((s) => s.afterBuildMs))
  const total = median(startup.map((s) => s.toFirstBuildMs + s.afterBuildMs))
  const loading = median(startup.map((s) => s.loadMs))
  const withLoading = median(startup.map((s) => s.loadMs + s.toFirstBuildMs + s.afterBuildMs))
  passed &&= total <= 200
  rows.push(
    `| 4. 50 tiers, no Docker: start → first build command + build end → report and summary | ${millis(first)} + ${millis(after)} = ${millis(total)} (${millis(withLoading)} with loading the code) | | ≤ 200 ms ${verdict(total <= 200)} |`
  )
  for (const line of contents) print(line)
  if (contents.length > 0) print()
  print('| Figure | Cold | Warm | Target |')
  print('|---|--:|--:|---|')
  for (const row of rows) print(row)
  print()
  print(
    `Figure 4 is the median of ${options.startupRuns} fresh processes, from the action's \`run()\` on. Before it, Node.js starts (${millis(median(startup.map((s) => s.nodeStartMs)))}) and loads the action's code (${millis(loading)}); both are part of every run, so figure 3 includes them. CPU time of loading and running: ${millis(median(startup.map((s) => s.cpuMs)))}.`
  )
  if ((os.loadavg()[0] ?? 0) > os.cpus().length / 2) {
    print()
    print('Note: the machine was busy during the run (see the load average); expect noise.')
  }
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`)
    process.stderr.write(`samples written to ${options.json}\n`)
  }
  print()
  print(passed ? 'Every target met.' : 'Some targets were missed (❌ above).')
  return 0
}

mkdirSync(os.tmpdir(), { recursive: true })
main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 2
  }
)
