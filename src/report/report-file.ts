// The report file: the one reader (readReport, for the parts of a merge, the baseline of a
// pull request and the benchmark) and the one writer (ReportFile, for the run itself).
// Whatever consumer reads a report gets the same checks, so a stale or foreign file is
// refused naming the field at fault, never half-used until something deeper throws.
import type { FileSystem } from '../adapters/fs.js'
import { errorMessage, NbImageError } from '../utils/errors.js'
import { TOOL_NAME } from '../version.js'
import { THRESHOLD_BASES, type ImageReport, type ImageStatus, type Report } from './types.js'
import { checkAudit, checkPackages } from './contents-check.js'
import { STRATEGIES } from '../manifest/types.js'

/** A file that is not a report this version reads; the message names the field at fault. */
export class ReportFileError extends NbImageError {
  override readonly name = 'ReportFileError'
}

const STATUSES: readonly ImageStatus[] = ['ok', 'warn', 'over', 'failed']

type Fail = (field: string, expected: string) => never

/**
 * Reads a report (JSON text) and checks every field any consumer reads: the merge, the
 * comparison with a baseline, the summary and the outputs. Fields that reports of earlier
 * versions lack are filled in ("not measured", "not pushed", no steps counted); fields it
 * does not know are kept as they are. Throws a ReportFileError naming `source` and the field.
 */
export function readReport(text: string, source: string): Report {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new ReportFileError(`${source}: not JSON (${errorMessage(error)})`)
  }
  const fail: Fail = (field, expected) => {
    throw new ReportFileError(`${source}: ${field}: expected ${expected}`)
  }
  if (!isObject(data)) return fail('(root)', 'an nb-image-action report object')
  const version = data['schemaVersion']
  // A report of another schema version is named as such (even its `tool` may differ);
  // a file without one is most likely not a report of this action at all.
  const wrongVersion = (): never => fail('schemaVersion', `1 (got ${JSON.stringify(version)})`)
  if (version !== undefined && version !== 1) wrongVersion()
  const tool = data['tool']
  if (!isObject(tool) || tool['name'] !== TOOL_NAME) {
    const got = isObject(tool) ? (JSON.stringify(tool['name']) ?? 'nothing') : 'nothing'
    fail('tool.name', `${TOOL_NAME}, the tool that writes these reports (got ${got})`)
  }
  if (version !== 1) wrongVersion()
  if (typeof data['manifest'] !== 'string') fail('manifest', 'a string')
  if (!(STRATEGIES as readonly unknown[]).includes(data['strategy'])) {
    fail('strategy', STRATEGIES.join(' or '))
  }
  if (typeof data['passed'] !== 'boolean') fail('passed', 'true or false')
  for (const field of ['startedAt', 'finishedAt']) {
    if (typeof data[field] !== 'string') fail(field, 'a date and time (a string)')
  }
  checkEngine(data['engine'], fail)
  if (data['error'] !== undefined && typeof data['error'] !== 'string') fail('error', 'a string')
  const images = data['images']
  if (!Array.isArray(images)) return fail('images', 'an array')
  images.forEach((image: unknown, index) => checkImage(image, `images[${index}]`, fail))
  const totals = data['totals']
  if (!isObject(totals)) return fail('totals', 'an object')
  for (const field of ['uniqueBytes', 'sumBytes', 'durationMs']) {
    if (!isCount(totals[field])) fail(`totals.${field}`, 'a non-negative integer')
  }
  const tiers = data['tiers']
  if (!isObject(tiers) || !Object.values(tiers).every((ref) => typeof ref === 'string')) {
    fail('tiers', 'an object of tier names to image references')
  }
  const basis = data['thresholdBasis'] ?? 'uncompressed'
  if (!(THRESHOLD_BASES as readonly unknown[]).includes(basis)) {
    fail('thresholdBasis', THRESHOLD_BASES.join(' or '))
  }
  if (data['pushed'] !== undefined && typeof data['pushed'] !== 'boolean') {
    fail('pushed', 'true or false')
  }
  if (data['publish'] !== undefined && !isObject(data['publish'])) fail('publish', 'an object')
  // Added with pip tiers: absent from earlier reports and from runs without pip packages.
  const python = data['python']
  if (
    python !== undefined &&
    !(
      isObject(python) &&
      typeof python['consistency'] === 'string' &&
      Array.isArray(python['differing'])
    )
  ) {
    fail('python', 'an object with consistency and differing')
  }
  // Reports written before compressed sizes, publishing and step counts existed lack these
  // fields: they read as "not measured", "not pushed" and "no steps counted".
  data['thresholdBasis'] = basis
  data['pushed'] ??= false
  data['publish'] ??= { requested: false, event: '', ref: '', version: null }
  for (const image of images as Record<string, unknown>[]) {
    image['compressedBytes'] ??= null
    image['compressedSource'] ??= null
    image['digest'] ??= null
    image['platformDigest'] ??= null
    image['tags'] ??= []
    image['cachedSteps'] ??= 0
    image['totalSteps'] ??= 0
  }
  return data as unknown as Report
}

