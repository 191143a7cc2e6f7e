import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import permissionBackend from '@backstage/plugin-permission-backend';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/** A policy and each user's ownership entity refs (as the sign-in resolver would give them). */
export interface TestPolicy {
  policy: PermissionPolicy;
  ownership: Record<string, string[]>;
}

const SERVICE_TOKEN_PREFIX = 'mock-service-token:';

/**
 * The mock HTTP auth, except that a token a plugin obtained on behalf of a user authenticates as
 * that user with the plugin as `actor`, as the real auth service does (the mock drops the actor,
 * and the permission backend refuses conditional resource requests of users without one).
 */
const httpAuthWithActor = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): HttpAuthService {
    const inner = mockServices.httpAuth({ pluginId: plugin.getId() });
    return {
      async credentials(req, options) {
        const credentials = await inner.credentials(req, options);
        const token = /^Bearer\s+(\S+)$/i.exec(
          req.headers.authorization ?? '',
        )?.[1];
        if (token?.startsWith(SERVICE_TOKEN_PREFIX)) {
          const { obo }: { obo?: string } = JSON.parse(
            token.slice(SERVICE_TOKEN_PREFIX.length),
          );
          // the user the token acts for, whichever principal types the caller allows
          if (obo)
            return mockCredentials.user(obo, {
              actor: { subject: 'plugin:calling-plugin' },
            }) as typeof credentials;
        }
        return credentials;
      },
      issueUserCookie: (res, options) => inner.issueUserCookie(res, options),
    };
  },
});

/** The permission backend with the policy, and user info that knows each user's groups. */
export function policyFeatures(test: TestPolicy) {
  return [
    httpAuthWithActor,
    permissionBackend,
    createBackendModule({
      pluginId: 'permission',
      moduleId: 'test-policy',
      register(reg) {
        reg.registerInit({
          deps: { policy: policyExtensionPoint },
          async init({ policy }) {
            policy.setPolicy(test.policy);
          },
        });
      },
    }),
    createServiceFactory({
      service: coreServices.userInfo,
      deps: {},
      factory: () => ({
        async getUserInfo(credentials) {
          const principal = credentials.principal as {
            type: string;
            userEntityRef?: string;
          };
          if (principal.type !== 'user' || !principal.userEntityRef)
            throw new InputError('User info is only available for users');
          return {
            userEntityRef: principal.userEntityRef,
            ownershipEntityRefs: [
              principal.userEntityRef,
              ...(test.ownership[principal.userEntityRef] ?? []),
            ],
          };
        },
      }),
    }),
  ];
}
