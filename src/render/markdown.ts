// Text in reports comes partly from pull requests (tier names, descriptions, Dockerfile
// instructions, build logs, branch names). Rendered into GitHub markdown it must show as
// written: no HTML, no table breaks, no emphasis, links, images, @-mentions or references.

// Every character that can start HTML, an entity, a table cell, emphasis, code, a link
// or image (`[`), a reference (#123) or a mention (@user). Quotes and colons stay: the
// text never lands inside an HTML attribute (escapeAttribute is for that).
const SPECIAL = /[&<>|`*_[\]\\~#@]/g
const NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }
// GitHub links mentions, references and bare URLs after decoding entities, so `&#64;user`
// still notifies @user. An empty HTML comment splits the text node the filter reads; it
// renders as nothing, and copying the text gives back "@user".
const UNLINK = '<!-- -->'

// Control characters have no business in a comment and can confuse terminals and parsers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g

/**
 * Escapes untrusted text for a markdown table cell or HTML element: special characters
 * become numeric entities (which GitHub shows as the characters), `@` and `#` are also
 * followed by an empty comment so they never mention or link, as are `http://`, `www.` and
 * `GH-1` inside, so no autolink or reference forms; line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?|\n/g, ' ')
      // First, so a control character cannot hide `http://` from the autolink check below.
      .replace(CONTROL, '')
      .replace(SPECIAL, (c) => {
        const entity = NAMED[c] ?? `&#${c.charCodeAt(0)};`
        return c === '@' || c === '#' ? `${entity}${UNLINK}` : entity
      })
      .replace(/\b(https?):\/\//gi, `$1:${UNLINK}//`)
      .replace(/\b(www)(?=\.)|\b(gh)(?=-\d)/gi, `$1$2${UNLINK}`)
  )
}

/** Untrusted text as inline code: an HTML <code> element, since entities do not decode in backticks. */
export function code(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`
}

/** One line of a <pre> block: HTML-escaped only, so logs keep their look. */
export function escapePreLine(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
    .replace(CONTROL, '')
}

/**
 * Escapes text for a double-quoted HTML attribute value (`title="…"`): quotes and angle
 * brackets become entities, line breaks spaces. Attributes are never scanned for mentions.
 */
export function escapeAttribute(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(CONTROL, '')
    .replace(/[&<>"']/g, (c) => (c === '"' ? '&quot;' : (NAMED[c] ?? `&#${c.charCodeAt(0)};`)))
}

/**
 * Encodes text for the inside of an HTML comment (`<!-- key=… -->`): percent-encoding, as
 * in a URL, except `/`, so no `-->`, `--!>` or `<!--` can appear and the value reads back
 * with decodeURIComponent.
 */
export function encodeCommentValue(text: string): string {
  return encodeURIComponent(text).replace(/%2F/g, '/')
}

/** Cuts text to at most `max` characters (code points, never half a surrogate pair) with "…". */
export function truncate(text: string, max: number): string {
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text
}
