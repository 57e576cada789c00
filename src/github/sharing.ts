// When a run shares its report: the pull-request comment (render it, post it) and the
// upload of the report as the baseline of later pull requests. Pure decisions over the
// inputs and the run context; pipeline/share-report.ts carries them out.
import type { Comparison } from '../report/base-comparison.js'
import type { Report } from '../report/types.js'
import { budgetedSize } from '../report/verdict.js'
import { InputError } from '../utils/errors.js'
import { formatSizeLimit, limitBytes, type SizeLimit } from '../utils/size.js'
import { formatSize } from '../render/format.js'
import type { RunContext } from './context.js'

/**
 * When to comment on the pull request: on pull-request events, on every run, never, or on
 * pull-request events only when an image changed (`changed`, see commentWorthy).
 */
export type CommentMode = 'auto' | 'always' | 'never' | 'changed'

/** The comment modes, default first. */
export const COMMENT_MODES: readonly CommentMode[] = ['auto', 'always', 'never', 'changed']

/** When to upload the report as a workflow artifact. */
export type UploadMode = 'auto' | 'true' | 'false'

/** The upload modes, default first. */
export const UPLOAD_MODES: readonly UploadMode[] = ['auto', 'true', 'false']

/** The inputs of the comment and baseline phases. */
export interface CommentSettings {
  token: string
  comment: CommentMode
  /** Identifies the sticky comment; empty means the manifest path. */
  commentKey: string
  /** With `comment: changed`, the smallest change of an image worth a comment (default 1%). */
  commentThreshold?: SizeLimit
  /** Explicit baseline report file (absolute), instead of the artifact lookup. */
  baselineReport?: string
  upload: UploadMode
  artifactName: string
}

// The characters the artifact service refuses in a name (as @actions/artifact checks them).
const ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\r\n\\/]/

/** Checks the `report-artifact` input: a name the artifact service accepts. */
export function parseArtifactName(value: string, fallback: string): string {
  const name = value.trim() || fallback
  const bad = ARTIFACT_NAME_FORBIDDEN.exec(name)
  if (bad) {
    throw new InputError(
      `report-artifact: "${name}" contains ${JSON.stringify(bad[0])}; artifact names cannot contain " : < > | * ? \\ / or line breaks`
    )
  }
  return name
}

/** Whether this run uploads its report: `auto` means a push to the default branch. */
export function shouldUploadReport(mode: UploadMode, context: RunContext): boolean {
  if (mode !== 'auto') return mode === 'true'
  return (
    context.eventName === 'push' &&
    context.defaultBranch !== null &&
    context.ref === `refs/heads/${context.defaultBranch}`
  )
}

/**
 * Whether this run renders the comment (for the `comment-body` output and the job summary)
 * and whether it may post it: `auto` and `changed` on pull requests, `always` also on other
 * events (the pull request of the commit is looked up), `never` renders it on pull requests
 * only. (`changed` then posts only what commentWorthy finds worth it.)
 */
export function commentDecision(
  mode: CommentMode,
  context: RunContext,
  hasBaselineFile: boolean
): { render: boolean; post: boolean } {
  const isPullRequest = context.pullRequest !== null
  return {
    render: isPullRequest || mode === 'always' || hasBaselineFile,
    post: mode === 'always' || ((mode === 'auto' || mode === 'changed') && isPullRequest)
  }
}

/** What this run does with its report, decided once from the inputs and the context. */
export interface SharingDecision {
  /** The settings as this run applies them (`auto` off for a run of only some tiers). */
  settings: CommentSettings
  /** Whether the comment is rendered (summary, `comment-body`) and posted (see commentDecision). */
  comment: { render: boolean; post: boolean }
  /** Whether the report is uploaded as the baseline artifact (see shouldUploadReport). */
  upload: boolean
  /** What `auto` would have done here and did not, for the log; null when nothing was held. */
  note: string | null
}

