import { validateKarpenterObject } from '@karpenter-backstage/karpenter-crds';
import { shippedScenarios } from '../scenario/load';
import { Simulator } from '../Simulator';

describe.each(shippedScenarios().filter(s => s !== 'large'))(
  'scenario %s',
  scenario => {
    it('generates only NodePools, NodeClaims and EC2NodeClasses the real CRD schemas accept, also after its timeline', async () => {
      const sim = new Simulator({ scenario });
      await sim.start();
      try {
        const check = () => {
          for (const info of sim.clusters) {
            const c = sim.cluster(info.name);
            for (const kind of ['NodePool', 'NodeClaim', 'EC2NodeClass']) {
              for (const obj of c.list(kind)) {
                expect({
                  name: `${info.name}/${kind}/${obj.metadata.name}`,
                  violations: validateKarpenterObject(obj).violations,
                }).toEqual({
                  name: `${info.name}/${kind}/${obj.metadata.name}`,
                  violations: [],
                });
              }
            }
          }
        };
        check();
        await sim.advance(15 * 60_000);
        check();
      } finally {
        await sim.stop();
      }
    });
  },
);

it('the large scenario has the benchmark sizes and only valid objects', async () => {
  const sim = new Simulator({ scenario: 'large' });
  await sim.start();
  try {
    const c = sim.cluster('large');
    expect(c.list('NodePool')).toHaveLength(100);
    expect(c.list('NodeClaim')).toHaveLength(5000);
    expect(c.list('Node')).toHaveLength(5000);
    // about 20,000 Events: the seeded hour of history (repeats grow counts, not Events)
    const events = c.list('Event').length;
    expect(events).toBeGreaterThan(19_000);
    expect(events).toBeLessThan(21_000);
    // every object, collected (one expectation, not 10,000)
    const invalid = ['NodePool', 'NodeClaim', 'EC2NodeClass'].flatMap(kind =>
      c
        .list(kind)
        .map(obj => ({
          name: `${kind}/${obj.metadata.name}`,
          violations: validateKarpenterObject(obj).violations,
        }))
        .filter(r => r.violations.length > 0),
    );
    expect(invalid).toEqual([]);
  } finally {
    await sim.stop();
  }
});
