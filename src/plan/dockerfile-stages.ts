// The stages of a Dockerfile as BuildKit's Dockerfile frontend reads them, for when buildx
// cannot be asked (no buildx ≥ 0.11, a `# syntax=` frontend that cannot be fetched, no engine
// in `mode: plan`). The stage check asks buildx first (manifest/check-files.ts).
//
// Longer than 350 lines for a reason: it is one port, whose parts (lines, continuations,
// heredocs, the shell lexer) only make sense together. It ports the parts of
// moby/buildkit frontend/dockerfile/parser (v0.13, the frontend built into Docker 26) that
// decide where instructions start and end, plus the stage rules of instructions.Parse.
// Written by hand because no maintained JavaScript package follows BuildKit's heredoc rules
// (checked: dockerfile-ast and docker-file-parser treat `<<` as plain text); the corpus in
// __tests__/fixtures/dockerfiles/ checks every rule against buildx itself (the e2e test
// asks it live).
//
// Rules followed, each with a corpus case:
// - parser directives (`# escape=`, `# syntax=`) only before anything else; a BOM is skipped;
// - line continuations with the escape character, trailing blanks allowed after it; comment
//   and blank lines inside a continuation are skipped; `#` only starts a comment at the
//   start of a line, so `FROM x AS y # z` is five words;
// - heredocs only in RUN, COPY and ADD (also under ONBUILD), never in exec (JSON) form; a
//   heredoc is a whole shell word `[n]<<[-]WORD` of the logical line (so `a<<b`, `cat<<EOF`,
//   `<<<x`, `"<<EOF"` and `<< EOF` are not heredocs); WORD is unquoted (`<<"EOF"`, `<<'E F'`,
//   `<<E"O"F`) to give the terminator; bodies are read raw, in order, after the whole logical
//   line; a terminator line must equal WORD exactly (a trailing CR is ignored), `<<-` strips
//   leading tabs only;
// - FROM takes one word, or three with a case-insensitive AS; names are lowercased and must
//   match ^[a-z][a-z0-9-_.]*$; only ARG may come before the first FROM; unknown
//   instructions are errors; a file with no instructions is an error.
// Not ported: the argument checks of other instructions (ENV, HEALTHCHECK, …) and their
// flags, which buildx reports and this fallback does not.

/** A stage: its name (undefined for `FROM image` without AS) and the line its FROM starts on. */
export interface ParsedStage {
  name?: string
  line: number
}

/** A named stage of a Dockerfile. */
export interface Stage {
  name: string
  line: number
}

/** A Dockerfile BuildKit would refuse, with the line it would name when it names one. */
export class DockerfileSyntaxError extends Error {
  override readonly name = 'DockerfileSyntaxError'
  constructor(
    /** What BuildKit would say, without the line. */
    readonly reason: string,
    readonly line?: number
  ) {
    super(line === undefined ? reason : `line ${line}: ${reason}`)
  }
}

const INSTRUCTIONS = new Set([
  'add',
  'arg',
  'cmd',
  'copy',
  'entrypoint',
  'env',
  'expose',
  'from',
  'healthcheck',
  'label',
  'maintainer',
  'onbuild',
  'run',
  'shell',
  'stopsignal',
  'user',
  'volume',
  'workdir'
])
const HEREDOC_INSTRUCTIONS = new Set(['add', 'copy', 'run'])
/** Instructions that add a layer to the image (the others change only its config). */
const LAYER_INSTRUCTIONS = HEREDOC_INSTRUCTIONS
/** Instructions whose arguments may be an exec-form JSON array. */
const MAYBE_JSON = new Set(['add', 'copy', 'run', 'cmd', 'entrypoint', 'shell', 'volume'])
/** Directive names BuildKit knows (`check` from Dockerfile 1.8; a `# syntax=` frontend may be newer). */
const DIRECTIVES = new Set(['syntax', 'escape', 'check'])
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/
/** Go's unicode.IsSpace for the characters a Dockerfile line can hold. */
const isSpace = (ch: string): boolean => /^[\t\n\v\f\r \u0085\u00a0]$/.test(ch)
const trimNewline = (line: string): string => line.replace(/[\r\n]+$/, '')
const trimLeadingSpace = (line: string): string => line.replace(/^[\t\n\v\f\r \u0085\u00a0]+/, '')
const isComment = (raw: string): boolean => trimLeadingSpace(trimNewline(raw)).startsWith('#')

