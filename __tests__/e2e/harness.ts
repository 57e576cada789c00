// Runs the bundled action the way the runner does: `node dist/index.js` with INPUT_*
// variables, the GITHUB_OUTPUT/GITHUB_STEP_SUMMARY/GITHUB_STATE files created first, an
// event JSON at GITHUB_EVENT_PATH and RUNNER_TEMP set. Talks to the real engine.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** Test projects (Dockerfiles and manifests) copied into a fresh workspace per test. */
export const PROJECTS = path.join(ROOT, '__tests__', 'fixtures', 'projects')

/** What one run of the action left behind. */
export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  workspace: string
  runnerTemp: string
}

/** A unique, lowercase id for tags and repositories of one test file. */
export function uniqueId(): string {
  return randomBytes(4).toString('hex')
}

/**
 * Copies a fixture project into a new temporary workspace, pointing its manifest at the
 * given image repository so parallel and repeated runs never share tags.
 */
export function prepareWorkspace(
  project: string,
  image: string,
  manifest = 'notebook-tiers.yaml'
): string {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'nb-image-e2e-'))
  cpSync(path.join(PROJECTS, project), workspace, { recursive: true })
  const file = path.join(workspace, manifest)
  const text = readFileSync(file, 'utf8')
  writeFileSync(file, text.replace(/^image: .*$/m, `image: ${image}`))
  return workspace
}

/** Runs `node dist/index.js` (or another bundle) in `workspace` with the given inputs. */
export async function runAction(options: {
  workspace: string
  inputs: Record<string, string>
  env?: Record<string, string | undefined>
  event?: { name: string; payload: unknown }
  entry?: string
  /** Sees stdout as it comes, e.g. to act in the middle of a build. */
  onStdout?: (chunk: string) => void
}): Promise<ActionRun> {
  const runnerTemp = mkdtempSync(path.join(os.tmpdir(), 'nb-image-runner-'))
  const files = {
    GITHUB_OUTPUT: path.join(runnerTemp, 'output.txt'),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary.md'),
    GITHUB_STATE: path.join(runnerTemp, 'state.txt'),
    GITHUB_EVENT_PATH: path.join(runnerTemp, 'event.json')
  }
  for (const file of [files.GITHUB_OUTPUT, files.GITHUB_STEP_SUMMARY, files.GITHUB_STATE])
    writeFileSync(file, '')
  const event = options.event ?? {
    name: 'push',
    payload: { ref: 'refs/heads/main', repository: { default_branch: 'main' } }
  }
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(event.payload))
  mkdirSync(path.join(runnerTemp, 'tmp'), { recursive: true })

  const env: Record<string, string | undefined> = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    DOCKER_HOST: process.env['DOCKER_HOST'],
    DOCKER_CONFIG: process.env['DOCKER_CONFIG'],
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REPOSITORY: 'acme/notebooks',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    ...files
  }
  for (const [name, value] of Object.entries(options.inputs))
    env[`INPUT_${name.toUpperCase()}`] = value
  Object.assign(env, options.env ?? {})
  const cleanEnv = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined)
  ) as Record<string, string>

  const entry = options.entry ?? path.join(ROOT, 'dist', 'index.js')
  const { exitCode, stdout, stderr } = await spawnCollect(process.execPath, [entry], {
    cwd: options.workspace,
    env: cleanEnv,
    ...(options.onStdout ? { onStdout: options.onStdout } : {})
  })
  const run: ActionRun = {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    workspace: options.workspace,
    runnerTemp
  }
  keepRun(run, secretsOf(options.inputs, options.env ?? {}), {
    'output.txt': readFileSync(files.GITHUB_OUTPUT, 'utf8'),
    'state.txt': readFileSync(files.GITHUB_STATE, 'utf8')
  })
  return run
}

/**
 * Where every run's log, outputs, summary and report are kept for scripts/scan-secrets.mjs,
 * which `npm test` runs after the tests (global-setup.ts empties it first).
 */
export const RUN_LOGS = process.env['NB_IMAGE_TEST_RUN_LOGS'] || path.join(ROOT, '.test-runs')

/**
 * The secrets a run was handed: the token input, the passwords in the package index
 * inputs, and every *TOKEN* or *PASSWORD* variable.
 */
