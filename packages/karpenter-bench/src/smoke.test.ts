import { runSize } from './runSize';
import { SMOKE } from './sizes';
import { renderMarkdown } from './report';

jest.setTimeout(120_000);

it('runs the benchmark end to end at a tiny size (yarn bench runs S/M/L)', async () => {
  const result = await runSize(SMOKE, {
    warmRequests: 10,
    throughputSeconds: 1,
  });
  expect(result.objects).toMatchObject({
    nodePools: 3,
    nodeClaims: 12,
    nodes: 12,
  });
  expect(result.warm.errors).toBe(0);
  expect(result.throughput.errors).toBe(0);
  expect(result.throughput.requests).toBeGreaterThan(0);
  expect(result.peer.errors).toBe(0);
  expect(result.floorMs).toBeGreaterThan(0);
  const markdown = renderMarkdown({
    date: '2026-11-24T00:00:00Z',
    node: process.version,
    results: [result],
  });
  expect(markdown).toContain('| smoke | 3 / 12 / 12 /');
});
