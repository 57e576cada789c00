import type { DockerClient, EngineInfo } from '../adapters/docker.js'
import type { ImagePlan } from '../plan/types.js'
import { EngineError } from '../utils/errors.js'

/**
 * What the run asks the engine about itself. The versions are only needed for the report
 * (and a compressed budget), so they are asked for once the first bake has started: three
 * CLI starts off the critical path. A failed build waits for the answer first, so an
 * engine that does not answer, or no buildx, still stops the run with that error.
 */
export class EngineProbe {
  private info: Promise<EngineInfo> | undefined

  constructor(private readonly docker: Pick<DockerClient, 'engineInfo'>) {}

  /** The engine's versions and image store, asked once. */
  ask(): Promise<EngineInfo> {
    if (!this.info) {
      this.info = this.docker.engineInfo()
      this.info.catch(() => undefined) // awaited by whoever needs it
    }
    return this.info
  }

  /** The first answer's error, when the engine never answered; undefined when it did. */
  async neverAnswered(): Promise<unknown> {
    return this.ask().then(
      () => undefined,
      (error: unknown) => error
    )
  }

  /**
   * After a failed session, before its images are blamed: an engine that never answered
   * rethrows its first error; one that stopped answering mid-run throws an EngineError
   * naming the images whose build it cut short.
   */
  async checkAfterFailure(failed: ImagePlan[]): Promise<void> {
    await this.ask()
    try {
      await this.docker.engineInfo()
    } catch (error) {
      if (!(error instanceof EngineError)) throw error
      throw new EngineError(
        `The build of ${failed.map((image) => `${image.ref} (${image.tiers.join(', ')})`).join(', ')} stopped because the engine stopped answering: ${error.message}`
      )
    }
  }
}
