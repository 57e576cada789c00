// Property tests: whatever a pull request puts in front of them, the parsers throw only the
// action's own typed errors, sizes read back what was written, escaped text never opens a
// tag or a mention, and package specs reach the Dockerfile only as separate JSON words.
// Run counts are fixed here and quoted in docs/reliability.md.
import fc from 'fast-check'
import { stringify } from 'yaml'
import { APT_SCRIPTS } from '../src/plan/apt-steps.js'
import { generateDockerfile } from '../src/plan/dockerfile.js'
import { resolverInputs } from '../src/resolve/inputs.js'
import { ManifestError, type ManifestIssue } from '../src/utils/errors.js'
import { parseManifest } from '../src/manifest/parse.js'
import { MANIFEST_LIMITS } from '../src/manifest/limits.js'
import { code, escapeMarkdown, escapePreLine } from '../src/render/markdown.js'
import { checkAptPackage, checkPipRequirement } from '../src/manifest/packages.js'
import { formatBytes, formatSize } from '../src/render/format.js'
import { parseSize, SizeError } from '../src/utils/size.js'
import type { Manifest } from '../src/manifest/types.js'
import { STACK_LINE } from './helpers/bad-manifests.js'
import { manifest as validManifest, tier } from './helpers/manifests.js'

/** Runs per property; docs/reliability.md quotes these. */
export const RUNS = {
  manifestStrings: 1000,
  manifestBytes: 1000,
  manifestTokens: 1000,
  manifestValues: 500,
  sizeAnything: 2000,
  sizeIntegers: 2000,
  sizeUnits: 2000,
  sizeFormatted: 2000,
  markdown: 2000,
  specsAccepted: 1000,
  specsArbitrary: 2000,
  dockerfile: 300
} as const

const FILE = 'notebook-tiers.yaml'

// --- the manifest parser ---------------------------------------------------------------

/**
 * Parses, and checks that what comes out is either a manifest or a ManifestError whose
 * issues are each located inside the document. Anything else thrown fails the property.
 */
function parsesOrReportsWell(source: string | Uint8Array): void {
  let manifest: Manifest
  try {
    manifest = parseManifest(source, FILE)
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error
    expect(error.issues.length).toBeGreaterThan(0)
    const text = typeof source === 'string' ? source : new TextDecoder().decode(source)
    const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
    for (const issue of error.issues) expectLocated(issue, lines)
    return
  }
  // Accepted: then it really is a manifest.
  expect(manifest.version).toBe(1)
  expect(manifest.tiers.length).toBeGreaterThan(0)
  for (const { name } of manifest.tiers) expect(name).toMatch(/^[a-z][a-z0-9._-]{0,62}$/)
}

function expectLocated(issue: ManifestIssue, lines: string[]): void {
  expect(issue.file).toBe(FILE)
  expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true)
  expect(Number.isInteger(issue.column) && issue.column >= 1).toBe(true)
  // On a line of the document (or just past its end, where YAML reports an unclosed thing).
  expect(issue.line).toBeLessThanOrEqual(lines.length + 1)
  expect(issue.message.length).toBeGreaterThan(0)
  expect(issue.message).not.toMatch(STACK_LINE)
}

// Pieces of YAML that matter to the parser, so random documents reach deep into it.
const YAML_TOKENS = [
  'version: 1\n',
  'version: 2\n',
  'image: acme/nb\n',
  'baseImage: python:3.12-slim\n',
  'dockerfile: Dockerfile\n',
  'threshold: ',
  'tiers:\n',
  '  tier1:\n',
  '  tier2: ',
  '    pip: ',
  '    apt: ',
  '    notebooks: ',
  '    target: ',
  'numpy',
  '"$(id)"',
  '../../etc/passwd',
  '5 XB',
  '1e30',
  '-1',
  '0x10',
  '.inf',
  '~',
  'null',
  'true',
  '[',
  ']',
  '{',
  '}',
  ', ',
  ': ',
  '- ',
  '? ',
  '&a ',
  '*a',
  '&b ',
  '*b',
  '<<: ',
  '!!binary ',
  '!!str ',
  '!custom ',
  '"',
  "'",
  '\\',
  '#',
  '|\n',
  '>-\n',
  '\t',
  '  ',
  '\n',
  '\r\n',
  '---\n',
  '...\n',
  '%YAML 1.1\n',
  '\uFEFF',
  '\u0000',
  '__proto__',
  'constructor'
]

