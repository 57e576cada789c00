#!/usr/bin/env node
// scripts/release.mjs vX.Y.Z [--push] [--remote origin] [--dry-run]
//
// Cuts a release of the action from a clean checkout, so `uses: org/nb-image-action@v1`
// moves only to a commit whose dist/ is a fresh bundle of src/:
//   1. the tree must be clean, and the version must be new and match package.json and
//      CHANGELOG.md (bump and describe it in a reviewed commit first);
//   2. `npm run bundle`, then `npm run check-dist`, and dist/ must not have changed;
//   3. an annotated tag vX.Y.Z on HEAD;
//   4. for a stable version, the major tag vX (annotated) moved to the same commit;
//   5. with --push, both tags pushed (the major one forced, since it moves).
// Commands run as argument arrays, never through a shell.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const USAGE = 'usage: scripts/release.mjs vX.Y.Z [--push] [--remote <name>] [--dry-run]'
// SemVer 2.0.0 (https://semver.org), with the v prefix the action's tags use.
const VERSION =
  /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$/

class ReleaseError extends Error {}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: process.cwd(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options
  })
  if (result.error) throw new ReleaseError(`${command} ${args.join(' ')}: ${result.error.message}`)
  if (result.status !== 0) {
    const detail = `${result.stderr ?? ''}${result.stdout ?? ''}`
      .trim()
      .split('\n')
      .slice(-5)
      .join('\n')
    throw new ReleaseError(
      `${command} ${args.join(' ')} failed (exit ${result.status}):\n${detail}`
    )
  }
  // Only trailing whitespace: `git status --porcelain` lines start with meaningful spaces.
  return result.stdout.trimEnd()
}

const git = (...args) => run('git', args)

function parseArgs(argv) {
  const options = { push: false, remote: 'origin', dryRun: false, version: undefined }
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]
    if (arg === '--push') options.push = true
    else if (arg === '--dry-run') options.dryRun = true
    else if (arg === '--remote') options.remote = argv[++index]
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE)
      process.exit(0)
    } else if (!arg.startsWith('-') && options.version === undefined) options.version = arg
    else throw new ReleaseError(`unexpected argument "${arg}"\n${USAGE}`)
  }
  if (!options.version) throw new ReleaseError(USAGE)
  if (!options.remote) throw new ReleaseError(`--remote needs a name\n${USAGE}`)
  return options
}

function tagExists(tag) {
  return (
    spawnSync('git', ['rev-parse', '-q', '--verify', `refs/tags/${tag}`], { encoding: 'utf8' })
      .status === 0
  )
}

function release(argv) {
  const options = parseArgs(argv)
  const tag = options.version.startsWith('v') ? options.version : `v${options.version}`
  const match = VERSION.exec(tag)
  if (!match)
    throw new ReleaseError(`"${options.version}" is not a semantic version such as v1.2.3`)
  const version = tag.slice(1)
  const major = `v${match[1]}`
  const prerelease = match[4] !== undefined

  const dirty = git('status', '--porcelain', '--untracked-files=normal')
  if (dirty)
    throw new ReleaseError(`the working tree is not clean; commit or stash first:\n${dirty}`)
  if (tagExists(tag))
    throw new ReleaseError(
      `tag ${tag} already exists; releases are immutable, pick the next version`
    )

  const pkg = JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8'))
  if (pkg.version !== version) {
    throw new ReleaseError(
      `package.json says version ${pkg.version}, not ${version}; bump it (and src/version.ts) in a reviewed commit first`
    )
  }
  const changelog = readFileSync(path.join(process.cwd(), 'CHANGELOG.md'), 'utf8')
  if (!new RegExp(`^## \\[${version.replace(/[.+]/g, '\\$&')}\\]`, 'm').test(changelog)) {
    throw new ReleaseError(
      `CHANGELOG.md has no "## [${version}]" section; describe the release first`
    )
  }

  console.log(`Bundling dist/ for ${tag}…`)
  run('npm', ['run', 'bundle'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const changed = git('status', '--porcelain', '--', 'dist')
  if (changed) {
    throw new ReleaseError(
      `dist/ is not a fresh bundle of src/ (npm run bundle changed it); commit the rebuilt dist/ first:\n${changed}`
    )
  }
  run('npm', ['run', 'check-dist'])

  const commit = git('rev-parse', 'HEAD')
  if (options.dryRun) {
    console.log(`Dry run: would tag ${commit} as ${tag}${prerelease ? '' : ` and move ${major}`}`)
    return
  }
  git('tag', '--annotate', tag, '--message', `${pkg.name ?? 'release'} ${tag}`, commit)
  console.log(`Tagged ${commit} as ${tag}`)
  if (!prerelease) {
    git(
      'tag',
      '--force',
      '--annotate',
      major,
      '--message',
      `${pkg.name ?? 'release'} ${major} → ${tag}`,
      commit
    )
    console.log(`Moved ${major} to ${tag}`)
  } else {
    console.log(`${tag} is a pre-release: ${major} stays where it is`)
  }
  if (options.push) {
    git('push', options.remote, `refs/tags/${tag}`)
    if (!prerelease) git('push', '--force', options.remote, `refs/tags/${major}`)
    console.log(`Pushed ${prerelease ? tag : `${tag} and ${major}`} to ${options.remote}`)
  }
}

try {
  release(process.argv.slice(2))
} catch (error) {
  if (error instanceof ReleaseError) {
    console.error(`release: ${error.message}`)
    process.exit(1)
  }
  throw error
}
