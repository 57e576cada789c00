// The Dockerfile corpus (fixtures/dockerfiles/): tricky valid and invalid Dockerfiles, what
// each tests, the target the stage check asks for, and buildx's recorded answer (truth.json).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readStagesLocally, type TargetsAnswer } from '../../src/plan/dockerfile-targets.js'

/** The corpus folder. */
export const CORPUS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'dockerfiles'
)

/** One case of the corpus. */
export interface CorpusEntry {
  name: string
  /** The Dockerfile, absolute. */
  file: string
  /** What it tests. */
  tests: string
  /** The target the stage check asks for: a stage that exists, or one that must not. */
  target: string
}

const index = JSON.parse(readFileSync(path.join(CORPUS, 'index.json'), 'utf8')) as Record<
  string,
  { file: string; tests: string; target: string }
>

/** Every case, in the index's order. */
export const corpus: CorpusEntry[] = Object.entries(index).map(([name, entry]) => ({
  name,
  file: path.join(CORPUS, entry.file),
  tests: entry.tests,
  target: entry.target
}))

const truth = JSON.parse(readFileSync(path.join(CORPUS, 'truth.json'), 'utf8')) as {
  buildx: string
  cases: Record<string, TargetsAnswer>
}

/** The buildx that recorded truth.json. */
export const TRUTH_BUILDX = truth.buildx

/**
 * buildx's recorded answer for a case; an error's "(did you mean …?)" hint, which the local
 * parser does not give, is left out.
 */
export function corpusAnswer(name: string): TargetsAnswer {
  const answer = truth.cases[name]
  if (!answer) throw new Error(`no recorded answer for ${name}`)
  return withoutHint(answer)
}

/** An answer without BuildKit's spelling suggestion. */
export function withoutHint(answer: TargetsAnswer): TargetsAnswer {
  if (!('error' in answer)) return answer
  return { ...answer, error: answer.error.replace(/ \(did you mean \w+\?\)$/, '') }
}

/** The bytes of a case, as UTF-8 text. */
export function corpusText(name: string): string {
  const entry = corpus.find((candidate) => candidate.name === name)
  if (!entry) throw new Error(`no corpus case ${name}`)
  return readFileSync(entry.file, 'utf8')
}

/** The local parser's reading of a Dockerfile, in the form buildx answers. */
export const readLocally = readStagesLocally
