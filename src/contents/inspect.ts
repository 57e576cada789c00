// What is inside each built image: its packages, and whether the notebooks of the tiers it
// serves can import what they import. One isolated container per image runs the probe
// (probe.py, on stdin) with the image's own python3; an image is probed as soon as its
// export is done, while the others still build, and the probes run side by side.
import { randomBytes } from 'node:crypto'
import type { Deps } from '../adapters/deps.js'
import type { IsolatedResult } from '../adapters/docker-container.js'
import type { BuildPlan, ImagePlan } from '../plan/types.js'
import type { Manifest } from '../manifest/types.js'
import type { BuildOutcome } from '../report/build-report.js'
import type { ImageAudit, ImagePackages, TierAudit } from '../report/contents.js'
import { limited } from '../utils/concurrency.js'
import { errorMessage } from '../utils/errors.js'
import { formatDuration } from '../render/format.js'
import { adviseMissing, locateFindings } from './advice.js'
import { installedDebianPackages } from './dpkg.js'
import { PROBE_ARGS, probeStdin, type ProbeTier } from './probe-io.js'
import { packagesOf, readProbeOutput, tierAudits } from './probe-output.js'
import type { ContentsPlan } from './prepare.js'

/** The probe's time limit: the container is removed when it passes. */
export const PROBE_TIMEOUT_MS = 60_000
/** Probes running at once (each is one container). */
const PROBE_CONCURRENCY = 4
/** Most characters of the probe's output read: a report of thousands of packages is < 2 MB. */
const MAX_OUTPUT_CHARS = 16 * 1024 * 1024
/** Largest dpkg database file read when the image has no python3. */
const MAX_DPKG_BYTES = 64 * 1024 * 1024

/** What was read from one image. */
export interface ImageContents {
  packages: ImagePackages
  /** Absent when the audit is off. */
  audit?: ImageAudit
}

/** The adapters the contents stage uses. */
export type ContentsDeps = Pick<Deps, 'docker' | 'logger'>

/** The probes of one run: started as images are exported, collected after the build. */
export class ContentsInspection {
  private readonly started = new Map<string, { id: string; result: Promise<ImageContents> }>()
  private readonly probe: (job: { image: ImagePlan; id: string }) => Promise<ImageContents>

  constructor(
    private readonly plan: BuildPlan,
    private readonly manifest: Manifest,
    private readonly contents: ContentsPlan,
    private readonly deps: ContentsDeps
  ) {
    this.probe = limited(PROBE_CONCURRENCY, (job) => this.read(job.image, job.id))
  }

  /** Starts reading an image as soon as its ID is known (its export is done). */
  start(image: ImagePlan, id: Promise<string>): void {
    id.then(
      (known) => this.begin(image, known),
      () => undefined // not measurable: finish() decides from the outcome
    )
  }

  /**
   * The contents of every image that built, by image name: those started during the build,
   * and the others now; what the probes found is put in context across images (which list
   * a missing module belongs on) and located in the notebook files.
   */
  async finish(outcomes: BuildOutcome[]): Promise<Map<string, ImageContents>> {
    const { deps } = this
    // Wall time for the log only (the report's times come from the run's clock).
    const finishing = performance.now()
    const results = new Map<string, ImageContents>()
    await Promise.all(
      outcomes.map(async (outcome) => {
        if (!outcome.ok) return
        const entry = this.begin(outcome.image, outcome.imageId)
        results.set(outcome.image.name, await entry.result)
      })
    )
    const audits = [...results.values()].flatMap((contents) =>
      contents.audit ? [contents.audit] : []
    )
    adviseMissing(audits, this.plan, this.manifest)
    locateFindings(audits, this.notebookBytes())
    const waited = performance.now() - finishing
    if (results.size > 0) {
      deps.logger.info(
        `Read the contents of ${results.size} image${results.size === 1 ? '' : 's'}; the run waited ${formatDuration(waited)} for them after the build`
      )
    }
    return results
  }

  /** The probe of an image, started once per image ID. */
  private begin(image: ImagePlan, id: string): { id: string; result: Promise<ImageContents> } {
    const known = this.started.get(image.name)
    if (known && known.id === id) return known
    const entry = { id, result: this.probe({ image, id }) }
    this.started.set(image.name, entry)
    return entry
  }

  private notebookBytes(): Map<string, Uint8Array> {
    const bytes = new Map<string, Uint8Array>()
    for (const tiers of this.contents.tiers.values())
      for (const tier of tiers)
        for (const notebook of tier.notebooks) bytes.set(notebook.path, notebook.content)
    return bytes
  }

  /** Runs the probe in one image; whatever goes wrong becomes notes, never an exception. */
  private async read(image: ImagePlan, id: string): Promise<ImageContents> {
    const { docker, logger } = this.deps
    const tiers = this.tiersOf(image)
    const auditing = this.contents.audit === 'on'
    const started = performance.now()
    let result: IsolatedResult
    try {
      result = await docker.runIsolated({
        image: id,
        entrypoint: 'python3',
        args: [...PROBE_ARGS],
        input: probeStdin(tiers, Math.floor(PROBE_TIMEOUT_MS / 1000) - 2),
        name: containerName(),
        timeoutMs: PROBE_TIMEOUT_MS,
        maxOutputChars: MAX_OUTPUT_CHARS
      })
    } catch (error) {
      return this.unchecked(image, tiers, `the probe could not start: ${errorMessage(error)}`)
    }
    logger.debug(
      `${image.name}: probe exited ${result.exitCode} after ${formatDuration(performance.now() - started)}${result.stderr.trim() ? `; stderr: ${result.stderr.trim().slice(-2000)}` : ''}`
    )
    if (result.timedOut) {
      return this.unchecked(
        image,
        tiers,
        `the probe did not finish in ${formatDuration(PROBE_TIMEOUT_MS)}; its container was removed`
      )
    }
    if (noPython(result)) return this.withoutPython(image, id, tiers)
    const reading = readProbeOutput(result.truncated ? '' : result.stdout)
    if ('problem' in reading) {
      const why = result.truncated ? 'the probe printed more than 16 MB' : reading.problem
      return this.unchecked(image, tiers, `${why} (exit code ${result.exitCode})`)
    }
    const packages = packagesOf(reading.document)
    if (!auditing) return { packages }
    const audited = this.withUnread(tierAudits(reading.document))
    return { packages, audit: { status: auditStatus(audited), tiers: audited, notes: [] } }
  }

