import * as core from '@actions/core'
import {
  parseLines,
  parseList,
  parseStrategy,
  parseThresholdInput,
  type Inputs
} from './options.js'

/** Reads the action's inputs (as declared in action.yml) into one typed object. */
export function getInputs(): Inputs {
  const inputs: Inputs = {
    manifest: core.getInput('manifest'),
    tiers: parseList(core.getInput('tiers')),
    cacheFrom: parseLines(core.getInput('cache-from')),
    cacheTo: parseLines(core.getInput('cache-to')),
    noCache: booleanInput('no-cache'),
    workingDirectory: core.getInput('working-directory')
  }
  const strategy = parseStrategy(core.getInput('strategy'))
  if (strategy) inputs.strategy = strategy
  const threshold = parseThresholdInput(core.getInput('threshold'))
  if (threshold !== undefined) inputs.thresholdBytes = threshold
  const builder = core.getInput('builder')
  if (builder) inputs.builder = builder
  const reportFile = core.getInput('report-file')
  if (reportFile) inputs.reportFile = reportFile
  return inputs
}

// core.getBooleanInput throws on an empty value; an unset optional input means false.
function booleanInput(name: string): boolean {
  return core.getInput(name) === '' ? false : core.getBooleanInput(name)
}
