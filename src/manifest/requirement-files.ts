// The pip requirements and constraints files a manifest names (base.requirements,
// tiers.<name>.requirements, constraints), read with the files they include (-r, -c) and
// split into logical lines the way pip numbers them (pip/_internal/req/req_file.py: lines
// joined at a trailing backslash, `#` comments dropped), so that pip's "(from line N of
// FILE)" and "-r FILE (line N)" point back into the user's files. pip itself checks the
// requirements; this refuses, located, what cannot work in a build: includes outside the
// repository, URLs with credentials (the inputs carry those), editable and local-path
// installs (the resolver runs inside the base image, without the repository).
import path from 'node:path'
import type { FileSystem } from '../adapters/fs.js'
import { ManifestError, type ManifestIssue } from '../utils/errors.js'
import { displayPath, isInside } from '../utils/paths.js'
import { fieldPath } from './fields.js'
import { redactUrl } from './index-urls.js'
import { MANIFEST_LIMITS } from './limits.js'
import type { Manifest } from './types.js'

/** One logical line of a requirements file. */
export interface RequirementLine {
  /** pip's number for it: the first physical line. */
  line: number
  /** The line with continuations joined, its comment dropped, trimmed. */
  text: string
  /** The project a requirement line names, in PEP 503 normal form. */
  project?: string
  /** The file an -r/-c line includes, relative to the repository. */
  include?: string
}

/** A requirements or constraints file, read. */
export interface RequirementFile {
  /** Relative to the repository, forward slashes: where it is shown and copied to. */
  relative: string
  /** Its bytes, copied as they are into the resolver's inputs. */
  bytes: Uint8Array
  lines: RequirementLine[]
  /** The manifest field whose file (or whose file's includes) led here. */
  field: string
}

/** The files a manifest's requirements span, and the file each manifest field names. */
export interface RequirementFiles {
  /** Every file read, by its path relative to the repository. */
  files: Map<string, RequirementFile>
  /** Manifest field (`base.requirements`, `tiers.x.requirements`, `constraints`) → its file. */
  roots: Map<string, string>
}

/** Most files one manifest's requirements may span, includes counted. */
export const MAX_REQUIREMENT_FILES = 100

/** The manifest fields that name a requirements or constraints file, with the path given. */
export function requirementFields(manifest: Manifest): { field: string; declared: string }[] {
  const fields: { field: string; declared: string }[] = []
  if (manifest.base.requirements !== undefined)
    fields.push({ field: 'base.requirements', declared: manifest.base.requirements })
  for (const tier of manifest.tiers) {
    if (tier.packages.requirements !== undefined) {
      fields.push({
        field: fieldPath(['tiers', tier.name, 'requirements']),
        declared: tier.packages.requirements
      })
    }
  }
  if (manifest.constraints !== undefined)
    fields.push({ field: 'constraints', declared: manifest.constraints })
  return fields
}

/**
 * Reads every requirements and constraints file of the manifest (whose own paths
 * checkPaths has already checked) and the files they include. Throws a ManifestError listing every problem, each located
 * in the file and line that holds it.
 */
export async function readRequirementFiles(
  manifest: Manifest,
  manifestDir: string,
  workspace: string,
  fs: FileSystem
): Promise<RequirementFiles> {
  const root = path.resolve(workspace)
  const realRoot = await fs.realpath(root)
  const files = new Map<string, RequirementFile>()
  const roots = new Map<string, string>()
  const issues: ManifestIssue[] = []
  const visit = async (
    absolute: string,
    field: string,
    from: { file: string; line: number } | undefined,
    chain: string[]
  ): Promise<void> => {
    const relative = displayPath(root, absolute)
    const at = (line: number, message: string): void => {
      issues.push({ file: relative, line, column: 1, field, message })
    }
    const fromIssue = (message: string): void => {
      if (from) issues.push({ file: from.file, line: from.line, column: 1, field, message })
    }
    if (chain.includes(relative)) {
      fromIssue(
        `"${relative}" includes itself (${[...chain, relative].join(' → ')}); remove one -r or -c`
      )
      return
    }
    if (files.has(relative)) return
    if (files.size >= MAX_REQUIREMENT_FILES) {
      fromIssue(
        `more than ${MAX_REQUIREMENT_FILES} requirements files; at most ${MAX_REQUIREMENT_FILES} are read`
      )
      return
    }
    let bytes: Uint8Array
    try {
      const real = await fs.realpath(absolute)
      if (!isInside(realRoot, real)) {
        fromIssue(
          `"${relative}" resolves through a symlink to ${real}, outside the repository; give a file inside it`
        )
        return
      }
      if (!(await fs.isFile(real))) {
        fromIssue(`"${relative}" is not a file`)
        return
      }
      bytes = await fs.readFile(real)
    } catch {
      fromIssue(`"${relative}" not found; give a file in the repository, relative to this one`)
      return
    }
    if (bytes.byteLength > MANIFEST_LIMITS.maxBytes) {
      at(1, `the file is ${bytes.byteLength} bytes; at most ${MANIFEST_LIMITS.maxBytes} are read`)
      return
    }
    const lines = requirementLines(new TextDecoder().decode(bytes))
    const file: RequirementFile = { relative, bytes, lines: [], field }
    files.set(relative, file)
    for (const line of lines) {
      const parsed = parseRequirementLine(line.text)
      if ('problem' in parsed) {
        at(line.line, parsed.problem)
        continue
      }
      if (parsed.include !== undefined) {
        const included = path.resolve(path.dirname(absolute), parsed.include)
        if (!isInside(root, included)) {
          at(
            line.line,
            `"${parsed.include}" points outside the repository; give a file inside it, relative to this one`
          )
          continue
        }
        file.lines.push({ ...line, include: displayPath(root, included) })
        await visit(included, field, { file: relative, line: line.line }, [...chain, relative])
        continue
      }
      file.lines.push(parsed.project !== undefined ? { ...line, project: parsed.project } : line)
    }
  }
  for (const { field, declared } of requirementFields(manifest)) {
    const where = manifest.positions[field] ?? { line: 1, column: 1 }
    const absolute = path.resolve(manifestDir, declared)
    // checkPaths refused whatever is outside or missing; a second report would repeat it.
    if (!isInside(root, absolute)) continue
    const before = issues.length
    await visit(absolute, field, undefined, [])
    const relative = displayPath(root, absolute)
    if (files.has(relative)) roots.set(field, relative)
    else if (issues.length === before) {
      issues.push({
        file: manifest.file,
        ...where,
        field,
        message: `"${declared}" could not be read`
      })
    }
  }
  if (issues.length > 0) throw new ManifestError(issues)
  return { files, roots }
}

