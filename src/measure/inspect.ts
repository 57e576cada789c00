// Measuring a built image through the engine. The unpacked layers come with the build
// (build/build-images.ts inspects each image as soon as its export finishes); the packed
// (compressed) size, which a compressed budget is checked against, is read here once the
// image is built.
import type { Deps } from '../adapters/deps.js'
import { failedOutcome, type BuildOutcome } from '../report/build-report.js'
import { errorMessage } from '../utils/errors.js'

/**
 * Reads the packed (compressed) image the engine holds, for a compressed budget; a failure
 * fails this image rather than the run.
 */
export async function measurePacked(
  outcome: Extract<BuildOutcome, { ok: true }>,
  deps: Pick<Deps, 'docker' | 'logger'>
): Promise<BuildOutcome> {
  const { image } = outcome
  return deps.logger.group(`Measure ${image.name} compressed`, async () => {
    try {
      const packed = await deps.docker.packedImage(image.ref, outcome.platform)
      deps.logger.info(
        `${image.ref}: ${packed.compressedBytes} bytes compressed (config ${packed.configBytes} + ${packed.layerBytes.length} layers) in ${packed.platformDigest}`
      )
      return { ...outcome, packed }
    } catch (error) {
      const message = `built, but its compressed size could not be read: ${errorMessage(error)}`
      deps.logger.error(`${image.ref}: ${message}`)
      return failedOutcome(image, message, outcome)
    }
  })
}
