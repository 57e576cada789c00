// Round one of the manifest's checks: bytes → a YAML document, refused early when it is too
// large, not UTF-8, nested too deeply, or malformed, and walked once for the position of
// every field (where later issues point) and the text of every scalar (so `3.10` stays
// "3.10"). Bounded whatever a pull request puts in the manifest.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode
} from 'yaml'
import { ManifestError, type ManifestIssue, type SourcePos } from '../utils/errors.js'
import { decode, tooDeep } from './decode.js'
import { emptyRecord, fieldPath, sortIssues, type Path } from './fields.js'
import { MANIFEST_LIMITS, NESTS_TOO_DEEPLY } from './limits.js'

/** The document, as data, and where each of its fields is written. */
export interface YamlDocument {
  data: unknown
  /** Field path → where its value is (a mapping or list: where its key is). */
  positions: Record<string, SourcePos>
  /** Field path → where its key is. */
  keyPositions: Record<string, SourcePos>
  /** Field path → a scalar's text as written. */
  sources: Record<string, string>
}

/**
 * Reads the manifest's bytes (or text) as one YAML 1.2 document. Throws a ManifestError at
 * the first round of problems: size, encoding, depth, syntax, too many tiers, then the
 * document's structure (duplicate keys, aliases to nothing, keys that are not names).
 */
export function readYaml(source: string | Uint8Array, file: string): YamlDocument {
  const text = decode(source, file)
  const deep = tooDeep(text, MANIFEST_LIMITS.maxDepth)
  if (deep) {
    throw new ManifestError([
      { file, ...deep, field: '', message: `invalid YAML: ${NESTS_TOO_DEEPLY}` }
    ])
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {
    lineCounter,
    // The library's duplicate-key check compares every key with every other (quadratic: a
    // 1 MB manifest of 50,000 keys took 18 s); walk() below does it with a set instead.
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    version: '1.2',
    // The library warns on the process (stderr) about odd keys; walk() reports them instead.
    logLevel: 'error'
  })
  const pos = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  refuseYamlProblems(doc, file, pos)
  refuseTooManyTiers(doc.contents, file, pos)
  const walked = walk(doc.contents, file, pos)
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MANIFEST_LIMITS.maxAliasCount })
  } catch (error) {
    throw new ManifestError([
      {
        file,
        ...(walked.firstAlias ?? { line: 1, column: 1 }),
        field: '',
        message: `YAML aliases expand too far (more than ${MANIFEST_LIMITS.maxAliasCount} expansions); write the values out instead (${error instanceof Error ? error.message : String(error)})`
      }
    ])
  }
  const { positions, keyPositions, sources } = walked
  return { data, positions, keyPositions, sources }
}

type Document = ReturnType<typeof parseDocument>
type Locate = (offset: number) => SourcePos

function refuseYamlProblems(doc: Document, file: string, pos: Locate): void {
  const yamlProblems = [...doc.errors, ...doc.warnings]
  // Should tooDeep() miss a shape, the library's stack overflow lands wherever the stack
  // happened to end; report it once, for the whole document.
  if (yamlProblems.some((problem) => problem.message.includes('Maximum call stack'))) {
    throw new ManifestError([
      { file, line: 1, column: 1, field: '', message: `invalid YAML: ${NESTS_TOO_DEEPLY}` }
    ])
  }
  if (yamlProblems.length > 0) {
    throw new ManifestError(
      yamlProblems.map((problem) => ({
        file,
        ...pos(problem.pos[0]),
        field: '',
        message: `invalid YAML: ${yamlMessage(problem.code, problem.message)}`
      }))
    )
  }
}

/** Too many tiers is refused from the syntax tree, before walking and converting them all. */
function refuseTooManyTiers(contents: unknown, file: string, pos: Locate): void {
  if (!isMap(contents)) return
  const tiersPair = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'tiers')
  const count = isMap(tiersPair?.value) ? tiersPair.value.items.length : 0
  if (count <= MANIFEST_LIMITS.maxTiers) return
  const key = tiersPair?.key as YamlNode | undefined
  throw new ManifestError([
    {
      file,
      ...(key?.range ? pos(key.range[0]) : { line: 1, column: 1 }),
      field: 'tiers',
      message: `${count} tiers declared; at most ${MANIFEST_LIMITS.maxTiers} are supported`
    }
  ])
}

/** What walking the document found: where each field is, and the first alias. */
interface Walked extends Omit<YamlDocument, 'data'> {
  firstAlias?: SourcePos
}

