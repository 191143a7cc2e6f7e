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

describe('ResourceCache credentials and resume', () => {
  it('on a 401 renews the credentials and resumes the watch from its resourceVersion without listing again', async () => {
    const seen: Array<{ search: string; auth?: string }> = [];
    let watches = 0;
    const server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      seen.push({ search: url.search, auth: req.headers.authorization });
      res.setHeader('Content-Type', 'application/json');
      if (url.searchParams.get('watch')) {
        watches++;
        if (req.headers.authorization !== 'Bearer renewed') {
          if (watches === 1) {
            // the first watch works and sends a bookmark, then ends (its timeout)
            res.writeHead(200);
            res.write(
              `${JSON.stringify({
                type: 'BOOKMARK',
                object: { metadata: { resourceVersion: '9' } },
              })}\n`,
            );
            return res.end();
          }
          res.writeHead(401);
          return res.end(
            JSON.stringify({
              kind: 'Status',
              apiVersion: 'v1',
              metadata: {},
              status: 'Failure',
              message: 'Unauthorized',
              reason: 'Unauthorized',
              code: 401,
            }),
          );
        }
        res.writeHead(200);
        res.write(
          `${JSON.stringify({
            type: 'BOOKMARK',
            object: { metadata: { resourceVersion: '9' } },
          })}\n`,
        );
        return undefined; // stays open
      }
      return res.end(
        JSON.stringify({
          kind: 'NodeList',
          metadata: { resourceVersion: '7' },
          items: [node('a')],
        }),
      );
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const renewals: boolean[] = [];
    const source = async (options?: { renew?: boolean }) => {
      renewals.push(!!options?.renew);
      const kc = new KubeConfig();
      kc.loadFromOptions({
        clusters: [
          {
            name: 'c',
            server: `http://127.0.0.1:${
              (server.address() as AddressInfo).port
            }`,
            skipTLSVerify: true,
          },
        ],
        users: [{ name: 'u', token: options?.renew ? 'renewed' : 'old' }],
        contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
        currentContext: 'c',
      });
      return kc;
    };
    const cache = new ResourceCache('c', 'nodes', source, 5_000);
    try {
      cache.start();
      await cache.whenReady();
      for (
        let i = 0;
        i < 100 && !seen.some(s => s.auth === 'Bearer renewed');
        i++
      )
        await new Promise(r => setTimeout(r, 50));
      await new Promise(r => setTimeout(r, 200)); // its bookmark
      const lists = seen.filter(s => !s.search.includes('watch'));
      expect(lists).toHaveLength(1);
      const resumed = seen.find(s => s.auth === 'Bearer renewed')!;
      expect(new URLSearchParams(resumed.search).get('resourceVersion')).toBe(
        '9',
      );
      // one KubeConfig per list and per watch; the one after the 401 renewed
      expect(renewals).toEqual([false, false, false, true]);
      expect(cache.error).toBeUndefined();
      expect(cache.lastSyncedAt).toBeGreaterThan(0);
    } finally {
      cache.stop();
      server.closeAllConnections();
      await new Promise(r => server.close(r));
    }
  });
});
