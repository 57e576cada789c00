// Dockerfiles as BuildKit reads them, against the real engine: buildx answers every case of
// the corpus (fixtures/dockerfiles) exactly as recorded in truth.json, the local parser
// (the fallback) agrees, asking leaves no image behind; and the action itself builds a
// Dockerfile the old parser refused, and stops on one BuildKit refuses, naming its line.
import { spawnSync } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import path from 'node:path'
import { DockerCli } from '../../src/adapters/docker.js'
import { runCommand } from '../../src/adapters/process.js'
import {
  CORPUS,
  corpus,
  corpusText,
  readLocally,
  TRUTH_BUILDX,
  withoutHint
} from '../helpers/dockerfile-corpus.js'
import { readFileSync } from 'node:fs'
import type { TargetsAnswer } from '../../src/plan/dockerfile-targets.js'
import { docker, prepareWorkspace, removeImages, runAction, uniqueId } from './harness.js'

const image = `nb-image-e2e-${uniqueId()}/dockerfiles`

afterAll(() => removeImages(image))

/** Every image the engine holds that no tag names (`<none>`, `moby-dangling@…`). */
function danglingImages(): Set<string> {
  return new Set(
    docker('image', 'ls', '--all', '--no-trunc', '--filter', 'dangling=true', '--format', '{{.ID}}')
      .split('\n')
      .filter(Boolean)
  )
}

describe('the corpus against buildx on this engine', () => {
  let answers: Map<string, TargetsAnswer>
  let before: Set<string>
  let after: Set<string>
  const recorded = (
    JSON.parse(readFileSync(path.join(CORPUS, 'truth.json'), 'utf8')) as {
      cases: Record<string, TargetsAnswer>
    }
  ).cases

  beforeAll(async () => {
    before = danglingImages()
    const cli = new DockerCli(runCommand)
    const { buildxVersion } = await cli.engineInfo()
    // The corpus folder is every file's context, as a build of the corpus would use.
    answers = await cli.listTargets(
      corpus.map((entry) => ({ dockerfile: entry.file, context: CORPUS })),
      { buildxVersion }
    )
    after = danglingImages()
  })

  test(`buildx answers each case as recorded (${TRUTH_BUILDX})`, () => {
    const live = Object.fromEntries(corpus.map((entry) => [entry.name, answers.get(entry.file)]))
    expect(live).toStrictEqual(recorded)
  })

  test('the local parser agrees with buildx wherever buildx answers', () => {
    const disagree = corpus.flatMap((entry) => {
      const live = answers.get(entry.file)
      if (!live || 'unavailable' in live) return []
      const local = readLocally(corpusText(entry.name))
      const truth = withoutHint(live)
      const same =
        'error' in truth
          ? 'error' in local &&
            local.error === truth.error &&
            (truth.line === undefined || local.line === truth.line)
          : JSON.stringify(local) === JSON.stringify(truth)
      return same
        ? []
        : [`${entry.name}: buildx ${JSON.stringify(truth)}, local ${JSON.stringify(local)}`]
    })
    expect(disagree).toStrictEqual([])
  })

  test('no stage check leaves an image behind', () => {
    expect([...after].filter((id) => !before.has(id))).toStrictEqual([])
  })
})

describe('the action', () => {
  test('builds a target after a heredoc the old parser misread, with BuildKit reading the stages', async () => {
    const workspace = prepareWorkspace('dockerfiles', image)
    const run = await runAction({ workspace, inputs: { tiers: 'tier1' } })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('::group::Check Dockerfiles and targets')
    expect(run.stdout).not.toContain("Stages read with the action's own Dockerfile parser")
    expect(docker('run', '--rm', `${image}:tier1`, 'cat', '/tier1.txt').trim()).toBe('tier1')
  })

  test('a Dockerfile BuildKit refuses stops the run before building, at its line', async () => {
    const workspace = prepareWorkspace('dockerfiles', image)
    copyFileSync(
      path.join(workspace, 'Dockerfile.broken'),
      path.join(workspace, 'Dockerfile.tier2')
    )
    const run = await runAction({ workspace, inputs: {} })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain(
      '::error title=Invalid Dockerfile,file=Dockerfile.tier2,line=3,col=1::Dockerfile.tier2:3:1: BuildKit cannot read this Dockerfile (tiers.tier2.dockerfile in notebook-tiers.yaml): unknown instruction: FOO (did you mean FROM?)'
    )
    expect(run.stdout).not.toContain('::group::Build')
  })

  test('plan mode without an engine reads the Dockerfiles itself, and says so once', async () => {
    const workspace = prepareWorkspace('dockerfiles', image)
    const run = await runAction({
      workspace,
      inputs: { mode: 'plan' },
      env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }
    })
    expect(run.exitCode).toBe(0)
    const notices = run.stdout.split('\n').filter((line) => line.startsWith('::notice'))
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(
      /^::notice::Stages read with the action's own Dockerfile parser, not BuildKit's, for Dockerfile \(no Docker engine answered: .*\); Dockerfile.tier2 \(no Docker engine answered: /
    )
    expect(JSON.parse(run.outputs['matrix'] ?? '{}')).toMatchObject({
      include: [{ tier: 'tier1' }, { tier: 'tier2' }]
    })
  })
})

test('the corpus keeps its bytes (CRLF, BOM, tabs) in git', () => {
  const crlf = corpus.find((entry) => entry.name === 'crlf-line-endings')
  expect(crlf && readFileSync(crlf.file, 'latin1')).toContain('\r\n')
  const git = spawnSync('git', ['check-attr', 'text', '--', crlf?.file ?? ''], { encoding: 'utf8' })
  expect(git.stdout).toContain('text: unset')
})
