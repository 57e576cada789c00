// The Python resolution as FakeDocker plays it: the bake call that builds the generated
// Dockerfile's nb-pip-report stage into a local folder (src/resolve/resolve.ts). By default
// every project an image's requirements name resolves to version 1.0.0, read from the
// resolver's inputs the pipeline wrote (config.json and the tier files, in the FakeFs);
// a test can script the resolver's failure line or a whole stream instead.
import path from 'node:path'
import type { BakeTarget } from '../../src/build/bake.js'
import type { FakeFs } from './fakes.js'

/** What the fake resolution does. */
export type FakeResolution =
  /** Succeeds with this resolution.json (default: every named project at 1.0.0). */
  | { kind: 'ok'; resolution?: unknown }
  /** The resolver fails, printing this as its `nb-pip-error` line. */
  | { kind: 'fail'; error: Record<string, unknown> }
  /** The whole call replays this stream and exits with this code. */
  | { kind: 'stream'; exitCode: number; stream: string }

const at = (seconds: number): string =>
  new Date(Date.parse('2026-01-02T03:04:00.000Z') + seconds * 1000).toISOString()

const RESOLVE_STEP =
  '[nb-pip-resolve 2/2] RUN --mount=type=bind,from=nb-pip-in,target=/nb/in --mount=type=secret,id=nb-pip-conf,target=/nb/pip.conf,required=true ["python3","/nb/in/resolve.py"]'

/** Plays the resolution call of `target` (its output `type=local,dest=…`). */
export function playResolution(
  fs: FakeFs | undefined,
  target: BakeTarget,
  scripted: FakeResolution = { kind: 'ok' }
): { stream: string; exitCode: number } {
  if (scripted.kind === 'stream') return scripted
  const resolve = {
    digest: 'sha256:pip-resolve',
    name: RESOLVE_STEP,
    inputs: ['sha256:pip-from'],
    started: at(0),
    completed: at(1)
  }
  if (scripted.kind === 'fail') {
    const error = 'process "python3 /nb/in/resolve.py" did not complete successfully: exit code: 1'
    const line = `nb-pip-error ${JSON.stringify(scripted.error)}\n`
    return {
      exitCode: 1,
      stream: stream([
        { vertexes: [{ ...resolve, completed: undefined }] },
        { logs: [{ vertex: resolve.digest, data: Buffer.from(line).toString('base64') }] },
        { vertexes: [{ ...resolve, error }] }
      ]).concat(`ERROR: failed to solve: ${error}\n`)
    }
  }
  const dest = /^type=local,dest=(.+)$/.exec(target.output[0] ?? '')?.[1]
  if (!fs || dest === undefined)
    throw new Error('FakeDocker: a resolution needs the FakeFs and a local output')
  const resolution = scripted.resolution ?? derived(fs, target.contexts?.['nb-pip-in'] ?? '')
  fs.addFile(path.join(dest, 'resolution.json'), `${JSON.stringify(resolution)}\n`)
  return {
    exitCode: 0,
    stream: stream([
      { vertexes: [resolve] },
      {
        vertexes: [
          {
            digest: 'sha256:pip-report',
            name: '[nb-pip-report 1/1] COPY --from=nb-pip-resolve /out/report /',
            inputs: [resolve.digest],
            started: at(1),
            completed: at(1)
          }
        ]
      }
    ])
  }
}

function stream(objects: unknown[]): string {
  return objects.map((object) => `${JSON.stringify(object)}\n`).join('')
}

/** Every project an image's requirements name, at 1.0.0: base, each tier, shared. */
function derived(fs: FakeFs, folder: string): unknown {
  const read = (file: string): string => {
    const text = fs.text(path.join(folder, file))
    if (text === undefined) throw new Error(`FakeDocker: the resolver's inputs lack ${file}`)
    return text
  }
  const config = JSON.parse(read('config.json')) as {
    consistency: string
    images: Record<string, { requirements: string }>
  }
  const images: Record<string, unknown> = {}
  for (const [image, { requirements }] of Object.entries(config.images)) {
    const names = new Set<string>()
    for (const line of read(requirements).split('\n')) {
      const member = /^-r \.\.\/(.+)$/.exec(line)?.[1]
      if (member === undefined) continue
      for (const spec of read(member).split('\n')) {
        const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec)?.[0]
        if (name) names.add(name.toLowerCase().replace(/[-_.]+/g, '-'))
      }
    }
    images[image] = {
      packages: [...names].sort().map((name) => ({
        name,
        version: '1.0.0',
        requested: true,
        own: true
      }))
    }
  }
  return {
    schema: 1,
    pip: '23.0.1',
    python: '3.11.2',
    consistency: config.consistency,
    images,
    files: [],
    warnings: []
  }
}
