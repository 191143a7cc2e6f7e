export {
  loadKarpenterCrds,
  crdDirectory,
  KARPENTER_CRD_FILES,
} from './loadCrds';
export type { KarpenterCrd } from './loadCrds';
export {
  validateKarpenterObject,
  knownKarpenterKinds,
  CEL_RULES_NOT_CHECKED,
} from './validate';
export type { CrdValidationResult, CrdViolation } from './validate';
