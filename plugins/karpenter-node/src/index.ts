/**
 * Node.js library of the Karpenter plugins: the extension points that platform teams implement in
 * their own backend modules to extend the Karpenter backend (cluster suppliers, auth strategies),
 * and adapters for the Kubernetes plugin's contracts.
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
