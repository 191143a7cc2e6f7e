import {
  CelCompileError,
  CelEvalError,
  celActivation,
  compileCel,
  evaluateCel,
} from '.';

const str = { type: 'string' };
const run = (source: string, self: string) =>
  evaluateCel(compileCel(source, str), celActivation(str, self));

const failure = (fn: () => unknown, type: Function): string => {
  try {
    fn();
    return 'no error';
  } catch (e) {
    expect(e).toBeInstanceOf(type);
    return (e as Error).message;
  }
};

describe('matches and find use RE2, as cel-go and kube-apiserver do', () => {
  it('refuses JavaScript-only syntax: a constant pattern does not compile', () => {
    expect(
      failure(() => compileCel("self.matches('a(?=b)')", str), CelCompileError),
    ).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    expect(
      failure(
        () => compileCel("matches(self, '(a)\\\\1')", str),
        CelCompileError,
      ),
    ).toBe('error parsing regexp: invalid escape sequence: `\\1`');
    // a lookbehind, which Go reads as a malformed named group
    expect(
      failure(
        () => compileCel("self.find('(?<!a)b') == ''", str),
        CelCompileError,
      ),
    ).toBe('error parsing regexp: invalid named capture: `(?<!a)b`');
    expect(
      failure(() => compileCel("self.matches('(')", str), CelCompileError),
    ).toBe('error parsing regexp: missing closing ): `(`');
  });

  it('refuses them at runtime when the pattern is not a constant', () => {
    expect(
      failure(() => run("'ab'.matches(self)", 'a(?=b)'), CelEvalError),
    ).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    expect(failure(() => run("'ab'.find(self)", 'a(?=b)'), CelEvalError)).toBe(
      'Illegal regex: error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    );
  });

  it('accepts RE2-only syntax: flags, \\z, POSIX classes, Unicode classes', () => {
    expect(run("self.matches('(?i)^AB')", 'abc')).toBe(true);
    expect(run("self.matches('(?i)^AB')", 'xab')).toBe(false);
    expect(run("self.matches('^ab\\\\z')", 'ab')).toBe(true);
    expect(run("self.matches('^[[:alpha:]]+$')", 'abc')).toBe(true);
    expect(run("self.matches('^[[:alpha:]]+$')", 'ab1')).toBe(false);
    expect(run("self.matches('^\\\\pL+$')", 'héllo')).toBe(true);
  });

  it('matches code points and lets . match \\r and \\u2028 (JavaScript: UTF-16 units, line terminators)', () => {
    expect(run("self.matches('^.$')", '😀')).toBe(true);
    expect(run("self.matches('^a.b$')", 'a\rb')).toBe(true);
    expect(run("self.matches('^a.b$')", 'a\u2028b')).toBe(true);
    expect(run("self.matches('^a.b$')", 'a\nb')).toBe(false);
  });

  it('matches searches the string; matches(s, p) is the same function', () => {
    expect(run("self.matches('[0-9]')", 'ab1')).toBe(true);
    expect(run("self.matches('^[a-zA-Z0-9]+@.+$')", 'al2023@latest')).toBe(
      true,
    );
    expect(run("self.matches('^[a-zA-Z0-9]+@.+$')", 'al2023')).toBe(false);
    expect(run("matches(self, '^al')", 'al2023')).toBe(true);
    expect(run('self.matches(self)', 'x')).toBe(true);
  });

  it('is what matches means wherever the call is: spaces, comments, parentheses, nested', () => {
    expect(run("(self) . matches ( '^.$' )", '😀')).toBe(true);
    expect(run("self.// a comment: matches\nmatches('^.$')", '😀')).toBe(true);
    expect(
      run("matches(self, '^.$') && (self + 'x').matches('^.x$')", '😀'),
    ).toBe(true);
    expect(
      run("[self].all(x, x.matches('^.$') && int(string(size(x))) == 1)", '😀'),
    ).toBe(true);
  });

  it('find returns the leftmost match, or an empty string', () => {
    expect(run('self.find("^([^/]+)")', 'karpenter.sh/foo')).toBe(
      'karpenter.sh',
    );
    expect(run('self.find("^([^/]+)")', 'plain')).toBe('plain');
    expect(run('self.find("[0-9]+")', 'abc')).toBe('');
    expect(run('self.find("[0-9]+")', 'a12b345')).toBe('12');
    expect(run("self.find('^[^@]+')", 'al2023@latest')).toBe('al2023');
  });
});
