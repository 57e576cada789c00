import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// scripts/release.mjs against a throwaway repository (and a bare "origin"), whose own
// `bundle` and `check-dist` scripts copy src/ to dist/, so the release logic runs for real
// without the action's toolchain.

const SCRIPT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'scripts',
  'release.mjs'
)

function sh(cwd: string, command: string, ...args: string[]): { status: number; out: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' })
  return { status: result.status ?? 1, out: `${result.stdout}${result.stderr}` }
}

function git(cwd: string, ...args: string[]): string {
  const result = sh(cwd, 'git', ...args)
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.out}`)
  return result.out.trim()
}

const BUILD = `import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
const bundle = '// bundled\\n' + readFileSync('src/main.js', 'utf8')
if (process.argv[2] === '--check') {
  let current = ''
  try { current = readFileSync('dist/index.js', 'utf8') } catch {}
  if (current !== bundle) { console.error('dist/index.js differs from a fresh bundle'); process.exit(1) }
} else {
  mkdirSync('dist', { recursive: true })
  writeFileSync('dist/index.js', bundle)
}
`

/** A repository at version `version`, released to nothing yet, with a bare origin. */
function repository(version = '1.2.3'): { dir: string; origin: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nb-image-release-'))
  const dir = path.join(root, 'work')
  const origin = path.join(root, 'origin.git')
  mkdirSync(path.join(dir, 'src'), { recursive: true })
  git(root, 'init', '--quiet', '--bare', origin)
  git(root, 'init', '--quiet', '-b', 'main', dir)
  git(dir, 'config', 'user.name', 'Release Test')
  git(dir, 'config', 'user.email', 'release-test@example.com')
  git(dir, 'config', 'commit.gpgsign', 'false')
  git(dir, 'config', 'tag.gpgsign', 'false')
  git(dir, 'remote', 'add', 'origin', origin)
  writeFileSync(path.join(dir, 'build.mjs'), BUILD)
  writeFileSync(path.join(dir, 'src', 'main.js'), 'console.log("v1")\n')
  setVersion(dir, version)
  sh(dir, 'node', 'build.mjs')
  git(dir, 'add', '-A')
  git(dir, 'commit', '--quiet', '-m', 'initial')
  git(dir, 'push', '--quiet', 'origin', 'main')
  return { dir, origin }
}

function setVersion(dir: string, version: string): void {
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'nb-image-action', version, private: true, scripts: { bundle: 'node build.mjs', 'check-dist': 'node build.mjs --check' } }, null, 2)}\n`
  )
  writeFileSync(
    path.join(dir, 'CHANGELOG.md'),
    `# Changelog\n\n## [Unreleased]\n\n## [${version}] - 2026-11-24\n\n### Added\n\n- Something.\n`
  )
}

const release = (dir: string, ...args: string[]) => sh(dir, process.execPath, SCRIPT, ...args)

/** What a tag is (`tag` for annotated) and the commit it leads to. */
function describeTag(dir: string, tag: string): [string, string] {
  return [git(dir, 'cat-file', '-t', tag), git(dir, 'rev-parse', `${tag}^{commit}`)]
}

