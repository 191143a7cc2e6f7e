import { Scenario } from '../scenario/types';
import { Simulator } from '../Simulator';

function scenario(
  nodes: Scenario['clusters'][number]['nodePools'][number]['nodes'],
): Scenario {
  return {
    name: 'groups',
    seed: 1,
    clusters: [
      {
        name: 'c1',
        region: 'eu-west-1',
        nodeClasses: [{ name: 'default' }],
        nodePools: [
          {
            name: 'general',
            instanceTypes: ['m5.large', 'm5.xlarge'],
            capacityTypes: ['spot', 'on-demand'],
            nodes,
          },
        ],
      },
    ],
  };
}

describe('starting nodes by capacity type, instance type and zone', () => {
  it('starts exactly the declared groups; what a group leaves out is picked', async () => {
    const sim = new Simulator({
      scenario: scenario([
        {
          count: 2,
          capacityType: 'spot',
          instanceType: 'm5.xlarge',
          zone: 'eu-west-1b',
        },
        { count: 1, capacityType: 'on-demand', zone: 'eu-west-1c' },
      ]),
    });
    await sim.start();
    try {
      const nodes = sim
        .cluster('c1')
        .list('Node')
        .map(n => n.metadata.labels)
        .map(l => [
          l['karpenter.sh/capacity-type'],
          l['node.kubernetes.io/instance-type'],
          l['topology.kubernetes.io/zone'],
        ]);
      expect(nodes).toHaveLength(3);
      expect(
        nodes.filter(n => n.join() === 'spot,m5.xlarge,eu-west-1b'),
      ).toHaveLength(2);
      const onDemand = nodes.find(n => n[0] === 'on-demand')!;
      expect(onDemand[2]).toBe('eu-west-1c');
      expect(['m5.large', 'm5.xlarge']).toContain(onDemand[1]);
    } finally {
      await sim.stop();
    }
  });

  it('refuses a group its NodePool cannot launch, naming it', async () => {
    await expect(
      new Simulator({
        scenario: scenario([{ count: 1, instanceType: 'c5.large' }]),
      }).start(),
    ).rejects.toThrow(
      'NodePool general of cluster c1: instance type c5.large is not allowed by its requirements',
    );
    await expect(
      new Simulator({
        scenario: scenario([{ count: 1, zone: 'us-east-1a' }]),
      }).start(),
    ).rejects.toThrow('zone us-east-1a has no subnet of its EC2NodeClass');
  });
});
