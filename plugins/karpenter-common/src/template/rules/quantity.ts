import { ValueCheck } from './names';

/** The Kubernetes resource quantity syntax (the NodePool CRD's pattern for `spec.limits`). */
const QUANTITY =
  /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;

const MESSAGE = 'must be a positive quantity such as 1000, 500m or 1000Gi';

/**
 * A NodePool limit: a positive integer, or a Kubernetes quantity string whose value is above 0.
 */
export const checkPositiveQuantity: ValueCheck<string | number> = value => {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value > 0 ? undefined : MESSAGE;
  }
  if (value.length > 32 || !QUANTITY.test(value) || value.startsWith('-')) {
    return MESSAGE;
  }
  const mantissa = /^\+?([0-9]*\.?[0-9]*)/.exec(value)?.[1] ?? '';
  if (!(Number(mantissa) > 0)) {
    return MESSAGE;
  }
  const exponent = /[eE]([+-]?[0-9.]+)$/.exec(value);
  if (exponent && Math.abs(Number(exponent[1])) > 18) {
    return `${MESSAGE} (exponent out of range)`;
  }
  return undefined;
};
