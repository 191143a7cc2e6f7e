import {
  BackstageUserPrincipal,
  coreServices,
  createBackendModule,
  createServiceFactory,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionBackend from '@backstage/plugin-permission-backend';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import scaffolderBackend from '@backstage/plugin-scaffolder-backend';
import fs from 'node:fs';
import path from 'node:path';
import { ChangeOwnClustersPolicy } from '../__testUtils__/changeOwnClustersPolicy';
import { scaffolderModuleKarpenter } from '../module';

const DOC = path.resolve(__dirname, '../../../../docs/day-two.md');
const POLICY_FILE = path.resolve(
  __dirname,
  '../__testUtils__/changeOwnClustersPolicy.ts',
);

/** The ```ts block of the doc's "Permissions" section. */
function docPolicy(): string {
  const section = fs
    .readFileSync(DOC, 'utf8')
    .split(/^## /m)
    .find(s => s.startsWith('Permissions\n'));
  const code = section && /^```ts\n([\s\S]*?)^```$/m.exec(section)?.[1];
  if (!code) throw new Error('docs/day-two.md: no ```ts block in Permissions');
  return code.trim();
}

/** Each user's groups (as the sign-in resolver would give them as ownership refs). */
const GROUPS: Record<string, string[]> = {
  'user:default/alice': ['group:default/team-a'],
  'user:default/bob': ['group:default/team-b'],
};

function clusterEntity(name: string, owner: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'karpenter.sh/cluster': name },
    },
    spec: { type: 'kubernetes-cluster', owner },
    // the catalog's stitched relations, which the `relations.ownedBy` filter reads
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

const SERVICE_TOKEN = /^Bearer mock-service-token:(.+)$/;

/**
 * The mock HTTP auth, except that a token a plugin obtained on behalf of a user authenticates as
 * that user with the plugin as `actor`, as the real auth service does: the mock drops the actor,
 * and the permission backend refuses the scaffolder's conditional `scaffolder.action.execute`
 * request (a resource permission without a resourceRef) from a user without one.
 */
const httpAuthWithActor = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): HttpAuthService {
    const inner = mockServices.httpAuth({ pluginId: plugin.getId() });
    return {
      async credentials(req, options) {
        const credentials = await inner.credentials(req, options);
        const token = SERVICE_TOKEN.exec(req.headers.authorization ?? '')?.[1];
        const obo: string | undefined = token && JSON.parse(token).obo;
        if (!obo) return credentials;
        return mockCredentials.user(obo, {
          actor: { subject: 'plugin:scaffolder' },
        }) as typeof credentials;
      },
      issueUserCookie: (res, options) => inner.issueUserCookie(res, options),
    };
  },
});

const userInfoWithGroups = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
      return {
        userEntityRef,
        ownershipEntityRefs: [userEntityRef, ...(GROUPS[userEntityRef] ?? [])],
      };
    },
  }),
});

const changeOwnClustersPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'change-own-clusters',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ policy, catalog, auth }) {
        policy.setPolicy(new ChangeOwnClustersPolicy(catalog, auth));
      },
    });
  },
});

/** A template whose only step is `action` for the cluster of the `clusterName` parameter. */
function template(action: string, input: Record<string, unknown>) {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'change-nodepools', namespace: 'default' },
    spec: {
      owner: 'group:default/team-a',
      type: 'service',
      parameters: [
        {
          properties: { clusterName: { type: 'string' } },
          required: ['clusterName'],
        },
      ],
      steps: [{ id: 'step', name: action, action, input }],
    },
  };
}

const CHANGE = template('karpenter:nodepools:change', {
  clusterName: '${{ parameters.clusterName }}',
  nodePools: [{ name: 'general', preset: 'general', limits: { cpu: '200' } }],
  currentPath: 'current',
});

const LOG = template('debug:log', {
  message: 'cluster ${{ parameters.clusterName }}',
});

interface DryRunResponse {
  status: number;
  /** The error the scaffolder answered with (a failed step fails the whole dry run). */
  error?: { name: string; message: string };
  log?: { body: { message: string } }[];
}

describe('the ChangeOwnClustersPolicy of docs/day-two.md', () => {
  it('is the code of the policy file', () => {
    const code = fs
      .readFileSync(POLICY_FILE, 'utf8')
      .replace(/^\/\/ The example policy of docs\/day-two\.md.*\n/, '');
    expect(code.trim()).toBe(docPolicy());
  });

  describe('in the scaffolder backend with the permission framework', () => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;

    beforeAll(async () => {
      backend = await startTestBackend({
        features: [
          scaffolderBackend,
          scaffolderModuleKarpenter,
          permissionBackend,
          changeOwnClustersPolicyModule,
          httpAuthWithActor,
          userInfoWithGroups,
          catalogServiceMock.factory({
            entities: [
              clusterEntity('prod-eu', 'team-a'),
              clusterEntity('staging-us', 'team-b'),
            ],
          }),
          mockServices.rootConfig.factory({
            data: { permission: { enabled: true } },
          }),
        ],
      });
    }, 60_000);

    afterAll(() => backend?.stop());

    async function dryRun(
      user: string,
      tmpl: object,
      clusterName: string,
    ): Promise<DryRunResponse> {
      const response = await fetch(
        `http://localhost:${backend.server.port()}/api/scaffolder/v2/dry-run`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: mockCredentials.user.header(`user:default/${user}`),
          },
          body: JSON.stringify({
            template: tmpl,
            values: { clusterName },
            secrets: {},
            directoryContents: [],
          }),
        },
      );
      return { status: response.status, ...(await response.json()) };
    }

    const MISSING =
      "current/karpenter-values.yaml is missing: fetch the repository's values first (fetch:plain:file)";
    const DENIED = {
      name: 'NotAllowedError',
      message:
        'Unauthorized action: karpenter:nodepools:change. The action is not allowed.',
    };

    it.each([
      ['alice', 'prod-eu'],
      ['bob', 'staging-us'],
    ])(
      'lets %s change the NodePools of %s, a cluster of their group',
      async (user, cluster) => {
        const { status, error } = await dryRun(user, CHANGE, cluster);
        // past the permission check: the action itself fails, on the missing values file
        expect({ status, error }).toEqual({
          status: 400,
          error: expect.objectContaining({
            name: 'InputError',
            message: MISSING,
          }),
        });
      },
      60_000,
    );

    it.each([
      ['bob', 'prod-eu'],
      ['alice', 'staging-us'],
      ['alice', 'unknown-cluster'],
    ])(
      'denies %s changing the NodePools of %s',
      async (user, cluster) => {
        const { status, error } = await dryRun(user, CHANGE, cluster);
        expect({ status, error }).toEqual({
          status: 403,
          error: expect.objectContaining(DENIED),
        });
      },
      60_000,
    );

    it('allows other actions for any cluster', async () => {
      const { status, error, log } = await dryRun('bob', LOG, 'prod-eu');
      expect({ status, error }).toEqual({ status: 200, error: undefined });
      const messages = log?.map(entry => entry.body.message) ?? [];
      expect(messages).toContain('Finished step debug:log');
      expect(messages.join('\n')).toContain('cluster prod-eu');
    }, 60_000);
  });
});
