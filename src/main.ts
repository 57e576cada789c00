import * as core from '@actions/core'
import { actionsLogger } from './adapters/actions-logger.js'
import {
  actionsArtifactUploader,
  uploadBlocker,
  type ReportUploader
} from './adapters/artifact.js'
import { DockerCli, type DockerClient } from './adapters/docker.js'
import { nodeFileSystem, type FileSystem } from './adapters/fs.js'
import { createGitHubApi, type GitHubApi, type GitHubClientOptions } from './adapters/github.js'
import { globFiles, type GlobFn } from './adapters/glob.js'
import { runCommand } from './adapters/process.js'
import { dockerConfigCredentials, HttpRegistry, type RegistryClient } from './adapters/registry.js'
import { parseBaselineReport } from './github/baseline.js'
import { errorMessage, ManifestError, NbImageError, formatIssue } from './utils/errors.js'
import { readEventPayload, readRunContext, type RunContext } from './github/context.js'
import {
  commentDecision,
  forSelection,
  shouldUploadReport,
  type CommentSettings
} from './github/sharing.js'
import { getInputs, INPUT } from './inputs.js'
import type { Logger } from './utils/logger.js'
import { matrixOf, tierRefs } from './report/merge.js'
import { fieldPath } from './manifest/parse.js'
import { toPipelineOptions } from './pipeline/options.js'
import { runMerge, runPipeline, runPlan } from './pipeline/build.js'
import { problemsWarning, runCommentPhase } from './github/pull-request-comment.js'
import { pinnedTiers, verdictMessages, warningMessage } from './report/build-report.js'
import { renderSummary } from './render/summary.js'
import type { Manifest, Report } from './report/types.js'

/** The adapters the action runs with; tests may swap any of them. */
export interface ActionDeps {
  docker: DockerClient
  fs: FileSystem
  logger: Logger
  registry?: RegistryClient
  glob?: GlobFn
  /** Makes the GitHub REST client of the run's repository. */
  github: (options: GitHubClientOptions) => GitHubApi
  /** Stores the report as a workflow artifact (the baseline of later pull requests). */
  uploader: ReportUploader
}

/** The real adapters. */
export function defaultDeps(): ActionDeps {
  return {
    docker: new DockerCli(runCommand),
    fs: nodeFileSystem,
    logger: actionsLogger,
    registry: new HttpRegistry(dockerConfigCredentials(runCommand), fetch, core.setSecret),
    glob: globFiles,
    github: createGitHubApi,
    uploader: actionsArtifactUploader(process.env['RUNNER_TEMP'])
  }
}

/**
 * Runs the action: inputs → pipeline → outputs, job summary and annotations. This is the
 * only place that fails the step.
 */