/**
 * Walks the syntax tree once, recording where every field is and every scalar's text, and
 * refusing what no manifest field can be: duplicate keys, keys that are not plain names,
 * aliases to anchors not defined before them.
 */
function walk(contents: unknown, file: string, pos: Locate): Walked {
  // Keyed by field paths taken from the manifest: no prototype, so a key such as
  // `__proto__` is only ever a key.
  const walked: Walked = {
    positions: emptyRecord<SourcePos>(),
    keyPositions: emptyRecord<SourcePos>(),
    sources: emptyRecord<string>()
  }
  walked.positions[''] = { line: 1, column: 1 }
  const structural: ManifestIssue[] = []
  const anchors = new Set<string>()
  const at = (node: YamlNode | null | undefined): SourcePos =>
    node?.range ? pos(node.range[0]) : { line: 1, column: 1 }
  const visit = (node: unknown, path: Path): void => {
    if (isAlias(node)) {
      walked.firstAlias ??= at(node)
      // Anchors are seen in document order, so an alias to a later or missing one is caught here.
      if (!anchors.has(node.source)) {
        structural.push({
          file,
          ...at(node),
          field: fieldPath(path),
          message: `invalid YAML: alias "*${node.source}" refers to no anchor defined before it; define "&${node.source}" first or write the value out`
        })
      }
      return
    }
    if (!node || typeof node !== 'object' || !('range' in node)) return
    const yamlNode = node as YamlNode
    if (yamlNode.anchor) anchors.add(yamlNode.anchor)
    if (yamlNode.range) walked.positions[fieldPath(path)] = pos(yamlNode.range[0])
    // Keep plain scalars as written, so a build arg `3.10` is not passed as "3.1".
    if (isScalar(yamlNode) && typeof yamlNode.source === 'string')
      walked.sources[fieldPath(path)] = yamlNode.source
    if (isMap(yamlNode)) visitPairs(yamlNode.items, path)
    else if (isSeq(yamlNode)) yamlNode.items.forEach((item, index) => visit(item, [...path, index]))
  }
  const visitPairs = (items: unknown[], path: Path): void => {
    const keys = new Set<string>()
    for (const pair of items) {
      if (!isPair(pair)) continue
      const keyNode = pair.key as YamlNode | null
      if (pair.key !== null && !isScalar(pair.key)) {
        // `? [a, b]` or `*alias:` as a key: no field is named like that, and turning it into
        // a string would expand aliases or print the library's warning.
        structural.push({
          file,
          ...at(keyNode),
          field: fieldPath(path),
          message: 'invalid YAML: a key must be a plain name, not a list, mapping or alias'
        })
        continue
      }
      const key = isScalar(pair.key) ? String(pair.key.value ?? '') : ''
      const childPath = [...path, key]
      if (keys.has(key)) {
        structural.push({
          file,
          ...at(keyNode),
          field: fieldPath(childPath),
          message: `invalid YAML: duplicate key ${JSON.stringify(key)}; each key may appear only once in a mapping`
        })
      }
      keys.add(key)
      if (keyNode?.range) {
        walked.keyPositions[fieldPath(childPath)] = pos(keyNode.range[0])
        walked.positions[fieldPath(childPath)] = pos(keyNode.range[0])
      }
      visit(pair.value, childPath)
      // A mapping or list is located by its key (`tier1:`), where an editor shows the field;
      // a scalar by its value.
      if ((isMap(pair.value) || isSeq(pair.value)) && keyNode?.range)
        walked.positions[fieldPath(childPath)] = pos(keyNode.range[0])
    }
  }
  visit(contents, [])
  if (structural.length > 0) throw new ManifestError(sortIssues(structural))
  return walked
}

/** The YAML library's message, reworded where it speaks to programmers rather than users. */
function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS')
    return 'the manifest holds more than one document ("---"); expected a single YAML document'
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = message.replace(/^Unresolved tag: /, '').replace(/^tag:yaml\.org,2002:/, '!!')
    return `unknown tag ${tag}; expected plain strings, numbers, lists and mappings (a manifest uses no tags)`
  }
  if (code === 'TAB_AS_INDENT') return 'tabs are not allowed as indentation; indent with spaces'
  if (code === 'MISSING_CHAR' && message.includes('quote')) {
    const quote = message.includes('"') ? '"' : "'"
    return `a quoted string is not closed; expected a closing ${quote} before the end of the file`
  }
  return firstLine(message)
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message
}
