import {
  checkTwoPoolRepository,
  formErrors,
  loadTemplate,
  templateDirectoryContents,
  TWO_POOL_VALUES,
  withFormDefaults,
} from '../__testUtils__/template';

import { backend, describeWithPortal, guestToken } from './portal';
/**
 * End to end through the running portal: posts templates/karpenter-eks/template.yaml (and its
 * skeleton) with two NodePools to the scaffolder's dry-run API and checks the produced files.
 *
 * Skipped unless KARPENTER_E2E_BACKEND_URL points at a started backend, e.g.
 *   KARPENTER_E2E_BACKEND_URL=http://localhost:7007 \
 *     yarn backstage-cli package test --watchAll=false src/e2e
 * (from plugins/scaffolder-backend-module-karpenter). It signs in as the guest user.
 */

async function dryRun(token: string, values: Record<string, unknown>) {
  const response = await fetch(`${backend}/api/scaffolder/v2/dry-run`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({
      template: loadTemplate(),
      values,
      secrets: {},
      directoryContents: templateDirectoryContents(),
    }),
  });
  return { status: response.status, body: await response.json() };
}

describeWithPortal(
  'dry run of the karpenter-eks template in the running portal',
  () => {
    let token: string;
    beforeAll(async () => {
      token = await guestToken();
    });

    it('has the actions the template uses', async () => {
      const response = await fetch(`${backend}/api/scaffolder/v2/actions`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      const ids: string[] = (await response.json()).map(
        (a: { id: string }) => a.id,
      );
      const used: string[] = loadTemplate().spec.steps.map(
        (s: { action: string }) => s.action,
      );
      // publish:github comes from @backstage/plugin-scaffolder-backend-module-github
      expect(used.filter(id => !ids.includes(id))).toEqual([]);
    });

    it('serves templates/karpenter-eks/template.yaml from the catalog', async () => {
      const response = await fetch(
        `${backend}/api/scaffolder/v2/templates/default/template/karpenter-eks/parameter-schema`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      expect(response.status).toBe(200);
      const schema = await response.json();
      expect(schema.title).toBe('Karpenter on EKS');
      expect(schema.steps.map((step: { title: string }) => step.title)).toEqual(
        ['Cluster', 'Karpenter', 'NodePools', 'Repository'],
      );
    });

    it('renders the repository for two NodePools', async () => {
      const template = loadTemplate();
      const values = withFormDefaults(template, TWO_POOL_VALUES);
      expect(formErrors(template, values)).toEqual([]);
      const { status, body } = await dryRun(token, values);
      expect([status, status === 200 ? '' : JSON.stringify(body)]).toEqual([
        200,
        '',
      ]);
      const files = new Map<string, string>(
        body.directoryContents.map(
          (file: { path: string; base64Content: string }) => [
            file.path,
            Buffer.from(file.base64Content, 'base64').toString('utf8'),
          ],
        ),
      );
      await checkTwoPoolRepository(files);
      const log = body.log.map((entry: any) => entry.body.message).join('\n');
      expect(log).toContain(
        'Rendered NodePools general, batch for cluster demo-cluster (dry run)',
      );
    }, 120_000);

    it('fails the dry run naming the bad NodePool field', async () => {
      const template = loadTemplate();
      const values = withFormDefaults(template, {
        ...TWO_POOL_VALUES,
        nodePools: [{ name: 'general', limits: { cpu: '0' } }],
      });
      const { status, body } = await dryRun(token, values);
      const text = JSON.stringify(body);
      // the task fails: either the request or the step log carries the field error
      expect(status === 200 ? text : `${status} ${text}`).toContain(
        'nodePools[0].limits.cpu: must be a positive quantity',
      );
      const written: string[] =
        status === 200
          ? (body.directoryContents ?? []).map((f: { path: string }) => f.path)
          : [];
      expect(written).not.toContain('manifests/kustomization.yaml');
    }, 120_000);
  },
);
