import { BenchSize } from './sizes';

/**
 * The catalog of a bench backend, ingested by the real catalog from a file location: the
 * Component the Kubernetes plugin is asked about (the peer), the cluster's Resource (every
 * NodePool), a Component of one NodePool and a workload-mapped Component (its pods, 500 of them
 * waiting). The specs carry what the catalog's validation requires (type, owner, lifecycle).
 */
export const ENTITY = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'karpenter.sh/cluster': 'bench',
      'backstage.io/kubernetes-id': 'checkout',
      // The Kubernetes plugin applies one label selector to every kind it lists; NodeClaims carry
      // `karpenter.sh/nodepool`, so this fetches all of them (NodePools carry no label to match).
      'backstage.io/kubernetes-label-selector': 'karpenter.sh/nodepool',
      'karpenter.sh/nodepools': '',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'guests' },
};

export const RESOURCE = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'bench-cluster',
    namespace: 'default',
    annotations: { 'karpenter.sh/cluster': 'bench' },
  },
  spec: { type: 'kubernetes-cluster', owner: 'guests' },
};

/** A service mapped by its workload's pods (`backstage.io/kubernetes-id`), as a team's Component is. */
export const WORKLOAD = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-service',
    namespace: 'default',
    annotations: {
      'karpenter.sh/cluster': 'bench',
      'backstage.io/kubernetes-id': 'checkout',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'guests' },
};

/** The name of the one-NodePool Component (the same at every size, so its routes are too). */
export const ONE_POOL_ENTITY = 'one-pool';

/**
 * The NodePool of the one-NodePool Component: pool-042, or the last pool of a size with fewer
 * (S has 10, the smoke run 3), so it exists at every size.
 */
export function onePoolName(size: BenchSize): string {
  const index = Math.min(42, size.nodePools - 1);
  return `pool-${String(index).padStart(3, '0')}`;
}

/** A team's Component that owns one NodePool of the cluster (`karpenter.sh/nodepools`). */
export function onePoolEntity(size: BenchSize) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: ONE_POOL_ENTITY,
      namespace: 'default',
      annotations: {
        'karpenter.sh/cluster': 'bench',
        'karpenter.sh/nodepools': onePoolName(size),
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'guests' },
  };
}

/** Every bench entity of a size. */
export function benchEntities(size: BenchSize) {
  return [ENTITY, RESOURCE, WORKLOAD, onePoolEntity(size)];
}

/**
 * The catalog file of a size: one YAML document per entity (each written as JSON, which is
 * YAML, so the bench needs no YAML writer).
 */
export function catalogYaml(size: BenchSize): string {
  return benchEntities(size)
    .map(e => `---\n${JSON.stringify(e, null, 2)}\n`)
    .join('');
}
