import { retry } from '../utils/retry.js'
import { checkSize, download } from './github-download.js'
import {
  DEFAULT_RETRY,
  GitHubApiError,
  policyFor,
  toApiError,
  type GitHubRetry,
  type OctokitErrorLike
} from './github-requests.js'

export { GitHubApiError } from './github-requests.js'
import type { getOctokit } from '@actions/github'
import type { Logger } from '../utils/logger.js'

/** A pull-request comment as the REST API returns it (the fields the action reads). */
export interface IssueComment {
  id: number
  body?: string | null
  user: { login: string; type: string } | null
  authorAssociation: string
  /** The page it can be seen on. */
  htmlUrl: string
}

/** One workflow artifact as the REST API lists it (the fields the lookup needs). */
export interface ArtifactInfo {
  id: number
  name: string
  expired: boolean
  createdAt: string | null
  sizeInBytes: number
  workflowRun: {
    id: number
    headBranch: string | null
    headSha: string | null
    repositoryId: number | null
    headRepositoryId: number | null
  } | null
}

/** One workflow run as the REST API returns it (the fields the lookup needs). */
export interface RunInfo {
  id: number
  event: string
  status: string | null
  conclusion: string | null
  headBranch: string | null
  headSha: string
  htmlUrl: string
  repositoryId: number
  headRepositoryId: number | null
}

/** A pull request that contains a commit. */
export interface CommitPullRequest {
  number: number
  state: string
  baseRef: string
  headSha: string
}

/** The GitHub REST calls the comment and baseline phases make, for one repository. */
export interface GitHubApi {
  /** Every comment of the issue or pull request, all pages. */
  listIssueComments(issueNumber: number): Promise<IssueComment[]>
  createIssueComment(issueNumber: number, body: string): Promise<IssueComment>
  updateIssueComment(commentId: number, body: string): Promise<IssueComment>
  /** Artifacts with this name, newest first, at most `maxPages` pages of 100. */
  listArtifacts(name: string, maxPages: number): Promise<ArtifactInfo[]>
  getWorkflowRun(runId: number): Promise<RunInfo>
  /** The artifact's zip archive. */
  downloadArtifact(artifactId: number, maxBytes: number): Promise<Uint8Array>
  /** Pull requests whose head contains the commit. */
  pullRequestsOfCommit(sha: string): Promise<CommitPullRequest[]>
}

/** Where and as whom to call the API. */
export interface GitHubClientOptions {
  token: string
  /** GITHUB_API_URL: `https://api.github.com`, a GHES `…/api/v3`, or a test server. */
  apiUrl: string
  owner: string
  repo: string
  logger: Logger
  retry?: GitHubRetry
}

/** The Octokit client of @actions/github. */
type Octokit = ReturnType<typeof getOctokit>

/**
 * A GitHubApi over Octokit (`@actions/github`), pointed at `apiUrl`, retrying transient
 * failures and rate limits. Every failure surfaces as a GitHubApiError with the status.
 */
export function createGitHubApi(options: GitHubClientOptions): GitHubApi {
  return new OctokitGitHubApi(options)
}

class OctokitGitHubApi implements GitHubApi {
  private client: Promise<Octokit> | undefined
  private readonly settings: GitHubRetry
  private readonly repository: { owner: string; repo: string }

  constructor(private readonly options: GitHubClientOptions) {
    this.settings = options.retry ?? DEFAULT_RETRY
    this.repository = { owner: options.owner, repo: options.repo }
  }

  /**
   * The client, loaded on first use: most runs (pushes, releases, the build jobs of a
   * fan-out) never call GitHub, and loading Octokit is a good part of the action's start-up.
   */
  private connect(): Promise<Octokit> {
    this.client ??= import('@actions/github').then(({ getOctokit }) => {
      const { logger } = this.options
      const octokit = getOctokit(this.options.token, {
        baseUrl: this.options.apiUrl,
        log: {
          debug: (message: string) => logger.debug(message),
          info: (message: string) => logger.debug(message),
          warn: (message: string) => logger.warning(message),
          error: (message: string) => logger.debug(message)
        }
      })
      octokit.hook.wrap('request', async (request, route) => {
        const label = `${route.method} ${pathOf(route.url, route as unknown as Record<string, unknown>)}`
        try {
          return await retry(
            async () => request(route),
            policyFor(route.method, this.settings),
            (error, attempt, delay) =>
              logger.info(
                `GitHub API ${label} answered ${(error as OctokitErrorLike).status ?? 'nothing'}; retrying in ${(delay / 1000).toFixed(1)} s (retry ${attempt} of ${this.settings.tries - 1})`
              )
          )
        } catch (error) {
          throw toApiError(error, label)
        }
      })
      return octokit
    })
    return this.client
  }