describe('scripts/release.mjs', () => {
  test('tags vX.Y.Z (annotated), moves vX, and pushes both', () => {
    const { dir, origin } = repository('1.2.3')
    const head = git(dir, 'rev-parse', 'HEAD')
    const result = release(dir, 'v1.2.3', '--push')
    expect(result.out).toContain('Tagged')
    expect(result.status).toBe(0)
    expect(describeTag(dir, 'v1.2.3')).toEqual(['tag', head])
    expect(describeTag(dir, 'v1')).toEqual(['tag', head])
    expect(git(dir, 'tag', '-l', '--format=%(contents:subject)', 'v1.2.3')).toBe(
      'nb-image-action v1.2.3'
    )
    expect(describeTag(origin, 'v1.2.3')).toEqual(['tag', head])
    expect(describeTag(origin, 'v1')).toEqual(['tag', head])

    // The next release moves v1, here and on the remote; v1.2.3 stays.
    setVersion(dir, '1.3.0')
    writeFileSync(path.join(dir, 'src', 'main.js'), 'console.log("v1.3")\n')
    sh(dir, 'node', 'build.mjs')
    git(dir, 'commit', '--quiet', '-am', 'Release 1.3.0')
    const next = git(dir, 'rev-parse', 'HEAD')
    expect(release(dir, '1.3.0', '--push').status).toBe(0)
    expect(describeTag(origin, 'v1')).toEqual(['tag', next])
    expect(describeTag(origin, 'v1.2.3')).toEqual(['tag', head])
    expect(describeTag(origin, 'v1.3.0')).toEqual(['tag', next])
  })

  test('a pre-release is tagged, and the major tag stays', () => {
    const { dir } = repository('2.0.0-rc.1')
    const result = release(dir, 'v2.0.0-rc.1')
    expect(result.status).toBe(0)
    expect(result.out).toContain('v2.0.0-rc.1 is a pre-release: v2 stays where it is')
    expect(git(dir, 'tag', '-l')).toBe('v2.0.0-rc.1')
  })

  test('--dry-run checks everything and tags nothing', () => {
    const { dir } = repository('1.2.3')
    const result = release(dir, 'v1.2.3', '--dry-run')
    expect(result.status).toBe(0)
    expect(result.out).toMatch(/Dry run: would tag [0-9a-f]{40} as v1\.2\.3 and move v1/)
    expect(git(dir, 'tag', '-l')).toBe('')
  })

  test.each<[string, (dir: string) => void, string[], string]>([
    [
      'a dirty tree',
      (dir) => writeFileSync(path.join(dir, 'notes.txt'), 'wip'),
      ['v1.2.3'],
      'release: the working tree is not clean; commit or stash first:\n?? notes.txt'
    ],
    [
      'a dist/ that is not a fresh bundle',
      (dir) => {
        writeFileSync(path.join(dir, 'src', 'main.js'), 'console.log("changed")\n')
        git(dir, 'commit', '--quiet', '-am', 'change src without rebuilding dist')
      },
      ['v1.2.3'],
      'Bundling dist/ for v1.2.3…\nrelease: dist/ is not a fresh bundle of src/ (npm run bundle changed it); commit the rebuilt dist/ first:\n M dist/index.js'
    ],
    [
      'a version package.json does not have',
      () => undefined,
      ['v1.2.4'],
      'release: package.json says version 1.2.3, not 1.2.4; bump it (and src/version.ts) in a reviewed commit first'
    ],
    [
      'a tag that already exists',
      (dir) => git(dir, 'tag', 'v1.2.3'),
      ['v1.2.3'],
      'release: tag v1.2.3 already exists; releases are immutable, pick the next version'
    ],
    [
      'not a semantic version',
      () => undefined,
      ['v1.2'],
      'release: "v1.2" is not a semantic version such as v1.2.3'
    ],
    [
      'no CHANGELOG section',
      (dir) => {
        writeFileSync(path.join(dir, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n')
        git(dir, 'commit', '--quiet', '-am', 'drop the section')
      },
      ['v1.2.3'],
      'release: CHANGELOG.md has no "## [1.2.3]" section; describe the release first'
    ],
    [
      'no version at all',
      () => undefined,
      [],
      'release: usage: scripts/release.mjs vX.Y.Z [--push] [--remote <name>] [--dry-run]'
    ]
  ])('refuses %s, and tags nothing', (_, prepare, args, message) => {
    const { dir } = repository('1.2.3')
    prepare(dir)
    const before = git(dir, 'tag', '-l')
    const result = release(dir, ...args)
    expect(result.status).toBe(1)
    expect(result.out.trim()).toBe(message)
    expect(git(dir, 'tag', '-l')).toBe(before)
  })

  test('the repository itself is ready to release the version in package.json', () => {
    // package.json, src/version.ts and CHANGELOG.md agree, as the script requires.
    const root = path.dirname(path.dirname(SCRIPT))
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')).toContain(`## [${version}]`)
  })
})
