import {
  launchBrowser,
  screenshot,
  signInAsGuest,
  waitForOneOf,
} from '@karpenter-backstage/e2e-tests';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {
  createClusterRepository,
  loadChangeTemplate,
} from '../__testUtils__/changeTemplate';
import { makeTempDir } from '../__testUtils__/mockActionContext';
import { TWO_POOL_VALUES } from '../__testUtils__/template';

import {
  backend,
  describeWithPortal,
  guestToken,
  portalApi,
  until,
} from './portal';
/**
 * Day two, end to end on the running portal: a cluster repository (made by the create template)
 * served over plain HTTP on loopback (allowed by `backend.reading.allow` in app-config.e2e.yaml),
 * its catalog-info.yaml registered in the catalog, the change template's form opened in Chromium
 * (the KarpenterNodePoolsChange field loads the repository's karpenter-values.yaml through the
 * Karpenter backend), one NodePool edited, and the values the form would submit run through the
 * scaffolder's dry-run API: the output lists the files the pull request would change and what
 * happens to running nodes.
 *
 * Skipped unless KARPENTER_E2E_BACKEND_URL is set (scripts/test.sh sets it).
 */

/** The loopback host the e2e config lets the backend read (app-config.e2e.yaml). */
const REPO_PORT = 17180;
const CLUSTER = 'day-two';
const REPO_PATH = `/acme/${CLUSTER}/raw/main`;

jest.setTimeout(300_000);

/** Serves the files of `dir` under REPO_PATH (a raw file host, as a git forge serves raw files). */
function serveRepository(dir: string) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = url.pathname.startsWith(`${REPO_PATH}/`)
      ? path.join(dir, url.pathname.slice(REPO_PATH.length + 1))
      : undefined;
    if (!file || !file.startsWith(dir) || !fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(fs.readFileSync(file));
  });
  return new Promise<http.Server>(resolve =>
    server.listen(REPO_PORT, '127.0.0.1', () => resolve(server)),
  );
}

