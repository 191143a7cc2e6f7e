import { parseKubernetesQuantity } from '@karpenter-backstage/plugin-karpenter-common';
import { ValueCheck } from './check';

const MESSAGE = 'must be a positive quantity such as 1000, 500m or 1000Gi';

/**
 * A NodePool limit: a positive integer, or a Kubernetes quantity string (the grammar of the CRD's
 * `spec.limits` pattern, read as `ParseQuantity` reads it) whose value is above 0, at most 32
 * characters and with an exponent of at most 18.
 */
export const checkPositiveQuantity: ValueCheck<string | number> = value => {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value > 0 ? undefined : MESSAGE;
  }
  const quantity =
    value.length > 32 || value.startsWith('-')
      ? undefined
      : parseKubernetesQuantity(value);
  if (!quantity || !(quantity.value > 0)) {
    return MESSAGE;
  }
  if (
    quantity.format === 'DecimalExponent' &&
    Math.abs(quantity.exponent) > 18
  ) {
    return `${MESSAGE} (exponent out of range)`;
  }
  return undefined;
};
