import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { KarpenterAuthStrategy, KarpenterClusterSupplier } from './types';

/**
 * Replaces the default cluster supplier; receives the default (the app-config reader of
 * `karpenter.clusters` and the imported Kubernetes-plugin clusters) to wrap or filter it.
 *
 * @public
 */
export type KarpenterClusterSupplierFactory = (options: {
  getDefault: () => Promise<KarpenterClusterSupplier>;
}) => Promise<KarpenterClusterSupplier>;

/**
 * The interface of {@link karpenterClusterSupplierExtensionPoint}.
 *
 * @public
 */
export interface KarpenterClusterSupplierExtensionPoint {
  /** Adds clusters next to the configured ones (names must stay unique across suppliers). */
  addClusterSupplier(supplier: KarpenterClusterSupplier): void;
  /** Replaces the default supplier (at most one module may). */
  replaceDefaultClusterSupplier(factory: KarpenterClusterSupplierFactory): void;
}

/**
 * Where the Karpenter backend's clusters come from.
 *
 * @public
 */
export const karpenterClusterSupplierExtensionPoint =
  createExtensionPoint<KarpenterClusterSupplierExtensionPoint>({
    id: 'karpenter.cluster-supplier',
  });

/**
 * The interface of {@link karpenterAuthStrategyExtensionPoint}.
 *
 * @public
 */
export interface KarpenterAuthStrategyExtensionPoint {
  /**
   * Registers the strategy for clusters with `authProvider: <key>`. A key may be registered once;
   * registering `serviceAccount`, `aws` or `none` replaces the built-in, `kubeconfig` is reserved.
   */
  addAuthStrategy(key: string, strategy: KarpenterAuthStrategy): void;
}

/**
 * How the Karpenter backend authenticates against clusters, per `authProvider`.
 *
 * @public
 */
export const karpenterAuthStrategyExtensionPoint =
  createExtensionPoint<KarpenterAuthStrategyExtensionPoint>({
    id: 'karpenter.auth-strategy',
  });
