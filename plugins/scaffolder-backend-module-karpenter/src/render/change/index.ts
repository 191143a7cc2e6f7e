export { classifyNodePoolsChange } from './classify';
export type {
  FieldChange,
  NodeImpact,
  NodePoolChange,
  NodePoolsChange,
} from './classify';
export { describeNodePoolsChange } from './describe';
export type {
  NodePoolsChangeContext,
  NodePoolsChangeDescription,
} from './describe';
export { planNodePoolsChange } from './plan';
export type { NodePoolsChangePlan } from './plan';
export { updateNodePoolsAnnotation } from './catalogInfo';
