// A Docker engine that answers at once, for timing the action's own work (figure 4 of the
// benchmark): every bake reports a warm build of its targets the way buildx 0.13 does, and
// every image inspects as a small two-layer image.
import type {
  BakeResult,
  DiskUsageRow,
  DockerClient,
  EngineInfo,
  ImageDetails,
  MachineInfo,
  PushResult
} from '../src/adapters/docker.js'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { RegistryConfig } from '../src/image/insecure-registry.js'
import type { LocalImage } from '../src/build/disk-space.js'
import type { TargetsAnswer, TargetsQuestion } from '../src/plan/dockerfile-targets.js'
import type { ImageFile, IsolatedResult, IsolatedRun } from '../src/adapters/docker-container.js'
import { INPUT_SEPARATOR } from '../src/contents/probe-io.js'
import type { ResolvedImage } from '../src/image/oci.js'
import { BuildProgress, JsonStreamSplitter } from '../src/build/progress.js'

/** When the fake saw its first build command start and its last one end (performance.now()). */
export interface FakeEngineTimes {
  firstBuildMs?: number
  lastBuildEndMs?: number
}

const at = (ms: number): string => new Date(Date.UTC(2026, 0, 2) + ms).toISOString()

/** The rawjson stream of a warm bake of these targets (every step cached). */
export function warmBakeStream(targets: string[]): string {
  const objects: unknown[] = [
    {
      vertexes: [
        {
          digest: 'sha256:bake',
          name: '[internal] load local bake definitions',
          started: at(0),
          completed: at(1)
        }
      ]
    }
  ]
  const prefix = (target: string): string => (targets.length > 1 ? `${target} ` : '')
  targets.forEach((target, index) => {
    const p = prefix(target)
    const t = 100 + index
    objects.push(
      {
        vertexes: [
          {
            digest: `sha256:def-${target}`,
            name: `[${p}internal] load build definition from Dockerfile`,
            started: at(t),
            completed: at(t + 2)
          },
          {
            digest: 'sha256:from',
            name: `[${p}base 1/2] FROM docker.io/library/python:3.12`,
            started: at(t + 3),
            completed: at(t + 4)
          },
          {
            digest: 'sha256:base',
            inputs: ['sha256:from'],
            name: `[${p}base 2/2] RUN python3 -m pip install papermill`,
            cached: true,
            started: at(t + 5),
            completed: at(t + 5)
          },
          {
            digest: `sha256:run-${target}`,
            inputs: ['sha256:base'],
            name: `[${p}${target} 1/1] RUN python3 -m pip install ${target}-package`,
            cached: true,
            started: at(t + 6),
            completed: at(t + 6)
          },
          {
            digest: `sha256:export-${target}`,
            name: `${targets.length > 1 ? `[${target}] ` : ''}exporting to image`,
            started: at(t + 7),
            completed: at(t + 60)
          }
        ]
      },
      {
        statuses: ['exporting layers', 'exporting manifest', 'naming to', 'unpacking'].map(
          (id) => ({ id, vertex: `sha256:export-${target}`, completed: at(t + 59) })
        )
      }
    )
  })
  return `${objects.map((object) => JSON.stringify(object, null, 2)).join('\n')}\n`
}

/** The fake engine; `times` records when builds ran. */
export class FakeEngine implements DockerClient {
  readonly times: FakeEngineTimes = {}

  async engineInfo(): Promise<EngineInfo> {
    return { serverVersion: '26.1.5', buildxVersion: '0.13.1', imageStore: 'containerd' }
  }

  async build(
    args: string[],
    onLine: (line: string) => void,
    progress = new BuildProgress()
  ): Promise<BakeResult> {
    this.times.firstBuildMs ??= performance.now()
    const targets: string[] = []
    for (let i = 2; i < args.length; i++) {
      const arg = args[i] ?? ''
      if (arg === '--file' || arg === '--builder') i++
      else if (!arg.startsWith('--')) targets.push(arg)
    }
    if (targets.length === 1 && targets[0] === 'nb-pip-report') writeResolution(args)
    const splitter = new JsonStreamSplitter()
    for (const item of [...splitter.push(warmBakeStream(targets)), ...splitter.end()])
      for (const line of progress.consume(item)) onLine(line)
    this.times.lastBuildEndMs = performance.now()
    return { exitCode: 0, progress }
  }

  async listTargets(questions: TargetsQuestion[]): Promise<Map<string, TargetsAnswer>> {
    // The bench fixture's Dockerfile is generated: nothing asks (this answers if it did).
    return new Map(questions.map((q) => [q.dockerfile, { unavailable: 'fake engine' }]))
  }