describe('parseManifest: only ManifestError escapes, and every issue is located', () => {
  test('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parsesOrReportsWell(text)
      }),
      { numRuns: RUNS.manifestStrings }
    )
  })

  test('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        parsesOrReportsWell(bytes)
      }),
      { numRuns: RUNS.manifestBytes }
    )
  })

  test('documents assembled from YAML tokens', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 60 }), (tokens) => {
        parsesOrReportsWell(tokens.join(''))
        parsesOrReportsWell(new TextEncoder().encode(tokens.join('')))
      }),
      { numRuns: RUNS.manifestTokens }
    )
  })

  test('well-formed YAML with wrong values in every field', () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom('numpy; curl x | sh', '$(id)', '`id`', '../../etc/passwd', '/etc', '5 XB'),
      fc.constantFrom(-1, 0, 1e30, 1.5, Number.MAX_SAFE_INTEGER + 2)
    )
    const tierValue = fc.oneof(
      value,
      fc.record(
        {
          description: value,
          target: value,
          pip: fc.oneof(value, fc.array(value, { maxLength: 3 })),
          apt: fc.oneof(value, fc.array(value, { maxLength: 3 })),
          notebooks: fc.oneof(value, fc.array(value, { maxLength: 3 })),
          dockerfile: value,
          threshold: value,
          buildArgs: fc.oneof(value, fc.dictionary(fc.string({ maxLength: 8 }), value)),
          extra: value
        },
        { requiredKeys: [] }
      )
    )
    const document = fc.record(
      {
        version: fc.oneof(fc.constant(1), value),
        image: fc.oneof(fc.constant('acme/nb'), value),
        strategy: value,
        context: value,
        dockerfile: value,
        target: value,
        baseImage: fc.oneof(fc.constant('python:3.12-slim'), value),
        threshold: value,
        buildArgs: value,
        base: fc.oneof(value, fc.record({ pip: value, apt: value }, { requiredKeys: [] })),
        tiers: fc.oneof(value, fc.dictionary(fc.string({ maxLength: 12 }), tierValue)),
        other: value
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(document, (data) => {
        parsesOrReportsWell(stringify(data))
      }),
      { numRuns: RUNS.manifestValues }
    )
  })

  test('the limits the properties lean on are the documented ones', () => {
    expect(MANIFEST_LIMITS).toStrictEqual({
      maxBytes: 1_048_576,
      maxAliasCount: 100,
      maxTiers: 500,
      maxPackages: 1000,
      maxDepth: 32
    })
  })
})

// --- the size parser -------------------------------------------------------------------

const positiveSafe = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })

