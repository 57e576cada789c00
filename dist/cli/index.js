#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 9379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(5471)
const cmp = __nccwpck_require__(8646)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)


/***/ }),

/***/ 6782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(1383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(9379)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const trimComparatorWhitespace = __nccwpck_require__(9737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(5471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(5101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 1799:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const clean = (version, options) => {
  const s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}
module.exports = clean


/***/ }),

/***/ 8646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gt = __nccwpck_require__(6599)
const gte = __nccwpck_require__(1236)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 5385:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = __nccwpck_require__(6353)
const { safeRe: re, t } = __nccwpck_require__(5471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 7648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compareBuild = (a, b, loose) => {
  const versionA = new SemVer(a, loose)
  const versionB = new SemVer(b, loose)
  return versionA.compare(versionB) || versionA.compareBuild(versionB)
}
module.exports = compareBuild


/***/ }),

/***/ 6874:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const compareLoose = (a, b) => compare(a, b, true)
module.exports = compareLoose


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 711:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)

const diff = (version1, version2) => {
  const v1 = parse(version1, null, true)
  const v2 = parse(version2, null, true)
  const comparison = v1.compare(v2)

  if (comparison === 0) {
    return null
  }

  const v1Higher = comparison > 0
  const highVersion = v1Higher ? v1 : v2
  const lowVersion = v1Higher ? v2 : v1
  const highHasPre = !!highVersion.prerelease.length
  const lowHasPre = !!lowVersion.prerelease.length

  if (lowHasPre && !highHasPre) {
    // Going from prerelease -> no prerelease requires some special casing

    // If the low version has only a major, then it will always be a major
    // Some examples:
    // 1.0.0-1 -> 1.0.0
    // 1.0.0-1 -> 1.1.1
    // 1.0.0-1 -> 2.0.0
    if (!lowVersion.patch && !lowVersion.minor) {
      return 'major'
    }

    // If the main part has no difference
    if (lowVersion.compareMain(highVersion) === 0) {
      if (lowVersion.minor && !lowVersion.patch) {
        return 'minor'
      }
      return 'patch'
    }
  }

  // add the `pre` prefix if we are going to a prerelease version
  const prefix = highHasPre ? 'pre' : ''

  if (v1.major !== v2.major) {
    return prefix + 'major'
  }

  if (v1.minor !== v2.minor) {
    return prefix + 'minor'
  }

  if (v1.patch !== v2.patch) {
    return prefix + 'patch'
  }

  // high and low are prereleases
  return 'prerelease'
}

module.exports = diff


/***/ }),

/***/ 5082:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 6599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 2338:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)

const inc = (version, release, options, identifier, identifierBase) => {
  if (typeof (options) === 'string') {
    identifierBase = identifier
    identifier = options
    options = undefined
  }

  try {
    return new SemVer(
      version instanceof SemVer ? version.version : version,
      options
    ).inc(release, identifier, identifierBase).version
  } catch (er) {
    return null
  }
}
module.exports = inc


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 8511:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const major = (a, loose) => new SemVer(a, loose).major
module.exports = major


/***/ }),

/***/ 2603:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const minor = (a, loose) => new SemVer(a, loose).minor
module.exports = minor


/***/ }),

/***/ 4974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 6353:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 8756:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const patch = (a, loose) => new SemVer(a, loose).patch
module.exports = patch


/***/ }),

/***/ 5714:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const prerelease = (version, options) => {
  const parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}
module.exports = prerelease


/***/ }),

/***/ 2173:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const rcompare = (a, b, loose) => compare(b, a, loose)
module.exports = rcompare


/***/ }),

/***/ 7192:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose))
module.exports = rsort


/***/ }),

/***/ 8011:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 9872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(7648)
const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose))
module.exports = sort


/***/ }),

/***/ 6114:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)

const truncate = (version, truncation, options) => {
  if (!constants.RELEASE_TYPES.includes(truncation)) {
    return null
  }

  const clonedVersion = cloneInputVersion(version, options)
  return clonedVersion && doTruncation(clonedVersion, truncation)
}

const cloneInputVersion = (version, options) => {
  const versionStringToParse = (
    version instanceof SemVer ? version.version : version
  )

  return parse(versionStringToParse, options)
}

const doTruncation = (version, truncation) => {
  if (isPrerelease(truncation)) {
    return version.version
  }

  version.prerelease = []

  switch (truncation) {
    case 'major':
      version.minor = 0
      version.patch = 0
      break
    case 'minor':
      version.patch = 0
      break
  }

  return version.format()
}

const isPrerelease = (type) => {
  return type.startsWith('pre')
}

module.exports = truncate


/***/ }),

/***/ 8780:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(6353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 2088:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// just pre-load all the stuff that index.js lazily exports
const internalRe = __nccwpck_require__(5471)
const constants = __nccwpck_require__(5101)
const SemVer = __nccwpck_require__(7163)
const identifiers = __nccwpck_require__(3348)
const parse = __nccwpck_require__(6353)
const valid = __nccwpck_require__(8780)
const clean = __nccwpck_require__(1799)
const inc = __nccwpck_require__(2338)
const diff = __nccwpck_require__(711)
const major = __nccwpck_require__(8511)
const minor = __nccwpck_require__(2603)
const patch = __nccwpck_require__(8756)
const prerelease = __nccwpck_require__(5714)
const compare = __nccwpck_require__(8469)
const rcompare = __nccwpck_require__(2173)
const compareLoose = __nccwpck_require__(6874)
const compareBuild = __nccwpck_require__(7648)
const sort = __nccwpck_require__(9872)
const rsort = __nccwpck_require__(7192)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gte = __nccwpck_require__(1236)
const lte = __nccwpck_require__(6717)
const cmp = __nccwpck_require__(8646)
const coerce = __nccwpck_require__(5385)
const truncate = __nccwpck_require__(6114)
const Comparator = __nccwpck_require__(9379)
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const toComparators = __nccwpck_require__(4750)
const maxSatisfying = __nccwpck_require__(3193)
const minSatisfying = __nccwpck_require__(8595)
const minVersion = __nccwpck_require__(1866)
const validRange = __nccwpck_require__(4737)
const outside = __nccwpck_require__(280)
const gtr = __nccwpck_require__(2276)
const ltr = __nccwpck_require__(5213)
const intersects = __nccwpck_require__(3465)
const simplifyRange = __nccwpck_require__(2028)
const subset = __nccwpck_require__(1489)
module.exports = {
  parse,
  valid,
  clean,
  inc,
  diff,
  major,
  minor,
  patch,
  prerelease,
  compare,
  rcompare,
  compareLoose,
  compareBuild,
  sort,
  rsort,
  gt,
  lt,
  eq,
  neq,
  gte,
  lte,
  cmp,
  coerce,
  truncate,
  Comparator,
  Range,
  satisfies,
  toComparators,
  maxSatisfying,
  minSatisfying,
  minVersion,
  validRange,
  outside,
  gtr,
  ltr,
  intersects,
  simplifyRange,
  subset,
  SemVer,
  re: internalRe.re,
  src: internalRe.src,
  tokens: internalRe.t,
  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
  RELEASE_TYPES: constants.RELEASE_TYPES,
  compareIdentifiers: identifiers.compareIdentifiers,
  rcompareIdentifiers: identifiers.rcompareIdentifiers,
}


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 1383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 9737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(5101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 2276:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// Determine if version is greater than all the versions possible in the range.
const outside = __nccwpck_require__(280)
const gtr = (version, range, options) => outside(version, range, '>', options)
module.exports = gtr


/***/ }),

/***/ 3465:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const intersects = (r1, r2, options) => {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2, options)
}
module.exports = intersects


/***/ }),

/***/ 5213:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const outside = __nccwpck_require__(280)
// Determine if version is less than all the versions possible in the range
const ltr = (version, range, options) => outside(version, range, '<', options)
module.exports = ltr


/***/ }),

/***/ 3193:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)

const maxSatisfying = (versions, range, options) => {
  let max = null
  let maxSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}
module.exports = maxSatisfying


/***/ }),

/***/ 8595:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const minSatisfying = (versions, range, options) => {
  let min = null
  let minSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}
module.exports = minSatisfying


/***/ }),

/***/ 1866:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const gt = __nccwpck_require__(6599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 280:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const Range = __nccwpck_require__(6782)
const satisfies = __nccwpck_require__(8011)
const gt = __nccwpck_require__(6599)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)
const gte = __nccwpck_require__(1236)

const outside = (version, range, hilo, options) => {
  version = new SemVer(version, options)
  range = new Range(range, options)

  let gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisfies the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let high = null
    let low = null

    comparators.forEach((comparator) => {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

module.exports = outside


/***/ }),

/***/ 2028:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// given a set of versions and a range, create a "simplified" range
// that includes the same versions that the original range does
// If the original range is shorter than the simplified one, return that.
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)
module.exports = (versions, range, options) => {
  const set = []
  let first = null
  let prev = null
  const v = versions.sort((a, b) => compare(a, b, options))
  for (const version of v) {
    const included = satisfies(version, range, options)
    if (included) {
      prev = version
      if (!first) {
        first = version
      }
    } else {
      if (prev) {
        set.push([first, prev])
      }
      prev = null
      first = null
    }
  }
  if (first) {
    set.push([first, null])
  }

  const ranges = []
  for (const [min, max] of set) {
    if (min === max) {
      ranges.push(min)
    } else if (!max && min === v[0]) {
      ranges.push('*')
    } else if (!max) {
      ranges.push(`>=${min}`)
    } else if (min === v[0]) {
      ranges.push(`<=${max}`)
    } else {
      ranges.push(`${min} - ${max}`)
    }
  }
  const simplified = ranges.join(' || ')
  const original = typeof range.raw === 'string' ? range.raw : String(range)
  return simplified.length < original.length ? simplified : range
}


/***/ }),

/***/ 1489:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const Comparator = __nccwpck_require__(9379)
const { ANY } = Comparator
const satisfies = __nccwpck_require__(8011)
const compare = __nccwpck_require__(8469)

// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
// - Every simple range `r1, r2, ...` is a null set, OR
// - Every simple range `r1, r2, ...` which is not a null set is a subset of
//   some `R1, R2, ...`
//
// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
// - If c is only the ANY comparator
//   - If C is only the ANY comparator, return true
//   - Else if in prerelease mode, return false
//   - else replace c with `[>=0.0.0]`
// - If C is only the ANY comparator
//   - if in prerelease mode, return true
//   - else replace C with `[>=0.0.0]`
// - Let EQ be the set of = comparators in c
// - If EQ is more than one, return true (null set)
// - Let GT be the highest > or >= comparator in c
// - Let LT be the lowest < or <= comparator in c
// - If GT and LT, and GT.semver > LT.semver, return true (null set)
// - If any C is a = range, and GT or LT are set, return false
// - If EQ
//   - If GT, and EQ does not satisfy GT, return true (null set)
//   - If LT, and EQ does not satisfy LT, return true (null set)
//   - If EQ satisfies every C, return true
//   - Else return false
// - If GT
//   - If GT.semver is lower than any > or >= comp in C, return false
//   - If GT is >=, and GT.semver does not satisfy every C, return false
//   - If GT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the GT.semver tuple, return false
// - If LT
//   - If LT.semver is greater than any < or <= comp in C, return false
//   - If LT is <=, and LT.semver does not satisfy every C, return false
//   - If LT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the LT.semver tuple, return false
// - Else return true

const subset = (sub, dom, options = {}) => {
  if (sub === dom) {
    return true
  }

  sub = new Range(sub, options)
  dom = new Range(dom, options)
  let sawNonNull = false

  OUTER: for (const simpleSub of sub.set) {
    for (const simpleDom of dom.set) {
      const isSub = simpleSubset(simpleSub, simpleDom, options)
      sawNonNull = sawNonNull || isSub !== null
      if (isSub) {
        continue OUTER
      }
    }
    // the null set is a subset of everything, but null simple ranges in
    // a complex range should be ignored.  so if we saw a non-null range,
    // then we know this isn't a subset, but if EVERY simple range was null,
    // then it is a subset.
    if (sawNonNull) {
      return false
    }
  }
  return true
}

const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')]
const minimumVersion = [new Comparator('>=0.0.0')]

const simpleSubset = (sub, dom, options) => {
  if (sub === dom) {
    return true
  }

  if (sub.length === 1 && sub[0].semver === ANY) {
    if (dom.length === 1 && dom[0].semver === ANY) {
      return true
    } else if (options.includePrerelease) {
      sub = minimumVersionWithPreRelease
    } else {
      sub = minimumVersion
    }
  }

  if (dom.length === 1 && dom[0].semver === ANY) {
    if (options.includePrerelease) {
      return true
    } else {
      dom = minimumVersion
    }
  }

  const eqSet = new Set()
  let gt, lt
  for (const c of sub) {
    if (c.operator === '>' || c.operator === '>=') {
      gt = higherGT(gt, c, options)
    } else if (c.operator === '<' || c.operator === '<=') {
      lt = lowerLT(lt, c, options)
    } else {
      eqSet.add(c.semver)
    }
  }

  if (eqSet.size > 1) {
    return null
  }

  let gtltComp
  if (gt && lt) {
    gtltComp = compare(gt.semver, lt.semver, options)
    if (gtltComp > 0) {
      return null
    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
      return null
    }
  }

  // will iterate one or zero times
  for (const eq of eqSet) {
    if (gt && !satisfies(eq, String(gt), options)) {
      return null
    }

    if (lt && !satisfies(eq, String(lt), options)) {
      return null
    }

    for (const c of dom) {
      if (!satisfies(eq, String(c), options)) {
        return false
      }
    }

    return true
  }

  let higher, lower
  let hasDomLT, hasDomGT
  // if the subset has a prerelease, we need a comparator in the superset
  // with the same tuple and a prerelease, or it's not a subset
  let needDomLTPre = lt &&
    !options.includePrerelease &&
    lt.semver.prerelease.length ? lt.semver : false
  let needDomGTPre = gt &&
    !options.includePrerelease &&
    gt.semver.prerelease.length ? gt.semver : false
  // exception: <1.2.3-0 is the same as <1.2.3
  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
    needDomLTPre = false
  }

  for (const c of dom) {
    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>='
    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<='
    if (gt) {
      if (needDomGTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomGTPre.major &&
            c.semver.minor === needDomGTPre.minor &&
            c.semver.patch === needDomGTPre.patch) {
          needDomGTPre = false
        }
      }
      if (c.operator === '>' || c.operator === '>=') {
        higher = higherGT(gt, c, options)
        if (higher === c && higher !== gt) {
          return false
        }
      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
        return false
      }
    }
    if (lt) {
      if (needDomLTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomLTPre.major &&
            c.semver.minor === needDomLTPre.minor &&
            c.semver.patch === needDomLTPre.patch) {
          needDomLTPre = false
        }
      }
      if (c.operator === '<' || c.operator === '<=') {
        lower = lowerLT(lt, c, options)
        if (lower === c && lower !== lt) {
          return false
        }
      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
        return false
      }
    }
    if (!c.operator && (lt || gt) && gtltComp !== 0) {
      return false
    }
  }

  // if there was a < or >, and nothing in the dom, then must be false
  // UNLESS it was limited by another range in the other direction.
  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
  if (gt && hasDomLT && !lt && gtltComp !== 0) {
    return false
  }

  if (lt && hasDomGT && !gt && gtltComp !== 0) {
    return false
  }

  // we needed a prerelease range in a specific tuple, but didn't get one
  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
  // because it includes prereleases in the 1.2.3 tuple
  if (needDomGTPre || needDomLTPre) {
    return false
  }

  return true
}

// >=1.2.3 is lower than >1.2.3
const higherGT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp > 0 ? a
    : comp < 0 ? b
    : b.operator === '>' && a.operator === '>=' ? b
    : a
}

// <=1.2.3 is higher than <1.2.3
const lowerLT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp < 0 ? a
    : comp > 0 ? b
    : b.operator === '<' && a.operator === '<=' ? b
    : a
}

module.exports = subset


/***/ }),

/***/ 4750:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)

// Mostly just for testing and legacy API reasons
const toComparators = (range, options) =>
  new Range(range, options).set
    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '))

module.exports = toComparators


/***/ }),

/***/ 4737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ }),

/***/ 2827:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2099);

// `npx nb-image build …` runs this bundle (dist/cli/index.js).
process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .i)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2099:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/adapters/console-logger.ts
/** Logger for the CLI: progress on stderr, so stdout carries only the table or JSON. */
function consoleLogger(options) {
    const write = options.write ?? ((text) => process.stderr.write(text));
    const where = (target) => target?.file
        ? `${target.file}${target.startLine ? `:${target.startLine}` : ''}${target.startColumn ? `:${target.startColumn}` : ''}: `
        : '';
    return {
        info: (message) => {
            if (options.verbose)
                write(`${message}\n`);
        },
        debug: () => undefined,
        warning: (message, target) => write(`warning: ${where(target)}${message}\n`),
        error: (message, target) => write(`error: ${where(target)}${message}\n`),
        async group(title, fn) {
            write(`▸ ${title}\n`);
            return fn();
        }
    };
}

;// CONCATENATED MODULE: ./src/utils/errors.ts
/**
 * Base class of every error the action raises on purpose. Anything else escaping the
 * pipeline is a bug, and main.ts reports it as such.
 */
class NbImageError extends Error {
    name = 'NbImageError';
}
/** The manifest (or a file it points at) is invalid; carries every issue found. */
class ManifestError extends NbImageError {
    name = 'ManifestError';
    issues;
    constructor(issues) {
        super(issues.map(formatIssue).join('\n'));
        this.issues = issues;
    }
}
/** The Docker engine or buildx is missing or not answering. */
class EngineError extends NbImageError {
    name = 'EngineError';
}
/** An action input or CLI flag has an invalid value. */
class InputError extends NbImageError {
    name = 'InputError';
}
/** Renders an issue as `file:line:column: field: message`, the form compilers use. */
function formatIssue(issue) {
    const where = `${issue.file}:${issue.line}:${issue.column}`;
    return issue.field ? `${where}: ${issue.field}: ${issue.message}` : `${where}: ${issue.message}`;
}
/** The message of any thrown value, without a stack trace. */
function errors_errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/**
 * Classifies a thrown value once for every shell: a ManifestError is its located issues
 * (the message counts them), any other NbImageError its message, anything else a bug.
 */
function describeFailure(error) {
    if (error instanceof ManifestError) {
        const count = error.issues.length;
        return {
            message: `${error.issues[0]?.file ?? 'manifest'}: ${count} problem${count === 1 ? '' : 's'} (see the errors above)`,
            issues: error.issues,
            unexpected: false
        };
    }
    if (error instanceof NbImageError)
        return { message: error.message, issues: [], unexpected: false };
    const failure = {
        message: `Unexpected error: ${errors_errorMessage(error)}`,
        issues: [],
        unexpected: true
    };
    if (error instanceof Error && error.stack)
        failure.stack = error.stack;
    return failure;
}

;// CONCATENATED MODULE: ./src/measure/layers.ts
/**
 * Parses `docker history` JSON lines (newest first, as the CLI prints them) into rows,
 * oldest first, the order of `RootFS.Layers`.
 */
function parseHistory(output) {
    const rows = [];
    for (const line of output.split('\n')) {
        if (line.trim() === '')
            continue;
        const row = JSON.parse(line);
        const size = Number(row.Size ?? 0);
        if (!Number.isSafeInteger(size) || size < 0)
            throw new Error(`unexpected layer size ${String(row.Size)} in docker history`);
        rows.push({ sizeBytes: size, createdBy: cleanInstruction(row.CreatedBy ?? '') });
    }
    return rows.reverse();
}
/** `RUN /bin/sh -c pip install x # buildkit` → `RUN /bin/sh -c pip install x`. */
function cleanInstruction(createdBy) {
    return createdBy
        .replace(/\s+# buildkit$/, '')
        .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
        .trim();
}
const LAYER_INSTRUCTION = /^(RUN|COPY|ADD|\/bin\/sh -c (?!#\(nop\)))/;
/**
 * Pairs history rows with the image's diff IDs. History also lists metadata-only steps
 * (ENV, LABEL…) that made no layer; rows with bytes are layers, and when the counts still
 * differ the instructions that create layers decide. If nothing matches the layers are
 * returned without diff IDs, and deduplication treats them as unique to the image.
 */
function matchLayers(history, diffIds) {
    const withBytes = history.filter((row) => row.sizeBytes > 0);
    if (withBytes.length === diffIds.length)
        return zip(withBytes, diffIds);
    const byInstruction = history.filter((row) => row.sizeBytes > 0 || row.createdBy === '' || LAYER_INSTRUCTION.test(row.createdBy));
    if (byInstruction.length === diffIds.length)
        return zip(byInstruction, diffIds);
    return withBytes.map((row) => ({ sizeBytes: row.sizeBytes, createdBy: row.createdBy }));
}
function zip(rows, diffIds) {
    return rows.map((row, index) => ({
        diffId: diffIds[index],
        sizeBytes: row.sizeBytes,
        createdBy: row.createdBy
    }));
}
/**
 * Bytes the images occupy together, counting each shared layer once. A layer is shared
 * only when its whole chain of parents is (the snapshotter's chain ID), so the key of
 * layer n is the sequence of diff IDs 0..n.
 */
function uniqueBytes(images) {
    const seen = new Set();
    let total = 0;
    for (const image of images) {
        let chain = '';
        image.layers.forEach((layer, index) => {
            chain = layer.diffId && (index === 0 || chain !== '') ? `${chain}|${layer.diffId}` : '';
            const key = chain !== '' ? chain : `${image.name}#${index}`;
            if (!seen.has(key)) {
                seen.add(key);
                total += layer.sizeBytes;
            }
        });
    }
    return total;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/image/oci.ts

// OCI image indexes and manifests (and their Docker v2 equivalents), as registries serve
// them and as `docker save` writes them: enough to find an image's platform manifest and
// add up what a pull downloads.
/** Media types of image indexes (multi-platform lists). */
const INDEX_MEDIA_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json'
];
/** Media types of single-platform image manifests. */
const MANIFEST_MEDIA_TYPES = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
];
/** The Accept header for manifest requests: every index and manifest type we read. */
const MANIFEST_ACCEPT = [...INDEX_MEDIA_TYPES, ...MANIFEST_MEDIA_TYPES].join(', ');
/** A malformed or unexpected manifest document. */
class ManifestFormatError extends Error {
    name = 'ManifestFormatError';
}
/** Digest (`sha256:…`) of a blob's bytes. */
function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex')}`;
}
/**
 * Parses an index or manifest document. The media type comes from the document, else from
 * the transport (Content-Type, or the descriptor that pointed at it).
 */
function parseManifestDocument(bytes, declaredType) {
    let doc;
    try {
        doc = JSON.parse(new TextDecoder().decode(bytes));
    }
    catch {
        throw new ManifestFormatError('the manifest is not JSON');
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new ManifestFormatError('the manifest is not a JSON object');
    }
    const record = doc;
    const mediaType = typeof record['mediaType'] === 'string'
        ? record['mediaType']
        : (declaredType?.split(';')[0]?.trim() ?? '');
    const isIndex = INDEX_MEDIA_TYPES.includes(mediaType) ||
        (mediaType === '' && Array.isArray(record['manifests']));
    if (isIndex) {
        return { kind: 'index', mediaType, manifests: descriptors(record['manifests'], 'manifests') };
    }
    const isManifest = MANIFEST_MEDIA_TYPES.includes(mediaType) ||
        (mediaType === '' && Array.isArray(record['layers']));
    if (isManifest) {
        return {
            kind: 'manifest',
            mediaType,
            config: descriptor(record['config'], 'config'),
            layers: descriptors(record['layers'], 'layers')
        };
    }
    throw new ManifestFormatError(`unsupported manifest media type "${mediaType || '(none)'}" (schema 1 manifests are not supported)`);
}
function descriptors(value, field) {
    if (!Array.isArray(value))
        throw new ManifestFormatError(`"${field}" is not a list`);
    return value.map((item, index) => descriptor(item, `${field}[${index}]`));
}
function descriptor(value, field) {
    if (value === null || typeof value !== 'object') {
        throw new ManifestFormatError(`"${field}" is not a descriptor`);
    }
    const record = value;
    const { mediaType, digest, size } = record;
    if (typeof digest !== 'string' ||
        !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/.test(digest))
        throw new ManifestFormatError(`"${field}.digest" is not a digest`);
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        throw new ManifestFormatError(`"${field}.size" is not a size`);
    const result = {
        mediaType: typeof mediaType === 'string' ? mediaType : '',
        digest,
        size
    };
    const platform = record['platform'];
    if (platform &&
        typeof platform['os'] === 'string' &&
        typeof platform['architecture'] === 'string') {
        result.platform = { os: platform['os'], architecture: platform['architecture'] };
        if (typeof platform['variant'] === 'string')
            result.platform.variant = platform['variant'];
    }
    const annotations = record['annotations'];
    if (annotations && typeof annotations === 'object' && !Array.isArray(annotations)) {
        result.annotations = Object.fromEntries(Object.entries(annotations).filter((entry) => typeof entry[1] === 'string'));
    }
    return result;
}
/**
 * Whether an index entry is an attestation (provenance/SBOM) rather than an image:
 * buildx marks them with `vnd.docker.reference.type: attestation-manifest` and the
 * platform unknown/unknown (as actions-toolkit's imagetools also skips them).
 */
function isAttestation(entry) {
    return (entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
        (entry.platform?.os === 'unknown' && entry.platform.architecture === 'unknown'));
}
/**
 * The image manifest of an index for a platform: attestations are skipped; with one image
 * left it is taken, else the one matching the platform (a missing variant matches any).
 */
function pickPlatformManifest(index, platform) {
    const images = index.manifests.filter((entry) => !isAttestation(entry) &&
        (entry.mediaType === '' ||
            MANIFEST_MEDIA_TYPES.includes(entry.mediaType)));
    if (images.length === 0)
        throw new ManifestFormatError('the index lists no image manifest');
    if (images.length === 1 || !platform) {
        if (images.length > 1 && !platform) {
            throw new ManifestFormatError(`the index lists ${images.length} platforms and no platform was asked for`);
        }
        return images[0];
    }
    const match = images.find((entry) => entry.platform?.os === platform.os &&
        entry.platform.architecture === platform.architecture &&
        (platform.variant === undefined ||
            entry.platform.variant === undefined ||
            entry.platform.variant === platform.variant));
    if (!match) {
        const listed = images.map((entry) => formatPlatform(entry.platform)).join(', ');
        throw new ManifestFormatError(`the index has no manifest for ${formatPlatform(platform)} (it lists ${listed})`);
    }
    return match;
}
/** `linux/arm64/v8`, or `unknown` without a platform. */
function formatPlatform(platform) {
    if (!platform)
        return 'unknown';
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
/** What a pull of one platform's image downloads: the config blob plus every layer blob. */
function compressedSize(manifest) {
    return manifest.config.size + manifest.layers.reduce((sum, layer) => sum + layer.size, 0);
}
/**
 * Resolves a document to its platform manifest, reading child documents through `fetch`
 * (the registry, or the blobs of a `docker save` archive). Child digests are verified.
 */
async function resolveImage(top, fetch, platform) {
    const document = parseManifestDocument(top.bytes, top.mediaType);
    let manifest;
    let platformDigest = top.digest;
    let chosen = platform;
    if (document.kind === 'index') {
        const entry = pickPlatformManifest(document, platform);
        const bytes = await fetch(entry);
        const actual = sha256Digest(bytes);
        if (actual !== entry.digest) {
            throw new ManifestFormatError(`manifest ${entry.digest} has the wrong content (its digest is ${actual})`);
        }
        const child = parseManifestDocument(bytes, entry.mediaType);
        if (child.kind !== 'manifest') {
            throw new ManifestFormatError(`${entry.digest} is a nested index, which is not supported`);
        }
        manifest = child;
        platformDigest = entry.digest;
        chosen = entry.platform ?? platform;
    }
    else {
        manifest = document;
    }
    const resolved = {
        digest: top.digest,
        mediaType: document.mediaType,
        platformDigest,
        compressedBytes: compressedSize(manifest),
        configBytes: manifest.config.size,
        layerBytes: manifest.layers.map((layer) => layer.size)
    };
    if (chosen)
        resolved.platform = chosen;
    return resolved;
}
/** Largest blob `docker save` output is searched for documents in (the OCI manifest limit). */
const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
/**
 * Resolves the image `ref` inside a `docker save` archive (an OCI image layout, as engines
 * with the containerd image store write it) to its platform manifest, and checks that every
 * layer blob the manifest names is in the archive with the size the manifest states, so
 * the figure is what a push uploads and a pull downloads.
 */
async function resolveArchiveImage(files, ref, platform) {
    const byName = new Map(files.map((file) => [file.name, file]));
    const index = byName.get('index.json')?.content;
    if (!index) {
        throw new ManifestFormatError('the docker save output has no index.json: the engine does not use the containerd image store');
    }
    const layout = parseManifestDocument(index, INDEX_MEDIA_TYPES[0]);
    if (layout.kind !== 'index')
        throw new ManifestFormatError('index.json is not an index');
    const named = layout.manifests.filter((entry) => entry.annotations?.['io.containerd.image.name'] === ref);
    const top = named[0] ?? (layout.manifests.length === 1 ? layout.manifests[0] : undefined);
    if (!top)
        throw new ManifestFormatError(`index.json does not list ${ref}`);
    const blob = (digest) => byName.get(`blobs/${digest.replace(':', '/')}`);
    const read = async (descriptor) => {
        const content = blob(descriptor.digest)?.content;
        if (!content)
            throw new ManifestFormatError(`${descriptor.digest} is missing from the archive`);
        return content;
    };
    const topBytes = await read(top);
    if (sha256Digest(topBytes) !== top.digest) {
        throw new ManifestFormatError(`${top.digest} has the wrong content in the archive`);
    }
    const resolved = await resolveImage({ digest: top.digest, bytes: topBytes, mediaType: top.mediaType }, read, platform);
    const manifest = parseManifestDocument(await read({ mediaType: '', digest: resolved.platformDigest, size: 0 }));
    if (manifest.kind !== 'manifest')
        throw new ManifestFormatError('not an image manifest');
    for (const descriptor of [manifest.config, ...manifest.layers]) {
        const file = blob(descriptor.digest);
        if (!file) {
            throw new ManifestFormatError(`blob ${descriptor.digest} is not in the archive: the image's packed content is not all local`);
        }
        if (file.size !== descriptor.size) {
            throw new ManifestFormatError(`blob ${descriptor.digest} is ${file.size} bytes in the archive, but the manifest says ${descriptor.size}`);
        }
    }
    return resolved;
}

;// CONCATENATED MODULE: ./src/build/progress.ts
// `docker buildx build --progress=rawjson` writes BuildKit's solve status as a stream of
// (pretty-printed) JSON objects on stderr, followed by plain text when the build fails.
// These pure helpers split that stream, render it like `--progress=plain` for the log,
// and keep what the report needs: step timings, cache hits and the tail of a failed log.
/** Splits a stream of concatenated JSON objects and text lines, chunk by chunk. */
class JsonStreamSplitter {
    buffer = '';
    /** Feeds a chunk; returns every item completed by it. */
    push(chunk) {
        this.buffer += chunk;
        const buffer = this.buffer;
        const items = [];
        let position = 0;
        for (;;) {
            while (buffer[position] === '\n' || buffer[position] === '\r')
                position++;
            if (position >= buffer.length)
                break;
            const newline = buffer.indexOf('\n', position);
            const lineEnd = newline === -1 ? buffer.length : newline;
            let first = position;
            while (first < lineEnd && (buffer[first] === ' ' || buffer[first] === '\t'))
                first++;
            if (first < lineEnd && buffer[first] === '{') {
                const end = objectEnd(buffer, first);
                // An unterminated "{" line cannot hold the stream hostage: past the cap it is text.
                if (end === -1 && (buffer.length - first < MAX_OBJECT_CHARS || newline === -1))
                    break;
                if (end !== -1) {
                    const text = buffer.slice(first, end);
                    try {
                        items.push({ json: JSON.parse(text) });
                    }
                    catch {
                        items.push(...text.split('\n').map((line) => ({ text: line.replace(/\r$/, '') })));
                    }
                    position = end;
                    continue;
                }
            }
            if (newline === -1)
                break;
            if (first === lineEnd) {
                position = newline + 1; // a blank line
                continue;
            }
            // Text keeps its indentation: buildx indents the Dockerfile excerpt of an error.
            items.push({ text: buffer.slice(position, newline).replace(/\r$/, '') });
            position = newline + 1;
        }
        this.buffer = buffer.slice(position);
        return items;
    }
    /** Flushes whatever is left as text lines. */
    end() {
        const rest = this.buffer.replace(/\s+$/, '');
        this.buffer = '';
        return rest.trim() ? rest.split('\n').map((line) => ({ text: line.replace(/\r$/, '') })) : [];
    }
}
/** Longest JSON object awaited before an opening brace is taken for plain text. */
const MAX_OBJECT_CHARS = 4 * 1024 * 1024;
/** Index just past the object starting at `start`, or -1 while it is incomplete. */
function objectEnd(text, start) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
        }
        else if (c === '"')
            inString = true;
        else if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return i + 1;
    }
    return -1;
}
/** Tracks one build's progress stream. */
class BuildProgress {
    vertices = new Map();
    lines = [];
    /** The last lines of each vertex, and of text that belongs to none, for per-target tails. */
    vertexLines = new Map();
    looseLines = [];
    maxLines;
    onStepDone;
    counter = 0;
    seq = 0;
    /**
     * `maxLines` bounds the tails kept; `onStepDone` is called once for each vertex, when it
     * first completes (so a caller can act on an image as soon as its export is done).
     */
    constructor(options = {}) {
        this.maxLines = options.maxLines ?? 200;
        this.onStepDone = options.onStepDone;
    }
    /** Consumes one stream item; returns the log lines it produces. */
    consume(item) {
        const out = 'text' in item
            ? item.text === ''
                ? []
                : [[item.text, undefined]]
            : this.consumeStatus(item.json);
        for (const [line, vertex] of out) {
            this.lines.push(line);
            if (this.lines.length > this.maxLines)
                this.lines.shift();
            let own = this.looseLines;
            if (vertex !== undefined) {
                own = this.vertexLines.get(vertex) ?? [];
                this.vertexLines.set(vertex, own);
            }
            own.push({ seq: ++this.seq, text: line });
            if (own.length > this.maxLines)
                own.shift();
        }
        return out.map(([line]) => line);
    }
    consumeStatus(json) {
        if (!json || typeof json !== 'object')
            return [];
        const status = json;
        const out = [];
        for (const vertex of status.vertexes ?? []) {
            if (!vertex.digest)
                continue;
            let step = this.vertices.get(vertex.digest);
            if (!step) {
                step = {
                    digest: vertex.digest,
                    name: vertex.name ?? vertex.digest,
                    index: ++this.counter,
                    inputs: [],
                    names: [],
                    cached: false
                };
                this.vertices.set(vertex.digest, step);
                out.push([`#${step.index} ${step.name}`, step.digest]);
            }
            if (vertex.name && !step.names.includes(vertex.name))
                step.names.push(vertex.name);
            if (vertex.inputs && vertex.inputs.length > 0)
                step.inputs = [...vertex.inputs];
            const wasDone = step.completedMs !== undefined;
            if (vertex.started)
                step.startedMs ??= Date.parse(vertex.started);
            if (vertex.cached)
                step.cached = true;
            if (vertex.completed)
                step.completedMs = Date.parse(vertex.completed);
            if (vertex.error)
                step.error = vertex.error;
            if (!wasDone && step.completedMs !== undefined) {
                const done = step.error
                    ? `ERROR: ${step.error}`
                    : step.cached
                        ? 'CACHED'
                        : `DONE ${seconds((step.completedMs ?? 0) - (step.startedMs ?? step.completedMs ?? 0))}`;
                out.push([`#${step.index} ${done}`, step.digest]);
                this.onStepDone?.(step);
            }
        }
        for (const log of status.logs ?? []) {
            const step = log.vertex ? this.vertices.get(log.vertex) : undefined;
            const text = Buffer.from(log.data ?? '', 'base64').toString('utf8');
            const prefix = step ? `#${step.index} ` : '';
            for (const line of text.split('\n'))
                if (line.trim() !== '')
                    out.push([`${prefix}${line.replace(/\r$/, '')}`, step?.digest]);
        }
        for (const statusLine of status.statuses ?? []) {
            if (!statusLine.completed || !statusLine.id)
                continue;
            const step = statusLine.vertex ? this.vertices.get(statusLine.vertex) : undefined;
            out.push([`${step ? `#${step.index} ` : ''}${statusLine.id} done`, step?.digest]);
        }
        for (const warning of status.warnings ?? []) {
            if (warning.short)
                out.push([`WARNING: ${Buffer.from(warning.short, 'base64').toString('utf8')}`, undefined]);
        }
        return out;
    }
    /** Every vertex seen, in order of first appearance. */
    steps() {
        return [...this.vertices.values()];
    }
    /** Dockerfile steps only (`[stage n/m] …`), without BuildKit's internal operations. */
    dockerfileSteps() {
        return this.steps().filter((step) => isDockerfileStep(step.name));
    }
    /** The first error a vertex reported. */
    firstError() {
        return this.steps().find((step) => step.error)?.error;
    }
    /** The last `count` log lines. */
    tail(count) {
        return this.lines.slice(-count);
    }
    /**
     * The last `count` lines of these vertices, with the text that belongs to no vertex (the
     * error summary buildx prints at the end), in stream order: one target's part of a log
     * that several targets wrote at once.
     */
    tailOf(digests, count) {
        const picked = [...this.looseLines];
        for (const digest of digests)
            picked.push(...(this.vertexLines.get(digest) ?? []));
        return picked
            .sort((a, b) => a.seq - b.seq)
            .slice(-count)
            .map((line) => line.text);
    }
}
/**
 * Whether a vertex name is a Dockerfile step: `[stage n/m] …`, `[n/m] …` for a single-stage
 * file, and `[target stage n/m] …` when bake prefixes it with its target.
 */
function isDockerfileStep(name) {
    return /^\[(?:[^\]]* )?\d+\/\d+\]/.test(name);
}
function seconds(ms) {
    return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}

;// CONCATENATED MODULE: ./src/image/archive.ts
/** Output that cannot be read as a tar archive. */
class ArchiveFormatError extends Error {
    name = 'ArchiveFormatError';
}
/** Starts reading a tar archive, keeping the content of the files `keep` asks for. */
async function readArchive(keep) {
    const { extract } = await __nccwpck_require__.e(/* import() */ 118).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6118, 19));
    const extractor = extract();
    const files = [];
    let failure;
    const finished = new Promise((resolve) => {
        extractor.on('finish', () => resolve());
        extractor.on('error', (error) => {
            failure ??= error;
            resolve();
        });
    });
    extractor.on('entry', (header, stream, next) => {
        const file = { name: header.name, size: header.size ?? 0 };
        if (header.type !== 'directory')
            files.push(file);
        if (header.type === 'directory' || !keep(file.name, file.size)) {
            stream.on('end', () => next());
            stream.resume();
            return;
        }
        const parts = [];
        stream.on('data', (chunk) => parts.push(chunk));
        stream.on('end', () => {
            file.content = concat(parts);
            next();
        });
    });
    return {
        sink: extractor,
        async end() {
            extractor.end(undefined); // (streamx's types want an argument; undefined writes nothing)
            await finished;
            if (failure)
                throw new ArchiveFormatError(`not a readable tar archive: ${failure.message}`);
            return files;
        }
    };
}
function concat(parts) {
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
        out.set(part, offset);
        offset += part.length;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/adapters/docker.ts





/** Where setup-buildx-action lives, for the error when buildx is missing. */
const SETUP_BUILDX_URL = 'https://github.com/docker/setup-buildx-action';
/** DockerClient backed by the `docker` CLI. */
class DockerCli {
    run;
    docker;
    env;
    constructor(run, docker = 'docker', env = process.env) {
        this.run = run;
        this.docker = docker;
        this.env = env;
    }
    async engineInfo() {
        // Three independent questions; asked at once, they cost the time of the slowest.
        const [version, buildx, info] = await Promise.all([
            this.run(this.docker, ['version', '--format', '{{json .Server}}'], { env: this.env }),
            this.run(this.docker, ['buildx', 'version'], { env: this.env }),
            this.run(this.docker, ['info', '--format', '{{json .DriverStatus}}'], { env: this.env })
        ]);
        if (version.exitCode === 127) {
            throw new EngineError('The docker CLI was not found on PATH. Install Docker on the runner before this step.');
        }
        if (version.exitCode !== 0 ||
            version.stdout.trim() === '' ||
            version.stdout.trim() === 'null') {
            const where = this.env['DOCKER_HOST'] ?? 'the default socket (unix:///var/run/docker.sock)';
            throw new EngineError(`The Docker engine at ${where} does not answer: ${lastLine(version.stderr) || 'no server version'}. Start the engine or set DOCKER_HOST.`);
        }
        const server = JSON.parse(version.stdout);
        if (buildx.exitCode !== 0) {
            throw new EngineError(`docker buildx is not available (${lastLine(buildx.stderr) || `exit code ${buildx.exitCode}`}). Add docker/setup-buildx-action (${SETUP_BUILDX_URL}) before this step, or install the docker-buildx plugin.`);
        }
        return {
            serverVersion: server.Version ?? 'unknown',
            buildxVersion: buildx.stdout.trim().split(/\s+/)[1] ?? buildx.stdout.trim(),
            imageStore: imageStore(info.stdout)
        };
    }
    async build(args, onLine, progress = new BuildProgress()) {
        // One splitter per stream: chunks of stdout and stderr may interleave mid-object.
        const splitters = { stdout: new JsonStreamSplitter(), stderr: new JsonStreamSplitter() };
        const feed = (items) => {
            for (const item of items)
                for (const line of progress.consume(item))
                    onLine(line);
        };
        // buildx writes progress on stderr; stdout only carries `--print`-style output.
        const result = await this.run(this.docker, args, {
            env: this.env,
            collect: false,
            onStderr: (chunk) => feed(splitters.stderr.push(chunk)),
            onStdout: (chunk) => feed(splitters.stdout.push(chunk))
        });
        feed(splitters.stderr.end());
        feed(splitters.stdout.end());
        return { exitCode: result.exitCode, progress };
    }
    async inspectImage(ref) {
        // Both at once: a missing image fails both, and inspect's error is the one reported.
        const [inspect, history] = await Promise.all([
            this.run(this.docker, ['image', 'inspect', '--format', '{{json .}}', ref], {
                env: this.env
            }),
            this.run(this.docker, ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', ref], { env: this.env })
        ]);
        if (inspect.exitCode !== 0)
            throw new Error(`docker image inspect ${ref} failed: ${lastLine(inspect.stderr)}`);
        const image = JSON.parse(inspect.stdout);
        if (history.exitCode !== 0) {
            const said = lastLine(history.stderr);
            // Seen on Docker 26 with the containerd image store after rebuilding a tag over an
            // image with the same layers: the engine lost their unpacked snapshots.
            const hint = /snapshot \S+ does not exist/.test(said)
                ? ' (the engine lost the unpacked layers of this image, a containerd image store problem like moby/moby#50851: remove the image and build again)'
                : '';
            throw new Error(`docker history ${ref} failed: ${said}${hint}`);
        }
        const details = {
            id: image.Id,
            inspectSizeBytes: image.Size,
            diffIds: image.RootFS?.Layers ?? [],
            history: parseHistory(history.stdout)
        };
        if (image.Os && image.Architecture) {
            details.platform = { os: image.Os, architecture: image.Architecture };
            if (image.Variant)
                details.platform.variant = image.Variant;
        }
        return details;
    }
    async tag(source, target) {
        const result = await this.run(this.docker, ['tag', source, target], { env: this.env });
        if (result.exitCode !== 0) {
            throw new Error(`docker tag ${source} ${target} failed: ${lastLine(result.stderr)}`);
        }
    }
    async push(ref, onLine) {
        const lines = new LineSplitter(onLine);
        const result = await this.run(this.docker, ['push', ref], {
            env: this.env,
            onStdout: (chunk) => lines.push(chunk),
            onStderr: (chunk) => lines.push(chunk)
        });
        lines.end();
        const digest = /digest: (sha256:[a-f0-9]{64}) size: \d+/.exec(result.stdout)?.[1];
        const pushed = {
            exitCode: result.exitCode,
            error: result.exitCode === 0 ? '' : lastLine(result.stderr) || lastLine(result.stdout)
        };
        if (digest)
            pushed.digest = digest;
        return pushed;
    }
    async packedImage(ref, platform) {
        // Only JSON documents (index, manifests, config) are kept; layers stream through.
        const archive = await readArchive((name, size) => (name === 'index.json' || name.startsWith('blobs/')) && size <= MAX_DOCUMENT_BYTES);
        const result = await this.run(this.docker, ['image', 'save', ref], {
            env: this.env,
            stdoutTo: archive.sink
        });
        if (result.exitCode !== 0) {
            throw new Error(`docker image save ${ref} failed: ${lastLine(result.stderr)}`);
        }
        // Layer blobs that were not kept still count: their sizes are checked against the manifest.
        return resolveArchiveImage(await archive.end(), ref, platform);
    }
}
/** Splits streamed output into lines for the log. */
class LineSplitter {
    onLine;
    rest = '';
    constructor(onLine) {
        this.onLine = onLine;
    }
    push(chunk) {
        const lines = (this.rest + chunk).split(/\r?\n/);
        this.rest = lines.pop() ?? '';
        for (const line of lines)
            if (line.trim() !== '')
                this.onLine(line);
    }
    end() {
        if (this.rest.trim() !== '')
            this.onLine(this.rest);
        this.rest = '';
    }
}
function imageStore(driverStatusJson) {
    try {
        const status = JSON.parse(driverStatusJson);
        const type = status?.find(([key]) => key === 'driver-type')?.[1];
        if (type === 'io.containerd.snapshotter.v1')
            return 'containerd';
    }
    catch {
        // Older engines print nothing useful here; fall through.
    }
    return 'graphdriver';
}
function lastLine(text) {
    return (text
        .trim()
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .pop() ?? '');
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/adapters/fs.ts



/** FileSystem backed by node:fs. */
const nodeFileSystem = {
    readFile: (file) => (0,promises_namespaceObject.readFile)(file),
    async writeFileAtomic(file, content) {
        await (0,promises_namespaceObject.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
        try {
            await (0,promises_namespaceObject.writeFile)(temporary, content, { mode: 0o644 });
            await (0,promises_namespaceObject.rename)(temporary, file);
        }
        catch (error) {
            await (0,promises_namespaceObject.rm)(temporary, { force: true });
            throw error;
        }
    },
    realpath: (file) => (0,promises_namespaceObject.realpath)(file),
    async isFile(file) {
        try {
            return (await (0,promises_namespaceObject.stat)(file)).isFile();
        }
        catch {
            return false;
        }
    },
    async makeTempDir(parent) {
        const base = parent ?? external_node_os_default().tmpdir();
        await (0,promises_namespaceObject.mkdir)(base, { recursive: true });
        return (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(base, 'nb-image-'));
    },
    remove: (file) => (0,promises_namespaceObject.rm)(file, { recursive: true, force: true })
};

// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
var external_fs_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_fs_, 2);
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "url"
const external_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");
;// CONCATENATED MODULE: external "module"
const external_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");
;// CONCATENATED MODULE: ./node_modules/fdir/dist/index.mjs




//#region rolldown:runtime
var __require = /* @__PURE__ */ (0,external_module_namespaceObject.createRequire)(import.meta.url);

//#endregion
//#region src/utils.ts
function cleanPath(path) {
	let normalized = (0,external_path_namespaceObject.normalize)(path);
	if (normalized.length > 1 && normalized[normalized.length - 1] === external_path_namespaceObject.sep) normalized = normalized.substring(0, normalized.length - 1);
	return normalized;
}
const SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
	return path.replace(SLASHES_REGEX, separator);
}
const WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
	return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
	const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
	const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
	if (resolvePaths) path = (0,external_path_namespaceObject.resolve)(path);
	if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
	if (path === ".") return "";
	const needsSeperator = path[path.length - 1] !== pathSeparator;
	return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}

//#endregion
//#region src/api/functions/join-path.ts
function joinPathWithBasePath(filename, directoryPath) {
	return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
	return function(filename, directoryPath) {
		const sameRoot = directoryPath.startsWith(root);
		if (sameRoot) return directoryPath.slice(root.length) + filename;
		else return convertSlashes((0,external_path_namespaceObject.relative)(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
	};
}
function joinPath(filename) {
	return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
	return directoryPath + filename + separator;
}
function build$7(root, options) {
	const { relativePaths, includeBasePath } = options;
	return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}

//#endregion
//#region src/api/functions/push-directory.ts
function pushDirectoryWithRelativePath(root) {
	return function(directoryPath, paths) {
		paths.push(directoryPath.substring(root.length) || ".");
	};
}
function pushDirectoryFilterWithRelativePath(root) {
	return function(directoryPath, paths, filters) {
		const relativePath = directoryPath.substring(root.length) || ".";
		if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
	};
}
const pushDirectory = (directoryPath, paths) => {
	paths.push(directoryPath || ".");
};
const pushDirectoryFilter = (directoryPath, paths, filters) => {
	const path = directoryPath || ".";
	if (filters.every((filter) => filter(path, true))) paths.push(path);
};
const empty$2 = () => {};
function build$6(root, options) {
	const { includeDirs, filters, relativePaths } = options;
	if (!includeDirs) return empty$2;
	if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
	return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}

//#endregion
//#region src/api/functions/push-file.ts
const pushFileFilterAndCount = (filename, _paths, counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) counts.files++;
};
const pushFileFilter = (filename, paths, _counts, filters) => {
	if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
const pushFileCount = (_filename, _paths, counts, _filters) => {
	counts.files++;
};
const pushFile = (filename, paths) => {
	paths.push(filename);
};
const empty$1 = () => {};
function build$5(options) {
	const { excludeFiles, filters, onlyCounts } = options;
	if (excludeFiles) return empty$1;
	if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
	else if (onlyCounts) return pushFileCount;
	else return pushFile;
}

//#endregion
//#region src/api/functions/get-array.ts
const getArray = (paths) => {
	return paths;
};
const getArrayGroup = () => {
	return [""].slice(0, 0);
};
function build$4(options) {
	return options.group ? getArrayGroup : getArray;
}

//#endregion
//#region src/api/functions/group-files.ts
const groupFiles = (groups, directory, files) => {
	groups.push({
		directory,
		files,
		dir: directory
	});
};
const empty = () => {};
function build$3(options) {
	return options.group ? groupFiles : empty;
}

//#endregion
//#region src/api/functions/resolve-symlink.ts
const resolveSymlinksAsync = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	fs.realpath(path, (error, resolvedPath) => {
		if (error) return queue.dequeue(suppressErrors ? null : error, state);
		fs.stat(resolvedPath, (error$1, stat) => {
			if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
			if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
			callback$1(stat, resolvedPath);
			queue.dequeue(null, state);
		});
	});
};
const resolveSymlinks = function(path, state, callback$1) {
	const { queue, fs, options: { suppressErrors } } = state;
	queue.enqueue();
	try {
		const resolvedPath = fs.realpathSync(path);
		const stat = fs.statSync(resolvedPath);
		if (stat.isDirectory() && isRecursive(path, resolvedPath, state)) return;
		callback$1(stat, resolvedPath);
	} catch (e) {
		if (!suppressErrors) throw e;
	}
};
function build$2(options, isSynchronous) {
	if (!options.resolveSymlinks || options.excludeSymlinks) return null;
	return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
	if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
	let parent = (0,external_path_namespaceObject.dirname)(path);
	let depth = 1;
	while (parent !== state.root && depth < 2) {
		const resolvedPath = state.symlinks.get(parent);
		const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
		if (isSameRoot) depth++;
		else parent = (0,external_path_namespaceObject.dirname)(parent);
	}
	state.symlinks.set(path, resolved);
	return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
	return state.visited.includes(resolved + state.options.pathSeparator);
}

//#endregion
//#region src/api/functions/invoke-callback.ts
const onlyCountsSync = (state) => {
	return state.counts;
};
const groupsSync = (state) => {
	return state.groups;
};
const defaultSync = (state) => {
	return state.paths;
};
const limitFilesSync = (state) => {
	return state.paths.slice(0, state.options.maxFiles);
};
const onlyCountsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.counts, state.options.suppressErrors);
	return null;
};
const defaultAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths, state.options.suppressErrors);
	return null;
};
const limitFilesAsync = (state, error, callback$1) => {
	report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
	return null;
};
const groupsAsync = (state, error, callback$1) => {
	report(error, callback$1, state.groups, state.options.suppressErrors);
	return null;
};
function report(error, callback$1, output, suppressErrors) {
	if (error && !suppressErrors) callback$1(error, output);
	else callback$1(null, output);
}
function build$1(options, isSynchronous) {
	const { onlyCounts, group, maxFiles } = options;
	if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
	else if (group) return isSynchronous ? groupsSync : groupsAsync;
	else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
	else return isSynchronous ? defaultSync : defaultAsync;
}

