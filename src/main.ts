// The action's shell: inputs → the mode's pipeline → outputs, job summary, annotations and
// the step's verdict. The only place that fails the step. Every effect goes through the
// adapters in `deps` (the step, the log, the engine, GitHub), so __tests__/main.test.ts
// runs it with fakes.
import { actionsLogger } from './adapters/actions-logger.js'
import { actionsStep, type Step } from './adapters/actions-step.js'
import { actionsArtifactUploader } from './adapters/artifact.js'
import type { Deps } from './adapters/deps.js'
import { DockerCli } from './adapters/docker.js'
import { nodeFileSystem } from './adapters/fs.js'
import { GitCli } from './adapters/git.js'
import { createGitHubApi } from './adapters/github.js'
import { globFiles } from './adapters/glob.js'
import { localHost } from './adapters/host.js'
import { runCommand } from './adapters/process.js'
import { dockerConfigCredentials } from './adapters/docker-credentials.js'
import { proxyAwareFetch } from './adapters/http.js'
import { engineAllowsPlainHttp, HttpRegistry } from './adapters/registry.js'
import { readEventPayload, readRunContext } from './github/context.js'
import { getInputs, INPUT, type InputReader } from './inputs.js'
import { indexUrlSecrets } from './manifest/index-urls.js'
import type { BuildResult } from './pipeline/build.js'
import type { CompareResult } from './pipeline/compare.js'
import type { MergeResult } from './pipeline/merge.js'
import { toRunOptions } from './pipeline/options.js'
import { runMode } from './pipeline/run.js'
import { baselineOnce, shareReport } from './pipeline/share-report.js'
import { renderAdrText } from './compare/render-text.js'
import { renderSummary } from './render/summary.js'
import { comparisonWarnings } from './compare/warnings.js'
import { pinnedTiers, tierRefs } from './report/build-report.js'
import { matrixOf } from './report/merge.js'
import { ReportFile } from './report/report-file.js'
import type { Report } from './report/types.js'
import type { Manifest } from './manifest/types.js'
import { auditAnnotations } from './report/audit-findings.js'
import { verdictMessages, verdictWarnings } from './report/verdict.js'
import { describeFailure, errorMessage, formatIssue, NbImageError } from './utils/errors.js'
import type { Logger } from './utils/logger.js'

/** The adapters the action runs with, the step among them; tests may swap any of them. */
export interface ActionDeps extends Deps {
  step: Step
  /** The runner's environment: GITHUB_* for the run context, GITHUB_WORKSPACE, RUNNER_TEMP… */
  env: NodeJS.ProcessEnv
  /** The working directory GITHUB_WORKSPACE is resolved from. */
  cwd: string
}

/** The real adapters, over the runner's environment. */
export function defaultDeps(env: NodeJS.ProcessEnv = process.env): ActionDeps {
  const docker = new DockerCli(runCommand)
  return {
    step: actionsStep,
    env,
    cwd: process.cwd(),
    docker,
    fs: nodeFileSystem,
    git: new GitCli(runCommand),
    logger: actionsLogger,
    // Proxies as @actions/http-client; plain HTTP only where the engine pushes over it.
    registry: new HttpRegistry(
      dockerConfigCredentials(runCommand),
      proxyAwareFetch(),
      actionsStep.setSecret,
      engineAllowsPlainHttp(() => docker.registryConfig())
    ),
    glob: globFiles,
    host: localHost,
    github: createGitHubApi,
    uploader: actionsArtifactUploader(env['RUNNER_TEMP'], env)
  }
}