  async listIssueComments(issueNumber: number): Promise<IssueComment[]> {
    const octokit = await this.connect()
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...this.repository,
      issue_number: issueNumber,
      per_page: 100
    })
    return comments.map(toComment)
  }

  async createIssueComment(issueNumber: number, body: string): Promise<IssueComment> {
    const octokit = await this.connect()
    const { data } = await octokit.rest.issues.createComment({
      ...this.repository,
      issue_number: issueNumber,
      body
    })
    return toComment(data)
  }

  async updateIssueComment(commentId: number, body: string): Promise<IssueComment> {
    const octokit = await this.connect()
    const { data } = await octokit.rest.issues.updateComment({
      ...this.repository,
      comment_id: commentId,
      body
    })
    return toComment(data)
  }

  async listArtifacts(name: string, maxPages: number): Promise<ArtifactInfo[]> {
    const octokit = await this.connect()
    const artifacts: ArtifactInfo[] = []
    let pages = 0
    for await (const page of octokit.paginate.iterator(octokit.rest.actions.listArtifactsForRepo, {
      ...this.repository,
      name,
      per_page: 100
    })) {
      for (const artifact of page.data) {
        const run = artifact.workflow_run
        artifacts.push({
          id: artifact.id,
          name: artifact.name,
          expired: artifact.expired,
          createdAt: artifact.created_at ?? null,
          sizeInBytes: artifact.size_in_bytes,
          workflowRun: run
            ? {
                id: run.id ?? 0,
                headBranch: run.head_branch ?? null,
                headSha: run.head_sha ?? null,
                repositoryId: run.repository_id ?? null,
                headRepositoryId: run.head_repository_id ?? null
              }
            : null
        })
      }
      if (++pages >= maxPages) break
    }
    return artifacts
  }

  async getWorkflowRun(runId: number): Promise<RunInfo> {
    const octokit = await this.connect()
    const { data } = await octokit.rest.actions.getWorkflowRun({
      ...this.repository,
      run_id: runId
    })
    return {
      id: data.id,
      event: data.event,
      status: data.status,
      conclusion: data.conclusion,
      headBranch: data.head_branch,
      headSha: data.head_sha,
      htmlUrl: data.html_url,
      repositoryId: data.repository.id,
      headRepositoryId: data.head_repository?.id ?? null
    }
  }

  async downloadArtifact(artifactId: number, maxBytes: number): Promise<Uint8Array> {
    const octokit = await this.connect()
    const label = `GET /repos/${this.repository.owner}/${this.repository.repo}/actions/artifacts/${artifactId}/zip`
    // GitHub answers with a redirect to short-lived blob storage. Follow it by hand, so
    // the token never travels to another host.
    const response = await octokit.request(
      'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
      {
        ...this.repository,
        artifact_id: artifactId,
        archive_format: 'zip',
        request: { redirect: 'manual' }
      }
    )
    const status = response.status as number
    if (status === 200 && response.data instanceof ArrayBuffer) {
      return checkSize(new Uint8Array(response.data), maxBytes, label)
    }
    const location = response.headers.location
    if (status < 300 || status >= 400 || !location) {
      throw new GitHubApiError(`${label} answered ${status} without a download`, status, label)
    }
    return download(location, maxBytes, label, this.settings, this.options.logger)
  }

  async pullRequestsOfCommit(sha: string): Promise<CommitPullRequest[]> {
    const octokit = await this.connect()
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...this.repository,
      commit_sha: sha,
      per_page: 100
    })
    return data.map((pull) => ({
      number: pull.number,
      state: pull.state,
      baseRef: pull.base.ref,
      headSha: pull.head.sha
    }))
  }
}

/**
 * The path of a request for messages: a route template with its parameters filled in, or
 * an absolute URL (the next page) without host and query.
 */
function pathOf(url: string, parameters: Record<string, unknown>): string {
  if (/^https?:\/\//.test(url)) return new URL(url).pathname
  return url
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      parameters[name] === undefined ? whole : encodeURIComponent(String(parameters[name]))
    )
    .replace(/\?.*$/, '')
}

function toComment(data: {
  id: number
  body?: string | null
  html_url: string
  user: { login: string; type: string } | null
  author_association: string
}): IssueComment {
  return {
    id: data.id,
    body: data.body ?? null,
    htmlUrl: data.html_url,
    user: data.user ? { login: data.user.login, type: data.user.type } : null,
    authorAssociation: data.author_association
  }
}