//#endregion
//#region src/api/functions/walk-directory.ts
const readdirOpts = { withFileTypes: true };
const walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	state.queue.enqueue();
	if (currentDepth < 0) return state.queue.dequeue(null, state);
	const { fs } = state;
	state.visited.push(crawlPath);
	state.counts.directories++;
	fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
		callback$1(entries, directoryPath, currentDepth);
		state.queue.dequeue(state.options.suppressErrors ? null : error, state);
	});
};
const walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
	const { fs } = state;
	if (currentDepth < 0) return;
	state.visited.push(crawlPath);
	state.counts.directories++;
	let entries = [];
	try {
		entries = fs.readdirSync(crawlPath || ".", readdirOpts);
	} catch (e) {
		if (!state.options.suppressErrors) throw e;
	}
	callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
	return isSynchronous ? walkSync : walkAsync;
}

//#endregion
//#region src/api/queue.ts
/**
* This is a custom stateless queue to track concurrent async fs calls.
* It increments a counter whenever a call is queued and decrements it
* as soon as it completes. When the counter hits 0, it calls onQueueEmpty.
*/
var Queue = class {
	count = 0;
	constructor(onQueueEmpty) {
		this.onQueueEmpty = onQueueEmpty;
	}
	enqueue() {
		this.count++;
		return this.count;
	}
	dequeue(error, output) {
		if (this.onQueueEmpty && (--this.count <= 0 || error)) {
			this.onQueueEmpty(error, output);
			if (error) {
				output.controller.abort();
				this.onQueueEmpty = void 0;
			}
		}
	}
};

//#endregion
//#region src/api/counter.ts
var Counter = class {
	_files = 0;
	_directories = 0;
	set files(num) {
		this._files = num;
	}
	get files() {
		return this._files;
	}
	set directories(num) {
		this._directories = num;
	}
	get directories() {
		return this._directories;
	}
	/**
	* @deprecated use `directories` instead
	*/
	/* c8 ignore next 3 */
	get dirs() {
		return this._directories;
	}
};

//#endregion
//#region src/api/aborter.ts
/**
* AbortController is not supported on Node 14 so we use this until we can drop
* support for Node 14.
*/
var Aborter = class {
	aborted = false;
	abort() {
		this.aborted = true;
	}
};

//#endregion
//#region src/api/walker.ts
var Walker = class {
	root;
	isSynchronous;
	state;
	joinPath;
	pushDirectory;
	pushFile;
	getArray;
	groupFiles;
	resolveSymlink;
	walkDirectory;
	callbackInvoker;
	constructor(root, options, callback$1) {
		this.isSynchronous = !callback$1;
		this.callbackInvoker = build$1(options, this.isSynchronous);
		this.root = normalizePath(root, options);
		this.state = {
			root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
			paths: [""].slice(0, 0),
			groups: [],
			counts: new Counter(),
			options,
			queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
			symlinks: /* @__PURE__ */ new Map(),
			visited: [""].slice(0, 0),
			controller: new Aborter(),
			fs: options.fs || external_fs_namespaceObject
		};
		this.joinPath = build$7(this.root, options);
		this.pushDirectory = build$6(this.root, options);
		this.pushFile = build$5(options);
		this.getArray = build$4(options);
		this.groupFiles = build$3(options);
		this.resolveSymlink = build$2(options, this.isSynchronous);
		this.walkDirectory = build(this.isSynchronous);
	}
	start() {
		this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
		this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
		return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
	}
	walk = (entries, directoryPath, depth) => {
		const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
		if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
		const files = this.getArray(this.state.paths);
		for (let i = 0; i < entries.length; ++i) {
			const entry = entries[i];
			if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
				const filename = this.joinPath(entry.name, directoryPath);
				this.pushFile(filename, files, this.state.counts, filters);
			} else if (entry.isDirectory()) {
				let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
				if (exclude && exclude(entry.name, path)) continue;
				this.pushDirectory(path, paths, filters);
				this.walkDirectory(this.state, path, path, depth - 1, this.walk);
			} else if (this.resolveSymlink && entry.isSymbolicLink()) {
				let path = joinPathWithBasePath(entry.name, directoryPath);
				this.resolveSymlink(path, this.state, (stat, resolvedPath) => {
					if (stat.isDirectory()) {
						resolvedPath = normalizePath(resolvedPath, this.state.options);
						if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
						this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
					} else {
						resolvedPath = useRealPaths ? resolvedPath : path;
						const filename = (0,external_path_namespaceObject.basename)(resolvedPath);
						const directoryPath$1 = normalizePath((0,external_path_namespaceObject.dirname)(resolvedPath), this.state.options);
						resolvedPath = this.joinPath(filename, directoryPath$1);
						this.pushFile(resolvedPath, files, this.state.counts, filters);
					}
				});
			}
		}
		this.groupFiles(this.state.groups, directoryPath, files);
	};
};

//#endregion
//#region src/api/async.ts
function promise(root, options) {
	return new Promise((resolve$1, reject) => {
		callback(root, options, (err, output) => {
			if (err) return reject(err);
			resolve$1(output);
		});
	});
}
function callback(root, options, callback$1) {
	let walker = new Walker(root, options, callback$1);
	walker.start();
}

//#endregion
//#region src/api/sync.ts
function sync(root, options) {
	const walker = new Walker(root, options);
	return walker.start();
}

//#endregion
//#region src/builder/api-builder.ts
var APIBuilder = class {
	constructor(root, options) {
		this.root = root;
		this.options = options;
	}
	withPromise() {
		return promise(this.root, this.options);
	}
	withCallback(cb) {
		callback(this.root, this.options, cb);
	}
	sync() {
		return sync(this.root, this.options);
	}
};

//#endregion
//#region src/builder/index.ts
let pm = null;
/* c8 ignore next 6 */
try {
	__require.resolve("picomatch");
	pm = __require("picomatch");
} catch {}
var Builder = class {
	globCache = {};
	options = {
		maxDepth: Infinity,
		suppressErrors: true,
		pathSeparator: external_path_namespaceObject.sep,
		filters: []
	};
	globFunction;
	constructor(options) {
		this.options = {
			...this.options,
			...options
		};
		this.globFunction = this.options.globFunction;
	}
	group() {
		this.options.group = true;
		return this;
	}
	withPathSeparator(separator) {
		this.options.pathSeparator = separator;
		return this;
	}
	withBasePath() {
		this.options.includeBasePath = true;
		return this;
	}
	withRelativePaths() {
		this.options.relativePaths = true;
		return this;
	}
	withDirs() {
		this.options.includeDirs = true;
		return this;
	}
	withMaxDepth(depth) {
		this.options.maxDepth = depth;
		return this;
	}
	withMaxFiles(limit) {
		this.options.maxFiles = limit;
		return this;
	}
	withFullPaths() {
		this.options.resolvePaths = true;
		this.options.includeBasePath = true;
		return this;
	}
	withErrors() {
		this.options.suppressErrors = false;
		return this;
	}
	withSymlinks({ resolvePaths = true } = {}) {
		this.options.resolveSymlinks = true;
		this.options.useRealPaths = resolvePaths;
		return this.withFullPaths();
	}
	withAbortSignal(signal) {
		this.options.signal = signal;
		return this;
	}
	normalize() {
		this.options.normalizePath = true;
		return this;
	}
	filter(predicate) {
		this.options.filters.push(predicate);
		return this;
	}
	onlyDirs() {
		this.options.excludeFiles = true;
		this.options.includeDirs = true;
		return this;
	}
	exclude(predicate) {
		this.options.exclude = predicate;
		return this;
	}
	onlyCounts() {
		this.options.onlyCounts = true;
		return this;
	}
	crawl(root) {
		return new APIBuilder(root || ".", this.options);
	}
	withGlobFunction(fn) {
		this.globFunction = fn;
		return this;
	}
	/**
	* @deprecated Pass options using the constructor instead:
	* ```ts
	* new fdir(options).crawl("/path/to/root");
	* ```
	* This method will be removed in v7.0
	*/
	/* c8 ignore next 4 */
	crawlWithOptions(root, options) {
		this.options = {
			...this.options,
			...options
		};
		return new APIBuilder(root || ".", this.options);
	}
	glob(...patterns) {
		if (this.globFunction) return this.globWithOptions(patterns);
		return this.globWithOptions(patterns, ...[{ dot: true }]);
	}
	globWithOptions(patterns, ...options) {
		const globFn = this.globFunction || pm;
		/* c8 ignore next 5 */
		if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
		var isMatch = this.globCache[patterns.join("\0")];
		if (!isMatch) {
			isMatch = globFn(patterns, ...options);
			this.globCache[patterns.join("\0")] = isMatch;
		}
		this.options.filters.push((path) => isMatch(path));
		return this;
	}
};

//#endregion

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
;// CONCATENATED MODULE: ./node_modules/tinyglobby/dist/index.mjs





//#region src/utils.ts
const isReadonlyArray = Array.isArray;
const BACKSLASHES = /\\/g;
const DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
const isWin = process.platform === "win32";
const ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
	const patternsCount = patterns.length;
	const patternsParts = Array(patternsCount);
	const matchers = Array(patternsCount);
	let i, j;
	for (i = 0; i < patternsCount; i++) {
		const parts = splitPattern(patterns[i]);
		patternsParts[i] = parts;
		const partsCount = parts.length;
		const partMatchers = Array(partsCount);
		for (j = 0; j < partsCount; j++) partMatchers[j] = picomatch(parts[j], options);
		matchers[i] = partMatchers;
	}
	return (input) => {
		const inputParts = input.split("/");
		if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
		for (i = 0; i < patternsCount; i++) {
			const patternParts = patternsParts[i];
			const matcher = matchers[i];
			const inputPatternCount = inputParts.length;
			const minParts = Math.min(inputPatternCount, patternParts.length);
			j = 0;
			while (j < minParts) {
				const part = patternParts[j];
				if (part.includes("/")) return true;
				if (!matcher[j](inputParts[j])) break;
				if (!options.noglobstar && part === "**") return true;
				j++;
			}
			if (j === inputPatternCount) return true;
		}
		return false;
	};
}
/* node:coverage ignore next 2 */
const WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
const isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
	if (cwd === root || root.startsWith(`${cwd}/`)) {
		if (absolute) {
			const start = cwd.length + +!isRoot(cwd);
			return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
		}
		const prefix = root.slice(cwd.length + 1);
		if (prefix) return (p, isDir) => {
			if (p === ".") return prefix;
			const result = `${prefix}/${p}`;
			return isDir ? result.slice(0, -1) : result;
		};
		return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
	}
	if (absolute) return (p) => external_path_namespaceObject.posix.relative(cwd, p) || ".";
	return (p) => external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
	if (root.startsWith(`${cwd}/`)) {
		const prefix = root.slice(cwd.length + 1);
		return (p) => `${prefix}/${p}`;
	}
	return (p) => {
		const result = external_path_namespaceObject.posix.relative(cwd, `${root}/${p}`);
		return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
	};
}
function ensureNonDriveRelativePath(path) {
	return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
const splitPatternOptions = { parts: true };
function splitPattern(path) {
	var _result$parts;
	const result = picomatch.scan(path, splitPatternOptions);
	return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
const ESCAPED_WIN32_BACKSLASHES = /\\(?![()[\]{}!+@])/g;
function convertPosixPathToPattern(path) {
	return escapePosixPath(path);
}
function convertWin32PathToPattern(path) {
	return escapeWin32Path(path).replace(ESCAPED_WIN32_BACKSLASHES, "/");
}
/**
* Converts a path to a pattern depending on the platform.
* Identical to {@link escapePath} on POSIX systems.
* @see {@link https://superchupu.dev/tinyglobby/documentation#convertPathToPattern}
*/
/* node:coverage ignore next 3 */
const convertPathToPattern = (/* unused pure expression or super */ null && (isWin ? convertWin32PathToPattern : convertPosixPathToPattern));
const POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
const WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
const escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
const escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
/**
* Escapes a path's special characters depending on the platform.
* @see {@link https://superchupu.dev/tinyglobby/documentation#escapePath}
*/
/* node:coverage ignore next */
const escapePath = isWin ? escapeWin32Path : escapePosixPath;
/**
* Checks if a pattern has dynamic parts.
*
* Has a few minor differences with [`fast-glob`](https://github.com/mrmlnc/fast-glob) for better accuracy:
*
* - Doesn't necessarily return `false` on patterns that include `\`.
* - Returns `true` if the pattern includes parentheses, regardless of them representing one single pattern or not.
* - Returns `true` for unfinished glob extensions i.e. `(h`, `+(h`.
* - Returns `true` for unfinished brace expansions as long as they include `,` or `..`.
*
* @see {@link https://superchupu.dev/tinyglobby/documentation#isDynamicPattern}
*/
function isDynamicPattern(pattern, options) {
	if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
	const scan = picomatch.scan(pattern);
	return scan.isGlob || scan.negated;
}
function log(...tasks) {
	console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
	return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
//#endregion
//#region src/patterns.ts
const PARENT_DIRECTORY = /^(\/?\.\.)+/;
const ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
	var _PARENT_DIRECTORY$exe;
	const cwd = opts.cwd;
	let result = pattern;
	if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
	if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
	const escapedCwd = escapePath(cwd);
	result = (0,external_path_namespaceObject.isAbsolute)(result.replace(ESCAPING_BACKSLASHES, "")) ? external_path_namespaceObject.posix.relative(escapedCwd, result) : external_path_namespaceObject.posix.normalize(result);
	const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
	const parts = splitPattern(result);
	if (parentDir) {
		const n = (parentDir.length + 1) / 3;
		let i = 0;
		const cwdParts = escapedCwd.split("/");
		while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
			result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
			i++;
		}
		const potentialRoot = external_path_namespaceObject.posix.join(cwd, parentDir.slice(i * 3));
		if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
			props.root = ensureNonDriveRelativePath(potentialRoot);
			props.depthOffset = -n + i;
		}
	}
	if (!isIgnore && props.depthOffset >= 0) {
		var _props$commonPath;
		(_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
		const newCommonPath = [];
		const length = Math.min(props.commonPath.length, parts.length);
		for (let i = 0; i < length; i++) {
			const part = parts[i];
			if (part === "**" && !parts[i + 1]) {
				newCommonPath.pop();
				break;
			}
			if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
			newCommonPath.push(part);
		}
		props.depthOffset = newCommonPath.length;
		props.commonPath = newCommonPath;
		props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? external_path_namespaceObject.posix.join(cwd, ...newCommonPath) : cwd);
	}
	return result;
}
function processPatterns(options, patterns, props) {
	const matchPatterns = [];
	const ignorePatterns = [];
	for (const pattern of options.ignore) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
	}
	for (const pattern of patterns) {
		if (!pattern) continue;
		if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
		else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
	}
	return {
		match: matchPatterns,
		ignore: ignorePatterns
	};
}
//#endregion
//#region src/crawler.ts
function buildCrawler(options, patterns) {
	const cwd = options.cwd;
	const props = {
		root: cwd,
		depthOffset: 0
	};
	const processed = processPatterns(options, patterns, props);
	if (options.debug) log("internal processing patterns:", processed);
	const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
	const root = props.root.replace(BACKSLASHES, "");
	const matchOptions = {
		dot,
		nobrace: options.braceExpansion === false,
		nocase: !caseSensitiveMatch,
		noextglob: options.extglob === false,
		noglobstar: options.globstar === false,
		posix: true
	};
	const matcher = picomatch(processed.match, matchOptions);
	const ignore = picomatch(processed.ignore, matchOptions);
	const partialMatcher = getPartialMatcher(processed.match, matchOptions);
	const format = buildFormat(cwd, root, absolute);
	const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
	const excludePredicate = (_, p) => {
		const relativePath = excludeFormatter(p, true);
		return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
	};
	let maxDepth;
	if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
	const crawler = new Builder({
		filters: [debug ? (p, isDirectory) => {
			const path = format(p, isDirectory);
			const matches = matcher(path) && !ignore(path);
			if (matches) log(`matched ${path}`);
			return matches;
		} : (p, isDirectory) => {
			const path = format(p, isDirectory);
			return matcher(path) && !ignore(path);
		}],
		exclude: debug ? (_, p) => {
			const skipped = excludePredicate(_, p);
			log(`${skipped ? "skipped" : "crawling"} ${p}`);
			return skipped;
		} : excludePredicate,
		fs: options.fs,
		pathSeparator: "/",
		relativePaths: !absolute,
		resolvePaths: absolute,
		includeBasePath: absolute,
		resolveSymlinks: followSymbolicLinks,
		excludeSymlinks: !followSymbolicLinks,
		excludeFiles: onlyDirectories,
		includeDirs: onlyDirectories || !options.onlyFiles,
		maxDepth,
		signal: options.signal
	}).crawl(root);
	if (options.debug) log("internal properties:", {
		...props,
		root
	});
	return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
//#endregion
//#region src/index.ts
function formatPaths(paths, mapper) {
	if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
	return paths;
}
const defaultOptions = {
	caseSensitiveMatch: true,
	debug: !!process.env.TINYGLOBBY_DEBUG,
	expandDirectories: true,
	followSymbolicLinks: true,
	onlyFiles: true
};
function getOptions(options) {
	const opts = Object.assign({}, options);
	for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
	opts.cwd = (opts.cwd instanceof URL ? (0,external_url_namespaceObject.fileURLToPath)(opts.cwd) : (0,external_path_namespaceObject.resolve)(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
	opts.ignore = ensureStringArray(opts.ignore);
	opts.fs && (opts.fs = {
		readdir: opts.fs.readdir || external_fs_.readdir,
		readdirSync: opts.fs.readdirSync || external_fs_.readdirSync,
		realpath: opts.fs.realpath || external_fs_.realpath,
		realpathSync: opts.fs.realpathSync || external_fs_.realpathSync,
		stat: opts.fs.stat || external_fs_.stat,
		statSync: opts.fs.statSync || external_fs_.statSync
	});
	if (opts.debug) log("globbing with options:", opts);
	return opts;
}
function getCrawler(globInput, inputOptions = {}) {
	var _ref;
	if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
	const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
	const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
	const options = getOptions(isModern ? inputOptions : globInput);
	return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(await crawler.withPromise(), relative) : [];
}
function globSync(globInput, options) {
	const [crawler, relative] = getCrawler(globInput, options);
	return crawler ? formatPaths(crawler.sync(), relative) : [];
}
//#endregion


;// CONCATENATED MODULE: ./src/adapters/glob.ts


/** GlobFn backed by tinyglobby: files only, dotfiles skipped, directories never expanded. */
const globFiles = async (patterns, cwd) => {
    const files = await glob(patterns, {
        cwd,
        absolute: true,
        onlyFiles: true,
        dot: false,
        // `notebooks/` must not silently mean `notebooks/**`: a glob says what it matches.
        expandDirectories: false
    });
    const matches = [];
    for (const file of files.sort())
        matches.push({ file, real: await (0,promises_namespaceObject.realpath)(file) });
    return matches;
};

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/adapters/process.ts

/** The real runner: `child_process.spawn` without a shell, resolving on exit. */
const runCommand = (command, args, options = {}) => new Promise((resolve) => {
    const collect = options.collect ?? true;
    let stdout = '';
    let stderr = '';
    const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        shell: false,
        stdio: ['pipe', 'pipe', 'pipe']
    });
    // Commands get `input` or an immediate end of file, never the action's own stdin; one
    // that exits without reading must not crash us with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    const sink = options.stdoutTo;
    if (sink) {
        let broken = false;
        sink.once('error', () => {
            broken = true;
            child.stdout.resume();
        });
        child.stdout.on('data', (chunk) => {
            if (broken || sink.write(chunk))
                return;
            child.stdout.pause();
            sink.once('drain', () => {
                if (!broken)
                    child.stdout.resume();
            });
        });
    }
    else {
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk) => {
            if (collect)
                stdout += chunk;
            options.onStdout?.(chunk);
        });
    }
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
        if (collect)
            stderr += chunk;
        options.onStderr?.(chunk);
    });
    // A missing program is an answer, not an exception: the caller explains it.
    child.on('error', (error) => {
        resolve({
            exitCode: error.code === 'ENOENT' ? 127 : 126,
            stdout,
            stderr: `${stderr}${error.message}\n`
        });
    });
    child.on('close', (code, signal) => {
        resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr });
    });
});

;// CONCATENATED MODULE: ./src/image/reference.ts
// Docker image references (distribution/reference grammar), in one place: the manifest's
// `image` and `baseImage`, the references tag templates make, and the registry client's
// addressing all use these rules.
// A repository: optional registry host (with port), then lowercase path components.
const REPOSITORY = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
/** Whether `name` is a valid image repository (no tag, no digest, at most 255 characters). */
function isValidRepository(name) {
    return name.length <= 255 && REPOSITORY.test(name);
}
/**
 * Where a repository lives. Like the docker CLI: the first component is a registry host
 * when it contains `.` or `:` or is `localhost`; otherwise the repository is on Docker Hub,
 * where single names live under `library/`.
 */
function locateRepository(repository) {
    const slash = repository.indexOf('/');
    const first = slash >= 0 ? repository.slice(0, slash) : '';
    if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
        const host = first === 'docker.io' || first === 'index.docker.io' ? '' : first;
        if (host !== '') {
            return { registry: host, path: repository.slice(slash + 1) };
        }
        return dockerHub(repository.slice(slash + 1));
    }
    return dockerHub(repository);
}
function dockerHub(path) {
    return {
        registry: 'registry-1.docker.io',
        path: path.includes('/') ? path : `library/${path}`
    };
}
/** Splits `repo:tag` (the tag is after the last `:` that follows the last `/`). */
function reference_splitTag(reference) {
    const colon = reference.lastIndexOf(':');
    if (colon <= reference.lastIndexOf('/'))
        return { repository: reference, tag: 'latest' };
    return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}