export async function run(deps: ActionDeps = defaultDeps()): Promise<void> {
  // Set once the inputs are read: a run that fails later can still update its comment.
  let share:
    ((report: Report, manifest?: Manifest, reportWritten?: boolean) => Promise<void>) | undefined
  let reportFile: string | undefined
  const startedAt = Date.now()
  try {
    const inputs = getInputs((name) => {
      const value = core.getInput(name)
      // Masked at once, whatever input is read next (or refused).
      if (name === INPUT.githubToken && value) core.setSecret(value)
      return value
    })
    const payload = await readEventPayload((file) => deps.fs.readFile(file), process.env)
    // One context for the whole run: tags and pushing, the comment and the upload agree.
    const context = readRunContext(process.env, payload)
    const options = toPipelineOptions(inputs, process.env, process.cwd(), context)
    if (inputs.mode === 'plan') {
      const { plan, matrix } = await runPlan(options, deps)
      core.setOutput('matrix', JSON.stringify(matrix))
      core.setOutput('images', JSON.stringify(tierRefs(plan)))
      core.info(`matrix: ${JSON.stringify(matrix)}`)
      return
    }
    const settings = options.share
    const file = (reportFile = options.reportFile)
    share = async (report, manifest, reportWritten = true) => {
      const declared = manifest?.tiers.map((tier) => tier.name)
      const selection = forSelection(settings, context, options.tiers, declared)
      if (selection.note) core.info(selection.note)
      await shareReport(
        report,
        manifest,
        reportWritten ? file : null,
        selection.settings,
        context,
        deps
      )
    }
    core.setOutput('report-file', options.reportFile)
    if (inputs.mode === 'merge') {
      const { report, manifest, reportError } = await runMerge(options, deps)
      await publish(report, manifest, reportError, deps, share)
      return
    }
    const { report, manifest, plan, reportError } = await runPipeline(options, deps)
    core.setOutput('matrix', JSON.stringify(matrixOf(plan)))
    await publish(report, manifest, reportError, deps, share)
  } catch (error) {
    if (error instanceof ManifestError) {
      for (const issue of error.issues) {
        deps.logger.error(formatIssue(issue), {
          title: 'Invalid tier manifest',
          file: issue.file,
          startLine: issue.line,
          startColumn: issue.column
        })
      }
      const count = error.issues.length
      core.setFailed(
        `${error.issues[0]?.file ?? 'manifest'}: ${count} problem${count === 1 ? '' : 's'} (see the errors above)`
      )
    } else if (error instanceof NbImageError) {
      core.setFailed(error.message)
    } else {
      // Anything else is our bug; keep the stack for the issue report.
      core.setFailed(`Unexpected error: ${errorMessage(error)}`)
      if (error instanceof Error && error.stack) core.debug(error.stack)
    }
    // A pull request whose manifest or build broke must not keep an earlier "within budget"
    // comment: publish the report the pipeline wrote on its way out, if it is this run's.
    if (share && reportFile && error instanceof NbImageError) {
      const report = await readOwnReport(deps.fs, reportFile, startedAt)
      if (report) await share(report)
    }
  }
}

/** The report file, when this run wrote it (not a leftover of an earlier one). */
async function readOwnReport(
  fs: FileSystem,
  file: string,
  startedAt: number
): Promise<Report | undefined> {
  try {
    const report = parseBaselineReport(new TextDecoder().decode(await fs.readFile(file)), file)
    return Date.parse(report.startedAt) >= startedAt ? report : undefined
  } catch {
    return undefined
  }
}

/** Characters of comparison the job summary gets (GitHub keeps at most 1 MiB per step). */
const SUMMARY_LIMIT = 512 * 1024

/**
 * After the report: upload it as the baseline artifact (pushes to the default branch) and
 * compare and comment on the pull request. Neither fails the step: problems become one
 * warning each, and the comment's markdown always reaches the job summary and the log.
 */
async function shareReport(
  report: Report,
  manifest: Manifest | undefined,
  reportFile: string | null,
  settings: CommentSettings,
  context: RunContext,
  deps: ActionDeps
): Promise<void> {
  if (reportFile && report.error === undefined && shouldUploadReport(settings.upload, context)) {
    await core.group('Upload report', () => uploadReport(reportFile, settings, deps))
  }
  const decision = commentDecision(settings.comment, context, settings.baselineReport !== undefined)
  if (decision.render) {
    await core.group('Pull request comment', () =>
      commentOnPullRequest(report, manifest, settings, context, deps)
    )
  }
}

