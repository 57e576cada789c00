// The nb-image command line: the same inputs (flags of the same names, through the same
// parsers), the same modes and the same error classification as the action, printed for a
// terminal. stdout carries only the table or JSON asked for; progress and errors go to stderr.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { consoleLogger } from '../adapters/console-logger.js'
import type { Deps } from '../adapters/deps.js'
import { DockerCli } from '../adapters/docker.js'
import { nodeFileSystem } from '../adapters/fs.js'
import { GitCli } from '../adapters/git.js'
import { globFiles } from '../adapters/glob.js'
import { localHost } from '../adapters/host.js'
import { runCommand } from '../adapters/process.js'
import { dockerConfigCredentials } from '../adapters/docker-credentials.js'
import { proxyAwareFetch } from '../adapters/http.js'
import { engineAllowsPlainHttp, HttpRegistry } from '../adapters/registry.js'
import { readEventPayload, readRunContext } from '../github/context.js'
import { getInputs, INPUT, type InputReader } from '../inputs.js'
import { runCompare, type CompareResult } from '../pipeline/compare.js'
import { DEFAULT_MANIFEST, toRunOptions, type RunOptions } from '../pipeline/options.js'
import { runMode, type RunResult } from '../pipeline/run.js'
import { baselineOnce } from '../pipeline/share-report.js'
import { renderSummary, renderTextTable } from '../render/summary.js'
import { renderAdrText } from '../compare/render-text.js'
import { auditAnnotations } from '../report/audit-findings.js'
import { verdictMessages } from '../report/verdict.js'
import { describeFailure, errorMessage, formatIssue } from '../utils/errors.js'
import type { Logger } from '../utils/logger.js'
import { oneOf } from '../utils/parse-input.js'
import { TOOL_VERSION } from '../version.js'

const USAGE = `Usage: nb-image build [options]
       nb-image compare [options]
       nb-image plan [options]
       nb-image merge --reports <glob> [options]

build    Builds every tier image of a tier manifest with docker buildx (all of them in one
         BuildKit session), measures each image and checks it against its size budget: the
         same pipeline as the GitHub Action.
compare  Measures ADR-031's options on the manifest (A one shared image, B a Dockerfile per
         tier, C a Dockerfile per notebook, D multi-stage with --target): cold and warm build
         times, a package added to each tier in turn, image sizes, what each tier's pod
         pulls, disk, Dockerfiles to maintain; evaluates ADR-031's triggers and recommends
         an option. Prints the table, or the ADR section (--format markdown), or JSON.
         Progress goes to stderr; cold reports go next to --report-file, suffixed.
plan     Prints the matrix of images a build would make (JSON), without building.
merge    Combines the reports of several builds (one job per tier) into one report.

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
  --provenance                attach a provenance attestation (new image IDs every build)
  --max-parallelism <n>       build at most n images at once (default: all in one session)
  --reports <glob>            repeatable: the reports to merge
  --report-file <file>        where to write the JSON report (default nb-image-report.json)
  --working-directory <dir>   resolve relative paths from here
  --threshold-basis <b>       uncompressed (default) | compressed: which size budgets apply to
  --baseline-report <file>    a report to compare with: growth limits are checked against it
  --max-growth <limit>        how much an image may grow against it, e.g. 10% or 500MB
  --growth-policy <p>         fail (default) | warn: what growing past max-growth does
  --disk-check <c>            fail (default) | warn | off: the disk space check before building
  --audit-notebooks <mode>    auto (default: when a tier lists notebooks) | true | false: check
                              in each image that its tiers' notebooks can import what they import

Compare:
  --options <A,B,C,D>         the options to measure (default A,B,D; C is counted unless named)
  --change-package <spec>     repeatable: the package of the one-tier change, [tier=][apt:|pip:]name
                              (default: a synthetic change that re-runs the tier's package steps)
  --adr-file <file>           also write the ADR section (Markdown) there

Tags and push (registry login is yours: docker login):
  --ref <git ref>             ref the tags follow, e.g. refs/tags/v1.2.3 (default $GITHUB_REF)
  --sha <commit>              commit for sha- tags (default $GITHUB_SHA)
  --push                      push every image once all are within budget
  --tag-template <t>          per-tier tags, default {tier}-{version}; {image}-{tier}:{version}
                              gives a repository per tier
  --latest <auto|true|false>  the latest tag (default auto: stable semver releases)
  --nvj-file <file>           where to write NotebookValidationJobs after a push
                              (default notebook-validation-jobs.yaml)
  --nvj-namespace <ns>        metadata.namespace of those jobs

Python packages (pip tiers):
  --pip-index-url <url>       the index to resolve against, credentials allowed
                              (default $PIP_INDEX_URL; wins over the manifest's pipIndexUrl)
  --pip-extra-index-url <url> repeatable: more indexes (default $PIP_EXTRA_INDEX_URL)
  --format <table|markdown|json>  what to print on stdout (default table)
  --verbose                   print build logs on stderr
  --version, --help

Exit status: 0 within budget, 1 over budget, a build failed or a notebook cannot import what
it imports, 2 bad input, no engine or an unwritable report file.
`