function secretsOf(
  inputs: Record<string, string>,
  env: Record<string, string | undefined>
): string[] {
  const values = [
    inputs['github-token'],
    ...indexPasswords(`${inputs['pip-index-url'] ?? ''} ${inputs['pip-extra-index-url'] ?? ''}`),
    ...Object.entries(env)
      .filter(([name]) => /TOKEN|PASSWORD/i.test(name))
      .map(([, value]) => value)
  ]
  return values.filter((value): value is string => typeof value === 'string' && value.length > 0)
}

/** The passwords (raw and decoded) of the index URLs in an input. */
function indexPasswords(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => {
      try {
        const { password } = new URL(word)
        return password ? [password, decodeURIComponent(password)] : []
      } catch {
        return []
      }
    })
}

/**
 * Keeps what the run wrote, and fails the test at once when a secret shows anywhere but in
 * the `::add-mask::` command that hides it (the scan after the suite checks all of it again).
 */
function keepRun(run: ActionRun, secrets: string[], more: Record<string, string>): void {
  // Jest loads this module afresh for each test file: the folder name must not repeat.
  mkdirSync(path.join(RUN_LOGS, 'runs'), { recursive: true })
  const folder = mkdtempSync(path.join(RUN_LOGS, 'runs', 'run-'))
  const reportFile = run.outputs['report-file']
  const texts: Record<string, string> = {
    'stdout.txt': run.stdout,
    'stderr.txt': run.stderr,
    'summary.md': run.summary,
    ...more,
    ...(reportFile && existsSync(reportFile) && statSync(reportFile).isFile()
      ? { 'report.json': readFileSync(reportFile, 'utf8') }
      : {})
  }
  for (const [name, text] of Object.entries(texts)) writeFileSync(path.join(folder, name), text)
  if (secrets.length > 0)
    appendFileSync(path.join(RUN_LOGS, 'secrets.txt'), `${secrets.join('\n')}\n`)
  for (const [name, text] of Object.entries(texts)) {
    const leak = text
      .split('\n')
      .findIndex(
        (line) =>
          !line.startsWith('::add-mask::') && secrets.some((secret) => line.includes(secret))
      )
    if (leak >= 0)
      throw new Error(`a secret given to the action shows in its ${name}, line ${leak + 1}`)
  }
}

/**
 * Runs the bundled command line (`dist/cli/index.js`) in a workspace, with only the
 * environment a user's shell would pass it: no runner variables.
 */
export function runCli(
  workspace: string,
  args: string[]
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return spawnCollect(process.execPath, [path.join(ROOT, 'dist', 'cli', 'index.js'), ...args], {
    cwd: workspace,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      DOCKER_HOST: process.env['DOCKER_HOST'] ?? ''
    }
  })
}

/** Parses the `name<<delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name = '', delimiter] = match
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
    outputs[name] = value.join('\n')
  }
  return outputs
}

/** Runs a command without a shell, collecting its output. */
export function spawnCollect(
  command: string,
  args: string[],
  options: {
    cwd?: string
    env?: Record<string, string>
    onStdout?: (chunk: string) => void
  } = {}
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      options.onStdout?.(chunk.toString())
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }))
  })
}

/** Runs `docker …` synchronously and returns stdout; throws with stderr on failure. */
export function docker(...args: string[]): string {
  const result = spawnSync('docker', args, { encoding: 'utf8', env: process.env })
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')} failed: ${result.stderr}`)
  return result.stdout
}

/** What the engine itself reports for an image: inspect and the history's layer sizes. */
export function engineFacts(ref: string): {
  id: string
  inspectSize: number
  historySum: number
  layers: number
} {
  const inspect = JSON.parse(docker('image', 'inspect', '--format', '{{json .}}', ref)) as {
    Id: string
    Size: number
    RootFS: { Layers: string[] }
  }
  const history = docker('history', '--no-trunc', '--human=false', '--format', '{{.Size}}', ref)
    .trim()
    .split('\n')
    .reduce((sum, size) => sum + Number(size), 0)
  return {
    id: inspect.Id,
    inspectSize: inspect.Size,
    historySum: history,
    layers: inspect.RootFS.Layers.length
  }
}

/** Removes every image of the given repositories (only ours: the names are unique per run). */
export function removeImages(...repositories: string[]): void {
  for (const repository of repositories) {
    const refs = docker(
      'image',
      'ls',
      '--format',
      '{{.Repository}}:{{.Tag}}',
      '--filter',
      `reference=${repository}`
    )
      .split('\n')
      .filter((line) => line.trim() !== '')
    if (refs.length > 0)
      spawnSync('docker', ['image', 'rm', '--force', ...refs], { encoding: 'utf8' })
  }
}
