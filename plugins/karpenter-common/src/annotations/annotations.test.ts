import {
  clusterOfClusterEntity,
  hasKarpenterAnnotations,
  parseAnnotationList,
  KARPENTER_CLUSTER_ANNOTATION,
} from './annotations';

describe('parseAnnotationList', () => {
  it('splits, trims, drops empties and duplicates', () => {
    expect(parseAnnotationList(' a, b ,,a ,c')).toEqual(['a', 'b', 'c']);
  });
  it('returns an empty list for missing values', () => {
    expect(parseAnnotationList(undefined)).toEqual([]);
    expect(parseAnnotationList(' , ')).toEqual([]);
  });
});

describe('hasKarpenterAnnotations', () => {
  it('is true for a cluster annotation with a name', () => {
    expect(
      hasKarpenterAnnotations({ [KARPENTER_CLUSTER_ANNOTATION]: 'demo' }),
    ).toBe(true);
  });
  it('is false for an empty cluster annotation', () => {
    expect(
      hasKarpenterAnnotations({ [KARPENTER_CLUSTER_ANNOTATION]: ' , ' }),
    ).toBe(false);
  });
  it('is true for Kubernetes-plugin annotations', () => {
    expect(
      hasKarpenterAnnotations({ 'backstage.io/kubernetes-id': 'checkout' }),
    ).toBe(true);
    expect(
      hasKarpenterAnnotations({
        'backstage.io/kubernetes-label-selector': 'app=x',
      }),
    ).toBe(true);
  });
  it('is false without annotations', () => {
    expect(hasKarpenterAnnotations(undefined)).toBe(false);
    expect(
      hasKarpenterAnnotations({ 'backstage.io/techdocs-ref': 'dir:.' }),
    ).toBe(false);
  });
});

describe('clusterOfClusterEntity', () => {
  const entity = (kind: string, type: unknown, cluster?: string) => {
    const annotations: Record<string, string> = {};
    if (cluster) annotations[KARPENTER_CLUSTER_ANNOTATION] = cluster;
    return { kind, metadata: { annotations }, spec: { type } };
  };
  it('is the one cluster of a kubernetes-cluster Resource', () => {
    expect(
      clusterOfClusterEntity(entity('Resource', 'kubernetes-cluster', 'demo')),
    ).toBe('demo');
    expect(
      clusterOfClusterEntity(entity('resource', 'kubernetes-cluster', 'demo')),
    ).toBe('demo');
  });
  it('is undefined for a service on the cluster, another Resource type, several or no clusters', () => {
    expect(
      clusterOfClusterEntity(entity('Component', 'service', 'demo')),
    ).toBeUndefined();
    expect(
      clusterOfClusterEntity(entity('Resource', 'database', 'demo')),
    ).toBeUndefined();
    expect(
      clusterOfClusterEntity(
        entity('Resource', 'kubernetes-cluster', 'demo, staging'),
      ),
    ).toBeUndefined();
    expect(
      clusterOfClusterEntity(entity('Resource', 'kubernetes-cluster')),
    ).toBeUndefined();
  });
});
