// The pull-request comment phase: find the pull request, compare with the base branch's
// report (baseline.ts), render (render/comment-markdown.ts), and create or update the one
// comment of this manifest (or `comment-key`), taking over only a comment whose author can
// be trusted with it. Nothing here fails the step.
import type { Deps } from '../adapters/deps.js'
import { GitHubApiError, type GitHubApi, type IssueComment } from '../adapters/github.js'
import { commentMarker, renderComment, type RenderedComment } from '../render/comment-markdown.js'
import { compareReports } from '../report/base-comparison.js'
import type { Report } from '../report/types.js'
import { errorMessage } from '../utils/errors.js'
import type { Logger } from '../utils/logger.js'
import { backoff, retry } from '../utils/retry.js'
import { findBaseline, type BaselineInfo, type BaselineResult } from './baseline.js'
import type { RunContext } from './context.js'
import type { CommentSettings } from './sharing.js'

/** Attempts at creating the comment when GitHub answers 5xx (each re-checks for it first). */
const CREATE_ATTEMPTS = 3

/** The permission a problem needs, named in the warning. */
export type Permission = 'pull-requests: write' | 'actions: read'

/** Something that kept the comment or baseline from working; never fails the step. */
export interface CommentProblem {
  message: string
  permission?: Permission
}

/** What the comment phase did. */
export interface CommentPhaseResult {
  rendered: RenderedComment
  baseline: BaselineInfo
  pullRequest: number | null
  /** The comment as posted, when it was. */
  comment: { id: number; url: string; action: 'created' | 'updated' } | null
  problems: CommentProblem[]
  /** Whether the fork pattern applies (a pull request from a fork). */
  fromFork: boolean
}

/** What the phase works from. */
export interface CommentPhaseInput {
  settings: CommentSettings
  /** Whether to render and to post, as decided for the run (github/sharing.ts). */
  decision: { render: boolean; post: boolean }
  context: RunContext
  report: Report
  /** Every tier of the manifest, when it could be read. */
  declaredTiers?: string[]
  descriptions: Record<string, string>
}

/** The adapters of the phase; `github` is the client of the run's repository, null without a token. */
export type CommentPhaseDeps = Pick<Deps, 'fs' | 'logger' | 'sleep'> & { github: GitHubApi | null }

/** The pull request of the run and its base branch's report: what the comment compares with. */
export interface ComparisonBase {
  pullRequest: { number: number; baseRef: string | null } | null
  found: BaselineResult
  /** What went wrong looking them up, for the comment phase's one warning. */
  problems: CommentProblem[]
}

/**
 * Finds the pull request (on other events with `comment: always`, the open one of the
 * commit) and the report it compares with. Started early by the action, so the build can
 * tell which images are unchanged, and reused by the comment. Never throws.
 */
export async function findComparisonBase(
  input: Pick<CommentPhaseInput, 'settings' | 'decision' | 'context'>,
  deps: CommentPhaseDeps
): Promise<ComparisonBase> {
  const { settings, context, decision } = input
  const { github, logger } = deps
  const problems: CommentProblem[] = []
  let pullRequest = context.pullRequest
    ? { number: context.pullRequest.number, baseRef: context.pullRequest.baseRef }
    : null
  if (!pullRequest && decision.post && github && context.sha) {
    pullRequest = await findPullRequestOfCommit(github, context.sha, problems, logger)
  }
  const found = await findBaseline(
    {
      artifactName: settings.artifactName,
      ...(settings.baselineReport !== undefined ? { file: settings.baselineReport } : {}),
      branch: pullRequest?.baseRef ?? null,
      repositoryId: context.repositoryId
    },
    deps,
    problems
  )
  return { pullRequest, found, problems }
}

/**
 * Finds the baseline (or takes the one `base` already found), compares, renders the
 * comment and creates or updates it on the pull request. Returns null when this run has no
 * comment to render (`decision.render`). Nothing here throws for GitHub's or the baseline's
 * sake: problems are returned, to be reported as one warning, and the markdown still goes
 * to the job summary.
 */
export async function runCommentPhase(
  input: CommentPhaseInput,
  deps: CommentPhaseDeps,
  lookedUp?: Promise<ComparisonBase>
): Promise<CommentPhaseResult | null> {
  const { settings, context, report, decision } = input
  const { logger } = deps
  if (!decision.render) return null
  const {
    pullRequest,
    found,
    problems: lookupProblems
  } = await (lookedUp ?? findComparisonBase(input, deps))
  const problems = [...lookupProblems]
  const { baseline } = found
  const base = found.base ?? undefined
  if (found.base && found.baseline.found && found.base.manifest !== report.manifest) {
    found.baseline.otherManifest = found.base.manifest
  }
  const comparison = compareReports(report, base, input.declaredTiers)
  const key = settings.commentKey || report.manifest
  const rendered = renderComment({
    key,
    report,
    comparison,
    baseline,
    descriptions: input.descriptions,
    ...(context.runUrl ? { runUrl: context.runUrl } : {})
  })
  if (rendered.truncated) {
    logger.info(
      `The comment is ${rendered.full.length} characters, over GitHub's limit: posting a shortened one (${rendered.body.length}); the job summary has it all.`
    )
  }

  const result: CommentPhaseResult = {
    rendered,
    baseline,
    pullRequest: pullRequest?.number ?? null,
    comment: null,
    problems,
    fromFork: context.pullRequest?.fromFork ?? false
  }
  if (!decision.post) {
    logger.info(
      `Not posted (comment: ${settings.comment}, event ${context.eventName || 'unknown'}); the markdown is in the comment-body output.`
    )
    return result
  }
  await post(result, context, pullRequest?.number ?? null, key, deps)
  return result
}

