import { CelCompileError, CelEvalError } from './errors';
import { compileRe2 } from './re2';
import { INTERNAL_PREFIX, ROUTED_BUILTINS } from './routedNames';

/** The parts of a cel-js AST node (lib/index.d.ts `ASTNode`) this layer reads. */
interface Node {
  op: string;
  args: unknown;
  start: number;
  end: number;
  input: string;
}

function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Node).op === 'string' &&
    'args' in value
  );
}

/** Calls `visit` on every node of the parsed expression (macro arguments included). */
function forEachNode(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) {
    for (const child of value) forEachNode(child, visit);
  } else if (isNode(value)) {
    visit(value);
    if (value.op !== 'value' && value.op !== 'id')
      forEachNode(value.args, visit);
  }
}

interface Call {
  node: Node;
  name: string;
  receiver?: Node;
  args: Node[];
}

function callOf(node: Node): Call | undefined {
  if (node.op === 'call') {
    const [name, args] = node.args as [string, Node[]];
    return { node, name, args };
  }
  if (node.op === 'rcall') {
    const [name, receiver, args] = node.args as [string, Node, Node[]];
    return { node, name, receiver, args };
  }
  return undefined;
}

/** Where the function name of `call` is in the source: after the receiver, before `(`. */
function nameOffset(call: Call): number {
  const { node, name, receiver, args } = call;
  const from = receiver ? receiver.end : node.start;
  const to = args.length > 0 ? args[0].start : node.end;
  // blank out `//` comments, so that only the name itself can match
  const between = node.input
    .slice(from, to)
    .replace(/\/\/[^\n]*/g, c => ' '.repeat(c.length));
  const at = between.search(new RegExp(`\\b${name}\\b`));
  if (at < 0) {
    throw new CelCompileError(
      `cannot locate the call of ${name} in the expression`,
    );
  }
  return from + at;
}

/**
 * The expression with the calls of the built-ins in {@link ROUTED_BUILTINS} renamed to their
 * replacements (`self.matches(p)` → `self.__k8s_matches(p)`), for the parsed `ast` of `source`.
 * Refuses expressions that use the internal names themselves.
 *
 * @internal
 */
export function routeBuiltins(source: string, ast: unknown): string {
  const renames = new Map<number, string>();
  forEachNode(ast, node => {
    const call = callOf(node);
    const name = call?.name ?? (node.op === 'id' ? (node.args as string) : '');
    if (name.startsWith(INTERNAL_PREFIX)) {
      throw new CelCompileError(`undeclared reference to '${name}'`);
    }
    if (!call || !Object.hasOwn(ROUTED_BUILTINS, call.name)) return;
    if (call.name === 'int' && call.receiver) return; // not the conversion
    renames.set(nameOffset(call), call.name);
  });
  let routed = source;
  for (const [at, name] of [...renames].sort(([a], [b]) => b - a)) {
    routed = `${routed.slice(0, at)}${ROUTED_BUILTINS[name]}${routed.slice(
      at + name.length,
    )}`;
  }
  return routed;
}

/** The pattern argument of a regular-expression function call, if the call is one. */
function patternOf(call: Call): Node | undefined {
  if (call.receiver && (call.name === 'matches' || call.name === 'find')) {
    return call.args[0];
  }
  if (!call.receiver && call.name === 'matches') return call.args[1];
  return undefined;
}

/**
 * Compiles the constant patterns of `matches` and `find` with RE2, so that an invalid one is a
 * compile error, as in kube-apiserver (cel-go's regex optimizations compile constant patterns
 * when the program is built: interpreter.MatchesRegexOptimization and k8s.io/apiserver
 * pkg/cel/library/regex.go FindRegexOptimization).
 *
 * @internal
 */
export function checkConstantPatterns(ast: unknown): void {
  forEachNode(ast, node => {
    const call = callOf(node);
    const pattern = call && patternOf(call);
    if (pattern?.op !== 'value' || typeof pattern.args !== 'string') return;
    try {
      compileRe2(pattern.args);
    } catch (error) {
      if (error instanceof CelEvalError)
        throw new CelCompileError(error.message);
      throw error;
    }
  });
}

/**
 * The variables among `names` the expression refers to (`oldSelf` makes a transition rule).
 *
 * @internal
 */
export function referencedVariables(
  ast: unknown,
  names: readonly string[],
): Set<string> {
  const found = new Set<string>();
  forEachNode(ast, node => {
    if (node.op === 'id' && names.includes(node.args as string)) {
      found.add(node.args as string);
    }
  });
  return found;
}
