import path from 'node:path'
import type { Deps } from '../adapters/deps.js'
import { planBuild } from '../plan/plan.js'
import { buildReport, failedOutcome } from '../report/build-report.js'
import { mergeReports, type ReportSource } from '../report/merge.js'
import { readReport, ReportFile, ReportFileError } from '../report/report-file.js'
import type { ImageReport, Report } from '../report/types.js'
import type { Manifest } from '../manifest/types.js'
import { errorMessage, InputError } from '../utils/errors.js'
import { displayPath } from '../utils/paths.js'
import { TOOL } from '../version.js'
import type { RunOptions } from './options.js'
import { manifestFile, readManifest } from './prepare.js'

/** What a merge run produced; the manifest when the merge job had it. */
export interface MergeResult {
  mode: 'merge'
  report: Report
  manifest?: Manifest
  /** Set when the merged report could not be written; the report is still true. */
  reportError?: string
}

/**
 * `mode: merge`: combines the reports of a fan-out (`reports` globs) into one report,
 * written to `reportFile`. When the manifest is at hand, every image it plans must be in
 * some report; one that is not (its job died before writing a report) is reported as failed.
 */
export async function runMerge(
  options: RunOptions,
  deps: Pick<Deps, 'fs' | 'logger' | 'glob'>,
  file = new ReportFile(deps.fs, options.reportFile)
): Promise<MergeResult> {
  if ((options.reports ?? []).length === 0) {
    throw new InputError(
      'reports: give the report files to merge (a glob such as reports/**/nb-image-report.json) with mode: merge (--reports on the command line)'
    )
  }
  const sources = await deps.logger.group('Read the reports', () => readParts(options, deps))
  const first = sources[0]?.report
  const shown = manifestFile(options)
  let manifest: Manifest | undefined
  let expected: ImageReport[] | undefined
  if (first && first.manifest !== shown) {
    deps.logger.info(
      `The reports are of ${first.manifest}, not ${shown}; not checking that every image has a report`
    )
  } else if (first && (await deps.fs.isFile(options.manifestPath))) {
    manifest = await readManifest(options, deps)
    expected = expectedImages(manifest, first, options)
  } else {
    deps.logger.info(`${shown} is not here; not checking that every image has a report`)
  }
  const report = mergeReports(sources, { tool: TOOL, ...(expected ? { expected } : {}) })
  const result: MergeResult = { mode: 'merge', report }
  if (manifest) result.manifest = manifest
  try {
    await file.save(report)
  } catch (error) {
    result.reportError = errorMessage(error)
  }
  return result
}

/** Reads every report the globs match (but the output), each checked by the one reader. */
async function readParts(
  options: RunOptions,
  deps: Pick<Deps, 'fs' | 'logger' | 'glob'>
): Promise<ReportSource[]> {
  const cwd = options.workingDirectory ?? options.workspace
  const patterns = options.reports ?? []
  if (!deps.glob) throw new Error('runMerge needs the glob adapter')
  const output = path.resolve(options.reportFile)
  const files = (await deps.glob(patterns, cwd))
    .map((match) => match.file)
    .filter((file) => path.resolve(file) !== output)
  if (files.length === 0) {
    throw new InputError(`reports: no file matches ${patterns.join(', ')} (in ${cwd})`)
  }
  const read: ReportSource[] = []
  for (const file of files) {
    const shown = displayPath(cwd, file)
    let text: string
    try {
      text = new TextDecoder().decode(await deps.fs.readFile(file))
    } catch (error) {
      throw new InputError(`reports: cannot read ${shown}: ${errorMessage(error)}`)
    }
    let report: Report
    try {
      report = readReport(text, shown)
    } catch (error) {
      if (error instanceof ReportFileError) throw new InputError(`reports: ${error.message}`)
      throw error
    }
    deps.logger.info(
      `${shown}: ${report.images.map((image) => `${image.name} (${image.status})`).join(', ') || 'no images'}${report.error ? ` (${report.error})` : ''}`
    )
    read.push({ file: shown, report })
  }
  return read
}

/** Every image the manifest plans under the parts' strategy, as failed until a part has it. */
function expectedImages(manifest: Manifest, first: Report, options: RunOptions): ImageReport[] {
  const plan = planBuild(manifest, {
    manifestDir: path.dirname(options.manifestPath),
    strategy: first.strategy,
    thresholdBytes: options.thresholdBytes,
    maxGrowth: options.maxGrowth,
    tiers: options.tiers
  })
  return buildReport(
    plan,
    plan.images.map((image) => failedOutcome(image, 'no report')),
    {
      tool: TOOL,
      startedAt: first.startedAt,
      finishedAt: first.finishedAt,
      buildDurationMs: 0,
      engine: first.engine
    }
  ).images
}
