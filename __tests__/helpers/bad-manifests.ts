// The bad-input corpus: one manifest per case in __tests__/fixtures/bad-manifests/, each
// beside `<case>.expected.json` holding the exact issues the action must report for it.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ManifestIssue } from '../../src/utils/errors.js'

/** Folder of the corpus. */
export const CORPUS = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'bad-manifests'
)

/** What `<case>.expected.json` says. */
export interface Expected {
  /** Which kind of bad input, for docs/reliability.md. */
  category: string
  /**
   * `parse`: parseManifest itself rejects the file. `pipeline`: the file is well-formed, and
   * only the pipeline, which looks at the filesystem, can refuse it.
   */
  stage: 'parse' | 'pipeline'
  /** Links to create in the repository before the run (link → target); git cannot hold them safely. */
  symlinks?: Record<string, string>
  issues: ManifestIssue[]
}

/** One case of the corpus. */
export interface CorpusCase {
  name: string
  /** File name, which is also the `file` of every issue. */
  file: string
  bytes: Uint8Array
  expected: Expected
}

/** Every case, sorted by name. */
export function loadCorpus(): CorpusCase[] {
  return readdirSync(CORPUS)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.yaml$/, '')
      return {
        name,
        file,
        bytes: new Uint8Array(readFileSync(path.join(CORPUS, file))),
        expected: JSON.parse(
          readFileSync(path.join(CORPUS, `${name}.expected.json`), 'utf8')
        ) as Expected
      }
    })
}

/** The Dockerfile every corpus repository holds, so paths that stay inside would be fine. */
export const CORPUS_DOCKERFILE = 'FROM nb-image-fixture/busybox:1 AS tier1\n'

/**
 * A fresh repository holding the case's manifest, a Dockerfile and the case's symlinks.
 * It sits three folders below the temporary root, so `../../x` stays below `/` and every
 * message about a path climbing out reads the same on any machine.
 */
export function corpusRepository(testCase: CorpusCase): { root: string; repo: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nb-image-corpus-'))
  const repo = path.join(root, 'work', 'repo')
  mkdirSync(repo, { recursive: true })
  writeFileSync(path.join(repo, testCase.file), testCase.bytes)
  writeFileSync(path.join(repo, 'Dockerfile'), CORPUS_DOCKERFILE)
  for (const [link, target] of Object.entries(testCase.expected.symlinks ?? {}))
    symlinkSync(target, path.join(repo, link))
  return { root, repo }
}

/** A stack trace line, as Node prints them. */
export const STACK_LINE = /^\s+at .+(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m