/** Posts the rendered comment on the pull request, or says why it could not. */
async function post(
  result: CommentPhaseResult,
  context: RunContext,
  pullRequest: number | null,
  key: string,
  deps: CommentPhaseDeps
): Promise<void> {
  const { github, logger } = deps
  if (pullRequest === null) {
    logger.info(
      `No pull request to comment on (event ${context.eventName || 'unknown'}); the markdown is in the job summary and the comment-body output.`
    )
    return
  }
  if (!github) {
    result.problems.push({
      message: 'no github-token was given, so the comment could not be posted',
      permission: 'pull-requests: write'
    })
    return
  }
  try {
    result.comment = await upsertComment(github, pullRequest, key, result.rendered.body, deps)
    logger.info(
      `${result.comment.action === 'created' ? 'Created' : 'Updated'} comment ${result.comment.url}`
    )
  } catch (error) {
    result.problems.push(commentProblem(error, result.fromFork))
  }
}

async function findPullRequestOfCommit(
  github: GitHubApi,
  sha: string,
  problems: CommentProblem[],
  logger: Logger
): Promise<{ number: number; baseRef: string } | null> {
  try {
    const pulls = (await github.pullRequestsOfCommit(sha)).filter((pull) => pull.state === 'open')
    const pull = pulls.find((candidate) => candidate.headSha === sha) ?? pulls[0]
    if (pull) logger.info(`Commit ${sha.slice(0, 7)} belongs to pull request #${pull.number}`)
    return pull ? { number: pull.number, baseRef: pull.baseRef } : null
  } catch (error) {
    problems.push(commentProblem(error, false))
    return null
  }
}

// Only these may have written a marker we take over: someone without write access who pastes
// the marker into their own comment must not get the report (and its trust) in their name.
const TRUSTED_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR'])

/**
 * The comment this run should edit: the first that starts with the key's marker and was
 * written by a bot (the GITHUB_TOKEN's `github-actions[bot]`, or an app) or by someone with
 * write access (a personal token). Undefined when there is none yet.
 */
export function findStickyComment<
  T extends Pick<IssueComment, 'body' | 'user' | 'authorAssociation'>
>(comments: T[], key: string): T | undefined {
  const marker = commentMarker(key)
  const marked = comments.filter((comment) => (comment.body ?? '').startsWith(marker))
  return (
    marked.find((comment) => comment.user?.type === 'Bot') ??
    marked.find((comment) => TRUSTED_ASSOCIATIONS.has(comment.authorAssociation))
  )
}

/**
 * Edits the run's comment when the pull request has one, else creates it. Creating is not
 * retried blindly: after a 5xx the comment may exist anyway, so each attempt looks first.
 */
async function upsertComment(
  github: GitHubApi,
  issueNumber: number,
  key: string,
  body: string,
  deps: CommentPhaseDeps
): Promise<{ id: number; url: string; action: 'created' | 'updated' }> {
  // Only a failed create is tried again: the client already retried the reads and edits.
  let creating = false
  const transient = (error: unknown): boolean =>
    creating && error instanceof GitHubApiError && (error.status === null || error.status >= 500)
  return retry(
    async () => {
      creating = false
      const comments = await github.listIssueComments(issueNumber)
      const existing = findStickyComment(comments, key)
      if (existing) {
        const updated = await github.updateIssueComment(existing.id, body)
        return { id: updated.id, url: updated.htmlUrl, action: 'updated' as const }
      }
      creating = true
      const created = await github.createIssueComment(issueNumber, body)
      return { id: created.id, url: created.htmlUrl, action: 'created' as const }
    },
    {
      tries: CREATE_ATTEMPTS,
      delay: backoff(1000, transient),
      ...(deps.sleep ? { sleep: deps.sleep } : {})
    },
    (error) =>
      deps.logger.info(`${errorMessage(error)}; checking whether the comment exists, then retrying`)
  )
}

function commentProblem(error: unknown, fromFork: boolean): CommentProblem {
  const status = error instanceof GitHubApiError ? error.status : null
  if (status === 403 || status === 404 || status === 401) {
    const why = fromFork
      ? 'a pull request from a fork gets a read-only token'
      : 'the token may not write pull-request comments'
    return {
      message: `the comment could not be posted (${errorMessage(error)}): ${why}`,
      permission: 'pull-requests: write'
    }
  }
  return { message: `the comment could not be posted: ${errorMessage(error)}` }
}

/**
 * The one warning for everything that went wrong, naming the permissions to grant, or null
 * when nothing did.
 */
export function problemsWarning(problems: CommentProblem[], fromFork: boolean): string | null {
  if (problems.length === 0) return null
  const permissions = [...new Set(problems.flatMap((p) => (p.permission ? [p.permission] : [])))]
  const what = problems.map((p) => p.message).join('; ')
  let advice = ''
  if (permissions.length > 0) {
    advice = ` Add ${permissions.map((p) => `\`${p}\``).join(' and ')} to the workflow's \`permissions:\`.`
    if (fromFork) {
      advice +=
        ' Pull requests from forks only get a read-only token: post the comment-body output from a workflow_run workflow (see the README).'
    }
  }
  return `Pull request comment: ${what}.${advice} The comment is in the job summary.`
}
