import {
  CelEvalError,
  CelSyntaxError,
  CelValue,
  compileCel,
  evaluateCel,
  parseCel,
} from '.';

const run = (source: string, self?: unknown, oldSelf?: unknown): CelValue =>
  evaluateCel(compileCel(source), {
    self: self as CelValue | undefined,
    oldSelf: oldSelf as CelValue | undefined,
  });

const error = (source: string, self?: unknown): string => {
  try {
    const value = run(source, self);
    return `no error, got ${JSON.stringify(value)}`;
  } catch (e) {
    expect(e).toBeInstanceOf(CelEvalError);
    return (e as Error).message;
  }
};

describe('CEL parser', () => {
  it('parses literals', () => {
    expect(run('"a\\"b"')).toBe('a"b');
    expect(run("'it\\'s'")).toBe("it's");
    expect(run("'''x'y'''")).toBe("x'y");
    expect(run("r'\\d'")).toBe('\\d');
    expect(run("'\\n\\t\\x41\\u00e9\\101'")).toBe('\n\tAé\u0041');
    expect(run('42')).toBe(42);
    expect(run('0x1F')).toBe(31);
    expect(run('-7')).toBe(-7);
    expect(run('2.5')).toBe(2.5);
    expect(run('true')).toBe(true);
    expect(run('false')).toBe(false);
    expect(run('null')).toBe(null);
    expect(run('[1, "a", [true],]')).toEqual([1, 'a', [true]]);
    expect(run('[]')).toEqual([]);
  });

  it('follows CEL precedence: || < && < relations < + < * < unary < member', () => {
    expect(parseCel('a || b && c')).toMatchObject({
      op: '||',
      right: { op: '&&' },
    });
    expect(parseCel('!a == b')).toMatchObject({
      op: '==',
      left: { kind: 'unary', op: '!' },
    });
    expect(run('1 + 2 * 3 == 7 && !(1 > 2)')).toBe(true);
    expect(run('true ? 1 : false ? 2 : 3')).toBe(1);
    expect(run('false ? 1 : false ? 2 : 3')).toBe(3);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('- -3')).toBe(3);
  });

  it('rejects invalid or unsupported syntax and unknown names', () => {
    for (const source of [
      'self.',
      'self ==',
      '(self',
      "'unterminated",
      'self.all(x)',
      'self.all(x.y, true)',
      'has(self)',
      '{"a": 1}',
      "b'bytes'",
      '1u',
      'self @ 1',
      'if',
      'a b',
    ]) {
      expect(() => compileCel(source)).toThrow(CelSyntaxError);
    }
    expect(() => compileCel('other == 1')).toThrow(
      "undeclared reference to 'other'",
    );
    expect(() => compileCel('self.all(x, y)')).toThrow(
      "undeclared reference to 'y'",
    );
    expect(() => compileCel('self.frobnicate()')).toThrow(
      "undeclared reference to 'frobnicate'",
    );
    expect(() => compileCel('size(self, 1)')).toThrow('no matching overload');
  });

  it('records the variables an expression refers to (transition rules use oldSelf)', () => {
    expect([...compileCel('self.group == oldSelf.group').variables]).toEqual([
      'self',
      'oldSelf',
    ]);
    expect([...compileCel('self.all(x, x != "")').variables]).toEqual(['self']);
  });

  it('caches compiled programs', () => {
    expect(compileCel('self != ""')).toBe(compileCel('self != ""'));
  });
});

