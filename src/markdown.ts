// Text in reports comes partly from pull requests (tier names, descriptions, Dockerfile
// instructions, build logs). Rendered into GitHub markdown it must show as written: no
// HTML, no table breaks, no emphasis, links, images or @-mentions.

// Every character that can start HTML, an entity, a table cell, emphasis, code, a link
// or image (`[`), a reference (#123) or a mention (@user). Quotes and colons stay: the
// text never lands inside an HTML attribute.
const SPECIAL = /[&<>|`*_[\]\\~#@]/g
const NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }
// GitHub links mentions and references after decoding entities, so `&#64;user` still
// notifies @user. An empty HTML comment splits the text node the filter reads; it renders
// as nothing, and copying the text gives back "@user".
const UNLINK = '<!-- -->'

/**
 * Escapes untrusted text for a markdown table cell or HTML element: special characters
 * become numeric entities (which GitHub shows as the characters), `@` and `#` are also
 * followed by an empty comment so they never mention or link, line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r\n?|\n/g, ' ')
      .replace(SPECIAL, (c) => {
        const entity = NAMED[c] ?? `&#${c.charCodeAt(0)};`
        return c === '@' || c === '#' ? `${entity}${UNLINK}` : entity
      })
      // Control characters have no business in a comment and can confuse terminals and parsers.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  )
}

/** Untrusted text as inline code: an HTML <code> element, since entities do not decode in backticks. */
export function code(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`
}

/** One line of a <pre> block: HTML-escaped only, so logs keep their look. */
export function escapePreLine(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/@/g, '&#64;')
      // Control characters have no business in a comment and can confuse terminals and parsers.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  )
}
