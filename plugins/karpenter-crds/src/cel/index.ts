export { compileCel, evaluateCel, celActivation } from './compile';
export type { CelActivation, CelProgram } from './compile';
export { CelCompileError, CelEvalError } from './errors';
export type { Schema } from './schemaKind';
