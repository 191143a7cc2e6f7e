/**
 * Node.js library of the Karpenter plugins: the extension points that platform teams implement in
 * their own backend modules to extend the Karpenter backend (cluster suppliers, auth strategies),
 * adapters for the Kubernetes plugin's contracts, and the Kubernetes label and field selectors
 * (as the API server evaluates them) that the backend and the simulator share.
 *
 * The vendored Karpenter v1 CRDs and their validator live in `@karpenter-backstage/karpenter-crds`.
 *
 * @packageDocumentation
 */
export {
  karpenterAuthStrategyExtensionPoint,
  karpenterClusterSupplierExtensionPoint,
} from './extensions';
export type {
  KarpenterAuthStrategy,
  KarpenterAuthStrategyExtensionPoint,
  KarpenterClusterDetails,
  KarpenterClusterSupplier,
  KarpenterClusterSupplierExtensionPoint,
  KarpenterClusterSupplierFactory,
  KarpenterCredential,
} from './extensions';
export {
  fromKubernetesAuthStrategy,
  fromKubernetesClusterDetails,
  fromKubernetesClustersSupplier,
  karpenterAuthProviderOf,
  toKubernetesClusterDetails,
} from './adapters';
export {
  DefaultKarpenterQueueClientFactory,
  karpenterAwsCredentials,
  karpenterQueueClientFactoryServiceRef,
  regionFromQueueUrl,
} from './services';
export type {
  KarpenterQueueClientFactory,
  KarpenterQueueTarget,
} from './services';
export {
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';
export type { Matcher } from './selectors';
