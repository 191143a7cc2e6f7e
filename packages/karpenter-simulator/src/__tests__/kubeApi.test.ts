import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Watch,
} from '@kubernetes/client-node';
import { Simulator } from '../Simulator';

function kubeConfig(url: string, token?: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'sim', server: url, skipTLSVerify: true }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'u' }],
    currentContext: 'sim',
  });
  return kc;
}

describe('the simulated Kubernetes API with the real @kubernetes/client-node', () => {
  let sim: Simulator;
  let kc: KubeConfig;

  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 50 });
    await sim.start();
    kc = kubeConfig(sim.clusters.find(c => c.name === 'demo')!.url);
  });
  afterEach(() => sim.stop());

  it('lists Karpenter custom objects shaped like Karpenter v1 writes them', async () => {
    const api = kc.makeApiClient(CustomObjectsApi);
    const pools: any = await api.listClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodepools',
    });
    expect(pools.items.map((p: any) => p.metadata.name).sort()).toEqual([
      'arm64',
      'batch',
      'critical',
      'general',
    ]);
    const general = pools.items.find((p: any) => p.metadata.name === 'general');
    expect(general.status.resources.nodes).toBe('16');
    expect(
      general.status.conditions.map((c: any) => `${c.type}=${c.status}`).sort(),
    ).toEqual([
      'NodeClassReady=True',
      'NodeRegistrationHealthy=True',
      'Ready=True',
      'ValidationSucceeded=True',
    ]);
    const batch = pools.items.find((p: any) => p.metadata.name === 'batch');
    expect(
      Number(batch.status.resources.cpu) / Number(batch.spec.limits.cpu),
    ).toBeGreaterThanOrEqual(0.9);
    const classes: any = await api.listClusterCustomObject({
      group: 'karpenter.k8s.aws',
      version: 'v1',
      plural: 'ec2nodeclasses',
    });
    expect(classes.items[0].status.subnets).toHaveLength(3);
    expect(
      classes.items[0].status.conditions.find((c: any) => c.type === 'Ready')
        .status,
    ).toBe('True');
  });

  it('pages with limit/continue over a consistent snapshot and filters with selectors', async () => {
    const api = kc.makeApiClient(CustomObjectsApi);
    const names: string[] = [];
    let cont: string | undefined;
    do {
      const page: any = await api.listClusterCustomObject({
        group: 'karpenter.sh',
        version: 'v1',
        plural: 'nodeclaims',
        limit: 7,
        _continue: cont,
      });
      names.push(...page.items.map((i: any) => i.metadata.name));
      cont = page.metadata._continue ?? page.metadata.continue;
    } while (cont);
    expect(names).toHaveLength(39);
    expect(new Set(names).size).toBe(39);

    const core = kc.makeApiClient(CoreV1Api);
    const spotNodes = await core.listNode({
      labelSelector:
        'karpenter.sh/nodepool=general,karpenter.sh/capacity-type in (spot)',
    });
    expect(spotNodes.items).toHaveLength(10);
    const node = spotNodes.items[0].metadata!.name!;
    const podsOnNode = await core.listPodForAllNamespaces({
      fieldSelector: `spec.nodeName=${node}`,
    });
    expect(podsOnNode.items.every(p => p.spec?.nodeName === node)).toBe(true);
    const checkout = await core.listNamespacedPod({
      namespace: 'shop',
      labelSelector: 'backstage.io/kubernetes-id=checkout',
    });
    expect(checkout.items).toHaveLength(6);
    await expect(
      core.listNode({ labelSelector: 'a in (b' }),
    ).rejects.toMatchObject({ code: 400 });
  });

  it('keeps a continue token valid for every client that holds it (concurrent listers)', async () => {
    const api = kc.makeApiClient(CustomObjectsApi);
    const first = () =>
      api.listClusterCustomObject({
        group: 'karpenter.sh',
        version: 'v1',
        plural: 'nodeclaims',
        limit: 10,
      }) as Promise<any>;
    const [a, b] = await Promise.all([first(), first()]);
    const token = a.metadata.continue ?? a.metadata._continue;
    expect(token).toBe(b.metadata.continue ?? b.metadata._continue);
    const next = () =>
      api.listClusterCustomObject({
        group: 'karpenter.sh',
        version: 'v1',
        plural: 'nodeclaims',
        limit: 10,
        _continue: token,
      }) as Promise<any>;
    const pages = await Promise.all([next(), next()]);
    expect(pages.map(p => p.items.length)).toEqual([10, 10]);
    await expect(
      api.listClusterCustomObject({
        group: 'karpenter.sh',
        version: 'v1',
        plural: 'nodeclaims',
        _continue: Buffer.from('{"rv":1,"offset":3}').toString('base64url'),
      }),
    ).rejects.toMatchObject({ code: 410 });
  });

  it('serves events of cluster-scoped objects in namespace default, filterable by field', async () => {
    const [claim] = sim.interrupt({ cluster: 'demo', nodePool: 'general' });
    const core = kc.makeApiClient(CoreV1Api);
    const events = await core.listNamespacedEvent({
      namespace: 'default',
      fieldSelector: `involvedObject.kind=NodeClaim,involvedObject.name=${claim},reason=SpotInterrupted`,
    });
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({
      type: 'Warning',
      count: 1,
      source: { component: 'karpenter' },
      involvedObject: { kind: 'NodeClaim', name: claim },
    });
  });

  it('watches from a resourceVersion, sends bookmarks and answers 410 for an expired one', async () => {
    const api = kc.makeApiClient(CustomObjectsApi);
    const list: any = await api.listClusterCustomObject({
      group: 'karpenter.sh',
      version: 'v1',
      plural: 'nodeclaims',
    });
    const seen: string[] = [];
    const watch = new Watch(kc);
    const done = new Promise<void>(resolve => {
      void watch
        .watch(
          '/apis/karpenter.sh/v1/nodeclaims',
          {
            resourceVersion: list.metadata.resourceVersion,
            allowWatchBookmarks: true,
          },
          (type, obj) => {
            seen.push(`${type}:${obj?.metadata?.name ?? ''}`);
            if (
              seen.some(s => s.startsWith('BOOKMARK')) &&
              seen.some(s => s.startsWith('DELETED'))
            )
              resolve();
          },
          () => undefined,
        )
        .then(controller => done.finally(() => controller.abort()));
    });
    const [claim] = sim.interrupt({ cluster: 'demo', nodePool: 'general' });
    await sim.advance(60_000);
    await done;
    expect(seen).toContain(`DELETED:${claim}`);
    expect(
      seen.filter(s => s.startsWith('ADDED:general-')).length,
    ).toBeGreaterThanOrEqual(1);

    sim.runtime('demo').store.compact('nodeclaims');
    const errors: any[] = [];
    await new Promise<void>(resolve => {
      void watch.watch(
        '/apis/karpenter.sh/v1/nodeclaims',
        { resourceVersion: list.metadata.resourceVersion },
        (type, obj) => {
          if (type === 'ERROR') errors.push(obj);
        },
        () => resolve(),
      );
    });
    expect(errors[0]).toMatchObject({
      kind: 'Status',
      code: 410,
      reason: 'Expired',
    });
  });

  it('also serves events.k8s.io/v1', async () => {
    const res = await fetch(
      `${sim.clusters[0].url}/apis/events.k8s.io/v1/namespaces/default/events?limit=1`,
    );
    const body = await res.json();
    expect(body.kind).toBe('EventList');
    expect(body.items[0]).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      regarding: { kind: 'NodeClaim' },
      reportingController: 'karpenter',
    });
  });
});

