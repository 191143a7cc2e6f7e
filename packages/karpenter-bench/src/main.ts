/* yarn bench [--smoke]: the Karpenter backend against the simulator at S/M/L, side by side with
 * the Backstage Kubernetes plugin; writes bench/results/<date>.json and docs/benchmarks.md. */
import fs from 'node:fs';
import path from 'node:path';
import { renderMarkdown } from './report';
import { runSize, SizeResult } from './runSize';
import { SIZES, SMOKE } from './sizes';

async function main() {
  const smoke = process.argv.includes('--smoke');
  const root = path.resolve(__dirname, '..', '..', '..');
  const results: SizeResult[] = [];
  for (const size of smoke ? [SMOKE] : SIZES) {
    process.stderr.write(`[bench] size ${size.name}...\n`);
    const r = await runSize(size, {
      warmRequests: smoke ? 20 : 200,
      throughputSeconds: smoke ? 2 : size.name === 'L' ? 30 : 10,
    });
    process.stderr.write(
      `[bench] ${size.name}: ${JSON.stringify({
        floor: r.floorMs,
        cold: r.coldMs,
        warm: r.warm,
        peer: r.peer,
        rps: r.throughput.rps,
        errors: r.throughput.errors,
      })}\n`,
    );
    results.push(r);
  }
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    smoke,
    results,
  };
  const outDir = path.join(root, smoke ? 'bench/tmp' : 'bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${report.date.slice(0, 10)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  if (!smoke)
    fs.writeFileSync(
      path.join(root, 'docs', 'benchmarks.md'),
      renderMarkdown(report),
    );
  process.stdout.write(`${file}\n`);
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`[bench] ${error?.stack ?? error}\n`);
  process.exit(1);
});