/** Whether a registry host is this machine, where registries speak plain HTTP. */
function isLoopbackRegistry(registry) {
    const host = registry.startsWith('[')
        ? registry.slice(1, registry.indexOf(']'))
        : (registry.split(':')[0] ?? '');
    return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
/** Whether `tag` is a valid Docker tag as it stands. */
function isValidTag(tag) {
    return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag);
}
// A digest (algorithm:hex), the part after `@` of a pinned image.
const DIGEST_PATTERN = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
/** Why `image` is not an image repository (the manifest's `image`), or undefined when it is. */
function imageRepositoryProblem(image) {
    if (image.includes('@') || /:[^/]*$/.test(image.replace(/^[^/]*\//, ''))) {
        return `"${image}" has a tag or digest; give only the repository, e.g. ghcr.io/acme/notebook-validator`;
    }
    if (!isValidRepository(image)) {
        return `"${image}" is not a valid image repository: expected lowercase path components such as ghcr.io/acme/notebook-validator`;
    }
    return undefined;
}
/** Why `reference` is not `repository[:tag][@digest]` (a `baseImage`), or undefined when it is. */
function imageReferenceProblem(reference) {
    const [name = '', digest] = reference.split('@', 2);
    const { repository, tag } = reference_splitTag(name);
    if (isValidRepository(repository) &&
        isValidTag(tag) &&
        (digest === undefined || DIGEST_PATTERN.test(digest))) {
        return undefined;
    }
    return `"${reference}" is not a valid image reference: expected e.g. python:3.12-slim or ghcr.io/acme/base:1@sha256:…`;
}

;// CONCATENATED MODULE: ./src/adapters/registry.ts





/** A registry request that failed; `transient` errors are worth retrying. */
class RegistryError extends Error {
    transient;
    status;
    name = 'RegistryError';
    constructor(message, transient, status) {
        super(message);
        this.transient = transient;
        this.status = status;
    }
}
/** How long one registry request may take. */
const REQUEST_TIMEOUT_MS = 60_000;
/** RegistryClient speaking HTTP(S) to the registry the reference names. */
class HttpRegistry {
    credentials;
    fetcher;
    mask;
    tokens = new Map();
    /**
     * @param mask told every secret this client sends (the stored secret, the Basic header's
     *   encoding of it, bearer tokens) before it is sent: the action passes `core.setSecret`, so
     *   none of them can show in a log even if an error or a debug line quoted it.
     */
    constructor(credentials = async () => undefined, fetcher = fetch, mask = () => undefined) {
        this.credentials = credentials;
        this.fetcher = fetcher;
        this.mask = mask;
    }
    async inspect(reference, platform) {
        const { location, ref } = parseReference(reference);
        const top = await this.manifest(location, ref);
        return resolveImage(top, async (descriptor) => (await this.manifest(location, descriptor.digest)).bytes, platform);
    }
    async tagDigest(reference) {
        const { location, ref } = parseReference(reference);
        const response = await this.request(location, `manifests/${ref}`, 'HEAD');
        if (response.status === 404)
            return undefined;
        if (!response.ok)
            throw this.failure(response, location, `manifests/${ref}`);
        const digest = response.headers.get('docker-content-digest');
        if (digest)
            return digest;
        // Registries must send the header on HEAD; without it, fetch the bytes and hash them.
        return (await this.manifest(location, ref)).digest;
    }
    /** GETs a manifest and checks its bytes against the digest asked for or announced. */
    async manifest(location, ref) {
        const response = await this.request(location, `manifests/${ref}`, 'GET');
        if (!response.ok)
            throw this.failure(response, location, `manifests/${ref}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const actual = sha256Digest(bytes);
        const expected = ref.includes(':') ? ref : response.headers.get('docker-content-digest');
        if (expected && expected !== actual) {
            throw new RegistryError(`${location.registry}/${location.path}: manifest ${ref} has digest ${actual}, expected ${expected}`, false);
        }
        return { digest: actual, bytes, mediaType: response.headers.get('content-type') ?? '' };
    }
    async request(location, resource, method) {
        const url = `${baseUrl(location.registry)}/v2/${location.path}/${resource}`;
        const scope = `repository:${location.path}:pull`;
        const cacheKey = `${location.registry} ${scope}`;
        const send = (authorization) => this.send(url, method, authorization, location);
        const cached = this.tokens.get(cacheKey);
        let response = await send(cached);
        if (response.status !== 401)
            return response;
        const challenge = parseChallenge(response.headers.get('www-authenticate') ?? '');
        await response.arrayBuffer().catch(() => undefined);
        const credentials = await this.credentials(location);
        if (credentials)
            this.mask(credentials.secret);
        let authorization;
        if (challenge?.scheme === 'basic') {
            if (!credentials)
                return response;
            authorization = this.basic(credentials);
        }
        else if (challenge?.scheme === 'bearer' && challenge.params['realm']) {
            const token = await this.token(challenge.params, scope, credentials, location);
            this.mask(token);
            authorization = `Bearer ${token}`;
        }
        else {
            return response;
        }
        this.tokens.set(cacheKey, authorization);
        response = await send(authorization);
        return response;
    }
    /** Gets a bearer token from the realm the challenge names (Docker's token auth). */
    async token(params, scope, credentials, location) {
        const realm = new URL(params['realm'] ?? '');
        if (params['service'])
            realm.searchParams.set('service', params['service']);
        realm.searchParams.set('scope', params['scope'] ?? scope);
        let response;
        if (credentials?.username === '<token>') {
            // An identity token (`docker login` with OAuth) is a refresh token for this endpoint.
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: credentials.secret,
                service: params['service'] ?? '',
                scope: params['scope'] ?? scope,
                client_id: 'nb-image-action'
            });
            response = await this.fetchOrThrow(realm.origin + realm.pathname, location, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: form.toString()
            });
        }
        else {
            response = await this.fetchOrThrow(realm.toString(), location, {
                method: 'GET',
                headers: credentials ? { authorization: this.basic(credentials) } : {}
            });
        }
        if (!response.ok) {
            throw new RegistryError(`${location.registry}: the token service ${realm.origin} answered ${response.status} ${response.statusText}${credentials ? '' : ' (no credentials for this registry in the docker config: log in with docker/login-action)'}`, response.status >= 500 || response.status === 429, response.status);
        }
        const body = (await response.json());
        const token = body.token ?? body.access_token;
        if (!token)
            throw new RegistryError(`${location.registry}: the token service sent no token`, false);
        return token;
    }
    /** The Basic authorization header, its encoded credentials masked. */
    basic(credentials) {
        const encoded = Buffer.from(`${credentials.username}:${credentials.secret}`).toString('base64');
        this.mask(encoded);
        return `Basic ${encoded}`;
    }
    async send(url, method, authorization, location) {
        const headers = { accept: MANIFEST_ACCEPT };
        if (authorization)
            headers['authorization'] = authorization;
        return this.fetchOrThrow(url, location, { method, headers });
    }
    async fetchOrThrow(url, location, init) {
        try {
            return await this.fetcher(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        }
        catch (error) {
            throw new RegistryError(`${location.registry}: ${init.method ?? 'GET'} ${url} failed: ${networkDetail(error)}`, true);
        }
    }
    failure(response, location, resource) {
        const status = response.status;
        const hint = status === 401 || status === 403
            ? ' (log in to the registry with docker/login-action before this step)'
            : status === 404
                ? ' (not found)'
                : '';
        return new RegistryError(`${location.registry}/${location.path}: ${resource} answered ${status} ${response.statusText}${hint}`, status >= 500 || status === 429, status);
    }
}
/** What went wrong under fetch's generic "fetch failed": ECONNREFUSED, a timeout, … */
function networkDetail(error) {
    // Duck-typed: under test runners the error may come from another realm.
    const { name, message, cause } = (error ?? {});
    if (name === 'TimeoutError')
        return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
    if (cause?.code || cause?.message)
        return [cause.code, cause.message].filter(Boolean).join(': ');
    return message ?? String(error);
}
/** `scheme://host` for a registry: plain HTTP on this machine's loopback, HTTPS elsewhere. */
function baseUrl(registry) {
    return `${isLoopbackRegistry(registry) ? 'http' : 'https'}://${registry}`;
}
/** Splits `repo:tag` or `repo@sha256:…` into where it lives and the tag or digest. */
function parseReference(reference) {
    const at = reference.indexOf('@');
    if (at >= 0)
        return { location: locateRepository(reference.slice(0, at)), ref: reference.slice(at + 1) };
    const { repository, tag } = reference_splitTag(reference);
    return { location: locateRepository(repository), ref: tag };
}
/** A parsed `WWW-Authenticate` header: `Bearer realm="…",service="…",scope="…"`. */
function parseChallenge(header) {
    const match = /^\s*(\w+)\s*(.*)$/.exec(header);
    if (!match)
        return undefined;
    const params = {};
    for (const param of (match[2] ?? '').matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
        params[(param[1] ?? '').toLowerCase()] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1');
    }
    return { scheme: (match[1] ?? '').toLowerCase(), params };
}
/**
 * Looks credentials up the way the docker CLI does: a credential helper for the registry
 * (`credHelpers`), else the default store (`credsStore`), else `auths` in
 * `$DOCKER_CONFIG/config.json` (default `~/.docker/config.json`). Secrets never leave this
 * function except in Authorization headers.
 */
function dockerConfigCredentials(run, env = process.env) {
    const file = external_node_path_default().join(env['DOCKER_CONFIG'] ?? external_node_path_default().join(external_node_os_default().homedir(), '.docker'), 'config.json');
    let config;
    const load = () => (config ??= (0,promises_namespaceObject.readFile)(file, 'utf8')
        .then((text) => JSON.parse(text))
        .catch(() => ({})));
    return async (location) => {
        const loaded = await load();
        const keys = credentialKeys(location);
        const helper = keys.map((key) => loaded.credHelpers?.[key]).find(Boolean) ?? loaded.credsStore;
        if (helper) {
            for (const key of keys) {
                const result = await run(`docker-credential-${helper}`, ['get'], { input: key, env });
                if (result.exitCode !== 0)
                    continue;
                try {
                    const found = JSON.parse(result.stdout);
                    if (found.Secret)
                        return { username: found.Username ?? '', secret: found.Secret };
                }
                catch {
                    // A helper that prints something else has nothing for this key.
                }
            }
        }
        const auths = loaded.auths ?? {};
        for (const [key, entry] of Object.entries(auths)) {
            if (!keys.includes(normalizeKey(key)))
                continue;
            if (entry.identitytoken)
                return { username: '<token>', secret: entry.identitytoken };
            if (entry.auth) {
                const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
                const colon = decoded.indexOf(':');
                if (colon > 0)
                    return { username: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
            }
            if (entry.username && entry.password)
                return { username: entry.username, secret: entry.password };
        }
        return undefined;
    };
}
/** The spellings a registry's credentials may be stored under. */
function credentialKeys(location) {
    if (location.registry === 'registry-1.docker.io') {
        return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
    }
    return [location.registry];
}
/** `https://ghcr.io/v2/` → `ghcr.io`; Docker Hub's URL key stays as the CLI writes it. */
function normalizeKey(key) {
    if (key === 'https://index.docker.io/v1/')
        return key;
    return key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
}

;// CONCATENATED MODULE: ./src/github/context.ts
// What triggered the workflow run, read once from the runner's GITHUB_* variables and the
// event payload (GITHUB_EVENT_PATH), the way docker/metadata-action reads a trigger. Tags,
// the fork rule, NotebookValidationJob sources, the pull-request comment and the report
// upload all ask this one context, so they agree on what the run is.
//
// A run is a pull-request run when its event is one of PULL_REQUEST_EVENTS: all four build
// the pull request's code and carry it in the payload. The payload is data from GitHub (and,
// for pull requests, partly from the pull request's author): only fields of the expected
// types are used.
/** The events whose runs build a pull request's code. */
const context_PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment'
]);
/**
 * The webhook payload of the run (the file GITHUB_EVENT_PATH names), read through the given
 * reader; an empty object outside a workflow or when the file cannot be read or parsed.
 */
async function readEventPayload(readFile, env) {
    const file = env.GITHUB_EVENT_PATH;
    if (!file)
        return {};
    try {
        return parsePayload(new TextDecoder().decode(await readFile(file)));
    }
    catch {
        return {};
    }
}
/** Parses the event payload file's text; anything but a JSON object reads as an empty payload. */
function parsePayload(text) {
    try {
        return asObject(JSON.parse(text));
    }
    catch {
        return {};
    }
}
/** Reads the run context from the runner's variables and the event payload. */
function readRunContext(env, payload) {
    const event = asObject(payload);
    const repository = asObject(event['repository']);
    const name = env.GITHUB_REPOSITORY ?? '';
    const [owner = '', repo = ''] = name.split('/');
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const runId = env.GITHUB_RUN_ID && /^\d+$/.test(env.GITHUB_RUN_ID) ? env.GITHUB_RUN_ID : null;
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const ref = env.GITHUB_REF ?? '';
    const release = asObject(event['release']);
    return {
        eventName,
        ref,
        sha: env.GITHUB_SHA ?? '',
        repository: name,
        owner,
        repo,
        repositoryId: asNumber(repository['id']),
        defaultBranch: asString(repository['default_branch']),
        cloneUrl: asString(repository['clone_url']),
        serverUrl,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        runUrl: runId && owner && repo ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : null,
        pullRequest: context_PULL_REQUEST_EVENTS.has(eventName)
            ? readPullRequest(eventName, ref, event, asString(repository['full_name']) ?? name)
            : null,
        release: eventName === 'release'
            ? { tag: asString(release['tag_name']), prerelease: release['prerelease'] === true }
            : null
    };
}
function readPullRequest(eventName, ref, event, repository) {
    const pull = asObject(event['pull_request']);
    // The merge ref as metadata-action reads it; pull_request_target runs on the base
    // branch's ref, so there (and without a ref) the payload says.
    const fromRef = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(ref)?.[1];
    const number = fromRef !== undefined && eventName !== 'pull_request_target'
        ? Number(fromRef)
        : (asNumber(pull['number']) ?? asNumber(event['number']));
    if (number === null || !Number.isSafeInteger(number) || number <= 0)
        return null;
    const base = asObject(pull['base']);
    const head = asObject(pull['head']);
    const headRepo = head['repo'] === null ? null : asObject(head['repo']);
    const headRepository = headRepo === null ? null : asString(headRepo['full_name']);
    const baseRepository = asString(asObject(base['repo'])['full_name']) ?? repository;
    return {
        number,
        baseRef: asString(base['ref']),
        headRef: asString(head['ref']),
        headSha: asString(head['sha']),
        headCloneUrl: headRepo === null ? null : asString(headRepo['clone_url']),
        headRepository,
        baseRepository,
        // `head.repo.fork` is not used: it is also true for branches of a repository that is
        // itself a fork. A pull request whose head is unknown or gone is the cautious reading.
        fromFork: 'pull_request' in event &&
            (headRepository === null || !sameRepository(headRepository, baseRepository))
    };
}
/** Whether two `owner/name`s are the same repository: GitHub ignores their case. */
function sameRepository(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
/** Whether the run builds a pull request's code (see PULL_REQUEST_EVENTS). */
function isPullRequestRun(context) {
    return context_PULL_REQUEST_EVENTS.has(context.eventName);
}
/**
 * The repository and branch/tag holding the notebooks of this run: the tag for tag pushes
 * and releases, the branch for branch pushes, the head branch (in the head repository) for
 * pull requests. Undefined when the run has no branch or tag to clone.
 */
function gitSource(context) {
    const ownUrl = context.repository
        ? `${context.serverUrl}/${context.repository}.git`
        : (context.cloneUrl ?? undefined);
    if (isPullRequestRun(context)) {
        const pull = context.pullRequest;
        const url = pull?.headCloneUrl ?? ownUrl;
        if (!pull?.headRef || !url)
            return undefined;
        return { url, ref: pull.headRef, revision: pull.headSha ?? context.sha };
    }
    if (!ownUrl)
        return undefined;
    const tag = /^refs\/tags\/(.+)$/.exec(context.ref)?.[1] ?? context.release?.tag ?? undefined;
    if (tag)
        return { url: ownUrl, ref: tag, revision: context.sha };
    const branch = /^refs\/heads\/(.+)$/.exec(context.ref)?.[1];
    if (branch)
        return { url: ownUrl, ref: branch, revision: context.sha };
    return undefined;
}
function asObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : {};
}
function asString(value) {
    return typeof value === 'string' ? value : null;
}
function asNumber(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

;// CONCATENATED MODULE: ./src/build/cache.ts
/** The shorthands, in the order the docs list them. */
const CACHE_SHORTHANDS = ['gha', 'registry'];
/**
 * Expands a shorthand into one cache of the image's own. Images that share a cache key
 * overwrite each other's index, so that each tier would only find the cache of whichever
 * tier exported last (docker/build-push-action#286); `mode=max` also exports the layers of
 * the base stage, which `mode=min` leaves out of a `--target` build (#829).
 *
 * - `gha`: the GitHub Actions cache, scope `<repository>-<image name>`.
 * - `registry`: the tag `<repository>:buildcache-<image name>` next to the images.
 */
function imageCache(shorthand, repository, imageName) {
    if (shorthand === 'gha') {
        const scope = `${repository}-${imageName}`;
        return { from: [`type=gha,scope=${scope}`], to: [`type=gha,scope=${scope},mode=max`] };
    }
    const ref = `${repository}:buildcache-${imageName}`;
    return { from: [`type=registry,ref=${ref}`], to: [`type=registry,ref=${ref},mode=max`] };
}

;// CONCATENATED MODULE: ./src/version.ts
/** This release of the action, recorded in every report (kept equal to package.json by a test). */
const TOOL_VERSION = '0.1.0';
/** The tool's name in reports and comments. */
const TOOL_NAME = 'nb-image-action';
/** The tool as reports record it. */
const TOOL = { name: TOOL_NAME, version: TOOL_VERSION };

;// CONCATENATED MODULE: ./src/report/types.ts
/** The threshold bases, default first. */
const THRESHOLD_BASES = ['uncompressed', 'compressed'];

;// CONCATENATED MODULE: ./src/manifest/types.ts
/** The strategies, in the order the docs list them. */
const STRATEGIES = ['shared', 'multi-stage'];

;// CONCATENATED MODULE: ./src/report/report-file.ts




/** A file that is not a report this version reads; the message names the field at fault. */
class report_file_ReportFileError extends NbImageError {
    name = 'ReportFileError';
}
const STATUSES = ['ok', 'warn', 'over', 'failed'];
/**
 * Reads a report (JSON text) and checks every field any consumer reads: the merge, the
 * comparison with a baseline, the summary and the outputs. Fields that reports of earlier
 * versions lack are filled in ("not measured", "not pushed", no steps counted); fields it
 * does not know are kept as they are. Throws a ReportFileError naming `source` and the field.
 */
function readReport(text, source) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new report_file_ReportFileError(`${source}: not JSON (${errors_errorMessage(error)})`);
    }
    const fail = (field, expected) => {
        throw new report_file_ReportFileError(`${source}: ${field}: expected ${expected}`);
    };
    if (!isObject(data))
        return fail('(root)', 'an nb-image-action report object');
    const version = data['schemaVersion'];
    // A report of another schema version is named as such (even its `tool` may differ);
    // a file without one is most likely not a report of this action at all.
    const wrongVersion = () => fail('schemaVersion', `1 (got ${JSON.stringify(version)})`);
    if (version !== undefined && version !== 1)
        wrongVersion();
    const tool = data['tool'];
    if (!isObject(tool) || tool['name'] !== TOOL_NAME) {
        const got = isObject(tool) ? (JSON.stringify(tool['name']) ?? 'nothing') : 'nothing';
        fail('tool.name', `${TOOL_NAME}, the tool that writes these reports (got ${got})`);
    }
    if (version !== 1)
        wrongVersion();
    if (typeof data['manifest'] !== 'string')
        fail('manifest', 'a string');
    if (!STRATEGIES.includes(data['strategy'])) {
        fail('strategy', STRATEGIES.join(' or '));
    }
    if (typeof data['passed'] !== 'boolean')
        fail('passed', 'true or false');
    for (const field of ['startedAt', 'finishedAt']) {
        if (typeof data[field] !== 'string')
            fail(field, 'a date and time (a string)');
    }
    checkEngine(data['engine'], fail);
    if (data['error'] !== undefined && typeof data['error'] !== 'string')
        fail('error', 'a string');
    const images = data['images'];
    if (!Array.isArray(images))
        return fail('images', 'an array');
    images.forEach((image, index) => checkImage(image, `images[${index}]`, fail));
    const totals = data['totals'];
    if (!isObject(totals))
        return fail('totals', 'an object');
    for (const field of ['uniqueBytes', 'sumBytes', 'durationMs']) {
        if (!isCount(totals[field]))
            fail(`totals.${field}`, 'a non-negative integer');
    }
    const tiers = data['tiers'];
    if (!isObject(tiers) || !Object.values(tiers).every((ref) => typeof ref === 'string')) {
        fail('tiers', 'an object of tier names to image references');
    }
    const basis = data['thresholdBasis'] ?? 'uncompressed';
    if (!THRESHOLD_BASES.includes(basis)) {
        fail('thresholdBasis', THRESHOLD_BASES.join(' or '));
    }
    if (data['pushed'] !== undefined && typeof data['pushed'] !== 'boolean') {
        fail('pushed', 'true or false');
    }
    if (data['publish'] !== undefined && !isObject(data['publish']))
        fail('publish', 'an object');
    // Reports written before compressed sizes, publishing and step counts existed lack these
    // fields: they read as "not measured", "not pushed" and "no steps counted".
    data['thresholdBasis'] = basis;
    data['pushed'] ??= false;
    data['publish'] ??= { requested: false, event: '', ref: '', version: null };
    for (const image of images) {
        image['compressedBytes'] ??= null;
        image['compressedSource'] ??= null;
        image['digest'] ??= null;
        image['platformDigest'] ??= null;
        image['tags'] ??= [];
        image['cachedSteps'] ??= 0;
        image['totalSteps'] ??= 0;
    }
    return data;
}
function checkEngine(engine, fail) {
    if (!isObject(engine))
        return fail('engine', 'an object');
    for (const field of ['serverVersion', 'buildxVersion', 'imageStore']) {
        const value = engine[field];
        if (value !== null && typeof value !== 'string')
            fail(`engine.${field}`, 'a string or null');
    }
}
function checkImage(image, where, fail) {
    if (!isObject(image))
        return fail(where, 'an object');
    if (typeof image['name'] !== 'string')
        fail(`${where}.name`, 'a string');
    if (typeof image['ref'] !== 'string')
        fail(`${where}.ref`, 'a string');
    const tiers = image['tiers'];
    if (!Array.isArray(tiers) || !tiers.every((tier) => typeof tier === 'string')) {
        fail(`${where}.tiers`, 'an array of strings');
    }
    for (const field of ['sizeBytes', 'compressedBytes']) {
        const value = image[field];
        if (value !== undefined && value !== null && !isCount(value)) {
            fail(`${where}.${field}`, 'a non-negative integer or null');
        }
    }
    if (image['sizeBytes'] === undefined)
        fail(`${where}.sizeBytes`, 'a non-negative integer or null');
    for (const field of ['durationMs', 'thresholdBytes']) {
        if (!isCount(image[field]))
            fail(`${where}.${field}`, 'a non-negative integer');
    }
    for (const field of ['cachedSteps', 'totalSteps']) {
        if (image[field] !== undefined && !isCount(image[field])) {
            fail(`${where}.${field}`, 'a non-negative integer');
        }
    }
    if (!STATUSES.includes(image['status'])) {
        fail(`${where}.status`, STATUSES.join(', '));
    }
    const layers = image['layers'];
    if (!Array.isArray(layers))
        return fail(`${where}.layers`, 'an array');
    layers.forEach((layer, index) => {
        if (!isObject(layer) || !isCount(layer['sizeBytes']) || typeof layer['createdBy'] !== 'string')
            fail(`${where}.layers[${index}]`, 'an object with sizeBytes and createdBy');
    });
    const tags = image['tags'];
    if (tags === undefined)
        return;
    if (!Array.isArray(tags) ||
        !tags.every((tag) => isObject(tag) && typeof tag['ref'] === 'string' && typeof tag['pushed'] === 'boolean')) {
        fail(`${where}.tags`, 'an array of objects with ref and pushed');
    }
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
/**
 * The run's report file, and the only writer of reports. The report lives in memory while
 * the run goes on; the run saves it when it ends (and, before pushing, so the file already
 * says the images passed should the runner die mid-push). `report` is what was last saved,
 * written or not, so the shell can share it without reading the file back.
 */
class ReportFile {
    fs;
    path;
    /** The report last handed to save(), whether or not it reached the disk. */
    report;
    /** Whether that report is on disk. */
    written = false;
    constructor(fs, 
    /** Absolute path of the file. */
    path) {
        this.fs = fs;
        this.path = path;
    }
    /** Writes `report` (atomically); throws the action's error naming the file when it cannot. */
    async save(report) {
        this.report = report;
        this.written = false;
        try {
            await this.fs.writeFileAtomic(this.path, `${JSON.stringify(report, null, 2)}\n`);
        }
        catch (error) {
            throw new NbImageError(`report-file: cannot write ${this.path}: ${errors_errorMessage(error)}`);
        }
        this.written = true;
    }
}

;// CONCATENATED MODULE: ./src/github/baseline.ts




/** Default name of the workflow artifact that holds a run's report. */
const DEFAULT_REPORT_ARTIFACT = 'nb-image-report';
/** Name of the report file inside the artifact. */
const REPORT_FILE_IN_ARTIFACT = 'nb-image-report.json';
/** Largest report accepted from an artifact; real ones are tens of kilobytes. */
const MAX_REPORT_BYTES = (/* unused pure expression or super */ null && (32 * 1024 * 1024));
/**
 * Takes the report out of an artifact's zip archive: the `nb-image-report.json` entry, or
 * the only JSON file. Refuses entries that would inflate past MAX_REPORT_BYTES.
 */
function extractReportFromZip(zip, source) {
    const names = [];
    let files;
    try {
        files = unzipSync(zip, {
            filter: (file) => {
                names.push(file.name);
                return file.name.endsWith('.json') && file.originalSize <= MAX_REPORT_BYTES;
            }
        });
    }
    catch (error) {
        throw new ReportFileError(`${source}: not a zip archive (${errorMessage(error)})`);
    }
    const json = Object.keys(files);
    const name = json.includes(REPORT_FILE_IN_ARTIFACT)
        ? REPORT_FILE_IN_ARTIFACT
        : json.length === 1
            ? json[0]
            : undefined;
    const bytes = name === undefined ? undefined : files[name];
    if (bytes === undefined) {
        throw new ReportFileError(`${source}: no ${REPORT_FILE_IN_ARTIFACT} in the archive (it holds ${names.length > 0 ? names.join(', ') : 'nothing'})`);
    }
    return strFromU8(bytes);
}
/**
 * Keeps the artifacts with the report's name that a run on `branch` of this repository
 * (not of a fork: a fork's branch can be called `main` too) uploaded, newest first;
 * expired ones are only counted.
 */
function artifactCandidates(artifacts, name, branch, repositoryId) {
    const ofBranch = artifacts.filter((artifact) => artifact.name === name &&
        artifact.workflowRun !== null &&
        artifact.workflowRun.headBranch === branch &&
        (repositoryId === null ||
            artifact.workflowRun.headRepositoryId === null ||
            artifact.workflowRun.headRepositoryId === repositoryId));
    const live = ofBranch
        .filter((artifact) => !artifact.expired)
        .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id);
    return { candidates: live, expired: ofBranch.length - live.length };
}
/**
 * Why a run's artifact cannot be the baseline, or null when it can: the run must have
 * finished successfully, on `branch`, in this repository, for an event that is not a pull
 * request (PULL_REQUEST_EVENTS build a pull request's code, whatever their branch says).
 * A run still in progress does not count yet.
 */
function rejectRun(run, branch, repositoryId) {
    if (run.headBranch !== branch)
        return `run ${run.id} is on ${run.headBranch ?? 'no branch'}`;
    const ownRepository = repositoryId ?? run.repositoryId;
    if (run.headRepositoryId !== null && run.headRepositoryId !== ownRepository) {
        return `run ${run.id} built a fork`;
    }
    if (PULL_REQUEST_EVENTS.has(run.event))
        return `run ${run.id} was triggered by ${run.event}`;
    if (run.status !== 'completed')
        return `run ${run.id} is ${run.status ?? 'not finished'}`;
    if (run.conclusion !== 'success')
        return `run ${run.id} ended ${run.conclusion ?? 'without a conclusion'}`;
    return null;
}

;// CONCATENATED MODULE: ./src/github/sharing.ts
// When a run shares its report: the pull-request comment (render it, post it) and the
// upload of the report as the baseline of later pull requests. Pure decisions over the
// inputs and the run context; pipeline/share-report.ts carries them out.

/** The comment modes, default first. */
const COMMENT_MODES = ['auto', 'always', 'never'];
/** The upload modes, default first. */
const UPLOAD_MODES = ['auto', 'true', 'false'];
// The characters the artifact service refuses in a name (as @actions/artifact checks them).
const ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\r\n\\/]/;
/** Checks the `report-artifact` input: a name the artifact service accepts. */
function parseArtifactName(value, fallback) {
    const name = value.trim() || fallback;
    const bad = ARTIFACT_NAME_FORBIDDEN.exec(name);
    if (bad) {
        throw new InputError(`report-artifact: "${name}" contains ${JSON.stringify(bad[0])}; artifact names cannot contain " : < > | * ? \\ / or line breaks`);
    }
    return name;
}
/** Whether this run uploads its report: `auto` means a push to the default branch. */
function shouldUploadReport(mode, context) {
    if (mode !== 'auto')
        return mode === 'true';
    return (context.eventName === 'push' &&
        context.defaultBranch !== null &&
        context.ref === `refs/heads/${context.defaultBranch}`);
}
/**
 * Whether this run renders the comment (for the `comment-body` output and the job summary)
 * and whether it may post it: `auto` on pull requests, `always` also on other events (the
 * pull request of the commit is looked up), `never` renders it on pull requests only.
 */
function commentDecision(mode, context, hasBaselineFile) {
    const isPullRequest = context.pullRequest !== null;
    return {
        render: isPullRequest || mode === 'always' || hasBaselineFile,
        post: mode === 'always' || (mode === 'auto' && isPullRequest)
    };
}
/**
 * Decides the comment and the upload of this run. A run that builds only some of the
 * manifest's tiers (the `tiers` input, as each job of a fan-out does) does not report the
 * whole picture, so `auto` neither posts the comment nor uploads a baseline there, and the
 * merge job (or a run of every tier) does both. `always` and `true` are the user's
 * explicit choice.
 *
 * @param selected the `tiers` input; empty or absent means every tier.
 * @param declared every tier of the manifest, when it was read.
 */
function decideSharing(settings, context, selected, declared) {
    const comment = commentDecision(settings.comment, context, settings.baselineReport !== undefined);
    const upload = shouldUploadReport(settings.upload, context);
    const chosen = new Set(selected ?? []);
    const everyTier = chosen.size === 0 || (declared !== undefined && declared.every((tier) => chosen.has(tier)));
    if (everyTier)
        return { settings, comment, upload, note: null };
    const autoComment = settings.comment === 'auto';
    const autoUpload = settings.upload === 'auto';
    const holdComment = autoComment && comment.post;
    const holdUpload = autoUpload && upload;
    const held = [
        ...(holdComment ? ['posts no pull-request comment'] : []),
        ...(holdUpload ? ['uploads no baseline report'] : [])
    ];
    const instead = [
        ...(holdComment ? ['comment: always'] : []),
        ...(holdUpload ? ['upload-report: true'] : [])
    ];
    return {
        settings: {
            ...settings,
            comment: autoComment ? 'never' : settings.comment,
            upload: autoUpload ? 'false' : settings.upload
        },
        // `never` renders where `auto` does; only posting stops.
        comment: { render: comment.render, post: autoComment ? false : comment.post },
        upload: autoUpload ? false : upload,
        note: held.length === 0
            ? null
            : `This run builds only tier ${[...chosen].join(', ')}${declared ? ` of ${declared.join(', ')}` : ''}, so it ${held.join(' and ')}: a run of every tier (the merge job of a fan-out) does. Set ${instead.join(' and ')} to do it from here.`
    };
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __nccwpck_require__(2088);
var semver_default = /*#__PURE__*/__nccwpck_require__.n(semver);
;// CONCATENATED MODULE: ./src/publish/tags.ts




/** The `latest` modes, in the order the docs list them. */
const LATEST_MODES = ['auto', 'true', 'false'];
/** Longest tag Docker accepts. */
const MAX_TAG_LENGTH = 128;
/**
 * Sanitizes text into a Docker tag: runs of characters outside `[A-Za-z0-9_.-]` become
 * `-` (as metadata-action does), leading `.` and `-` are dropped, and the result is cut to
 * 128 characters. May return an empty string, which callers must reject.
 */
function sanitizeTag(text) {
    return text
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, MAX_TAG_LENGTH);
}
/** The version tags for a run's trigger, in metadata-action's priority order. */
function versionTags(context, rules) {
    const warnings = [];
    const found = {
        tags: [],
        latest: false,
        kind: 'none'
    };
    const shortSha = context.sha.slice(0, rules.shortShaLength ?? 7);
    const tagRef = /^refs\/tags\/(.+)$/.exec(context.ref)?.[1];
    const branchRef = /^refs\/heads\/(.+)$/.exec(context.ref)?.[1];
    if (context.eventName === 'schedule') {
        found.tags.push('nightly');
        found.kind = 'schedule';
    }
    if (isPullRequestRun(context)) {
        const number = context.pullRequest?.number;
        if (number !== undefined) {
            found.tags.push(`pr-${number}`);
            found.kind = 'pull-request';
        }
        else {
            warnings.push(`no pull request number in ref "${context.ref}" or the event payload`);
        }
    }
    else if (tagRef !== undefined) {
        const raw = tagRef.replace(/\//g, '-');
        if (semver_default().valid(raw)) {
            const parsed = semver_default().parse(raw, { loose: true });
            const githubPrerelease = context.release?.prerelease === true;
            if (parsed && (parsed.prerelease.length > 0 || githubPrerelease)) {
                // metadata-action: every semver pattern falls back to {{version}} for a pre-release.
                found.tags.push(parsed.version);
                found.kind = 'prerelease';
            }
            else if (parsed) {
                found.tags.push(parsed.version, `${parsed.major}.${parsed.minor}`, String(parsed.major));
                found.latest = true;
                found.kind = context.eventName === 'release' ? 'release' : 'tag';
            }
        }
        else {
            warnings.push(`tag "${tagRef}" is not a valid semver (https://semver.org), so it is used as it is, without version or latest tags`);
            found.tags.push(tagRef);
            found.kind = 'tag';
        }
    }
    else if (branchRef !== undefined) {
        found.tags.push(branchRef);
        if (context.sha)
            found.tags.push(`sha-${shortSha}`);
        if (found.kind === 'none')
            found.kind = 'branch';
    }
    const tags = [];
    for (const raw of found.tags) {
        const tag = sanitizeTag(raw);
        if (tag === '')
            warnings.push(`"${raw}" leaves nothing once sanitized into a Docker tag`);
        else if (!tags.includes(tag))
            tags.push(tag);
    }
    const latest = tags.length > 0 &&
        (rules.latest === 'true' || (rules.latest === 'auto' && found.latest)) &&
        !tags.includes('latest');
    if (latest)
        tags.push('latest');
    return { version: tags[0] ?? null, tags, kind: found.kind, warnings };
}
/** The default `tag-template`: one repository, tier-prefixed tags (`nb:tier2-1.2.3`). */
const DEFAULT_TAG_TEMPLATE = '{tier}-{version}';
const PLACEHOLDERS = ['image', 'tier', 'version'];
/**
 * Parses a `tag-template` such as `{tier}-{version}` (tags in the manifest's repository) or
 * `{image}-{tier}:{version}` (a repository per tier). The part after the last `:` is the
 * tag; without a `:`, the repository is `{image}`. Throws an InputError naming the input.
 */
function parseTagTemplate(text) {
    const template = text.trim() === '' ? DEFAULT_TAG_TEMPLATE : text.trim();
    const fail = (message) => {
        throw new InputError(`tag-template: ${message} (got "${template}")`);
    };
    for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
        if (!PLACEHOLDERS.includes(match[1] ?? '')) {
            fail(`unknown placeholder {${match[1] ?? ''}}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`);
        }
    }
    if (/[{}]/.test(template.replace(/\{(image|tier|version)\}/g, ''))) {
        fail('unbalanced { or }');
    }
    const colon = template.lastIndexOf(':');
    // A colon inside the repository part (a registry port) is literal text before a `/`.
    const split = colon > template.lastIndexOf('/') ? colon : -1;
    const repository = split >= 0 ? template.slice(0, split) : '{image}';
    const tag = split >= 0 ? template.slice(split + 1) : template;
    if (!tag.includes('{version}'))
        fail('the tag part must contain {version}');
    if (!template.includes('{tier}')) {
        fail('it must contain {tier}, or every tier image would get the same tags');
    }
    if (repository.includes('{version}'))
        fail('{version} belongs in the tag part, after the ":"');
    if (repository === '')
        fail('the repository part before ":" is empty');
    return { text: template, repository, tag };
}
/**
 * The full references an image is pushed under, one per version tag, in push order. The
 * shared image takes the plain version tags in the manifest's repository; per-tier images
 * follow the template. Throws an InputError when a reference would be invalid.
 */
function imageTags(image, repository, versions, template) {
    const fill = (pattern, version) => pattern.replace(/\{(image|tier|version)\}/g, (_, key) => key === 'image' ? repository : key === 'tier' ? image.name : version);
    const refs = [];
    for (const version of versions) {
        const repo = image.shared ? repository : fill(template.repository, version);
        const raw = image.shared ? version : fill(template.tag, version);
        const tag = sanitizeTag(raw);
        if (!isValidRepository(repo)) {
            throw new InputError(`tag-template: "${template.text}" gives the repository "${repo}" for ${image.name}, which is not a valid image repository (lowercase path components such as ghcr.io/acme/nb-tier1)`);
        }
        if (!isValidTag(tag)) {
            throw new InputError(`tag-template: "${template.text}" gives the tag "${raw}" for ${image.name}, which leaves no valid Docker tag`);
        }
        // Truncation to 128 characters can make two versions meet; push each reference once.
        if (!refs.includes(`${repo}:${tag}`))
            refs.push(`${repo}:${tag}`);
    }
    return refs;
}
/**
 * Every image's references; throws an InputError when two images would share a reference
 * (the second push would silently replace the first).
 */
function planTags(images, repository, versions, template) {
    const result = {};
    const owner = new Map();
    for (const image of images) {
        const refs = imageTags(image, repository, versions, template);
        for (const ref of refs) {
            const previous = owner.get(ref);
            if (previous !== undefined) {
                throw new InputError(`tag-template: ${image.name} and ${previous} would both be pushed as ${ref}; make the template tell them apart`);
            }
            owner.set(ref, image.name);
        }
        result[image.name] = refs;
    }
    return result;
}

;// CONCATENATED MODULE: ./src/utils/size.ts

/** A size string that cannot be read as a number of bytes. */
class SizeError extends NbImageError {
    name = 'SizeError';
}
// Decimal units follow SI (what registries, `docker images` and dive print); binary units
// are explicit. A budget of "5GB" is therefore 5,000,000,000 bytes, not 5 GiB.
const UNITS = {
    b: 1,
    // What formatBytes prints ("1,234 bytes", less the separators) reads back.
    byte: 1,
    bytes: 1,
    kb: 1e3,
    mb: 1e6,
    gb: 1e9,
    tb: 1e12,
    kib: 2 ** 10,
    mib: 2 ** 20,
    gib: 2 ** 30,
    tib: 2 ** 40
};
const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i;
/** The expected form of a size, for error messages. */
const SIZE_EXPECTED = 'a size such as 5GB, 4.5 GB, 500MB or 2GiB (GB/MB/KB are decimal, GiB/MiB/KiB binary, a bare integer is bytes)';
/**
 * Parses a size budget into bytes. Accepts a non-negative integer number of bytes, or a
 * number with one of B (or bytes), KB, MB, GB, TB, KiB, MiB, GiB, TiB (case-insensitive,
 * optional space). Rejects zero, negatives, exponents, fractional bytes and values beyond 2^53.
 */
function parseSize(input) {
    const text = typeof input === 'number' ? String(input) : input.trim();
    const invalid = (problem) => new SizeError(`invalid size "${input}": ${problem}`);
    const match = SIZE_PATTERN.exec(text);
    if (!match) {
        // Name the commonest slips before the general form: a sign, or an exponent.
        if (/^-\s*\d/.test(text))
            throw invalid(`a budget cannot be negative; expected ${SIZE_EXPECTED}`);
        if (/^\d+(?:\.\d+)?e[+-]?\d+/i.test(text)) {
            throw invalid(`exponents are not supported; expected ${SIZE_EXPECTED}`);
        }
        throw invalid(`expected ${SIZE_EXPECTED}`);
    }
    const [, amount = '', unitText = ''] = match;
    const unit = unitText === '' ? 'b' : unitText.toLowerCase();
    const factor = UNITS[unit];
    if (factor === undefined) {
        throw invalid(`unknown unit "${unitText}"; expected ${SIZE_EXPECTED}`);
    }
    if (factor === 1 && amount.includes('.')) {
        throw invalid('a number of bytes must be a whole number (or give a unit, e.g. 1.5GB)');
    }
    const bytes = Math.round(Number(amount) * factor);
    if (!Number.isSafeInteger(bytes)) {
        throw invalid(`too large (at most ${Number.MAX_SAFE_INTEGER} bytes)`);
    }
    if (bytes <= 0)
        throw invalid('a budget must be greater than zero');
    return bytes;
}
/**
 * Formats bytes for people, in decimal units like the budget (1 GB = 10^9 bytes), with up
 * to three significant decimals: 1234567890 → "1.23 GB".
 */
function size_formatSize(bytes) {
    const abs = Math.abs(bytes);
    const sign = bytes < 0 ? '-' : '';
    const units = [
        ['B', 1],
        ['kB', 1e3],
        ['MB', 1e6],
        ['GB', 1e9],
        ['TB', 1e12]
    ];
    for (let index = 0; index < units.length; index++) {
        const [unit, factor] = units[index] ?? ['B', 1];
        if (unit === 'B' && abs < 1000)
            return `${sign}${abs} B`;
        const value = abs / factor;
        const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
        const text = value.toFixed(digits);
        // 999,999 bytes rounds to "1000 kB"; say "1 MB" instead.
        if (Number(text) >= 1000 && index < units.length - 1)
            continue;
        return `${sign}${trimZeros(text)} ${unit}`;
    }
    return `${sign}${abs} B`;
}
/**
 * An integer with comma thousands separators (`1,234,567`), as `toLocaleString('en-US')`
 * writes it, without the cost of loading ICU's locale data (tens of ms on a cold start).
 */
function groupThousands(value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** Formats bytes with thousands separators, for the exact figure next to a rounded one. */
function formatBytes(bytes) {
    return `${groupThousands(bytes)} ${Math.abs(bytes) === 1 ? 'byte' : 'bytes'}`;
}
/** Formats a duration in ms as "850 ms", "12.3 s" or "4m 05s". */
function formatDuration(ms) {
    // Round first, so 999.6 ms is "1 s" and 59,990 ms is "1m 00s", never "1000 ms" or "60 s".
    if (Math.round(ms) < 1000)
        return `${Math.round(ms)} ms`;
    if (Math.round(ms / 100) < 600)
        return `${trimZeros((ms / 1000).toFixed(1))} s`;
    const totalSeconds = Math.round(ms / 1000);
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}
function trimZeros(text) {
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

;// CONCATENATED MODULE: ./src/utils/parse-input.ts
// The parsers of input text, shared by the action's inputs, the command line's flags and
// the runner variables the action reads. One rule for every choice: surrounding spaces and
// case do not matter (`Shared`, ` ALWAYS ` and `True` read as `shared`, `always`, `true`),
// and a refusal names the input, what it expected and what it got.


/**
 * Reads one of `allowed` (case-insensitive), returning its canonical spelling; empty text
 * reads as `empty`. `hint` follows the list of choices in the error.
 */
function oneOf(input, value, allowed, empty, hint = '') {
    return optionalOneOf(input, value, allowed, hint) ?? empty;
}
/** Like oneOf, but empty text reads as undefined ("not given"). */
function optionalOneOf(input, value, allowed, hint = '') {
    const text = value.trim();
    if (text === '')
        return undefined;
    const found = allowed.find((choice) => choice.toLowerCase() === text.toLowerCase());
    if (found === undefined) {
        throw new InputError(`${input}: expected one of ${allowed.join(', ')}${hint ? ` ${hint}` : ''}, got "${text}"`);
    }
    return found;
}
/**
 * Reads a true/false input (`push`, `no-cache`, `allow-fork-push`); empty (an optional
 * input left out) is false. Case does not matter, as for every choice.
 */
function parseBoolean(input, value) {
    const text = value.trim().toLowerCase();
    if (text === '' || text === 'false')
        return false;
    if (text === 'true')
        return true;
    throw new InputError(`${input}: expected true or false, got "${value.trim()}"`);
}
/** Splits a list input on newlines and commas (`tier1, tier2`), dropping blanks. */
function parseList(value) {
    return value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean);
}
/** Splits a list input on newlines only, for values that contain commas (`type=registry,ref=…`). */
function parseLines(value) {
    return value
        .split('\n')
        .map((item) => item.trim())
        .filter(Boolean);
}
/**
 * Reads a whole number of at least `min`; empty text is undefined. `expected` describes the
 * value in the error (`a positive whole number`).
 */
function parseWholeNumber(input, value, min, expected) {
    const text = value.trim();
    if (text === '')
        return undefined;
    const number = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(number) || number < min) {
        throw new InputError(`${input}: expected ${expected}, got "${text}"`);
    }
    return number;
}
/** Reads a size budget (`5GB`, `4.5 GB`, `2GiB`) in bytes; empty text is undefined. */
function parseSizeInput(input, value) {
    if (value.trim() === '')
        return undefined;
    try {
        return parseSize(value);
    }
    catch (error) {
        if (error instanceof SizeError)
            throw new InputError(`${input}: ${error.message}`);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/inputs.ts
// Every input action.yml declares, read into one typed object by one function. The reader
// is passed in: the action reads INPUT_* through @actions/core (main.ts), the command line
// its flags of the same names (cli/cli.ts); both go through the same parsers, so a value
// means the same wherever it is given. __tests__/inputs.test.ts checks that every input
// action.yml declares is read here.







/** The names of the inputs, as action.yml (and the command line's flags) spell them. */
const INPUT = {
    mode: 'mode',
    manifest: 'manifest',
    strategy: 'strategy',
    threshold: 'threshold',
    tiers: 'tiers',
    builder: 'builder',
    cache: 'cache',
    cacheFrom: 'cache-from',
    cacheTo: 'cache-to',
    noCache: 'no-cache',
    maxParallelism: 'max-parallelism',
    reports: 'reports',
    reportFile: 'report-file',
    workingDirectory: 'working-directory',
    githubToken: 'github-token',
    comment: 'comment',
    commentKey: 'comment-key',
    baselineReport: 'baseline-report',
    uploadReport: 'upload-report',
    reportArtifact: 'report-artifact',
    thresholdBasis: 'threshold-basis',
    push: 'push',
    tagTemplate: 'tag-template',
    latest: 'latest',
    allowForkPush: 'allow-fork-push',
    nvjFile: 'nvj-file',
    nvjNamespace: 'nvj-namespace'
};
/** The modes, in the order the docs list them. */
const MODES = ['build', 'plan', 'merge'];
/**
 * Reads and checks every input. Throws an InputError naming the first input that is
 * wrong, before anything runs.
 */
function getInputs(read) {
    const text = (name) => read(name).trim();
    const optional = (name) => text(name) || undefined;
    const inputs = {
        mode: oneOf(INPUT.mode, read(INPUT.mode), MODES, 'build'),
        manifest: text(INPUT.manifest),
        tiers: parseList(read(INPUT.tiers)),
        cacheFrom: parseLines(read(INPUT.cacheFrom)),
        cacheTo: parseLines(read(INPUT.cacheTo)),
        noCache: parseBoolean(INPUT.noCache, read(INPUT.noCache)),
        reports: parseLines(read(INPUT.reports)),
        workingDirectory: read(INPUT.workingDirectory),
        githubToken: read(INPUT.githubToken),
        comment: oneOf(INPUT.comment, read(INPUT.comment), COMMENT_MODES, 'auto'),
        commentKey: text(INPUT.commentKey),
        uploadReport: oneOf(INPUT.uploadReport, read(INPUT.uploadReport), UPLOAD_MODES, 'auto'),
        reportArtifact: parseArtifactName(read(INPUT.reportArtifact), DEFAULT_REPORT_ARTIFACT),
        push: parseBoolean(INPUT.push, read(INPUT.push)),
        tagTemplate: read(INPUT.tagTemplate),
        latest: oneOf(INPUT.latest, read(INPUT.latest), LATEST_MODES, 'auto'),
        allowForkPush: parseBoolean(INPUT.allowForkPush, read(INPUT.allowForkPush))
    };
    const set = (key, value) => {
        if (value !== undefined)
            inputs[key] = value;
    };
    set('strategy', optionalOneOf(INPUT.strategy, read(INPUT.strategy), STRATEGIES));
    set('thresholdBytes', parseSizeInput(INPUT.threshold, read(INPUT.threshold)));
    set('builder', optional(INPUT.builder));
    set('cache', optionalOneOf(INPUT.cache, read(INPUT.cache), CACHE_SHORTHANDS, '(or leave it empty and pass cache-from/cache-to)'));
    const maxParallelism = parseWholeNumber(INPUT.maxParallelism, read(INPUT.maxParallelism), 0, 'a whole number of images to build at once (0 or empty for no cap)');
    if (maxParallelism !== 0)
        set('maxParallelism', maxParallelism);
    set('reportFile', read(INPUT.reportFile) || undefined);
    set('baselineReport', optional(INPUT.baselineReport));
    set('thresholdBasis', optionalOneOf(INPUT.thresholdBasis, read(INPUT.thresholdBasis), THRESHOLD_BASES));
    set('nvjFile', read(INPUT.nvjFile) || undefined);
    set('nvjNamespace', read(INPUT.nvjNamespace) || undefined);
    return inputs;
}

;// CONCATENATED MODULE: ./src/render/markdown.ts
// Text in reports comes partly from pull requests (tier names, descriptions, Dockerfile
// instructions, build logs, branch names). Rendered into GitHub markdown it must show as
// written: no HTML, no table breaks, no emphasis, links, images, @-mentions or references.
// Every character that can start HTML, an entity, a table cell, emphasis, code, a link
// or image (`[`), a reference (#123) or a mention (@user). Quotes and colons stay: the
// text never lands inside an HTML attribute (escapeAttribute is for that).
const SPECIAL = /[&<>|`*_[\]\\~#@]/g;
const NAMED = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// GitHub links mentions, references and bare URLs after decoding entities, so `&#64;user`
// still notifies @user. An empty HTML comment splits the text node the filter reads; it
// renders as nothing, and copying the text gives back "@user".
const UNLINK = '<!-- -->';
// Control characters have no business in a comment and can confuse terminals and parsers.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
/**
 * Escapes untrusted text for a markdown table cell or HTML element: special characters
 * become numeric entities (which GitHub shows as the characters), `@` and `#` are also
 * followed by an empty comment so they never mention or link, as are `http://`, `www.` and
 * `GH-1` inside, so no autolink or reference forms; line breaks become spaces.
 */
function escapeMarkdown(text) {
    return (text
        .replace(/\r\n?|\n/g, ' ')
        // First, so a control character cannot hide `http://` from the autolink check below.
        .replace(CONTROL, '')
        .replace(SPECIAL, (c) => {
        const entity = NAMED[c] ?? `&#${c.charCodeAt(0)};`;
        return c === '@' || c === '#' ? `${entity}${UNLINK}` : entity;
    })
        .replace(/\b(https?):\/\//gi, `$1:${UNLINK}//`)
        .replace(/\b(www)(?=\.)|\b(gh)(?=-\d)/gi, `$1$2${UNLINK}`));
}
/** Untrusted text as inline code: an HTML <code> element, since entities do not decode in backticks. */
function code(text) {
    return `<code>${escapeMarkdown(text)}</code>`;
}
/** One line of a <pre> block: HTML-escaped only, so logs keep their look. */
function escapePreLine(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/@/g, '&#64;')
        .replace(CONTROL, '');
}
/**
 * Escapes text for a double-quoted HTML attribute value (`title="…"`): quotes and angle
 * brackets become entities, line breaks spaces. Attributes are never scanned for mentions.
 */
function escapeAttribute(text) {
    return text
        .replace(/\r\n?|\n/g, ' ')
        .replace(CONTROL, '')
        .replace(/[&<>"']/g, (c) => (c === '"' ? '&quot;' : (NAMED[c] ?? `&#${c.charCodeAt(0)};`)));
}
/**
 * Encodes text for the inside of an HTML comment (`<!-- key=… -->`): percent-encoding, as
 * in a URL, except `/`, so no `-->`, `--!>` or `<!--` can appear and the value reads back
 * with decodeURIComponent.
 */
function encodeCommentValue(text) {
    return encodeURIComponent(text).replace(/%2F/g, '/');
}
/** Cuts text to at most `max` characters (code points, never half a surrogate pair) with "…". */
function truncate(text, max) {
    const chars = [...text];
    return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

;// CONCATENATED MODULE: ./src/report/strategy-comparison.ts


/**
 * Compares the reports of one manifest built both ways. Each tier is matched to the image
 * that serves it in each report; tiers missing from either (not built) compare as null.
 */
function compareStrategies(shared, perTier, cold) {
    const served = (report) => {
        const map = new Map();
        for (const image of report.images)
            for (const tier of image.tiers)
                map.set(tier, image);
        return map;
    };
    const sharedByTier = served(shared);
    const perTierByTier = served(perTier);
    const names = [
        ...new Set([
            ...perTier.images.flatMap((i) => i.tiers),
            ...shared.images.flatMap((i) => i.tiers)
        ])
    ];
    const tiers = names.map((tier) => ({
        tier,
        sharedBytes: sharedByTier.get(tier)?.sizeBytes ?? null,
        perTierBytes: perTierByTier.get(tier)?.sizeBytes ?? null
    }));
    const savings = tiers
        .filter((t) => t.sharedBytes !== null && t.perTierBytes !== null && t.sharedBytes > 0)
        .map((t) => ((t.sharedBytes ?? 0) - (t.perTierBytes ?? 0)) / (t.sharedBytes ?? 1));
    const summary = (report) => ({
        uniqueBytes: report.totals.uniqueBytes,
        durationMs: report.totals.durationMs,
        passed: report.passed,
        images: report.images.length
    });
    const a = summary(shared);
    const d = summary(perTier);
    return {
        tiers,
        shared: a,
        perTier: d,
        meanPullSaving: savings.length > 0 ? savings.reduce((x, y) => x + y, 0) / savings.length : null,
        diskOverhead: a.uniqueBytes > 0 && d.uniqueBytes > 0
            ? (d.uniqueBytes - a.uniqueBytes) / a.uniqueBytes
            : null,
        buildTimeRatio: a.durationMs > 0 && d.durationMs > 0 ? d.durationMs / a.durationMs : null,
        cold
    };
}
/** 0.48% stays "0.5%" rather than "0%"; large shares need no decimals. */
const percent = (ratio) => `${(ratio * 100).toFixed(Math.abs(ratio) < 0.1 ? 1 : 0)}%`;
const size = (bytes) => (bytes === null ? '–' : size_formatSize(bytes));
function saving(t) {
    if (t.sharedBytes === null || t.perTierBytes === null || t.sharedBytes === 0)
        return '–';
    const saved = t.sharedBytes - t.perTierBytes;
    return `${size_formatSize(saved)} (${percent(saved / t.sharedBytes)})`;
}
/** The findings in plain sentences, each backed by a figure; no advice without numbers. */
function comparisonFindings(comparison) {
    const findings = [];
    const { shared, perTier } = comparison;
    if (shared.passed !== perTier.passed) {
        findings.push(perTier.passed
            ? 'Only the per-tier images (D) fit their budgets; the shared image (A) does not.'
            : 'Only the shared image (A) fits its budget; a per-tier image (D) does not, or failed.');
    }
    if (comparison.meanPullSaving !== null) {
        findings.push(`A tier's pod pulls ${percent(comparison.meanPullSaving)} fewer bytes on average with per-tier images (D) than with the shared image (A).`);
    }
    if (comparison.diskOverhead !== null) {
        const more = comparison.diskOverhead >= 0;
        findings.push(`All of D's images together take ${size_formatSize(Math.abs(perTier.uniqueBytes - shared.uniqueBytes))} (${percent(Math.abs(comparison.diskOverhead))}) ${more ? 'more' : 'less'} disk than A's image, shared layers counted once.`);
    }
    if (comparison.buildTimeRatio !== null) {
        findings.push(`Building every tier (D) took ${comparison.buildTimeRatio.toFixed(2)}× the time of the shared image (A): ${formatDuration(perTier.durationMs)} against ${formatDuration(shared.durationMs)}${comparison.cold ? ', both without cache' : "; D was built first, and A reused whatever of D's layers it shares (the base), so run with --no-cache for a cold comparison"}.`);
    }
    return findings;
}
/** The comparison as markdown: one row per tier, totals, and the findings. */
function renderComparisonMarkdown(comparison) {
    const lines = [
        '## Shared image (A) or one image per tier (D)?',
        '',
        '| Tier | A: shared image | D: per-tier image | A tier pod pulls less with D |',
        '|---|--:|--:|--:|'
    ];
    for (const t of comparison.tiers) {
        lines.push(`| ${code(t.tier)} | ${size(t.sharedBytes)} | ${size(t.perTierBytes)} | ${saving(t)} |`);
    }
    const { shared, perTier } = comparison;
    lines.push(`| **All images, shared layers once** | **${size_formatSize(shared.uniqueBytes)}** | **${size_formatSize(perTier.uniqueBytes)}** | |`, `| **Build time** | ${formatDuration(shared.durationMs)} | ${formatDuration(perTier.durationMs)} | |`, `| **Within budget** | ${shared.passed ? '✅' : '❌'} | ${perTier.passed ? '✅' : '❌'} | |`, '');
    for (const finding of comparisonFindings(comparison))
        lines.push(`- ${escapeMarkdown(finding)}`);
    lines.push('', `Sizes are uncompressed, in decimal units; exact bytes are in the two reports (e.g. ${formatBytes(perTier.uniqueBytes)} for D).`);
    return `${lines.join('\n')}\n`;
}
/** The comparison as aligned plain text, for the CLI. */
function renderComparisonText(comparison) {
    const header = ['Tier', 'A: shared', 'D: per-tier', 'D pulls less'];
    const rows = comparison.tiers.map((t) => [
        t.tier,
        size(t.sharedBytes),
        size(t.perTierBytes),
        saving(t)
    ]);
    const { shared, perTier } = comparison;
    rows.push(['all images (unique)', size_formatSize(shared.uniqueBytes), size_formatSize(perTier.uniqueBytes), ''], ['build time', formatDuration(shared.durationMs), formatDuration(perTier.durationMs), ''], ['within budget', shared.passed ? 'yes' : 'NO', perTier.passed ? 'yes' : 'NO', '']);
    const all = [header, ...rows];
    const widths = header.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
    const format = (cells) => cells
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
        .join('  ')
        .trimEnd();
    const out = [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format), ''];
    out.push(...comparisonFindings(comparison).map((f) => `* ${f}`));
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/build/build-settings.ts
/** The `org.opencontainers.image.*` labels docker/metadata-action also sets. */
function ociLabels(source) {
    const labels = {};
    if (source.repositoryUrl)
        labels['org.opencontainers.image.source'] = source.repositoryUrl;
    if (source.revision)
        labels['org.opencontainers.image.revision'] = source.revision;
    labels['org.opencontainers.image.created'] = source.created;
    return labels;
}

;// CONCATENATED MODULE: ./src/utils/retry.ts
// The one retry loop. Every caller that tries an operation again (docker push, registry
// read-back, GitHub API requests and artifact downloads, creating the pull-request comment,
// inspecting an image right after its export) states its rule as a `delay` function: how
// long to wait after a failure, or null to give up. Rules that depend on the error (a
// transient status, GitHub's `retry-after`) live in that function, not in another loop.
/** A real wait. */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Exponential backoff for the errors `transient` accepts: `baseMs` after the first
 * attempt, then twice as long after each further one; null (give up) for any other error.
 */
function backoff(baseMs, transient) {
    return (error, attempt) => (transient(error) ? baseMs * 2 ** (attempt - 1) : null);
}
/**
 * Runs `operation` until it succeeds, the policy gives up on its error, or the tries run
 * out; then rethrows the last error. `onRetry` hears of each failure that is retried,
 * with the wait before the next attempt.
 */
async function retry(operation, policy, onRetry) {
    for (let attempt = 1;; attempt++) {
        try {
            return await operation(attempt);
        }
        catch (error) {
            const wait = attempt < policy.tries ? policy.delay(error, attempt) : null;
            if (wait === null)
                throw error;
            onRetry?.(error, attempt, wait);
            if (wait > 0)
                await (policy.sleep ?? sleep)(wait);
        }
    }
}

;// CONCATENATED MODULE: ./src/build/bake.ts

/**
 * Bake target names, one per image: buildx only accepts `[a-zA-Z0-9_-]+`, while tier names
 * may also hold dots. Other characters become `_`, and a number is added when two names
 * would collide (`ml.v2` → `ml_v2`; with a tier `ml_v2` too, the second is `ml_v2-2`).
 */
function bakeTargetNames(images) {
    const used = new Set();
    return images.map((image) => {
        const base = image.name.replace(/[^A-Za-z0-9_-]/g, '_') || 'image';
        let name = base;
        for (let n = 2; used.has(name); n++)
            name = `${base}-${n}`;
        used.add(name);
        return name;
    });
}
/**
 * Bake reads JSON files as HCL, so `${…}` and `%{…}` in any string (keys included) would be
 * evaluated as interpolations and directives; doubling the sigil keeps them literal.
 */
function escapeHcl(text) {
    return text.replace(/([$%])\{/g, '$1$1{');
}
function escapeMap(map) {
    return Object.fromEntries(Object.entries(map).map(([key, value]) => [escapeHcl(key), escapeHcl(value)]));
}
/**
 * The bake file for these images. Each target loads its image into the engine
 * (`type=docker`, like `--load`) so it can be measured, with the run's labels, the image's
 * build args, and its cache: the `cache` shorthand's per-image entries first, then the raw
 * `cache-from`/`cache-to` values every image gets.
 */
function bakeFile(entries, settings) {
    const targets = {};
    for (const { target, image } of entries) {
        const own = settings.cache
            ? imageCache(settings.cache, settings.repository, image.name)
            : { from: [], to: [] };
        const cacheFrom = [...own.from, ...settings.cacheFrom];
        const cacheTo = [...own.to, ...settings.cacheTo];
        const definition = {
            context: escapeHcl(image.context),
            dockerfile: escapeHcl(image.dockerfile),
            tags: [escapeHcl(image.ref)],
            output: ['type=docker']
        };
        if (image.target !== undefined)
            definition.target = escapeHcl(image.target);
        if (Object.keys(image.buildArgs).length > 0)
            definition.args = escapeMap(image.buildArgs);
        if (Object.keys(settings.labels).length > 0)
            definition.labels = escapeMap(settings.labels);
        if (cacheFrom.length > 0)
            definition['cache-from'] = cacheFrom.map(escapeHcl);
        if (cacheTo.length > 0)
            definition['cache-to'] = cacheTo.map(escapeHcl);
        if (settings.noCache)
            definition['no-cache'] = true;
        targets[target] = definition;
    }
    return { target: targets };
}
/**
 * The argument vector of `docker buildx bake` (without the leading `docker`) for a bake
 * file and the targets to build from it. Progress comes as raw JSON, so the action can
 * time each image's steps and keep the log of a failed one.
 */
function bakeArgs(file, targets, builder) {
    const args = ['buildx', 'bake', '--file', file, '--progress=rawjson'];
    if (builder)
        args.push('--builder', builder);
    args.push(...targets);
    return args;
}

;// CONCATENATED MODULE: ./src/build/target-steps.ts
// `docker buildx bake` builds several targets in one BuildKit session and writes one progress
// stream for all of them. With more than one target, buildx prefixes each vertex name with
// the target whose build reported it (`[tier1 base 2/3] COPY …`, `[tier1] exporting to
// image`). A step that several targets share (the base stage) is one vertex, reported under
// each of their prefixes, while the plain log shows it once under the first; and a target's
// own copy of a shared step may be a cached twin with another digest. Every vertex also
// lists the digests of its inputs. These pure helpers split a session's steps by target
// from both: the vertices reported under a target's prefix, and everything they consume.

/** The vertex bake starts every session with; it belongs to no target. */
const BAKE_DEFINITIONS = '[internal] load local bake definitions';
/**
 * Whether a vertex error is BuildKit cancelling the step, which bake does to every other
 * target as soon as one fails (`… exit code: 137: context canceled: context canceled`).
 */
function isCancellation(error) {
    return /context canceled$/.test(error.trim());
}
/**
 * The target whose image a vertex finished exporting, if it is an image export: `[tier1]
 * exporting to image` in a session of several targets, `exporting to image` with one (or
 * `exporting to docker image format` with a builder outside the engine). Cache exports
 * are not image exports.
 */
function exportedTarget(name, targets) {
    const match = /^(?:\[([^\] ]+)\] )?exporting to (?!cache)/.exec(name);
    if (!match)
        return undefined;
    const [, prefix] = match;
    if (prefix === undefined)
        return targets.length === 1 ? targets[0] : undefined;
    return targets.length > 1 && targets.includes(prefix) ? prefix : undefined;
}
/** Whether a Dockerfile step is a `FROM`: resolving a base image, not a step that can be cached. */
function isFromStep(name) {
    return /^\[[^\]]*\]\s+FROM\s/.test(name);
}
/**
 * The name of a step without the target prefix bake adds when a session has several
 * targets, so the same step has the same key in every target and every session.
 */
function stepKey(name, prefixed) {
    return prefixed ? name.replace(/^\[[^\] ]+(?: |(?=\]))/, '[') : name;
}
/**
 * Splits the steps of one session among its targets. With one target, every vertex is its
 * (including steps BuildKit shared with a concurrent build). With several, a target owns
 * the vertices ever reported under its prefix and, transitively, their inputs: a tier's
 * steps plus the base stage it is built on, whichever tier's build ran the base.
 */
function splitByTarget(steps, targets) {
    const prefixed = targets.length > 1;
    const byDigest = new Map(steps.map((step) => [step.digest, step]));
    const relevant = steps.filter((step) => step.name !== BAKE_DEFINITIONS);
    const result = new Map();
    for (const target of targets) {
        const own = prefixed
            ? relevant.filter((step) => (step.names.length > 0 ? step.names : [step.name]).some((name) => name.startsWith(`[${target} `) || name.startsWith(`[${target}]`)))
            : relevant;
        const digests = new Set();
        const pending = own.map((step) => step.digest);
        for (let digest = pending.pop(); digest !== undefined; digest = pending.pop()) {
            if (digests.has(digest))
                continue;
            digests.add(digest);
            for (const input of byDigest.get(digest)?.inputs ?? [])
                pending.push(input);
        }
        const closure = relevant.filter((step) => digests.has(step.digest));
        result.set(target, describe(closure, prefixed));
    }
    return result;
}
function describe(closure, prefixed) {
    const keyed = new Map();
    for (const step of closure) {
        if (!isDockerfileStep(step.name))
            continue;
        const key = stepKey(step.name, prefixed);
        const seen = keyed.get(key);
        // The same step reached through two targets: the one that ran tells what happened.
        if (!seen || (seen.cached && !step.cached))
            keyed.set(key, step);
    }
    const described = {
        digests: new Set(closure.map((step) => step.digest)),
        dockerfileSteps: [...keyed].map(([key, step]) => ({ key, step })),
        canceled: false
    };
    const starts = closure.map((step) => step.startedMs).filter(Number.isFinite);
    const ends = closure
        .map((step) => step.completedMs ?? step.startedMs)
        .filter(Number.isFinite);
    if (starts.length > 0)
        described.startedMs = Math.min(...starts);
    if (ends.length > 0)
        described.completedMs = Math.max(...ends);
    for (const step of closure) {
        if (step.error === undefined)
            continue;
        if (isCancellation(step.error))
            described.canceled = true;
        else
            described.error ??= step.error;
    }
    return described;
}
/**
 * Keys of the Dockerfile steps that really ran in a session (completed, not from cache, no
 * error). A step another target of the same run built is not a cache hit for the others.
 */
function executedKeys(steps, prefixed) {
    const keys = new Set();
    for (const step of steps) {
        if (!isDockerfileStep(step.name) || isFromStep(step.name))
            continue;
        if (step.completedMs !== undefined && !step.cached && step.error === undefined)
            keys.add(stepKey(step.name, prefixed));
    }
    return keys;
}
/**
 * Counts an image's steps and its cache hits. `FROM` is left out (resolving a base image is
 * not a step the cache can save), and a step counts as a hit only when it was not built by
 * any session of the same run: on a cold build, the base stage built once for three tiers
 * is three misses, not one miss and two hits. (Two steps that differ only in a build arg
 * the instruction does not show share a key; the count then errs towards misses.)
 */
function countSteps(steps, executedInRun) {
    const counted = steps.filter(({ step }) => !isFromStep(step.name));
    return {
        totalSteps: counted.length,
        cachedSteps: counted.filter(({ key, step }) => step.cached && !executedInRun.has(key)).length
    };
}

;// CONCATENATED MODULE: ./src/build/build-images.ts







/** Lines of a failed build's log kept in the report. */
const LOG_TAIL_LINES = 30;
/** At most this many images are inspected (`docker image inspect` + `docker history`) at once. */
const MEASURE_CONCURRENCY = 6;
/** Inspections of a built image after bake exits: at once, then after these waits (ms). */
const INSPECT_RETRY_DELAYS_MS = [500, 1500];
/**
 * Builds every image with `docker buildx bake` and measures the ones that built.
 *
 * All images go into one BuildKit session, where the stages they share are built once and
 * the rest run concurrently. With `maxParallelism` below the number of images, that many
 * sessions of one image each run at a time instead (BuildKit still shares identical steps
 * between them). An image is inspected as soon as the stream says its export finished,
 * while bake goes on with the others. When one image fails, bake cancels the others; those
 * not finished yet are built again in a new session, which picks up whatever the first one
 * finished from the cache, so one bad tier never costs the others their verdict.
 *
 * Each image's `durationMs` is the span of its own steps in the progress stream, the shared
 * ones included (summed over sessions when it had to be built again); `cachedSteps` and
 * `totalSteps` count its Dockerfile steps and the cache hits among them.
 */
async function buildImages(images, options, deps) {
    const { logger } = deps;
    const names = bakeTargetNames(images);
    const states = images.map((image, index) => ({
        entry: { target: names[index] ?? image.name, image },
        durationMs: 0,
        steps: []
    }));
    const executedInRun = new Set();
    const inspect = limited(MEASURE_CONCURRENCY, (ref) => deps.docker.inspectImage(ref));
    let sessions = 0;
    const pool = options.maxParallelism > 0 && states.length > options.maxParallelism;
    const session = async (group) => {
        const number = ++sessions;
        const file = external_node_path_default().join(options.scratch, `bake-${number}.json`);
        const definition = bakeFile(group.map((state) => state.entry), options.settings);
        await deps.fs.writeFileAtomic(file, `${JSON.stringify(definition, null, 2)}\n`);
        const targets = group.map((state) => state.entry.target);
        const args = bakeArgs(file, targets, options.settings.builder);
        logger.info(`docker ${args.map(quoteForDisplay).join(' ')}`);
        logger.debug(`${file}:\n${JSON.stringify(definition, null, 2)}`);
        const measured = new Map();
        const progress = new BuildProgress({
            onStepDone: (step) => {
                const target = step.error === undefined ? exportedTarget(step.name, targets) : undefined;
                const state = group.find((candidate) => candidate.entry.target === target);
                if (target === undefined || !state || measured.has(target))
                    return;
                const details = inspect(state.entry.image.ref);
                details.catch(() => undefined); // settled below, after the session
                measured.set(target, details);
            }
        });
        // Concurrent one-image sessions interleave in the log: say whose line each is.
        const prefix = pool ? `${targets[0]} | ` : '';
        const start = deps.now();
        const running = deps.docker.build(args, (line) => logger.info(`${prefix}${line}`), progress);
        options.onBuildStarted?.();
        const result = await running;
        const wallMs = deps.now() - start;
        const steps = result.progress.steps();
        for (const key of executedKeys(steps, targets.length > 1))
            executedInRun.add(key);
        const split = splitByTarget(steps, targets);
        for (const state of group) {
            const own = split.get(state.entry.target);
            state.steps = own?.dockerfileSteps ?? [];
            state.durationMs +=
                own?.startedMs !== undefined && own.completedMs !== undefined
                    ? own.completedMs - own.startedMs
                    : wallMs;
        }
        return { result, split, measured };
    };
    const fail = (state, error, logTail) => {
        // Logged with the build; the step's verdict states the failure once, as an error.
        logger.info(`${state.entry.image.ref}: build failed: ${error}`);
        state.outcome = { image: state.entry.image, ok: false, durationMs: 0, error, logTail };
    };
    // Inspects a built image: an image another builder loads into the engine after its export
    // (not the docker driver) may not be there yet when the stream says the export is done.
    const measure = async (state, current) => {
        const { image, target } = state.entry;
        // The inspection started during the session, then again once bake has exited, then
        // after short waits: right after an export the engine has been seen to answer "snapshot
        // … does not exist" for an image it has just stored (Docker 26, containerd image store).
        const started = current.measured.get(target);
        const waits = started ? [0, ...INSPECT_RETRY_DELAYS_MS] : INSPECT_RETRY_DELAYS_MS;
        let details;
        try {
            details = await retry((attempt) => (attempt === 1 && started ? started : inspect(image.ref)).catch((error) => {
                logger.debug(`${image.ref}: inspection failed (${errors_errorMessage(error)})`);
                throw error;
            }), {
                tries: waits.length + 1,
                delay: (_error, attempt) => waits[attempt - 1] ?? null,
                ...(deps.sleep ? { sleep: deps.sleep } : {})
            });
        }
        catch (failure) {
            const message = `built, but could not be measured: ${errors_errorMessage(failure)}`;
            logger.info(`${image.ref}: ${message}`);
            const digests = current.split.get(target)?.digests ?? new Set();
            state.outcome = {
                image,
                ok: false,
                durationMs: 0,
                error: message,
                logTail: current.result.progress.tailOf(digests, LOG_TAIL_LINES)
            };
            return;
        }
        const sizeBytes = details.history.reduce((sum, row) => sum + row.sizeBytes, 0);
        logger.info(`${image.ref}: ${sizeBytes} bytes in ${details.diffIds.length} layers`);
        state.outcome = {
            image,
            ok: true,
            durationMs: 0,
            imageId: details.id,
            inspectSizeBytes: details.inspectSizeBytes,
            history: details.history,
            diffIds: details.diffIds,
            ...(details.platform ? { platform: details.platform } : {})
        };
    };
    let engineLost;
    // Builds a group in one session; what a failure cancelled goes again until none is left.
    const build = async (group) => {
        let pending = group;
        while (pending.length > 0 && !engineLost) {
            const current = await session(pending);
            const { result, split, measured } = current;
            if (result.exitCode === 0) {
                await Promise.all(pending.map((state) => measure(state, current)));
                return;
            }
            const targets = pending.map((state) => state.entry.target);
            const failed = pending.filter((state) => split.get(state.entry.target)?.error !== undefined);
            // Images whose export finished before bake gave up are built: keep them.
            const finished = pending.filter((state) => !failed.includes(state) && measured.has(state.entry.target));
            await Promise.all(finished.map((state) => measure(state, current)));
            // No engine or no buildx is not the images' fault: stop the run and say why, once.
            // Images that were under way keep their own error and log; the rest were not built.
            const unfinished = pending.filter((state) => !finished.includes(state));
            const underWay = unfinished.filter((state) => split.get(state.entry.target)?.startedMs !== undefined);
            try {
                await options.checkEngine?.((underWay.length > 0 ? underWay : unfinished).map((state) => state.entry.image));
            }
            catch (error) {
                if (!(error instanceof EngineError))
                    throw error;
                engineLost ??= error;
                const said = [...result.progress.tail(LOG_TAIL_LINES)]
                    .reverse()
                    .find((line) => line.startsWith('ERROR'));
                for (const state of underWay) {
                    const own = split.get(state.entry.target);
                    fail(state, own?.error ??
                        `interrupted when the engine stopped answering${said ? ` (${said})` : ''}`, result.progress.tailOf(own?.digests ?? new Set(), LOG_TAIL_LINES));
                }
                return;
            }
            if (failed.length === 0 && finished.length === 0) {
                const [only] = pending;
                if (pending.length === 1 && only) {
                    fail(only, unattributedError(result), result.progress.tail(LOG_TAIL_LINES));
                    return;
                }
                // The stream blames no image (the session itself failed): build each on its own.
                logger.info(`The session failed before any image did; building ${targets.join(', ')} one by one`);
                for (const state of pending)
                    await build([state]);
                return;
            }
            for (const state of failed) {
                const own = split.get(state.entry.target);
                fail(state, own?.error ?? unattributedError(result), result.progress.tailOf(own?.digests ?? new Set(), LOG_TAIL_LINES));
            }
            pending = pending.filter((state) => !failed.includes(state) && !finished.includes(state));
            if (pending.length > 0) {
                logger.info(`bake cancelled ${pending.map((state) => state.entry.target).join(', ')} when ${failed.map((state) => state.entry.target).join(', ') || 'the session'} failed; building ${pending.length === 1 ? 'it' : 'them'} again`);
            }
        }
    };
    if (pool) {
        const queue = [...states];
        const worker = async () => {
            for (let state = queue.shift(); state && !engineLost; state = queue.shift())
                await build([state]);
        };
        await Promise.all(Array.from({ length: options.maxParallelism }, worker));
    }
    else {
        await build(states);
    }
    const outcomes = states.map((state) => {
        const counts = countSteps(state.steps, executedInRun);
        const outcome = state.outcome ?? {
            image: state.entry.image,
            ok: false,
            durationMs: 0,
            error: `not built: ${engineLost?.message ?? 'the build stopped'}`,
            logTail: []
        };
        logger.info(`${state.entry.image.name}: ${outcome.ok ? 'built' : state.outcome ? 'failed' : 'not built'} in ${formatDuration(state.durationMs)}, ${counts.cachedSteps} of ${counts.totalSteps} steps from the cache`);
        return { ...outcome, durationMs: state.durationMs, ...counts };
    });
    return engineLost ? { outcomes, engineLost } : { outcomes };
}
/** Wraps an async function so that at most `concurrency` calls run at once. */
function limited(concurrency, fn) {
    let running = 0;
    const waiting = [];
    return async (arg) => {
        if (running < concurrency)
            running++;
        else
            await new Promise((resolve) => waiting.push(resolve));
        try {
            return await fn(arg);
        }
        finally {
            // A finished call hands its slot straight to the next one waiting, if any.
            const next = waiting.shift();
            if (next)
                next();
            else
                running--;
        }
    };
}
/** The best explanation of a failed session that no vertex error pins on an image. */
function unattributedError(result) {
    const stepError = result.progress
        .steps()
        .map((step) => step.error)
        .find((error) => error !== undefined && !isCancellation(error));
    return (stepError ??
        [...result.progress.tail(LOG_TAIL_LINES)].reverse().find((line) => line.startsWith('ERROR')) ??
        `docker buildx bake exited with code ${result.exitCode}`);
}
function quoteForDisplay(arg) {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./src/build/engine.ts

/**
 * What the run asks the engine about itself. The versions are only needed for the report
 * (and a compressed budget), so they are asked for once the first bake has started: three
 * CLI starts off the critical path. A failed build waits for the answer first, so an
 * engine that does not answer, or no buildx, still stops the run with that error.
 */
class EngineProbe {
    docker;
    info;
    constructor(docker) {
        this.docker = docker;
    }
    /** The engine's versions and image store, asked once. */
    ask() {
        if (!this.info) {
            this.info = this.docker.engineInfo();
            this.info.catch(() => undefined); // awaited by whoever needs it
        }
        return this.info;
    }
    /** The first answer's error, when the engine never answered; undefined when it did. */
    async neverAnswered() {
        return this.ask().then(() => undefined, (error) => error);
    }
    /**
     * After a failed session, before its images are blamed: an engine that never answered
     * rethrows its first error; one that stopped answering mid-run throws an EngineError
     * naming the images whose build it cut short.
     */
    async checkAfterFailure(failed) {
        await this.ask();
        try {
            await this.docker.engineInfo();
        }
        catch (error) {
            if (!(error instanceof EngineError))
                throw error;
            throw new EngineError(`The build of ${failed.map((image) => `${image.ref} (${image.tiers.join(', ')})`).join(', ')} stopped because the engine stopped answering: ${error.message}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/report/verdict.ts
// The verdict on each image and on the run: within budget, near it, over it, or failed,
// and the messages the step fails (or warns) with. A near-budget warning carries the place
// in the manifest where the tier is declared, so the annotation lands on its line.


/** Share of the budget above which an image gets a warning. */
const WARN_RATIO = 0.9;
/** The verdict for a measured image: over the budget, above 90% of it, or fine. */
function budgetStatus(sizeBytes, thresholdBytes) {
    if (sizeBytes > thresholdBytes)
        return 'over';
    if (sizeBytes > thresholdBytes * WARN_RATIO)
        return 'warn';
    return 'ok';
}
/** The size an image's budget is checked against, under the report's threshold basis. */
function budgetedSize(image, basis) {
    return basis === 'compressed' ? image.compressedBytes : image.sizeBytes;
}
/**
 * Names the images over budget or failed, with sizes, limits and excess, and a publishing
 * failure; empty when the step should pass.
 */
function verdictMessages(report) {
    const messages = [];
    if (report.error)
        messages.push(report.error);
    const compressed = report.thresholdBasis === 'compressed' ? ' compressed' : '';
    for (const image of report.images) {
        const who = `${image.ref} (${image.tiers.join(', ')})`;
        const size = budgetedSize(image, report.thresholdBasis);
        if (image.status === 'over' && size !== null) {
            const excess = size - image.thresholdBytes;
            messages.push(`${who} is ${size_formatSize(size)}${compressed} (${formatBytes(size)}), over its ${size_formatSize(image.thresholdBytes)} budget (${formatBytes(image.thresholdBytes)}) by ${size_formatSize(excess)} (${formatBytes(excess)})`);
        }
        else if (image.status === 'failed') {
            messages.push(`${who} failed to build: ${image.error ?? 'unknown error'}`);
        }
    }
    if (report.publish.error)
        messages.push(report.publish.error);
    return messages;
}
/** The warning for an image above 90% of its budget. */
function warningMessage(image, basis = 'uncompressed') {
    const size = budgetedSize(image, basis);
    if (image.status !== 'warn' || size === null)
        return undefined;
    const percent = ((size / image.thresholdBytes) * 100).toFixed(1);
    const compressed = basis === 'compressed' ? ' compressed' : '';
    return `${image.ref} (${image.tiers.join(', ')}) is ${formatSize(size)}${compressed}, ${percent}% of its ${formatSize(image.thresholdBytes)} budget (${formatSize(image.thresholdBytes - size)} left)`;
}
/**
 * One warning per image above 90% of its budget, located at its (first) tier's
 * declaration when the manifest is at hand, else at the top of the manifest file.
 */
function verdictWarnings(report, manifest) {
    return report.images.flatMap((image) => {
        const message = warningMessage(image, report.thresholdBasis);
        if (!message)
            return [];
        const tier = image.tiers[0];
        const where = tier && manifest ? manifest.positions[fieldPath(['tiers', tier])] : undefined;
        return [
            {
                message,
                file: manifest?.file ?? report.manifest,
                ...(where ? { line: where.line, column: where.column } : {})
            }
        ];
    });
}

;// CONCATENATED MODULE: ./src/report/build-report.ts



/**
 * The outcome of an image that was not built or measured, and why; what the engine already
 * did for it (time, log, steps) can be kept.
 */
function failedOutcome(image, error, kept = {}) {
    return {
        image,
        ok: false,
        durationMs: kept.durationMs ?? 0,
        error,
        logTail: kept.logTail ?? [],
        cachedSteps: kept.cachedSteps ?? 0,
        totalSteps: kept.totalSteps ?? 0
    };
}
/** Tier → reference of the image that serves it (the report's `tiers`, the `images` output). */
function tierRefs(images) {
    const refs = {};
    for (const image of images)
        for (const tier of image.tiers)
            refs[tier] = image.ref;
    return refs;
}
const NO_PUBLISH = { requested: false, event: '', ref: '', version: null };
/** Assembles the report from the plan and each build's outcome; every image gets a verdict. */
function buildReport(plan, outcomes, context) {
    const basis = context.thresholdBasis ?? 'uncompressed';
    const images = outcomes.map((outcome) => {
        const { image } = outcome;
        const base = {
            name: image.name,
            tiers: image.tiers,
            target: image.target ?? null,
            dockerfile: image.dockerfile,
            ref: image.ref,
            tags: (context.tags?.[image.name] ?? []).map((ref) => ({ ref, pushed: false })),
            durationMs: Math.round(outcome.durationMs),
            cachedSteps: outcome.cachedSteps,
            totalSteps: outcome.totalSteps,
            thresholdBytes: image.thresholdBytes
        };
        const unpublished = {
            compressedBytes: null,
            compressedSource: null,
            digest: null,
            platformDigest: null
        };
        if (!outcome.ok) {
            return {
                ...base,
                imageId: null,
                sizeBytes: null,
                inspectSizeBytes: null,
                ...unpublished,
                status: 'failed',
                layers: [],
                error: outcome.error,
                logTail: outcome.logTail
            };
        }
        const layers = matchLayers(outcome.history, outcome.diffIds);
        const sizeBytes = outcome.history.reduce((sum, row) => sum + row.sizeBytes, 0);
        const report = {
            ...base,
            imageId: outcome.imageId,
            sizeBytes,
            inspectSizeBytes: outcome.inspectSizeBytes,
            ...unpublished,
            status: budgetStatus(sizeBytes, image.thresholdBytes),
            layers
        };
        if (outcome.packed) {
            report.compressedBytes = outcome.packed.compressedBytes;
            report.compressedSource = 'local';
        }
        if (basis === 'compressed') {
            if (report.compressedBytes === null) {
                report.status = 'failed';
                report.error =
                    'the compressed size was not measured, so the compressed budget cannot be checked';
            }
            else {
                report.status = budgetStatus(report.compressedBytes, image.thresholdBytes);
            }
        }
        return report;
    });
    const tiers = tierRefs(images);
    const built = images.filter((image) => image.sizeBytes !== null);
    const report = {
        schemaVersion: 1,
        tool: context.tool,
        manifest: plan.manifestFile,
        strategy: plan.strategy,
        passed: context.error === undefined &&
            images.every((image) => image.status === 'ok' || image.status === 'warn'),
        startedAt: context.startedAt,
        finishedAt: context.finishedAt,
        engine: context.engine,
        thresholdBasis: basis,
        pushed: false,
        publish: context.publish ?? NO_PUBLISH,
        images,
        tiers,
        totals: {
            uniqueBytes: uniqueBytes(built),
            sumBytes: built.reduce((sum, image) => sum + (image.sizeBytes ?? 0), 0),
            durationMs: Math.round(context.buildDurationMs)
        }
    };
    if (context.error !== undefined)
        report.error = context.error;
    return report;
}
/** The report of a run that stopped before it had a plan (bad manifest or input). */
function emptyReport(manifest, strategy, context) {
    const report = {
        schemaVersion: 1,
        tool: context.tool,
        manifest,
        strategy,
        passed: false,
        startedAt: context.startedAt,
        finishedAt: context.finishedAt,
        engine: context.engine,
        thresholdBasis: context.thresholdBasis ?? 'uncompressed',
        pushed: false,
        publish: context.publish ?? NO_PUBLISH,
        images: [],
        tiers: {},
        totals: { uniqueBytes: 0, sumBytes: 0, durationMs: 0 }
    };
    if (context.error !== undefined)
        report.error = context.error;
    return report;
}
/** Tier → `repo@sha256:…` of the pushed image serving it; tiers whose image was not pushed are left out. */
function pinnedTiers(report) {
    const pinned = {};
    for (const image of report.images) {
        const first = image.tags.find((tag) => tag.pushed);
        if (!image.digest || !first)
            continue;
        for (const tier of image.tiers)
            pinned[tier] = `${splitTag(first.ref).repository}@${image.digest}`;
    }
    return pinned;
}

;// CONCATENATED MODULE: ./src/measure/inspect.ts


/**
 * Reads the packed (compressed) image the engine holds, for a compressed budget; a failure
 * fails this image rather than the run.
 */
async function measurePacked(outcome, deps) {
    const { image } = outcome;
    return deps.logger.group(`Measure ${image.name} compressed`, async () => {
        try {
            const packed = await deps.docker.packedImage(image.ref, outcome.platform);
            deps.logger.info(`${image.ref}: ${packed.compressedBytes} bytes compressed (config ${packed.configBytes} + ${packed.layerBytes.length} layers) in ${packed.platformDigest}`);
            return { ...outcome, packed };
        }
        catch (error) {
            const message = `built, but its compressed size could not be read: ${errors_errorMessage(error)}`;
            deps.logger.error(`${image.ref}: ${message}`);
            return failedOutcome(image, message, outcome);
        }
    });
}

;// CONCATENATED MODULE: ./src/manifest/fields.ts
/** Renders a field path as `tiers.tier2.pip[0]`, quoting keys that are not plain words. */
function fields_fieldPath(path) {
    let out = '';
    for (const part of path) {
        if (typeof part === 'number')
            out += `[${part}]`;
        else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(part))
            out += out ? `.${part}` : part;
        else
            out += `[${JSON.stringify(part)}]`;
    }
    return out;
}
/** The position of the nearest enclosing field that has one. */
function nearestPosition(positions, path) {
    for (let length = path.length - 1; length >= 0; length--) {
        const found = positions[fields_fieldPath(path.slice(0, length))];
        if (found)
            return found;
    }
    return undefined;
}
/** Issues in the order of the file: line, then column. */
function sortIssues(issues) {
    return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}
/** A value as messages show it: strings quoted and cut, other types named. */
function fields_describe(value) {
    if (value === null)
        return 'null';
    if (value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (value instanceof Uint8Array)
        return 'binary data';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    return `${typeof value} ${String(value)}`;
}
/** A record keyed by text from the manifest: no prototype, so `__proto__` is only a key. */
function emptyRecord() {
    return Object.create(null);
}

;// CONCATENATED MODULE: ./src/utils/paths.ts

/**
 * Whether `target` lies inside `root` (or is `root`). Both must be absolute and already
 * resolved; callers compare real paths to catch symlinks that point out of the repository.
 */
function isInside(root, target) {
    const relative = external_node_path_default().relative(root, target);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_default().isAbsolute(relative));
}
/** A path as shown to users: relative to the workspace when inside it, with forward slashes. */
function displayPath(workspace, file) {
    const relative = external_node_path_default().relative(workspace, file);
    if (relative === '' || relative.startsWith('..') || external_node_path_default().isAbsolute(relative))
        return file;
    return relative.split((external_node_path_default()).sep).join('/');
}

;// CONCATENATED MODULE: ./src/manifest/notebooks.ts



// The manifest's `notebooks` globs select the notebooks a tier validates. They are read
// relative to the manifest's folder; the manifest parser refuses globs that leave it
// (checkNotebookGlob), and the matches are checked here, symlinks resolved.
/**
 * Characters the operator's git-clone init container passes safely: it builds a shell
 * script with the notebook path in double quotes, so `$`, backticks, quotes and
 * backslashes would be interpreted.
 */
const SAFE_NOTEBOOK_PATH = /^[A-Za-z0-9._/+@ (),-]+\.ipynb$/;
/** Why the operator cannot be handed this repository-relative notebook path, if it cannot. */
function notebookPathProblem(file) {
    if (!file.endsWith('.ipynb'))
        return `${file} is not a notebook (.ipynb)`;
    if (!SAFE_NOTEBOOK_PATH.test(file) || file.startsWith('-') || file.includes('//')) {
        return `${file} has characters the operator's git-clone shell script would interpret; use letters, digits, space and . _ - + @ ( ) , /`;
    }
    return undefined;
}
/**
 * Turns glob matches (absolute real paths) into repository-relative notebook paths for
 * each tier, sorted; matches outside the repository (through symlinks) and unsafe names
 * are issues.
 */
function collectNotebooks(manifest, workspace, matches) {
    const issues = [];
    const tiers = [];
    for (const tier of manifest.tiers) {
        if (tier.notebooks.length === 0)
            continue;
        const field = fields_fieldPath(['tiers', tier.name, 'notebooks']);
        const where = manifest.positions[field] ??
            manifest.positions[fields_fieldPath(['tiers', tier.name])] ?? { line: 1, column: 1 };
        const notebooks = new Set();
        for (const match of matches[tier.name] ?? []) {
            if (!isInside(workspace, match.real)) {
                issues.push({
                    file: manifest.file,
                    ...where,
                    field,
                    message: `${external_node_path_default().relative(workspace, match.file).split((external_node_path_default()).sep).join('/')} resolves through a symlink to ${match.real}, outside the repository`
                });
                continue;
            }
            const relative = external_node_path_default().relative(workspace, match.file).split((external_node_path_default()).sep).join('/');
            const problem = notebookPathProblem(relative);
            if (problem) {
                issues.push({ file: manifest.file, ...where, field, message: problem });
                continue;
            }
            notebooks.add(relative);
        }
        tiers.push({ tier: tier.name, notebooks: [...notebooks].sort() });
    }
    return { tiers, issues };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/publish/validation-jobs.ts



// NotebookValidationJob resources for the Jupyter Notebook Validator Operator, checked
// against its CRD (api/v1alpha1/notebookvalidationjob_types.go, group mlops.mlops.dev):
//   spec.notebook.git.url (required; https://, git://, ssh:// or git@)
//   spec.notebook.git.ref (required; the operator runs `git clone --branch <ref>`, so a
//                          branch or tag, never a commit SHA)
//   spec.notebook.path    (required; must end in .ipynb)
//   spec.podConfig.containerImage (required) — pinned by digest here
//   spec.podConfig.buildConfig.enabled — false: the image is pre-built, never rebuilt
// The operator names the validation pod `<job>-validation`, so job names stay within 52
// characters to keep pod names valid DNS labels (63).
/** The CRD's group/version and kind. */
const NVJ_API_VERSION = 'mlops.mlops.dev/v1alpha1';
const NVJ_KIND = 'NotebookValidationJob';
/** Longest job name: 63 (a DNS label, the pod's name) minus "-validation". */
const MAX_JOB_NAME = 52;
/** A Kubernetes label value: at most 63 of [A-Za-z0-9_.-], starting and ending alphanumeric. */
function labelValue(text) {
    return text
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .slice(0, 63)
        .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}
/** Lowercase DNS-1123 label text: letters, digits and `-`, no leading or trailing `-`. */
function dnsLabel(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
/**
 * Names jobs `<tier>-<notebook file name>`; when two would collide or a name is too long,
 * it is cut and given a short hash of the notebook's path, so names are stable run to run.
 */
function jobName(tier, notebook, taken) {
    const stem = notebook.replace(/^.*\//, '').replace(/\.ipynb$/, '');
    const readable = dnsLabel(`${tier}-${stem}`) || 'notebook';
    if (readable.length <= MAX_JOB_NAME && !taken.has(readable))
        return readable;
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(`${tier}\0${notebook}`).digest('hex').slice(0, 8);
    const head = readable.slice(0, MAX_JOB_NAME - hash.length - 1).replace(/-+$/, '');
    return `${head}-${hash}`;
}
/**
 * One job per notebook of each tier, pointing at the digest of the image that serves the
 * tier. Tiers whose image was not pushed get no job.
 */
function planNotebookValidationJobs(report, notebooks) {
    const jobs = [];
    const taken = new Set();
    // Readable names first, in a stable order, so the hash suffix goes to the later duplicate.
    for (const { tier, notebooks: files } of notebooks) {
        const image = report.images.find((candidate) => candidate.tiers.includes(tier));
        const first = image?.tags.find((tag) => tag.pushed);
        if (!image?.digest || !first)
            continue;
        const repository = reference_splitTag(first.ref).repository;
        for (const notebook of files) {
            const name = jobName(tier, notebook, taken);
            taken.add(name);
            jobs.push({
                name,
                tier,
                notebook,
                containerImage: `${repository}@${image.digest}`,
                imageTag: first.ref
            });
        }
    }
    return jobs;
}
/** The jobs as multi-document YAML, ready for `kubectl apply -f`. */
function renderNotebookValidationJobs(jobs, context) {
    const documents = jobs.map((job) => {
        const annotations = {
            'nb-image-action/image': job.imageTag,
            'nb-image-action/revision': context.git.revision
        };
        if (context.version)
            annotations['nb-image-action/version'] = context.version;
        const metadata = { name: job.name };
        if (context.namespace)
            metadata['namespace'] = context.namespace;
        metadata['labels'] = {
            'app.kubernetes.io/managed-by': 'nb-image-action',
            'app.kubernetes.io/version': labelValue(context.toolVersion),
            'nb-image-action/tier': labelValue(job.tier)
        };
        metadata['annotations'] = annotations;
        return (0,dist/* stringify */.As)({
            apiVersion: NVJ_API_VERSION,
            kind: NVJ_KIND,
            metadata,
            spec: {
                notebook: {
                    git: { url: context.git.url, ref: context.git.ref },
                    path: job.notebook
                },
                podConfig: {
                    containerImage: job.containerImage,
                    buildConfig: { enabled: false }
                }
            }
        }, { lineWidth: 0 });
    });
    const header = `# NotebookValidationJobs written by nb-image-action ${context.toolVersion}: one per notebook,\n# each running the tier image pinned by digest. Apply with \`kubectl apply -f <this file>\`.\n`;
    return header + documents.map((document) => `---\n${document}`).join('');
}
/** Why the operator could not clone this source, if it could not (see the CRD notes above). */
function gitSourceProblem(git) {
    if (!/^((https?|git|ssh):\/\/|git@)[A-Za-z0-9._~:/@%+-]+$/.test(git.url)) {
        return `the git URL ${git.url} is not one the operator accepts (https://, git://, ssh:// or git@, without spaces or shell characters)`;
    }
    if (!/^[A-Za-z0-9._/+@][A-Za-z0-9._/+@-]*$/.test(git.ref)) {
        return `the git ref "${git.ref}" has characters the operator's git-clone shell script would interpret; push from a branch or tag named with letters, digits and . _ - + @ /`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/publish/push.ts



/** Messages of registry errors that another try cannot fix. */
const PERMANENT = /denied|unauthorized|authentication required|forbidden|no basic auth credentials|name unknown|name invalid|manifest invalid|tag invalid|invalid reference format|does not exist locally|no such image|unsupported/i;
/** Whether a failed `docker push` is worth another try (network trouble, 5xx, 429). */
function isTransientPushError(message) {
    return !PERMANENT.test(message);
}
class PushError extends Error {
    transient;
    name = 'PushError';
    constructor(message, transient) {
        super(message);
        this.transient = transient;
    }
}
const push_transient = (error) => (error instanceof PushError || error instanceof RegistryError) && error.transient;
/** Registry operations: 3 tries, waiting 2 s then 4 s after transient failures. */
const REGISTRY_TRIES = 3;
const REGISTRY_BACKOFF_MS = 2000;
/** Tags and pushes every item (see the phases above) and reads each result back. */
async function publish(items, deps) {
    const policy = {
        tries: REGISTRY_TRIES,
        delay: backoff(REGISTRY_BACKOFF_MS, push_transient),
        ...(deps.sleep ? { sleep: deps.sleep } : {})
    };
    const { logger } = deps;
    const images = items.map((item) => ({
        name: item.name,
        tags: item.refs.map((ref) => ({ ref, pushed: false }))
    }));
    const who = (item) => `${item.name} (${item.tiers.join(', ')})`;
    const pushTag = async (item, image, index) => {
        const tag = image.tags[index];
        if (!tag)
            return;
        try {
            await deps.docker.tag(item.localRef, tag.ref);
        }
        catch (error) {
            throw new PushError(errors_errorMessage(error), false);
        }
        const result = await retry(async () => {
            const pushed = await deps.docker.push(tag.ref, (line) => logger.info(line));
            if (pushed.exitCode !== 0) {
                throw new PushError(pushed.error || `docker push exited with code ${pushed.exitCode}`, isTransientPushError(pushed.error));
            }
            return pushed;
        }, policy, (error, attempt, delay) => logger.warning(`docker push ${tag.ref} failed (try ${attempt} of ${policy.tries}): ${errors_errorMessage(error)}; retrying in ${delay / 1000} s`));
        tag.pushed = true;
        if (result.digest)
            tag.digest = result.digest;
    };
    const fail = (item, ref, error) => {
        const after = push_transient(error) ? ` after ${policy.tries} tries` : '';
        return { images, error: `${who(item)}: pushing ${ref} failed${after}: ${errors_errorMessage(error)}` };
    };
    // Phase 1: the first tag of every image, read back from the registry.
    for (const [index, item] of items.entries()) {
        const image = images[index];
        const first = item.refs[0];
        if (first === undefined)
            continue;
        try {
            await pushTag(item, image, 0);
        }
        catch (error) {
            return fail(item, first, error);
        }
        try {
            const resolved = await retry(() => deps.registry.inspect(first, item.platform), policy, (error, attempt, delay) => logger.warning(`reading ${first} back from the registry failed (try ${attempt} of ${policy.tries}): ${errors_errorMessage(error)}; retrying in ${delay / 1000} s`));
            image.digest = resolved.digest;
            image.platformDigest = resolved.platformDigest;
            image.compressedBytes = resolved.compressedBytes;
            const tag = image.tags[0];
            if (tag.digest !== undefined && tag.digest !== resolved.digest) {
                return {
                    images,
                    error: `${who(item)}: docker push reported ${tag.digest} for ${first}, but the registry serves ${resolved.digest}`
                };
            }
            tag.digest = resolved.digest;
            logger.info(`${first}: ${resolved.digest} (platform manifest ${resolved.platformDigest}), ${resolved.compressedBytes} bytes compressed (config + ${resolved.layerBytes.length} layers)`);
            if (item.expected) {
                const { digest, compressedBytes } = item.expected;
                if (digest !== resolved.digest || compressedBytes !== resolved.compressedBytes) {
                    return {
                        images,
                        error: `${who(item)}: the registry holds ${resolved.digest} with ${resolved.compressedBytes} compressed bytes, but the budget was checked against the local ${digest} with ${compressedBytes}; the engine re-packed the image on push`
                    };
                }
            }
        }
        catch (error) {
            return {
                images,
                error: `${who(item)}: ${first} was pushed, but reading it back from the registry failed: ${errors_errorMessage(error)}`
            };
        }
    }
    // Phase 2: every image is in; move the floating tags.
    for (const [index, item] of items.entries()) {
        const image = images[index];
        for (let tagIndex = 1; tagIndex < item.refs.length; tagIndex++) {
            const tag = image.tags[tagIndex];
            try {
                await pushTag(item, image, tagIndex);
            }
            catch (error) {
                return fail(item, tag.ref, error);
            }
            let digest;
            try {
                digest = await retry(() => deps.registry.tagDigest(tag.ref), policy);
            }
            catch (error) {
                return {
                    images,
                    error: `${who(item)}: ${tag.ref} was pushed, but reading it back from the registry failed: ${errors_errorMessage(error)}`
                };
            }
            if (digest !== image.digest) {
                return {
                    images,
                    error: `${who(item)}: after pushing ${tag.ref} the registry points it at ${digest ?? 'nothing'}, not ${image.digest ?? '?'}`
                };
            }
            tag.digest = digest;
        }
    }
    return { images };
}

;// CONCATENATED MODULE: ./src/plan/dockerfile.ts
/** Name of the stage every generated tier stage starts from. */
const BASE_STAGE = 'base';
/** Name of the generated stage holding every tier's packages (the shared image). */
const SHARED_STAGE = 'shared';
/**
 * Generates the Dockerfile for a manifest without one: a `base` stage with the shared
 * packages, one stage per tier on top of it, and a `shared` stage with every tier's
 * packages. Both strategies build from this same file, so their numbers compare like for
 * like; BuildKit only runs the stages a `--target` needs.
 *
 * Packages are written as separate words of exec-form (JSON) RUN instructions, so nothing
 * from the manifest is ever parsed by a shell.
 */
function generateDockerfile(manifest) {
    const lines = [
        `# Generated by nb-image-action from ${oneLine(manifest.file)}. Do not edit: change the manifest instead.`,
        '# Build one tier with: docker buildx build --target <tier> .',
        `ARG BASE_IMAGE=${manifest.baseImage ?? ''}`,
        '',
        `FROM \${BASE_IMAGE} AS ${BASE_STAGE}`,
        ...installInstructions(manifest.base)
    ];
    const generatedTiers = manifest.tiers.filter((tier) => tier.dockerfile === undefined);
    for (const tier of generatedTiers) {
        lines.push('', `# ${oneLine(tier.description ?? tier.name)}`, `FROM ${BASE_STAGE} AS ${tier.target ?? tier.name}`);
        lines.push(...installInstructions(tier.packages));
    }
    const all = {
        apt: unique(generatedTiers.flatMap((tier) => tier.packages.apt), (p) => p),
        pip: unique(generatedTiers.flatMap((tier) => tier.packages.pip), normalizePip)
    };
    lines.push('', '# Every tier in one image (strategy: shared)', `FROM ${BASE_STAGE} AS ${SHARED_STAGE}`);
    lines.push(...installInstructions(all));
    return `${lines.join('\n')}\n`;
}
function installInstructions(packages) {
    const lines = [];
    if (packages.apt.length > 0) {
        // The package names reach the script only as positional parameters ("$@").
        const script = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" && rm -rf /var/lib/apt/lists/*';
        lines.push(`RUN ${JSON.stringify(['/bin/sh', '-c', script, 'apt-get-install', ...packages.apt])}`);
    }
    if (packages.pip.length > 0) {
        lines.push(`RUN ${JSON.stringify(['python3', '-m', 'pip', 'install', '--no-cache-dir', '--disable-pip-version-check', ...packages.pip])}`);
    }
    return lines;
}
/** A pip requirement's project name in PEP 503 normal form, for de-duplication. */
function normalizePip(spec) {
    return spec
        .trim()
        .toLowerCase()
        .replace(/[-_.]+/g, '-');
}
function unique(items, key) {
    const seen = new Set();
    return items.filter((item) => {
        const k = key(item);
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
function oneLine(text) {
    return text.replace(/[\r\n]+/g, ' ').slice(0, 200);
}
/**
 * Lists the named stages of a Dockerfile, following BuildKit's parser: the `escape`
 * directive, line continuations (which skip blank and comment lines), heredoc bodies
 * (`RUN <<EOF` … `EOF`, whose lines are not instructions), and case-insensitive keywords
 * and stage names.
 */
function listStages(content) {
    const rawLines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
    let escape = '\\';
    // Parser directives are only honoured before the first instruction, comment or blank line.
    for (const line of rawLines) {
        const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(line);
        if (!directive)
            break;
        if (directive[1]?.toLowerCase() === 'escape' &&
            (directive[2] === '`' || directive[2] === '\\')) {
            escape = directive[2];
        }
    }
    const stages = [];
    let logical = '';
    let startLine = 0;
    let heredocs = [];
    rawLines.forEach((line, index) => {
        if (heredocs.length > 0) {
            // Inside a heredoc body: only its terminator (optionally tab-indented for <<-) ends it.
            if (line.replace(/^\t+/, '') === heredocs[0])
                heredocs.shift();
            return;
        }
        const blankOrComment = /^\s*(#|$)/.test(line);
        if (blankOrComment)
            return; // outside an instruction: nothing; inside a continuation: skipped
        if (logical === '')
            startLine = index + 1;
        const trimmed = line.replace(/\s+$/, '');
        if (trimmed.endsWith(escape)) {
            logical += `${trimmed.slice(0, -1)} `;
            return;
        }
        logical += line;
        const match = /^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)\s*$/i.exec(logical);
        if (match?.[1])
            stages.push({ name: match[1].toLowerCase(), line: startLine });
        else if (/^\s*(RUN|COPY|ADD)\s/i.test(logical))
            heredocs = heredocMarkers(logical);
        logical = '';
    });
    return stages;
}
/** Terminators of the heredocs an instruction opens (`<<EOF`, `<<-"EOT"`, `<<'X'`). */
function heredocMarkers(instruction) {
    const markers = [];
    for (const match of instruction.matchAll(/<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)) {
        if (match[2])
            markers.push(match[2]);
    }
    return markers;
}

;// CONCATENATED MODULE: ./src/publish/publishing.ts










/**
 * Decides the tags and checks everything publishing needs, before any build: the engine
 * can measure a compressed budget, the event gives a version, the template gives valid
 * references, the notebooks globs stay in the repository. Throws the action's errors.
 */
async function preparePublishing(manifest, plan, context, deps) {
    const { options, thresholdBasis, engine } = context;
    const { logger } = deps;
    if (thresholdBasis === 'compressed' && engine?.imageStore !== 'containerd') {
        throw new EngineError(`threshold-basis: compressed needs the containerd image store, where the engine keeps each image's compressed layers and pushes them as they are; this engine uses ${engine?.imageStore ?? 'an unknown store'}, which compresses only while pushing, so the size cannot be known before the push. Enable the containerd image store ("features": {"containerd-snapshotter": true} in daemon.json), or use threshold-basis: uncompressed.`);
    }
    const event = options?.context;
    const empty = { version: null, tags: [], kind: 'none', warnings: [] };
    const versions = event
        ? versionTags(event, options.shortShaLength === undefined
            ? { latest: options.latest }
            : { latest: options.latest, shortShaLength: options.shortShaLength })
        : empty;
    const report = {
        requested: options?.push ?? false,
        event: event?.eventName ?? '',
        ref: event?.ref ?? '',
        version: versions.version
    };
    const result = {
        thresholdBasis,
        versions,
        tags: {},
        notebooks: [],
        report
    };
    if (!options || !event)
        return result;
    result.options = options;
    for (const warning of versions.warnings)
        logger.warning(`tags: ${warning}`);
    if (versions.tags.length > 0) {
        result.tags = planTags(plan.images.map((image) => ({ name: image.name, shared: image.name === SHARED_STAGE })), manifest.image, versions.tags, options.tagTemplate);
    }
    if (!options.push)
        return result;
    if (versions.tags.length === 0) {
        throw new InputError(`push: the ${event.eventName || 'unknown'} event (ref "${event.ref}") gives no tag to push; push on releases, tag or branch pushes, or pull requests (the CLI takes --ref)`);
    }
    const pull = event.pullRequest;
    if (pull?.fromFork && !options.allowForkPush) {
        result.skipped = `pull request from the fork ${pull.headRepository ?? '(deleted fork)'}: images built from a fork's code are not pushed to ${pull.baseRepository}'s registry (set allow-fork-push: true to allow it)`;
        report.skipped = result.skipped;
        logger.warning(`push: ${result.skipped}; building and measuring only`);
        return result;
    }
    if (!deps.registry)
        throw new NbImageError('push: no registry client was given');
    if (options.nvjFile !== undefined && manifest.tiers.some((tier) => tier.notebooks.length > 0)) {
        const git = gitSource(event);
        if (!git) {
            // Nothing to clone from (no repository known, or a trigger without branch or tag): the
            // images are still worth pushing; the jobs are not worth guessing.
            logger.warning(`nvj-file: the ${event.eventName || 'run'} (ref "${event.ref}") names no repository branch or tag for the operator to clone the notebooks from, so no NotebookValidationJob is written${event.repository ? '' : ' (set GITHUB_REPOSITORY outside GitHub Actions)'}`);
            return result;
        }
        const problem = gitSourceProblem(git);
        if (problem)
            throw new InputError(`nvj-file: ${problem}`);
        result.git = git;
        result.notebooks = await findNotebooks(manifest, context.manifestDir, context.workspace, deps);
    }
    return result;
}
async function findNotebooks(manifest, manifestDir, workspace, deps) {
    if (!deps.glob)
        throw new NbImageError('nvj-file: no glob function was given');
    const root = await deps.fs.realpath(workspace);
    const matches = {};
    for (const tier of manifest.tiers) {
        if (tier.notebooks.length === 0)
            continue;
        try {
            matches[tier.name] = await deps.glob(tier.notebooks, manifestDir);
        }
        catch (error) {
            throw new InputError(`notebooks of tier ${tier.name}: ${errors_errorMessage(error)}`);
        }
    }
    const { tiers, issues } = collectNotebooks(manifest, root, relocate(matches, workspace, root));
    if (issues.length > 0)
        throw new ManifestError(issues);
    for (const { tier, notebooks } of tiers) {
        const tierDef = manifest.tiers.find((candidate) => candidate.name === tier);
        if (notebooks.length === 0) {
            deps.logger.warning(`notebooks: ${tierDef?.notebooks.join(', ') ?? ''} of tier ${tier} match no notebook; it gets no NotebookValidationJob`);
        }
        else {
            deps.logger.info(`${tier}: ${notebooks.length} notebook(s): ${notebooks.join(', ')}`);
        }
    }
    return tiers;
}
/** Glob results under a symlinked workspace path, re-expressed under its real path. */
function relocate(matches, workspace, root) {
    if (external_node_path_default().resolve(workspace) === root)
        return matches;
    const out = {};
    for (const [tier, list] of Object.entries(matches)) {
        out[tier] = list.map((match) => {
            const relative = external_node_path_default().relative(external_node_path_default().resolve(workspace), match.file);
            return relative.startsWith('..') ? match : { ...match, file: external_node_path_default().join(root, relative) };
        });
    }
    return out;
}
/**
 * After the verdict: pushes when asked, allowed and within budget; records per tag what
 * reached the registry; writes the NotebookValidationJobs for the pushed digests.
 */
async function finishPublishing(report, publishing, 
/** The builds the report was made from: each image's platform is read back after the push. */
outcomes, deps) {
    const options = publishing.options;
    if (!options?.push || publishing.skipped)
        return report;
    if (!report.passed) {
        const blocked = report.images.filter((image) => image.status === 'over' || image.status === 'failed');
        const skipped = blocked
            .map((image) => `${image.name} ${image.status === 'over' ? 'is over budget' : 'failed'}`)
            .join(', ') || 'the run failed';
        deps.logger.warning(`push: nothing pushed, because ${skipped}`);
        return { ...report, publish: { ...report.publish, skipped } };
    }
    const registry = deps.registry;
    if (!registry)
        throw new NbImageError('push: no registry client was given');
    const items = report.images.map((image) => {
        const item = {
            name: image.name,
            tiers: image.tiers,
            localRef: image.ref,
            refs: publishing.tags[image.name] ?? []
        };
        const built = outcomes.find((outcome) => outcome.ok && outcome.image.name === image.name);
        if (built?.ok && built.platform)
            item.platform = built.platform;
        if (publishing.thresholdBasis === 'compressed' &&
            image.imageId &&
            image.compressedBytes !== null) {
            // With the containerd store the image ID is the digest of what `docker push` sends.
            item.expected = { digest: image.imageId, compressedBytes: image.compressedBytes };
        }
        return item;
    });
    const outcome = await deps.logger.group(`Push ${items.reduce((sum, item) => sum + item.refs.length, 0)} tag(s)`, () => publish(items, {
        docker: deps.docker,
        registry,
        logger: deps.logger,
        ...(deps.sleep ? { sleep: deps.sleep } : {})
    }));
    if (outcome.error !== undefined || options.nvjFile === undefined) {
        return applyPublish(report, outcome);
    }
    const pushedReport = applyPublish(report, outcome);
    const jobs = planNotebookValidationJobs(pushedReport, publishing.notebooks);
    if (jobs.length === 0 || !publishing.git) {
        deps.logger.info('No tier lists notebooks: no NotebookValidationJob written');
        return pushedReport;
    }
    const nvjFile = options.nvjFile;
    const yaml = renderNotebookValidationJobs(jobs, {
        git: publishing.git,
        version: publishing.versions.version,
        toolVersion: TOOL_VERSION,
        ...(options.nvjNamespace ? { namespace: options.nvjNamespace } : {})
    });
    try {
        await deps.fs.writeFileAtomic(nvjFile, yaml);
    }
    catch (error) {
        return {
            ...pushedReport,
            publish: {
                ...pushedReport.publish,
                error: `nvj-file: the images were pushed, but ${nvjFile} could not be written: ${errors_errorMessage(error)}`
            }
        };
    }
    deps.logger.info(`Wrote ${jobs.length} NotebookValidationJob(s) to ${displayPath(deps.workspace, nvjFile)}`);
    return applyPublish(report, outcome, nvjFile);
}
/**
 * The report after publishing: per tag what was pushed, each image's digest and the
 * registry's compressed size, and `pushed` only when every tag made it.
 */
function applyPublish(report, outcome, notebookValidationJobs) {
    const byName = new Map(outcome.images.map((image) => [image.name, image]));
    const images = report.images.map((image) => {
        const published = byName.get(image.name);
        if (!published)
            return image;
        const next = { ...image, tags: published.tags.map((tag) => ({ ...tag })) };
        if (published.digest !== undefined)
            next.digest = published.digest;
        if (published.platformDigest !== undefined)
            next.platformDigest = published.platformDigest;
        if (published.compressedBytes !== undefined) {
            next.compressedBytes = published.compressedBytes;
            next.compressedSource = 'registry';
        }
        return next;
    });
    const publish = { ...report.publish };
    if (outcome.error !== undefined)
        publish.error = outcome.error;
    if (notebookValidationJobs !== undefined)
        publish.notebookValidationJobs = notebookValidationJobs;
    const pushed = outcome.error === undefined &&
        images.length > 0 &&
        images.every((image) => image.tags.length > 0 && image.tags.every((tag) => tag.pushed));
    return { ...report, images, publish, pushed };
}

;// CONCATENATED MODULE: ./src/manifest/check-files.ts
// Round four of the manifest's checks, the one that needs the files: every context and
// Dockerfile path exists and stays inside the repository (symlinks resolved), and every
// `--target` is a stage of its Dockerfile. Like the rounds before it (manifest/parse.ts),
// it reports every problem it finds at once, located in the manifest.





/** Context and Dockerfile paths must exist and stay inside the repository, symlinks resolved. */
async function checkPaths(manifest, manifestDir, workspace, fs) {
    const issues = [];
    const root = await fs.realpath(workspace);
    const issue = (field, message) => {
        const where = manifest.positions[field] ?? { line: 1, column: 1 };
        issues.push({ file: manifest.file, line: where.line, column: where.column, field, message });
    };
    const check = async (field, declared, absolute, kind) => {
        if (external_node_path_default().isAbsolute(declared)) {
            issue(field, `"${declared}" is an absolute path; give a path inside the repository, relative to ${kind === 'context' ? "the manifest's folder" : 'the context'}`);
            return;
        }
        if (!isInside(external_node_path_default().resolve(workspace), absolute)) {
            // Relative to the repository root: the same on every runner, and it shows how far out.
            const shown = external_node_path_default().relative(external_node_path_default().resolve(workspace), absolute).split((external_node_path_default()).sep).join('/');
            issue(field, `"${declared}" points outside the repository (to ${shown} from its root); give a path inside it`);
            return;
        }
        let real;
        try {
            real = await fs.realpath(absolute);
        }
        catch {
            issue(field, `${kind === 'context' ? 'build context' : 'Dockerfile'} "${declared}" not found (looked for ${displayPath(workspace, absolute)})`);
            return;
        }
        if (!isInside(root, real)) {
            issue(field, `"${declared}" resolves through a symlink to ${real}, outside the repository; give a path inside it`);
            return;
        }
        if (kind === 'dockerfile' && !(await fs.isFile(real)))
            issue(field, `Dockerfile "${declared}" is not a file`);
    };
    const context = external_node_path_default().resolve(manifestDir, manifest.context);
    await check('context', manifest.context, context, 'context');
    // Dockerfiles are relative to the context: behind a refused context they would only
    // repeat its problem (and show where the runner keeps the checkout).
    if (issues.length > 0)
        throw new ManifestError(issues);
    if (manifest.dockerfile !== undefined) {
        await check('dockerfile', manifest.dockerfile, external_node_path_default().resolve(context, manifest.dockerfile), 'dockerfile');
    }
    for (const tier of manifest.tiers) {
        if (tier.dockerfile === undefined)
            continue;
        await check(fields_fieldPath(['tiers', tier.name, 'dockerfile']), tier.dockerfile, external_node_path_default().resolve(context, tier.dockerfile), 'dockerfile');
    }
    if (issues.length > 0)
        throw new ManifestError(issues);
}
/** Every `--target` must be a stage of its Dockerfile, checked before the first build. */
async function checkTargets(manifest, plan, workspace, fs) {
    const issues = [];
    const stagesByFile = new Map();
    for (const image of plan.images) {
        if (image.target === undefined)
            continue;
        let stages = stagesByFile.get(image.dockerfile);
        if (!stages) {
            const content = new TextDecoder().decode(await fs.readFile(image.dockerfile));
            stages = listStages(content).map((stage) => stage.name);
            stagesByFile.set(image.dockerfile, stages);
        }
        if (!stages.includes(image.target.toLowerCase())) {
            const where = manifest.positions[image.field] ?? { line: 1, column: 1 };
            const available = stages.length > 0
                ? `its stages are ${stages.join(', ')}`
                : 'it has no named stages (FROM … AS name)';
            issues.push({
                file: manifest.file,
                line: where.line,
                column: where.column,
                field: image.field,
                message: `target "${image.target}" is not a stage of ${displayPath(workspace, image.dockerfile)}: ${available}`
            });
        }
    }
    if (issues.length > 0)
        throw new ManifestError(issues);
}

;// CONCATENATED MODULE: ./src/manifest/generated/validator.ts
// Generated by scripts/generate-validator.mjs from schema/notebook-tiers.schema.json.
// Do not edit: change the schema and run `npm run generate`.
// @ts-nocheck
/* eslint-disable */

const validate = (/* unused pure expression or super */ null && (validate0));
/* harmony default export */ const validator = (validate0);
const schema0 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://github.com/org/nb-image-action/blob/v1/schema/notebook-tiers.schema.json", "title": "nb-image-action tier manifest", "description": "Notebook tiers and the packages each needs; nb-image-action builds, measures and size-budgets their images.", "type": "object", "additionalProperties": false, "required": ["version", "image", "tiers"], "properties": { "version": { "description": "Manifest format version.", "const": 1 }, "image": { "description": "Repository of the built images, e.g. ghcr.io/acme/notebook-validator (no tag).", "type": "string", "minLength": 1 }, "strategy": { "description": "shared: one image holding every tier's packages (ADR-031 option A). multi-stage: one image per tier, built with --target from one Dockerfile (option D).", "enum": ["shared", "multi-stage"], "default": "shared" }, "context": { "description": "Build context, relative to the manifest's folder.", "type": "string", "minLength": 1, "default": "." }, "dockerfile": { "description": "Dockerfile relative to the context. When omitted, one is generated from baseImage, base and the tiers.", "type": "string", "minLength": 1 }, "target": { "description": "Stage of a user Dockerfile built as the shared image (default: its last stage).", "$ref": "#/definitions/stageName" }, "baseImage": { "description": "FROM of the generated Dockerfile; also passed as build-arg BASE_IMAGE.", "type": "string", "minLength": 1 }, "threshold": { "description": "Size budget of every image: 5GB, 4.5 GB, 500MB, 2GiB, or bytes. GB/MB/KB are decimal. Default 5GB.", "$ref": "#/definitions/size" }, "buildArgs": { "description": "Extra build args for every image.", "$ref": "#/definitions/buildArgs" }, "base": { "description": "Packages every tier gets.", "$ref": "#/definitions/packages" }, "tiers": { "description": "Ordered map of tiers; the key is the tier name and its default build stage.", "type": "object", "minProperties": 1, "propertyNames": { "$ref": "#/definitions/stageName" }, "additionalProperties": { "$ref": "#/definitions/tier" } } }, "definitions": { "stageName": { "type": "string", "pattern": "^[a-z][a-z0-9._-]{0,62}$" }, "size": { "oneOf": [{ "type": "string", "pattern": "^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT][iI]?[bB]|[bB]|[bB][yY][tT][eE][sS]?)?\\s*$" }, { "type": "integer", "minimum": 1 }] }, "packageList": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "packages": { "type": "object", "additionalProperties": false, "properties": { "pip": { "description": "PEP 508 requirements installed with pip.", "$ref": "#/definitions/packageList" }, "apt": { "description": "Debian packages installed with apt-get.", "$ref": "#/definitions/packageList" } } }, "buildArgs": { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "additionalProperties": { "type": ["string", "number", "boolean"] } }, "tier": { "type": "object", "additionalProperties": false, "properties": { "description": { "type": "string" }, "target": { "description": "Stage to build (default: the tier name, or the last stage of the tier's own dockerfile).", "$ref": "#/definitions/stageName" }, "pip": { "description": "PEP 508 requirements installed with pip.", "$ref": "#/definitions/packageList" }, "apt": { "description": "Debian packages installed with apt-get.", "$ref": "#/definitions/packageList" }, "notebooks": { "description": "Globs of the notebooks this tier validates, relative to the manifest's folder.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "dockerfile": { "description": "The tier's own Dockerfile, relative to the context; the tier is then built as its own image.", "type": "string", "minLength": 1 }, "threshold": { "description": "Size budget of this tier's image; overrides the manifest and the threshold input.", "$ref": "#/definitions/size" }, "buildArgs": { "description": "Extra build args for this tier's image.", "$ref": "#/definitions/buildArgs" } } } } };
const schema1 = { "type": "string", "pattern": "^[a-z][a-z0-9._-]{0,62}$" };
const schema2 = { "oneOf": [{ "type": "string", "pattern": "^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT][iI]?[bB]|[bB]|[bB][yY][tT][eE][sS]?)?\\s*$" }, { "type": "integer", "minimum": 1 }] };
const schema3 = { "type": "object", "propertyNames": { "pattern": "^[A-Za-z_][A-Za-z0-9_]*$" }, "additionalProperties": { "type": ["string", "number", "boolean"] } };
const func0 = Object.prototype.hasOwnProperty;
const func1 = ucs2length;
const pattern0 = new RegExp("^[a-z][a-z0-9._-]{0,62}$", "u");
const pattern1 = new RegExp("^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT][iI]?[bB]|[bB]|[bB][yY][tT][eE][sS]?)?\\s*$", "u");
const pattern2 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const schema4 = { "type": "object", "additionalProperties": false, "properties": { "pip": { "description": "PEP 508 requirements installed with pip.", "$ref": "#/definitions/packageList" }, "apt": { "description": "Debian packages installed with apt-get.", "$ref": "#/definitions/packageList" } } };
const schema5 = { "type": "array", "items": { "type": "string", "minLength": 1 } };
function validate1(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
    let vErrors = null;
    let errors = 0;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
            if (!((key0 === "pip") || (key0 === "apt"))) {
                const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                    vErrors = [err0];
                }
                else {
                    vErrors.push(err0);
                }
                errors++;
            }
        }
        if (data.pip !== undefined) {
            let data0 = data.pip;
            if (Array.isArray(data0)) {
                const len0 = data0.length;
                for (let i0 = 0; i0 < len0; i0++) {
                    let data1 = data0[i0];
                    if (typeof data1 === "string") {
                        if (func1(data1) < 1) {
                            const err1 = { instancePath: instancePath + "/pip/" + i0, schemaPath: "#/definitions/packageList/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                            if (vErrors === null) {
                                vErrors = [err1];
                            }
                            else {
                                vErrors.push(err1);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err2 = { instancePath: instancePath + "/pip/" + i0, schemaPath: "#/definitions/packageList/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err2];
                        }
                        else {
                            vErrors.push(err2);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err3 = { instancePath: instancePath + "/pip", schemaPath: "#/definitions/packageList/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                    vErrors = [err3];
                }
                else {
                    vErrors.push(err3);
                }
                errors++;
            }
        }
        if (data.apt !== undefined) {
            let data2 = data.apt;
            if (Array.isArray(data2)) {
                const len1 = data2.length;
                for (let i1 = 0; i1 < len1; i1++) {
                    let data3 = data2[i1];
                    if (typeof data3 === "string") {
                        if (func1(data3) < 1) {
                            const err4 = { instancePath: instancePath + "/apt/" + i1, schemaPath: "#/definitions/packageList/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                            if (vErrors === null) {
                                vErrors = [err4];
                            }
                            else {
                                vErrors.push(err4);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err5 = { instancePath: instancePath + "/apt/" + i1, schemaPath: "#/definitions/packageList/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err5];
                        }
                        else {
                            vErrors.push(err5);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err6 = { instancePath: instancePath + "/apt", schemaPath: "#/definitions/packageList/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                    vErrors = [err6];
                }
                else {
                    vErrors.push(err6);
                }
                errors++;
            }
        }
    }
    else {
        const err7 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err7];
        }
        else {
            vErrors.push(err7);
        }
        errors++;
    }
    validate1.errors = vErrors;
    return errors === 0;
}
const schema8 = { "type": "object", "additionalProperties": false, "properties": { "description": { "type": "string" }, "target": { "description": "Stage to build (default: the tier name, or the last stage of the tier's own dockerfile).", "$ref": "#/definitions/stageName" }, "pip": { "description": "PEP 508 requirements installed with pip.", "$ref": "#/definitions/packageList" }, "apt": { "description": "Debian packages installed with apt-get.", "$ref": "#/definitions/packageList" }, "notebooks": { "description": "Globs of the notebooks this tier validates, relative to the manifest's folder.", "type": "array", "items": { "type": "string", "minLength": 1 } }, "dockerfile": { "description": "The tier's own Dockerfile, relative to the context; the tier is then built as its own image.", "type": "string", "minLength": 1 }, "threshold": { "description": "Size budget of this tier's image; overrides the manifest and the threshold input.", "$ref": "#/definitions/size" }, "buildArgs": { "description": "Extra build args for this tier's image.", "$ref": "#/definitions/buildArgs" } } };
function validate3(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
    let vErrors = null;
    let errors = 0;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
            if (!((((((((key0 === "description") || (key0 === "target")) || (key0 === "pip")) || (key0 === "apt")) || (key0 === "notebooks")) || (key0 === "dockerfile")) || (key0 === "threshold")) || (key0 === "buildArgs"))) {
                const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                    vErrors = [err0];
                }
                else {
                    vErrors.push(err0);
                }
                errors++;
            }
        }
        if (data.description !== undefined) {
            if (typeof data.description !== "string") {
                const err1 = { instancePath: instancePath + "/description", schemaPath: "#/properties/description/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err1];
                }
                else {
                    vErrors.push(err1);
                }
                errors++;
            }
        }
        if (data.target !== undefined) {
            let data1 = data.target;
            if (typeof data1 === "string") {
                if (!pattern0.test(data1)) {
                    const err2 = { instancePath: instancePath + "/target", schemaPath: "#/definitions/stageName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9._-]{0,62}$" }, message: "must match pattern \"" + "^[a-z][a-z0-9._-]{0,62}$" + "\"" };
                    if (vErrors === null) {
                        vErrors = [err2];
                    }
                    else {
                        vErrors.push(err2);
                    }
                    errors++;
                }
            }
            else {
                const err3 = { instancePath: instancePath + "/target", schemaPath: "#/definitions/stageName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err3];
                }
                else {
                    vErrors.push(err3);
                }
                errors++;
            }
        }
        if (data.pip !== undefined) {
            let data2 = data.pip;
            if (Array.isArray(data2)) {
                const len0 = data2.length;
                for (let i0 = 0; i0 < len0; i0++) {
                    let data3 = data2[i0];
                    if (typeof data3 === "string") {
                        if (func1(data3) < 1) {
                            const err4 = { instancePath: instancePath + "/pip/" + i0, schemaPath: "#/definitions/packageList/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                            if (vErrors === null) {
                                vErrors = [err4];
                            }
                            else {
                                vErrors.push(err4);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err5 = { instancePath: instancePath + "/pip/" + i0, schemaPath: "#/definitions/packageList/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err5];
                        }
                        else {
                            vErrors.push(err5);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err6 = { instancePath: instancePath + "/pip", schemaPath: "#/definitions/packageList/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                    vErrors = [err6];
                }
                else {
                    vErrors.push(err6);
                }
                errors++;
            }
        }
        if (data.apt !== undefined) {
            let data4 = data.apt;
            if (Array.isArray(data4)) {
                const len1 = data4.length;
                for (let i1 = 0; i1 < len1; i1++) {
                    let data5 = data4[i1];
                    if (typeof data5 === "string") {
                        if (func1(data5) < 1) {
                            const err7 = { instancePath: instancePath + "/apt/" + i1, schemaPath: "#/definitions/packageList/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                            if (vErrors === null) {
                                vErrors = [err7];
                            }
                            else {
                                vErrors.push(err7);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err8 = { instancePath: instancePath + "/apt/" + i1, schemaPath: "#/definitions/packageList/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err8];
                        }
                        else {
                            vErrors.push(err8);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err9 = { instancePath: instancePath + "/apt", schemaPath: "#/definitions/packageList/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
        if (data.notebooks !== undefined) {
            let data6 = data.notebooks;
            if (Array.isArray(data6)) {
                const len2 = data6.length;
                for (let i2 = 0; i2 < len2; i2++) {
                    let data7 = data6[i2];
                    if (typeof data7 === "string") {
                        if (func1(data7) < 1) {
                            const err10 = { instancePath: instancePath + "/notebooks/" + i2, schemaPath: "#/properties/notebooks/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                            if (vErrors === null) {
                                vErrors = [err10];
                            }
                            else {
                                vErrors.push(err10);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err11 = { instancePath: instancePath + "/notebooks/" + i2, schemaPath: "#/properties/notebooks/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        if (vErrors === null) {
                            vErrors = [err11];
                        }
                        else {
                            vErrors.push(err11);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err12 = { instancePath: instancePath + "/notebooks", schemaPath: "#/properties/notebooks/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                if (vErrors === null) {
                    vErrors = [err12];
                }
                else {
                    vErrors.push(err12);
                }
                errors++;
            }
        }
        if (data.dockerfile !== undefined) {
            let data8 = data.dockerfile;
            if (typeof data8 === "string") {
                if (func1(data8) < 1) {
                    const err13 = { instancePath: instancePath + "/dockerfile", schemaPath: "#/properties/dockerfile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                    if (vErrors === null) {
                        vErrors = [err13];
                    }
                    else {
                        vErrors.push(err13);
                    }
                    errors++;
                }
            }
            else {
                const err14 = { instancePath: instancePath + "/dockerfile", schemaPath: "#/properties/dockerfile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err14];
                }
                else {
                    vErrors.push(err14);
                }
                errors++;
            }
        }
        if (data.threshold !== undefined) {
            let data9 = data.threshold;
            const _errs25 = errors;
            let valid11 = false;
            let passing0 = null;
            const _errs26 = errors;
            if (typeof data9 === "string") {
                if (!pattern1.test(data9)) {
                    const err15 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/size/oneOf/0/pattern", keyword: "pattern", params: { pattern: "^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT][iI]?[bB]|[bB]|[bB][yY][tT][eE][sS]?)?\\s*$" }, message: "must match pattern \"" + "^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT][iI]?[bB]|[bB]|[bB][yY][tT][eE][sS]?)?\\s*$" + "\"" };
                    if (vErrors === null) {
                        vErrors = [err15];
                    }
                    else {
                        vErrors.push(err15);
                    }
                    errors++;
                }
            }
            else {
                const err16 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/size/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err16];
                }
                else {
                    vErrors.push(err16);
                }
                errors++;
            }
            var _valid0 = _errs26 === errors;
            if (_valid0) {
                valid11 = true;
                passing0 = 0;
            }
            const _errs28 = errors;
            if (!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))) {
                const err17 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/size/oneOf/1/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                    vErrors = [err17];
                }
                else {
                    vErrors.push(err17);
                }
                errors++;
            }
            if (typeof data9 == "number") {
                if (data9 < 1 || isNaN(data9)) {
                    const err18 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/size/oneOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                    if (vErrors === null) {
                        vErrors = [err18];
                    }
                    else {
                        vErrors.push(err18);
                    }
                    errors++;
                }
            }
            var _valid0 = _errs28 === errors;
            if (_valid0 && valid11) {
                valid11 = false;
                passing0 = [passing0, 1];
            }
            else {
                if (_valid0) {
                    valid11 = true;
                    passing0 = 1;
                }
            }
            if (!valid11) {
                const err19 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/size/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
                if (vErrors === null) {
                    vErrors = [err19];
                }
                else {
                    vErrors.push(err19);
                }
                errors++;
            }
            else {
                errors = _errs25;
                if (vErrors !== null) {
                    if (_errs25) {
                        vErrors.length = _errs25;
                    }
                    else {
                        vErrors = null;
                    }
                }
            }
        }
        if (data.buildArgs !== undefined) {
            let data10 = data.buildArgs;
            if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                for (const key1 in data10) {
                    const _errs33 = errors;
                    if (typeof key1 === "string") {
                        if (!pattern2.test(key1)) {
                            const err20 = { instancePath: instancePath + "/buildArgs", schemaPath: "#/definitions/buildArgs/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: "must match pattern \"" + "^[A-Za-z_][A-Za-z0-9_]*$" + "\"", propertyName: key1 };
                            if (vErrors === null) {
                                vErrors = [err20];
                            }
                            else {
                                vErrors.push(err20);
                            }
                            errors++;
                        }
                    }
                    var valid13 = _errs33 === errors;
                    if (!valid13) {
                        const err21 = { instancePath: instancePath + "/buildArgs", schemaPath: "#/definitions/buildArgs/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid" };
                        if (vErrors === null) {
                            vErrors = [err21];
                        }
                        else {
                            vErrors.push(err21);
                        }
                        errors++;
                    }
                }
                for (const key2 in data10) {
                    let data11 = data10[key2];
                    if (((typeof data11 !== "string") && (!(typeof data11 == "number"))) && (typeof data11 !== "boolean")) {
                        const err22 = { instancePath: instancePath + "/buildArgs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/buildArgs/additionalProperties/type", keyword: "type", params: { type: schema3.additionalProperties.type }, message: "must be string,number,boolean" };
                        if (vErrors === null) {
                            vErrors = [err22];
                        }
                        else {
                            vErrors.push(err22);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err23 = { instancePath: instancePath + "/buildArgs", schemaPath: "#/definitions/buildArgs/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                    vErrors = [err23];
                }
                else {
                    vErrors.push(err23);
                }
                errors++;
            }
        }
    }
    else {
        const err24 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err24];
        }
        else {
            vErrors.push(err24);
        }
        errors++;
    }
    validate3.errors = vErrors;
    return errors === 0;
}
function validate0(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
    /*# sourceURL="https://github.com/org/nb-image-action/blob/v1/schema/notebook-tiers.schema.json" */ ;
    let vErrors = null;
    let errors = 0;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.version === undefined) {
            const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property '" + "version" + "'" };
            if (vErrors === null) {
                vErrors = [err0];
            }
            else {
                vErrors.push(err0);
            }
            errors++;
        }
        if (data.image === undefined) {
            const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "image" }, message: "must have required property '" + "image" + "'" };
            if (vErrors === null) {
                vErrors = [err1];
            }
            else {
                vErrors.push(err1);
            }
            errors++;
        }
        if (data.tiers === undefined) {
            const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tiers" }, message: "must have required property '" + "tiers" + "'" };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
        for (const key0 in data) {
            if (!(func0.call(schema0.properties, key0))) {
                const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                    vErrors = [err3];
                }
                else {
                    vErrors.push(err3);
                }
                errors++;
            }
        }
        if (data.version !== undefined) {
            if (1 !== data.version) {
                const err4 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
                if (vErrors === null) {
                    vErrors = [err4];
                }
                else {
                    vErrors.push(err4);
                }
                errors++;
            }
        }
        if (data.image !== undefined) {
            let data1 = data.image;
            if (typeof data1 === "string") {
                if (func1(data1) < 1) {
                    const err5 = { instancePath: instancePath + "/image", schemaPath: "#/properties/image/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                    if (vErrors === null) {
                        vErrors = [err5];
                    }
                    else {
                        vErrors.push(err5);
                    }
                    errors++;
                }
            }
            else {
                const err6 = { instancePath: instancePath + "/image", schemaPath: "#/properties/image/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err6];
                }
                else {
                    vErrors.push(err6);
                }
                errors++;
            }
        }
        if (data.strategy !== undefined) {
            let data2 = data.strategy;
            if (!((data2 === "shared") || (data2 === "multi-stage"))) {
                const err7 = { instancePath: instancePath + "/strategy", schemaPath: "#/properties/strategy/enum", keyword: "enum", params: { allowedValues: schema0.properties.strategy.enum }, message: "must be equal to one of the allowed values" };
                if (vErrors === null) {
                    vErrors = [err7];
                }
                else {
                    vErrors.push(err7);
                }
                errors++;
            }
        }
        if (data.context !== undefined) {
            let data3 = data.context;
            if (typeof data3 === "string") {
                if (func1(data3) < 1) {
                    const err8 = { instancePath: instancePath + "/context", schemaPath: "#/properties/context/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                    if (vErrors === null) {
                        vErrors = [err8];
                    }
                    else {
                        vErrors.push(err8);
                    }
                    errors++;
                }
            }
            else {
                const err9 = { instancePath: instancePath + "/context", schemaPath: "#/properties/context/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
        if (data.dockerfile !== undefined) {
            let data4 = data.dockerfile;
            if (typeof data4 === "string") {
                if (func1(data4) < 1) {
                    const err10 = { instancePath: instancePath + "/dockerfile", schemaPath: "#/properties/dockerfile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                    if (vErrors === null) {
                        vErrors = [err10];
                    }
                    else {
                        vErrors.push(err10);
                    }
                    errors++;
                }
            }
            else {
                const err11 = { instancePath: instancePath + "/dockerfile", schemaPath: "#/properties/dockerfile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err11];
                }
                else {
                    vErrors.push(err11);
                }
                errors++;
            }
        }
        if (data.target !== undefined) {
            let data5 = data.target;
            if (typeof data5 === "string") {
                if (!pattern0.test(data5)) {
                    const err12 = { instancePath: instancePath + "/target", schemaPath: "#/definitions/stageName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9._-]{0,62}$" }, message: "must match pattern \"" + "^[a-z][a-z0-9._-]{0,62}$" + "\"" };
                    if (vErrors === null) {
                        vErrors = [err12];
                    }
                    else {
                        vErrors.push(err12);
                    }
                    errors++;
                }
            }
            else {
                const err13 = { instancePath: instancePath + "/target", schemaPath: "#/definitions/stageName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err13];
                }
                else {
                    vErrors.push(err13);
                }
                errors++;
            }
        }
        if (data.baseImage !== undefined) {
            let data6 = data.baseImage;
            if (typeof data6 === "string") {
                if (func1(data6) < 1) {
                    const err14 = { instancePath: instancePath + "/baseImage", schemaPath: "#/properties/baseImage/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                    if (vErrors === null) {
                        vErrors = [err14];
                    }
                    else {
                        vErrors.push(err14);
                    }
                    errors++;
                }
            }
            else {
                const err15 = { instancePath: instancePath + "/baseImage", schemaPath: "#/properties/baseImage/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err15];
                }
                else {
                    vErrors.push(err15);
                }
                errors++;
            }
        }
        if (data.threshold !== undefined) {
            let data7 = data.threshold;
            const _errs17 = errors;
            let valid3 = false;
            let passing0 = null;
            const _errs18 = errors;
            if (typeof data7 === "string") {
                if (!pattern1.test(data7)) {
                    const err16 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/size/oneOf/0/pattern", keyword: "pattern", params: { pattern: "^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT][iI]?[bB]|[bB]|[bB][yY][tT][eE][sS]?)?\\s*$" }, message: "must match pattern \"" + "^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT][iI]?[bB]|[bB]|[bB][yY][tT][eE][sS]?)?\\s*$" + "\"" };
                    if (vErrors === null) {
                        vErrors = [err16];
                    }
                    else {
                        vErrors.push(err16);
                    }
                    errors++;
                }
            }
            else {
                const err17 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/size/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                    vErrors = [err17];
                }
                else {
                    vErrors.push(err17);
                }
                errors++;
            }
            var _valid0 = _errs18 === errors;
            if (_valid0) {
                valid3 = true;
                passing0 = 0;
            }
            const _errs20 = errors;
            if (!((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7)))) {
                const err18 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/size/oneOf/1/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                if (vErrors === null) {
                    vErrors = [err18];
                }
                else {
                    vErrors.push(err18);
                }
                errors++;
            }
            if (typeof data7 == "number") {
                if (data7 < 1 || isNaN(data7)) {
                    const err19 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/size/oneOf/1/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                    if (vErrors === null) {
                        vErrors = [err19];
                    }
                    else {
                        vErrors.push(err19);
                    }
                    errors++;
                }
            }
            var _valid0 = _errs20 === errors;
            if (_valid0 && valid3) {
                valid3 = false;
                passing0 = [passing0, 1];
            }
            else {
                if (_valid0) {
                    valid3 = true;
                    passing0 = 1;
                }
            }
            if (!valid3) {
                const err20 = { instancePath: instancePath + "/threshold", schemaPath: "#/definitions/size/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
                if (vErrors === null) {
                    vErrors = [err20];
                }
                else {
                    vErrors.push(err20);
                }
                errors++;
            }
            else {
                errors = _errs17;
                if (vErrors !== null) {
                    if (_errs17) {
                        vErrors.length = _errs17;
                    }
                    else {
                        vErrors = null;
                    }
                }
            }
        }
        if (data.buildArgs !== undefined) {
            let data8 = data.buildArgs;
            if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                for (const key1 in data8) {
                    const _errs25 = errors;
                    if (typeof key1 === "string") {
                        if (!pattern2.test(key1)) {
                            const err21 = { instancePath: instancePath + "/buildArgs", schemaPath: "#/definitions/buildArgs/propertyNames/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: "must match pattern \"" + "^[A-Za-z_][A-Za-z0-9_]*$" + "\"", propertyName: key1 };
                            if (vErrors === null) {
                                vErrors = [err21];
                            }
                            else {
                                vErrors.push(err21);
                            }
                            errors++;
                        }
                    }
                    var valid5 = _errs25 === errors;
                    if (!valid5) {
                        const err22 = { instancePath: instancePath + "/buildArgs", schemaPath: "#/definitions/buildArgs/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid" };
                        if (vErrors === null) {
                            vErrors = [err22];
                        }
                        else {
                            vErrors.push(err22);
                        }
                        errors++;
                    }
                }
                for (const key2 in data8) {
                    let data9 = data8[key2];
                    if (((typeof data9 !== "string") && (!(typeof data9 == "number"))) && (typeof data9 !== "boolean")) {
                        const err23 = { instancePath: instancePath + "/buildArgs/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/definitions/buildArgs/additionalProperties/type", keyword: "type", params: { type: schema3.additionalProperties.type }, message: "must be string,number,boolean" };
                        if (vErrors === null) {
                            vErrors = [err23];
                        }
                        else {
                            vErrors.push(err23);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err24 = { instancePath: instancePath + "/buildArgs", schemaPath: "#/definitions/buildArgs/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                    vErrors = [err24];
                }
                else {
                    vErrors.push(err24);
                }
                errors++;
            }
        }
        if (data.base !== undefined) {
            if (!(validate1(data.base, { instancePath: instancePath + "/base", parentData: data, parentDataProperty: "base", rootData }))) {
                vErrors = vErrors === null ? validate1.errors : vErrors.concat(validate1.errors);
                errors = vErrors.length;
            }
        }
        if (data.tiers !== undefined) {
            let data11 = data.tiers;
            if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                if (Object.keys(data11).length < 1) {
                    const err25 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
                    if (vErrors === null) {
                        vErrors = [err25];
                    }
                    else {
                        vErrors.push(err25);
                    }
                    errors++;
                }
                for (const key3 in data11) {
                    const _errs32 = errors;
                    if (typeof key3 === "string") {
                        if (!pattern0.test(key3)) {
                            const err26 = { instancePath: instancePath + "/tiers", schemaPath: "#/definitions/stageName/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9._-]{0,62}$" }, message: "must match pattern \"" + "^[a-z][a-z0-9._-]{0,62}$" + "\"", propertyName: key3 };
                            if (vErrors === null) {
                                vErrors = [err26];
                            }
                            else {
                                vErrors.push(err26);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err27 = { instancePath: instancePath + "/tiers", schemaPath: "#/definitions/stageName/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key3 };
                        if (vErrors === null) {
                            vErrors = [err27];
                        }
                        else {
                            vErrors.push(err27);
                        }
                        errors++;
                    }
                    var valid7 = _errs32 === errors;
                    if (!valid7) {
                        const err28 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/propertyNames", keyword: "propertyNames", params: { propertyName: key3 }, message: "property name must be valid" };
                        if (vErrors === null) {
                            vErrors = [err28];
                        }
                        else {
                            vErrors.push(err28);
                        }
                        errors++;
                    }
                }
                for (const key4 in data11) {
                    if (!(validate3(data11[key4], { instancePath: instancePath + "/tiers/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data11, parentDataProperty: key4, rootData }))) {
                        vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);
                        errors = vErrors.length;
                    }
                }
            }
            else {
                const err29 = { instancePath: instancePath + "/tiers", schemaPath: "#/properties/tiers/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                    vErrors = [err29];
                }
                else {
                    vErrors.push(err29);
                }
                errors++;
            }
        }
    }
    else {
        const err30 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
            vErrors = [err30];
        }
        else {
            vErrors.push(err30);
        }
        errors++;
    }
    validate0.errors = vErrors;
    return errors === 0;
}
// ajv/dist/runtime/ucs2length (ajv, MIT License, Copyright (c) 2015-2021 Evgeny Poberezkin):
// string length in Unicode code points, as JSON Schema counts it.
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++;
        }
    }
    return length;
}

;// CONCATENATED MODULE: ./src/manifest/limits.ts
// Bounds that keep reading a manifest cheap whatever a pull request puts in it
// (docs/reliability.md lists them).
/** Limits that keep parsing bounded whatever a pull request puts in the manifest. */
const MANIFEST_LIMITS = {
    /** Larger manifests are refused before parsing. */
    maxBytes: 1024 * 1024,
    /** YAML aliases expanded while converting; a billion-laughs document hits this at once. */
    maxAliasCount: 100,
    /** More tiers than this is a mistake, not a build matrix anyone can run. */
    maxTiers: 500,
    /** Packages per list. */
    maxPackages: 1000,
    /**
     * Nesting levels (indentation, `- ` items and brackets). A manifest needs about six; the
     * YAML library recurses per level and runs out of stack near 900.
     */
    maxDepth: 32
};
/** Why a document nested too deeply is refused. */
const NESTS_TOO_DEEPLY = `the YAML nests more than ${MANIFEST_LIMITS.maxDepth} levels deep; expected at most ${MANIFEST_LIMITS.maxDepth} (a manifest needs about six)`;

;// CONCATENATED MODULE: ./src/manifest/decode.ts
// The manifest's text before any YAML is parsed: bytes refused when too many, UTF-16 or
// not UTF-8 (located at the first bad byte), and a linear scan for nesting too deep for
// the recursive parser, so a hostile document is refused at a stable position.


/** The manifest's text: a BOM dropped, bytes checked as above. */
function decode(source, file) {
    if (typeof source === 'string')
        return source.replace(/^\uFEFF/, '');
    if (source.byteLength > MANIFEST_LIMITS.maxBytes) {
        throw new ManifestError([
            {
                file,
                line: 1,
                column: 1,
                field: '',
                message: `the manifest is ${source.byteLength} bytes; at most ${MANIFEST_LIMITS.maxBytes} are read`
            }
        ]);
    }
    if ((source[0] === 0xff && source[1] === 0xfe) || (source[0] === 0xfe && source[1] === 0xff)) {
        throw new ManifestError([
            {
                file,
                line: 1,
                column: 1,
                field: '',
                message: 'the manifest is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8'
            }
        ]);
    }
    const bad = firstInvalidUtf8(source);
    if (bad !== -1) {
        let line = 1;
        let lineStart = 0;
        for (let i = 0; i < bad; i++) {
            if (source[i] === 0x0a) {
                line++;
                lineStart = i + 1;
            }
        }
        // Columns count characters, and the bytes before the bad one on its line are valid UTF-8.
        const column = new TextDecoder().decode(source.subarray(lineStart, bad)).length + 1;
        throw new ManifestError([
            {
                file,
                line,
                column,
                field: '',
                message: `invalid UTF-8 (byte 0x${(source[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad}); save the manifest as UTF-8`
            }
        ]);
    }
    return new TextDecoder().decode(source).replace(/^\uFEFF/, '');
}
/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i] ?? 0;
        let length;
        let min;
        if (b < 0x80) {
            i++;
            continue;
        }
        else if (b >= 0xc2 && b <= 0xdf) {
            length = 2;
            min = 0x80;
        }
        else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            min = 0x800;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            min = 0x10000;
        }
        else {
            return i;
        }
        if (i + length > bytes.length)
            return i;
        let codePoint = b & (0xff >> (length + 1));
        for (let k = 1; k < length; k++) {
            const next = bytes[i + k] ?? 0;
            if ((next & 0xc0) !== 0x80)
                return i;
            codePoint = (codePoint << 6) | (next & 0x3f);
        }
        if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
            return i;
        i += length;
    }
    return -1;
}
/**
 * Where the text first nests deeper than `limit`, counting indentation levels, `- ` items
 * opening a line and open brackets (outside quotes and comments). A cheap, linear scan run
 * before the recursive parser, so a hostile document is refused at a stable position.
 */
function tooDeep(text, limit) {
    const indents = [];
    let flow = 0;
    let quote;
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index++) {
        const line = lines[index] ?? '';
        let column = 0;
        if (quote === undefined && flow === 0) {
            const indent = /^ */.exec(line)?.[0].length ?? 0;
            if (/^ *(#|$)/.test(line))
                continue;
            while (indents.length > 0 && (indents.at(-1) ?? 0) >= indent)
                indents.pop();
            indents.push(indent);
            column = indent;
            if (indents.length > limit)
                return { line: index + 1, column: column + 1 };
            // `- - - x` nests a list per dash on one line.
            const dash = /- +/y;
            dash.lastIndex = column;
            for (let match = dash.exec(line); match; match = dash.exec(line)) {
                column = dash.lastIndex;
                indents.push(column);
                if (indents.length > limit)
                    return { line: index + 1, column: column + 1 };
            }
        }
        for (let i = column; i < line.length; i++) {
            const c = line[i];
            if (quote === '"') {
                if (c === '\\')
                    i++;
                else if (c === '"')
                    quote = undefined;
            }
            else if (quote === "'") {
                // '' is a quote inside a single-quoted string.
                if (c === "'" && line[i + 1] === "'")
                    i++;
                else if (c === "'")
                    quote = undefined;
            }
            else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
                break;
            }
            else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1] ?? ''))) {
                quote = c;
            }
            else if (c === '[' || c === '{') {
                flow++;
                if (indents.length + flow > limit)
                    return { line: index + 1, column: i + 1 };
            }
            else if ((c === ']' || c === '}') && flow > 0) {
                flow--;
            }
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/manifest/read-yaml.ts
// Round one of the manifest's checks: bytes → a YAML document, refused early when it is too
// large, not UTF-8, nested too deeply, or malformed, and walked once for the position of
// every field (where later issues point) and the text of every scalar (so `3.10` stays
// "3.10"). Bounded whatever a pull request puts in the manifest.





/**
 * Reads the manifest's bytes (or text) as one YAML 1.2 document. Throws a ManifestError at
 * the first round of problems: size, encoding, depth, syntax, too many tiers, then the
 * document's structure (duplicate keys, aliases to nothing, keys that are not names).
 */
function readYaml(source, file) {
    const text = decode(source, file);
    const deep = tooDeep(text, MANIFEST_LIMITS.maxDepth);
    if (deep) {
        throw new ManifestError([
            { file, ...deep, field: '', message: `invalid YAML: ${NESTS_TOO_DEEPLY}` }
        ]);
    }
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, {
        lineCounter,
        // The library's duplicate-key check compares every key with every other (quadratic: a
        // 1 MB manifest of 50,000 keys took 18 s); walk() below does it with a set instead.
        uniqueKeys: false,
        prettyErrors: false,
        strict: true,
        version: '1.2',
        // The library warns on the process (stderr) about odd keys; walk() reports them instead.
        logLevel: 'error'
    });
    const pos = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    refuseYamlProblems(doc, file, pos);
    refuseTooManyTiers(doc.contents, file, pos);
    const walked = walk(doc.contents, file, pos);
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MANIFEST_LIMITS.maxAliasCount });
    }
    catch (error) {
        throw new ManifestError([
            {
                file,
                ...(walked.firstAlias ?? { line: 1, column: 1 }),
                field: '',
                message: `YAML aliases expand too far (more than ${MANIFEST_LIMITS.maxAliasCount} expansions); write the values out instead (${error instanceof Error ? error.message : String(error)})`
            }
        ]);
    }
    const { positions, keyPositions, sources } = walked;
    return { data, positions, keyPositions, sources };
}
function refuseYamlProblems(doc, file, pos) {
    const yamlProblems = [...doc.errors, ...doc.warnings];
    // Should tooDeep() miss a shape, the library's stack overflow lands wherever the stack
    // happened to end; report it once, for the whole document.
    if (yamlProblems.some((problem) => problem.message.includes('Maximum call stack'))) {
        throw new ManifestError([
            { file, line: 1, column: 1, field: '', message: `invalid YAML: ${NESTS_TOO_DEEPLY}` }
        ]);
    }
    if (yamlProblems.length > 0) {
        throw new ManifestError(yamlProblems.map((problem) => ({
            file,
            ...pos(problem.pos[0]),
            field: '',
            message: `invalid YAML: ${yamlMessage(problem.code, problem.message)}`
        })));
    }
}
/** Too many tiers is refused from the syntax tree, before walking and converting them all. */
function refuseTooManyTiers(contents, file, pos) {
    if (!(0,dist/* isMap */.jh)(contents))
        return;
    const tiersPair = contents.items.find((pair) => (0,dist/* isScalar */.jn)(pair.key) && pair.key.value === 'tiers');
    const count = (0,dist/* isMap */.jh)(tiersPair?.value) ? tiersPair.value.items.length : 0;
    if (count <= MANIFEST_LIMITS.maxTiers)
        return;
    const key = tiersPair?.key;
    throw new ManifestError([
        {
            file,
            ...(key?.range ? pos(key.range[0]) : { line: 1, column: 1 }),
            field: 'tiers',
            message: `${count} tiers declared; at most ${MANIFEST_LIMITS.maxTiers} are supported`
        }
    ]);
}
/**
 * Walks the syntax tree once, recording where every field is and every scalar's text, and
 * refusing what no manifest field can be: duplicate keys, keys that are not plain names,
 * aliases to anchors not defined before them.
 */
function walk(contents, file, pos) {
    // Keyed by field paths taken from the manifest: no prototype, so a key such as
    // `__proto__` is only ever a key.
    const walked = {
        positions: emptyRecord(),
        keyPositions: emptyRecord(),
        sources: emptyRecord()
    };
    walked.positions[''] = { line: 1, column: 1 };
    const structural = [];
    const anchors = new Set();
    const at = (node) => node?.range ? pos(node.range[0]) : { line: 1, column: 1 };
    const visit = (node, path) => {
        if ((0,dist/* isAlias */.Vj)(node)) {
            walked.firstAlias ??= at(node);
            // Anchors are seen in document order, so an alias to a later or missing one is caught here.
            if (!anchors.has(node.source)) {
                structural.push({
                    file,
                    ...at(node),
                    field: fields_fieldPath(path),
                    message: `invalid YAML: alias "*${node.source}" refers to no anchor defined before it; define "&${node.source}" first or write the value out`
                });
            }
            return;
        }
        if (!node || typeof node !== 'object' || !('range' in node))
            return;
        const yamlNode = node;
        if (yamlNode.anchor)
            anchors.add(yamlNode.anchor);
        if (yamlNode.range)
            walked.positions[fields_fieldPath(path)] = pos(yamlNode.range[0]);
        // Keep plain scalars as written, so a build arg `3.10` is not passed as "3.1".
        if ((0,dist/* isScalar */.jn)(yamlNode) && typeof yamlNode.source === 'string')
            walked.sources[fields_fieldPath(path)] = yamlNode.source;
        if ((0,dist/* isMap */.jh)(yamlNode))
            visitPairs(yamlNode.items, path);
        else if ((0,dist/* isSeq */.oP)(yamlNode))
            yamlNode.items.forEach((item, index) => visit(item, [...path, index]));
    };
    const visitPairs = (items, path) => {
        const keys = new Set();
        for (const pair of items) {
            if (!(0,dist/* isPair */.tO)(pair))
                continue;
            const keyNode = pair.key;
            if (pair.key !== null && !(0,dist/* isScalar */.jn)(pair.key)) {
                // `? [a, b]` or `*alias:` as a key: no field is named like that, and turning it into
                // a string would expand aliases or print the library's warning.
                structural.push({
                    file,
                    ...at(keyNode),
                    field: fields_fieldPath(path),
                    message: 'invalid YAML: a key must be a plain name, not a list, mapping or alias'
                });
                continue;
            }
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value ?? '') : '';
            const childPath = [...path, key];
            if (keys.has(key)) {
                structural.push({
                    file,
                    ...at(keyNode),
                    field: fields_fieldPath(childPath),
                    message: `invalid YAML: duplicate key ${JSON.stringify(key)}; each key may appear only once in a mapping`
                });
            }
            keys.add(key);
            if (keyNode?.range) {
                walked.keyPositions[fields_fieldPath(childPath)] = pos(keyNode.range[0]);
                walked.positions[fields_fieldPath(childPath)] = pos(keyNode.range[0]);
            }
            visit(pair.value, childPath);
            // A mapping or list is located by its key (`tier1:`), where an editor shows the field;
            // a scalar by its value.
            if (((0,dist/* isMap */.jh)(pair.value) || (0,dist/* isSeq */.oP)(pair.value)) && keyNode?.range)
                walked.positions[fields_fieldPath(childPath)] = pos(keyNode.range[0]);
        }
    };
    visit(contents, []);
    if (structural.length > 0)
        throw new ManifestError(sortIssues(structural));
    return walked;
}
/** The YAML library's message, reworded where it speaks to programmers rather than users. */
function yamlMessage(code, message) {
    if (code === 'MULTIPLE_DOCS')
        return 'the manifest holds more than one document ("---"); expected a single YAML document';
    if (code === 'TAG_RESOLVE_FAILED') {
        const tag = message.replace(/^Unresolved tag: /, '').replace(/^tag:yaml\.org,2002:/, '!!');
        return `unknown tag ${tag}; expected plain strings, numbers, lists and mappings (a manifest uses no tags)`;
    }
    if (code === 'TAB_AS_INDENT')
        return 'tabs are not allowed as indentation; indent with spaces';
    if (code === 'MISSING_CHAR' && message.includes('quote')) {
        const quote = message.includes('"') ? '"' : "'";
        return `a quoted string is not closed; expected a closing ${quote} before the end of the file`;
    }
    return firstLine(message);
}
function firstLine(message) {
    return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

;// CONCATENATED MODULE: ./schema/notebook-tiers.schema.json
const notebook_tiers_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"qo":{"version":{"description":"Manifest format version.","const":1},"image":{"description":"Repository of the built images, e.g. ghcr.io/acme/notebook-validator (no tag).","type":"string","minLength":1},"strategy":{"description":"shared: one image holding every tier\'s packages (ADR-031 option A). multi-stage: one image per tier, built with --target from one Dockerfile (option D).","enum":["shared","multi-stage"],"default":"shared"},"context":{"description":"Build context, relative to the manifest\'s folder.","type":"string","minLength":1,"default":"."},"dockerfile":{"description":"Dockerfile relative to the context. When omitted, one is generated from baseImage, base and the tiers.","type":"string","minLength":1},"target":{"description":"Stage of a user Dockerfile built as the shared image (default: its last stage).","$ref":"#/definitions/stageName"},"baseImage":{"description":"FROM of the generated Dockerfile; also passed as build-arg BASE_IMAGE.","type":"string","minLength":1},"threshold":{"description":"Size budget of every image: 5GB, 4.5 GB, 500MB, 2GiB, or bytes. GB/MB/KB are decimal. Default 5GB.","$ref":"#/definitions/size"},"buildArgs":{"description":"Extra build args for every image.","$ref":"#/definitions/buildArgs"},"base":{"description":"Packages every tier gets.","$ref":"#/definitions/packages"},"tiers":{"description":"Ordered map of tiers; the key is the tier name and its default build stage.","type":"object","minProperties":1,"propertyNames":{"$ref":"#/definitions/stageName"},"additionalProperties":{"$ref":"#/definitions/tier"}}},"BG":{"U$":{"qo":{"pip":{"description":"PEP 508 requirements installed with pip.","$ref":"#/definitions/packageList"},"apt":{"description":"Debian packages installed with apt-get.","$ref":"#/definitions/packageList"}}},"Zm":{"qo":{"description":{"type":"string"},"target":{"description":"Stage to build (default: the tier name, or the last stage of the tier\'s own dockerfile).","$ref":"#/definitions/stageName"},"pip":{"description":"PEP 508 requirements installed with pip.","$ref":"#/definitions/packageList"},"apt":{"description":"Debian packages installed with apt-get.","$ref":"#/definitions/packageList"},"notebooks":{"description":"Globs of the notebooks this tier validates, relative to the manifest\'s folder.","type":"array","items":{"type":"string","minLength":1}},"dockerfile":{"description":"The tier\'s own Dockerfile, relative to the context; the tier is then built as its own image.","type":"string","minLength":1},"threshold":{"description":"Size budget of this tier\'s image; overrides the manifest and the threshold input.","$ref":"#/definitions/size"},"buildArgs":{"description":"Extra build args for this tier\'s image.","$ref":"#/definitions/buildArgs"}}}}}');
;// CONCATENATED MODULE: ./src/manifest/schema-issues.ts



/** The field names a manifest may use, for "did you mean" suggestions. */
const TOP_LEVEL_FIELDS = Object.keys(notebook_tiers_schema_namespaceObject.qo);
const TIER_FIELDS = Object.keys(notebook_tiers_schema_namespaceObject.BG.Zm.qo);
const PACKAGE_FIELDS = Object.keys(notebook_tiers_schema_namespaceObject.BG.U$.qo);
/** A value no branch of a oneOf/anyOf accepts: a size says why in parseSize's words. */
function union({ error, path, value, issue, sources }) {
    return issue(path, error.schemaPath.includes('size')
        ? sizeProblem(value, sources[fields_fieldPath(path)])
        : `invalid value ${fields_describe(value)}`);
}
const EXPLAIN = {
    additionalProperties: ({ error, path, issue, keyPositions }) => {
        const key = String(error.params['additionalProperty']);
        const childPath = [...path, key];
        const choices = allowedFields(path);
        const suggestion = nearest(key, choices);
        const hint = suggestion
            ? `did you mean "${suggestion}"?`
            : `expected one of ${choices.join(', ')}`;
        return issue(childPath, `unknown field "${key}"; ${hint}`, keyPositions[fields_fieldPath(childPath)]);
    },
    required: ({ error, path, issue }) => {
        const missing = String(error.params['missingProperty']);
        return issue(path, `missing required field "${missing}"; expected ${REQUIRED_HINTS[missing] ?? 'it to be set'}`);
    },
    const: ({ error, path, value, issue }) => {
        if (path.length === 1 && path[0] === 'version') {
            return issue(path, `unsupported version ${JSON.stringify(value)}; expected version: 1${typeof value === 'string' ? ', a number without quotes' : ''} (the only version this action reads)`);
        }
        return issue(path, `expected ${JSON.stringify(error.params['allowedValue'])}, got ${fields_describe(value)}`);
    },
    enum: ({ error, path, value, issue }) => issue(path, `expected one of ${error.params['allowedValues'].join(', ')}, got ${fields_describe(value)}`),
    type: ({ error, path, value, issue, keyPositions }) => {
        if (value === null && path.length === 2 && path[0] === 'tiers') {
            // `tier1:` with nothing after it; point at the key, not past the colon.
            return issue(path, 'the tier is empty; expected a mapping with pip, apt, notebooks or dockerfile', keyPositions[fields_fieldPath(path)]);
        }
        return issue(path, `expected ${article(String(error.params['type']))}, got ${fields_describe(value)}`, value === null ? keyPositions[fields_fieldPath(path)] : undefined);
    },
    anyOf: union,
    oneOf: union,
    minProperties: ({ path, issue }) => issue(path, fields_fieldPath(path) === 'tiers'
        ? 'no tiers: declare at least one tier'
        : 'expected at least one entry'),
    minLength: ({ path, issue }) => issue(path, 'expected a non-empty string'),
    pattern: ({ error, path, value, issue }) => {
        // A key failing `propertyNames` also fails its pattern; the propertyNames case reports it.
        if ('propertyName' in error)
            return undefined;
        if (error.schemaPath.includes('stageName'))
            return issue(path, stageNameMessage(value));
        return issue(path, `${fields_describe(value)} does not match ${String(error.params['pattern'])}`);
    },
    propertyNames: ({ error, path, issue, keyPositions }) => {
        const key = String(error.params['propertyName']);
        const childPath = [...path, key];
        const message = fields_fieldPath(path) === 'tiers' || path[0] === 'tiers'
            ? stageNameMessage(key, 'tier name')
            : `"${key}" is not a valid build-arg name: expected letters, digits and _, not starting with a digit`;
        return issue(childPath, message, keyPositions[fields_fieldPath(childPath)]);
    },
    minimum: ({ error, path, value, issue }) => {
        return issue(path, `expected a number greater than or equal to ${String(error.params['limit'])}, got ${fields_describe(value)}`);
    }
};
/** Any other keyword: ajv's own message. */
const otherError = ({ error, path, value, issue }) => issue(path, error.message ?? `invalid value ${fields_describe(value)}`);
/** Converts ajv's errors into located issues with messages written for people. */
function schemaIssues(errors, data, issue, keyPositions, sources) {
    const issues = new Map();
    // oneOf/anyOf failures repeat as one error per branch; the branch errors are noise.
    const unionPaths = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
    for (const error of errors) {
        const isUnionBranch = unionPaths.has(error.instancePath) && error.keyword !== 'oneOf' && error.keyword !== 'anyOf';
        if (isUnionBranch)
            continue;
        const path = pointerToPath(error.instancePath);
        const value = valueAt(data, path);
        const explain = EXPLAIN[error.keyword] ?? otherError;
        const found = explain({ error, path, value, issue, keyPositions, sources });
        if (found && !issues.has(`${found.field}|${found.message}`)) {
            issues.set(`${found.field}|${found.message}`, found);
        }
    }
    // A bad key also fails `pattern` under `propertyNames`; keep the message about the key.
    const result = [...issues.values()];
    const keyed = new Set(result.filter((i) => i.message.includes('is not a valid stage name')).map((i) => i.field));
    return result.filter((i) => !(keyed.has(i.field) && !i.message.includes('is not a valid stage name')));
}
const REQUIRED_HINTS = {
    version: '"version: 1" first',
    image: 'the repository of the built images, e.g. "image: ghcr.io/acme/notebook-validator"',
    tiers: 'a mapping of tier names to what they install, e.g. "tiers: {tier1: {pip: [numpy]}}"'
};
function stageNameMessage(value, what = 'stage name') {
    return `${fields_describe(value)} is not a valid ${what}: expected lowercase letters, digits, ".", "_" or "-", starting with a letter, at most 63 characters`;
}
// By the instance path: ajv reports schema paths relative to a $ref'd definition, so
// `#/additionalProperties` can be the top level, a tier or the base packages alike.
function allowedFields(path) {
    if (path.length === 2 && path[0] === 'tiers')
        return TIER_FIELDS;
    if (path.length === 1 && path[0] === 'base')
        return PACKAGE_FIELDS;
    return TOP_LEVEL_FIELDS;
}
function pointerToPath(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
function valueAt(data, path) {
    let current = data;
    for (const part of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[part];
    }
    return current;
}
/** The closest candidate within a small edit distance, for "did you mean". */
function nearest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    const allowed = Math.max(2, Math.floor(word.length / 3));
    return bestDistance <= allowed ? best : undefined;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
function article(type) {
    const names = {
        object: 'a mapping',
        array: 'a list',
        string: 'a string',
        integer: 'an integer',
        number: 'a number',
        boolean: 'a boolean',
        'string,number,boolean': 'a string, number or boolean'
    };
    return names[type] ?? type;
}
/** Why a threshold the schema rejected is not a size, in parseSize's words where it can. */
function sizeProblem(value, source) {
    if (typeof value === 'string' || typeof value === 'number') {
        try {
            parseSize(typeof value === 'number' ? (source ?? value) : value);
        }
        catch (error) {
            if (error instanceof SizeError)
                return error.message;
            throw error;
        }
    }
    return `expected ${SIZE_EXPECTED}, got ${fields_describe(value)}`;
}

;// CONCATENATED MODULE: ./src/manifest/packages.ts
// Package specs come from pull requests and end up in a Dockerfile, so only the plain,
// well-defined forms are accepted: a PEP 508 name with optional extras and PEP 440
// version specifiers, and a Debian package name with optional architecture and version.
// URLs, environment markers and anything else are refused rather than escaped.
const PEP508_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
// PEP 440's permissive version pattern (as in `packaging.version.VERSION_PATTERN`).
const PEP440_VERSION = /^v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$/i;
const SPECIFIER = /^(~=|===|==|!=|<=|>=|<|>)\s*(\S+)$/;
const PIP_EXPECTED = 'expected name[extras] with version specifiers, e.g. numpy>=1.26,<2';
// Characters that mean something to a shell and appear in no valid requirement or Debian
// package: naming the one found tells an author (or a reviewer of a hostile PR) exactly why.
const SHELL_CHARACTER = /[$`|&'"\\{}?#]/;
/**
 * Checks one pip requirement such as `scikit-learn>=1.4,<2` or `papermill[all]==2.6.0`.
 * Returns a message describing the problem, or undefined when the spec is acceptable.
 */
function checkPipRequirement(spec) {
    const text = spec.trim();
    if (/[\r\n\0]/.test(spec))
        return `${show(spec)} contains a line break or NUL; give one requirement per item`;
    if (text.includes(';')) {
        return `${show(spec)}: environment markers (";") are not supported; ${PIP_EXPECTED}`;
    }
    if (text.includes('@') || text.includes('://')) {
        return `${show(spec)}: direct URL references are not supported; ${PIP_EXPECTED}`;
    }
    const shell = SHELL_CHARACTER.exec(text);
    if (shell)
        return `${show(spec)} contains ${show(shell[0])}, which no pip requirement has; ${PIP_EXPECTED}`;
    const match = /^([^\s[\]<>=!~,]+)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(text);
    if (!match)
        return invalidPip(spec);
    const [, name = '', extras, rest = ''] = match;
    if (!PEP508_NAME.test(name)) {
        // When the whole spec is the bad name, say it once.
        const subject = name === text ? show(spec) : `${show(spec)}: "${name}"`;
        return `${subject} is not a valid package name: expected letters, digits, ".", "_" and "-", starting and ending with a letter or digit (PEP 508)`;
    }
    if (extras !== undefined) {
        for (const extra of extras.split(',').map((e) => e.trim())) {
            if (!PEP508_NAME.test(extra)) {
                return `${show(spec)}: "${extra}" is not a valid extra name: expected letters, digits, ".", "_" and "-", e.g. papermill[all]`;
            }
        }
    }
    const specifiers = rest.trim();
    if (specifiers === '')
        return undefined;
    const stripped = specifiers.replace(/^\((.*)\)$/, '$1');
    for (const part of stripped.split(',')) {
        if (part.trim() === '')
            return invalidPip(spec, 'an empty version specifier (a stray ",")');
        const specifier = SPECIFIER.exec(part.trim());
        if (!specifier)
            return invalidPip(spec, `"${part.trim()}" is not a version specifier`);
        const [, operator = '', version = ''] = specifier;
        const wildcard = (operator === '==' || operator === '!=') && version.endsWith('.*');
        const bare = wildcard ? version.slice(0, -2) : version;
        if (operator === '===') {
            if (!/^[A-Za-z0-9._+!-]+$/.test(version))
                return invalidPip(spec, `"${version}" is not a version`);
        }
        else if (!PEP440_VERSION.test(bare) || (wildcard && bare.includes('+'))) {
            return invalidPip(spec, `"${version}" is not a PEP 440 version`);
        }
    }
    return undefined;
}
function invalidPip(spec, detail) {
    const reason = detail ? `${detail}; ` : '';
    return `${show(spec)} is not a valid pip requirement: ${reason}${PIP_EXPECTED}`;
}
// Debian policy 5.6.1 (names), 5.6.12 (versions); `name:arch=version` is what apt-get takes.
const DEBIAN_NAME = /^[a-z0-9][a-z0-9+.-]+$/;
const DEBIAN_ARCH = /^[a-z0-9][a-z0-9-]*$/;
const DEBIAN_VERSION = /^(?:[0-9]+:)?[0-9][A-Za-z0-9.+~-]*$/;
const APT_EXPECTED = 'expected lowercase letters, digits, "+", "-" and ".", at least two characters, optionally :arch and =version';
/**
 * Checks one apt package such as `python3-sklearn`, `libgomp1:amd64` or `git=1:2.39.5-0+deb12u2`.
 * Returns a message describing the problem, or undefined when the name is acceptable.
 */
function checkAptPackage(spec) {
    const text = spec.trim();
    if (/[\r\n\0]/.test(spec))
        return `${show(spec)} contains a line break or NUL; give one package per item`;
    const shell = SHELL_CHARACTER.exec(text) ?? /[;<>()*\s]/.exec(text);
    if (shell)
        return `${show(spec)} contains ${show(shell[0])}, which no Debian package name has; ${APT_EXPECTED}`;
    const match = /^([^:=]+)(?::([^=]+))?(?:=(.+))?$/.exec(text);
    const [, name = '', arch, version] = match ?? [];
    if (!match || !DEBIAN_NAME.test(name)) {
        return `${show(spec)} is not a valid Debian package name: ${APT_EXPECTED}`;
    }
    if (arch !== undefined && !DEBIAN_ARCH.test(arch))
        return `${show(spec)}: "${arch}" is not a Debian architecture: expected e.g. amd64 or arm64`;
    if (version !== undefined && !DEBIAN_VERSION.test(version))
        return `${show(spec)}: "${version}" is not a Debian version: expected an optional epoch and a version starting with a digit, e.g. git=1:2.39.5-0+deb12u2`;
    return undefined;
}
function show(spec) {
    return JSON.stringify(spec.length > 80 ? `${spec.slice(0, 77)}...` : spec);
}

;// CONCATENATED MODULE: ./src/manifest/to-manifest.ts
// Round three of the manifest's checks: the raw document the schema accepted becomes a
// Manifest, with the checks a schema cannot make (package specs, image references, stage
// names the generated Dockerfile uses, tiers building the same stage, notebook globs).





/**
 * Converts the raw manifest the schema accepted, recording every problem a schema cannot
 * see through `addIssue` (the caller throws them together).
 */
function toManifest(raw, file, positions, sources, addIssue) {
    const repositoryProblem = imageRepositoryProblem(raw.image);
    if (repositoryProblem)
        addIssue(['image'], repositoryProblem);
    const baseImageProblem = raw.baseImage === undefined ? undefined : imageReferenceProblem(raw.baseImage);
    if (baseImageProblem)
        addIssue(['baseImage'], baseImageProblem);
    const base = to_manifest_packages(raw.base ?? {}, ['base'], addIssue);
    const generated = raw.dockerfile === undefined;
    const tiers = [];
    const stages = new Map();
    for (const [name, value] of Object.entries(raw.tiers)) {
        if (value === null) {
            addIssue(['tiers', name], 'the tier is empty; expected a mapping with pip, apt, notebooks or dockerfile');
            continue;
        }
        const tierPackages = to_manifest_packages(value, ['tiers', name], addIssue);
        checkTierStage(name, value, raw, stages, addIssue);
        tiers.push(toTier(name, value, tierPackages, sources, addIssue));
    }
    // Only tiers without their own Dockerfile are built from the generated one.
    const usesGenerated = generated &&
        Object.values(raw.tiers).some((tier) => tier !== null && tier.dockerfile === undefined);
    if (usesGenerated && raw.baseImage === undefined) {
        addIssue([], 'missing field "baseImage": the Dockerfile is generated (no "dockerfile" given), so its FROM image is needed');
    }
    if (raw.target !== undefined && generated) {
        addIssue(['target'], '"target" picks a stage of your own Dockerfile; it needs "dockerfile" to be set');
    }
    const manifest = {
        file,
        version: 1,
        image: raw.image,
        context: raw.context ?? '.',
        buildArgs: buildArgs(raw.buildArgs, ['buildArgs'], sources),
        base,
        tiers,
        positions
    };
    if (raw.strategy !== undefined)
        manifest.strategy = raw.strategy;
    if (raw.dockerfile !== undefined)
        manifest.dockerfile = raw.dockerfile;
    if (raw.target !== undefined)
        manifest.target = raw.target;
    if (raw.baseImage !== undefined)
        manifest.baseImage = raw.baseImage;
    if (raw.threshold !== undefined) {
        const bytes = to_manifest_size(raw.threshold, ['threshold'], sources, addIssue);
        if (bytes !== undefined)
            manifest.thresholdBytes = bytes;
    }
    return manifest;
}
/**
 * What a tier of the generated Dockerfile may not be: empty, or named like one of its own
 * stages; and no two tiers may build the same stage of one Dockerfile (the same image twice).
 */
function checkTierStage(name, value, raw, stages, addIssue) {
    const path = ['tiers', name];
    const generatedTier = raw.dockerfile === undefined && value.dockerfile === undefined;
    if (generatedTier &&
        // The lists as written: a rejected or over-long list already has its own issue.
        (value.pip ?? []).length === 0 &&
        (value.apt ?? []).length === 0) {
        addIssue(path, 'the tier installs nothing: the Dockerfile is generated, so give it pip or apt packages (or its own dockerfile)');
    }
    if (generatedTier && (name === 'base' || name === 'shared')) {
        addIssue(path, `"${name}" is a stage of the generated Dockerfile; give the tier another name`);
    }
    const stage = value.target ?? (value.dockerfile === undefined ? name : undefined);
    if (stage === undefined)
        return;
    const key = `${value.dockerfile ?? raw.dockerfile ?? '(generated)'}#${stage}`;
    const other = stages.get(key);
    if (other === undefined) {
        stages.set(key, name);
        return;
    }
    addIssue(value.target !== undefined ? [...path, 'target'] : path, `tiers ${other} and ${name} both build stage "${stage}"; give each tier its own target`);
}
/** One tier, its notebook globs, build args and budget checked (its packages already are). */
function toTier(name, value, tierPackages, sources, addIssue) {
    const path = ['tiers', name];
    value.notebooks?.forEach((glob, index) => {
        const problem = checkNotebookGlob(glob);
        if (problem)
            addIssue([...path, 'notebooks', index], problem);
    });
    const tier = {
        name,
        packages: tierPackages,
        notebooks: value.notebooks ?? [],
        buildArgs: buildArgs(value.buildArgs, [...path, 'buildArgs'], sources)
    };
    if (value.description !== undefined)
        tier.description = value.description;
    if (value.target !== undefined)
        tier.target = value.target;
    if (value.dockerfile !== undefined)
        tier.dockerfile = value.dockerfile;
    if (value.threshold !== undefined) {
        const bytes = to_manifest_size(value.threshold, [...path, 'threshold'], sources, addIssue);
        if (bytes !== undefined)
            tier.thresholdBytes = bytes;
    }
    return tier;
}
function to_manifest_packages(raw, path, addIssue) {
    const result = { pip: [], apt: [] };
    for (const kind of ['pip', 'apt']) {
        const list = raw[kind] ?? [];
        if (list.length > MANIFEST_LIMITS.maxPackages) {
            addIssue([...path, kind], `${list.length} packages; at most ${MANIFEST_LIMITS.maxPackages} are supported`);
            continue;
        }
        list.forEach((spec, index) => {
            const problem = kind === 'pip' ? checkPipRequirement(spec) : checkAptPackage(spec);
            if (problem)
                addIssue([...path, kind, index], problem);
            else
                result[kind].push(spec.trim());
        });
    }
    return result;
}
function to_manifest_size(value, path, sources, addIssue) {
    try {
        // A number is read as written: `0x10` or `1e30` are YAML numbers, but not sizes.
        return parseSize(typeof value === 'number' ? (sources[fields_fieldPath(path)] ?? value) : value);
    }
    catch (error) {
        if (error instanceof SizeError)
            addIssue(path, error.message);
        else
            throw error;
        return undefined;
    }
}
/**
 * Checks a notebook glob without touching the filesystem: the globs are expanded later,
 * inside the manifest's folder, so one that is absolute or climbs out with ".." (also in a
 * brace or extglob alternative) could only ever match files it has no business with.
 */
function checkNotebookGlob(glob) {
    const expected = "expected a glob relative to the manifest's folder, e.g. notebooks/*.ipynb";
    if (/[\r\n\0]/.test(glob))
        return `${fields_describe(glob)} contains a line break or NUL; ${expected}`;
    if (/^(?:[/\\]|[A-Za-z]:)/.test(glob))
        return `${fields_describe(glob)} is an absolute path; ${expected}`;
    if (glob.startsWith('~')) {
        return `${fields_describe(glob)} starts with "~", a home folder outside the repository; ${expected}`;
    }
    if (/(?:^|[/\\{,(|])\.\.(?:$|[/\\},)|])/.test(glob)) {
        return `${fields_describe(glob)} climbs out of the manifest's folder with ".."; ${expected}`;
    }
    return undefined;
}
function buildArgs(raw, path, sources) {
    const result = {};
    for (const [key, value] of Object.entries(raw ?? {})) {
        // Numbers and booleans keep their YAML spelling: `PYTHON_VERSION: 3.10` stays "3.10".
        result[key] =
            typeof value === 'string' ? value : (sources[fields_fieldPath([...path, key])] ?? String(value));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/manifest/parse.ts







/** The schema compiled ahead of time (scripts/generate-validator.mjs); ajv's own errors. */
const validateSchema = validator;
/**
 * Parses and validates a tier manifest. Throws a ManifestError listing every problem found,
 * each with file, line, column and field; never throws anything else for bad input.
 */
function parseManifest(source, file) {
    try {
        return parse(source, file);
    }
    catch (error) {
        // Pathologically deep nesting exhausts the parser's stack; say so instead of crashing.
        if (error instanceof RangeError) {
            throw new ManifestError([{ file, line: 1, column: 1, field: '', message: NESTS_TOO_DEEPLY }]);
        }
        throw error;
    }
}
function parse(source, file) {
    const { data, positions, keyPositions, sources } = readYaml(source, file);
    const at = (path) => positions[fields_fieldPath(path)] ?? nearestPosition(positions, path) ?? { line: 1, column: 1 };
    const issue = (path, message, where = at(path)) => ({
        file,
        line: where.line,
        column: where.column,
        field: fields_fieldPath(path),
        message
    });
    if (data === null || data === undefined) {
        throw new ManifestError([
            issue([], 'the manifest is empty; expected a mapping with version, image and tiers')
        ]);
    }
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new ManifestError([
            issue([], `expected a mapping with version, image and tiers, got ${fields_describe(data)}`)
        ]);
    }
    const tiersValue = data['tiers'];
    if (tiersValue && typeof tiersValue === 'object' && !Array.isArray(tiersValue)) {
        const count = Object.keys(tiersValue).length;
        if (count > MANIFEST_LIMITS.maxTiers) {
            throw new ManifestError([
                issue(['tiers'], `${count} tiers declared; at most ${MANIFEST_LIMITS.maxTiers} are supported`)
            ]);
        }
    }
    if (!validateSchema(data)) {
        const issues = schemaIssues(validateSchema.errors ?? [], data, issue, keyPositions, sources);
        throw new ManifestError(sortIssues(issues));
    }
    const issues = [];
    const raw = data;
    const manifest = toManifest(raw, file, positions, sources, (path, message) => issues.push(issue(path, message)));
    if (issues.length > 0)
        throw new ManifestError(sortIssues(issues));
    return manifest;
}

;// CONCATENATED MODULE: ./src/plan/plan.ts




/** The size budget when neither the manifest nor the inputs set one: 5 GB (decimal). */
const DEFAULT_THRESHOLD_BYTES = 5_000_000_000;
/** Where the Dockerfile generated from the manifest's packages goes: beside the manifest. */
function generatedDockerfilePath(manifestDir) {
    return external_node_path_default().join(manifestDir, '.nb-image', 'Dockerfile');
}
/**
 * Decides which images to build, from which Dockerfile and stage, under which reference
 * and budget. Pure: the generated Dockerfile is returned for the caller to write.
 */
function planBuild(manifest, options) {
    const strategy = options.strategy ?? manifest.strategy ?? 'shared';
    const selected = selectTiers(manifest, options.tiers);
    const context = external_node_path_default().resolve(options.manifestDir, manifest.context);
    const generated = manifest.dockerfile === undefined;
    const generatedPath = options.generatedDockerfilePath ?? generatedDockerfilePath(options.manifestDir);
    const mainDockerfile = generated
        ? generatedPath
        : external_node_path_default().resolve(context, manifest.dockerfile ?? 'Dockerfile');
    const commonArgs = {};
    if (manifest.baseImage !== undefined)
        commonArgs['BASE_IMAGE'] = manifest.baseImage;
    Object.assign(commonArgs, manifest.buildArgs);
    const budget = (tier) => {
        if (tier.thresholdBytes !== undefined)
            return { bytes: tier.thresholdBytes, source: `tier ${tier.name}` };
        if (options.thresholdBytes !== undefined)
            return { bytes: options.thresholdBytes, source: 'input' };
        if (manifest.thresholdBytes !== undefined)
            return { bytes: manifest.thresholdBytes, source: 'manifest' };
        return { bytes: DEFAULT_THRESHOLD_BYTES, source: 'default' };
    };
    const images = [];
    const ownImage = (tier) => {
        const { bytes, source } = budget(tier);
        const plan = {
            name: tier.name,
            tiers: [tier.name],
            dockerfile: tier.dockerfile !== undefined ? external_node_path_default().resolve(context, tier.dockerfile) : mainDockerfile,
            context,
            generated: tier.dockerfile === undefined && generated,
            ref: `${manifest.image}:${tier.name}`,
            thresholdBytes: bytes,
            thresholdSource: source,
            buildArgs: { ...commonArgs, ...tier.buildArgs },
            field: fields_fieldPath([
                'tiers',
                tier.name,
                ...(tier.target !== undefined
                    ? ['target']
                    : tier.dockerfile !== undefined
                        ? ['dockerfile']
                        : [])
            ])
        };
        // A tier's own Dockerfile builds its final stage unless a target is named.
        const target = tier.target ?? (tier.dockerfile === undefined ? tier.name : undefined);
        if (target !== undefined)
            plan.target = target;
        return plan;
    };
    if (strategy === 'multi-stage') {
        for (const tier of selected)
            images.push(ownImage(tier));
    }
    else {
        // Tiers with their own Dockerfile cannot live in the shared image; they get their own.
        const sharedTiers = manifest.tiers.filter((tier) => tier.dockerfile === undefined);
        const sharedSelected = selected.filter((tier) => tier.dockerfile === undefined);
        if (sharedSelected.length > 0) {
            // The shared image serves every tier in it, so it must fit the tightest of their budgets.
            const budgets = sharedTiers.map(budget);
            const tightest = budgets.reduce((a, b) => (b.bytes < a.bytes ? b : a));
            const shared = {
                name: SHARED_STAGE,
                tiers: sharedTiers.map((tier) => tier.name),
                dockerfile: mainDockerfile,
                context,
                generated,
                ref: `${manifest.image}:${SHARED_STAGE}`,
                thresholdBytes: tightest.bytes,
                thresholdSource: tightest.source,
                buildArgs: sharedBuildArgs(manifest, sharedTiers, commonArgs),
                field: generated ? 'tiers' : manifest.target !== undefined ? 'target' : 'dockerfile'
            };
            if (generated)
                shared.target = SHARED_STAGE;
            else if (manifest.target !== undefined)
                shared.target = manifest.target;
            images.push(shared);
        }
        for (const tier of selected)
            if (tier.dockerfile !== undefined)
                images.push(ownImage(tier));
    }
    const plan = { strategy, manifestFile: manifest.file, images };
    // Written only when an image is built from it: tiers with their own Dockerfiles need none.
    if (images.some((image) => image.generated)) {
        plan.generatedDockerfile = {
            path: generatedPath,
            content: generateDockerfile(manifest)
        };
    }
    return plan;
}
/** One image holds every shared tier, so their build args must agree on each value. */
function sharedBuildArgs(manifest, tiers, common) {
    const merged = { ...common };
    const owner = {};
    const issues = [];
    for (const tier of tiers) {
        for (const [key, value] of Object.entries(tier.buildArgs)) {
            const previous = owner[key];
            if (previous !== undefined && merged[key] !== value) {
                const field = fields_fieldPath(['tiers', tier.name, 'buildArgs', key]);
                const where = manifest.positions[field] ?? { line: 1, column: 1 };
                issues.push({
                    file: manifest.file,
                    ...where,
                    field,
                    message: `build arg ${key}="${value}" conflicts with "${merged[key] ?? ''}" from tier ${previous}; the shared image is built once, so its tiers must agree (or use strategy multi-stage)`
                });
                continue;
            }
            merged[key] = value;
            owner[key] = tier.name;
        }
    }
    if (issues.length > 0)
        throw new ManifestError(issues);
    return merged;
}
function selectTiers(manifest, wanted) {
    if (wanted === undefined || wanted.length === 0)
        return manifest.tiers;
    const known = new Map(manifest.tiers.map((tier) => [tier.name, tier]));
    const unknown = wanted.filter((name) => !known.has(name));
    if (unknown.length > 0) {
        throw new InputError(`tiers: unknown tier${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')}; ${manifest.file} declares ${manifest.tiers.map((t) => t.name).join(', ')}`);
    }
    // Keep the manifest's order, whatever order the input lists them in.
    return manifest.tiers.filter((tier) => wanted.includes(tier.name));
}

;// CONCATENATED MODULE: ./src/pipeline/prepare.ts
// The steps every mode begins with: read the manifest, then plan the images and check the
// files they are built from. Bad input stops here, before anything is built.






/** The manifest path as shown to users and written in reports: relative to the workspace. */
function manifestFile(options) {
    return displayPath(options.workspace, options.manifestPath);
}
/** Reads and validates the manifest, which must lie inside the workspace. */
async function readManifest(options, deps) {
    const file = manifestFile(options);
    return deps.logger.group(`Read ${file}`, async () => {
        if (!isInside(external_node_path_default().resolve(options.workspace), options.manifestPath)) {
            throw new InputError(`manifest: ${options.manifestPath} is outside the workspace ${options.workspace}`);
        }
        let bytes;
        try {
            bytes = await deps.fs.readFile(options.manifestPath);
        }
        catch (error) {
            const cwd = options.workingDirectory ?? options.workspace;
            const from = external_node_path_default().resolve(cwd) === external_node_path_default().resolve(options.workspace)
                ? ''
                : ` (the manifest is found from working-directory ${displayPath(options.workspace, cwd)})`;
            throw new InputError(`manifest: cannot read ${file} (${errors_errorMessage(error)}); point the manifest input (--manifest on the command line) at your tier manifest${from}`);
        }
        const parsed = parseManifest(bytes, file);
        deps.logger.info(`${parsed.tiers.length} tier(s): ${parsed.tiers.map((t) => t.name).join(', ')}`);
        return parsed;
    });
}
/** Plans the build and checks every path and target; writes the generated Dockerfile. */
async function preparePlan(manifest, options, deps) {
    const { logger, fs } = deps;
    const manifestDir = external_node_path_default().dirname(options.manifestPath);
    const plan = planBuild(manifest, {
        manifestDir,
        strategy: options.strategy,
        thresholdBytes: options.thresholdBytes,
        tiers: options.tiers
    });
    await logger.group('Check Dockerfiles and targets', async () => {
        await checkPaths(manifest, manifestDir, options.workspace, fs);
        if (plan.generatedDockerfile) {
            await fs.writeFileAtomic(plan.generatedDockerfile.path, plan.generatedDockerfile.content);
            logger.info(`Generated ${displayPath(options.workspace, plan.generatedDockerfile.path)}:\n${plan.generatedDockerfile.content}`);
        }
        await checkTargets(manifest, plan, options.workspace, fs);
        for (const image of plan.images) {
            logger.info(`${image.name}: ${image.ref} from ${displayPath(options.workspace, image.dockerfile)}${image.target ? ` --target ${image.target}` : ''}, budget ${image.thresholdBytes} bytes (${image.thresholdSource})`);
        }
    });
    return plan;
}

;// CONCATENATED MODULE: ./src/pipeline/build.ts
// `mode: build`, and the command line's build: the pipeline in the order the README draws
// it (manifest → plan → tags → build and measure → verdict → publish) over injected
// adapters. The report lives in memory while the run goes on, and goes to disk through one
// ReportFile: at the end, whatever happened, and once more just before a push, so that the
// file already says the images passed should the runner die between two pushes.











const NO_ENGINE = { serverVersion: null, buildxVersion: null, imageStore: null };
/**
 * Reads the manifest, plans, checks every Dockerfile and target, builds and measures each
 * image, pushes when asked and allowed, and saves the report. Bad input throws a
 * ManifestError/InputError before any build; an engine that does not answer throws an
 * EngineError. Either way the report file says why nothing (or not everything) was built.
 * Over-budget and failed images do not throw: the report carries the verdict.
 */
async function runBuild(options, deps, file = new ReportFile(deps.fs, options.reportFile)) {
    const now = deps.now ?? Date.now;
    const run = {
        options,
        deps: { ...deps, now },
        startedAt: new Date(now()).toISOString(),
        thresholdBasis: options.thresholdBasis ?? 'uncompressed',
        engine: new EngineProbe(deps.docker)
    };
    const done = {};
    let failure;
    try {
        const manifest = (done.manifest = await readManifest(options, deps));
        const plan = (done.plan = await preparePlan(manifest, options, deps));
        const publishing = await build_planTags(run, manifest, plan);
        const built = await buildAndMeasure(run, manifest, plan);
        done.report = buildReport(plan, built.outcomes, runFacts(run, built, publishing));
        if (built.engineLost)
            throw built.engineLost;
        done.report = await publishOnVerdict(run, done.report, publishing, built.outcomes, file);
    }
    catch (error) {
        failure = { error };
        // A bug is not dressed up as a report; what was measured before it still is one.
        if (error instanceof NbImageError)
            done.report ??= stoppedReport(run, error, done.plan, done.manifest);
    }
    const reportError = await saveReport(file, done.report, deps.logger, failure !== undefined);
    if (failure)
        throw failure.error;
    const result = done;
    return { ...result, mode: 'build', ...(reportError ? { reportError } : {}) };
}
/** Decides the tags and checks what publishing needs, before any build. */
async function build_planTags(run, manifest, plan) {
    const { options, deps } = run;
    // Only a compressed budget needs the engine's answer before the first build.
    const engine = run.thresholdBasis === 'compressed' ? await run.engine.ask() : undefined;
    return deps.logger.group('Plan tags', async () => {
        const planned = await preparePublishing(manifest, plan, {
            options: options.publish,
            thresholdBasis: run.thresholdBasis,
            ...(engine ? { engine } : {}),
            manifestDir: external_node_path_default().dirname(options.manifestPath),
            workspace: options.workspace
        }, deps);
        logTags(planned, deps.logger);
        return planned;
    });
}
function logTags(planned, logger) {
    const entries = Object.entries(planned.tags);
    if (entries.length === 0) {
        logger.info(`No tags: the ${planned.report.event || 'run'} event (ref "${planned.report.ref}") gives no version`);
        return;
    }
    for (const [name, refs] of entries)
        logger.info(`${name}: ${refs.join(', ')}`);
    if (!planned.report.requested)
        logger.info('push is off: these tags are planned, not pushed');
}
/** Builds every image in scratch space, then measures what a compressed budget needs. */
async function buildAndMeasure(run, manifest, plan) {
    const { options, deps, engine } = run;
    const settings = buildSettings(run, manifest, plan);
    const maxParallelism = options.maxParallelism ?? 0;
    const scratch = await deps.fs.makeTempDir(options.tempDir);
    const start = deps.now();
    try {
        const built = await deps.logger.group(buildTitle(plan.images, maxParallelism), async () => {
            const result = await buildImages(plan.images, {
                settings,
                maxParallelism,
                scratch,
                checkEngine: (failed) => engine.checkAfterFailure(failed),
                onBuildStarted: () => void engine.ask()
            }, deps);
            return { ...result, info: await engineVersions(engine, deps.logger, result.engineLost) };
        });
        // An engine that never answered built nothing: the run stopped before it began.
        if (built.engineLost && !built.outcomes.some((outcome) => outcome.ok)) {
            const never = await engine.neverAnswered();
            if (never instanceof NbImageError)
                throw never;
        }
        const outcomes = [];
        for (const outcome of built.outcomes) {
            outcomes.push(outcome.ok && run.thresholdBasis === 'compressed'
                ? await measurePacked(outcome, deps)
                : outcome);
        }
        const measured = { outcomes, durationMs: deps.now() - start };
        if (built.info)
            measured.info = built.info;
        if (built.engineLost)
            measured.engineLost = built.engineLost;
        return measured;
    }
    finally {
        await deps.fs.remove(scratch);
    }
}
/** What every image of the run is built with: the inputs, the labels, the cache. */
function buildSettings(run, manifest, plan) {
    const { options, deps } = run;
    const settings = {
        repository: manifest.image,
        cacheFrom: options.cacheFrom,
        cacheTo: options.cacheTo,
        noCache: options.noCache,
        labels: ociLabels({ ...options.source, created: run.startedAt })
    };
    if (options.builder)
        settings.builder = options.builder;
    if (options.cache)
        settings.cache = options.cache;
    if (options.cacheTo.length > 0 && plan.images.length > 1) {
        deps.logger.warning(`cache-to: every image exports to the same cache (${options.cacheTo.join(', ')}), so each export replaces the index of the one before and only the last image finds its layers; set \`cache: gha\` or \`cache: registry\` for one cache per image`);
    }
    return settings;
}
function buildTitle(images, maxParallelism) {
    const count = images.length;
    return maxParallelism > 0 && count > maxParallelism
        ? `Build ${count} images, ${maxParallelism} at a time`
        : `Build ${count === 1 ? '1 image' : `${count} images in one BuildKit session`} (${images.map((image) => image.name).join(', ')})`;
}
/** The engine's versions for the report, logged; a failed query loses nothing once images built. */
async function engineVersions(engine, logger, engineLost) {
    try {
        const info = await engine.ask();
        logger.info(`Engine ${info.serverVersion} (${info.imageStore} image store), buildx ${info.buildxVersion}`);
        return info;
    }
    catch (error) {
        // The images built, so the engine answers: a failed version query loses nothing.
        if (!engineLost)
            logger.warning(`could not read the engine's versions: ${errors_errorMessage(error)}`);
        return undefined;
    }
}
/** The run facts the report records besides the plan and the outcomes. */
function runFacts(run, built, publishing) {
    return {
        tool: TOOL,
        startedAt: run.startedAt,
        finishedAt: new Date(run.deps.now()).toISOString(),
        buildDurationMs: built.durationMs,
        engine: built.info
            ? {
                serverVersion: built.info.serverVersion,
                buildxVersion: built.info.buildxVersion,
                imageStore: built.info.imageStore
            }
            : NO_ENGINE,
        thresholdBasis: run.thresholdBasis,
        tags: publishing.tags,
        publish: publishing.report,
        ...(built.engineLost ? { error: built.engineLost.message } : {})
    };
}
/**
 * After the verdict: pushes when asked, allowed and every image passed. Nothing is pushed
 * unless the report on disk says the images passed, so the report is saved first; a report
 * that cannot be written stops the push.
 */
async function publishOnVerdict(run, report, publishing, outcomes, file) {
    const { deps, options } = run;
    if (publishing.options?.push && !publishing.skipped && report.passed) {
        try {
            await file.save(report);
        }
        catch {
            const skipped = 'the report file could not be written, so nothing was pushed';
            return { ...report, publish: { ...report.publish, skipped } };
        }
    }
    const published = await finishPublishing(report, publishing, outcomes, {
        ...deps,
        workspace: options.workspace
    });
    return published === report
        ? report
        : { ...published, finishedAt: new Date(deps.now()).toISOString() };
}
/**
 * The report of a run that stopped before its images were measured: why, and every planned
 * image as not built (no images before there is a plan), so that no consumer mistakes
 * silence for success.
 */
function stoppedReport(run, error, plan, manifest) {
    const { options } = run;
    const { message } = error;
    const context = {
        tool: TOOL,
        startedAt: run.startedAt,
        finishedAt: new Date(run.deps.now()).toISOString(),
        buildDurationMs: 0,
        engine: NO_ENGINE,
        error: message,
        thresholdBasis: run.thresholdBasis,
        publish: {
            requested: options.publish?.push ?? false,
            event: options.publish?.context.eventName ?? '',
            ref: options.publish?.context.ref ?? '',
            version: null
        }
    };
    if (!plan) {
        const strategy = options.strategy ?? manifest?.strategy ?? 'shared';
        return emptyReport(manifestFile(options), strategy, context);
    }
    const notBuilt = plan.images.map((image) => failedOutcome(image, `not built: ${message}`));
    return buildReport(plan, notBuilt, context);
}
/**
 * Saves the report at the end of the run. When the run failed, its error is the one to act
 * on and a report that cannot be written is a warning; otherwise the problem is returned,
 * to fail the step once the summary and outputs have shown what was built.
 */
async function saveReport(file, report, logger, failed) {
    if (!report)
        return undefined;
    try {
        await file.save(report);
        return undefined;
    }
    catch (error) {
        if (!failed)
            return errors_errorMessage(error);
        logger.warning(errors_errorMessage(error));
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/compare.ts


/** The strategies in the order they are built. */
const ORDER = ['multi-stage', 'shared'];
/**
 * The command line's `compare`: the build once per strategy, then the two reports side by
 * side (ADR-031's option A against option D). Each report goes next to `reportFile`,
 * suffixed with its strategy. Never publishes: one comparison would push two strategies'
 * images. `onReport` hears of each report as soon as it is there.
 */
async function runCompare(options, deps, onReport) {
    const reports = {};
    const reportErrors = [];
    // Per-tier first: the shared stage then reuses the base stage from the build cache, as a
    // real CI run of either strategy would after the first build.
    for (const strategy of ORDER) {
        const reportFile = options.reportFile.replace(/(\.json)?$/, `-${strategy}.json`);
        const { report, reportError } = await runBuild({ ...options, strategy, reportFile, publish: undefined }, deps);
        if (reportError)
            reportErrors.push(reportError);
        reports[strategy] = report;
        onReport?.(strategy, report);
    }
    const built = reports;
    return {
        mode: 'compare',
        reports: built,
        comparison: compareStrategies(built.shared, built['multi-stage'], options.noCache),
        reportErrors
    };
}

;// CONCATENATED MODULE: ./src/pipeline/options.ts





/** Default manifest file name, relative to the working directory. */
const DEFAULT_MANIFEST = 'notebook-tiers.yaml';
/** Reads DOCKER_METADATA_SHORT_SHA_LENGTH as docker/metadata-action does. */
function parseShortShaLength(value) {
    return parseWholeNumber('DOCKER_METADATA_SHORT_SHA_LENGTH', value ?? '', 1, 'a positive whole number');
}
/**
 * Resolves inputs into pipeline options: paths become absolute (relative ones against the
 * working directory, itself relative to the workspace), and the report goes to RUNNER_TEMP
 * unless placed explicitly. `context` is the run's trigger; without one it is read from
 * the GITHUB_* variables of `env` alone.
 */
function toRunOptions(inputs, env, cwd, context = readRunContext(env, {})) {
    const workspace = external_node_path_default().resolve(cwd, env.GITHUB_WORKSPACE ?? '.');
    const workingDirectory = external_node_path_default().resolve(workspace, inputs.workingDirectory || '.');
    const reportFile = inputs.reportFile
        ? external_node_path_default().resolve(workingDirectory, inputs.reportFile)
        : env.RUNNER_TEMP
            ? external_node_path_default().join(env.RUNNER_TEMP, 'nb-image-report.json')
            : external_node_path_default().join(workingDirectory, 'nb-image-report.json');
    const options = {
        manifestPath: external_node_path_default().resolve(workingDirectory, inputs.manifest || DEFAULT_MANIFEST),
        workspace,
        workingDirectory,
        tiers: inputs.tiers,
        cacheFrom: inputs.cacheFrom,
        cacheTo: inputs.cacheTo,
        noCache: inputs.noCache,
        reportFile,
        reports: inputs.reports,
        source: {},
        share: shareSettings(inputs, workingDirectory)
    };
    if (inputs.cache)
        options.cache = inputs.cache;
    if (inputs.maxParallelism !== undefined)
        options.maxParallelism = inputs.maxParallelism;
    if (env.RUNNER_TEMP)
        options.tempDir = env.RUNNER_TEMP;
    if (inputs.strategy)
        options.strategy = inputs.strategy;
    if (inputs.thresholdBytes !== undefined)
        options.thresholdBytes = inputs.thresholdBytes;
    if (inputs.builder)
        options.builder = inputs.builder;
    if (context.repository) {
        options.source.repositoryUrl = `${context.serverUrl}/${context.repository}`;
    }
    if (context.sha)
        options.source.revision = context.sha;
    if (inputs.thresholdBasis)
        options.thresholdBasis = inputs.thresholdBasis;
    // Tags are planned whenever the run has a trigger (to list them), pushed only on `push`.
    if (inputs.push || context.eventName || context.ref) {
        const publish = {
            push: inputs.push,
            tagTemplate: parseTagTemplate(inputs.tagTemplate),
            latest: inputs.latest,
            allowForkPush: inputs.allowForkPush,
            context,
            nvjFile: inputs.nvjFile
                ? external_node_path_default().resolve(workingDirectory, inputs.nvjFile)
                : external_node_path_default().join(env.RUNNER_TEMP ?? workingDirectory, 'notebook-validation-jobs.yaml')
        };
        const shortSha = parseShortShaLength(env.DOCKER_METADATA_SHORT_SHA_LENGTH);
        if (shortSha !== undefined)
            publish.shortShaLength = shortSha;
        if (inputs.nvjNamespace) {
            if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(inputs.nvjNamespace)) {
                throw new InputError(`nvj-namespace: "${inputs.nvjNamespace}" is not a Kubernetes namespace name (lowercase letters, digits and -, at most 63)`);
            }
            publish.nvjNamespace = inputs.nvjNamespace;
        }
        options.publish = publish;
    }
    return options;
}
/** The comment and upload inputs; `baseline-report` is resolved against the working directory. */
function shareSettings(inputs, workingDirectory) {
    const settings = {
        token: inputs.githubToken,
        comment: inputs.comment,
        commentKey: inputs.commentKey,
        upload: inputs.uploadReport,
        artifactName: inputs.reportArtifact
    };
    if (inputs.baselineReport) {
        settings.baselineReport = external_node_path_default().resolve(workingDirectory, inputs.baselineReport);
    }
    return settings;
}

;// CONCATENATED MODULE: ./src/report/merge.ts
// Fan-out across runners: a plan job lists the images as a matrix, one job per image builds
// it (`tiers: ${{ matrix.tier }}`), and a last job merges their reports into one verdict.
// These helpers are pure: reading the report files is the pipeline's business.



/** One matrix entry per planned image. */
function matrixOf(plan) {
    return {
        include: plan.images.map((image) => ({
            tier: image.tiers.join(','),
            name: image.name,
            ref: image.ref
        }))
    };
}
/**
 * Merges the reports of a fan-out into one report, which is just another Report: the same
 * verdict rules, summary and outputs apply. Images keep their verdicts; totals are
 * recomputed (layers shared between images built on different runners count once when
 * their diff IDs match, which a shared cache makes likely); `totals.durationMs` is the
 * slowest part's. The parts must come from the same manifest and strategy and may not
 * report the same image twice.
 */
function mergeReports(sources, context) {
    const [first] = sources;
    if (!first)
        throw new InputError('reports: no report to merge');
    const differs = (pick, what) => {
        const other = sources.find((source) => pick(source.report) !== pick(first.report));
        if (other) {
            throw new InputError(`reports: ${first.file} and ${other.file} come from different ${what} (${String(pick(first.report))}, ${String(pick(other.report))}); merge the reports of one fan-out`);
        }
    };
    differs((report) => report.manifest, 'manifests');
    differs((report) => report.strategy, 'strategies');
    differs((report) => report.thresholdBasis, 'threshold bases');
    const owner = new Map();
    const images = [];
    for (const { file, report } of sources) {
        for (const image of report.images) {
            const previous = owner.get(image.name);
            if (previous !== undefined) {
                throw new InputError(`reports: image ${image.name} (${image.ref}) is in both ${previous} and ${file}; each job of the fan-out must build different tiers`);
            }
            owner.set(image.name, file);
            images.push(image);
        }
    }
    const covered = new Set(images.map((image) => image.name));
    const missing = (context.expected ?? []).filter((image) => !covered.has(image.name));
    const files = sources.map((source) => source.file).join(', ');
    for (const image of missing) {
        images.push({
            ...image,
            error: `no report: none of the merged reports (${files}) has this image; did its job fail before writing one?`
        });
    }
    if (context.expected) {
        // The manifest's order, whatever order the jobs finished in.
        const order = new Map(context.expected.map((image, index) => [image.name, index]));
        images.sort((a, b) => (order.get(a.name) ?? order.size) - (order.get(b.name) ?? order.size));
    }
    const tiers = tierRefs(images);
    const parts = sources.map(({ file, report }) => {
        const part = {
            file,
            startedAt: report.startedAt,
            finishedAt: report.finishedAt,
            passed: report.passed,
            images: report.images.map((image) => image.name),
            engine: report.engine,
            durationMs: report.totals.durationMs
        };
        if (report.error !== undefined)
            part.error = report.error;
        return part;
    });
    const errors = sources
        .filter(({ report }) => report.error !== undefined)
        .map(({ file, report }) => `${file}: ${report.error ?? ''}`);
    const built = images.filter((image) => image.sizeBytes !== null);
    const publishes = sources.map(({ report }) => report.publish);
    const publish = {
        requested: publishes.some((p) => p.requested),
        event: common(publishes.map((p) => p.event)) ?? '',
        ref: common(publishes.map((p) => p.ref)) ?? '',
        version: common(publishes.map((p) => p.version))
    };
    const said = (pick) => sources.flatMap(({ file, report }) => {
        const text = pick(report.publish);
        return text === undefined ? [] : [`${file}: ${text}`];
    });
    const skipped = said((p) => p.skipped);
    const publishErrors = said((p) => p.error);
    if (skipped.length > 0)
        publish.skipped = skipped.join('; ');
    if (publishErrors.length > 0)
        publish.error = publishErrors.join('; ');
    const merged = {
        schemaVersion: 1,
        tool: context.tool,
        manifest: first.report.manifest,
        strategy: first.report.strategy,
        passed: errors.length === 0 &&
            publishErrors.length === 0 &&
            images.every((image) => image.status === 'ok' || image.status === 'warn'),
        startedAt: earliest(sources.map((source) => source.report.startedAt)),
        finishedAt: latest(sources.map((source) => source.report.finishedAt)),
        engine: {
            serverVersion: common(sources.map((source) => source.report.engine.serverVersion)),
            buildxVersion: common(sources.map((source) => source.report.engine.buildxVersion)),
            imageStore: common(sources.map((source) => source.report.engine.imageStore))
        },
        thresholdBasis: first.report.thresholdBasis,
        // Pushed only when every job pushed every tag, and no image is missing.
        pushed: missing.length === 0 && sources.every(({ report }) => report.pushed),
        publish,
        images,
        tiers,
        parts,
        totals: {
            uniqueBytes: uniqueBytes(built),
            sumBytes: built.reduce((sum, image) => sum + (image.sizeBytes ?? 0), 0),
            durationMs: Math.max(...sources.map((source) => source.report.totals.durationMs))
        }
    };
    if (errors.length > 0)
        merged.error = errors.join('\n');
    return merged;
}
/** The value every part agrees on, else null. */
function common(values) {
    const [first = null] = values;
    return values.every((value) => value === first) ? first : null;
}
function earliest(times) {
    return times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}
function latest(times) {
    return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

;// CONCATENATED MODULE: ./src/pipeline/merge.ts









/**
 * `mode: merge`: combines the reports of a fan-out (`reports` globs) into one report,
 * written to `reportFile`. When the manifest is at hand, every image it plans must be in
 * some report; one that is not (its job died before writing a report) is reported as failed.
 */
async function runMerge(options, deps, file = new ReportFile(deps.fs, options.reportFile)) {
    if ((options.reports ?? []).length === 0) {
        throw new InputError('reports: give the report files to merge (a glob such as reports/**/nb-image-report.json) with mode: merge (--reports on the command line)');
    }
    const sources = await deps.logger.group('Read the reports', () => readParts(options, deps));
    const first = sources[0]?.report;
    const shown = manifestFile(options);
    let manifest;
    let expected;
    if (first && first.manifest !== shown) {
        deps.logger.info(`The reports are of ${first.manifest}, not ${shown}; not checking that every image has a report`);
    }
    else if (first && (await deps.fs.isFile(options.manifestPath))) {
        manifest = await readManifest(options, deps);
        expected = expectedImages(manifest, first, options);
    }
    else {
        deps.logger.info(`${shown} is not here; not checking that every image has a report`);
    }
    const report = mergeReports(sources, { tool: TOOL, ...(expected ? { expected } : {}) });
    const result = { mode: 'merge', report };
    if (manifest)
        result.manifest = manifest;
    try {
        await file.save(report);
    }
    catch (error) {
        result.reportError = errors_errorMessage(error);
    }
    return result;
}
/** Reads every report the globs match (but the output), each checked by the one reader. */
async function readParts(options, deps) {
    const cwd = options.workingDirectory ?? options.workspace;
    const patterns = options.reports ?? [];
    if (!deps.glob)
        throw new Error('runMerge needs the glob adapter');
    const output = external_node_path_default().resolve(options.reportFile);
    const files = (await deps.glob(patterns, cwd))
        .map((match) => match.file)
        .filter((file) => external_node_path_default().resolve(file) !== output);
    if (files.length === 0) {
        throw new InputError(`reports: no file matches ${patterns.join(', ')} (in ${cwd})`);
    }
    const read = [];
    for (const file of files) {
        const shown = displayPath(cwd, file);
        let text;
        try {
            text = new TextDecoder().decode(await deps.fs.readFile(file));
        }
        catch (error) {
            throw new InputError(`reports: cannot read ${shown}: ${errors_errorMessage(error)}`);
        }
        let report;
        try {
            report = readReport(text, shown);
        }
        catch (error) {
            if (error instanceof report_file_ReportFileError)
                throw new InputError(`reports: ${error.message}`);
            throw error;
        }
        deps.logger.info(`${shown}: ${report.images.map((image) => `${image.name} (${image.status})`).join(', ') || 'no images'}${report.error ? ` (${report.error})` : ''}`);
        read.push({ file: shown, report });
    }
    return read;
}
/** Every image the manifest plans under the parts' strategy, as failed until a part has it. */
function expectedImages(manifest, first, options) {
    const plan = planBuild(manifest, {
        manifestDir: external_node_path_default().dirname(options.manifestPath),
        strategy: first.strategy,
        thresholdBytes: options.thresholdBytes,
        tiers: options.tiers
    });
    return buildReport(plan, plan.images.map((image) => failedOutcome(image, 'no report')), {
        tool: TOOL,
        startedAt: first.startedAt,
        finishedAt: first.finishedAt,
        buildDurationMs: 0,
        engine: first.engine
    }).images;
}

;// CONCATENATED MODULE: ./src/pipeline/plan.ts


/**
 * `mode: plan`: reads and checks the manifest and plans the images without building anything
 * (no engine needed): the first job of a fan-out, whose `matrix` output the build jobs run on.
 */
async function runPlan(options, deps) {
    const manifest = await readManifest(options, deps);
    const plan = await preparePlan(manifest, options, deps);
    return { mode: 'plan', manifest, plan, matrix: matrixOf(plan) };
}

;// CONCATENATED MODULE: ./src/pipeline/run.ts




/**
 * Runs `mode`. Modes that write a report save it through `file`, whose `report` the shell
 * still has (in memory) when the run throws.
 */
function runMode(mode, options, deps, file = new ReportFile(deps.fs, options.reportFile)) {
    switch (mode) {
        case 'plan':
            return runPlan(options, deps);
        case 'merge':
            return runMerge(options, deps, file);
        case 'build':
            return runBuild(options, deps, file);
    }
}

;// CONCATENATED MODULE: ./src/render/summary.ts



/** How each budget verdict reads in a table cell. */
const STATUS_LABEL = {
    ok: '✅ ok',
    warn: '⚠️ near budget',
    over: '❌ over budget',
    failed: '💥 build failed'
};
/** One-line headline: within budget, N over budget, or N failed. */
function headline(report) {
    const over = report.images.filter((image) => image.status === 'over').length;
    const failed = report.images.filter((image) => image.status === 'failed').length;
    // A merged report keeps the error of a job that stopped; the other jobs' images still count.
    if (report.error && report.images.every((image) => image.sizeBytes === null))
        return '💥 not built';
    const parts = [];
    if (failed > 0)
        parts.push(`💥 ${failed} build${failed > 1 ? 's' : ''} failed`);
    if (over > 0)
        parts.push(`❌ ${over} over budget`);
    if (report.publish.error)
        parts.push('💥 push failed');
    return parts.length > 0 ? parts.join(', ') : '✅ within budget';
}
/** The figures of one image row, shared by the markdown and text tables. */
function row(image, basis) {
    const size = budgetedSize(image, basis);
    const headroom = size === null
        ? '–'
        : `${size_formatSize(image.thresholdBytes - size)} (${(((image.thresholdBytes - size) / image.thresholdBytes) * 100).toFixed(0)}%)`;
    return [
        image.tiers.join(', '),
        image.ref,
        image.sizeBytes === null ? '–' : size_formatSize(image.sizeBytes),
        image.compressedBytes === null ? '–' : size_formatSize(image.compressedBytes),
        size_formatSize(image.thresholdBytes),
        headroom,
        formatDuration(image.durationMs),
        image.totalSteps > 0 ? `${image.cachedSteps}/${image.totalSteps}` : '–',
        image.sizeBytes === null ? '–' : String(image.layers.length),
        STATUS_LABEL[image.status]
    ];
}
const COLUMNS = [
    'Tier',
    'Image',
    'Size',
    'Compressed',
    'Budget',
    'Headroom',
    'Build time',
    'Cache hits',
    'Layers',
    'Status'
];
/** What the two size columns mean, and which one the budget applies to. */
function sizeNote(report) {
    const sources = new Set(report.images.map((image) => image.compressedSource));
    const compressed = sources.has('registry')
        ? 'as the registry reports it after the push'
        : sources.has('local')
            ? "measured from the engine's packed image before any push"
            : 'not measured: it is read from the registry when pushing, or before the verdict with threshold-basis: compressed';
    return `Size is uncompressed (the unpacked layers); Compressed is config + layers, what a pull downloads (${compressed}). Budgets apply to the ${report.thresholdBasis} size. Decimal units (1 GB = 1,000,000,000 bytes), like the budget.`;
}
/** The tags section: what was (or would be) pushed, tag by tag, with digests. */
function tagSection(report) {
    const rows = report.images.flatMap((image) => image.tags.map((tag) => ({ image, tag })));
    const { publish } = report;
    if (rows.length === 0 && !publish.requested)
        return [];
    const lines = ['### Tags', ''];
    const from = publish.ref ? ` from ${code(publish.ref)}` : '';
    const version = publish.version ? `version ${code(publish.version)}${from}` : `no version${from}`;
    const pushedCount = rows.filter(({ tag }) => tag.pushed).length;
    if (publish.error) {
        lines.push(`💥 **Push failed** (${pushedCount} of ${rows.length} tags pushed): ${escapeMarkdown(publish.error)}`);
    }
    else if (report.pushed) {
        lines.push(`✅ Pushed ${rows.length} tag${rows.length === 1 ? '' : 's'} · ${version}`);
    }
    else if (publish.skipped) {
        lines.push(`⏸️ Not pushed: ${escapeMarkdown(publish.skipped)} · ${version}`);
    }
    else if (!publish.requested) {
        lines.push(`Push is off; these tags would be pushed · ${version}`);
    }
    else {
        lines.push(`Nothing pushed · ${version}`);
    }
    if (publish.notebookValidationJobs) {
        lines.push('', `NotebookValidationJobs: ${code(publish.notebookValidationJobs)}`);
    }
    if (rows.length > 0) {
        lines.push('', '| Tier | Tag | Pushed | Digest |', '|---|---|:-:|---|');
        for (const { image, tag } of rows) {
            lines.push(`| ${escapeMarkdown(image.tiers.join(', '))} | ${code(tag.ref)} | ${tag.pushed ? '✅' : '–'} | ${tag.digest ? code(tag.digest) : '–'} |`);
        }
    }
    lines.push('');
    return lines;
}
/** The job-summary markdown: headline, one row per image, totals and collapsed details. */
function renderSummary(report) {
    const lines = [];
    lines.push(`## Notebook images: ${headline(report)}`, '');
    lines.push(`Strategy **${report.strategy}** · manifest ${code(report.manifest)} · ${report.images.length} image${report.images.length === 1 ? '' : 's'} · ${size_formatSize(report.totals.uniqueBytes)} on disk with shared layers counted once (${size_formatSize(report.totals.sumBytes)} summed) · ${report.parts ? 'slowest job built in' : 'built in'} ${formatDuration(report.totals.durationMs)}`, '');
    if (report.parts) {
        const parts = report.parts.map((part) => `${code(part.file)} (${part.images.map(escapeMarkdown).join(', ') || 'no images'})`);
        lines.push(`Merged from ${parts.length} report${parts.length === 1 ? '' : 's'}: ${parts.join(', ')}.`, '');
    }
    if (report.error)
        lines.push(`> **Error:** ${escapeMarkdown(report.error)}`, '');
    lines.push(`| ${COLUMNS.join(' | ')} |`, '|---|---|--:|--:|--:|--:|--:|--:|--:|---|');
    for (const image of report.images) {
        const cells = row(image, report.thresholdBasis).map(escapeMarkdown);
        cells[1] = code(image.ref);
        lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('', sizeNote(report), '');
    lines.push(...tagSection(report));
    for (const image of report.images)
        lines.push(...details(image));
    return `${lines.join('\n')}\n`;
}
function details(image) {
    const lines = [
        '<details>',
        `<summary>${escapeMarkdown(image.ref)}: ${detailsTitle(image)}</summary>`,
        ''
    ];
    if (image.status === 'failed') {
        lines.push(`**Error:** ${escapeMarkdown(image.error ?? 'unknown error')}`, '');
        if (image.logTail && image.logTail.length > 0) {
            lines.push('<pre>', ...image.logTail.map(escapePreLine), '</pre>');
        }
    }
    else if (image.sizeBytes !== null) {
        const compressed = image.compressedBytes === null ? '' : `, ${formatBytes(image.compressedBytes)} compressed`;
        lines.push(`Image ID ${code(image.imageId ?? '')}, ${formatBytes(image.sizeBytes)}${compressed}, budget ${formatBytes(image.thresholdBytes)}.`, '', '| # | Size | Bytes | Instruction |', '|--:|--:|--:|---|');
        image.layers.forEach((layer, index) => {
            lines.push(`| ${index + 1} | ${size_formatSize(layer.sizeBytes)} | ${groupThousands(layer.sizeBytes)} | ${code(truncate(layer.createdBy || '(base image)', 120))} |`);
        });
    }
    if (lines.at(-1) !== '')
        lines.push('');
    lines.push('</details>', '');
    return lines;
}
function detailsTitle(image) {
    if (image.status === 'failed')
        return 'build log';
    return `${image.layers.length} layer${image.layers.length === 1 ? '' : 's'}`;
}
/** The same table as plain text, aligned, for the CLI. */
function renderTextTable(report) {
    const rows = [COLUMNS, ...report.images.map((image) => row(image, report.thresholdBasis))];
    const widths = COLUMNS.map((_, column) => Math.max(...rows.map((cells) => [...(cells[column] ?? '')].length)));
    const numeric = new Set([2, 3, 4, 5, 6, 7, 8]);
    const format = (cells) => cells
        .map((cell, column) => {
        const pad = (widths[column] ?? 0) - [...cell].length;
        return numeric.has(column) ? ' '.repeat(pad) + cell : cell + ' '.repeat(pad);
    })
        .join('  ')
        .trimEnd();
    const out = [
        format(COLUMNS),
        widths.map((w) => '-'.repeat(w)).join('  '),
        ...report.images.map((image) => format(row(image, report.thresholdBasis)))
    ];
    out.push('', `${headline(report)} · strategy ${report.strategy} · ${size_formatSize(report.totals.uniqueBytes)} unique (${formatBytes(report.totals.uniqueBytes)}) · ${formatDuration(report.totals.durationMs)}${report.parts ? ` · merged from ${report.parts.length} report${report.parts.length === 1 ? '' : 's'}` : ''}`);
    if (report.thresholdBasis === 'compressed')
        out.push('Budgets apply to the compressed size.');
    const tagged = report.images.filter((image) => image.tags.length > 0);
    if (tagged.length > 0) {
        out.push('');
        for (const image of tagged) {
            for (const tag of image.tags) {
                out.push(`${image.name}  ${tag.ref}  ${tag.pushed ? `pushed ${tag.digest ?? ''}`.trimEnd() : 'not pushed'}`);
            }
        }
    }
    if (report.publish.skipped)
        out.push(`Not pushed: ${report.publish.skipped}`);
    if (report.publish.error)
        out.push(`Push failed: ${report.publish.error}`);
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/cli/cli.ts
// The nb-image command line: the same inputs (flags of the same names, through the same
// parsers), the same modes and the same error classification as the action, printed for a
// terminal. stdout carries only the table or JSON asked for; progress and errors go to stderr.



















const USAGE = `Usage: nb-image build [options]
       nb-image compare [options]
       nb-image plan [options]
       nb-image merge --reports <glob> [options]

build    Builds every tier image of a tier manifest with docker buildx (all of them in one
         BuildKit session), measures each image and checks it against its size budget: the
         same pipeline as the GitHub Action.
compare  Builds the manifest both ways, one shared image (option A) and one image per tier
         (option D), and prints what each tier's pod pulls, the disk all images take and the
         build time under each. Reports go next to --report-file, suffixed -shared and
         -multi-stage.
plan     Prints the matrix of images a build would make (JSON), without building.
merge    Combines the reports of several builds (one job per tier) into one report.

Options:
  --manifest <file>           tier manifest (default ${DEFAULT_MANIFEST})
  --strategy <s>              shared | multi-stage (default: the manifest's)
  --threshold <size>          default budget, e.g. 5GB, 4.5 GB, 2GiB
  --tiers <a,b>               build only the images of these tiers
  --builder <name>            buildx builder
  --cache <gha|registry>      one cache per image in the GitHub cache or next to the images
  --cache-from <spec>         repeatable, passed to buildx for every image
  --cache-to <spec>           repeatable, passed to buildx for every image
  --no-cache                  build without cache
  --max-parallelism <n>       build at most n images at once (default: all in one session)
  --reports <glob>            repeatable: the reports to merge
  --report-file <file>        where to write the JSON report (default nb-image-report.json)
  --working-directory <dir>   resolve relative paths from here
  --threshold-basis <b>       uncompressed (default) | compressed: which size budgets apply to

Tags and push (registry login is yours: docker login):
  --ref <git ref>             ref the tags follow, e.g. refs/tags/v1.2.3 (default $GITHUB_REF)
  --sha <commit>              commit for sha- tags (default $GITHUB_SHA)
  --push                      push every image once all are within budget
  --tag-template <t>          per-tier tags, default {tier}-{version}; {image}-{tier}:{version}
                              gives a repository per tier
  --latest <auto|true|false>  the latest tag (default auto: stable semver releases)
  --nvj-file <file>           where to write NotebookValidationJobs after a push
                              (default notebook-validation-jobs.yaml)
  --nvj-namespace <ns>        metadata.namespace of those jobs
  --format <table|markdown|json>  what to print on stdout (default table)
  --verbose                   print build logs on stderr
  --version, --help

Exit status: 0 within budget, 1 over budget or a build failed, 2 bad input, no engine or
an unwritable report file.
`;
const COMMANDS = ['build', 'compare', 'plan', 'merge'];
const FORMATS = ['table', 'markdown', 'json'];
/** The flags; those named like an input of the action set that input. */
const FLAGS = {
    manifest: { type: 'string' },
    strategy: { type: 'string' },
    threshold: { type: 'string' },
    tiers: { type: 'string' },
    builder: { type: 'string' },
    cache: { type: 'string' },
    'cache-from': { type: 'string', multiple: true },
    'cache-to': { type: 'string', multiple: true },
    'no-cache': { type: 'boolean' },
    'max-parallelism': { type: 'string' },
    reports: { type: 'string', multiple: true },
    'report-file': { type: 'string' },
    'working-directory': { type: 'string' },
    format: { type: 'string' },
    'threshold-basis': { type: 'string' },
    ref: { type: 'string' },
    sha: { type: 'string' },
    push: { type: 'boolean' },
    'tag-template': { type: 'string' },
    latest: { type: 'string' },
    'nvj-file': { type: 'string' },
    'nvj-namespace': { type: 'string' },
    verbose: { type: 'boolean' },
    version: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
};
/** The names of the action's inputs; the flags of the same names set them. */
const INPUT_NAMES = Object.values(INPUT);
/**
 * The flags read as the action reads its inputs (same names, same parsers): a repeated
 * flag is one line each, a flag without value is `true`. The command is the mode (compare
 * builds, twice), and files default to the current directory rather than RUNNER_TEMP.
 */
function flagReader(values, command) {
    const given = {
        [INPUT.mode]: command === 'compare' ? 'build' : command,
        [INPUT.reportFile]: 'nb-image-report.json',
        [INPUT.nvjFile]: 'notebook-validation-jobs.yaml'
    };
    for (const [name, value] of Object.entries(values)) {
        if (!INPUT_NAMES.includes(name) || value === undefined)
            continue;
        given[name] = Array.isArray(value) ? value.join('\n') : String(value);
    }
    return (name) => given[name] ?? '';
}
function isCommand(name) {
    return COMMANDS.includes(name);
}
function parseCommandLine(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: argv, allowPositionals: true, options: FLAGS });
    }
    catch (error) {
        process.stderr.write(`${errors_errorMessage(error)}\n\n${USAGE}`);
        return { exit: 2 };
    }
    const { values, positionals } = parsed;
    if (values.version) {
        process.stdout.write(`${TOOL_VERSION}\n`);
        return { exit: 0 };
    }
    const command = positionals[0];
    if (values.help) {
        process.stdout.write(USAGE);
        return { exit: 0 };
    }
    const wrong = command === undefined
        ? 'give a command: build, compare, plan or merge'
        : !isCommand(command)
            ? `unknown command "${command}"; expected build, compare, plan or merge`
            : positionals.length > 1
                ? // Most often a value given to a flag that takes none (`--push maybe`).
                    `unexpected argument "${positionals[1]}" (flags such as --push and --no-cache take no value)`
                : undefined;
    if (wrong !== undefined || !isCommand(command)) {
        process.stderr.write(`error: ${wrong ?? 'give a command'}\n\n${USAGE}`);
        return { exit: 2 };
    }
    try {
        return { command, values, format: oneOf('--format', values.format ?? '', FORMATS, 'table') };
    }
    catch (error) {
        process.stderr.write(`${errors_errorMessage(error)}\n`);
        return { exit: 2 };
    }
}
/** The adapters of a command-line run: the real ones, logging to stderr. */
function cliDeps(logger) {
    return {
        docker: new DockerCli(runCommand),
        fs: nodeFileSystem,
        logger,
        registry: new HttpRegistry(dockerConfigCredentials(runCommand)),
        glob: globFiles
    };
}
/** Runs the CLI with the given arguments; resolves to the process exit code. */
async function main(argv) {
    const parsed = parseCommandLine(argv);
    if ('exit' in parsed)
        return parsed.exit;
    const { command, values, format } = parsed;
    const deps = cliDeps(consoleLogger({ verbose: values.verbose ?? false }));
    try {
        const inputs = getInputs(flagReader(values, command));
        // Outside GitHub the workspace is the current directory; --ref and --sha stand in for
        // the workflow's GITHUB_REF and GITHUB_SHA.
        const env = {
            ...process.env,
            GITHUB_WORKSPACE: process.env['GITHUB_WORKSPACE'] ?? process.cwd(),
            RUNNER_TEMP: undefined
        };
        if (values.ref !== undefined)
            env['GITHUB_REF'] = values.ref;
        if (values.sha !== undefined)
            env['GITHUB_SHA'] = values.sha;
        const payload = await readEventPayload(deps.fs.readFile, env);
        const options = toRunOptions(inputs, env, process.cwd(), readRunContext(env, payload));
        if (command === 'compare') {
            const result = await runCompare(options, deps, (strategy, report) => process.stderr.write(`\n== strategy ${strategy} ==\n${renderTextTable(report)}\n`));
            return printComparison(result, format);
        }
        return print(await runMode(inputs.mode, options, deps), options, format);
    }
    catch (error) {
        const failure = describeFailure(error);
        if (failure.issues.length > 0) {
            for (const issue of failure.issues)
                process.stderr.write(`error: ${formatIssue(issue)}\n`);
        }
        else {
            process.stderr.write(`error: ${failure.message}\n`);
            if (failure.stack)
                process.stderr.write(`${failure.stack}\n`);
        }
        return 2;
    }
}
/** Prints a mode's result; the exit code says whether every image is within budget. */
function print(result, options, format) {
    if (result.mode === 'plan') {
        process.stdout.write(`${JSON.stringify(result.matrix, null, 2)}\n`);
        return 0;
    }
    const { report, reportError } = result;
    if (format === 'json')
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'markdown')
        process.stdout.write(renderSummary(report));
    else
        process.stdout.write(renderTextTable(report));
    const shown = external_node_path_default().relative(process.cwd(), options.reportFile);
    if (!reportError) {
        process.stderr.write(`Report written to ${shown.startsWith('..') ? options.reportFile : shown}\n`);
    }
    for (const message of verdictMessages(report))
        process.stderr.write(`error: ${message}\n`);
    if (reportError) {
        process.stderr.write(`error: ${reportError}\n`);
        return 2;
    }
    return report.passed ? 0 : 1;
}
/** `nb-image compare`: the two reports side by side. */
function printComparison(result, format) {
    const { comparison, reportErrors } = result;
    if (format === 'json')
        process.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
    else if (format === 'markdown')
        process.stdout.write(renderComparisonMarkdown(comparison));
    else
        process.stdout.write(renderComparisonText(comparison));
    for (const error of reportErrors)
        process.stderr.write(`error: ${error}\n`);
    return reportErrors.length > 0 ? 2 : 0;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
exports.As = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2827);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
