export {
  addRequirements,
  fromNodeSelector,
  incompatibilities,
  incompatibility,
  intersection,
  nodeSelectorRequirements,
  requirement,
  requirementString,
  requirementsString,
} from './requirements';
export type {
  Incompatibility,
  KarpenterRequirement,
  NodeSelectorRequirementLike,
  Requirements,
} from './requirements';
export { prettyTaint, toleratesTaint, untoleratedTaints } from './taints';
export type { TaintLike, TolerationLike } from './taints';
