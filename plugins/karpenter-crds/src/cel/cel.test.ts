import {
  CelCompileError,
  CelEvalError,
  Schema,
  celActivation,
  compileCel,
  evaluateCel,
} from '.';

const run = (
  source: string,
  self?: unknown,
  oldSelf?: unknown,
  schema?: Schema,
): unknown =>
  evaluateCel(compileCel(source, schema), celActivation(schema, self, oldSelf));

const error = (source: string, self?: unknown, schema?: Schema): string => {
  try {
    const value = run(source, self, undefined, schema);
    return `no error, got ${String(value)}`;
  } catch (e) {
    expect(e).toBeInstanceOf(CelEvalError);
    return (e as Error).message;
  }
};

const compileError = (source: string, schema?: Schema): string => {
  try {
    compileCel(source, schema);
    return 'compiled';
  } catch (e) {
    expect(e).toBeInstanceOf(CelCompileError);
    return (e as Error).message;
  }
};

const obj = {
  role: 'r',
  tags: { a: '1', b: '' },
  terms: [{ id: 'x' }, { tags: { k: 'v' } }],
  n: 3,
};

/** A structural schema of `obj`, for what kube-apiserver checks when it compiles a rule. */
const tagsSchema = { type: 'object', additionalProperties: { type: 'string' } };
const objSchema: Schema = {
  type: 'object',
  properties: {
    role: { type: 'string' },
    instanceProfile: { type: 'string' },
    tags: tagsSchema,
    terms: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, tags: tagsSchema },
      },
    },
    n: { type: 'integer' },
  },
};

describe('compiling CEL', () => {
  it('parses literals (ints are bigints, doubles numbers)', () => {
    expect(run('"a\\"b"')).toBe('a"b');
    expect(run("'it\\'s'")).toBe("it's");
    expect(run("'''x'y'''")).toBe("x'y");
    expect(run("r'\\d'")).toBe('\\d');
    expect(run("'\\n\\t\\x41\\u00e9\\101'")).toBe('\n\tAé\u0041');
    expect(run('42')).toBe(42n);
    expect(run('0x1F')).toBe(31n);
    expect(run('-7')).toBe(-7n);
    expect(run('2.5')).toBe(2.5);
    expect(run('true')).toBe(true);
    expect(run('false')).toBe(false);
    expect(run('null')).toBe(null);
    expect(run('[1, "a", [true],]')).toEqual([1n, 'a', [true]]);
    expect(run('[]')).toEqual([]);
  });

  it('follows CEL precedence: || < && < relations < + < * < unary < member', () => {
    expect(run('true || false && false')).toBe(true);
    expect(run('1 + 2 * 3 == 7 && !(1 > 2)')).toBe(true);
    expect(run('true ? 1 : false ? 2 : 3')).toBe(1n);
    expect(run('false ? 1 : false ? 2 : 3')).toBe(3n);
    expect(run('(1 + 2) * 3')).toBe(9n);
    expect(run('- -3')).toBe(3n);
  });

  it('rejects invalid syntax and unknown names', () => {
    for (const source of [
      'self.',
      'self ==',
      '(self',
      "'unterminated",
      'self.all(x)',
      'self.all(x.y, true)',
      'has(self)',
      'self @ 1',
      'if',
      'a b',
    ]) {
      expect(compileError(source)).not.toBe('compiled');
    }
    expect(compileError('other == 1')).toBe("undeclared reference to 'other'");
    expect(compileError('self.all(x, y)')).toBe("undeclared reference to 'y'");
    expect(compileError('self.frobnicate()')).toMatch(/frobnicate/);
    expect(compileError('size(self, 1)')).toMatch(/no matching overload/);
  });

  it('accepts the CEL literals kube-apiserver accepts: maps, bytes, uints', () => {
    expect(compileError('{"a": 1}.a == 1')).toBe('compiled');
    expect(compileError("b'bytes'.size() == 5")).toBe('compiled');
    expect(compileError('1u + 2u == 3u')).toBe('compiled');
  });

  it('type-checks against the schema, like kube-apiserver when the CRD is created', () => {
    expect(compileError('self.rloe == "r"', objSchema)).toBe(
      "undefined field 'rloe'",
    );
    expect(compileError('self.terms["0"]', objSchema)).toMatch(/index/);
    expect(compileError('size(self.n)', objSchema)).toMatch(
      /no matching overload/,
    );
    expect(compileError('self.n.all(x, true)', objSchema)).toMatch(/range/);
    expect(compileError('1 && true')).toMatch(/bool/);
    expect(compileError('1 ? 2 : 3')).toMatch(/bool/);
    expect(compileError('!1')).toMatch(/no such overload/);
    expect(compileError('1 + "a"')).toMatch(/no such overload/);
    expect(compileError('int([])')).toMatch(/no matching overload/);
  });

  it('records the variables an expression refers to (transition rules use oldSelf)', () => {
    expect([...compileCel('self.group == oldSelf.group').variables]).toEqual([
      'self',
      'oldSelf',
    ]);
    expect([...compileCel('self.all(x, x != "")').variables]).toEqual(['self']);
  });

  it('caches compiled programs per schema node', () => {
    expect(compileCel('self != ""')).toBe(compileCel('self != ""'));
    expect(compileCel('self.n > 1', objSchema)).toBe(
      compileCel('self.n > 1', objSchema),
    );
    expect(compileCel('self.n > 1', objSchema)).not.toBe(
      compileCel('self.n > 1'),
    );
  });

  it('keeps its internal function names to itself', () => {
    expect(compileError('self.__k8s_matches("a")')).toBe(
      "undeclared reference to '__k8s_matches'",
    );
    expect(compileError('__k8s_int("1") == 1')).toBe(
      "undeclared reference to '__k8s_int'",
    );
  });
});

