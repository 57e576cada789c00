// Figure 4 of `npm run bench`, one sample: the action on a 50-tier manifest against a fake
// engine that answers at once (bench/fake-engine.ts), in a fresh process. It times the
// action's own work: from its start (`run()`, once its code is loaded) to the first build
// command, and from the end of the last build command to the report and job summary
// written; and, apart, how long loading its code took. Run by bench/bench.ts as `node startup.js <workspace> <runner-temp> <result.json>`.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { FakeEngine } from './fake-engine.js'

const [workspace = '', runnerTemp = '', resultFile = ''] = process.argv.slice(2)

// The runner's environment, as bench/bench.ts's action runs (and the e2e harness) set it.
Object.assign(process.env, {
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: workspace,
  RUNNER_TEMP: runnerTemp,
  GITHUB_OUTPUT: path.join(runnerTemp, 'output.txt'),
  GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary.md'),
  INPUT_MANIFEST: 'notebook-tiers.yaml',
  'INPUT_WORKING-DIRECTORY': '.'
})
process.chdir(workspace)

const startMs = performance.now()
const cpuStart = process.cpuUsage()
const { run, defaultDeps } = await import('../src/main.js')
const docker = new FakeEngine()
const loadedMs = performance.now()
// The real adapters but the engine: the GitHub client and uploader are made, as in a run.
await run({ ...defaultDeps(), docker })
const endMs = performance.now()
const cpu = process.cpuUsage(cpuStart)

const { firstBuildMs, lastBuildEndMs } = docker.times
if (firstBuildMs === undefined || lastBuildEndMs === undefined || process.exitCode) {
  process.stderr.write('the action did not build (see its log)\n')
  process.exit(1)
}
writeFileSync(
  resultFile,
  JSON.stringify({
    nodeStartMs: startMs,
    loadMs: loadedMs - startMs,
    toFirstBuildMs: firstBuildMs - loadedMs,
    afterBuildMs: endMs - lastBuildEndMs,
    // CPU time of loading and running (the fake engine's share included): less sensitive
    // than wall time to what else the machine is doing.
    cpuMs: (cpu.user + cpu.system) / 1000
  })
)
