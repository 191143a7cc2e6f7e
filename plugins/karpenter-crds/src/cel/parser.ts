/**
 * Tokenizer and recursive-descent parser for the subset of CEL (Common Expression Language) that
 * the Karpenter CRDs use in `x-kubernetes-validations` rules. Follows the CEL language
 * definition's grammar and operator precedence; constructs outside the subset (map and message
 * literals, bytes, unsigned ints) are rejected with a {@link CelSyntaxError}.
 */

/** A parsed CEL expression. @internal */
export type CelExpr =
  | { kind: 'literal'; value: null | boolean | number | string }
  | { kind: 'ident'; name: string }
  | { kind: 'list'; items: CelExpr[] }
  | { kind: 'select'; operand: CelExpr; field: string }
  | { kind: 'index'; operand: CelExpr; index: CelExpr }
  | { kind: 'call'; fn: string; target?: CelExpr; args: CelExpr[] }
  | { kind: 'has'; operand: CelExpr; field: string }
  | {
      kind: 'comprehension';
      macro: 'all' | 'exists' | 'exists_one' | 'filter' | 'map';
      range: CelExpr;
      variable: string;
      predicate?: CelExpr;
      transform?: CelExpr;
    }
  | { kind: 'unary'; op: '!' | '-'; operand: CelExpr }
  | { kind: 'binary'; op: BinaryOp; left: CelExpr; right: CelExpr }
  | { kind: 'conditional'; test: CelExpr; then: CelExpr; otherwise: CelExpr };

/** @internal */
export type BinaryOp =
  | '||'
  | '&&'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

