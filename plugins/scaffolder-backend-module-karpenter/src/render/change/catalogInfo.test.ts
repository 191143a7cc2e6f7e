import { updateNodePoolsAnnotation } from './catalogInfo';

const ENTITY = `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: "prod-eu"
  annotations:
    # the Karpenter plugin shows this cluster's NodePools on the entity page
    karpenter.sh/cluster: "prod-eu"
    karpenter.sh/nodepools: "general,batch"
spec:
  type: kubernetes-cluster
`;

describe('updateNodePoolsAnnotation', () => {
  it('drops removed pools and appends added ones, keeping comments and quoting', () => {
    const next = updateNodePoolsAnnotation(
      ENTITY,
      ['general', 'batch'],
      ['general', 'gpu'],
    );
    expect(next).toBe(
      ENTITY.replace(
        'karpenter.sh/nodepools: "general,batch"',
        'karpenter.sh/nodepools: "general,gpu"',
      ),
    );
  });

  it('keeps names the owner added by hand and does not repeat a listed pool', () => {
    const narrowed = ENTITY.replace('"general,batch"', '"batch, legacy"');
    expect(
      updateNodePoolsAnnotation(
        narrowed,
        ['general', 'batch'],
        ['general', 'batch', 'legacy', 'arm'],
      ),
    ).toContain('karpenter.sh/nodepools: "batch,legacy,arm"');
  });

  it('leaves a file alone when nothing changes, when it has no or an empty list, or does not parse', () => {
    expect(
      updateNodePoolsAnnotation(
        ENTITY,
        ['general', 'batch'],
        ['batch', 'general'],
      ),
    ).toBeUndefined();
    const without = ENTITY.replace(/ {4}karpenter\.sh\/nodepools.*\n/, '');
    expect(
      updateNodePoolsAnnotation(without, ['general'], ['gpu']),
    ).toBeUndefined();
    const empty = ENTITY.replace('"general,batch"', '""');
    expect(
      updateNodePoolsAnnotation(empty, ['general'], ['gpu']),
    ).toBeUndefined();
    expect(
      updateNodePoolsAnnotation('a: [b', ['general'], ['gpu']),
    ).toBeUndefined();
  });
});