/** The named stages, in order; throws DockerfileSyntaxError where BuildKit would refuse. */
export function listStages(content: string): Stage[] {
  return parseStages(content).flatMap((stage) =>
    stage.name === undefined ? [] : [{ name: stage.name, line: stage.line }]
  )
}

interface Instruction {
  keyword: string
  line: number
}

/** Every stage (named or not), as `docker buildx build --print=targets` lists them. */
export function parseStages(content: string): ParsedStage[] {
  return parseFroms(content).map(({ name, line }) =>
    name === undefined ? { line } : { name, line }
  )
}

/** A stage with what it starts from and how many layers it adds (plan/stage-chain.ts). */
export interface StageFrom extends ParsedStage {
  /** The image or stage after FROM, as written (stage names are case-insensitive). */
  from: string
  /** Its RUN, COPY and ADD instructions: the layers it adds to what it starts from. */
  layers: number
}

/** Every stage with its FROM and layer count; throws DockerfileSyntaxError as BuildKit refuses. */
export function parseFroms(content: string): StageFrom[] {
  const instructions = parseInstructions(content)
  const stages: StageFrom[] = []
  for (const { keyword, args, flags, line } of instructions) {
    const lower = keyword.toLowerCase()
    if (!INSTRUCTIONS.has(lower)) {
      throw new DockerfileSyntaxError(`unknown instruction: ${keyword}`, line)
    }
    if (lower === 'from') {
      for (const flag of flags) {
        if (!/^platform(=|$)/.test(flag))
          throw new DockerfileSyntaxError(`unknown flag: ${flag.replace(/=.*/s, '')}`, line)
      }
      const words = args.split(/[\t\v\f\r \n]+/).filter(Boolean)
      const from = words[0] ?? ''
      if (words.length === 3 && words[1]?.toLowerCase() === 'as') {
        const name = (words[2] ?? '').toLowerCase()
        if (!STAGE_NAME.test(name)) {
          throw new DockerfileSyntaxError(
            `invalid name for build stage: "${words[2]}", name can't start with a number or contain symbols`,
            line
          )
        }
        stages.push({ name, line, from, layers: 0 })
      } else if (words.length === 1) {
        stages.push({ line, from, layers: 0 })
      } else {
        throw new DockerfileSyntaxError('FROM requires either one or three arguments', line)
      }
    } else if (stages.length === 0 && lower !== 'arg') {
      throw new DockerfileSyntaxError('no build stage in current context', line)
    } else if (LAYER_INSTRUCTIONS.has(lower)) {
      const stage = stages.at(-1)
      if (stage) stage.layers++
    }
  }
  return stages
}

interface ParsedInstruction extends Instruction {
  args: string
  flags: string[]
}

