import { ConfigReader } from '@backstage/config';
import { loadConfig, loadConfigSchema } from '@backstage/config-loader';
// A test of what the app build sends to the browser: it reads the config files (Node only).
// eslint-disable-next-line no-restricted-imports
import path from 'path';

const root = path.resolve(__dirname, '../../..');

// Reading every package's config.d.ts compiles TypeScript: slow on a small machine.
jest.setTimeout(180_000);

/**
 * What the browser receives: the app's config filtered by the config schemas of the app's
 * packages, as `backstage-cli config:print --frontend` and the app build do it.
 */
async function frontendConfig(
  schema: Awaited<ReturnType<typeof loadConfigSchema>>,
  files: string[],
) {
  const { appConfigs } = await loadConfig({
    configRoot: root,
    configTargets: files.map(f => ({ path: path.join(root, f) })),
  });
  return ConfigReader.fromConfigs(
    schema.process(appConfigs, { visibility: ['frontend'] }),
  );
}

describe('the frontend config of the local portal', () => {
  it('carries karpenter.frontend to the browser and no cluster names', async () => {
    const schema = await loadConfigSchema({
      dependencies: [],
      packagePaths: [path.resolve(__dirname, '../package.json')],
    });
    for (const files of [
      ['app-config.yaml'],
      ['app-config.yaml', 'app-config.e2e.yaml'],
    ]) {
      const config = await frontendConfig(schema, files);
      expect(
        config.getOptionalNumber('karpenter.frontend.refreshIntervalSeconds'),
      ).toBe(15);
      expect(config.getOptional('karpenter.clusters')).toBeUndefined();
      expect(config.getOptional('karpenter.health')).toBeUndefined();
    }
  });
});
