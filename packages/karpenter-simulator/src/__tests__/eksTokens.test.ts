import { checkEksToken } from '../k8s/eksTokens';
import { startControlServer } from '../control';
import { Simulator } from '../Simulator';

/** `20060102T150405Z` of a time. */
const amzDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * A token shaped as `aws eks get-token` makes it (kubernetes-sigs/aws-iam-authenticator
 * pkg/token/token.go GetWithSTS): `k8s-aws-v1.` + base64url of a presigned STS URL. The signature
 * is not checked by the simulator (STS does that upstream), so a test can build one.
 */
function eksToken(
  signedAtMs: number,
  overrides: Record<string, string> = {},
): string {
  const query = new URLSearchParams({
    Action: 'GetCallerIdentity',
    Version: '2011-06-15',
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': 'AKIDEXAMPLE/20261202/eu-west-1/sts/aws4_request',
    'X-Amz-Date': amzDate(signedAtMs),
    'X-Amz-Expires': '60',
    'X-Amz-SignedHeaders': 'host;x-k8s-aws-id',
    'X-Amz-Signature': 'f'.repeat(64),
    ...overrides,
  });
  const url = `https://sts.eu-west-1.amazonaws.com/?${query}`;
  return `k8s-aws-v1.${Buffer.from(url).toString('base64url')}`;
}

describe('checkEksToken (the checks of aws-iam-authenticator pkg/token/token.go Verify)', () => {
  const now = Date.parse('2026-12-02T12:00:00Z');
  const policy = { lifetimeSeconds: 900 };

  it('accepts a token until its lifetime after X-Amz-Date, and refuses it after', () => {
    expect(checkEksToken(eksToken(now), policy, now + 899_000)).toEqual({
      valid: true,
      expiresAtMs: now + 900_000,
    });
    expect(checkEksToken(eksToken(now), policy, now + 901_000)).toMatchObject({
      valid: false,
      reason: 'X-Amz-Date parameter is expired',
    });
  });

  it.each([
    ['a bare token', 'not-a-token'],
    [
      'an unsigned cluster header',
      eksToken(now, { 'X-Amz-SignedHeaders': 'host' }),
    ],
    ['another action', eksToken(now, { Action: 'AssumeRole' })],
    ['X-Amz-Expires over 900', eksToken(now, { 'X-Amz-Expires': '901' })],
    ['an unknown parameter', eksToken(now, { Extra: '1' })],
    [
      'a host other than STS',
      `k8s-aws-v1.${Buffer.from(
        'https://evil.example.com/?Action=GetCallerIdentity',
      ).toString('base64url')}`,
    ],
  ])('refuses %s', (_what, token) => {
    expect(checkEksToken(token, policy, now).valid).toBe(false);
  });
});

describe('a simulated cluster requiring EKS tokens', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 100 });
    await sim.start();
  });
  afterEach(() => sim.stop());

  const url = () => sim.clusters.find(c => c.name === 'demo')!.url;
  const list = (token: string) =>
    fetch(`${url()}/apis/karpenter.sh/v1/nodepools`, {
      headers: { Authorization: `Bearer ${token}` },
    });

  it('answers 401 with the Status kube-apiserver writes once the token is older than its lifetime', async () => {
    // X-Amz-Date has whole seconds: a token signed now may already be up to 1 s old, so the
    // lifetime leaves room for a loaded CI machine
    sim.setEksTokens('demo', 10);
    expect(sim.clusters.find(c => c.name === 'demo')!.eksTokens).toEqual({
      lifetimeSeconds: 10,
    });
    expect((await list(eksToken(Date.now()))).status).toBe(200);
    const expired = await list(eksToken(Date.now() - 12_000));
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    });
    expect((await list('static-token')).status).toBe(401);
    sim.setEksTokens('demo', undefined);
    expect((await list('anything')).status).toBe(200); // the demo scenario has no auth
  });

  it('checks a watch when it starts: an open watch outlives its token, a new one needs a current token', async () => {
    // X-Amz-Date has whole seconds, so the token expires `lifetime` after the second it was
    // signed in; 4 s leaves the watch's start room on a loaded CI machine (it failed with 1 s)
    const lifetimeSeconds = 4;
    sim.setEksTokens('demo', lifetimeSeconds);
    const signedAt = Date.now();
    const token = eksToken(signedAt);
    const expiresAt =
      Math.floor(signedAt / 1000) * 1000 + lifetimeSeconds * 1000;
    const watch = await fetch(
      `${url()}/apis/karpenter.sh/v1/nodepools?watch=true&allowWatchBookmarks=true`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(watch.status).toBe(200);
    const reader = watch.body!.getReader();
    await new Promise(r =>
      setTimeout(r, Math.max(0, expiresAt - Date.now()) + 300),
    );
    // still streaming bookmarks after the token expired
    let text = '';
    while (!text.includes('BOOKMARK')) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the watch ended: ${text}`);
      text += Buffer.from(value).toString('utf8');
    }
    await reader.cancel();
    const again = await fetch(
      `${url()}/apis/karpenter.sh/v1/nodepools?watch=true&resourceVersion=1`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(again.status).toBe(401);
    await again.body?.cancel();
  }, 15_000);

  it('is switched on and off through the control API', async () => {
    const control = await startControlServer(sim, 0);
    try {
      const post = (body: object) =>
        fetch(`${control.url}/eks-tokens`, {
          method: 'POST',
          body: JSON.stringify(body),
        });
      expect(
        (await post({ cluster: 'demo', lifetimeSeconds: -1 })).status,
      ).toBe(400);
      expect(
        (await post({ cluster: 'demo', lifetimeSeconds: 60 })).status,
      ).toBe(200);
      expect((await list('not-an-eks-token')).status).toBe(401);
      expect((await list(eksToken(Date.now()))).status).toBe(200);
      expect((await post({ cluster: 'demo' })).status).toBe(200);
      expect((await list('not-an-eks-token')).status).toBe(200);
    } finally {
      await control.close();
    }
  });
});