/**
 * Decides the comment and the upload of this run. A run that builds only some of the
 * manifest's tiers (the `tiers` input, as each job of a fan-out does) does not report the
 * whole picture, so `auto` neither posts the comment nor uploads a baseline there, and the
 * merge job (or a run of every tier) does both. `always` and `true` are the user's
 * explicit choice.
 *
 * @param selected the `tiers` input; empty or absent means every tier.
 * @param declared every tier of the manifest, when it was read.
 */
export function decideSharing(
  settings: CommentSettings,
  context: RunContext,
  selected: readonly string[] | undefined,
  declared: readonly string[] | undefined
): SharingDecision {
  const comment = commentDecision(settings.comment, context, settings.baselineReport !== undefined)
  const upload = shouldUploadReport(settings.upload, context)
  const chosen = new Set(selected ?? [])
  const everyTier =
    chosen.size === 0 || (declared !== undefined && declared.every((tier) => chosen.has(tier)))
  if (everyTier) return { settings, comment, upload, note: null }
  // `changed` is `auto` with a bar for news: held alike.
  const autoComment = settings.comment === 'auto' || settings.comment === 'changed'
  const autoUpload = settings.upload === 'auto'
  const holdComment = autoComment && comment.post
  const holdUpload = autoUpload && upload
  const held = [
    ...(holdComment ? ['posts no pull-request comment'] : []),
    ...(holdUpload ? ['uploads no baseline report'] : [])
  ]
  const instead = [
    ...(holdComment ? ['comment: always'] : []),
    ...(holdUpload ? ['upload-report: true'] : [])
  ]
  return {
    settings: {
      ...settings,
      comment: autoComment ? 'never' : settings.comment,
      upload: autoUpload ? 'false' : settings.upload
    },
    // `never` renders where `auto` does; only posting stops.
    comment: { render: comment.render, post: autoComment ? false : comment.post },
    upload: autoUpload ? false : upload,
    note:
      held.length === 0
        ? null
        : `This run builds only tier ${[...chosen].join(', ')}${declared ? ` of ${declared.join(', ')}` : ''}, so it ${held.join(' and ')}: a run of every tier (the merge job of a fan-out) does. Set ${instead.join(' and ')} to do it from here.`
  }
}

/**
 * Why this run is worth a pull-request comment under `comment: changed`, or null when it is
 * not: an image changed by more than `threshold` of its baseline size (uncompressed, or
 * compressed when both runs measured it), an image came or went, or a verdict changed (an
 * image's status, or the run's pass or fail). Without a baseline there is nothing to be
 * unchanged against, so the comment is worth posting.
 */
export function commentWorthy(
  comparison: Comparison,
  report: Report,
  base: Report | undefined,
  threshold: SizeLimit
): string | null {
  if (!base || !comparison.hasBaseline) return 'there is no baseline to compare with'
  if (report.passed !== base.passed) {
    return `the verdict changed (${base.passed ? 'passed' : 'failed'} on the base, ${report.passed ? 'passes' : 'fails'} now)`
  }
  const shown = formatSizeLimit(threshold, formatSize)
  for (const row of comparison.rows) {
    const name = row.tiers.join(', ')
    if (row.change === 'new' || row.change === 'removed' || row.change === 'regrouped') {
      return `${name}: ${row.change === 'regrouped' ? 'now one image' : row.change}`
    }
    if (row.change !== 'compared' || !row.head || !row.base) continue
    if (row.head.status !== row.base.status) {
      return `${name}: ${row.base.status} on the base, ${row.head.status} now`
    }
    for (const basis of ['uncompressed', 'compressed'] as const) {
      const head = budgetedSize(row.head, basis)
      const was = budgetedSize(row.base, basis)
      if (head === null || was === null) continue
      if (Math.abs(head - was) > limitBytes(threshold, was)) {
        return `${name}: its ${basis} size changed by more than ${shown}`
      }
    }
  }
  return null
}
