// Measuring a built image through the engine: its layers and history (inspected as soon as
// bake says its export finished, build/build-images.ts), and the packed (compressed) size a
// compressed budget is checked against, read once the image is built.
import type { Deps } from '../adapters/deps.js'
import type { EngineInfo, ImageDetails } from '../adapters/docker.js'
import { failedOutcome, type BuildOutcome } from '../report/build-report.js'
import { EngineError, errorMessage } from '../utils/errors.js'
import { retry } from '../utils/retry.js'

/**
 * A compressed budget is checked before the push against the engine's packed image, which
 * only the containerd image store keeps; any other store cannot know the size in time.
 */
export function checkCompressedMeasurable(engine: Pick<EngineInfo, 'imageStore'>): void {
  if (engine.imageStore === 'containerd') return
  throw new EngineError(
    `threshold-basis: compressed needs the containerd image store, where the engine keeps each image's compressed layers and pushes them as they are; this engine uses ${engine.imageStore}, which compresses only while pushing, so the size cannot be known before the push. Enable the containerd image store ("features": {"containerd-snapshotter": true} in daemon.json), or use threshold-basis: uncompressed.`
  )
}

/** Inspections of a built image after bake exits: at once, then after these waits (ms). */
const INSPECT_RETRY_DELAYS_MS = [500, 1500]

/**
 * The engine's description of an image bake just exported: the inspection `started` during
 * the session, then again once bake has exited, then after short waits. An image another
 * builder loads after its export (not the docker driver) may not be there yet when the
 * stream says the export is done. (A snapshot the engine lost right after an export is
 * restored by the inspection itself: measure/history.ts.) Throws the last failure.
 */
export async function inspectBuilt(
  ref: string,
  started: Promise<ImageDetails> | undefined,
  inspect: (ref: string) => Promise<ImageDetails>,
  deps: Pick<Deps, 'logger' | 'sleep'>
): Promise<ImageDetails> {
  const waits = started ? [0, ...INSPECT_RETRY_DELAYS_MS] : INSPECT_RETRY_DELAYS_MS
  return retry(
    (attempt) =>
      (attempt === 1 && started ? started : inspect(ref)).catch((error: unknown) => {
        deps.logger.debug(`${ref}: inspection failed (${errorMessage(error)})`)
        throw error
      }),
    {
      tries: waits.length + 1,
      delay: (_error, attempt) => waits[attempt - 1] ?? null,
      ...(deps.sleep ? { sleep: deps.sleep } : {})
    }
  )
}

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
