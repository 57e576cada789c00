// Publishing, after the verdict: push when asked, allowed and every image passed, record
// per tag what reached the registry, and write the NotebookValidationJobs pinned to the
// pushed digests. The report goes in and comes out updated; nothing here decides budgets.
import type { BuildOutcome } from '../report/build-report.js'
import type { ImageReport, PublishReport, Report } from '../report/types.js'
import { errorMessage, NbImageError } from '../utils/errors.js'
import { displayPath } from '../utils/paths.js'
import { TOOL_VERSION } from '../version.js'
import type { PublishingDeps, PublishingPlan, PublishOptions } from './prepare.js'
import { pushImages, type PublishItem, type PublishOutcome } from './push.js'
import { planNotebookValidationJobs, renderNotebookValidationJobs } from './validation-jobs.js'
/**
 * After the verdict: pushes when asked, allowed and within budget; records per tag what
 * reached the registry; writes the NotebookValidationJobs for the pushed digests.
 */
export async function finishPublishing(
  report: Report,
  publishing: PublishingPlan,
  /** The builds the report was made from: each image's platform is read back after the push. */
  outcomes: readonly BuildOutcome[],
  deps: PublishingDeps & { workspace: string }
): Promise<Report> {
  const options = publishing.options
  if (!options?.push || publishing.skipped) return report
  if (!report.passed) {
    // An image whose notebooks cannot run would publish a NotebookValidationJob bound to fail.
    const skipped =
      report.images
        .flatMap((image) => [
          ...(image.status === 'over' ? [`${image.name} is over budget`] : []),
          ...(image.status === 'failed' ? [`${image.name} failed`] : []),
          ...(image.audit?.status === 'failed'
            ? [`the notebooks of ${image.tiers.join(', ')} cannot run in ${image.name}`]
            : [])
        ])
        .join(', ') || 'the run failed'
    deps.logger.warning(`push: nothing pushed, because ${skipped}`)
    return { ...report, publish: { ...report.publish, skipped } }
  }
  const registry = deps.registry
  if (!registry) throw new NbImageError('push: no registry client was given')
  const items = report.images.map((image) => pushItem(image, publishing, outcomes))
  const outcome = await deps.logger.group(
    `Push ${items.reduce((sum, item) => sum + item.refs.length, 0)} tag(s)`,
    () =>
      pushImages(items, {
        docker: deps.docker,
        registry,
        logger: deps.logger,
        ...(deps.sleep ? { sleep: deps.sleep } : {})
      })
  )
  if (outcome.error !== undefined || options.nvjFile === undefined) {
    return applyPublish(report, outcome)
  }
  const nvjFile = options.nvjFile
  const pushedReport = applyPublish(report, outcome)
  const written = await writeValidationJobs(pushedReport, publishing, { ...options, nvjFile }, deps)
  if (typeof written !== 'string') return written
  return applyPublish(report, outcome, written)
}

/** One image to push: its tags, its platform, and what the registry must hold for it. */
function pushItem(
  image: ImageReport,
  publishing: PublishingPlan,
  outcomes: readonly BuildOutcome[]
): PublishItem {
  const item: PublishItem = {
    name: image.name,
    tiers: image.tiers,
    localRef: image.ref,
    refs: publishing.tags[image.name] ?? []
  }
  const built = outcomes.find((outcome) => outcome.ok && outcome.image.name === image.name)
  if (built?.ok && built.platform) item.platform = built.platform
  if (
    publishing.thresholdBasis === 'compressed' &&
    image.imageId &&
    image.compressedBytes !== null
  ) {
    // With the containerd store the image ID is the digest of what `docker push` sends.
    item.expected = { digest: image.imageId, compressedBytes: image.compressedBytes }
  }
  return item
}

/**
 * Writes the NotebookValidationJobs of the pushed images. Returns the file written, or the
 * report to end with when none was (no notebooks, or the file could not be written).
 */
async function writeValidationJobs(
  pushedReport: Report,
  publishing: PublishingPlan,
  options: PublishOptions & { nvjFile: string },
  deps: PublishingDeps & { workspace: string }
): Promise<string | Report> {
  const jobs = planNotebookValidationJobs(pushedReport, publishing.notebooks)
  if (jobs.length === 0 || !publishing.git) {
    deps.logger.info('No tier lists notebooks: no NotebookValidationJob written')
    return pushedReport
  }
  const nvjFile = options.nvjFile
  const yaml = renderNotebookValidationJobs(jobs, {
    git: publishing.git,
    version: publishing.versions.version,
    toolVersion: TOOL_VERSION,
    ...(options.nvjNamespace ? { namespace: options.nvjNamespace } : {})
  })
  try {
    await deps.fs.writeFileAtomic(nvjFile, yaml)
  } catch (error) {
    return {
      ...pushedReport,
      publish: {
        ...pushedReport.publish,
        error: `nvj-file: the images were pushed, but ${nvjFile} could not be written: ${errorMessage(error)}`
      }
    }
  }
  deps.logger.info(
    `Wrote ${jobs.length} NotebookValidationJob(s) to ${displayPath(deps.workspace, nvjFile)}`
  )
  return nvjFile
}

/**
 * The report after publishing: per tag what was pushed, each image's digest and the
 * registry's compressed size, and `pushed` only when every tag made it.
 */
export function applyPublish(
  report: Report,
  outcome: PublishOutcome,
  notebookValidationJobs?: string
): Report {
  const byName = new Map(outcome.images.map((image) => [image.name, image]))
  const images = report.images.map((image): ImageReport => {
    const published = byName.get(image.name)
    if (!published) return image
    const next: ImageReport = { ...image, tags: published.tags.map((tag) => ({ ...tag })) }
    if (published.digest !== undefined) next.digest = published.digest
    if (published.platformDigest !== undefined) next.platformDigest = published.platformDigest
    if (published.compressedBytes !== undefined) {
      next.compressedBytes = published.compressedBytes
      next.compressedSource = 'registry'
    }
    return next
  })
  const publish: PublishReport = { ...report.publish }
  if (outcome.error !== undefined) publish.error = outcome.error
  if (notebookValidationJobs !== undefined) publish.notebookValidationJobs = notebookValidationJobs
  const pushed =
    outcome.error === undefined &&
    images.length > 0 &&
    images.every((image) => image.tags.length > 0 && image.tags.every((tag) => tag.pushed))
  return { ...report, images, publish, pushed }
}
