import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { ResourceCache } from './ResourceCache';

const node = (name: string) => ({
  metadata: { name, resourceVersion: '7', labels: {} },
  status: {},
});

/** An API server whose first continue token is compacted away before it is used. */
function apiServer() {
  const seen: string[] = [];
  let expireNext = true;
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url.search);
    res.setHeader('Content-Type', 'application/json');
    if (url.searchParams.get('watch')) {
      res.writeHead(200);
      return undefined; // a watch that stays open
    }
    const cont = url.searchParams.get('continue');
    if (cont && expireNext) {
      expireNext = false;
      res.writeHead(410);
      return res.end(
        JSON.stringify({
          kind: 'Status',
          status: 'Failure',
          reason: 'Expired',
          code: 410,
        }),
      );
    }
    const page = cont ? [node('b')] : [node('a')];
    return res.end(
      JSON.stringify({
        kind: 'NodeList',
        metadata: { resourceVersion: '7', continue: cont ? '' : 'page-2' },
        items: page,
      }),
    );
  });
  return { server, seen };
}

describe('ResourceCache', () => {
  let server: Server;
  let seen: string[];
  let cache: ResourceCache | undefined;

  beforeEach(async () => {
    ({ server, seen } = apiServer());
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  });
  afterEach(async () => {
    cache?.stop();
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  });

  it('starts the list over when a continue token answers 410 Expired', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [
        {
          name: 'c',
          server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          skipTLSVerify: true,
        },
      ],
      users: [{ name: 'u' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    cache = new ResourceCache('c', 'nodes', async () => kc, 5_000);
    cache.start();
    await cache.whenReady();
    expect(cache.error).toBeUndefined();
    expect([...cache.items.keys()].sort()).toEqual(['a', 'b']);
    const lists = seen.filter(q => !q.includes('watch'));
    expect(lists).toEqual([
      '?limit=500',
      '?limit=500&continue=page-2',
      '?limit=500',
      '?limit=500&continue=page-2',
    ]);
  });
});
