import { KubeConfig } from '@kubernetes/client-node';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import { KubeEventSource } from './KubeEventSource';

/**
 * Against the simulator's API server (the `faults` scenario's `secured` cluster answers 401 to a
 * wrong bearer token): the source asks for current credentials per page and per watch, and for
 * renewed ones after a 401, as an expired EKS token needs.
 */
describe('KubeEventSource', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await new Simulator({ scenario: 'faults' }).start();
  });
  afterAll(() => sim.stop());

  /** Hands out an expired token until asked to renew, then the cluster's own. */
  function expiringCredentials() {
    const secured = sim.clusters.find(c => c.name === 'secured')!;
    const asked: Array<boolean> = [];
    let token = 'expired';
    const source = async (options?: { renew?: boolean }) => {
      asked.push(Boolean(options?.renew));
      if (options?.renew) token = secured.token!;
      const kc = new KubeConfig();
      kc.loadFromOptions({
        clusters: [{ name: 'c', server: secured.url, skipTLSVerify: true }],
        users: [{ name: 'u', token }],
        contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
        currentContext: 'c',
      });
      return kc;
    };
    return { source, asked, expire: () => (token = 'expired') };
  }

  it('renews the credentials after a 401 on a page and asks for that page once more', async () => {
    const credentials = expiringCredentials();
    const events = new KubeEventSource(credentials.source);
    const pages: number[] = [];
    const { resourceVersion } = await events.list('default', async items => {
      pages.push(items.length);
    });
    expect(Number(resourceVersion)).toBeGreaterThan(0);
    expect(pages.length).toBeGreaterThan(0);
    expect(credentials.asked).toEqual([false, true]);
  });

  it('rejects a watch with 401 and makes the next watch renew its credentials', async () => {
    const credentials = expiringCredentials();
    const events = new KubeEventSource(credentials.source);
    const { resourceVersion } = await events.list('default', async () => {});
    credentials.expire();
    const stop = new AbortController();
    await expect(
      events.watch('default', resourceVersion, () => {}, stop.signal),
    ).rejects.toMatchObject({ statusCode: 401 });
    // the next watch renews first, then follows until stopped
    const following = events.watch(
      'default',
      resourceVersion,
      () => {},
      stop.signal,
    );
    await new Promise(r => setTimeout(r, 300));
    stop.abort();
    await expect(following).resolves.toBeUndefined();
    expect(credentials.asked).toEqual([false, true, false, true]);
  });
});
