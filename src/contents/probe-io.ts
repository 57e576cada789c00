// What goes into the probe's container and what comes out: the command line, the stdin
// (probe source, separator, input document) and the shape of the one JSON document the
// probe prints (src/contents/probe.py documents both schemas). Pure: no I/O.
import { PROBE_SOURCE } from './generated/probe-source.js'

/** Separates the probe's source from its input on stdin (probe.py INPUT_SEPARATOR). */
export const INPUT_SEPARATOR = '\n#@@nb-image-probe-input@@\n'

/**
 * Runs inside the container as `python3 -B -c BOOTSTRAP`: reads the probe and its input
 * from stdin, so nothing from the host is mounted. An interpreter too old to compile the
 * probe still prints a JSON document saying so, without needing the json module.
 */
export const BOOTSTRAP = [
  'import sys',
  's = sys.stdin.read()',
  `p, _, i = s.partition(${JSON.stringify(INPUT_SEPARATOR)})`,
  "g = {'__name__': 'nb_image_probe'}",
  'try:',
  "    exec(compile(p, 'probe.py', 'exec'), g)",
  'except SyntaxError as e:',
  "    m = 'Python %s cannot run the probe: %s' % (sys.version.split()[0], e)",
  `    m = ''.join(c if ' ' <= c < '~' and c not in '\\\\"' else '\\\\u%04x' % ord(c) for c in m)`,
  `    sys.stdout.write('{"schemaVersion":1,"fatal":{"kind":"python","message":"' + m + '"}}\\n')`,
  '    sys.exit(3)',
  "sys.exit(g['main']([], i))"
].join('\n')

/** The interpreter's arguments: no .pyc written (the root is read-only anyway), the bootstrap. */
export const PROBE_ARGS: readonly string[] = ['-B', '-c', BOOTSTRAP]

/** A notebook sent to the probe: its bytes, and what sits next to it (the kernel's cwd). */
export interface ProbeNotebook {
  /** Repository-relative path, echoed back in the report. */
  path: string
  content: Uint8Array
  /** `helpers.py`, `mylib/`: names next to the notebook that it may import. */
  siblings: string[]
}

/** One tier the image serves: what the manifest installs in it, and its notebooks. */
export interface ProbeTier {
  name: string
  packages: { pip: string[]; apt: string[] }
  notebooks: ProbeNotebook[]
}

/** The stdin of a probe run: the probe, the separator, the input document (schema 1). */
export function probeStdin(tiers: ProbeTier[], timeoutSeconds: number): string {
  const input = {
    schemaVersion: 1,
    timeoutSeconds,
    tiers: tiers.map((tier) => ({
      name: tier.name,
      packages: tier.packages,
      notebooks: tier.notebooks.map((notebook) => ({
        path: notebook.path,
        // Raw bytes: a notebook that is not UTF-8 is the probe's to report, like any other.
        contentBase64: Buffer.from(notebook.content).toString('base64'),
        siblings: notebook.siblings
      }))
    }))
  }
  return `${PROBE_SOURCE}${INPUT_SEPARATOR}${JSON.stringify(input)}`
}

// ---------------------------------------------------------------------------------------
// The probe's output document (schema 1), as far as the action reads it. A hostile image
// can print anything, so probe-output.ts checks every field before using it.

/** A Python distribution as the probe reports it. */
export interface ProbeDistribution {
  name: string
  version: string
  location: string
  locationKind: string
  sizeBytes: number | null
  /** `RECORD`, `installed-files.txt`, `dpkg Installed-Size`, or absent. */
  sizeSource?: string
  debianPackage?: string
}

/** A Debian or RPM package as the probe reports it. */
export interface ProbeSystemPackage {
  name: string
  version: string
  architecture: string
  installedSizeBytes: number
}

/** An import of a module in a notebook. */
export interface ProbeOccurrence {
  cell: number
  line: number
  optional: boolean
  executionCount?: number
}

/** A module one notebook imports, and whether the image has it. */
export interface ProbeModule {
  name: string
  status: 'found' | 'missing' | 'local'
  optional: boolean
  kind?: string
  debianPackage?: string
  distributions?: string[]
  likelyPackage?: { pypi: string | null; debian: string | null; guess: boolean }
  installedByNotebook?: string
  occurrences: ProbeOccurrence[]
}

/** The audit of one notebook. */
export interface ProbeNotebookReport {
  path: string
  status: 'ok' | 'missing' | 'error' | 'skipped'
  errors: { kind: string; message: string; cell?: number; line?: number }[]
  notes: string[]
  modules: ProbeModule[]
  installs: {
    manager: string
    command: string
    cell: number
    line: number
    packages: { spec: string }[]
  }[]
}

/** A declared package the tier's notebooks do not use. */
export interface ProbeUnused {
  manager: 'pip' | 'apt'
  spec: string
  version?: string
  sizeBytes?: number | null
}

/** The audit of one tier. */
export interface ProbeTierReport {
  name: string
  notebooks: ProbeNotebookReport[]
  notes: string[]
  unused?: ProbeUnused[]
  noModules?: ProbeUnused[]
  notInstalled?: ProbeUnused[]
}

/** The probe's document. */
export interface ProbeDocument {
  schemaVersion: 1
  fatal?: { kind: string; message: string }
  python?: { version: string; executable: string; venv: boolean }
  notes: string[]
  distributions: ProbeDistribution[]
  debian: ProbeSystemPackage[] | null
  rpm: ProbeSystemPackage[] | null
  tiers: ProbeTierReport[]
}
