import { LoggerService } from '@backstage/backend-plugin-api';
import { ForwardedError } from '@backstage/errors';
import { KarpenterClusterSupplier } from '@karpenter-backstage/plugin-karpenter-node';
import { ClusterConfig, fromClusterDetails } from '../ClusterRegistry';

/** The name of the app-config source. @internal */
export const APP_CONFIG = 'app-config';

/** One supplier of clusters with a name for messages. @internal */
export interface ClusterSource {
  name: string;
  getClusters(): Promise<ClusterConfig[]>;
}

/** A module's supplier as a source; its clusters are marked with the source's name. @internal */
export function sourceOf(
  supplier: KarpenterClusterSupplier,
  fallbackName: string,
): ClusterSource {
  const name = `cluster supplier '${supplier.name ?? fallbackName}'`;
  return {
    name,
    async getClusters() {
      return (await supplier.getClusters()).map(d =>
        fromClusterDetails(d, name),
      );
    },
  };
}

/**
 * The clusters of all sources. At start-up a failing source fails the start; on a refresh it
 * keeps its last answer (logged), so one failing supplier never blanks clusters.
 *
 * @internal
 */
export class ClusterSources {
  private readonly last = new Map<ClusterSource, ClusterConfig[]>();

  constructor(
    private readonly sources: ClusterSource[],
    private readonly logger: LoggerService,
  ) {}

  /** Whether any source is not the static app-config (refreshes make sense). */
  get dynamic(): boolean {
    return this.sources.some(s => s.name !== APP_CONFIG);
  }

  async load(): Promise<ClusterConfig[]> {
    const lists = await Promise.all(
      this.sources.map(async source => {
        try {
          const clusters = await source.getClusters();
          this.last.set(source, clusters);
          return clusters;
        } catch (error) {
          const previous = this.last.get(source);
          if (!previous)
            throw new ForwardedError(`Karpenter ${source.name} failed`, error);
          this.logger.warn(
            'Karpenter cluster supplier failed; keeping its last clusters',
            { supplier: source.name, error: String(error) },
          );
          return previous;
        }
      }),
    );
    return lists.flat();
  }
}
