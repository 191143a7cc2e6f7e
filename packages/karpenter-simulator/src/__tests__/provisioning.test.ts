import { Simulator } from '../Simulator';

it('launches NodeClaims for pending pods once their NodePool is applied and ready', async () => {
  const sim = new Simulator({ scenario: 'demo' });
  await sim.start();
  try {
    const c = sim.cluster('demo');
    const pending = () =>
      c
        .list('Pod')
        .filter(p => p.metadata.namespace === 'web' && !p.spec.nodeName);
    expect(pending()).toHaveLength(6);
    c.apply({
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: 'web' },
      spec: {
        template: {
          spec: {
            nodeClassRef: {
              group: 'karpenter.k8s.aws',
              kind: 'EC2NodeClass',
              name: 'default',
            },
            requirements: [
              {
                key: 'node.kubernetes.io/instance-type',
                operator: 'In',
                values: ['m5.xlarge'],
              },
            ],
          },
        },
      },
    });
    const claims = () =>
      c
        .list('NodeClaim')
        .filter(n => n.metadata.labels['karpenter.sh/nodepool'] === 'web');
    expect(claims()).toHaveLength(2);
    await sim.advance(60_000);
    expect(
      claims().every(
        n =>
          n.status.conditions.find((x: any) => x.type === 'Initialized')
            .status === 'True',
      ),
    ).toBe(true);
    expect(pending()).toHaveLength(0);
    expect(c.get('NodePool', 'web').status.resources.nodes).toBe('2');
  } finally {
    await sim.stop();
  }
});