/** pip's logical lines: joined at a trailing backslash, comments dropped, blank lines skipped. */
export function requirementLines(text: string): { line: number; text: string }[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const joined: { line: number; text: string }[] = []
  let pending: { line: number; parts: string[] } | undefined
  physical.forEach((raw, index) => {
    let line = raw
    const comment = COMMENT.test(line)
    if (!line.endsWith('\\') || comment) {
      // pip: a comment line ends a continuation, and is matched as a comment later.
      if (comment) line = ` ${line}`
      if (pending) {
        pending.parts.push(line)
        joined.push({ line: pending.line, text: pending.parts.join('') })
        pending = undefined
      } else {
        joined.push({ line: index + 1, text: line })
      }
    } else {
      pending ??= { line: index + 1, parts: [] }
      pending.parts.push(line.replace(/^\\+|\\+$/g, ''))
    }
  })
  if (pending) joined.push({ line: pending.line, text: pending.parts.join('') })
  return joined
    .map(({ line, text: value }) => ({ line, text: value.replace(COMMENT_SUB, '').trim() }))
    .filter(({ text: value }) => value !== '')
}

// pip's COMMENT_RE: `#` at the start or after white space, to the end of the line.
const COMMENT = /(^|\s+)#.*$/
const COMMENT_SUB = /(^|\s+)#.*$/

const INCLUDE = /^(?:-r|--requirement|-c|--constraint)(?:=|\s+|(?<=^-[rc]))(.+)$/
const URL_WITH_USERINFO = /\b([a-z][a-z0-9+.-]*):\/\/([^/?#\s@]+)@/gi

/**
 * What one logical line is: an include (-r/-c and the file), a requirement (and its
 * project), another option, or a problem.
 */
export function parseRequirementLine(
  text: string
): { include?: string; project?: string } | { problem: string } {
  for (const match of text.matchAll(URL_WITH_USERINFO)) {
    const [, scheme = '', userinfo = ''] = match
    // ssh's git@host is an account, not a secret; anything with a password, or a user
    // over http(s) (a token), is.
    if (userinfo.includes(':') || /https?$/i.test(scheme)) {
      return {
        problem: `${JSON.stringify(redactUrl(match[0]))}…: a URL with credentials in a requirements file is refused (everyone who reads the repository would see them): give the index with its credentials as the pip-index-url or pip-extra-index-url input, from a secret`
      }
    }
  }
  if (/^(?:-e(?!-)|--editable\b)/.test(text)) {
    return {
      problem: `${JSON.stringify(text)}: editable installs are not supported: the images install the wheels resolved from the package index; give the project as a requirement (name and version)`
    }
  }
  const include = INCLUDE.exec(text)
  if (include) {
    const target = (include[1] ?? '').trim()
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
      return {
        problem: `${JSON.stringify(redactUrl(target))}: including a requirements file from a URL is not supported; give a file in the repository, relative to this one`
      }
    }
    if (path.isAbsolute(target)) {
      return {
        problem: `"${target}" is an absolute path; give a file in the repository, relative to this one`
      }
    }
    return { include: target }
  }
  if (text.startsWith('-')) return {}
  if (/^(?:\.{1,2}[/\\]|\/|file:)/i.test(text)) {
    return {
      problem: `${JSON.stringify(text)}: local paths are not supported: pip resolves inside the base image, without the repository; publish the project to your package index and give its name`
    }
  }
  const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(text)?.[1]
  return name === undefined ? {} : { project: name.toLowerCase().replace(/[-_.]+/g, '-') }
}
