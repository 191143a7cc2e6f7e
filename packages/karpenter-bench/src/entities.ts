/**
 * The catalog of a bench backend: the Component the Kubernetes plugin is asked about (the peer),
 * the cluster's Resource and a workload-mapped Component (its pods, 500 of them waiting).
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
  spec: {},
};

export const RESOURCE = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'bench-cluster',
    namespace: 'default',
    annotations: { 'karpenter.sh/cluster': 'bench' },
  },
  spec: {},
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
  spec: {},
};
