import type { Deps } from '../adapters/deps.js'
import { RegistryError, type RegistryClient } from '../adapters/registry.js'
import { errorMessage } from '../utils/errors.js'
import type { Platform } from '../image/oci.js'
import { backoff, retry, type RetryPolicy } from '../utils/retry.js'
import type { TagPush } from '../report/types.js'

// Publishing happens only after every image was built, measured and found within budget
// (the pipeline decides that). It then runs in two phases so a failure leaves the
// registry as consistent as registries allow:
//   1. each image's first, most specific tag (1.2.3, pr-7, main): the content lands and
//      the registry's manifest is read back for the digest and the compressed size;
//   2. only when every image is in, the floating tags (1.2, 1, latest) move.
// A failure stops the run there; the report says, tag by tag, what was pushed.

/** One image to push. */
export interface PublishItem {
  name: string
  tiers: string[]
  /** The reference the image was built and loaded under. */
  localRef: string
  /**
   * The local image's ID. On the containerd image store it is the digest `docker push`
   * sends, so a tag the registry already serves at this digest is not pushed again.
   */
  localId?: string
  /** Full references to push, the most specific first. */
  refs: string[]
  platform?: Platform
  /** The local packed image the budget was checked against; the registry must agree. */
  expected?: { digest: string; compressedBytes: number }
}

/** What the registry holds for one image after publishing. */
export interface PublishedImage {
  name: string
  tags: TagPush[]
  /** Digest of the pushed manifest or index: what `repo@digest` pins. */
  digest?: string
  /** Digest of the platform image manifest inside the index. */
  platformDigest?: string
  /** config + layers of the platform manifest, as the registry reports them. */
  compressedBytes?: number
}

/** The outcome of publishing every image. */
export interface PublishOutcome {
  images: PublishedImage[]
  /** Why publishing stopped, naming the image; absent when everything was pushed. */
  error?: string
}

/** The adapters pushing uses: the engine pushes, the registry is read back. */
export type PublishDeps = Pick<Deps, 'docker' | 'logger' | 'sleep'> & { registry: RegistryClient }

/** Messages of registry errors that another try cannot fix. */
const PERMANENT =
  /denied|unauthorized|authentication required|forbidden|no basic auth credentials|name unknown|name invalid|manifest invalid|tag invalid|invalid reference format|does not exist locally|no such image|unsupported/i

/** Whether a failed `docker push` is worth another try (network trouble, 5xx, 429). */
export function isTransientPushError(message: string): boolean {
  return !PERMANENT.test(message)
}

class PushError extends Error {
  override readonly name = 'PushError'
  constructor(
    message: string,
    readonly transient: boolean
  ) {
    super(message)
  }
}

const transient = (error: unknown): boolean =>
  (error instanceof PushError || error instanceof RegistryError) && error.transient

/** Registry operations: 3 tries, waiting 2 s then 4 s after transient failures. */
const REGISTRY_TRIES = 3
const REGISTRY_BACKOFF_MS = 2000

/** Tags and pushes every item (see the phases above) and reads each result back. */
export async function pushImages(items: PublishItem[], deps: PublishDeps): Promise<PublishOutcome> {
  const push = new Push(items, deps)
  // Phase 1: the first tag of every image, read back from the registry.
  for (const [index, item] of items.entries()) {
    const error = await push.firstTag(item, index)
    if (error !== undefined) return { images: push.images, error }
  }
  // Phase 2: every image is in; move the floating tags.
  for (const [index, item] of items.entries()) {
    const error = await push.floatingTags(item, index)
    if (error !== undefined) return { images: push.images, error }
  }
  return { images: push.images }
}

/** One push run: what reached the registry so far, tag by tag. */
class Push {
  readonly images: PublishedImage[]
  private readonly policy: RetryPolicy

  constructor(
    items: PublishItem[],
    private readonly deps: PublishDeps
  ) {
    this.images = items.map((item) => ({
      name: item.name,
      tags: item.refs.map((ref) => ({ ref, pushed: false }))
    }))
    this.policy = {
      tries: REGISTRY_TRIES,
      delay: backoff(REGISTRY_BACKOFF_MS, transient),
      ...(deps.sleep ? { sleep: deps.sleep } : {})
    }
  }

