import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { renderMarkdown } from './report';
import type { SizeResult } from './runSize';

jest.setTimeout(300_000);

const root = path.resolve(
  resolvePackagePath('@karpenter-backstage/karpenter-bench'),
  '..',
  '..',
);

// `yarn bench --smoke` as its own process: the Kubernetes plugin loads ESM with dynamic
// import(), which Jest's module VM cannot run.
it('runs `yarn bench --smoke` end to end at a tiny size (yarn bench runs S/M/L)', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/karpenter-bench/src/main.ts',
      '--smoke',
      '--no-frontend',
    ],
    { cwd: root, env: { ...process.env, NODE_ENV: 'production' } },
  );
  const file = stdout.trim().split('\n').pop()!;
  expect(file).toMatch(/bench\/tmp\/\d{4}-\d\d-\d\d\.json$/);
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const result: SizeResult = report.results[0];
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
  expect(
    fs.statSync(path.join(path.dirname(file), 'benchmarks.png')).size,
  ).toBeGreaterThan(1000);
  const markdown = renderMarkdown({ ...report, results: [result] });
  expect(markdown).toContain('| smoke | 3 / 12 / 12 /');
});
