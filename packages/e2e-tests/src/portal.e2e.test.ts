import fs from 'node:fs';
import { Browser, Page } from 'playwright-core';
import {
  describeWithPortal,
  expectVisible,
  launchBrowser,
  portalUrl,
  screenshot,
  signInAsGuest,
} from './browser';

jest.setTimeout(120_000);

/** Entity page tabs are links in the header's navigation list. */
function entityTab(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true });
}

describeWithPortal('the local portal in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await signInAsGuest(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the example components in the catalog', async () => {
    await page.goto(`${portalUrl}/`);
    await page.getByRole('link', { name: 'checkout' }).waitFor();
    await page
      .getByRole('link', { name: 'Karpenter for Backstage' })
      .first()
      .waitFor();
    expect(fs.existsSync(await screenshot(page, 'catalog'))).toBe(true);
  });

  it('lists the example EKS cluster resources', async () => {
    await page.goto(`${portalUrl}/?filters%5Bkind%5D=resource`);
    await page.getByRole('link', { name: /demo \(EKS\)/ }).waitFor();
    await expectVisible(page.getByRole('link', { name: /staging \(EKS\)/ }));
  });

  it('shows the Karpenter tab on the cluster entity page', async () => {
    await page.goto(`${portalUrl}/catalog/default/resource/demo-cluster`);
    const tab = entityTab(page, 'Karpenter');
    await tab.waitFor();
    await screenshot(page, 'entity-overview');
    await tab.click();
    await page.waitForURL(/\/karpenter$/);
    expect(page.url()).toMatch(
      /\/catalog\/default\/resource\/demo-cluster\/karpenter$/,
    );
    await screenshot(page, 'entity-karpenter-tab');
  });

  it('does not show the Karpenter tab for an entity without annotations', async () => {
    await page.goto(
      `${portalUrl}/catalog/default/component/karpenter-backstage`,
    );
    await entityTab(page, 'Overview').waitFor();
    expect(await entityTab(page, 'Karpenter').count()).toBe(0);
  });

  it('lists the Karpenter template on the create page', async () => {
    await page.goto(`${portalUrl}/create`);
    await expectVisible(
      page.getByText('Karpenter on EKS', { exact: true }).first(),
    );
    await expectVisible(page.getByRole('button', { name: /choose/i }).first());
    await screenshot(page, 'create');
  });

  it('renders the plugin set TechDocs', async () => {
    await page.goto(`${portalUrl}/docs/default/component/karpenter-backstage`);
    await expectVisible(
      page.getByRole('heading', { name: 'What is in the box' }),
      90_000,
    );
    await screenshot(page, 'techdocs');
  });
});