  async registryConfig(): Promise<RegistryConfig> {
    return {}
  }

  async localImages(): Promise<LocalImage[]> {
    return []
  }

  async diskUsage(): Promise<DiskUsageRow[]> {
    return []
  }

  async builderDriver(): Promise<string | undefined> {
    return 'docker'
  }

  async tag(): Promise<void> {
    throw new Error('the benchmark does not push')
  }

  async push(): Promise<PushResult> {
    throw new Error('the benchmark does not push')
  }

  async packedImage(): Promise<ResolvedImage> {
    throw new Error('the benchmark measures uncompressed sizes')
  }

  async imageIds(): Promise<Map<string, string>> {
    return new Map()
  }

  async machineInfo(): Promise<MachineInfo> {
    throw new Error('the benchmark does not compare options')
  }

  async removeImages(): Promise<void> {
    throw new Error('the benchmark does not compare options')
  }

  /** The contents probe answers at once, as in an image of 200 Debian and 50 Python packages. */
  async runIsolated(run: IsolatedRun): Promise<IsolatedResult> {
    const input = JSON.parse(
      run.input.slice(run.input.indexOf(INPUT_SEPARATOR) + INPUT_SEPARATOR.length)
    ) as {
      tiers: { name: string }[]
    }
    const packages = (count: number, prefix: string): unknown[] =>
      Array.from({ length: count }, (_, i) => ({
        name: `${prefix}${i}`,
        version: `1.${i}`,
        architecture: 'amd64',
        installedSizeBytes: 1024 * (i + 1)
      }))
    const document = {
      schemaVersion: 1,
      python: { version: '3.11.2', executable: '/usr/bin/python3', venv: false },
      notes: [],
      distributions: Array.from({ length: 50 }, (_, i) => ({
        name: `dist-${i}`,
        version: `2.${i}`,
        location: '/usr/lib/python3/dist-packages',
        locationKind: 'debian',
        sizeBytes: 4096 * (i + 1),
        sizeSource: 'RECORD'
      })),
      debian: packages(200, 'lib-'),
      rpm: null,
      tiers: input.tiers.map((tier) => ({ name: tier.name, notebooks: [], notes: [] }))
    }
    return {
      exitCode: 0,
      stdout: `${JSON.stringify(document)}\n`,
      stderr: '',
      timedOut: false,
      truncated: false
    }
  }

  async copyFromImage(request: { paths: string[] }): Promise<Map<string, ImageFile[] | null>> {
    return new Map(request.paths.map((file) => [file, null]))
  }

  async inspectImage(ref: string): Promise<ImageDetails> {
    return {
      id: `sha256:${Buffer.from(ref).toString('hex').slice(0, 64)}`,
      inspectSizeBytes: 300_000_000,
      diffIds: ['sha256:base', `sha256:${ref}`],
      history: [
        { sizeBytes: 200_000_000, createdBy: '' },
        { sizeBytes: 0, createdBy: 'ENV PIP_NO_CACHE_DIR=1' },
        { sizeBytes: 150_000_000, createdBy: `RUN pip install ${ref}` }
      ]
    }
  }
}

/**
 * The Python resolution's bake call (src/resolve/resolve.ts) exports its report to a local
 * folder: write one, every image of the resolver's config without packages (a warm run
 * reuses the cached resolution; what it holds does not change the action's own work).
 */
function writeResolution(args: string[]): void {
  const file = args[args.indexOf('--file') + 1] ?? ''
  const bake = JSON.parse(readFileSync(file, 'utf8')) as {
    target: Record<string, { output: string[]; contexts?: Record<string, string> }>
  }
  const target = bake.target['nb-pip-report']
  const dest = /^type=local,dest=(.+)$/.exec(target?.output[0] ?? '')?.[1]
  const inputs = target?.contexts?.['nb-pip-in']
  if (dest === undefined || inputs === undefined) throw new Error('not a resolution call')
  const config = JSON.parse(readFileSync(path.join(inputs, 'config.json'), 'utf8')) as {
    consistency: string
    images: Record<string, unknown>
  }
  mkdirSync(dest, { recursive: true })
  writeFileSync(
    path.join(dest, 'resolution.json'),
    JSON.stringify({
      schema: 1,
      pip: '23.0.1',
      python: '3.11.2',
      consistency: config.consistency,
      images: Object.fromEntries(
        Object.keys(config.images).map((name) => [name, { packages: [] }])
      ),
      files: [],
      warnings: []
    })
  )
}
