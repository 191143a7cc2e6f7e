/* The browser half of `yarn bench`: the real portal backend serving the built frontend, pointed at
 * a simulated cluster of the given size, opened in Debian's Chromium. Times come from the
 * plugin's User Timing marks (KARPENTER_PERFORMANCE_MARKS). */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, signInAsGuest } from '@karpenter-backstage/e2e-tests';
import { Simulator } from '@karpenter-backstage/karpenter-simulator';
import type { Page } from 'playwright-core';
import { BenchSize, scenarioFor } from './sizes';
import { percentile } from './stats';

/** Mark names, as set by @karpenter-backstage/plugin-karpenter (KARPENTER_PERFORMANCE_MARKS). */
const MARKS = {
  tabMounted: 'karpenter:tab:mounted',
  nodeClaimsRendered: 'karpenter:tab:nodeclaims-rendered',
  cardRendered: 'karpenter:card:rendered',
};

const PORT = 7027;

export interface FrontendResult {
  size: string;
  runs: number;
  /** Click on the entity page's Karpenter tab → first NodeClaims page committed (ms). */
  tabInApp?: { p50: number; max: number };
  /** Tab mounted → NodeClaims committed: the plugin's own share (ms). */
  tabPlugin?: { p50: number; max: number };
  /** Full page load of the tab URL (downloading and starting the whole app) → NodeClaims (ms). */
  tabFullLoad?: { p50: number; max: number };
  /** Full page load of the entity overview → card committed (ms). */
  cardFullLoad?: { p50: number; max: number };
  /** Where the last in-app tab load spent its time: the plugin's requests, relative to the click. */
  requests?: RequestTiming[];
  /** Why the browser run did not happen. */
  skipped?: string;
}

/** One request of the plugin, from the browser's Resource Timing (ms after the click). */
export interface RequestTiming {
  path: string;
  startMs: number;
  durationMs: number;
  bytes: number;
}

const CLICK_MARK = 'bench:click';

const ENTITY_YAML = `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: bench-cluster
  annotations:
    karpenter.sh/cluster: bench
spec:
  type: kubernetes-cluster
  owner: guests
`;

function configYaml(clusterUrl: string, entityFile: string) {
  const base = `http://localhost:${PORT}`;
  return JSON.stringify(
    {
      app: { baseUrl: base },
      backend: {
        baseUrl: base,
        listen: { port: PORT },
        cors: { origin: base },
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      karpenter: {
        clusters: [{ name: 'bench', url: clusterUrl, authProvider: 'none' }],
      },
      catalog: {
        locations: [{ type: 'file', target: entityFile }],
      },
    },
    null,
    2,
  );
}

function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x);
  return { p50: round(percentile(sorted, 50)), max: round(sorted.at(-1)!) };
}

async function markTime(page: Page, name: string, timeout: number) {
  await page.waitForFunction(
    n => performance.getEntriesByName(n).length > 0,
    name,
    { timeout },
  );
  return page.evaluate(n => performance.getEntriesByName(n)[0].startTime, name);
}

async function pluginRequests(
  page: Page,
  since: number,
): Promise<RequestTiming[]> {
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map(e => {
      const r = e as PerformanceResourceTiming;
      return {
        name: r.name,
        start: r.startTime,
        duration: r.duration,
        bytes: r.encodedBodySize,
      };
    }),
  );
  return entries
    .filter(e => e.start >= since && e.name.includes('/api/karpenter/'))
    .map(e => ({
      path: new URL(e.name).pathname.replace(/^.*\/api\/karpenter/, ''),
      startMs: Math.round(e.start - since),
      durationMs: Math.round(e.duration),
      bytes: e.bytes,
    }));
}

async function waitForHealth(url: string, child: ChildProcess, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`portal backend exited (${child.exitCode})`);
    const ok = await fetch(`${url}/api/karpenter/health`)
      .then(r => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`portal backend did not answer within ${ms / 1000} s`);
}

/** Tab and card timings in Chromium for one size (median of `runs`). */
export async function runFrontend(
  size: BenchSize,
  runs: number,
  root: string,
): Promise<FrontendResult> {
  if (!fs.existsSync(path.join(root, 'packages/app/dist/index.html')))
    return {
      size: size.name,
      runs: 0,
      skipped: 'packages/app/dist is missing: run `yarn build:all` first',
    };
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium))
    return { size: size.name, runs: 0, skipped: `${chromium} is missing` };

  const work = path.join(root, 'bench/tmp/frontend');
  fs.mkdirSync(work, { recursive: true });
  const sim = new Simulator({ scenario: scenarioFor(size) });
  await sim.start();
  const entityFile = path.join(work, 'bench-cluster.yaml');
  fs.writeFileSync(entityFile, ENTITY_YAML);
  const configFile = path.join(work, 'app-config.bench.yaml');
  fs.writeFileSync(configFile, configYaml(sim.clusters[0].url, entityFile));
  const log = fs.openSync(path.join(work, 'backend.log'), 'w');
  const child = spawn(
    process.execPath,
    [
      path.join(root, '.yarn/releases/yarn-4.18.1.cjs'),
      'backstage-cli',
      'package',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.e2e.yaml',
      '--config',
      configFile,
    ],
    {
      cwd: path.join(root, 'packages/backend'),
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  const url = `http://localhost:${PORT}`;
  const browser = await launchBrowser();
  try {
    await waitForHealth(url, child, 240_000);
    const page = await signInAsGuest(browser, url);
    const overview = `${url}/catalog/default/resource/bench-cluster`;
    // The catalog ingests the file location shortly after start: retry until the card renders.
    for (let attempt = 0; ; attempt++) {
      await page.goto(overview);
      try {
        await markTime(page, MARKS.cardRendered, 15_000);
        break;
      } catch (error) {
        if (attempt >= 8) throw error;
      }
    }
    // The click's own time is marked in the page (capture phase), not taken around Playwright's
    // click, which adds its actionability checks and a round trip to the measure.
    await page.addInitScript(mark => {
      document.addEventListener('click', () => performance.mark(mark), {
        capture: true,
      });
    }, CLICK_MARK);
    const inApp: number[] = [];
    let requests: RequestTiming[] = [];
    const plugin: number[] = [];
    const fullTab: number[] = [];
    const fullCard: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(overview);
      fullCard.push(await markTime(page, MARKS.cardRendered, 60_000));
      await page.evaluate(m => performance.clearMarks(m), CLICK_MARK);
      // The entity page's tab (a link to …/karpenter; the card links there too).
      await page.locator('a[href$="/bench-cluster/karpenter"]').first().click();
      const rendered = await markTime(page, MARKS.nodeClaimsRendered, 60_000);
      const clicked = await markTime(page, CLICK_MARK, 1_000);
      inApp.push(rendered - clicked);
      requests = await pluginRequests(page, clicked);
      await page.goto(`${overview}/karpenter`);
      const loaded = await markTime(page, MARKS.nodeClaimsRendered, 60_000);
      fullTab.push(loaded);
      plugin.push(loaded - (await markTime(page, MARKS.tabMounted, 1_000)));
    }
    return {
      size: size.name,
      runs,
      tabInApp: summarize(inApp),
      tabPlugin: summarize(plugin),
      tabFullLoad: summarize(fullTab),
      cardFullLoad: summarize(fullCard),
      requests,
    };
  } finally {
    await browser.close();
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    fs.closeSync(log);
    await sim.stop();
  }
}