/** Splits a Dockerfile into instructions (BuildKit's parser.Parse), skipping heredoc bodies. */
function parseInstructions(content: string): ParsedInstruction[] {
  const lines = content.match(/[^\n]*\n|[^\n]+$/g) ?? []
  if (lines[0]?.startsWith('\uFEFF')) lines[0] = lines[0].slice(1)
  let escape = '\\'
  let continuation = continuationRegex(escape)
  let directivesDone = false
  const seen = new Set<string>()
  // parser.processLine: a directive is looked for on every line until the first line that
  // is not one (a comment, a blank line or an instruction ends them).
  const processLine = (raw: string, stripLeft: boolean, lineNumber: number): string => {
    let token = trimNewline(raw)
    if (stripLeft) token = trimLeadingSpace(token)
    if (!directivesDone) {
      const match = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/.exec(token)
      const key = match?.[1]?.toLowerCase()
      if (!match || !key || !DIRECTIVES.has(key)) directivesDone = true
      else {
        if (seen.has(key))
          throw new DockerfileSyntaxError(
            `only one ${key} parser directive can be used`,
            lineNumber
          )
        seen.add(key)
        if (key === 'escape') {
          const value = match[2] ?? ''
          if (value !== '`' && value !== '\\')
            throw new DockerfileSyntaxError(
              `invalid escape token '${value}' does not match \` or \\`,
              lineNumber
            )
          escape = value
          continuation = continuationRegex(escape)
        }
      }
    }
    return token.startsWith('#') ? '' : token
  }
  const trimContinuation = (line: string): [string, boolean] =>
    continuation.test(line) ? [line.replace(continuation, '$1'), false] : [line, true]

  const result: ParsedInstruction[] = []
  let index = 0
  while (index < lines.length) {
    const raw = lines[index] ?? ''
    index++
    const startLine = index
    let [line, isEnd] = trimContinuation(processLine(raw, true, index))
    if (isEnd && line === '') continue
    while (!isEnd && index < lines.length) {
      const next = lines[index] ?? ''
      index++
      const processed = processLine(next, false, index)
      if (isComment(next)) continue
      if (trimLeadingSpace(processed) === '') continue
      let more: string
      ;[more, isEnd] = trimContinuation(processed)
      line += more
    }
    const node = splitInstruction(line, startLine)
    if (canContainHeredoc(node)) {
      for (const heredoc of heredocsOf(line)) {
        let terminated = false
        while (index < lines.length) {
          const body = lines[index] ?? ''
          index++
          let candidate = trimNewline(body)
          if (heredoc.chomp) candidate = candidate.replace(/^\t+/, '')
          if (candidate === heredoc.name) {
            terminated = true
            break
          }
        }
        if (!terminated) throw new DockerfileSyntaxError('unterminated heredoc', startLine)
      }
    }
    result.push(node)
  }
  if (result.length === 0) throw new DockerfileSyntaxError('file with no instructions')
  return result
}

