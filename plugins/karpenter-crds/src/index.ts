/**
 * Node.js library of the Karpenter plugins: the real Karpenter v1 CRDs (vendored from
 * aws/karpenter-provider-aws, see crds/SOURCE.txt), the types of their objects generated from them,
 * and a validator against their schemas and CEL rules.
 *
 * @packageDocumentation
 */
export {
  loadKarpenterCrds,
  crdDirectory,
  KARPENTER_CRD_FILES,
  validateKarpenterObject,
  knownKarpenterKinds,
  CEL_RULES_NOT_CHECKED,
} from './crds';
export type { KarpenterCrd, CrdValidationResult, CrdViolation } from './crds';
export type {
  EC2NodeClass,
  KarpenterObjectMeta,
  NodeClaim,
  NodePool,
} from './generated/karpenterTypes';
