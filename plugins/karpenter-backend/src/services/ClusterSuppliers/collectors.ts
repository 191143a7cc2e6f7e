import { Config } from '@backstage/config';
import {
  KarpenterAuthStrategy,
  KarpenterAuthStrategyExtensionPoint,
  KarpenterClusterSupplier,
  KarpenterClusterSupplierExtensionPoint,
  KarpenterClusterSupplierFactory,
} from '@karpenter-backstage/plugin-karpenter-node';
import { readClusterConfigs, toClusterDetails } from '../ClusterRegistry';
import { APP_CONFIG, ClusterSource, sourceOf } from './ClusterSources';

/** Collects the suppliers modules register through karpenterClusterSupplierExtensionPoint. @internal */
export class ClusterSupplierCollector
  implements KarpenterClusterSupplierExtensionPoint
{
  private readonly added: KarpenterClusterSupplier[] = [];
  private factory?: KarpenterClusterSupplierFactory;

  addClusterSupplier(supplier: KarpenterClusterSupplier): void {
    this.added.push(supplier);
  }

  replaceDefaultClusterSupplier(factory: KarpenterClusterSupplierFactory) {
    if (this.factory)
      throw new Error(
        'Only one module may replace the default Karpenter cluster supplier (replaceDefaultClusterSupplier was called twice)',
      );
    this.factory = factory;
  }

  /**
   * The sources: app-config (`karpenter.clusters`, imported Kubernetes-plugin clusters) or the
   * supplier that replaced it, then the added suppliers.
   */
  async sources(config: Config): Promise<ClusterSource[]> {
    const configSource: ClusterSource = {
      name: APP_CONFIG,
      getClusters: async () => readClusterConfigs(config),
    };
    const first = this.factory
      ? sourceOf(
          await this.factory({
            getDefault: async () => ({
              name: APP_CONFIG,
              getClusters: async () =>
                readClusterConfigs(config).map(toClusterDetails),
            }),
          }),
          'default supplier',
        )
      : configSource;
    return [
      first,
      ...this.added.map((s, i) => sourceOf(s, `supplier ${i + 1}`)),
    ];
  }
}

/** Collects the strategies modules register through karpenterAuthStrategyExtensionPoint. @internal */
export class AuthStrategyCollector
  implements KarpenterAuthStrategyExtensionPoint
{
  readonly strategies = new Map<string, KarpenterAuthStrategy>();

  addAuthStrategy(key: string, strategy: KarpenterAuthStrategy): void {
    if (key === 'kubeconfig')
      throw new Error(
        "The Karpenter auth strategy key 'kubeconfig' is reserved (the local kubeconfig's user)",
      );
    if (!key.trim())
      throw new Error('A Karpenter auth strategy needs a non-empty key');
    if (this.strategies.has(key))
      throw new Error(
        `The Karpenter auth strategy '${key}' was registered twice`,
      );
    this.strategies.set(key, strategy);
  }
}
