export type {
  KarpenterAuthStrategy,
  KarpenterClusterDetails,
  KarpenterClusterSupplier,
  KarpenterCredential,
} from './types';
export {
  karpenterAuthStrategyExtensionPoint,
  karpenterClusterSupplierExtensionPoint,
} from './extensionPoints';
export type {
  KarpenterAuthStrategyExtensionPoint,
  KarpenterClusterSupplierExtensionPoint,
  KarpenterClusterSupplierFactory,
} from './extensionPoints';
