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
  /** Appends markdown to the job summary (GITHUB_STEP_SUMMARY). */
  appendSummary(markdown: string): Promise<void>
  /** Fails the step with this message (an error annotation). */
  setFailed(message: string): void
}

/** The step of a GitHub Actions job, through @actions/core. */
export const actionsStep: Step = {
  getInput: (name) => core.getInput(name),
  setSecret: (secret) => core.setSecret(secret),
  setOutput: (name, value) => core.setOutput(name, value),
  async appendSummary(markdown) {
    await core.summary.addRaw(markdown).write()
  },
  setFailed: (message) => core.setFailed(message)
}
