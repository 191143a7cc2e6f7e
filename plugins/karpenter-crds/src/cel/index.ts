export { parseCel, tokenize, CelSyntaxError } from './parser';
export type { CelExpr, BinaryOp } from './parser';
export { compileCel, evaluateCel, celTypeOf, CelEvalError } from './evaluate';
export type { CelProgram, CelValue } from './evaluate';
