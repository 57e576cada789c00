import * as core from '@actions/core'
import { actionsLogger } from './adapters/actions-logger.js'
import { readFile } from 'node:fs/promises'
import { DockerCli, type DockerClient } from './adapters/docker.js'
import { nodeFileSystem, type FileSystem } from './adapters/fs.js'
import { globFiles, type GlobFn } from './adapters/glob.js'
import { runCommand } from './adapters/process.js'
import { dockerConfigCredentials, HttpRegistry, type RegistryClient } from './adapters/registry.js'
import { errorMessage, ManifestError, NbImageError, formatIssue } from './errors.js'
import { parsePayload } from './event.js'
import { getInputs } from './inputs.js'
import type { Logger } from './logger.js'
import { matrixOf, tierRefs } from './fan-out.js'
import { fieldPath } from './manifest.js'
import { toPipelineOptions } from './options.js'
import { runMerge, runPipeline, runPlan } from './pipeline.js'
import { pinnedTiers, verdictMessages, warningMessage } from './report.js'
import { renderSummary } from './summary.js'
import type { Manifest, Report } from './types.js'

/** The adapters the action runs with; tests may swap any of them. */
export interface ActionDeps {
  docker: DockerClient
  fs: FileSystem
  logger: Logger
  registry?: RegistryClient
  glob?: GlobFn
}

/** The real adapters. */
export function defaultDeps(): ActionDeps {
  return {
    docker: new DockerCli(runCommand),
    fs: nodeFileSystem,
    logger: actionsLogger,
    registry: new HttpRegistry(dockerConfigCredentials(runCommand)),
    glob: globFiles
  }
}

/** The webhook payload of the run (GITHUB_EVENT_PATH); empty outside a workflow. */
async function readPayload(): Promise<ReturnType<typeof parsePayload>> {
  const file = process.env['GITHUB_EVENT_PATH']
  if (!file) return {}
  try {
    return parsePayload(await readFile(file, 'utf8'))
  } catch {
    return {}
  }
}

/**
 * Runs the action: inputs → pipeline → outputs, job summary and annotations. This is the
 * only place that fails the step.
 */
export async function run(deps: ActionDeps = defaultDeps()): Promise<void> {
  try {
    const inputs = getInputs()
    const options = toPipelineOptions(inputs, process.env, process.cwd(), await readPayload())
    if (inputs.mode === 'plan') {
      const { plan, matrix } = await runPlan(options, deps)
      core.setOutput('matrix', JSON.stringify(matrix))
      core.setOutput('images', JSON.stringify(tierRefs(plan)))
      core.info(`matrix: ${JSON.stringify(matrix)}`)
      return
    }
    core.setOutput('report-file', options.reportFile)
    if (inputs.mode === 'merge') {
      const { report, manifest, reportError } = await runMerge(options, deps)
      await publish(report, manifest, reportError, deps)
      return
    }
    const { report, manifest, plan, reportError } = await runPipeline(options, deps)
    core.setOutput('matrix', JSON.stringify(matrixOf(plan)))
    await publish(report, manifest, reportError, deps)
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
  }
}

/** Outputs, job summary, annotations and the verdict of a finished (or merged) report. */
async function publish(
  report: Report,
  manifest: Manifest | undefined,
  reportError: string | undefined,
  deps: ActionDeps
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
