import fs from 'node:fs';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Browser, chromium, Locator, Page } from 'playwright-core';

/** Where screenshots go (git-ignored). @public */
export const ARTIFACTS_DIR = path.resolve(
  resolvePackagePath('@karpenter-backstage/e2e-tests'),
  '..',
  '..',
  'e2e-artifacts',
);

/**
 * The portal under test, e.g. `http://localhost:7007` (frontend served by the backend). Unset
 * outside `scripts/test.sh`'s browser phase: the e2e suites then skip.
 *
 * @public
 */
export const portalUrl = process.env.KARPENTER_E2E_PORTAL_URL;

function pickDescribe(): jest.Describe {
  if (typeof describe === 'undefined')
    return undefined as unknown as jest.Describe;
  return portalUrl ? describe : describe.skip;
}
/**
 * `describe` that only runs when a portal is up (undefined outside Jest, so that tools such as
 * `yarn bench` can import the browser helpers). @public
 */
export const describeWithPortal: jest.Describe = pickDescribe();

/** Debian's Chromium, headless, without background networking (the machine has no internet). @public */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Opens the portal (default: the one under test) and enters as guest. @public */
export async function signInAsGuest(
  browser: Browser,
  url: string | undefined = portalUrl,
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: 1280, height: 800 },
  });
  page.on('dialog', dialog => dialog.accept());
  await page.goto(`${url}/`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByText('Catalog').first().waitFor();
  return page;
}

/** Saves a full-page screenshot under e2e-artifacts/. @public */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits for an element and asserts it is visible. @public */
export async function expectVisible(
  locator: Locator,
  timeout = 30_000,
): Promise<void> {
  await locator.waitFor({ timeout });
  expect(await locator.isVisible()).toBe(true);
}

/**
 * Waits until one of some elements is visible and returns its key; on timeout fails with what
 * the page shows (its main text, trimmed) and a screenshot `<name>-timeout.png`, so a failure
 * in CI says which state the page was stuck in.
 *
 * @public
 */
export async function waitForOneOf<K extends string>(
  page: Page,
  name: string,
  candidates: Record<K, Locator>,
  timeout = 60_000,
): Promise<K> {
  const keys = Object.keys(candidates) as K[];
  try {
    return await Promise.any(
      keys.map(key =>
        candidates[key]
          .first()
          .waitFor({ timeout })
          .then(() => key),
      ),
    );
  } catch {
    await screenshot(page, `${name}-timeout`).catch(() => undefined);
    const text = await page
      .locator('main')
      .first()
      .innerText({ timeout: 5_000 })
      .catch(() => '(no main element)');
    throw new Error(
      `${name}: none of ${keys.join(
        ', ',
      )} appeared within ${timeout} ms; the page at ${page.url()} shows:\n${text.slice(
        0,
        2000,
      )}`,
    );
  }
}
