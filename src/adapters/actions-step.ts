import * as core from '@actions/core'

/**
 * What the runner gives a step besides its log (adapters/actions-logger.ts): its inputs,
 * outputs, job summary and verdict. main.ts does all of that through this port, so its
 * tests pass a recorder instead of mocking @actions/core.
 */
export interface Step {
  /** The input's value (trimmed); '' when not set. */
  getInput(name: string): string
  /** Masks a secret in every later line of the log. */
  setSecret(secret: string): void
  setOutput(name: string, value: string): void
  /**
   * Appends markdown to the job summary (GITHUB_STEP_SUMMARY). Resolves to why it could not
   * when the runner has no job summary (act, Gitea and Forgejo Actions, older GitHub
   * Enterprise Server leave the variable unset) or the file cannot be written; undefined
   * once written.
   */
  appendSummary(markdown: string): Promise<SummarySkipped | undefined>
  /** Fails the step with this message (an error annotation). */
  setFailed(message: string): void
}

/** Why the job summary was not written: the runner has none, or its file failed. */
export interface SummarySkipped {
  reason: 'unsupported' | 'unwritable'
  message: string
}

/** The step of a GitHub Actions job, through @actions/core. */
export const actionsStep: Step = {
  getInput: (name) => core.getInput(name),
  setSecret: (secret) => core.setSecret(secret),
  setOutput: (name, value) => core.setOutput(name, value),
  async appendSummary(markdown) {
    if (!process.env['GITHUB_STEP_SUMMARY']) {
      return { reason: 'unsupported', message: 'GITHUB_STEP_SUMMARY is not set' }
    }
    try {
      await core.summary.addRaw(markdown).write()
      return undefined
    } catch (error) {
      // write() throws before it empties its buffer: without this, the next summary would
      // carry this one's text too.
      core.summary.emptyBuffer()
      return {
        reason: 'unwritable',
        message: error instanceof Error ? error.message : String(error)
      }
    }
  },
  setFailed: (message) => core.setFailed(message)
}
