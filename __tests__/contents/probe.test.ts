// The probe (src/contents/probe.py) as the action ships and runs it: the generated module is
// the file, its Python unit tests pass on the host's python3, and the bootstrap, the stdin
// the action writes and the output reader agree, end to end, without Docker.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PROBE_SOURCE } from '../../src/contents/generated/probe-source.js'
import { INPUT_SEPARATOR, PROBE_ARGS, probeStdin } from '../../src/contents/probe-io.js'
import { packagesOf, readProbeOutput, tierAudits } from '../../src/contents/probe-output.js'
// @ts-expect-error: a plain .mjs script without types; only these two exports are used.
import { PROBE_MODULE, probeModuleSource } from '../../scripts/generate-probe.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const NOTEBOOKS = path.join(ROOT, '__tests__', 'fixtures', 'notebooks')
const notebook = (name: string): Uint8Array => readFileSync(path.join(NOTEBOOKS, name))

/** Runs the probe with the host's python3 the way the container runs it: `python3 -B -c …`. */
function runOnHost(stdin: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('python3', [...PROBE_ARGS], {
    input: stdin,
    encoding: 'utf8',
    cwd: NOTEBOOKS,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' }
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the probe as shipped', () => {
  // The bundles carry the generated string, not the file: a change to probe.py without
  // `npm run generate` would ship the old probe.
  test('src/contents/generated/probe-source.ts is generated from probe.py (npm run generate)', () => {
    const committed = readFileSync(path.join(ROOT, PROBE_MODULE as string), 'utf8')
    expect(committed).toBe((probeModuleSource as () => string)())
    expect(PROBE_SOURCE).toBe(readFileSync(path.join(ROOT, 'src/contents/probe.py'), 'utf8'))
  })

  test('the input separator is the probe’s own', () => {
    expect(PROBE_SOURCE).toContain(
      `INPUT_SEPARATOR = ${JSON.stringify(INPUT_SEPARATOR).replace(/\\n/g, '\\n')}`
    )
  })

  test('its Python unit tests pass (python3 -m unittest)', () => {
    const result = spawnSync('python3', ['-B', '-m', 'unittest', 'test_probe'], {
      cwd: path.join(ROOT, '__tests__', 'contents', 'probe'),
      encoding: 'utf8'
    })
    if (result.status !== 0) throw new Error(`${result.stdout}\n${result.stderr}`)
    expect(result.stderr).toMatch(/^OK$/m)
  })
})

describe('bootstrap, stdin and output reader, on the host’s python3', () => {
  test('one document: the packages the host sees and each tier’s notebooks audited', () => {
    const stdin = probeStdin(
      [
        {
          name: 'tier1',
          packages: { pip: [], apt: [] },
          notebooks: [
            {
              path: 'nb/missing-import.ipynb',
              content: notebook('missing-import.ipynb'),
              siblings: []
            },
            { path: 'nb/syntax-error.ipynb', content: notebook('syntax-error.ipynb'), siblings: [] }
          ]
        },
        {
          name: 'tier2',
          packages: { pip: [], apt: [] },
          notebooks: [
            {
              path: 'nb/local-module.ipynb',
              content: notebook('local-module.ipynb'),
              siblings: ['helpers.py', 'mylib/']
            },
            { path: 'nb/invalid-json.ipynb', content: notebook('invalid-json.ipynb'), siblings: [] }
          ]
        }
      ],
      20
    )
    const run = runOnHost(stdin)
    expect(run.status).toBe(0)
    const reading = readProbeOutput(run.stdout)
    if ('problem' in reading) throw new Error(reading.problem)
    const packages = packagesOf(reading.document)
    expect(packages.interpreter?.version).toMatch(/^3\.\d+\.\d+$/)
    const [tier1, tier2] = tierAudits(reading.document)
    expect(tier1?.notebooks.map((n) => [n.path, n.status])).toStrictEqual([
      ['nb/missing-import.ipynb', 'missing'],
      ['nb/syntax-error.ipynb', 'error']
    ])
    const missing = tier1?.notebooks[0]?.missing.map((m) => m.module)
    expect(missing).toEqual(expect.arrayContaining(['xgboost', 'cv2']))
    expect(tier1?.notebooks[0]?.missing.find((m) => m.module === 'cv2')?.likely).toStrictEqual({
      pypi: 'opencv-python',
      debian: 'python3-opencv',
      guess: false
    })
    expect(tier1?.notebooks[1]?.errors).toStrictEqual([
      { kind: 'syntax', message: 'SyntaxError in cell 2, line 2: invalid syntax', cell: 2, line: 2 }
    ])
    // The files next to the notebook are importable (only the third import is missing); a
    // notebook that is not JSON is an error whose line is the file's.
    expect(tier2?.notebooks.map((n) => [n.path, n.status])).toStrictEqual([
      ['nb/local-module.ipynb', 'missing'],
      ['nb/invalid-json.ipynb', 'error']
    ])
    expect(tier2?.notebooks[0]?.missing.map((m) => m.module)).toStrictEqual(['notlocal_missing'])
    expect(tier2?.notebooks[1]?.errors).toStrictEqual([
      {
        kind: 'invalid-json',
        message: 'not valid JSON: Expecting value at line 6, column 1',
        fileLine: 6
      }
    ])
  })

  test('an input that is not the probe’s: exit 2 and a fatal document the reader explains', () => {
    const run = runOnHost(`${PROBE_SOURCE}${INPUT_SEPARATOR}{"schemaVersion": 2}`)
    expect(run.status).toBe(2)
    expect(readProbeOutput(run.stdout)).toStrictEqual({
      problem: 'the probe stopped: the input is not an nb-image-probe input (schemaVersion 1)'
    })
  })

  test('a probe the interpreter cannot compile: a document naming the Python version', () => {
    const run = runOnHost(`def broken(:\n${INPUT_SEPARATOR}{}`)
    expect(run.status).toBe(3)
    const reading = readProbeOutput(run.stdout)
    expect(reading).toStrictEqual({
      problem: expect.stringMatching(
        /^the probe stopped: Python 3\.\d+\.\d+ cannot run the probe: /
      )
    })
  })
})
