// No command the action runs goes through a shell: only src/adapters/process.ts touches
// child_process, it spawns with an argument array and `shell: false`, and the bundles the
// runner executes call nothing of child_process but spawn. ESLint enforces the same rule
// on every change; this test also proves the rule fires.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort()
}

const SOURCES = [...filesUnder('src', /\.ts$/), ...filesUnder('scripts', /\.(mjs|js|ts)$/)]
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8')
/** The one line of the probe's Python bootstrap that runs the probe (see below). */
const PROBE_EXEC = `  "    exec(compile(p, 'probe.py', 'exec'), g)",`

/** Line numbers (1-based) where `pattern` matches in `text`. */
function linesMatching(text: string, pattern: RegExp): number[] {
  return text
    .split('\n')
    .flatMap((line, index) =>
      pattern.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [index + 1] : []
    )
}

describe('sources: no shell anywhere', () => {
  test('there is something to scan', () => {
    expect(SOURCES).toContain('src/adapters/process.ts')
    expect(SOURCES.length).toBeGreaterThan(20)
  })

  test('only src/adapters/process.ts imports child_process, and only spawn', () => {
    const importers = SOURCES.filter((file) => /['"](node:)?child_process['"]/.test(read(file)))
    // scripts/check-dist.mjs runs in CI (not in the action) and is scanned below all the same.
    expect(importers.filter((file) => file.startsWith('src/'))).toStrictEqual([
      'src/adapters/process.ts'
    ])
    expect(read('src/adapters/process.ts')).toMatch(
      /^import \{ spawn \} from 'node:child_process'$/m
    )
  })

  test('the process adapter spawns an argument array with shell: false', () => {
    const adapter = read('src/adapters/process.ts')
    const calls = [...adapter.matchAll(/spawn\(([^)]*?),\s*\{([^}]*)\}/gs)]
    expect(calls).toHaveLength(1)
    expect(calls[0]?.[1]?.replace(/\s+/g, ' ').trim()).toBe('command, args')
    expect(calls[0]?.[2]).toMatch(/\bshell: false\b/)
    // The runner's type admits only a program and an array of arguments.
    expect(adapter).toMatch(/command: string,\s*args: string\[\],/)
  })

  test.each(SOURCES)('%s: no exec, execSync, shell: true, shell -c or template command', (file) => {
    const text = read(file)
    expect({
      // A bare exec()/execSync() (RegExp's .exec is a method call, and fine).
      exec: linesMatching(text, /(?<![.\w])exec(Sync)?\s*\(/).filter(
        // The probe's bootstrap is Python that exec()s the probe inside the image's isolated
        // container (src/contents/probe-io.ts), not a command on the runner.
        (line) =>
          !(file === 'src/contents/probe-io.ts' && text.split('\n')[line - 1] === PROBE_EXEC)
      ),
      childProcessExec: linesMatching(text, /child_process['"]?\)?\.exec/),
      shellTrue: linesMatching(text, /\bshell\s*:(?!\s*false\b)/),
      templateCommand: linesMatching(text, /\b(spawn|spawnSync|execFile|execFileSync)\(\s*`/),
      shellDashC: linesMatching(text, /['"](\/bin\/)?(ba|da|z)?sh['"]\s*,\s*['"]-c['"]/)
    }).toStrictEqual({
      exec: [],
      childProcessExec: [],
      shellTrue: [],
      templateCommand: [],
      shellDashC: []
    })
  })

  test("the generated Dockerfile's scripts are constants: the package names follow as arguments", () => {
    // apt's steps run files of a scratch stage written by quoted heredocs (not expanded),
    // as `/bin/sh /nb/bin/<script> <word>…`; no RUN of it has a shell string.
    const text = read('src/plan/apt-steps.ts')
    expect(text).not.toMatch(/'-c'/)
    const calls = [...text.matchAll(/\['\/bin\/sh', '([^']+)'(, [^\]]+)?\]/g)].map((match) => [
      match[1],
      match[2]
    ])
    expect(calls).toStrictEqual([
      ['/nb/bin/apt_resolve', ', ...image.packages.apt'],
      ['/nb/bin/apt_fetch', undefined],
      ['/nb/bin/apt_install', ', ...targets']
    ])
  })
})

/** The bundle cut into its modules, keyed by the path ncc prints for each. */
function bundleModules(bundle: string): Map<string, string> {
  const modules = new Map<string, string>()
  const parts = bundle.split(/^;\/\/ CONCATENATED MODULE: /m)
  for (const part of parts.slice(1)) {
    const newline = part.indexOf('\n')
    modules.set(part.slice(0, newline).trim(), part.slice(newline + 1))
  }
  return modules
}

describe.each(['dist/index.js', 'dist/cli/index.js'])('%s', (file) => {
  const bundle = read(file)
  // ncc binds each Node builtin once: `const x = __WEBPACK_EXTERNAL_createRequire(…)("child_process")`.
  const bindings = [
    ...bundle.matchAll(/const (\w+) = \w+\(import\.meta\.url\)\("(?:node:)?child_process"\)/g)
  ].map((match) => match[1] ?? '')

  test('uses nothing of child_process but spawn, anywhere in the bundle', () => {
    expect(bindings.length).toBeGreaterThan(0)
    const members = new Set(
      bindings.flatMap((name) =>
        [...bundle.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, 'g'))].map((match) => match[1])
      )
    )
    expect([...members]).toStrictEqual(['spawn'])
    expect(bundle).not.toMatch(/\bshell\s*:\s*true\b/)
  })

  test('our code: only the process adapter spawns, with shell: false, and nothing runs @actions/exec', () => {
    const ours = [...bundleModules(bundle)].filter(([name]) => name.startsWith('./src/'))
    expect(ours.length).toBeGreaterThan(10)
    const spawning = ours
      .filter(([, text]) => bindings.some((name) => text.includes(`${name}.`)))
      .map(([name]) => name)
    expect(spawning).toStrictEqual(['./src/adapters/process.ts'])
    const adapter = ours.find(([name]) => name === './src/adapters/process.ts')?.[1] ?? ''
    expect(adapter).toMatch(/shell: false/)
    for (const [, text] of ours) {
      expect(text).not.toMatch(
        /getExecOutput|\bexec_namespaceObject|toolrunner|platform\.getDetails/
      )
    }
  })
})

test('chunks loaded on demand (the artifact client) touch no child_process and no shell', () => {
  const chunks = readdirSync(path.join(ROOT, 'dist')).filter(
    (name) => name.endsWith('.js') && name !== 'index.js'
  )
  expect(chunks.length).toBeGreaterThan(0)
  for (const chunk of chunks) {
    const text = read(`dist/${chunk}`)
    expect({ chunk, childProcess: /child_process/.test(text) }).toEqual({
      chunk,
      childProcess: false
    })
    expect(text).not.toMatch(/\bshell\s*:\s*true\b/)
  }
})

describe('the ESLint rules that keep it so', () => {
  const eslint = new ESLint({ cwd: ROOT })
  const lint = async (code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'src', 'probe.ts') })
    return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`)
  }

  test.each<[string, string, string]>([
    [
      'importing exec',
      "import { exec } from 'node:child_process'\nexec('ls')\n",
      'no-restricted-imports'
    ],
    [
      'importing execSync without the node: prefix',
      "import { execSync } from 'child_process'\nexecSync('ls')\n",
      'no-restricted-imports'
    ],
    [
      'spawning with shell: true',
      "import { spawn } from 'node:child_process'\nspawn('ls', [], { shell: true })\n",
      'no-restricted-syntax'
    ],
    [
      'spawning with a shell chosen at run time',
      "import { spawn } from 'node:child_process'\nconst s = process.env['X'] === '1'\nspawn('ls', [], { shell: s })\n",
      'no-restricted-syntax'
    ]
  ])('%s is an error', async (_name, code, rule) => {
    const messages = await lint(code)
    expect(messages.some((message) => message.startsWith(`${rule}:`))).toBe(true)
  })

  test('spawn with an argument array and shell: false passes', async () => {
    expect(
      await lint(
        "import { spawn } from 'node:child_process'\nspawn('docker', ['version'], { shell: false })\n"
      )
    ).toStrictEqual([])
  })
})
