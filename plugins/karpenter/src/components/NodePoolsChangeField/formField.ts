import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { NodePoolsChangeField } from './NodePoolsChangeField';
import { KARPENTER_NODEPOOLS_CHANGE_FIELD } from './types';
import { validateNodePoolsChange } from './validation';

/** The field for the new frontend system's scaffolder (loaded lazily by `alpha.tsx`). */
export const nodePoolsChangeFormField = createFormField({
  name: KARPENTER_NODEPOOLS_CHANGE_FIELD,
  component: NodePoolsChangeField,
  validation: validateNodePoolsChange,
});
