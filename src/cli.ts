import path from 'node:path'
import { parseArgs } from 'node:util'
import { consoleLogger } from './adapters/console-logger.js'
import { DockerCli } from './adapters/docker.js'
import { nodeFileSystem } from './adapters/fs.js'
import { runCommand } from './adapters/process.js'
import { parseCacheInput } from './cache.js'
import { errorMessage, formatIssue, ManifestError, NbImageError } from './errors.js'
import {
  DEFAULT_MANIFEST,
  parseList,
  parseMaxParallelism,
  parseStrategy,
  parseThresholdInput,
  toPipelineOptions,
  type Inputs,
  type Mode
} from './options.js'
import { runMerge, runPipeline, runPlan } from './pipeline.js'
import { verdictMessages } from './report.js'
import { renderSummary, renderTextTable } from './summary.js'
import { TOOL_VERSION } from './version.js'

const USAGE = `Usage: nb-image build [options]
       nb-image plan [options]
       nb-image merge --reports <glob> [options]

build   Builds every tier image of a tier manifest with docker buildx (all in one BuildKit
        session), measures each image and checks it against its size budget: the same
        pipeline as the GitHub Action.
plan    Prints the matrix of images a build would make (JSON), without building.
merge   Combines the reports of several builds (one per tier) into one report.

Options:
  --manifest <file>           tier manifest (default ${DEFAULT_MANIFEST})
  --strategy <s>              shared | multi-stage (default: the manifest's)
  --threshold <size>          default budget, e.g. 5GB, 4.5 GB, 2GiB
  --tiers <a,b>               build only the images of these tiers
  --builder <name>            buildx builder
  --cache <gha|registry>      one cache per image in the GitHub cache or next to the images
  --cache-from <spec>         repeatable, passed to buildx for every image
  --cache-to <spec>           repeatable, passed to buildx for every image
  --no-cache                  build without cache
  --max-parallelism <n>       build at most n images at once (default: all in one session)
  --reports <glob>            repeatable: the reports to merge
  --report-file <file>        where to write the JSON report (default nb-image-report.json)
  --working-directory <dir>   resolve relative paths from here
  --format <table|markdown|json>  what to print on stdout (default table)
  --verbose                   print build logs on stderr
  --version, --help

Exit status: 0 within budget, 1 over budget or a build failed, 2 bad input or no engine.
`

const COMMANDS: readonly Mode[] = ['build', 'plan', 'merge']

/** Runs the CLI with the given arguments; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        manifest: { type: 'string' },
        strategy: { type: 'string' },
        threshold: { type: 'string' },
        tiers: { type: 'string' },
        builder: { type: 'string' },
        cache: { type: 'string' },
        'cache-from': { type: 'string', multiple: true },
        'cache-to': { type: 'string', multiple: true },
        'no-cache': { type: 'boolean' },
        'max-parallelism': { type: 'string' },
        reports: { type: 'string', multiple: true },
        'report-file': { type: 'string' },
        'working-directory': { type: 'string' },
        format: { type: 'string' },
        verbose: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.version) {
    process.stdout.write(`${TOOL_VERSION}\n`)
    return 0
  }
  const command = COMMANDS.find((name) => name === positionals[0])
  if (values.help || !command || positionals.length > 1) {
    process.stdout.write(USAGE)
    return values.help ? 0 : 2
  }
  const format = values.format ?? 'table'
  if (!['table', 'markdown', 'json'].includes(format)) {
    process.stderr.write(`--format: expected table, markdown or json, got "${format}"\n`)
    return 2
  }
  const logger = consoleLogger({ verbose: values.verbose ?? false })
  try {
    const inputs: Inputs = {
      mode: command,
      manifest: values.manifest ?? DEFAULT_MANIFEST,
      tiers: parseList(values.tiers ?? ''),
      cacheFrom: values['cache-from'] ?? [],
      cacheTo: values['cache-to'] ?? [],
      noCache: values['no-cache'] ?? false,
      reports: values.reports ?? [],
      workingDirectory: values['working-directory'] ?? '.'
    }
    const cache = parseCacheInput(values.cache ?? '')
    if (cache) inputs.cache = cache
    const maxParallelism = parseMaxParallelism(values['max-parallelism'] ?? '')
    if (maxParallelism !== undefined) inputs.maxParallelism = maxParallelism
    const strategy = parseStrategy(values.strategy ?? '')
    if (strategy) inputs.strategy = strategy
    const threshold = parseThresholdInput(values.threshold ?? '')
    if (threshold !== undefined) inputs.thresholdBytes = threshold
    if (values.builder) inputs.builder = values.builder
    inputs.reportFile = values['report-file'] ?? 'nb-image-report.json'
    // Outside GitHub the workspace is the current directory.
    const env = {
      ...process.env,
      GITHUB_WORKSPACE: process.env['GITHUB_WORKSPACE'] ?? process.cwd(),
      RUNNER_TEMP: undefined
    }
    const options = toPipelineOptions(inputs, env, process.cwd())
    const deps = { docker: new DockerCli(runCommand), fs: nodeFileSystem, logger }
    if (command === 'plan') {
      const { matrix } = await runPlan(options, deps)
      process.stdout.write(`${JSON.stringify(matrix, null, 2)}\n`)
      return 0
    }
    const { report } =
      command === 'merge' ? await runMerge(options, deps) : await runPipeline(options, deps)
    if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    else if (format === 'markdown') process.stdout.write(renderSummary(report))
    else process.stdout.write(renderTextTable(report))
    const shown = path.relative(process.cwd(), options.reportFile)
    process.stderr.write(
      `Report written to ${shown.startsWith('..') ? options.reportFile : shown}\n`
    )
    for (const message of verdictMessages(report)) process.stderr.write(`error: ${message}\n`)
    return report.passed ? 0 : 1
  } catch (error) {
    if (error instanceof ManifestError) {
      for (const issue of error.issues) process.stderr.write(`error: ${formatIssue(issue)}\n`)
    } else if (error instanceof NbImageError) {
      process.stderr.write(`error: ${error.message}\n`)
    } else {
      process.stderr.write(
        `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      )
    }
    return 2
  }
}
