export {
  loadKarpenterCrds,
  crdDirectory,
  KARPENTER_CRD_FILES,
} from './loadCrds';
export type { KarpenterCrd } from './loadCrds';
export { validateKarpenterObject, knownKarpenterKinds } from './validate';
export type { CrdValidationResult, CrdViolation } from './validate';
