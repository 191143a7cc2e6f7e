/* yarn bench [--smoke] [--no-frontend] [--no-cost] [--sizes L] [--baseline <results.json>]
 * [--label <text>] [--render bench/results/<date>.json]: the Karpenter backend against the
 * simulator at S/M/L, side by side with the Backstage Kubernetes plugin; writes
 * bench/results/<date>.json and docs/benchmarks.md (with a before/after table against the
 * baseline run, whose `label` — its own `--label` — names what it measured). */
import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import prettier from 'prettier';
import { writeChartPng } from './chart';
import { FrontendResult, runFrontend } from './frontend';
import { renderMarkdown } from './report';
import type { BaselineRun } from './reportRoutes';
import { runSize, SizeResult } from './runSize';
import { SIZES, SMOKE } from './sizes';

/** 30 s of 50 concurrent clients at every size (the measure), 2 s in smoke mode. */
const THROUGHPUT_SECONDS = 30;

/** The value after a flag (`--baseline file`), undefined when the flag is absent. */
function argument(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (!value || value.startsWith('--'))
    throw new Error(`${flag} needs a value`);
  return value;
}

/** `--baseline <results.json>`: the saved run the report compares with. */
function baseline(): BaselineRun | undefined {
  const file = argument('--baseline');
  return file
    ? (JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')) as BaselineRun)
    : undefined;
}

/** `--sizes L` or `--sizes S,L`: only those sizes (the report then has only their rows). */
function sizesArgument(): string[] | undefined {
  const i = process.argv.indexOf('--sizes');
  return i < 0 ? undefined : (process.argv[i + 1] ?? '').split(',');
}

function backendSizes(smoke: boolean, frontendOnly: boolean) {
  if (frontendOnly) return [];
  if (smoke) return [SMOKE];
  const only = sizesArgument();
  const chosen = only ? SIZES.filter(s => only.includes(s.name)) : SIZES;
  if (!chosen.length) throw new Error(`--sizes: no size named ${only}`);
  return chosen;
}

type Report = Parameters<typeof renderMarkdown>[0];

/** docs/benchmarks.md (formatted as the repository's Prettier config wants it) and the chart. */
async function writeDocs(report: Report, root: string) {
  const doc = path.join(root, 'docs', 'benchmarks.md');
  const options = (await prettier.resolveConfig(doc)) ?? {};
  fs.writeFileSync(
    doc,
    prettier.format(renderMarkdown(report), { ...options, filepath: doc }),
  );
  await writeChartPng(
    report.results,
    path.join(root, 'docs', 'images', 'benchmarks.png'),
  );
}

async function main() {
  const smoke = process.argv.includes('--smoke');
  const root = path.resolve(
    resolvePackagePath('@karpenter-backstage/karpenter-bench'),
    '..',
    '..',
  );
  // Read first: a bad baseline file fails the run before it measures.
  const before = baseline();
  // --render <file>: measures nothing; writes the docs again from saved results (after a change
  // of the report's text).
  const render = process.argv.indexOf('--render');
  if (render >= 0) {
    const arg = process.argv[render + 1];
    if (!arg || arg.startsWith('--')) {
      throw new Error(
        '--render needs a results file, e.g. bench/results/2026-12-02.json',
      );
    }
    const file = path.resolve(arg);
    await writeDocs(
      { ...JSON.parse(fs.readFileSync(file, 'utf8')), baseline: before },
      root,
    );
    process.stdout.write(`docs/benchmarks.md from ${file}\n`);
    process.exit(0);
  }
  // --frontend-only: just the browser run at L, written under bench/tmp (for working on the tab).
  const frontendOnly = process.argv.includes('--frontend-only');
  const results: SizeResult[] = [];
  for (const size of backendSizes(smoke, frontendOnly)) {
    process.stderr.write(`[bench] size ${size.name}...\n`);
    const r = await runSize(size, {
      warmRequests: smoke ? 20 : 200,
      throughputSeconds: smoke ? 2 : THROUGHPUT_SECONDS,
      // --no-cost: karpenter.cost.enabled false (to compare with the default run, with cost)
      cost: !process.argv.includes('--no-cost'),
    });
    process.stderr.write(
      `[bench] ${size.name}: ${JSON.stringify({
        floor: r.floorMs,
        cold: r.coldMs,
        warm: r.warm,
        peer: r.peer,
        timeline: r.timeline,
        rps: r.throughput.rps,
        errors: r.throughput.errors,
      })}\n`,
    );
    results.push(r);
  }
  let frontend: FrontendResult | undefined;
  if (!process.argv.includes('--no-frontend')) {
    const largest = (results.at(-1) ?? { size: SIZES[SIZES.length - 1] }).size;
    process.stderr.write(`[bench] frontend at ${largest.name}...\n`);
    frontend = await runFrontend(largest, smoke ? 2 : 5, root);
    process.stderr.write(`[bench] frontend: ${JSON.stringify(frontend)}\n`);
  }
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    smoke,
    label: argument('--label'),
    results,
    frontend,
  };
  if (frontendOnly) {
    process.stdout.write(`${JSON.stringify(frontend, null, 2)}\n`);
    process.exit(0);
  }
  // A smoke run or a run of some sizes only (--sizes) is written under bench/tmp, never to docs/.
  const scratch =
    smoke ||
    sizesArgument() !== undefined ||
    process.argv.includes('--no-cost');
  const outDir = path.join(root, scratch ? 'bench/tmp' : 'bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${report.date.slice(0, 10)}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  if (!scratch) {
    await writeDocs({ ...report, baseline: before }, root);
  } else {
    await writeChartPng(results, path.join(outDir, 'benchmarks.png'));
  }
  process.stdout.write(`${file}\n`);
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`[bench] ${error?.stack ?? error}\n`);
  process.exit(1);
});
