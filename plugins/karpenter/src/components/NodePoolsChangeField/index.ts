export { NodePoolsChangeField } from './NodePoolsChangeField';
export type { NodePoolsChangeFieldProps } from './NodePoolsChangeField';
export { validateNodePoolsChange } from './validation';
export { KARPENTER_NODEPOOLS_CHANGE_FIELD } from './types';
export type {
  KarpenterNodePoolsChangeSource,
  KarpenterNodePoolsChangeUiOptions,
  KarpenterNodePoolsChangeValue,
} from './types';
