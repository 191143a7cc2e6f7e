import { readFile } from 'node:fs/promises';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  KarpenterAuthStrategy,
  karpenterAuthStrategyExtensionPoint,
} from '@karpenter-backstage/plugin-karpenter-node';

/**
 * Example strategy `tokenFile`: a bearer token read from the file in `authMetadata.tokenFile`
 * (re-read on every connection, so a rotated projected token is picked up) or from the
 * environment variable named in `authMetadata.tokenEnv`.
 */
export const tokenFileStrategy: KarpenterAuthStrategy = {
  async getCredential(cluster) {
    const { tokenFile, tokenEnv } = cluster.authMetadata ?? {};
    const token = tokenFile
      ? (await readFile(tokenFile, 'utf8')).trim()
      : process.env[tokenEnv ?? '']?.trim();
    if (!token)
      throw new Error(
        `No token for cluster ${cluster.name} in ${
          tokenFile ? `file ${tokenFile}` : `environment variable ${tokenEnv}`
        }`,
      );
    return { type: 'bearer token', token };
  },
  validateCluster(cluster) {
    const { tokenFile, tokenEnv } = cluster.authMetadata ?? {};
    if (!tokenFile === !tokenEnv)
      return [
        new Error('set exactly one of authMetadata.tokenFile and tokenEnv'),
      ];
    return [];
  },
};

/** Example module: registers the `tokenFile` auth strategy. */
export const karpenterTokenFileAuthModule = createBackendModule({
  pluginId: 'karpenter',
  moduleId: 'token-file-auth',
  register(env) {
    env.registerInit({
      deps: { auth: karpenterAuthStrategyExtensionPoint },
      async init({ auth }) {
        auth.addAuthStrategy('tokenFile', tokenFileStrategy);
      },
    });
  },
});
