// Runners without the optional runner files (act, Gitea and Forgejo Actions, older GitHub
// Enterprise Server): no GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_STATE. The action skips
// the summary with one notice, keeps its outputs (as `::set-output` commands) and gives the
// same verdict as on a runner that has them.
import { copyFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/types.js'
import { prepareWorkspace, removeImages, runAction, uniqueId, type ActionRun } from './harness.js'

const image = `nb-image-e2e-${uniqueId()}/runner`
afterAll(() => removeImages(image))

const lines = (run: ActionRun, prefix: string): string[] =>
  run.stdout.split('\n').filter((line) => line.startsWith(prefix))

test('no job summary, no output file: the same verdict, outputs and report, one notice', async () => {
  const workspace = prepareWorkspace('sized', image)
  // A baseline, so that the comparison (the comment's markdown) goes to the summary too.
  const first = await runAction({ workspace, inputs: {} })
  expect(first.exitCode).toBe(0)
  copyFileSync(first.outputs['report-file'] ?? '', path.join(workspace, 'base.json'))
  // tier2 (10.4 MB with its base) over a 9 MB budget: a failing verdict to compare.
  const inputs = { threshold: '9MB', 'baseline-report': 'base.json', comment: 'never' }
  const withFiles = await runAction({ workspace, inputs })
  const without = await runAction({ workspace, inputs, runnerFiles: false })

  expect(without.exitCode).toBe(withFiles.exitCode)
  expect(without.exitCode).toBe(1)
  expect(Object.keys(without.outputs).sort()).toStrictEqual(Object.keys(withFiles.outputs).sort())
  expect(without.outputs['passed']).toBe('false')
  const verdict = (run: ActionRun) =>
    (JSON.parse(run.outputs['report'] ?? '{}') as Report).images.map((i) => [i.name, i.status])
  expect(verdict(without)).toStrictEqual(verdict(withFiles))
  expect(without.outputs['comment-body']).toContain('## Notebook images: ❌ 1 over budget')
  // The failure is the build's, and the only errors are the verdict's.
  expect(lines(without, '::error')).toStrictEqual(lines(withFiles, '::error'))
  expect(lines(without, '::notice')).toStrictEqual([
    "::notice::This runner provides no job summary (GITHUB_STEP_SUMMARY is not set): the report is in the log, the step's outputs and the report file."
  ])
  expect(lines(withFiles, '::notice')).toStrictEqual([])
  expect(without.summary).toBe('')
  expect(withFiles.summary).toContain('| Tier | Image | Size |')
  // The report is still in the log.
  expect(without.stdout).toContain('| Tier | Image | Size |')
})
