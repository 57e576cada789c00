// End to end: one case of each category of the bad-input corpus through `node dist/index.js`,
// as the runner runs it. Each must end in annotations on the manifest (file, line, column),
// exit code 1, a report saying why nothing was built, and no stack trace anywhere.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { ManifestIssue } from '../../src/utils/errors.js'
import type { Report } from '../../src/report/types.js'
import { corpusRepository, loadCorpus, STACK_LINE } from '../helpers/bad-manifests.js'
import { runAction } from './harness.js'

/** The documented form of an issue (README, "Errors"), written out here rather than imported. */
const formatIssue = (issue: ManifestIssue): string =>
  `${issue.file}:${issue.line}:${issue.column}: ${issue.field ? `${issue.field}: ` : ''}${issue.message}`

/** @actions/core's escaping of an annotation's message and of its properties. */
const escapeData = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (text: string): string =>
  escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

// One case of every category (the last by name), plus the ones a reviewer would try first.
const corpus = loadCorpus()
const chosen = new Set([
  ...new Map(corpus.map((testCase) => [testCase.expected.category, testCase.name])).values(),
  'pip-shell-semicolon',
  'path-dockerfile-etc-passwd',
  'path-dockerfile-symlink-out',
  'yaml-alias-bomb',
  'limits-10000-tiers',
  'encoding-latin1'
])
const cases = corpus.filter((testCase) => chosen.has(testCase.name))

test('every category of the corpus is run end to end, and every case named above exists', () => {
  expect([...chosen].filter((name) => !corpus.some((testCase) => testCase.name === name))).toEqual(
    []
  )
  expect(cases).toHaveLength(chosen.size)
  // The 17 kinds docs/reliability.md counts; a new kind must be added there and here.
  expect([...new Set(cases.map((testCase) => testCase.expected.category))].sort()).toEqual([
    'alias bombs, odd keys and deep nesting',
    'duplicate keys',
    'encoding',
    'image references and build args',
    'invalid version specifiers and apt names',
    'malformed YAML or not a manifest',
    'no tiers or an empty tier',
    'notebook globs outside the repository',
    'package specs with shell syntax, options or URLs',
    'paths escaping the repository',
    'size limits',
    'stage names and targets',
    'tabs',
    'thresholds',
    'unknown keys',
    'version missing or unsupported',
    'wrong types'
  ])
})

describe.each(cases.map((testCase) => [testCase.name, testCase] as const))(
  '%s',
  (_name, testCase) => {
    test('annotations on the manifest, exit code 1, a true report, no stack trace', async () => {
      const { root, repo } = corpusRepository(testCase)
      try {
        const run = await runAction({ workspace: repo, inputs: { manifest: testCase.file } })
        const { issues } = testCase.expected
        expect(run.exitCode).toBe(1)
        const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error'))
        expect(errors).toStrictEqual([
          ...issues.map(
            (issue) =>
              `::error title=${escapeProperty('Invalid tier manifest')},file=${escapeProperty(issue.file)},line=${issue.line},col=${issue.column}::${escapeData(formatIssue(issue))}`
          ),
          `::error::${escapeData(`${testCase.file}: ${issues.length} problem${issues.length === 1 ? '' : 's'} (see the errors above)`)}`
        ])
        // Refused before the engine is asked anything, let alone a build.
        expect(run.stdout).not.toContain('::group::Check Docker engine')
        expect(run.stdout).not.toContain('::group::Build')
        expect(run.stdout).not.toMatch(STACK_LINE)
        expect(run.stderr).not.toMatch(STACK_LINE)
        expect(run.stderr).toBe('')
        const reportFile = run.outputs['report-file'] ?? ''
        expect(existsSync(reportFile)).toBe(true)
        const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report
        expect(report.passed).toBe(false)
        expect(report.error).toBe(issues.map(formatIssue).join('\n'))
        expect(report.manifest).toBe(testCase.file)
        expect(existsSync(path.join(repo, '.nb-image'))).toBe(false)
        rmSync(run.runnerTemp, { recursive: true, force: true })
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    })
  }
)