function checkEngine(engine: unknown, fail: Fail): void {
  if (!isObject(engine)) return fail('engine', 'an object')
  for (const field of ['serverVersion', 'buildxVersion', 'imageStore']) {
    const value = engine[field]
    if (value !== null && typeof value !== 'string') fail(`engine.${field}`, 'a string or null')
  }
}

function checkImage(image: unknown, where: string, fail: Fail): asserts image is ImageReport {
  if (!isObject(image)) return fail(where, 'an object')
  if (typeof image['name'] !== 'string') fail(`${where}.name`, 'a string')
  if (typeof image['ref'] !== 'string') fail(`${where}.ref`, 'a string')
  const tiers = image['tiers']
  if (!Array.isArray(tiers) || !tiers.every((tier) => typeof tier === 'string')) {
    fail(`${where}.tiers`, 'an array of strings')
  }
  for (const field of ['sizeBytes', 'compressedBytes']) {
    const value = image[field]
    if (value !== undefined && value !== null && !isCount(value)) {
      fail(`${where}.${field}`, 'a non-negative integer or null')
    }
  }
  if (image['sizeBytes'] === undefined) fail(`${where}.sizeBytes`, 'a non-negative integer or null')
  for (const field of ['durationMs', 'thresholdBytes']) {
    if (!isCount(image[field])) fail(`${where}.${field}`, 'a non-negative integer')
  }
  for (const field of ['cachedSteps', 'totalSteps']) {
    if (image[field] !== undefined && !isCount(image[field])) {
      fail(`${where}.${field}`, 'a non-negative integer')
    }
  }
  if (!(STATUSES as readonly unknown[]).includes(image['status'])) {
    fail(`${where}.status`, STATUSES.join(', '))
  }
  const layers = image['layers']
  if (!Array.isArray(layers)) return fail(`${where}.layers`, 'an array')
  layers.forEach((layer: unknown, index) => {
    if (!isObject(layer) || !isCount(layer['sizeBytes']) || typeof layer['createdBy'] !== 'string')
      fail(`${where}.layers[${index}]`, 'an object with sizeBytes and createdBy')
  })
  const python = image['pythonPackages']
  if (
    python !== undefined &&
    !(
      Array.isArray(python) &&
      python.every(
        (item: unknown) =>
          isObject(item) && typeof item['name'] === 'string' && typeof item['version'] === 'string'
      )
    )
  ) {
    fail(`${where}.pythonPackages`, 'an array of objects with name and version')
  }
  // What is inside the image: reports of earlier versions have neither.
  if (image['packages'] !== undefined) checkPackages(image['packages'], `${where}.packages`, fail)
  if (image['audit'] !== undefined) checkAudit(image['audit'], `${where}.audit`, fail)
  const tags = image['tags']
  if (tags === undefined) return
  if (
    !Array.isArray(tags) ||
    !tags.every(
      (tag: unknown) =>
        isObject(tag) && typeof tag['ref'] === 'string' && typeof tag['pushed'] === 'boolean'
    )
  ) {
    fail(`${where}.tags`, 'an array of objects with ref and pushed')
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/**
 * The run's report file, and the only writer of reports. The report lives in memory while
 * the run goes on; the run saves it when it ends (and, before pushing, so the file already
 * says the images passed should the runner die mid-push). `report` is what was last saved,
 * written or not, so the shell can share it without reading the file back.
 */
export class ReportFile {
  /** The report last handed to save(), whether or not it reached the disk. */
  report: Report | undefined
  /** Whether that report is on disk. */
  written = false

  constructor(
    private readonly fs: Pick<FileSystem, 'writeFileAtomic'>,
    /** Absolute path of the file. */
    readonly path: string
  ) {}

  /** Writes `report` (atomically); throws the action's error naming the file when it cannot. */
  async save(report: Report): Promise<void> {
    this.report = report
    this.written = false
    try {
      await this.fs.writeFileAtomic(this.path, `${JSON.stringify(report, null, 2)}\n`)
    } catch (error) {
      throw new NbImageError(`report-file: cannot write ${this.path}: ${errorMessage(error)}`)
    }
    this.written = true
  }
}