/** Runs the action. Never throws: whatever goes wrong fails the step, once, saying why. */
export async function run(given: ActionDeps = defaultDeps()): Promise<void> {
  // A runner without job summaries (or a broken output file) costs the summary, not the run.
  const deps: ActionDeps = { ...given, step: tolerantStep(given.step, given.logger) }
  const { step, env } = deps
  // Set once the inputs are read: a run that fails later still updates its comment.
  let share: Share | undefined
  let file: ReportFile | undefined
  try {
    const inputs = getInputs(maskingReader(step, env))
    const payload = await readEventPayload((path) => deps.fs.readFile(path), env)
    // One context for the whole run: tags and pushing, the comment and the upload agree.
    const context = readRunContext(env, payload)
    const options = toRunOptions(inputs, env, deps.cwd, context)
    // Looked up once: by the build (growth, disk space) and by the comment after it.
    const builds = inputs.mode === 'build' || inputs.mode === 'merge'
    const baseline = builds ? baselineOnce(options.share, context, options.tiers, deps) : undefined
    if (builds) {
      file = new ReportFile(deps.fs, options.reportFile)
      const reportFile = options.reportFile
      share = (report, written, manifest) =>
        shareReport(
          {
            report,
            ...(manifest ? { manifest } : {}),
            reportFile: written ? reportFile : null,
            settings: options.share,
            context,
            ...(options.tiers ? { tiers: options.tiers } : {}),
            ...(baseline ? { baseline } : {})
          },
          deps
        )
      step.setOutput('report-file', options.reportFile)
    }
    const result = await runMode(
      inputs.mode,
      options,
      { ...deps, ...(baseline ? { baseline } : {}) },
      file
    )
    if (result.mode === 'plan') {
      step.setOutput('matrix', JSON.stringify(result.matrix))
      step.setOutput('images', JSON.stringify(tierRefs(result.plan.images)))
      deps.logger.info(`matrix: ${JSON.stringify(result.matrix)}`)
      return
    }
    if (result.mode === 'compare') {
      await emitComparison(result, deps)
      return
    }
    if (result.mode === 'build') step.setOutput('matrix', JSON.stringify(matrixOf(result.plan)))
    if (share) await emitResults(result, deps, share)
  } catch (error) {
    fail(error, deps)
    // A pull request whose manifest or build broke must not keep an earlier "within budget"
    // comment: share the report the run saved on its way out, as it holds it in memory.
    if (share && file?.report && error instanceof NbImageError) {
      await share(file.report, file.written)
    }
  }
}

/** Uploads and comments on a report (pipeline/share-report.ts), with what the run knows. */
type Share = (report: Report, written: boolean, manifest?: Manifest) => Promise<void>

/** pip's own variables, read when the index inputs are empty (as the command line does). */
const PIP_ENV: Record<string, string> = {
  [INPUT.pipIndexUrl]: 'PIP_INDEX_URL',
  [INPUT.pipExtraIndexUrl]: 'PIP_EXTRA_INDEX_URL'
}

/**
 * The step, minus the runner features a runner may lack. Without GITHUB_STEP_SUMMARY (act,
 * Gitea and Forgejo Actions, older GitHub Enterprise Server) the summary is skipped with one
 * notice; a summary or output file that is set but cannot be written gets one warning. The
 * report is still in the log, the outputs (@actions/core falls back to `::set-output` when
 * GITHUB_OUTPUT is unset) and the report file, and the verdict is the build's.
 */
export function tolerantStep(step: Step, logger: Logger): Step {
  let summaryTold = false
  let outputTold = false
  return {
    getInput: (name) => step.getInput(name),
    setSecret: (secret) => step.setSecret(secret),
    setFailed: (message) => step.setFailed(message),
    setOutput(name, value) {
      try {
        step.setOutput(name, value)
      } catch (error) {
        if (outputTold) return
        outputTold = true
        logger.warning(
          `The step's outputs could not be written (${errorMessage(error)}); the report is in the log and the report file.`
        )
      }
    },
    async appendSummary(markdown) {
      const skipped = await step.appendSummary(markdown)
      if (skipped && !summaryTold) {
        summaryTold = true
        if (skipped.reason === 'unsupported') {
          logger.notice(
            `This runner provides no job summary (${skipped.message}): the report is in the log, the step's outputs and the report file.`
          )
        } else {
          logger.warning(
            `The job summary could not be written (${skipped.message}); the report is in the log, the step's outputs and the report file.`
          )
        }
      }
      return skipped
    }
  }
}

/**
 * Reads inputs through the step, masking the token and index credentials the moment they
 * are read. An empty index input falls back to pip's PIP_INDEX_URL / PIP_EXTRA_INDEX_URL,
 * so a job that sets those for its own pip steps resolves against the same index.
 */
function maskingReader(step: Step, env: NodeJS.ProcessEnv): InputReader {
  return (name) => {
    const fallback = PIP_ENV[name]
    const value = step.getInput(name) || (fallback ? (env[fallback] ?? '').trim() : '')
    if (name === INPUT.githubToken && value) step.setSecret(value)
    if (fallback) {
      for (const secret of indexUrlSecrets(value)) step.setSecret(secret)
    }
    return value
  }
}