describe('parseSize', () => {
  test('anything in: a safe positive integer out, or a SizeError', () => {
    const input = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.stringMatching(/^[ \t]*-?\d{0,20}(\.\d{0,5})?[ \t]*[kKmMgGtTiIbByYeEsS]{0,5}[ \t]*$/),
      fc.double(),
      fc.integer()
    )
    fc.assert(
      fc.property(input, (value) => {
        try {
          const bytes = parseSize(value)
          expect(Number.isSafeInteger(bytes) && bytes > 0).toBe(true)
        } catch (error) {
          if (!(error instanceof SizeError)) throw error
          expect(error.message).toMatch(/^invalid size ".*": /s)
        }
      }),
      { numRuns: RUNS.sizeAnything }
    )
  })

  test('every safe positive integer reads back from its digits, as a number, and in bytes', () => {
    fc.assert(
      fc.property(positiveSafe, (n) => {
        expect(parseSize(String(n))).toBe(n)
        expect(parseSize(n)).toBe(n)
        expect(parseSize(`${n}B`)).toBe(n)
        expect(parseSize(` ${n} b `)).toBe(n)
        // formatBytes' figure, without its thousands separators.
        expect(parseSize(formatBytes(n).replace(/,/g, ''))).toBe(n)
      }),
      { numRuns: RUNS.sizeIntegers }
    )
  })

  const UNITS: [string, number][] = [
    ['KB', 1e3],
    ['MB', 1e6],
    ['GB', 1e9],
    ['TB', 1e12],
    ['KiB', 2 ** 10],
    ['MiB', 2 ** 20],
    ['GiB', 2 ** 30],
    ['TiB', 2 ** 40]
  ]

  test('a size written in a unit reads back within the rounding of that unit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNITS),
        fc.integer({ min: 0, max: 6 }),
        positiveSafe,
        ([unit, factor], decimals, n) => {
          fc.pre(n >= factor && n <= Number.MAX_SAFE_INTEGER - factor)
          const written = `${(n / factor).toFixed(decimals)} ${unit}`
          // toFixed rounds to half a unit of its last decimal; parseSize to a whole byte.
          const tolerance = (factor * 10 ** -decimals) / 2 + 1
          expect(Math.abs(parseSize(written) - n)).toBeLessThanOrEqual(tolerance)
        }
      ),
      { numRuns: RUNS.sizeUnits }
    )
  })

  test('formatSize output reads back within its rounding (three significant digits)', () => {
    fc.assert(
      fc.property(positiveSafe, (n) => {
        const shown = formatSize(n)
        const [amount = '', unit = ''] = shown.split(' ')
        const factor = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 }[unit] ?? NaN
        // formatSize keeps 2, 1 or 0 decimals below 10, 100 and 1000 of the unit.
        const value = Number(amount)
        const decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2
        const tolerance = (factor * 10 ** -decimals) / 2 + 1
        if (Number(amount) * factor > Number.MAX_SAFE_INTEGER) {
          expect(() => parseSize(shown)).toThrow(SizeError)
          return
        }
        expect(Math.abs(parseSize(shown) - n)).toBeLessThanOrEqual(unit === 'B' ? 0 : tolerance)
      }),
      { numRuns: RUNS.sizeFormatted }
    )
  })
})

// --- the markdown escaper --------------------------------------------------------------

const COMMENT = '<!-- -->'

