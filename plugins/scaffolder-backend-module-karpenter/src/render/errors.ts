import { InputError } from '@backstage/errors';
import {
  formatFieldErrors,
  TemplateFieldError,
  TemplateValidationResult,
} from '@karpenter-backstage/karpenter-template';

/**
 * Bad input: an `InputError` whose message lists every invalid field (`field: message` lines) and
 * which carries them as `fieldErrors`. `stage` tells whether the input model refused the values
 * (`input`) or a rendered file failed its own check (`output`, a defect in the model's rules).
 */
export class KarpenterInputError extends InputError {
  readonly fieldErrors: TemplateFieldError[];
  readonly stage: 'input' | 'output';

  constructor(
    context: string,
    fieldErrors: TemplateFieldError[],
    stage: 'input' | 'output' = 'input',
  ) {
    super(`${context}:\n${formatFieldErrors(fieldErrors)}`);
    this.fieldErrors = fieldErrors;
    this.stage = stage;
  }
}

/** The validated value, or a `KarpenterInputError` naming every invalid field. */
export function valueOrThrow<T>(
  result: TemplateValidationResult<T>,
  context: string,
): T {
  if (!result.ok) {
    throw new KarpenterInputError(context, result.errors);
  }
  return result.value;
}
