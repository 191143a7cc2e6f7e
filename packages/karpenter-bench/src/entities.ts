/** The catalog of a bench backend: a workload Component and the cluster's Resource. */
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