/** BuildKit's line-continuation pattern for an escape character. */
function continuationRegex(escape: string): RegExp {
  const e = escape === '\\' ? '\\\\' : escape
  return new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`)
}

interface Node extends ParsedInstruction {
  json: boolean
  /** For ONBUILD: the instruction it carries. */
  sub?: Node
}

/** parser.splitCommand + the dispatch table's JSON detection. */
function splitInstruction(line: string, lineNumber: number): Node {
  const trimmed = line.trim()
  const split = /^(\S+)(?:[\t\v\f\r ]+([\s\S]*))?$/.exec(trimmed)
  const keyword = split?.[1] ?? ''
  const { rest, flags } = extractFlags(split?.[2] ?? '')
  const args = rest.trim()
  const lower = keyword.toLowerCase()
  const node: Node = { keyword, line: lineNumber, args, flags, json: false }
  if (MAYBE_JSON.has(lower)) node.json = isJsonArray(args, lineNumber)
  if (lower === 'onbuild' && args !== '') node.sub = splitInstruction(args, lineNumber)
  return node
}

function canContainHeredoc(node: Node): boolean {
  const target = node.keyword.toLowerCase() === 'onbuild' && node.sub ? node.sub : node
  return HEREDOC_INSTRUCTIONS.has(target.keyword.toLowerCase()) && !target.json
}

/** parseJSON: the first JSON value of the arguments, when it is an array of strings. */
function isJsonArray(args: string, lineNumber: number): boolean {
  if (!args.startsWith('[')) return false
  // Go's json.Decoder reads one value and ignores what follows it.
  const end = endOfFirstValue(args)
  if (end < 0) return false
  let value: unknown
  try {
    value = JSON.parse(args.slice(0, end))
  } catch {
    return false
  }
  if (!Array.isArray(value)) return false
  if (!value.every((item) => typeof item === 'string')) {
    throw new DockerfileSyntaxError(
      'dockerfile parse error: not a JSON array of strings',
      lineNumber
    )
  }
  return true
}

function endOfFirstValue(text: string): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
    } else if (ch === '"') inString = true
    else if (ch === '[' || ch === '{') depth++
    else if (ch === ']' || ch === '}') {
      depth--
      if (depth === 0) return i + 1
    }
  }
  return -1
}

/** parser.extractBuilderFlags: leading `--name[=value]` words. */
function extractFlags(line: string): { rest: string; flags: string[] } {
  const flags: string[] = []
  let pos = 0
  for (;;) {
    while (pos < line.length && isSpace(line[pos] ?? '')) pos++
    if (pos >= line.length) return { rest: '', flags }
    if (!line.startsWith('--', pos)) return { rest: line.slice(pos), flags }
    let word = ''
    let quote = ''
    let blankOk = false
    for (; pos < line.length; pos++) {
      let ch = line[pos] ?? ''
      if (quote === '') {
        if (isSpace(ch)) break
        if (ch === "'" || ch === '"') {
          quote = ch
          blankOk = true
          continue
        }
      } else if (ch === quote) {
        quote = ''
        continue
      }
      if (ch === '\\') {
        if (pos + 1 === line.length) continue
        pos++
        ch = line[pos] ?? ''
      }
      word += ch
    }
    if (word === '--') return { rest: line.slice(pos), flags }
    if (blankOk || word.length > 0) flags.push(word.slice(2))
  }
}

interface Heredoc {
  name: string
  chomp: boolean
}

/** parser.heredocsFromLine: the words of the line that are heredocs, in order. */
function heredocsOf(line: string): Heredoc[] {
  const heredocs: Heredoc[] = []
  for (const word of shellWords(line, true) ?? []) {
    const match = HEREDOC_WORD.exec(word)
    const rest = match?.[3]
    if (!match || !rest) continue
    const words = shellWords(rest, false)
    if (words?.length !== 1 || words[0] === undefined) continue
    heredocs.push({ name: words[0], chomp: match[2] === '-' })
  }
  return heredocs
}

/**
 * BuildKit's shell lexer (ProcessWords with SkipUnsetEnv and no variables set), escape
 * character `\`: words split on blanks outside quotes. With `raw`, quotes and escapes stay
 * in the words (RawQuotes, RawEscapes); without, they are removed. Undefined when a quote
 * is not closed (BuildKit then finds no heredoc on the line).
 */
function shellWords(text: string, raw: boolean): string[] | undefined {
  const words: string[] = []
  let word = ''
  let inWord = false
  const end = (): void => {
    if (word.length > 0) words.push(word)
    word = ''
    inWord = false
  }
  const addRaw = (s: string): void => {
    word += s
    inWord = true
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? ''
    if (ch === "'") {
      const close = text.indexOf("'", i + 1)
      if (close < 0) return undefined
      const inner = text.slice(i + 1, close)
      addRaw(raw ? `'${inner}'` : inner)
      i = close
    } else if (ch === '"') {
      let inner = ''
      let j = i + 1
      for (; j < text.length && text[j] !== '"'; j++) {
        const c = text[j] ?? ''
        if (c === '\\' && j + 1 < text.length) {
          const n = text[j + 1] ?? ''
          if (n === '"' || n === '$' || n === '\\') {
            inner += raw ? `\\${n}` : n
            j++
            continue
          }
        }
        inner += c
      }
      if (j >= text.length) return undefined
      addRaw(raw ? `"${inner}"` : inner)
      i = j
    } else if (ch === '$' && text[i + 1] === '{') {
      // An unset ${…} stays as written.
      const close = text.indexOf('}', i)
      const piece = close < 0 ? text.slice(i) : text.slice(i, close + 1)
      addRaw(piece)
      i += piece.length - 1
    } else if (ch === '\\') {
      if (raw) addRaw(ch)
      if (i + 1 >= text.length) break
      i++
      addRaw(text[i] ?? '')
    } else if (isSpace(ch)) {
      if (inWord) end()
    } else {
      addRaw(ch)
    }
  }
  end()
  return words
}