  /**
   * Pushes an image's first, most specific tag and reads it back: the digest, the compressed
   * size, and (for a compressed budget) that the registry holds what the budget was checked
   * against. Returns why it failed, naming the image, or undefined.
   */
  async firstTag(item: PublishItem, index: number): Promise<string | undefined> {
    const image = this.images[index] as PublishedImage
    const first = item.refs[0]
    if (first === undefined) return undefined
    try {
      if (!(await this.alreadyThere(item.localId, image, 0))) await this.pushTag(item, image, 0)
    } catch (error) {
      return this.failed(item, first, error)
    }
    const { logger, registry } = this.deps
    try {
      const resolved = await retry(
        () => registry.inspect(first, item.platform),
        this.policy,
        (error, attempt, delay) =>
          logger.warning(
            `reading ${first} back from the registry failed (try ${attempt} of ${this.policy.tries}): ${errorMessage(error)}; retrying in ${delay / 1000} s`
          )
      )
      image.digest = resolved.digest
      image.platformDigest = resolved.platformDigest
      image.compressedBytes = resolved.compressedBytes
      const tag = image.tags[0] as TagPush
      if (tag.digest !== undefined && tag.digest !== resolved.digest) {
        return `${who(item)}: docker push reported ${tag.digest} for ${first}, but the registry serves ${resolved.digest}`
      }
      tag.digest = resolved.digest
      logger.info(
        `${first}: ${resolved.digest} (platform manifest ${resolved.platformDigest}), ${resolved.compressedBytes} bytes compressed (config + ${resolved.layerBytes.length} layers)`
      )
      if (item.expected) {
        const { digest, compressedBytes } = item.expected
        if (digest !== resolved.digest || compressedBytes !== resolved.compressedBytes) {
          return `${who(item)}: the registry holds ${resolved.digest} with ${resolved.compressedBytes} compressed bytes, but the budget was checked against the local ${digest} with ${compressedBytes}; the engine re-packed the image on push`
        }
      }
      return undefined
    } catch (error) {
      return `${who(item)}: ${first} was pushed, but reading it back from the registry failed: ${errorMessage(error)}`
    }
  }

  /** Moves an image's other tags (1.2, 1, latest) to the digest its first tag pinned. */
  async floatingTags(item: PublishItem, index: number): Promise<string | undefined> {
    const image = this.images[index] as PublishedImage
    for (let tagIndex = 1; tagIndex < item.refs.length; tagIndex++) {
      const tag = image.tags[tagIndex] as TagPush
      try {
        // Already there: the HEAD that said so is the read-back.
        if (await this.alreadyThere(image.digest, image, tagIndex)) continue
        await this.pushTag(item, image, tagIndex)
      } catch (error) {
        return this.failed(item, tag.ref, error)
      }
      let digest: string | undefined
      try {
        digest = await retry(() => this.deps.registry.tagDigest(tag.ref), this.policy)
      } catch (error) {
        return `${who(item)}: ${tag.ref} was pushed, but reading it back from the registry failed: ${errorMessage(error)}`
      }
      if (digest !== image.digest) {
        return `${who(item)}: after pushing ${tag.ref} the registry points it at ${digest ?? 'nothing'}, not ${image.digest ?? '?'}`
      }
      tag.digest = digest
    }
    return undefined
  }

  /**
   * Whether the registry already serves `digest` under the image's tag number `index` (a
   * HEAD of the manifest, the same request the read-back makes): then nothing needs to be
   * sent, the tag is recorded as pushed but not uploaded, and its pin stays. A registry that
   * cannot say (no answer, no permission to read) is pushed to as usual.
   */
  private async alreadyThere(
    digest: string | undefined,
    image: PublishedImage,
    index: number
  ): Promise<boolean> {
    const tag = image.tags[index]
    if (!tag || digest === undefined) return false
    let served: string | undefined
    try {
      served = await this.deps.registry.tagDigest(tag.ref)
    } catch (error) {
      this.deps.logger.debug(
        `${tag.ref}: could not ask the registry (${errorMessage(error)}); pushing`
      )
      return false
    }
    if (served !== digest) return false
    this.deps.logger.info(`${tag.ref}: already in the registry at ${digest}; nothing to push`)
    tag.pushed = true
    tag.uploaded = false
    tag.digest = digest
    return true
  }

  /** `docker tag` then `docker push` of one reference, retried while the failure is transient. */
  private async pushTag(item: PublishItem, image: PublishedImage, index: number): Promise<void> {
    const tag = image.tags[index]
    if (!tag) return
    const { docker, logger } = this.deps
    try {
      await docker.tag(item.localRef, tag.ref)
    } catch (error) {
      throw new PushError(errorMessage(error), false)
    }
    const result = await retry(
      async () => {
        const pushed = await docker.push(tag.ref, (line) => logger.info(line))
        if (pushed.exitCode !== 0) {
          throw new PushError(
            pushed.error || `docker push exited with code ${pushed.exitCode}`,
            isTransientPushError(pushed.error)
          )
        }
        return pushed
      },
      this.policy,
      (error, attempt, delay) =>
        logger.warning(
          `docker push ${tag.ref} failed (try ${attempt} of ${this.policy.tries}): ${errorMessage(error)}; retrying in ${delay / 1000} s`
        )
    )
    tag.pushed = true
    tag.uploaded = true
    if (result.digest) tag.digest = result.digest
  }

  private failed(item: PublishItem, ref: string, error: unknown): string {
    const after = transient(error) ? ` after ${this.policy.tries} tries` : ''
    return `${who(item)}: pushing ${ref} failed${after}: ${errorMessage(error)}`
  }
}

const who = (item: PublishItem): string => `${item.name} (${item.tiers.join(', ')})`