async function commentOnPullRequest(
  report: Report,
  manifest: Manifest | undefined,
  settings: CommentSettings,
  context: RunContext,
  deps: ActionDeps
): Promise<void> {
  try {
    const github = settings.token
      ? deps.github({
          token: settings.token,
          apiUrl: context.apiUrl,
          owner: context.owner,
          repo: context.repo,
          logger: deps.logger
        })
      : null
    const result = await runCommentPhase(
      {
        settings,
        context,
        report,
        ...(manifest ? { declaredTiers: manifest.tiers.map((tier) => tier.name) } : {}),
        descriptions: Object.fromEntries(
          (manifest?.tiers ?? []).flatMap((tier) =>
            tier.description ? [[tier.name, tier.description]] : []
          )
        )
      },
      { github, fs: deps.fs, logger: deps.logger }
    )
    if (!result) return
    core.setOutput('comment-body', result.rendered.body)
    if (result.comment) {
      core.setOutput('comment-id', String(result.comment.id))
      core.setOutput('comment-url', result.comment.url)
    }
    const where = result.comment
      ? `[posted on the pull request](${result.comment.url})`
      : 'not posted on the pull request'
    // The job summary takes 1 MiB per step; past that, the shortened comment has to do.
    const markdown =
      result.rendered.full.length <= SUMMARY_LIMIT ? result.rendered.full : result.rendered.body
    await core.summary.addRaw(`\n---\n\n> Pull request comment: ${where}.\n\n${markdown}`).write()
    core.info(markdown)
    const warning = problemsWarning(result.problems, result.fromFork)
    if (warning) core.warning(warning, { title: 'Pull request comment' })
  } catch (error) {
    // Our bug, not the user's: the build's verdict still stands.
    core.warning(`Pull request comment failed: ${errorMessage(error)}`)
    if (error instanceof Error && error.stack) core.debug(error.stack)
  }
}

async function uploadReport(
  reportFile: string,
  settings: CommentSettings,
  deps: ActionDeps
): Promise<void> {
  try {
    const blocker = uploadBlocker(process.env)
    if (blocker) {
      const message = `Report not uploaded as artifact ${settings.artifactName}: ${blocker}.`
      if (settings.upload === 'true') core.warning(message)
      else core.info(message)
      return
    }
    const uploaded = await deps.uploader.upload(settings.artifactName, reportFile)
    core.info(
      `Uploaded the report as artifact ${settings.artifactName} (id ${uploaded.id ?? '?'}, ${uploaded.size ?? '?'} bytes): pull requests into this branch compare with it.`
    )
  } catch (error) {
    core.warning(
      `Report not uploaded as artifact ${settings.artifactName}: ${errorMessage(error)}. Pull requests compare with the last report that was uploaded; with several manifests or matrix jobs, give each its own report-artifact.`
    )
  }
}

/**
 * Outputs, job summary, annotations, the upload and comment (`share`) and the verdict of a
 * finished (or merged) report.
 */
async function publish(
  report: Report,
  manifest: Manifest | undefined,
  reportError: string | undefined,
  deps: ActionDeps,
  share: (report: Report, manifest?: Manifest, reportWritten?: boolean) => Promise<void>
): Promise<void> {
  core.setOutput('report', JSON.stringify(report))
  core.setOutput('passed', String(report.passed))
  core.setOutput('images', JSON.stringify(report.tiers))
  core.setOutput('version', report.publish.version ?? '')
  core.setOutput(
    'tags',
    report.images.flatMap((image) => image.tags.map((tag) => tag.ref)).join('\n')
  )
  core.setOutput('pushed', String(report.pushed))
  core.setOutput('digests', JSON.stringify(pinnedTiers(report)))
  core.setOutput('notebook-validation-jobs', report.publish.notebookValidationJobs ?? '')

  await core.group('Report', async () => {
    const summary = renderSummary(report)
    await core.summary.addRaw(summary).write()
    core.info(summary)
  })
  for (const image of report.images) {
    const warning = warningMessage(image, report.thresholdBasis)
    const tier = image.tiers[0]
    const where = tier && manifest ? manifest.positions[fieldPath(['tiers', tier])] : undefined
    if (warning) {
      deps.logger.warning(warning, {
        title: 'Image near its size budget',
        file: manifest?.file ?? report.manifest,
        ...(where ? { startLine: where.line, startColumn: where.column } : {})
      })
    }
  }
  await share(report, manifest, reportError === undefined)
  // A report file that could not be written fails the step (later steps would read it),
  // after the summary and outputs have shown what was built.
  const messages = [...(reportError ? [reportError] : []), ...verdictMessages(report)]
  if (messages.length > 0) {
    core.setFailed(
      messages.length === 1
        ? (messages[0] ?? '')
        : `${messages.length} problems:\n${messages.join('\n')}`
    )
  }
}
