/**
 * cel-js built-ins whose behaviour differs from cel-go's on inputs the Karpenter rules can see,
 * with the internal names their replacements are registered under. cel-js refuses to register an
 * overload that overlaps a built-in one, so calls to these are renamed in the expression before
 * it is checked (see ./ast.ts):
 *
 * - `matches`: cel-js uses JavaScript's RegExp; CEL (cel-go, kube-apiserver) uses RE2.
 * - `int`: cel-js's `int(string)` uses `BigInt()`, which reads `''` as 0 and accepts `0b`/`0o`/`0X`
 *   prefixes; cel-go uses `strconv.ParseInt(s, 10, 64)`.
 *
 * @internal
 */
export const ROUTED_BUILTINS: Readonly<Record<string, string>> = {
  matches: '__k8s_matches',
  int: '__k8s_int',
};

/** Internal names start with this; an expression may not use them itself. @internal */
export const INTERNAL_PREFIX = '__k8s_';

const internalToPublic = new Map(
  Object.entries(ROUTED_BUILTINS).map(([name, internal]) => [internal, name]),
);

/** `text` with the internal names of routed built-ins replaced by their CEL names (for messages). @internal */
export function publicName(text: string): string {
  return text.replace(
    /__k8s_[A-Za-z0-9_]*/g,
    m => internalToPublic.get(m) ?? m,
  );
}
