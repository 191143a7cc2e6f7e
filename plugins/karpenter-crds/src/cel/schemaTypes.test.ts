import {
  CelCompileError,
  CelEvalError,
  Schema,
  celActivation,
  compileCel,
  evaluateCel,
} from '.';

const run = (schema: Schema, source: string, self: unknown, old?: unknown) =>
  evaluateCel(compileCel(source, schema), celActivation(schema, self, old));

const item: Schema = {
  type: 'object',
  properties: { name: { type: 'string' }, weight: { type: 'integer' } },
};

const schema: Schema = {
  type: 'object',
  properties: {
    ratio: { type: 'number' },
    ratios: { type: 'array', items: { type: 'number' } },
    byName: { type: 'object', additionalProperties: { type: 'number' } },
    count: { type: 'integer' },
    flag: { type: 'boolean' },
    at: { type: 'string', format: 'date-time' },
    quantity: { 'x-kubernetes-int-or-string': true },
    items: { type: 'array', items: item },
    free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    opaque: {
      type: 'object',
      additionalProperties: { 'x-kubernetes-preserve-unknown-fields': true },
    },
  },
};

const compileError = (source: string, on: Schema = schema): string => {
  try {
    compileCel(source, on);
    return 'compiled';
  } catch (e) {
    expect(e).toBeInstanceOf(CelCompileError);
    return (e as Error).message;
  }
};

describe('values typed by the schema (kube-apiserver UnstructuredToVal)', () => {
  it('reads a whole number in a `type: number` field as a double, not an int', () => {
    for (const ratio of [1, 1.0]) {
      expect(run(schema, 'self.ratio == 1.0', { ratio })).toBe(true);
      expect(run(schema, 'self.ratio / 2.0 == 0.5', { ratio })).toBe(true);
      expect(
        run(schema, 'self.ratio < 1.5 && self.ratio > 0.5', { ratio }),
      ).toBe(true);
      expect(run(schema, 'type(self.ratio) == double', { ratio })).toBe(true);
    }
    expect(run(schema, 'self.ratio / 2.0 == 0.5', { ratio: 2 })).toBe(false);
    // as in cel-go, a double does not compare equal to an int literal: the rule does not compile
    expect(compileError('self.ratio == 1')).toMatch(
      /no such overload: double == int/,
    );
  });

  it('types numbers inside lists and maps by their item schema', () => {
    const self = { ratios: [1, 3], byName: { a: 2 } };
    expect(run(schema, 'self.ratios.all(x, x / 2.0 > 0.4)', self)).toBe(true);
    expect(run(schema, 'self.ratios[1] / 2.0 == 1.5', self)).toBe(true);
    expect(run(schema, "self.byName['a'] / 4.0 == 0.5", self)).toBe(true);
  });

  it('reads `type: integer` as an int (integer division), booleans as bools', () => {
    expect(run(schema, 'self.count / 2 == 1', { count: 3 })).toBe(true);
    expect(run(schema, 'type(self.count) == int', { count: 3 })).toBe(true);
    expect(compileError('self.count == 3.0')).toMatch(/no such overload/);
    expect(run(schema, 'self.flag', { flag: true })).toBe(true);
  });

  it('reads `format: date-time` as a timestamp', () => {
    const self = { at: '2024-05-01T12:00:00Z' };
    expect(
      run(schema, "self.at < timestamp('2024-05-02T00:00:00Z')", self),
    ).toBe(true);
    expect(run(schema, 'int(self.at)', self)).toBe(1714564800n);
    expect(() => run(schema, 'has(self.at)', { at: 'yesterday' })).toThrow(
      CelEvalError,
    );
  });

  it('types an int-or-string as dyn: an int or a string at runtime', () => {
    expect(run(schema, 'type(self.quantity) == int', { quantity: 5 })).toBe(
      true,
    );
    expect(
      run(schema, 'type(self.quantity) == string', { quantity: '50%' }),
    ).toBe(true);
  });
});

describe('object types from the schema (kube-apiserver SchemaDeclType)', () => {
  it('type-checks field names and field types, also of list items', () => {
    expect(compileError('self.cuont > 1')).toBe("undefined field 'cuont'");
    expect(compileError('self.items.all(x, x.nmae != "")')).toBe(
      "undefined field 'nmae'",
    );
    expect(compileError('self.items.all(x, x.weight > 0)')).toBe('compiled');
    expect(compileError('self.items.all(x, x.name > 0)')).toMatch(
      /no such overload/,
    );
  });

  it('leaves out what CEL cannot see (an object of unknown fields is an empty object type)', () => {
    expect(compileError('self.opaque.size() > 0')).toBe(
      "undefined field 'opaque'",
    );
    expect(compileError('self.free.anything == 1')).toBe(
      "undefined field 'anything'",
    );
  });

  it('compares objects field by field with ==, unknown fields included', () => {
    const self = {
      count: 1,
      items: [{ name: 'a', weight: 1 }],
      free: { x: [1, { y: 'z' }] },
    };
    const same = structuredClone(self);
    expect(run(schema, 'self == oldSelf', self, same)).toBe(true);
    expect(run(schema, 'self != oldSelf', self, same)).toBe(false);
    const otherItem = structuredClone(self);
    otherItem.items[0].weight = 2;
    expect(run(schema, 'self == oldSelf', self, otherItem)).toBe(false);
    expect(run(schema, 'self.items == oldSelf.items', self, otherItem)).toBe(
      false,
    );
    const otherFree = structuredClone(self);
    otherFree.free.x[1] = { y: 'w' };
    expect(run(schema, 'self == oldSelf', self, otherFree)).toBe(false);
    const fewer = { count: 1, items: self.items, free: self.free };
    expect(
      run(schema, 'self == oldSelf', { ...fewer, flag: true }, fewer),
    ).toBe(false);
  });

  it('refuses rules it cannot type faithfully', () => {
    expect(
      compileError('self != ""', { type: 'string', format: 'duration' }),
    ).toMatch(/duration .* not supported/);
    expect(
      compileError('has(self.x)', {
        'x-kubernetes-preserve-unknown-fields': true,
      }),
    ).toMatch(/without a CEL type/);
  });
});
