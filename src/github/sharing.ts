// When a run shares its report: the pull-request comment (render it, post it) and the
// upload of the report as the baseline of later pull requests. Pure decisions over the
// inputs and the run context; pipeline/share-report.ts carries them out.
import { InputError } from '../utils/errors.js'
import type { RunContext } from './context.js'

/** When to comment on the pull request: on pull-request events, on every run, or never. */
export type CommentMode = 'auto' | 'always' | 'never'

/** The comment modes, default first. */
export const COMMENT_MODES: readonly CommentMode[] = ['auto', 'always', 'never']

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
 * and whether it may post it: `auto` on pull requests, `always` also on other events (the
 * pull request of the commit is looked up), `never` renders it on pull requests only.
 */
export function commentDecision(
  mode: CommentMode,
  context: RunContext,
  hasBaselineFile: boolean
): { render: boolean; post: boolean } {
  const isPullRequest = context.pullRequest !== null
  return {
    render: isPullRequest || mode === 'always' || hasBaselineFile,
    post: mode === 'always' || (mode === 'auto' && isPullRequest)
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
  const autoComment = settings.comment === 'auto'
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
