// After the verdict, the action shares the report: it uploads it as the baseline artifact
// (pushes to the default branch) and compares and comments on the pull request. Neither
// fails the step: problems become one warning each, and the comment's markdown always
// reaches the job summary and the log. What to do is decided once (github/sharing.ts).
import type { Step } from '../adapters/actions-step.js'
import type { Deps } from '../adapters/deps.js'
import type { GitHubApi } from '../adapters/github.js'
import type { RunContext } from '../github/context.js'
import {
  findComparisonBase,
  problemsWarning,
  runCommentPhase,
  type ComparisonBase
} from '../github/pull-request-comment.js'
import { decideSharing, type CommentSettings, type SharingDecision } from '../github/sharing.js'
import type { Report } from '../report/types.js'
import type { Manifest } from '../manifest/types.js'
import { errorMessage } from '../utils/errors.js'

/** Characters of comparison the job summary gets (GitHub keeps at most 1 MiB per step). */
const SUMMARY_LIMIT = 512 * 1024

/** The adapters sharing uses: the step's outputs and summary, GitHub and the artifact service. */
export type ShareDeps = Pick<Deps, 'fs' | 'logger' | 'github' | 'uploader' | 'sleep'> & {
  step: Step
}

/** What the run shares, and where from. */
export interface ShareInput {
  report: Report
  /** The manifest, when it could be read: its tiers and their descriptions. */
  manifest?: Manifest
  /** Where the report was saved; null when it could not be written (nothing to upload). */
  reportFile: string | null
  settings: CommentSettings
  context: RunContext
  /** The `tiers` input: a run of only some tiers does not share by default. */
  tiers?: string[]
  /** What the comment compares with, when the run looked it up already (comparisonLookup). */
  base?: () => Promise<ComparisonBase>
}

/** The GitHub client of the run's repository, when there is a token. */
function githubClient(
  settings: CommentSettings,
  context: RunContext,
  deps: Pick<ShareDeps, 'github' | 'logger'>
): GitHubApi | null {
  return settings.token && deps.github
    ? deps.github({
        token: settings.token,
        apiUrl: context.apiUrl,
        owner: context.owner,
        repo: context.repo,
        logger: deps.logger
      })
    : null
}

/**
 * The lookup of the pull request and the baseline report the comment will compare with,
 * started on first call and shared: the build calls it early to tell which images are
 * unchanged, the comment reuses the answer. Undefined when this run renders no comment (so
 * there is nothing to compare with).
 */
export function comparisonLookup(
  input: Pick<ShareInput, 'settings' | 'context' | 'tiers'>,
  deps: Pick<ShareDeps, 'fs' | 'logger' | 'github' | 'sleep'>
): (() => Promise<ComparisonBase>) | undefined {
  const decision = decideSharing(input.settings, input.context, input.tiers, undefined)
  if (!decision.comment.render) return undefined
  let started: Promise<ComparisonBase> | undefined
  return () =>
    (started ??= findComparisonBase(
      { settings: decision.settings, decision: decision.comment, context: input.context },
      {
        github: githubClient(decision.settings, input.context, deps),
        fs: deps.fs,
        logger: deps.logger,
        ...(deps.sleep ? { sleep: deps.sleep } : {})
      }
    ))
}

/** Uploads and comments as decided for this run. */
export async function shareReport(input: ShareInput, deps: ShareDeps): Promise<void> {
  const declared = input.manifest?.tiers.map((tier) => tier.name)
  const decision = decideSharing(input.settings, input.context, input.tiers, declared)
  if (decision.note) deps.logger.info(decision.note)
  if (input.reportFile && input.report.error === undefined && decision.upload) {
    const file = input.reportFile
    await deps.logger.group('Upload report', () => uploadReport(file, decision.settings, deps))
  }
  if (decision.comment.render) {
    await deps.logger.group('Pull request comment', () =>
      commentOnPullRequest(input, decision, deps)
    )
  }
}

async function commentOnPullRequest(
  input: ShareInput,
  decision: SharingDecision,
  deps: ShareDeps
): Promise<void> {
  const { report, manifest, context } = input
  const { settings } = decision
  const { logger, step } = deps
  try {
    const github = githubClient(settings, context, deps)
    const result = await runCommentPhase(
      {
        settings,
        decision: decision.comment,
        context,
        report,
        ...(manifest ? { declaredTiers: manifest.tiers.map((tier) => tier.name) } : {}),
        descriptions: Object.fromEntries(
          (manifest?.tiers ?? []).flatMap((tier) =>
            tier.description ? [[tier.name, tier.description]] : []
          )
        )
      },
      { github, fs: deps.fs, logger, ...(deps.sleep ? { sleep: deps.sleep } : {}) },
      input.base?.()
    )
    if (!result) return
    step.setOutput('comment-body', result.rendered.body)
    if (result.comment) {
      step.setOutput('comment-id', String(result.comment.id))
      step.setOutput('comment-url', result.comment.url)
    }
    const where = result.comment
      ? `[posted on the pull request](${result.comment.url})`
      : 'not posted on the pull request'
    // The job summary takes 1 MiB per step; past that, the shortened comment has to do.
    const markdown =
      result.rendered.full.length <= SUMMARY_LIMIT ? result.rendered.full : result.rendered.body
    await step.appendSummary(`\n---\n\n> Pull request comment: ${where}.\n\n${markdown}`)
    logger.info(markdown)
    const warning = problemsWarning(result.problems, result.fromFork)
    if (warning) logger.warning(warning, { title: 'Pull request comment' })
  } catch (error) {
    // Our bug, not the user's: the build's verdict still stands.
    logger.warning(`Pull request comment failed: ${errorMessage(error)}`)
    if (error instanceof Error && error.stack) logger.debug(error.stack)
  }
}

async function uploadReport(
  reportFile: string,
  settings: CommentSettings,
  deps: ShareDeps
): Promise<void> {
  const { logger } = deps
  try {
    const blocker = deps.uploader ? deps.uploader.unavailable() : 'no artifact uploader was given'
    if (blocker || !deps.uploader) {
      const message = `Report not uploaded as artifact ${settings.artifactName}: ${blocker}.`
      if (settings.upload === 'true') logger.warning(message)
      else logger.info(message)
      return
    }
    const uploaded = await deps.uploader.upload(settings.artifactName, reportFile)
    logger.info(
      `Uploaded the report as artifact ${settings.artifactName} (id ${uploaded.id ?? '?'}, ${uploaded.size ?? '?'} bytes): pull requests into this branch compare with it.`
    )
  } catch (error) {
    logger.warning(
      `Report not uploaded as artifact ${settings.artifactName}: ${errorMessage(error)}. Pull requests compare with the last report that was uploaded; with several manifests or matrix jobs, give each its own report-artifact.`
    )
  }
}
