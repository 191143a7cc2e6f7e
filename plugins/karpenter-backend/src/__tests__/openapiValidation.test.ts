import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import { startKarpenterBackend } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

/** Issue 17: the spec refuses bad parameters; the handler the relations it cannot express. */
describe('the backend validates requests against its OpenAPI spec', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo', bookmarkIntervalMs: 200 });
    await sim.start();
  });
  afterEach(() => sim.stop());

  it('answers 400 naming the parameter, from the spec and from the handler', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    const refused = async (path: string) => {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.name).toBe('InputError');
      return res.body.error.message as string;
    };
    const base = '/v1/clusters/demo';
    expect(await refused(`${base}/interruptions?bucket=2h`)).toBe(
      'bucket: must be equal to one of the allowed values: 5m, 15m, 1h, 6h, 1d',
    );
    expect(await refused(`${base}/nodeclaims?nodePool=bad_name`)).toMatch(
      /^nodePool: must be a comma-separated list of NodePool names/,
    );
    expect(await refused(`${base}/interruptions?from=yesterday`)).toMatch(
      /^from: must be an RFC 3339 date-time/,
    );
    expect(await refused(`${base}/queue?since=2026-12-01`)).toMatch(/^since: /);
    expect(await refused(`${base}/nodeclaims?state=sleeping`)).toMatch(
      /^state: /,
    );
    // what the spec cannot express: the handler's checks
    expect(
      await refused(
        `${base}/interruptions?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z`,
      ),
    ).toBe('from: must be before to');
    expect(
      await refused(
        `${base}/interruptions?from=2026-10-01T00:00:00Z&to=2026-11-02T00:00:01Z`,
      ),
    ).toBe('from: the range may span at most 31 days');
    // valid parameters on an unknown cluster: still 404
    expect((await get('/v1/clusters/nope/nodeclaims?limit=5')).status).toBe(
      404,
    );
    await backend.stop();
  });

  it('answers valid requests as before and serves the spec', async () => {
    const { backend, get } = await startKarpenterBackend(sim);
    const to = Math.floor(Date.now() / 300_000) * 300_000;
    const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    const res = await get(
      `/v1/clusters/demo/interruptions?from=${iso(to - 3_600_000)}&to=${iso(
        to,
      )}&bucket=5m&nodePool=general,%20batch&limit=5&unknown=1`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cluster: 'demo', bucketSeconds: 300 });
    expect(res.body.buckets).toHaveLength(12);
    const claims = await get('/v1/clusters/demo/nodeclaims?limit=3&state=');
    expect(claims.status).toBe(200);
    expect(claims.body.items).toHaveLength(3);
    const spec = await get('/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toBe('3.0.3');
    expect(Object.keys(spec.body.paths)).toContain(
      '/api/karpenter/v1/clusters/{cluster}/nodeclaims',
    );
    await backend.stop();
  });
});
