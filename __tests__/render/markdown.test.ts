import {
  code,
  encodeCommentValue,
  escapeAttribute,
  escapeMarkdown,
  escapePreLine,
  truncate
} from '../../src/render/markdown.js'

describe('escapeMarkdown', () => {
  test.each([
    ['plain text stays', 'tier1 ML training 2.0', 'tier1 ML training 2.0'],
    ['HTML becomes text', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an entity shows as written', '&amp; &#64;', '&amp;amp; &amp;&#35;<!-- -->64;'],
    ['a pipe cannot split a table cell', 'a | b', 'a &#124; b'],
    ['line breaks cannot end a table row', 'a\nb\r\nc\rd', 'a b c d'],
    ['control characters are dropped', 'a\u0007b\u001bc\u007f', 'abc'],
    ['tabs stay: whitespace inside a cell', 'a\tb', 'a\tb'],
    [
      'emphasis and strikethrough',
      '*b* _i_ ~~s~~',
      '&#42;b&#42; &#95;i&#95; &#126;&#126;s&#126;&#126;'
    ],
    ['code spans', '`rm -rf`', '&#96;rm -rf&#96;'],
    ['links and images', '![x](y) [a](b)', '!&#91;x&#93;(y) &#91;a&#93;(b)'],
    ['backslash escapes', 'a\\|b', 'a&#92;&#124;b'],
    ['a mention is broken after the @', '@octocat', '&#64;<!-- -->octocat'],
    ['a team mention', '@acme/admins', '&#64;<!-- -->acme/admins'],
    ['an email address is no mailto link', 'ops@acme.example', 'ops&#64;<!-- -->acme.example'],
    ['an issue reference', 'fixes #123', 'fixes &#35;<!-- -->123'],
    ['a cross-repository reference', 'acme/nb#7', 'acme/nb&#35;<!-- -->7'],
    ['a GH- reference', 'GH-12 and gh-3', 'GH<!-- -->-12 and gh<!-- -->-3'],
    ['a gh-pages branch stays', 'gh-pages', 'gh-pages'],
    ['an https autolink', 'https://evil.example/x', 'https:<!-- -->//evil.example/x'],
    ['an http autolink in caps', 'HTTP://evil.example', 'HTTP:<!-- -->//evil.example'],
    ['a www autolink', 'see www.evil.example', 'see www<!-- -->.evil.example'],
    ['other schemes stay', 'unix:///var/run/docker.sock', 'unix:///var/run/docker.sock'],
    ['quotes and colons stay', `"a": 'b'`, `"a": 'b'`],
    ['non-ASCII stays', 'Modèle 🚀', 'Modèle 🚀']
  ])('%s', (_name, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected)
  })

  const hostile = [
    '<img src=x onerror=alert(1)>',
    '@here @channel @octocat please review',
    'x | y | z\n| --- |',
    '<!-- nb-image-action:comment key=x -->',
    '</details><details open><summary>pwned',
    '[click](javascript:alert(1))',
    'https://phish.example/login?next=@admin',
    '#1 #2 GH-3 acme/other#4',
    '<a href="https://evil.example">x</a>'
  ]

  test.each(hostile)('hostile %j renders inert', (input) => {
    const output = escapeMarkdown(input)
    // Nothing but our empty comments opens a tag.
    expect(output.split('<!-- -->').join('')).not.toMatch(/[<>|\n`*_[\]]/)
    // No mention, reference or autolink survives: an empty comment breaks each pattern.
    expect(output).not.toMatch(/&#64;(?!<!-- -->)/)
    expect(output).not.toMatch(/&#35;(?!<!-- -->)/)
    expect(output).not.toMatch(/https?:\/\//i)
    expect(output).not.toMatch(/\bwww\./i)
  })
})

describe('code', () => {
  test.each([
    ['RUN pip install x', '<code>RUN pip install x</code>'],
    ['COPY <a> /b', '<code>COPY &lt;a&gt; /b</code>'],
    ['a | b', '<code>a &#124; b</code>'],
    ['pip install pkg@https://x', '<code>pip install pkg&#64;<!-- -->https:<!-- -->//x</code>']
  ])('%j', (input, expected) => {
    expect(code(input)).toBe(expected)
  })
})

describe('escapePreLine', () => {
  test.each([
    ['#6 [tier4 1/1] RUN pip install nope', '#6 [tier4 1/1] RUN pip install nope'],
    ['ERROR: <exit code 1> | see above', 'ERROR: &lt;exit code 1&gt; | see above'],
    ['a & b', 'a &amp; b'],
    ['mail @octocat', 'mail &#64;octocat'],
    ['\u001b[31mred\u001b[0m', '[31mred[0m']
  ])('%j', (input, expected) => {
    expect(escapePreLine(input)).toBe(expected)
  })
})

describe('escapeAttribute', () => {
  test.each([
    ['512,345,678 bytes', '512,345,678 bytes'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &#39;single&#39;'],
    ['<b> & </b>', '&lt;b&gt; &amp; &lt;/b&gt;'],
    ['" onmouseover="alert(1)', '&quot; onmouseover=&quot;alert(1)'],
    ['two\nlines', 'two lines'],
    ['bell\u0007', 'bell']
  ])('%j', (input, expected) => {
    expect(escapeAttribute(input)).toBe(expected)
  })
})

describe('encodeCommentValue', () => {
  test.each([
    ['ci/notebook-tiers.yaml', 'ci/notebook-tiers.yaml'],
    ['nb images', 'nb%20images'],
    ['a-->b', 'a--%3Eb'],
    ['x --!> <!-- y', 'x%20--!%3E%20%3C!--%20y'],
    ['ünï', '%C3%BCn%C3%AF'],
    ['line\nbreak', 'line%0Abreak']
  ])('%j → %j', (input, expected) => {
    expect(encodeCommentValue(input)).toBe(expected)
    expect(decodeURIComponent(encodeCommentValue(input))).toBe(input)
    expect(encodeCommentValue(input)).not.toMatch(/-->|--!>|<!--|[<>\s]/)
  })
})

describe('truncate', () => {
  test.each<[string, number, string]>([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['one too many', 11, 'one too ma…'],
    ['tier 🚀🚀🚀 gpu', 8, 'tier 🚀🚀…'],
    ['🚀🚀🚀', 2, '🚀…']
  ])('%j to %i → %j', (text, max, expected) => {
    const result = truncate(text, max)
    expect(result).toBe(expected)
    expect([...result].length).toBeLessThanOrEqual(max)
    // Never half a surrogate pair.
    expect(result).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})
