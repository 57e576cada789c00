import { InputError } from '../utils/errors.js'
import { sameRepository } from './event.js'

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

/** The pull request a run belongs to. */
export interface PullRequestInfo {
  number: number
  baseRef: string
  headRef: string | null
  /** The head branch lives in another repository: GitHub gives such runs a read-only token. */
  fromFork: boolean
}

/** What the run knows about where it runs, from the runner's environment and event file. */
export interface RunContext {
  eventName: string
  owner: string
  repo: string
  repositoryId: number | null
  defaultBranch: string | null
  /** `refs/heads/main`, `refs/pull/7/merge`… */
  ref: string
  sha: string
  serverUrl: string
  apiUrl: string
  /** This workflow run's page, where its job summary is. */
  runUrl: string | null
  pullRequest: PullRequestInfo | null
}

/** The runner variables the context is read from. */
export interface GitHubEnv {
  GITHUB_EVENT_NAME?: string
  GITHUB_REPOSITORY?: string
  GITHUB_REF?: string
  GITHUB_SHA?: string
  GITHUB_SERVER_URL?: string
  GITHUB_API_URL?: string
  GITHUB_RUN_ID?: string
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

/**
 * Reads the run context from the runner's variables and the event payload. The payload is
 * data from GitHub (and, for pull requests, partly from the pull request's author): only
 * fields of the expected types are used.
 */
export function readRunContext(env: GitHubEnv, payload: unknown): RunContext {
  const event = asObject(payload)
  const repository = asObject(event['repository'])
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const runId = env.GITHUB_RUN_ID && /^\d+$/.test(env.GITHUB_RUN_ID) ? env.GITHUB_RUN_ID : null
  const context: RunContext = {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    repositoryId: asNumber(repository['id']),
    defaultBranch: asString(repository['default_branch']),
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runUrl: runId && owner && repo ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : null,
    pullRequest: null
  }
  const pull = asObject(event['pull_request'])
  const number = asNumber(pull['number'])
  const base = asObject(pull['base'])
  const baseRef = asString(base['ref'])
  if (number !== null && baseRef !== null) {
    const head = asObject(pull['head'])
    const headRepo = asObject(head['repo'])
    const headName = asString(headRepo['full_name'])
    const baseName =
      asString(asObject(base['repo'])['full_name']) ?? asString(repository['full_name'])
    context.pullRequest = {
      number,
      baseRef,
      headRef: asString(head['ref']),
      // A deleted fork has no repo; treat it as a fork, the cautious reading.
      fromFork: headName === null || (baseName !== null && !sameRepository(headName, baseName))
    }
  }
  return context
}

/** The runner variables the artifact upload needs. */
export interface ResultsEnv {
  ACTIONS_RUNTIME_TOKEN?: string
  ACTIONS_RESULTS_URL?: string
  GITHUB_SERVER_URL?: string
}

/**
 * Why the report cannot be uploaded on this runner, or null when it can: the Actions results
 * service (what @actions/artifact talks to) is not there outside a job's step, and GitHub
 * Enterprise Server does not offer it.
 */
export function uploadBlocker(env: ResultsEnv): string | null {
  const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase()
  if (host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')) {
    return `artifacts of this kind are not available on GitHub Enterprise Server (${host})`
  }
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return 'ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set (not running as a step of a GitHub Actions job)'
  }
  return null
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

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function asNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null
}

/**
 * The comment and upload settings of a run that builds only some of the manifest's tiers
 * (the `tiers` input, as each job of a fan-out does): such a report is not the whole
 * picture, so `auto` neither posts the comment nor uploads a baseline, and the merge job
 * (or a run of every tier) does both. `always` and `true` are the user's explicit choice.
 * The note says what `auto` would have done here and did not.
 *
 * @param selected the `tiers` input; empty or absent means every tier.
 * @param declared every tier of the manifest, when it was read.
 */
export function forSelection(
  settings: CommentSettings,
  context: RunContext,
  selected: readonly string[] | undefined,
  declared: readonly string[] | undefined
): { settings: CommentSettings; note: string | null } {
  if (!selected || selected.length === 0) return { settings, note: null }
  const chosen = new Set(selected)
  if (declared && declared.every((tier) => chosen.has(tier))) return { settings, note: null }
  const holdComment =
    settings.comment === 'auto' &&
    commentDecision(settings.comment, context, settings.baselineReport !== undefined).post
  const holdUpload = settings.upload === 'auto' && shouldUploadReport(settings.upload, context)
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
      comment: settings.comment === 'auto' ? 'never' : settings.comment,
      upload: settings.upload === 'auto' ? 'false' : settings.upload
    },
    note:
      held.length === 0
        ? null
        : `This run builds only tier ${[...chosen].join(', ')}${declared ? ` of ${declared.join(', ')}` : ''}, so it ${held.join(' and ')}: a run of every tier (the merge job of a fan-out) does. Set ${instead.join(' and ')} to do it from here.`
  }
}
