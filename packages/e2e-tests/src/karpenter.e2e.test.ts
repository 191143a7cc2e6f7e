import fs from 'node:fs';
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  describeWithPortal,
  expectVisible,
  launchBrowser,
  portalUrl,
  screenshot,
  signInAsGuest,
} from './browser';

jest.setTimeout(180_000);

const control =
  process.env.KARPENTER_E2E_SIMULATOR_CONTROL ?? 'http://127.0.0.1:17199';

async function interruptionsOnCard(page: Page): Promise<number> {
  const text = await page.getByTestId('nodepool-general').textContent();
  return Number(text?.match(/(\d+) nodes? interrupted \(24 h\)/)?.[1] ?? NaN);
}

describeWithPortal('the Karpenter card and tab on the demo cluster', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await signInAsGuest(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the demo NodePools with health on the card', async () => {
    await page.goto(`${portalUrl}/catalog/default/resource/demo-cluster`);
    for (const pool of ['general', 'batch', 'critical', 'arm64']) {
      await page.getByTestId(`nodepool-${pool}`).waitFor({ timeout: 60_000 });
    }
    await page.getByTestId('nodepool-batch').getByText('Degraded').waitFor();
    await page
      .getByText(/CPU usage is at 9\d % of the NodePool limit/)
      .first()
      .waitFor();
    const file = await screenshot(page, 'karpenter-card');
    expect(fs.existsSync(file)).toBe(true);
    fs.copyFileSync(
      file,
      path.join(ARTIFACTS_DIR, '..', 'docs', 'images', 'card.png'),
    );
  });

  it('shows an interruption injected in the simulator on its next auto-refresh', async () => {
    const before = await interruptionsOnCard(page);
    const res = await fetch(`${control}/interrupt`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ cluster: 'demo', nodePool: 'general', count: 1 }),
    });
    expect((await res.json()).interrupted).toHaveLength(1);
    // No reload: the card refreshes itself (karpenter.frontend.refreshIntervalSeconds).
    // One interrupted node, whatever the number of events Karpenter records for it
    // (SpotInterrupted and TerminatingOnInterruption on the NodeClaim and on its Node).
    await page.waitForFunction(
      min => {
        const text =
          document.querySelector('[data-testid="nodepool-general"]')
            ?.textContent ?? '';
        return (
          Number(text.match(/(\d+) nodes? interrupted \(24 h\)/)?.[1]) >= min
        );
      },
      before + 1,
      { timeout: 90_000, polling: 1_000 },
    );
    expect(await interruptionsOnCard(page)).toBeGreaterThanOrEqual(before + 1);
  });

  it('shows the tab: NodePools, interruption timeline, NodeClaims and EC2NodeClasses', async () => {
    // from the card's link (the tab's route ref), not a typed URL
    await page.goto(`${portalUrl}/catalog/default/resource/demo-cluster`);
    await page
      .getByRole('link', { name: 'NodePools, NodeClaims and interruptions' })
      .click({ timeout: 60_000 });
    await page.waitForURL(
      /\/catalog\/default\/resource\/demo-cluster\/karpenter$/,
    );
    await page
      .getByRole('table', { name: 'NodePools' })
      .waitFor({ timeout: 60_000 });
    for (const pool of ['general', 'batch', 'critical', 'arm64']) {
      await page.getByTestId(`nodepool-row-${pool}`).waitFor();
    }
    await page.getByTestId('nodepool-row-batch').click();
    await page.getByTestId('nodepool-details-batch').waitFor();
    await page.getByTestId('interruption-chart').waitFor();
    await page.getByRole('table', { name: 'NodeClaims' }).waitFor();
    await expectVisible(page.getByTestId('nodeclass-default'));
    // karpenter.frontend.refreshIntervalSeconds (15 in app-config.yaml) reached the browser:
    // the frontend plugin's configSchema marks it frontend-visible.
    await expectVisible(page.getByText(/refreshes every 15 s/));
    const file = await screenshot(page, 'karpenter-tab');
    fs.copyFileSync(
      file,
      path.join(ARTIFACTS_DIR, '..', 'docs', 'images', 'tab.png'),
    );
  });

  it('shows what the nodes cost: the entity and each NodePool on the card, the column and the breakdown in the tab', async () => {
    // prices from the simulator's Price List API and EC2 (app-config.yaml aws.pricingEndpoint,
    // aws.ec2Endpoint), fetched by the backend's price task
    await page.goto(`${portalUrl}/catalog/default/resource/demo-cluster`);
    const entityCost = page.getByTestId('entity-cost');
    await entityCost
      .getByText(/\$[\d,]+\.\d\d\/h · \d+ % saved by spot/)
      .waitFor({ timeout: 90_000 });
    await page
      .getByTestId('nodepool-batch')
      .getByText(/\$[\d,]+\.\d\d\/h · \d+ % saved by spot/)
      .waitFor();
    // critical runs on-demand only: a price, no spot saving
    const critical = await page.getByTestId('nodepool-critical').innerText();
    expect(critical).toMatch(/\$[\d,]+\.\d\d\/h/);
    expect(critical).not.toMatch(/saved by spot/);
    await page
      .getByRole('link', { name: 'NodePools, NodeClaims and interruptions' })
      .click({ timeout: 60_000 });
    await page
      .getByRole('table', { name: 'NodePools' })
      .getByRole('columnheader', { name: 'Cost' })
      .waitFor({ timeout: 60_000 });
    const breakdown = page.getByRole('table', {
      name: 'Cost by instance type',
    });
    await expectVisible(breakdown.first());
    await expectVisible(
      breakdown.first().getByRole('cell', { name: 'c5.2xlarge' }).first(),
    );
    // the trend: samples every 10 min (the first 10 s after start), or the empty state before
    await expectVisible(page.getByText('Cost trend').first());
  });

  it("says what consolidation saved: a node the simulator replaces by a cheaper one counts at Karpenter's estimate", async () => {
    // ConsolidationCandidate with the savings, the replacement, then the old node's termination
    // once the replacement is initialized (45 s of the simulator's clock, real time in the portal)
    const res = await fetch(`${control}/consolidate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        cluster: 'demo',
        nodePool: 'general',
        decision: 'replace',
      }),
    });
    expect((await res.json()).consolidated).toEqual(expect.any(String));
    await page.goto(
      `${portalUrl}/catalog/default/resource/demo-cluster/karpenter`,
    );
    await page
      .getByTestId('consolidation-savings')
      .getByText(
        /Consolidation in 24 h saved \$[\d,]+\.\d\d\/h: \d+ nodes? \(1 replaced by a cheaper one/,
      )
      .waitFor({ timeout: 120_000 });
  });

  it("explains the demo scenario's limit burst: checkout's waiting pods with NODEPOOL_LIMIT on the card and in the tab", async () => {
    // the demo timeline's step (scenarios/demo.yaml, at 900 s), run now: a burst of checkout pods
    // drives staging/general to its 64-core limit; Karpenter writes FailedScheduling on the rest
    const res = await fetch(`${control}/step`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        at: 0,
        action: 'hitCpuLimit',
        cluster: 'staging',
        nodePool: 'general',
        workload: 'checkout',
      }),
    });
    expect(res.status).toBe(200);
    await page.goto(`${portalUrl}/catalog/default/component/checkout`);
    const line = page
      .getByTestId('cluster-staging')
      .getByTestId('cluster-pending-pods');
    await line
      .getByText(
        /^\d+ pods? waiting · NodePool general (reached|is near) its CPU limit \(\d+\/64 cores\)/,
      )
      .waitFor({ timeout: 120_000 });
    await screenshot(page, 'karpenter-card-waiting-pods');
    await line.getByRole('link').click();
    const panel = page.getByTestId('pending-pods-staging');
    await panel.waitFor({ timeout: 60_000 });
    const limited = panel
      .getByRole('row')
      .filter({ hasText: 'NODEPOOL_LIMIT' })
      .first();
    await expectVisible(limited);
    // Karpenter's own words, folded under the explanation
    await limited.getByText("Karpenter's message").click();
    await expectVisible(
      limited.getByText(
        /all available instance types exceed limits for nodepool \(NodePool=general\)/,
      ),
    );
    await screenshot(page, 'karpenter-tab-waiting-pods');
  });

  it('is readable in the dark theme', async () => {
    await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
    await page.goto(`${portalUrl}/catalog/default/resource/demo-cluster`);
    await page.getByTestId('nodepool-general').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => document.body.dataset.themeMode)).toBe(
      'dark',
    );
    await page.getByTestId('nodepool-batch').getByText('Degraded').waitFor();
    await screenshot(page, 'karpenter-card-dark');
    await page.goto(
      `${portalUrl}/catalog/default/resource/demo-cluster/karpenter`,
    );
    await page.getByTestId('nodepool-row-batch').waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: 'NodeClaims' }).waitFor();
    await screenshot(page, 'karpenter-tab-dark');
    await page.evaluate(() => window.localStorage.setItem('theme', 'light'));
  });
});
