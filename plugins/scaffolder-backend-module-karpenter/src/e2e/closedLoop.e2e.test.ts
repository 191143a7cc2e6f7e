import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml, stringify } from 'yaml';
import {
  ARTIFACTS_DIR,
  launchBrowser,
  screenshot,
  signInAsGuest,
} from '@karpenter-backstage/e2e-tests';
import {
  formErrors,
  loadTemplate,
  templateDirectoryContents,
  TWO_POOL_VALUES,
  withFormDefaults,
} from '../__testUtils__/template';

import {
  backend,
  describeWithPortal,
  guestToken,
  portalApi,
  until,
} from './portal';
/**
 * The product's promise, end to end on the running portal and its simulated `demo` cluster:
 * render a repository through the scaffolder's dry-run API, `kubectl apply -k` its manifests,
 * register its catalog-info.yaml, watch the NodePools turn healthy in the entity summary, break
 * one EC2NodeClass and watch it turn unhealthy, and screenshot the card.
 *
 * Skipped unless KARPENTER_E2E_BACKEND_URL is set (scripts/test.sh sets it).
 */
const cluster =
  process.env.KARPENTER_E2E_DEMO_CLUSTER_URL ?? 'http://127.0.0.1:17101';
const run = promisify(execFile);

jest.setTimeout(300_000);

const kubectl = (...args: string[]) =>
  run('kubectl', ['--server', cluster, ...args], {
    env: { ...process.env, KUBECONFIG: '/dev/null' },
  });

describeWithPortal('closed loop: template → kubectl apply -k → card', () => {
  let token: string;
  let dir: string;
  const api = portalApi(() => token);

  beforeAll(async () => {
    token = await guestToken();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'karpenter-loop-'));
  });

  afterAll(async () => {
    if (dir && fs.existsSync(path.join(dir, 'manifests'))) {
      await kubectl(
        'delete',
        '-k',
        path.join(dir, 'manifests'),
        '--ignore-not-found',
      ).catch(() => undefined);
    }
  });

  it('renders, applies and shows both NodePools healthy, then unhealthy with the NodeClass reason', async () => {
    const template = loadTemplate();
    const values = withFormDefaults(template, {
      ...TWO_POOL_VALUES,
      clusterName: 'demo',
      nodePools: [
        { name: 'web', preset: 'general' },
        { name: 'jobs', preset: 'batch' },
      ],
      repoUrl: 'github.com?owner=acme&repo=karpenter-demo',
    });
    expect(formErrors(template, values)).toEqual([]);
    const dryRun = await api('/api/scaffolder/v2/dry-run', {
      method: 'POST',
      body: JSON.stringify({
        template,
        values,
        secrets: {},
        directoryContents: templateDirectoryContents(),
      }),
    });
    expect(dryRun.status).toBe(200);
    for (const file of dryRun.body.directoryContents as Array<{
      path: string;
      base64Content: string;
    }>) {
      const target = path.join(dir, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, Buffer.from(file.base64Content, 'base64'));
    }
    const manifests = path.join(dir, 'manifests');
    expect(fs.readdirSync(manifests).sort()).toEqual([
      'ec2nodeclass-jobs.yaml',
      'ec2nodeclass-web.yaml',
      'kustomization.yaml',
      'nodepool-jobs.yaml',
      'nodepool-web.yaml',
    ]);
    const applied = await kubectl('apply', '-k', manifests);
    expect(applied.stdout).toContain('nodepool.karpenter.sh/web created');

    // register the generated entity (as catalog:register would; the e2e portal allows file
    // locations, see app-config.e2e.yaml)
    const entity = parseYaml(
      fs.readFileSync(path.join(dir, 'catalog-info.yaml'), 'utf8'),
    );
    expect(entity.metadata.annotations['karpenter.sh/cluster']).toBe('demo');
    const registered = path.join(
      ARTIFACTS_DIR,
      'closed-loop',
      'catalog-info.yaml',
    );
    fs.mkdirSync(path.dirname(registered), { recursive: true });
    fs.copyFileSync(path.join(dir, 'catalog-info.yaml'), registered);
    const location = await api('/api/catalog/locations', {
      method: 'POST',
      body: JSON.stringify({ type: 'file', target: registered }),
    });
    expect([201, 409]).toContain(location.status);
    await until('the generated entity in the catalog', async () =>
      (
        await api(
          `/api/catalog/entities/by-name/resource/default/${entity.metadata.name}`,
        )
      ).status === 200
        ? true
        : undefined,
    );
    const summaryPath = `/api/karpenter/v1/entities/default/resource/${entity.metadata.name}/summary`;

    const healthy = await until('both NodePools healthy', async () => {
      const { status, body } = await api(summaryPath);
      const pools = body?.clusters?.[0]?.nodePools ?? [];
      return status === 200 &&
        pools.length === 2 &&
        pools.every((p: any) => p.health.status === 'healthy')
        ? body
        : undefined;
    });
    expect(
      healthy.clusters[0].nodePools.map((p: any) => p.name).sort(),
    ).toEqual(['jobs', 'web']);

    // break one: an EC2NodeClass whose subnet selector matches nothing
    const broken = parseYaml(
      fs.readFileSync(path.join(manifests, 'ec2nodeclass-jobs.yaml'), 'utf8'),
    );
    broken.spec.subnetSelectorTerms = [
      { tags: { 'karpenter.sh/discovery': 'nothing-carries-this-tag' } },
    ];
    fs.writeFileSync(path.join(dir, 'broken.yaml'), stringify(broken));
    await kubectl('apply', '-f', path.join(dir, 'broken.yaml'));
    const unhealthy = await until('jobs unhealthy', async () => {
      const { body } = await api(summaryPath);
      const jobs = body?.clusters?.[0]?.nodePools?.find(
        (p: any) => p.name === 'jobs',
      );
      return jobs?.health.status === 'unhealthy' ? jobs : undefined;
    });
    expect(unhealthy.health.reasons[0].code).toBe('NODECLASS_NOT_READY');
    expect(unhealthy.health.reasons[0].message).toContain('SubnetsReady=False');

    const browser = await launchBrowser();
    try {
      const page = await signInAsGuest(browser);
      await page.goto(
        `${backend}/catalog/default/resource/${entity.metadata.name}`,
      );
      await page
        .getByTestId('nodepool-jobs')
        .getByText('Unhealthy')
        .waitFor({ timeout: 60_000 });
      const file = await screenshot(page, 'closed-loop-card');
      expect(fs.existsSync(file)).toBe(true);
      fs.copyFileSync(
        file,
        path.join(
          ARTIFACTS_DIR,
          '..',
          'docs',
          'images',
          'closed-loop-card.png',
        ),
      );
    } finally {
      await browser.close();
    }
  });
});