describe('auth and faults', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'faults' });
    await sim.start();
  });
  afterEach(() => sim.stop());

  it('answers 401 without the token and 403 for forbidden resources', async () => {
    const secured = sim.clusters.find(c => c.name === 'secured')!;
    const anonymous = kubeConfig(secured.url).makeApiClient(CoreV1Api);
    await expect(anonymous.listNode()).rejects.toMatchObject({ code: 401 });
    const withToken = kubeConfig(secured.url, secured.token).makeApiClient(
      CoreV1Api,
    );
    expect((await withToken.listNode()).items).toHaveLength(3);
    await expect(withToken.listPodForAllNamespaces()).rejects.toMatchObject({
      code: 403,
    });
  });

  it('injects status codes, malformed JSON and delays per resource, once or until cleared', async () => {
    const broken = sim.clusters.find(c => c.name === 'broken')!;
    const api = kubeConfig(broken.url).makeApiClient(CoreV1Api);
    sim.injectFault({
      cluster: 'broken',
      resource: 'nodes',
      status: 500,
      once: true,
    });
    await expect(api.listNode()).rejects.toMatchObject({ code: 500 });
    expect((await api.listNode()).items).toHaveLength(2);
    sim.injectFault({
      cluster: 'broken',
      resource: 'nodes',
      malformedJson: true,
    });
    await expect(api.listNode()).rejects.toThrow();
    sim.clearFaults();
    sim.injectFault({ cluster: 'broken', resource: 'nodes', delayMs: 200 });
    const started = Date.now();
    await api.listNode();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('reports a NodeClass whose subnet selector matches nothing and a NodePool whose nodes do not register', () => {
    const c = sim.cluster('broken');
    const nc = c.get('EC2NodeClass', 'default');
    expect(nc.status.subnets).toEqual([]);
    expect(
      nc.status.conditions.find((x: any) => x.type === 'SubnetsReady'),
    ).toMatchObject({ status: 'False', reason: 'SubnetsNotFound' });
    const flaky = c.get('NodePool', 'flaky');
    expect(
      flaky.status.conditions.find(
        (x: any) => x.type === 'NodeRegistrationHealthy',
      ).status,
    ).toBe('False');
    expect(
      flaky.status.conditions.find((x: any) => x.type === 'Ready').status,
    ).toBe('False');
  });
});
