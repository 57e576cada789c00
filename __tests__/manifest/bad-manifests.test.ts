// The bad-input corpus, case by case: parseManifest gives exactly the expected issues, and
// runBuild, on a real temporary repository, refuses the same file with the same issues
// before it asks anything of the engine, leaving a true report and the repository untouched.
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { nodeFileSystem } from '../../src/adapters/fs.js'
import { formatIssue, ManifestError } from '../../src/utils/errors.js'
import { parseManifest } from '../../src/manifest/parse.js'
import { runBuild } from '../../src/pipeline/build.js'
import type { Report } from '../../src/report/types.js'
import {
  CORPUS,
  CORPUS_DOCKERFILE,
  corpusRepository,
  loadCorpus,
  STACK_LINE,
  type CorpusCase
} from '../helpers/bad-manifests.js'
import { FakeDocker, RecordingLogger } from '../helpers/fakes.js'

const corpus = loadCorpus()

/** The issues parseManifest throws for the case, or undefined when it accepts the file. */
function parseIssues(testCase: CorpusCase): ManifestError | undefined {
  try {
    parseManifest(testCase.bytes, testCase.file)
  } catch (error) {
    // Anything but a ManifestError escaping is a failure of the test, as it should be.
    if (error instanceof ManifestError) return error
    throw error
  }
  return undefined
}

describe('the corpus itself', () => {
  test('holds at least 40 cases, every one with its expected issues and nothing else', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40)
    const files = readdirSync(CORPUS).sort()
    const expectedFiles = corpus
      .flatMap((testCase) => [testCase.file, `${testCase.name}.expected.json`])
      .sort()
    expect(files).toStrictEqual(expectedFiles)
  })

  test.each(corpus.map((testCase) => [testCase.name, testCase] as const))(
    '%s: every expected issue is located in its own file, at line and column ≥ 1',
    (_name, testCase) => {
      expect(testCase.expected.issues.length).toBeGreaterThan(0)
      for (const issue of testCase.expected.issues) {
        expect(issue.file).toBe(testCase.file)
        expect(issue.line).toBeGreaterThanOrEqual(1)
        expect(issue.column).toBeGreaterThanOrEqual(1)
        expect(issue.message).not.toMatch(STACK_LINE)
        // Every message says what was expected, or what to do instead.
        expect(issue.message).toMatch(
          /expected|give |save |declare |define |write |did you mean|at most|must |cannot |not supported|is empty|installs nothing|each key|indent with/
        )
      }
    }
  )
})

describe.each(corpus.map((testCase) => [testCase.name, testCase] as const))(
  '%s',
  (_name, testCase) => {
    // The 10,000-tier case bounds the time: it must be refused long before this.
    const timeout = 10_000

    test(
      'parseManifest',
      () => {
        const error = parseIssues(testCase)
        if (testCase.expected.stage === 'pipeline') {
          // Well-formed: only the filesystem can tell it is wrong.
          expect(error).toBeUndefined()
          return
        }
        expect(error?.issues).toStrictEqual(testCase.expected.issues)
        expect(error?.message).toBe(testCase.expected.issues.map(formatIssue).join('\n'))
      },
      timeout
    )

    test(
      'runBuild on a real repository: refused before the engine, a true report, nothing written',
      async () => {
        const { root, repo } = corpusRepository(testCase)
        const reportFile = path.join(root, 'report.json')
        const docker = new FakeDocker()
        let thrown: unknown
        try {
          await runBuild(
            {
              manifestPath: path.join(repo, testCase.file),
              workspace: repo,
              cacheFrom: [],
              cacheTo: [],
              noCache: false,
              reportFile,
              tempDir: root,
              source: {}
            },
            { docker, fs: nodeFileSystem, logger: new RecordingLogger() }
          )
        } catch (error) {
          thrown = error
        }
        try {
          expect(thrown).toBeInstanceOf(ManifestError)
          expect((thrown as ManifestError).issues).toStrictEqual(testCase.expected.issues)
          expect(docker.calls).toStrictEqual([])
          const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report
          expect(report.passed).toBe(false)
          expect(report.error).toBe(testCase.expected.issues.map(formatIssue).join('\n'))
          expect(
            report.images.every((image) => image.status === 'failed' && image.sizeBytes === null)
          ).toBe(true)
          // Nothing generated or half-written in the repository.
          expect(readdirSync(repo).sort()).toStrictEqual(
            ['Dockerfile', testCase.file, ...Object.keys(testCase.expected.symlinks ?? {})].sort()
          )
          expect(readFileSync(path.join(repo, 'Dockerfile'), 'utf8')).toBe(CORPUS_DOCKERFILE)
        } finally {
          rmSync(root, { recursive: true, force: true })
        }
      },
      timeout
    )
  }
)
