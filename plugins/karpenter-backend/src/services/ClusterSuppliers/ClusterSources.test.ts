import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ClusterSources, sourceOf } from './ClusterSources';
import { AuthStrategyCollector, ClusterSupplierCollector } from './collectors';

const logger = mockServices.logger.mock();

describe('ClusterSources', () => {
  it('fails at start-up when a supplier fails, naming it; later keeps its last clusters', async () => {
    let fail = true;
    const sources = new ClusterSources(
      [
        sourceOf(
          {
            name: 'cmdb',
            getClusters: async () => {
              if (fail) throw new Error('cmdb down');
              return [
                {
                  name: 'a',
                  url: 'https://a.example.com',
                  authProvider: 'aws',
                },
              ];
            },
          },
          'supplier 1',
        ),
      ],
      logger,
    );
    await expect(sources.load()).rejects.toThrow(
      "Karpenter cluster supplier 'cmdb' failed; caused by Error: cmdb down",
    );
    fail = false;
    expect((await sources.load()).map(c => [c.name, c.source])).toEqual([
      ['a', "cluster supplier 'cmdb'"],
    ]);
    fail = true;
    expect((await sources.load()).map(c => c.name)).toEqual(['a']);
    expect(logger.warn).toHaveBeenCalledWith(
      'Karpenter cluster supplier failed; keeping its last clusters',
      expect.objectContaining({ supplier: "cluster supplier 'cmdb'" }),
    );
  });

  it('lets one module replace the default supplier, wrapping the app-config reader', async () => {
    const config = new ConfigReader({
      karpenter: {
        clusters: [
          {
            name: 'keep',
            url: 'https://keep.example.com',
            authProvider: 'aws',
          },
          {
            name: 'drop',
            url: 'https://drop.example.com',
            authProvider: 'aws',
          },
        ],
      },
    });
    const collector = new ClusterSupplierCollector();
    collector.replaceDefaultClusterSupplier(async ({ getDefault }) => {
      const fallback = await getDefault();
      return {
        name: 'filtered',
        getClusters: async () =>
          (await fallback.getClusters()).filter(c => c.name !== 'drop'),
      };
    });
    expect(() =>
      collector.replaceDefaultClusterSupplier(async ({ getDefault }) =>
        getDefault(),
      ),
    ).toThrow('Only one module may replace the default');
    const sources = new ClusterSources(await collector.sources(config), logger);
    expect(sources.dynamic).toBe(true);
    expect((await sources.load()).map(c => c.name)).toEqual(['keep']);
  });

  it('reads app-config alone without refreshes when no module supplies clusters', async () => {
    const collector = new ClusterSupplierCollector();
    const sources = new ClusterSources(
      await collector.sources(new ConfigReader({})),
      logger,
    );
    expect(sources.dynamic).toBe(false);
  });

  it('refuses a strategy for the reserved kubeconfig key and a key registered twice', () => {
    const auth = new AuthStrategyCollector();
    const strategy = {
      getCredential: async () => ({ type: 'anonymous' as const }),
    };
    expect(() => auth.addAuthStrategy('kubeconfig', strategy)).toThrow(
      'reserved',
    );
    auth.addAuthStrategy('vault', strategy);
    expect(() => auth.addAuthStrategy('vault', strategy)).toThrow(
      "'vault' was registered twice",
    );
  });
});
