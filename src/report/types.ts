import type { Strategy } from '../manifest/types.js'
import type { ImageAudit, ImagePackages } from './contents.js'

/** Which size the budget applies to: the unpacked layers, or what a pull downloads. */
export type ThresholdBasis = 'uncompressed' | 'compressed'

/** The threshold bases, default first. */
export const THRESHOLD_BASES: readonly ThresholdBasis[] = ['uncompressed', 'compressed']

/** One tag of an image, and whether it reached the registry. */
export interface TagPush {
  /** Full reference, e.g. ghcr.io/acme/nb:tier2-1.2.3. */
  ref: string
  /** True only once `docker push` of this reference succeeded. */
  pushed: boolean
  /** The digest the registry serves for it, once pushed. */
  digest?: string
}

/** What the run did about publishing. */
export interface PublishReport {
  /** The `push` input. */
  requested: boolean
  /** The trigger the tags were derived from. */
  event: string
  ref: string
  /** The primary version tag (docker/metadata-action's `version` output), if any. */
  version: string | null
  /** Why nothing was pushed although `push` was on (over budget, fork pull request, …). */
  skipped?: string
  /** Why publishing stopped part-way; the step fails. */
  error?: string
  /** Path of the NotebookValidationJob YAML, when written. */
  notebookValidationJobs?: string
}

/** Budget verdict of one image. */
export type ImageStatus = 'ok' | 'warn' | 'over' | 'failed'

/** One filesystem layer of a built image. */
export interface LayerInfo {
  /** Uncompressed diff ID (`RootFS.Layers`), when the engine's history could be matched to it. */
  diffId?: string
  sizeBytes: number
  /** Instruction that produced the layer (`RUN …`, `COPY …`), from the image history. */
  createdBy: string
}

/** A built (or failed) image as recorded in the report. */
export interface ImageReport {
  name: string
  tiers: string[]
  target: string | null
  dockerfile: string
  ref: string
  imageId: string | null
  /** Uncompressed size: the sum of the layer sizes the engine reports in the image history. */
  sizeBytes: number | null
  /**
   * `Size` from `docker image inspect`, verbatim. On the classic store it equals sizeBytes;
   * on the containerd image store (Docker 24–28) it counts the packed (compressed) content.
   */
  inspectSizeBytes: number | null
  /**
   * Compressed size: config + Σ layers of the platform manifest, i.e. what a pull
   * downloads. From the registry after a push, or from the engine's packed content before
   * it (threshold-basis compressed); null when not measured.
   */
  compressedBytes: number | null
  /** Where compressedBytes comes from. */
  compressedSource: 'registry' | 'local' | null
  /** Digest of the pushed manifest (the index when attestations are attached): the pin. */
  digest: string | null
  /** Digest of the platform image manifest inside that index. */
  platformDigest: string | null
  /** Every tag planned for the image, in push order, and which were pushed. */
  tags: TagPush[]
  /**
   * Time of the image's own steps in BuildKit's progress stream, the stages it shares with
   * other images included: from its first step starting to its export finishing.
   */
  durationMs: number
  /** Steps of the image that came from the build cache, out of `totalSteps`. */
  cachedSteps: number
  /** The image's Dockerfile steps, `FROM` aside. */
  totalSteps: number
  thresholdBytes: number
  status: ImageStatus
  layers: LayerInfo[]
  /** Last lines of the build log, when the build failed. */
  error?: string
  logTail?: string[]
  /** What is installed, read from the built image (absent in older reports and failed builds). */
  packages?: ImagePackages
  /** The import audit of the notebooks of the tiers it serves, when the audit ran. */
  audit?: ImageAudit
  /**
   * Every Python package pip installs in the image (the base stage's included), at the
   * version the resolution chose, by name (PEP 503 normal form). Only for images built from
   * the generated Dockerfile with pip packages; absent in reports before it was recorded.
   */
  pythonPackages?: PythonPackage[]
}

/** One Python package of an image, as resolved. */
export interface PythonPackage {
  name: string
  version: string
}

/** How the run's Python packages were resolved (generated Dockerfiles with pip packages). */
export interface PythonReport {
  /** `all-tiers`: one version of each package in every image; `per-tier`: each on its own. */
  consistency: 'all-tiers' | 'per-tier'
  /** pip's and Python's versions in the base image, which resolved them. */
  pip: string
  python: string
  /** Packages whose versions differ between the run's images (per-tier only). */
  differing: { name: string; versions: Record<string, string> }[]
}

/** The report written to `report-file`; a stable, versioned contract. */
export interface Report {
  schemaVersion: 1
  tool: { name: string; version: string }
  manifest: string
  strategy: Strategy
  passed: boolean
  startedAt: string
  finishedAt: string
  engine: { serverVersion: string | null; buildxVersion: string | null; imageStore: string | null }
  /** Why the run stopped before building every image, when it did. */
  error?: string
  /** Which size the budgets apply to. */
  thresholdBasis: ThresholdBasis
  /** True only when every planned tag of every image was pushed. */
  pushed: boolean
  publish: PublishReport
  images: ImageReport[]
  /** Tier → image reference. */
  tiers: Record<string, string>
  /** For a report merged from the reports of several jobs (`mode: merge`): what each said. */
  parts?: ReportPart[]
  /** How the Python packages were resolved, when the images install any (see images[].pythonPackages). */
  python?: PythonReport
  totals: {
    /** Bytes on disk for all images together, counting shared layers once. */
    uniqueBytes: number
    /** Sum of every image's size, as if nothing were shared. */
    sumBytes: number
    /**
     * Wall time of the whole build phase; for a merged report, that of the slowest part
     * (the jobs of a matrix run side by side).
     */
    durationMs: number
  }
}

/** One report that went into a merged report. */
export interface ReportPart {
  /** The report file, relative to the working directory. */
  file: string
  startedAt: string
  finishedAt: string
  passed: boolean
  /** Names of the images it reported. */
  images: string[]
  engine: Report['engine']
  durationMs: number
  error?: string
}