describe('CEL evaluation', () => {
  const obj = {
    role: 'r',
    tags: { a: '1', b: '' },
    terms: [{ id: 'x' }, { tags: { k: 'v' } }],
    n: 3,
  };

  it('selects fields, tests presence with has() and errors on missing fields', () => {
    expect(run('self.role', obj)).toBe('r');
    expect(run('self.tags.a', obj)).toBe('1');
    expect(run('has(self.role)', obj)).toBe(true);
    expect(run('has(self.instanceProfile)', obj)).toBe(false);
    expect(run('has(self.tags.b)', obj)).toBe(true);
    expect(error('self.instanceProfile', obj)).toBe(
      'no such key: instanceProfile',
    );
    expect(error('has(self.role.x)', obj)).toMatch(/^no such overload/);
    expect(error('has(self.nope.x)', obj)).toBe('no such key: nope');
  });

  it('indexes lists and maps', () => {
    expect(run('self.terms[0].id', obj)).toBe('x');
    expect(run("self.tags['a']", obj)).toBe('1');
    expect(run("self.split('@')[1]", 'al2023@latest')).toBe('latest');
    expect(error("self.split('@')[1]", 'al2023')).toBe(
      'index out of bounds: 1',
    );
    expect(error("self.tags['zz']", obj)).toBe('no such key: zz');
    expect(error('self.terms["0"]', obj)).toMatch(/^no such overload/);
  });

  it('computes size() both ways, on strings, lists and maps', () => {
    expect(run('size(self.tags)', obj)).toBe(2);
    expect(run('self.terms.size()', obj)).toBe(2);
    expect(run('size("héllo")')).toBe(5);
    expect(error('size(self.n)', obj)).toMatch(/^no such overload/);
  });

  it('evaluates all / exists / exists_one / filter / map over lists and over map keys', () => {
    expect(run('self.terms.all(x, has(x.id) || has(x.tags))', obj)).toBe(true);
    expect(run('self.terms.exists(x, has(x.id))', obj)).toBe(true);
    expect(run('self.terms.exists_one(x, has(x.tags))', obj)).toBe(true);
    expect(run('self.terms.filter(x, has(x.id)).size()', obj)).toBe(1);
    expect(run('[1, 2, 3].map(x, x * 2)')).toEqual([2, 4, 6]);
    expect(run('[1, 2, 3].map(x, x > 1, x * 2)')).toEqual([4, 6]);
    // map macros iterate the keys
    expect(run('self.all(k, k != "")', { a: 1, b: 2 })).toBe(true);
    expect(run("self.all(k, k != '' && self[k] != '')", obj.tags)).toBe(false);
    expect(run('self.filter(k, self[k] == "")', obj.tags)).toEqual(['b']);
    expect(run('[].all(x, x)')).toBe(true);
    expect(run('[].exists(x, x)')).toBe(false);
    // the macro variable shadows and is scoped to the macro
    expect(
      run('self.all(x, self.filter(y, x.k == y.k).size() == 1)', [
        { k: 1 },
        { k: 2 },
      ]),
    ).toBe(true);
    expect(
      run('self.all(x, self.filter(y, x.k == y.k).size() == 1)', [
        { k: 1 },
        { k: 1 },
      ]),
    ).toBe(false);
    expect(error('self.n.all(x, true)', obj)).toMatch(/^no such overload/);
  });

  it('absorbs errors in all/exists when another element decides, like CEL', () => {
    const items = [{ v: 1 }, {}];
    expect(run('self.exists(x, x.v == 1)', items)).toBe(true);
    expect(run('self.all(x, x.v == 2)', items)).toBe(false);
    expect(error('self.all(x, x.v == 1)', items)).toBe('no such key: v');
    expect(error('self.exists(x, x.v == 2)', items)).toBe('no such key: v');
    expect(error('self.filter(x, x.v == 1)', items)).toBe('no such key: v');
  });

  it('makes && and || commutative over errors (the deciding side wins)', () => {
    expect(run('has(self.x) && self.x == 1', {})).toBe(false);
    expect(run('self.x == 1 && has(self.x)', {})).toBe(false);
    expect(run('self.x == 1 || true', {})).toBe(true);
    expect(run('true || self.x == 1', {})).toBe(true);
    expect(error('self.x == 1 || false', {})).toBe('no such key: x');
    expect(error('true && self.x == 1', {})).toBe('no such key: x');
    expect(error('1 && true')).toMatch(/^no such overload/);
  });

  it('compares with ==, !=, <, <=, >, >= and errors on mismatched types', () => {
    expect(run('1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3')).toBe(true);
    expect(run('"a" < "b" && "ab" > "a"')).toBe(true);
    expect(run('false < true')).toBe(true);
    expect(run('1 == 1.0')).toBe(true);
    expect(run('[1, "a"] == [1, "a"] && [1] != [2]')).toBe(true);
    expect(
      run('self == oldSelf', { a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] }),
    ).toBe(true);
    expect(run('self == oldSelf', { a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(error('1 == "1"')).toMatch(/^no such overload: _==_\(int, string\)/);
    expect(error('"a" != true')).toMatch(/^no such overload/);
    expect(error('1 < "2"')).toMatch(/^no such overload: _<_/);
    expect(error('[1] < [2]')).toMatch(/^no such overload/);
  });

  it('tests membership with in: list elements and map keys', () => {
    expect(run('"b" in ["a", "b"]')).toBe(true);
    expect(run('"c" in ["a", "b"]')).toBe(false);
    expect(run("'nodes' in self", { nodes: '3' })).toBe(true);
    expect(run("'cpu' in self", { nodes: '3' })).toBe(false);
    expect(error('"a" in "abc"')).toMatch(/^no such overload/);
  });

  it('supports the ternary operator, requiring a bool condition', () => {
    expect(
      run("self.op == 'In' ? self.v.size() != 0 : true", { op: 'Gt' }),
    ).toBe(true);
    expect(
      error("self.op == 'In' ? self.v.size() != 0 : true", { op: 'In' }),
    ).toBe('no such key: v');
    expect(error('1 ? 2 : 3')).toMatch(/^no such overload/);
  });

  it('implements the string functions', () => {
    expect(
      run(
        "self.startsWith('kubernetes.io/cluster')",
        'kubernetes.io/cluster/x',
      ),
    ).toBe(true);
    expect(run("self.endsWith('karpenter.sh')", 'foo.karpenter.sh')).toBe(true);
    expect(run("self.contains('pent')", 'karpenter')).toBe(true);
    expect(run("self.matches('^[a-zA-Z0-9]+@.+$')", 'al2023@latest')).toBe(
      true,
    );
    expect(run("self.matches('^[a-zA-Z0-9]+@.+$')", 'al2023')).toBe(false);
    // matches is a search, not anchored
    expect(run("self.matches('[0-9]')", 'ab1')).toBe(true);
    expect(run("matches(self, '(?i)^AB')", 'abc')).toBe(true);
    expect(run('self.find("^([^/]+)")', 'karpenter.sh/foo')).toBe(
      'karpenter.sh',
    );
    expect(run('self.find("^([^/]+)")', 'plain')).toBe('plain');
    expect(run('self.find("[0-9]+")', 'abc')).toBe('');
    expect(run("self.split('@')", 'a@b@c')).toEqual(['a', 'b', 'c']);
    expect(run("self.split('@', 2)", 'a@b@c')).toEqual(['a', 'b@c']);
    expect(run("self.split('@', 0)", 'a@b')).toEqual([]);
    expect(run("self.split('@')", 'abc')).toEqual(['abc']);
    expect(run("['a', 'b'].join('-')")).toBe('a-b');
    expect(run("'AbC'.lowerAscii() + 'x'.upperAscii()")).toBe('abcX');
    expect(error("self.startsWith('a')", 3)).toMatch(/^no such overload/);
    expect(error("self.matches('(')", 'a')).toMatch(
      /^invalid regular expression/,
    );
  });

  it('converts with int(), double() and string()', () => {
    expect(run("int('42')")).toBe(42);
    expect(run("int('-3')")).toBe(-3);
    expect(run('int(2.9)')).toBe(2);
    expect(run('int(self[0]) >= 0', ['5'])).toBe(true);
    expect(error("int('5.5')")).toBe(
      "type conversion error from 'string' to 'int'",
    );
    expect(error("int('abc')")).toBe(
      "type conversion error from 'string' to 'int'",
    );
    expect(error("int('99999999999999999999')")).toBe(
      "type conversion error from 'string' to 'int'",
    );
    expect(error('int([])')).toMatch(/^no such overload/);
    expect(run("double('1.5')")).toBe(1.5);
    expect(run('string(12)')).toBe('12');
  });

  it('does arithmetic with integer semantics', () => {
    expect(run('7 / 2')).toBe(3);
    expect(run('-7 / 2')).toBe(-3);
    expect(run('7 % 3')).toBe(1);
    expect(run('"a" + "b"')).toBe('ab');
    expect(run('[1] + [2]')).toEqual([1, 2]);
    expect(error('1 / 0')).toBe('division by zero');
    expect(error('1 % 0')).toBe('modulus by zero');
    expect(error('1 + "a"')).toMatch(/^no such overload/);
  });

  it('negates with !, only bools', () => {
    expect(run('!has(self.a)', {})).toBe(true);
    expect(run('!!true')).toBe(true);
    expect(error('!1')).toMatch(/^no such overload/);
  });
});
