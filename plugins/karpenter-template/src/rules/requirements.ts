import { RequirementOperator } from '../constants';
import { ValueRule } from './check';

/**
 * A NodePool requirement's values and `minValues` as its operator needs them (Karpenter v1): `In`
 * at least one value, `Exists`/`DoesNotExist` none, `Gt`/`Lt`/`Gte`/`Lte` exactly one
 * non-negative integer; `minValues` only with `In` and at most the number of values.
 */
export const requirementValues: ValueRule<{
  operator: RequirementOperator;
  values?: string[];
  minValues?: number;
}> = requirement => {
  const values = requirement.values ?? [];
  const { operator, minValues } = requirement;
  const issues: Array<{ path: string[]; message: string }> = [];
  const issue = (path: string, message: string) =>
    issues.push({ path: [path], message });
  switch (operator) {
    case 'In':
      if (values.length === 0) {
        issue('values', 'operator In needs at least one value');
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        issue('values', `operator ${operator} takes no values`);
      }
      break;
    case 'Gt':
    case 'Lt':
    case 'Gte':
    case 'Lte':
      if (values.length !== 1 || !/^[0-9]{1,9}$/.test(values[0])) {
        issue(
          'values',
          `operator ${operator} needs exactly one non-negative integer value`,
        );
      }
      break;
    default:
      break;
  }
  if (minValues !== undefined) {
    if (operator !== 'In') {
      issue('minValues', 'is only supported with operator In');
    } else if (values.length < minValues) {
      issue('minValues', 'must not exceed the number of values');
    }
  }
  return issues;
};