describe('evaluating CEL', () => {
  it('selects fields, tests presence with has() and errors on missing fields', () => {
    expect(run('self.role', obj)).toBe('r');
    expect(run('self.tags.a', obj)).toBe('1');
    expect(run('has(self.role)', obj)).toBe(true);
    expect(run('has(self.instanceProfile)', obj)).toBe(false);
    expect(run('has(self.instanceProfile)', obj, undefined, objSchema)).toBe(
      false,
    );
    expect(run('has(self.tags.b)', obj)).toBe(true);
    expect(error('self.instanceProfile', obj)).toBe(
      'no such key: instanceProfile',
    );
    expect(error('self.instanceProfile', obj, objSchema)).toBe(
      'no such key: instanceProfile',
    );
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
  });

  it('computes size() both ways, on strings, lists and maps', () => {
    expect(run('size(self.tags)', obj)).toBe(2n);
    expect(run('self.terms.size()', obj)).toBe(2n);
    expect(run('size("héllo")')).toBe(5n);
    expect(error('size(self.n)', obj)).toBe('no such overload');
  });

  it('evaluates all / exists / exists_one / filter / map over lists and over map keys', () => {
    expect(run('self.terms.all(x, has(x.id) || has(x.tags))', obj)).toBe(true);
    expect(run('self.terms.exists(x, has(x.id))', obj)).toBe(true);
    expect(run('self.terms.exists_one(x, has(x.tags))', obj)).toBe(true);
    expect(run('self.terms.filter(x, has(x.id)).size()', obj)).toBe(1n);
    expect(run('[1, 2, 3].map(x, x * 2)')).toEqual([2n, 4n, 6n]);
    expect(run('[1, 2, 3].map(x, x > 1, x * 2)')).toEqual([4n, 6n]);
    // map macros iterate the keys
    expect(run('self.all(k, k != "")', { a: 1, b: 2 })).toBe(true);
    expect(run("self.all(k, k != '' && self[k] != '')", obj.tags)).toBe(false);
    expect(run('self.filter(k, self[k] == "")', obj.tags)).toEqual(['b']);
    expect(run('self.all(x, x)', [])).toBe(true);
    expect(run('self.exists(x, x)', [])).toBe(false);
    // the macro variable shadows and is scoped to the macro
    const rule = 'self.all(x, self.filter(y, x.k == y.k).size() == 1)';
    expect(run(rule, [{ k: 1 }, { k: 2 }])).toBe(true);
    expect(run(rule, [{ k: 1 }, { k: 1 }])).toBe(false);
    expect(error('self.n.all(x, true)', obj)).toBe('no such overload');
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
  });

  it('compares with ==, !=, <, <=, >, >=; mismatched types do not compile', () => {
    expect(run('1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3')).toBe(true);
    expect(run('"a" < "b" && "ab" > "a"')).toBe(true);
    expect(run('false < true')).toBe(true);
    // cel-go's checker rejects 1 == 1.0; at runtime (dyn) ints and doubles compare as numbers
    expect(compileError('1 == 1.0')).toMatch(/no such overload: int == double/);
    expect(run('dyn(1) == 1.0')).toBe(true);
    expect(run('[1, "a"] == [1, "a"] && [1] != [2]')).toBe(true);
    expect(
      run('self == oldSelf', { a: [1, { b: 'c' }] }, { a: [1, { b: 'c' }] }),
    ).toBe(true);
    expect(run('self == oldSelf', { a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(compileError('1 == "1"')).toMatch(/no such overload: int == string/);
    expect(compileError('"a" != true')).toMatch(/no such overload/);
    expect(compileError('1 < "2"')).toMatch(/no such overload: int < string/);
    expect(compileError('[1] < [2]')).toMatch(/no such overload/);
  });

  it('tests membership with in: list elements and map keys', () => {
    expect(run('"b" in ["a", "b"]')).toBe(true);
    expect(run('"c" in ["a", "b"]')).toBe(false);
    expect(run("'nodes' in self", { nodes: '3' })).toBe(true);
    expect(run("'cpu' in self", { nodes: '3' })).toBe(false);
    expect(compileError('"a" in "abc"')).toMatch(/no such overload/);
  });

  it('supports the ternary operator', () => {
    const rule = "self.op == 'In' ? self.v.size() != 0 : true";
    expect(run(rule, { op: 'Gt' })).toBe(true);
    expect(error(rule, { op: 'In' })).toBe('no such key: v');
  });

  it('implements the string functions the rules use', () => {
    expect(
      run(
        "self.startsWith('kubernetes.io/cluster')",
        'kubernetes.io/cluster/x',
      ),
    ).toBe(true);
    expect(run("self.endsWith('karpenter.sh')", 'foo.karpenter.sh')).toBe(true);
    expect(run("self.contains('pent')", 'karpenter')).toBe(true);
    expect(run("self.split('@')", 'a@b@c')).toEqual(['a', 'b', 'c']);
    expect(run("self.split('@', 2)", 'a@b@c')).toEqual(['a', 'b@c']);
    expect(run("self.split('@', 0)", 'a@b')).toEqual([]);
    expect(run("self.split('@')", 'abc')).toEqual(['abc']);
    expect(run("['a', 'b'].join('-')")).toBe('a-b');
    expect(run("'AbC'.lowerAscii() + 'x'.upperAscii()")).toBe('abcX');
    expect(error("self.startsWith('a')", 3)).toBe('no such overload');
  });

  it("converts with int() (cel-go's strconv.ParseInt), double() and string()", () => {
    expect(run("int('42')")).toBe(42n);
    expect(run("int('-3')")).toBe(-3n);
    expect(run("int('+3')")).toBe(3n);
    expect(run('int(2.9)')).toBe(2n);
    expect(run('int(7)')).toBe(7n);
    expect(run('int(self[0]) >= 0', ['5'])).toBe(true);
    // cel-js's own int() reads '' as 0 and accepts 0b/0o/0X prefixes; cel-go refuses them
    for (const text of [
      '5.5',
      'abc',
      '99999999999999999999',
      '',
      ' 5',
      '0b11',
      '0X1F',
    ]) {
      expect(error('int(self)', text)).toBe(
        "type conversion error from 'string' to 'int'",
      );
    }
    expect(error('int(self)', 1e300)).toBe('integer overflow');
    expect(run("double('1.5')")).toBe(1.5);
    expect(run('string(12)')).toBe('12');
  });

  it('does arithmetic with integer semantics on ints', () => {
    expect(run('7 / 2')).toBe(3n);
    expect(run('-7 / 2')).toBe(-3n);
    expect(run('7 % 3')).toBe(1n);
    expect(run('7.0 / 2.0')).toBe(3.5);
    expect(run('"a" + "b"')).toBe('ab');
    expect(run('[1] + [2]')).toEqual([1n, 2n]);
    expect(error('self / 0', 1)).toBe('division by zero');
    expect(error('self % 0', 1)).toBe('modulus by zero');
  });

  it('negates with !', () => {
    expect(run('!has(self.a)', {})).toBe(true);
    expect(run('!!true')).toBe(true);
  });
});
