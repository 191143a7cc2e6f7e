import { parseKarpenterValues } from '@karpenter-backstage/karpenter-template';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(__dirname, '../../../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/**
 * The local portal's demo repository (examples/demo-repository, served by
 * scripts/serve-demo-repository.mjs): what the change template starts from for the demo cluster.
 */
describe('the demo cluster repository of the local portal', () => {
  it('holds valid values with the NodePools of the simulated demo cluster', () => {
    const values = parseKarpenterValues(
      read('examples/demo-repository/karpenter-values.yaml'),
    );
    expect(values.ok).toBe(true);
    if (!values.ok) return;
    const scenario = parseYaml(
      read('packages/karpenter-simulator/scenarios/demo.yaml'),
    );
    const demo = scenario.clusters.find(
      (c: { name: string }) => c.name === 'demo',
    );
    expect(values.value.clusterName).toBe('demo');
    expect(values.value.nodePools.map(p => p.name).sort()).toEqual(
      demo.nodePools.map((p: { name: string }) => p.name).sort(),
    );
    // the limits the card shows for the demo cluster are the ones the repository has
    for (const pool of demo.nodePools) {
      const inRepo = values.value.nodePools.find(p => p.name === pool.name);
      expect([pool.name, inRepo?.limits]).toEqual([pool.name, pool.limits]);
    }
  });

  it('is the source location of the demo cluster entity, on the host the portal may read', () => {
    const entity = read('examples/entities.yaml')
      .split(/^---$/m)
      .map(doc => parseYaml(doc))
      .find(e => e?.metadata?.name === 'demo-cluster');
    const source = entity.metadata.annotations['backstage.io/source-location'];
    expect(source).toBe('url:http://127.0.0.1:17181/demo/');
    const allowed = parseYaml(read('app-config.yaml')).backend.reading.allow;
    expect(allowed).toContainEqual({ host: '127.0.0.1:17181' });
    const catalogInfo = parseYaml(
      read('examples/demo-repository/catalog-info.yaml'),
    );
    expect(catalogInfo.metadata.annotations['karpenter.sh/cluster']).toBe(
      'demo',
    );
  });
});