  private tiersOf(image: ImagePlan): ProbeTier[] {
    const tiers = this.contents.tiers.get(image.name) ?? []
    return this.contents.audit === 'on' ? tiers : tiers.map((tier) => ({ ...tier, notebooks: [] }))
  }

  /** Adds the notebooks that could not be read from the workspace to their tiers. */
  private withUnread(tiers: TierAudit[]): TierAudit[] {
    return tiers.map((tier) => {
      const unread = this.contents.unread.get(tier.tier) ?? []
      if (unread.length === 0) return tier
      return {
        ...tier,
        notebooks: [
          ...tier.notebooks,
          ...unread.map((notebook) => ({
            path: notebook.path,
            status: 'error' as const,
            resolved: [],
            missing: [],
            errors: [{ kind: 'unreadable', message: notebook.message }],
            installs: [],
            notes: []
          }))
        ]
      }
    })
  }

  /**
   * The audit could not run: no packages, and each notebook unchecked. A warning under
   * `audit-notebooks: auto`, a failure under `true`.
   */
  private unchecked(image: ImagePlan, tiers: ProbeTier[], why: string): ImageContents {
    this.deps.logger.warning(`${image.ref}: ${why}: its packages are not listed`)
    const packages = emptyPackages([why])
    if (this.contents.audit !== 'on') return { packages }
    return {
      packages,
      audit: {
        status: this.contents.required ? 'failed' : 'unchecked',
        tiers: tiers.map((tier) => ({
          tier: tier.name,
          notebooks: [],
          unused: [],
          notes:
            tier.notebooks.length > 0 ? [`${tier.notebooks.length} notebook(s) not checked`] : []
        })),
        notes: [`notebooks not checked: ${why}`]
      }
    }
  }

  /**
   * An image without python3: its Debian packages read from outside (docker cp), and every
   * notebook of its tiers an error, since no kernel can run it there.
   */
  private async withoutPython(
    image: ImagePlan,
    id: string,
    tiers: ProbeTier[]
  ): Promise<ImageContents> {
    const why = 'the image has no python3'
    const packages = emptyPackages([`${why}: no Python packages or notebook audit`])
    try {
      const copied = await this.deps.docker.copyFromImage({
        image: id,
        name: containerName(),
        paths: ['/var/lib/dpkg/status', '/var/lib/dpkg/status.d'],
        maxBytes: MAX_DPKG_BYTES,
        timeoutMs: PROBE_TIMEOUT_MS
      })
      const texts = [...copied.values()]
        .flatMap((files) => files ?? [])
        .filter((file) => !file.name.endsWith('.md5sums'))
        .map((file) => new TextDecoder().decode(file.content))
      if (texts.length > 0) packages.debian = installedDebianPackages(texts)
      else
        packages.notes.push(
          'no Debian package database (/var/lib/dpkg/status): no system packages listed (RPM is only read with python3)'
        )
    } catch (error) {
      packages.notes.push(`Debian packages not read: ${errorMessage(error)}`)
    }
    if (this.contents.audit !== 'on') return { packages }
    const audited: TierAudit[] = tiers.map((tier) => ({
      tier: tier.name,
      notebooks: tier.notebooks.map((notebook) => ({
        path: notebook.path,
        status: 'error' as const,
        resolved: [],
        missing: [],
        errors: [
          {
            kind: 'no-python',
            message: `cannot check imports: the image ${image.ref} has no python3, so no notebook can run in it`
          }
        ],
        installs: [],
        notes: []
      })),
      unused: [],
      notes: []
    }))
    const withUnread = this.withUnread(audited)
    return {
      packages,
      audit: { status: auditStatus(withUnread), tiers: withUnread, notes: [why] }
    }
  }
}

/** passed unless a notebook is missing a module or could not be read. */
function auditStatus(tiers: TierAudit[]): ImageAudit['status'] {
  const failing = tiers.some((tier) =>
    tier.notebooks.some((notebook) => notebook.status === 'missing' || notebook.status === 'error')
  )
  return failing ? 'failed' : 'passed'
}

function emptyPackages(notes: string[]): ImagePackages {
  return { interpreter: null, python: [], debian: [], rpm: [], notes }
}

/** Exit 127 with the runtime's "not found" message: the image has no python3 on PATH. */
function noPython(result: IsolatedResult): boolean {
  return (
    (result.exitCode === 127 || result.exitCode === 126) &&
    /executable file not found|no such file or directory/i.test(result.stderr)
  )
}

/** A unique container name (the time limit removes the container by it). */
function containerName(): string {
  return `nb-image-probe-${randomBytes(6).toString('hex')}`
}