const COMMANDS = ['build', 'compare', 'plan', 'merge'] as const
type Command = (typeof COMMANDS)[number]

const FORMATS = ['table', 'markdown', 'json'] as const
type Format = (typeof FORMATS)[number]

/** The flags; those named like an input of the action set that input. */
const FLAGS = {
  manifest: { type: 'string' },
  strategy: { type: 'string' },
  threshold: { type: 'string' },
  tiers: { type: 'string' },
  builder: { type: 'string' },
  cache: { type: 'string' },
  'cache-from': { type: 'string', multiple: true },
  'cache-to': { type: 'string', multiple: true },
  'no-cache': { type: 'boolean' },
  provenance: { type: 'boolean' },
  'max-parallelism': { type: 'string' },
  reports: { type: 'string', multiple: true },
  'report-file': { type: 'string' },
  'working-directory': { type: 'string' },
  format: { type: 'string' },
  'threshold-basis': { type: 'string' },
  'baseline-report': { type: 'string' },
  'max-growth': { type: 'string' },
  'growth-policy': { type: 'string' },
  'disk-check': { type: 'string' },
  ref: { type: 'string' },
  sha: { type: 'string' },
  push: { type: 'boolean' },
  'tag-template': { type: 'string' },
  latest: { type: 'string' },
  'nvj-file': { type: 'string' },
  'nvj-namespace': { type: 'string' },
  options: { type: 'string' },
  'change-package': { type: 'string', multiple: true },
  'adr-file': { type: 'string' },
  'pip-index-url': { type: 'string' },
  'pip-extra-index-url': { type: 'string', multiple: true },
  'audit-notebooks': { type: 'string' },
  verbose: { type: 'boolean' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

type Values = ReturnType<
  typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true }>
>['values']

/** The names of the action's inputs; the flags of the same names set them. */
const INPUT_NAMES: readonly string[] = Object.values(INPUT)

/**
 * The flags read as the action reads its inputs (same names, same parsers): a repeated
 * flag is one line each, a flag without value is `true`. The command is the mode, and files default to the current directory rather than RUNNER_TEMP.
 * pip's own PIP_INDEX_URL and PIP_EXTRA_INDEX_URL stand in for the index flags, so a
 * shell set up for a private index resolves against it.
 */
function flagReader(values: Values, command: Command, env: NodeJS.ProcessEnv): InputReader {
  const given: Record<string, string> = {
    [INPUT.mode]: command,
    [INPUT.reportFile]: 'nb-image-report.json',
    [INPUT.nvjFile]: 'notebook-validation-jobs.yaml',
    [INPUT.pipIndexUrl]: env['PIP_INDEX_URL'] ?? '',
    [INPUT.pipExtraIndexUrl]: env['PIP_EXTRA_INDEX_URL'] ?? ''
  }
  for (const [name, value] of Object.entries(values)) {
    if (!INPUT_NAMES.includes(name) || value === undefined) continue
    given[name] = Array.isArray(value) ? value.join('\n') : String(value)
  }
  return (name) => given[name] ?? ''
}

function isCommand(name: string | undefined): name is Command {
  return (COMMANDS as readonly (string | undefined)[]).includes(name)
}

/** What the arguments ask for, or the exit code when they are wrong or ask only for help. */
type Parsed = { command: Command; values: Values; format: Format } | { exit: number }

function parseCommandLine(argv: string[]): Parsed {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: FLAGS })
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n\n${USAGE}`)
    return { exit: 2 }
  }
  const { values, positionals } = parsed
  if (values.version) {
    process.stdout.write(`${TOOL_VERSION}\n`)
    return { exit: 0 }
  }
  const command = positionals[0]
  if (values.help) {
    process.stdout.write(USAGE)
    return { exit: 0 }
  }
  const wrong =
    command === undefined
      ? 'give a command: build, compare, plan or merge'
      : !isCommand(command)
        ? `unknown command "${command}"; expected build, compare, plan or merge`
        : positionals.length > 1
          ? // Most often a value given to a flag that takes none (`--push maybe`).
            `unexpected argument "${positionals[1]}" (flags such as --push and --no-cache take no value)`
          : undefined
  if (wrong !== undefined || !isCommand(command)) {
    process.stderr.write(`error: ${wrong ?? 'give a command'}\n\n${USAGE}`)
    return { exit: 2 }
  }
  try {
    return { command, values, format: oneOf('--format', values.format ?? '', FORMATS, 'table') }
  } catch (error) {
    process.stderr.write(`${errorMessage(error)}\n`)
    return { exit: 2 }
  }
}

/** The adapters of a command-line run: the real ones, logging to stderr. */
function cliDeps(logger: Logger): Deps {
  const docker = new DockerCli(runCommand)
  return {
    docker,
    fs: nodeFileSystem,
    git: new GitCli(runCommand),
    logger,
    registry: new HttpRegistry(
      dockerConfigCredentials(runCommand),
      proxyAwareFetch(),
      () => undefined,
      engineAllowsPlainHttp(() => docker.registryConfig())
    ),
    glob: globFiles,
    host: localHost
  }
}

/** Runs the CLI with the given arguments; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv)
  if ('exit' in parsed) return parsed.exit
  const { command, values, format } = parsed
  const deps = cliDeps(consoleLogger({ verbose: values.verbose ?? false }))
  try {
    const inputs = getInputs(flagReader(values, command, process.env))
    // Outside GitHub the workspace is the current directory; --ref and --sha stand in for
    // the workflow's GITHUB_REF and GITHUB_SHA.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GITHUB_WORKSPACE: process.env['GITHUB_WORKSPACE'] ?? process.cwd(),
      RUNNER_TEMP: undefined
    }
    if (values.ref !== undefined) env['GITHUB_REF'] = values.ref
    if (values.sha !== undefined) env['GITHUB_SHA'] = values.sha
    const payload = await readEventPayload(deps.fs.readFile, env)
    const context = readRunContext(env, payload)
    const options = toRunOptions(inputs, env, process.cwd(), context)
    // --baseline-report: growth limits and the disk check measure against it.
    deps.baseline = baselineOnce(options.share, context, options.tiers, deps)
    if (command === 'compare') {
      // The comparison's own progress says what runs; each build's steps only with --verbose.
      const quiet: Deps = values.verbose
        ? deps
        : { ...deps, logger: { ...deps.logger, group: (_title, fn) => fn() } }
      const result = await runCompare(options, quiet, (line) => process.stderr.write(`▸ ${line}\n`))
      return printComparison(result, format)
    }
    return print(await runMode(inputs.mode, options, deps), options, format)
  } catch (error) {
    const failure = describeFailure(error)
    if (failure.issues.length > 0) {
      for (const issue of failure.issues) process.stderr.write(`error: ${formatIssue(issue)}\n`)
      if (failure.summarized) process.stderr.write(`error: ${failure.message}\n`)
    } else {
      process.stderr.write(`error: ${failure.message}\n`)
      if (failure.stack) process.stderr.write(`${failure.stack}\n`)
    }
    return 2
  }
}

/** Prints a mode's result; the exit code says whether every image is within budget. */
function print(result: RunResult, options: RunOptions, format: Format): number {
  if (result.mode === 'plan') {
    process.stdout.write(`${JSON.stringify(result.matrix, null, 2)}\n`)
    return 0
  }
  if (result.mode === 'compare') return printComparison(result, format)
  const { report, reportError } = result
  if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else if (format === 'markdown') process.stdout.write(renderSummary(report))
  else process.stdout.write(renderTextTable(report))
  const shown = path.relative(process.cwd(), options.reportFile)
  if (!reportError) {
    process.stderr.write(
      `Report written to ${shown.startsWith('..') ? options.reportFile : shown}\n`
    )
  }
  for (const finding of auditAnnotations(report)) {
    const where = finding.line !== undefined ? ` (${finding.file}:${finding.line})` : ''
    process.stderr.write(`${finding.level}: ${finding.message}${where}\n`)
  }
  for (const message of verdictMessages(report)) process.stderr.write(`error: ${message}\n`)
  if (reportError) {
    process.stderr.write(`error: ${reportError}\n`)
    return 2
  }
  return report.passed ? 0 : 1
}

/** `nb-image compare`: the document in the format asked for; where files went, on stderr. */
function printComparison(result: CompareResult, format: Format): number {
  const { document, writeErrors } = result
  if (format === 'json') process.stdout.write(`${JSON.stringify(document, null, 2)}\n`)
  else if (format === 'markdown') process.stdout.write(result.markdown)
  else process.stdout.write(renderAdrText(document))
  const files = [
    ...document.options.flatMap((option) => option.reportFiles),
    ...(result.adrFile !== undefined ? [result.adrFile] : [])
  ]
  for (const file of files) {
    if (!writeErrors.some((error) => error.includes(file)))
      process.stderr.write(`Wrote ${shown(file)}\n`)
  }
  for (const error of writeErrors) process.stderr.write(`error: ${error}\n`)
  return writeErrors.length > 0 ? 2 : 0
}

/** A path relative to the current directory when it is under it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative.startsWith('..') ? file : relative
}