/**
 * Outputs, job summary, near-budget warnings on their tiers' lines, the upload and comment
 * (`share`) and the verdict of a finished (or merged) report.
 */
async function emitResults(
  result: BuildResult | MergeResult,
  deps: ActionDeps,
  share: Share
): Promise<void> {
  const { report, manifest, reportError } = result
  const { step, logger } = deps
  step.setOutput('report', JSON.stringify(report))
  step.setOutput('passed', String(report.passed))
  step.setOutput('images', JSON.stringify(report.tiers))
  step.setOutput('version', report.publish.version ?? '')
  step.setOutput(
    'tags',
    report.images.flatMap((image) => image.tags.map((tag) => tag.ref)).join('\n')
  )
  step.setOutput('pushed', String(report.pushed))
  step.setOutput('digests', JSON.stringify(pinnedTiers(report)))
  step.setOutput('notebook-validation-jobs', report.publish.notebookValidationJobs ?? '')
  await logger.group('Report', async () => {
    const summary = renderSummary(report)
    await step.appendSummary(summary)
    logger.info(summary)
  })
  for (const warning of verdictWarnings(report, manifest)) {
    logger.warning(warning.message, {
      title: warning.title,
      file: warning.file,
      ...(warning.line !== undefined ? { startLine: warning.line } : {}),
      ...(warning.column !== undefined ? { startColumn: warning.column } : {})
    })
  }
  // The notebook audit's findings, on the notebooks (and the lines of the cells) they concern.
  for (const finding of auditAnnotations(report)) {
    const target = {
      title: finding.title,
      file: finding.file,
      ...(finding.line !== undefined ? { startLine: finding.line } : {})
    }
    if (finding.level === 'error') logger.error(finding.message, target)
    else if (finding.level === 'warning') logger.warning(finding.message, target)
    else logger.info(finding.message)
  }
  await share(report, reportError === undefined, manifest)
  // A report file that could not be written fails the step (later steps would read it),
  // after the summary and outputs have shown what was built.
  const messages = [...(reportError ? [reportError] : []), ...verdictMessages(report)]
  if (messages.length > 0) {
    step.setFailed(
      messages.length === 1
        ? (messages[0] ?? '')
        : `${messages.length} problems:\n${messages.join('\n')}`
    )
  }
}

/**
 * `mode: compare`: the ADR section in the job summary and the `adr` output (and its file),
 * the document as JSON, a warning for each of ADR-031's triggers that fired and when the
 * recommendation is not the manifest's strategy, so a scheduled run flags a decision to
 * revisit. Fails the step only when nothing could be measured or a file could not be written.
 */
async function emitComparison(result: CompareResult, deps: ActionDeps): Promise<void> {
  const { step, logger } = deps
  const { document, markdown, manifest } = result
  step.setOutput('adr', markdown)
  step.setOutput('adr-file', result.adrFile ?? '')
  step.setOutput('comparison', JSON.stringify(document))
  step.setOutput('recommendation', document.recommendation.option ?? '')
  await step.appendSummary(markdown)
  logger.info(renderAdrText(document))
  for (const warning of comparisonWarnings(document, manifest)) {
    logger.warning(warning.message, {
      title: warning.title,
      file: document.manifest,
      ...(warning.line !== undefined ? { startLine: warning.line } : {})
    })
  }
  const measured = document.options.filter((option) => option.status === 'measured')
  const problems = [
    ...result.writeErrors,
    ...(measured.length === 0 ? ['compare: no option could be measured; see the log'] : [])
  ]
  if (problems.length > 0) step.setFailed(problems.join('\n'))
}

/** Fails the step: one annotation per manifest issue, then one message. */
function fail(error: unknown, deps: ActionDeps): void {
  const failure = describeFailure(error)
  for (const issue of failure.issues) {
    deps.logger.error(formatIssue(issue), {
      title: issue.title ?? failure.title ?? 'Invalid tier manifest',
      file: issue.file,
      startLine: issue.line,
      startColumn: issue.column
    })
  }
  deps.step.setFailed(failure.message)
  // Our bug: keep the stack for the issue report.
  if (failure.stack) deps.logger.debug(failure.stack)
}
