import { RE2JS, RE2JSException } from 're2js';
import { CelEvalError } from './errors';

/*
 * Regular expressions with RE2 semantics, as CEL specifies and cel-go / kube-apiserver implement
 * them with Go's regexp package (re2js is a port of RE2 to JavaScript): no lookaround or
 * backreferences, RE2-only syntax such as `(?i)` flags, `\z` and `[[:alpha:]]`, matching on code
 * points rather than UTF-16 code units, and linear-time matching.
 */

const compiled = new Map<string, RE2JS>();
const CACHE_LIMIT = 256;

/**
 * The RE2 program for `pattern` (cached; Go's `regexp.Compile`). Throws a CelEvalError worded like
 * Go's error (`error parsing regexp: missing closing ): `(``), which re2js reproduces.
 *
 * @internal
 */
export function compileRe2(pattern: string): RE2JS {
  let re = compiled.get(pattern);
  if (!re) {
    try {
      re = RE2JS.compile(pattern);
    } catch (error) {
      if (error instanceof RE2JSException)
        throw new CelEvalError(error.message);
      throw error;
    }
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(pattern, re);
  }
  return re;
}

/**
 * CEL's `string.matches(string)` / `matches(string, string)`: whether the RE2 pattern matches
 * any substring (cel-go common/types/string.go, `regexp.MatchString`).
 *
 * @internal
 */
export function re2Matches(text: string, pattern: string): boolean {
  return compileRe2(pattern).test(text);
}

/**
 * Kubernetes' `string.find(string)`: the first (leftmost) match of the RE2 pattern, or `''`
 * (k8s.io/apiserver pkg/cel/library/regex.go, `regexp.FindString`).
 *
 * @internal
 */
export function re2Find(text: string, pattern: string): string {
  let re: RE2JS;
  try {
    re = compileRe2(pattern);
  } catch (error) {
    if (error instanceof CelEvalError) {
      throw new CelEvalError(`Illegal regex: ${error.message}`);
    }
    throw error;
  }
  // RE2.find is Go's FindString: the leftmost match, '' when there is none
  return re.re2().find(text) as string;
}