/** A rule that is not valid CEL, or uses CEL outside the supported subset. @internal */
export class CelSyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} (at offset ${position})`);
    this.name = 'CelSyntaxError';
  }
}

type Token =
  | { type: 'int' | 'double'; value: number; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'ident'; value: string; pos: number }
  | { type: 'punct'; value: string; pos: number }
  | { type: 'eof'; value: ''; pos: number };

const PUNCTUATION = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '<',
  '>',
  '!',
  '?',
  ':',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '.',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
];

const RESERVED = new Set([
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '`': '`',
  '?': '?',
};

function readString(
  src: string,
  start: number,
  raw: boolean,
): { value: string; end: number } {
  const quote = src[start];
  const triple = src.startsWith(quote.repeat(3), start);
  const delimiter = triple ? quote.repeat(3) : quote;
  let i = start + delimiter.length;
  let out = '';
  for (;;) {
    if (i >= src.length) {
      throw new CelSyntaxError('unterminated string literal', start);
    }
    if (src.startsWith(delimiter, i)) {
      return { value: out, end: i + delimiter.length };
    }
    const ch = src[i];
    if (!triple && (ch === '\n' || ch === '\r')) {
      throw new CelSyntaxError('newline in string literal', i);
    }
    if (ch !== '\\' || raw) {
      out += ch;
      i += 1;
      continue;
    }
    const next = src[i + 1];
    if (next !== undefined && next in ESCAPES) {
      out += ESCAPES[next];
      i += 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const digits = { x: 2, u: 4, U: 8 }[next];
      const hex = src.slice(i + 2, i + 2 + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) {
        throw new CelSyntaxError('invalid escape sequence', i);
      }
      out += String.fromCodePoint(parseInt(hex, 16));
      i += 2 + digits;
    } else if (next !== undefined && /[0-3]/.test(next)) {
      const oct = src.slice(i + 1, i + 4);
      if (!/^[0-3][0-7]{2}$/.test(oct)) {
        throw new CelSyntaxError('invalid escape sequence', i);
      }
      out += String.fromCodePoint(parseInt(oct, 8));
      i += 4;
    } else {
      throw new CelSyntaxError('invalid escape sequence', i);
    }
  }
}

/** Splits a CEL expression into tokens. @internal */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i += 1;
      continue;
    }
    const prefixed = /^([rRbB]{1,2})['"]/.exec(src.slice(i, i + 3));
    if (prefixed) {
      const prefix = prefixed[1].toLowerCase();
      if (prefix.includes('b')) {
        throw new CelSyntaxError('bytes literals are not supported', i);
      }
      if (prefix !== 'r') {
        throw new CelSyntaxError(`invalid literal prefix ${prefix}`, i);
      }
      const { value, end } = readString(src, i + 1, true);
      tokens.push({ type: 'string', value, pos: i });
      i = end;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const { value, end } = readString(src, i, false);
      tokens.push({ type: 'string', value, pos: i });
      i = end;
      continue;
    }
    const number =
      /^(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+[eE][+-]?[0-9]+|\.[0-9]+(?:[eE][+-]?[0-9]+)?)|[0-9]+)[uU]?/.exec(
        src.slice(i),
      );
    const previous = tokens[tokens.length - 1];
    const afterOperand =
      previous &&
      (previous.type !== 'punct' || [')', ']'].includes(previous.value));
    if (
      number &&
      (/[0-9]/.test(ch) ||
        (ch === '.' && number[0].length > 1 && !afterOperand))
    ) {
      const text = number[0];
      if (/[uU]$/.test(text)) {
        throw new CelSyntaxError('unsigned integers are not supported', i);
      }
      const isDouble = !/^0[xX]/.test(text) && /[.eE]/.test(text);
      const value = Number(text);
      if (!isDouble && !Number.isSafeInteger(value)) {
        throw new CelSyntaxError('integer literal out of range', i);
      }
      tokens.push({ type: isDouble ? 'double' : 'int', value, pos: i });
      i += text.length;
      continue;
    }
    const ident = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(src.slice(i));
    if (ident) {
      tokens.push({ type: 'ident', value: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const at = i;
    const punct = PUNCTUATION.find(p => src.startsWith(p, at));
    if (!punct) {
      throw new CelSyntaxError(`unexpected character ${JSON.stringify(ch)}`, i);
    }
    tokens.push({ type: 'punct', value: punct, pos: i });
    i += punct.length;
  }
  tokens.push({ type: 'eof', value: '', pos: src.length });
  return tokens;
}

const MACROS = new Set(['all', 'exists', 'exists_one', 'filter', 'map']);

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): CelExpr {
    const expr = this.expr();
    const rest = this.peek();
    if (rest.type !== 'eof') {
      throw new CelSyntaxError(
        `unexpected ${JSON.stringify(rest.value)}`,
        rest.pos,
      );
    }
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.value === value;
  }

  private accept(value: string): boolean {
    if (this.isPunct(value)) {
      this.pos += 1;
      return true;
    }
    return false;
  }

  private expect(value: string): void {
    if (!this.accept(value)) {
      const t = this.peek();
      throw new CelSyntaxError(
        `expected ${JSON.stringify(value)}, found ${JSON.stringify(
          t.type === 'eof' ? 'end of expression' : t.value,
        )}`,
        t.pos,
      );
    }
  }

  private identifier(): string {
    const t = this.peek();
    if (t.type !== 'ident') {
      throw new CelSyntaxError(
        `expected an identifier, found ${JSON.stringify(t.value)}`,
        t.pos,
      );
    }
    if (
      RESERVED.has(t.value) ||
      ['true', 'false', 'null', 'in'].includes(t.value)
    ) {
      throw new CelSyntaxError(`reserved identifier ${t.value}`, t.pos);
    }
    this.pos += 1;
    return t.value;
  }

  // Expr = ConditionalOr ["?" ConditionalOr ":" Expr]
  private expr(): CelExpr {
    const test = this.or();
    if (this.accept('?')) {
      const then = this.or();
      this.expect(':');
      const otherwise = this.expr();
      return { kind: 'conditional', test, then, otherwise };
    }
    return test;
  }

  // ConditionalOr, ConditionalAnd, Relation, Addition, Multiplication: one left-associative
  // level of binary operators each, from the loosest to the tightest binding.
  private or(): CelExpr {
    return this.leftAssociative(['||'], () => this.and());
  }

  private and(): CelExpr {
    return this.leftAssociative(['&&'], () => this.relation());
  }

  private relation(): CelExpr {
    return this.leftAssociative(['==', '!=', '<', '<=', '>', '>=', 'in'], () =>
      this.addition(),
    );
  }

  private addition(): CelExpr {
    return this.leftAssociative(['+', '-'], () => this.multiplication());
  }

  private multiplication(): CelExpr {
    return this.leftAssociative(['*', '/', '%'], () => this.unary());
  }

  /** `next (op next)*` for the operators of one level, grouped to the left. */
  private leftAssociative(
    ops: readonly BinaryOp[],
    next: () => CelExpr,
  ): CelExpr {
    let left = next();
    for (;;) {
      const t = this.peek();
      const op = ops.find(o =>
        o === 'in'
          ? t.type === 'ident' && t.value === 'in'
          : t.type === 'punct' && t.value === o,
      );
      if (!op) return left;
      this.pos += 1;
      left = { kind: 'binary', op, left, right: next() };
    }
  }

  private unary(): CelExpr {
    if (this.accept('!')) {
      return { kind: 'unary', op: '!', operand: this.unary() };
    }
    if (this.accept('-')) {
      return { kind: 'unary', op: '-', operand: this.unary() };
    }
    return this.member(this.primary());
  }

  private member(start: CelExpr): CelExpr {
    let expr = start;
    for (;;) {
      if (this.accept('.')) {
        const name = this.identifier();
        if (this.accept('(')) {
          const args = this.args(')');
          expr = this.receiverCall(expr, name, args);
        } else {
          expr = { kind: 'select', operand: expr, field: name };
        }
      } else if (this.accept('[')) {
        const index = this.expr();
        this.expect(']');
        expr = { kind: 'index', operand: expr, index };
      } else {
        return expr;
      }
    }
  }

  private receiverCall(
    target: CelExpr,
    name: string,
    args: CelExpr[],
  ): CelExpr {
    if (!MACROS.has(name)) {
      return { kind: 'call', fn: name, target, args };
    }
    const macro = name as 'all' | 'exists' | 'exists_one' | 'filter' | 'map';
    const arity = macro === 'map' ? [2, 3] : [2];
    if (!arity.includes(args.length)) {
      throw new CelSyntaxError(
        `macro ${macro} takes ${arity.join(' or ')} arguments`,
        this.peek().pos,
      );
    }
    const variable = args[0];
    if (variable.kind !== 'ident') {
      throw new CelSyntaxError(
        `argument 1 of ${macro} must be a simple name`,
        this.peek().pos,
      );
    }
    if (macro === 'map') {
      return args.length === 2
        ? {
            kind: 'comprehension',
            macro,
            range: target,
            variable: variable.name,
            transform: args[1],
          }
        : {
            kind: 'comprehension',
            macro,
            range: target,
            variable: variable.name,
            predicate: args[1],
            transform: args[2],
          };
    }
    return {
      kind: 'comprehension',
      macro,
      range: target,
      variable: variable.name,
      predicate: args[1],
    };
  }

  private args(close: string): CelExpr[] {
    const args: CelExpr[] = [];
    if (this.accept(close)) return args;
    for (;;) {
      args.push(this.expr());
      if (this.accept(close)) return args;
      this.expect(',');
      // a trailing comma is allowed in list literals only
      if (close === ']' && this.accept(close)) return args;
    }
  }

  private primary(): CelExpr {
    const t = this.peek();
    switch (t.type) {
      case 'int':
      case 'double':
      case 'string':
        this.pos += 1;
        return { kind: 'literal', value: t.value };
      case 'ident': {
        if (t.value === 'true' || t.value === 'false') {
          this.pos += 1;
          return { kind: 'literal', value: t.value === 'true' };
        }
        if (t.value === 'null') {
          this.pos += 1;
          return { kind: 'literal', value: null };
        }
        const name = this.identifier();
        if (!this.accept('(')) {
          return { kind: 'ident', name };
        }
        const args = this.args(')');
        if (name === 'has') {
          const arg = args[0];
          if (args.length !== 1 || arg.kind !== 'select') {
            throw new CelSyntaxError('invalid argument to has() macro', t.pos);
          }
          return { kind: 'has', operand: arg.operand, field: arg.field };
        }
        return { kind: 'call', fn: name, args };
      }
      case 'punct':
        if (t.value === '(') {
          this.pos += 1;
          const inner = this.expr();
          this.expect(')');
          return inner;
        }
        if (t.value === '[') {
          this.pos += 1;
          return { kind: 'list', items: this.args(']') };
        }
        if (t.value === '{') {
          throw new CelSyntaxError('map literals are not supported', t.pos);
        }
        if (t.value === '.') {
          throw new CelSyntaxError(
            'qualified (leading dot) names are not supported',
            t.pos,
          );
        }
        throw new CelSyntaxError(
          `unexpected ${JSON.stringify(t.value)}`,
          t.pos,
        );
      default:
        throw new CelSyntaxError('unexpected end of expression', t.pos);
    }
  }
}

/** Parses a CEL expression into its AST; throws {@link CelSyntaxError}. @internal */
export function parseCel(source: string): CelExpr {
  return new Parser(tokenize(source)).parse();
}