describeWithPortal(
  'day two: change NodePools from the portal as a pull request',
  () => {
    let token: string;
    let repo: { dir: string; cleanup: () => Promise<void> };
    let server: http.Server;
    const api = portalApi(() => token);

    beforeAll(async () => {
      token = await guestToken();
      repo = await makeTempDir('karpenter-day-two-');
      await createClusterRepository(repo.dir, {
        ...TWO_POOL_VALUES,
        clusterName: CLUSTER,
        repoUrl: `github.com?owner=acme&repo=${CLUSTER}`,
      });
      server = await serveRepository(repo.dir);
      const location = await api('/api/catalog/locations', {
        method: 'POST',
        body: JSON.stringify({
          type: 'url',
          target: `http://127.0.0.1:${REPO_PORT}${REPO_PATH}/catalog-info.yaml`,
        }),
      });
      if (![201, 409].includes(location.status)) {
        throw new Error(`registering the location: ${location.status}`);
      }
      await until('the cluster entity in the catalog', async () => {
        const entity = await api(
          `/api/catalog/entities/by-name/resource/default/${CLUSTER}`,
        );
        return entity.status === 200 ? entity.body : undefined;
      });
    });
    afterAll(async () => {
      server?.close();
      await repo?.cleanup();
    });

    it('the backend reads the repository values through the URL reader', async () => {
      const res = await api(
        `/api/karpenter/v1/entities/default/resource/${CLUSTER}/values`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        entityRef: `resource:default/${CLUSTER}`,
        clusterName: CLUSTER,
        valuesUrl: `http://127.0.0.1:${REPO_PORT}${REPO_PATH}/karpenter-values.yaml`,
        repoUrl: `github.com?owner=acme&repo=${CLUSTER}`,
      });
      expect(
        res.body.values.nodePools.map((p: { name: string }) => p.name),
      ).toEqual(['general', 'batch']);
    });

    it('the form loads the values, the NodePool is edited, and the dry run shows the pull request', async () => {
      const browser = await launchBrowser();
      let submitted: Record<string, any> | undefined;
      try {
        const page = await signInAsGuest(browser);
        // the values the form submits: the task request is captured (no real run: it would open a
        // pull request on GitHub) and the same values go through the dry-run API below
        await page.route('**/api/scaffolder/v2/tasks', async route => {
          if (route.request().method() !== 'POST') return route.continue();
          submitted = route.request().postDataJSON().values;
          return route.fulfill({
            status: 201,
            contentType: 'application/json',
            body: JSON.stringify({ id: 'captured-by-the-test' }),
          });
        });
        const formData = encodeURIComponent(
          JSON.stringify({
            cluster: `resource:default/${CLUSTER}`,
            nodePool: 'batch',
          }),
        );
        await page.goto(
          `${backend}/create/templates/default/karpenter-nodepools-change?formData=${formData}`,
        );
        // page 1 is ready when the picker shows the cluster of the query (clicking Next before
        // the form has its data would stay on page 1 with a validation error)
        await page
          .locator(
            `input[value="resource:default/${CLUSTER}"], input[value="${CLUSTER}"]`,
          )
          .first()
          .waitFor({ timeout: 60_000 })
          .catch(() => undefined);
        let shown = 'none';
        for (let attempt = 1; attempt <= 2 && shown !== 'editor'; attempt++) {
          await page.getByRole('button', { name: 'Next' }).click();
          shown = await waitForOneOf(page, 'day-two-page-2', {
            editor: page.getByText('Changing NodePool'),
            loadError: page.getByTestId('nodepools-change-error'),
            stillOnPage1: page.getByRole('button', { name: 'Next' }),
          });
          if (shown === 'loadError') break;
          if (shown === 'stillOnPage1')
            shown = await waitForOneOf(page, 'day-two-page-2', {
              editor: page.getByText('Changing NodePool'),
            }).catch(() => 'stillOnPage1');
        }
        if (shown !== 'editor')
          throw new Error(
            `page 2 shows ${shown}: ${await page
              .locator('main')
              .first()
              .innerText()}`,
          );
        const limit = page.locator('input[id$="nodePools_1_limits_cpu"]');
        await limit.waitFor({ timeout: 30_000 });
        expect(await limit.inputValue()).toBe('800');
        await limit.fill('1200');
        await screenshot(page, 'day-two-form');
        await page.getByRole('button', { name: 'Review' }).click();
        await page.getByRole('button', { name: 'Create' }).click();
        await until('the form to submit', async () => submitted);
      } finally {
        await browser.close();
      }

      expect(submitted!.cluster).toBe(`resource:default/${CLUSTER}`);
      expect(submitted!.change.source.valuesUrl).toBe(
        `http://127.0.0.1:${REPO_PORT}${REPO_PATH}/karpenter-values.yaml`,
      );
      const template = loadChangeTemplate();
      const { status, body } = await api('/api/scaffolder/v2/dry-run', {
        method: 'POST',
        body: JSON.stringify({
          template,
          values: submitted,
          secrets: {},
          directoryContents: [
            {
              path: 'template.yaml',
              base64Content: Buffer.from(JSON.stringify(template)).toString(
                'base64',
              ),
            },
          ],
        }),
      });
      expect([status, status === 200 ? '' : JSON.stringify(body)]).toEqual([
        200,
        '',
      ]);
      const files = body.directoryContents.map((f: { path: string }) => f.path);
      expect(files).toEqual(
        expect.arrayContaining([
          'changes/karpenter-values.yaml',
          'changes/manifests/nodepool-batch.yaml',
        ]),
      );
      expect(
        files.filter((f: string) => f.startsWith('changes/')),
      ).toHaveLength(2);
      const text = body.output.text
        .map(
          (t: { title: string; content: string }) => `${t.title}\n${t.content}`,
        )
        .join('\n');
      expect(text).toContain('What happens to running nodes');
      expect(text).toContain('**batch**: no node is replaced');
      expect(text).toContain(
        'Changed: karpenter-values.yaml, manifests/nodepool-batch.yaml',
      );
      const log = body.log.map((entry: any) => entry.body.message).join('\n');
      expect(log).toContain('Performing dry run of creating pull request');
    });

    it('from the card: "Raise the limit" opens the change form on the demo cluster, starting from its repository', async () => {
      const browser = await launchBrowser();
      try {
        const page = await signInAsGuest(browser);
        await page.goto(`${backend}/catalog/default/resource/demo-cluster`);
        // the demo scenario's batch pool runs at 92 % of its CPU limit (CPU_LIMIT_NEAR)
        await page
          .getByRole('link', { name: 'Raise the limit' })
          .first()
          .click({ timeout: 60_000 });
        await page.waitForURL(
          /\/create\/templates\/default\/karpenter-nodepools-change/,
        );
        const formData = new URL(page.url()).searchParams.get('formData');
        expect(JSON.parse(formData ?? '{}')).toEqual({
          cluster: 'resource:default/demo-cluster',
          nodePool: 'batch',
        });
        // page 1 is ready when the picker shows the cluster of the query (clicking Next before
        // the form has its data would stay on page 1 with a validation error)
        await page
          .locator(
            `input[value="resource:default/${CLUSTER}"], input[value="${CLUSTER}"]`,
          )
          .first()
          .waitFor({ timeout: 60_000 })
          .catch(() => undefined);
        await page.getByRole('button', { name: 'Next' }).click();
        const shown = await waitForOneOf(page, 'day-two-page-2', {
          editor: page.getByText('Changing NodePool'),
          loadError: page.getByTestId('nodepools-change-error'),
          stillOnPage1: page.getByText(/is a required property|must be/),
        });
        expect(shown).toBe('editor');
        // examples/demo-repository/karpenter-values.yaml, served by scripts/run-portal.sh
        const limit = page.locator('input[id$="nodePools_1_limits_cpu"]');
        await limit.waitFor({ timeout: 30_000 });
        expect(await limit.inputValue()).toBe('104');
        await screenshot(page, 'day-two-from-card');
      } finally {
        await browser.close();
      }
    });
  },
);