/** What GitHub shows for escaped text: comments dropped, entities decoded, in one pass. */
function rendered(html: string): string {
  return html
    .split(COMMENT)
    .join('')
    .replace(/&(amp|lt|gt|#\d+);/g, (_entity, name: string) => {
      if (name === 'amp') return '&'
      if (name === 'lt') return '<'
      if (name === 'gt') return '>'
      return String.fromCharCode(Number(name.slice(1)))
    })
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g

/** Text likely to break markdown: its special characters, mentions, entities and line breaks. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(
      fc.constantFrom(
        '@',
        'octocat',
        '#',
        '12',
        '<',
        '>',
        '<script>',
        '</code>',
        '<!--',
        '-->',
        '&',
        '&#64;',
        '&lt;',
        '|',
        '`',
        '*',
        '_',
        '[',
        ']',
        '(',
        ')',
        '\\',
        '~',
        '!',
        ' ',
        '\n',
        '\r\n',
        '\r',
        '\t',
        '\u0000',
        '\u001b[31m',
        'é',
        '\uD83D\uDE00'
      ),
      { maxLength: 30 }
    )
    .map((parts) => parts.join(''))
)

describe('escapeMarkdown', () => {
  test('opens no tag, mentions no one, breaks no table, and shows the text as written', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        for (const escaped of [escapeMarkdown(text), code(text).slice(6, -7)]) {
          const bare = escaped.split(COMMENT).join('')
          // No tag and no comment but ours: every < and > is an entity.
          expect(bare).not.toMatch(/[<>]/)
          // No raw @ at all, and every escaped @ or # is followed by the comment that
          // stops GitHub from linking it after it decodes the entity.
          expect(escaped).not.toContain('@')
          expect(
            escaped
              .split('&#64;')
              .slice(1)
              .every((rest) => rest.startsWith(COMMENT))
          ).toBe(true)
          expect(
            escaped
              .split('&#35;')
              .slice(1)
              .every((rest) => rest.startsWith(COMMENT))
          ).toBe(true)
          // No table break, line break, emphasis, code, link or escape character.
          expect(bare.replace(/&(?:amp|lt|gt|#\d+);/g, '')).not.toMatch(/[|\n\r`*_[\]\\~#&]/)
          // Decoded, it is the text with line breaks as spaces and control characters gone.
          expect(rendered(escaped)).toBe(text.replace(/\r\n?|\n/g, ' ').replace(CONTROL, ''))
        }
        expect(code(text)).toBe(`<code>${escapeMarkdown(text)}</code>`)
      }),
      { numRuns: RUNS.markdown }
    )
  })

  test('escapePreLine: no tag, no raw @, and the line as written inside <pre>', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const escaped = escapePreLine(text)
        expect(escaped).not.toMatch(/[<>@]/)
        expect(rendered(escaped)).toBe(text.replace(CONTROL, ''))
      }),
      { numRuns: RUNS.markdown }
    )
  })
})

// --- package specs and the generated Dockerfile ----------------------------------------

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
const pepName = fc
  .tuple(alnum, fc.array(fc.oneof(alnum, fc.constantFrom('.', '_', '-')), { maxLength: 10 }), alnum)
  .map(([first, middle, last]) => `${first}${middle.join('')}${last}`)
const pepVersion = fc
  .tuple(
    fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', 'a1', 'b2', 'rc1', '.post1', '.dev0', '+local.1')
  )
  .map(([parts, suffix]) => `${parts.join('.')}${suffix}`)
const specifier = fc.oneof(
  fc
    .tuple(fc.constantFrom('==', '!=', '<=', '>=', '<', '>', '~='), pepVersion)
    .map(([operator, version]) => `${operator}${version}`),
  fc
    .tuple(
      fc.constantFrom('==', '!='),
      fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 3 })
    )
    .map(([operator, parts]) => `${operator}${parts.join('.')}.*`)
)
/** A pip requirement of the accepted forms: name[extras] with version specifiers. */
const pipSpec = fc
  .tuple(
    pepName,
    fc.option(fc.array(pepName, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    fc.array(specifier, { maxLength: 3 })
  )
  .map(
    ([name, extras, specifiers]) =>
      `${name}${extras ? `[${extras.join(',')}]` : ''}${specifiers.join(',')}`
  )
const lower = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789')
/** A Debian package of the accepted forms: name[:arch][=version]. */
const aptSpec = fc
  .tuple(
    lower,
    fc.array(fc.oneof(lower, fc.constantFrom('+', '-', '.')), { minLength: 1, maxLength: 12 }),
    fc.option(fc.constantFrom('amd64', 'arm64', 'i386'), { nil: undefined }),
    fc.option(
      fc
        .tuple(fc.option(fc.nat({ max: 3 }), { nil: undefined }), pepVersion)
        .map(
          ([epoch, version]) =>
            `${epoch === undefined ? '' : `${epoch}:`}${version.replace(/[^\w.+~-]/g, '')}`
        ),
      { nil: undefined }
    )
  )
  .map(
    ([first, rest, arch, version]) =>
      `${first}${rest.join('')}${arch ? `:${arch}` : ''}${version ? `=${version}` : ''}`
  )

// Characters that would mean something to a shell, a Dockerfile or a line-based format.
const DANGEROUS = /[;$`|&'"\\{}#\r\n\0]/

describe('package specs', () => {
  test('the accepted forms are accepted', () => {
    fc.assert(
      fc.property(pipSpec, aptSpec, (pip, apt) => {
        expect(checkPipRequirement(pip)).toBeUndefined()
        expect(checkAptPackage(apt)).toBeUndefined()
      }),
      { numRuns: RUNS.specsAccepted }
    )
  })

  test('an accepted spec, whatever was tried, holds no shell, quote or line-break character', () => {
    const attempt = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc
        .tuple(pepName, fc.constantFrom(...';$`|&\'"\\{}#\r\n\0 <>=!~,()[]*?'), pepName)
        .map((parts) => parts.join(''))
    )
    fc.assert(
      fc.property(attempt, (spec) => {
        if (checkPipRequirement(spec) === undefined) expect(spec.trim()).not.toMatch(DANGEROUS)
        if (checkAptPackage(spec) === undefined) expect(spec.trim()).not.toMatch(/[^a-z0-9+.:=~-]/i)
      }),
      { numRuns: RUNS.specsArbitrary }
    )
  })

  test('the generated Dockerfile: every RUN is a JSON array; apt specs are its words, pip specs lines of the resolver’s input', () => {
    const PIP_INSTALL = [
      'python3',
      '-m',
      'pip',
      'install',
      '--no-index',
      '--find-links',
      '/nb/pip',
      '--require-hashes',
      '--no-cache-dir',
      '--disable-pip-version-check',
      '--no-input',
      '-r',
      '/nb/pip/requirements.lock'
    ]
    fc.assert(
      fc.property(
        fc.uniqueArray(pipSpec, { minLength: 1, maxLength: 6 }),
        fc.uniqueArray(aptSpec, { minLength: 1, maxLength: 6 }),
        (pip, apt) => {
          const manifest = validManifest({ tiers: [tier('tier1', { packages: { pip, apt } })] })
          const content = generateDockerfile(manifest)
          const runs = content
            .split('\n')
            .filter((line) => line.startsWith('RUN'))
            .map((line) => JSON.parse(line.slice(line.indexOf('['))) as unknown)
          for (const run of runs) {
            expect(Array.isArray(run)).toBe(true)
            expect((run as unknown[]).every((word) => typeof word === 'string')).toBe(true)
          }
          const lines = content.split('\n')
          // The tier's apt set: resolved in its download stage, the names as the last words.
          const resolve = lines[lines.indexOf('FROM base AS nb-debs-tier1') + 1] ?? ''
          expect(JSON.parse(resolve.slice(resolve.indexOf('[')))).toStrictEqual([
            '/bin/sh',
            '/nb/bin/apt_resolve',
            ...apt
          ])
          // The tier's stage installs that set, then what the resolution locked for it.
          const tierStart = lines.indexOf('FROM base AS tier1')
          const [aptInstall = '', pipInstall = ''] = lines.slice(tierStart + 1, tierStart + 3)
          expect(JSON.parse(aptInstall.slice(aptInstall.indexOf('[')))).toStrictEqual([
            '/bin/sh',
            '/nb/bin/apt_install',
            '/nb/debs/tier1'
          ])
          // pip installs what the resolution locked: no word of it comes from the manifest.
          expect(JSON.parse(pipInstall.slice(pipInstall.indexOf('[')))).toStrictEqual(PIP_INSTALL)
          for (const spec of pip) expect(content).not.toContain(JSON.stringify(spec))
          // The specs reach pip one per line of the tier's requirements, in order.
          const inputs = resolverInputs(
            manifest,
            { files: new Map(), roots: new Map() },
            { indexes: [], indexSettings: false }
          )
          expect(inputs.files.get('tiers/tier1.txt')).toBe(pip.map((spec) => `${spec}\n`).join(''))
          // Nothing from the manifest is ever inside a script: they are constants.
          for (const [name, script] of Object.entries(APT_SCRIPTS)) {
            expect(content).toContain(`${script}${name}\n`)
          }
        }
      ),
      { numRuns: RUNS.dockerfile }
    )
  })
})
