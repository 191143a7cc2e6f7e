import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  createBackendPlugin,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleKarpenter } from './module';
import { createKarpenterActions } from './actions';
import { makeTempDir, runAction } from './__testUtils__/mockActionContext';

function fakeScaffolder(registered: TemplateAction<any, any, any>[]) {
  return createBackendPlugin({
    pluginId: 'scaffolder',
    register(env) {
      env.registerExtensionPoint(scaffolderActionsExtensionPoint, {
        addActions: (...actions: TemplateAction<any, any, any>[]) => {
          registered.push(...actions);
        },
      });
      env.registerInit({
        deps: { logger: coreServices.logger },
        async init() {},
      });
    },
  });
}

describe('scaffolderModuleKarpenter', () => {
  it('registers its actions through the scaffolder extension point', async () => {
    const registered: TemplateAction<any, any, any>[] = [];
    await startTestBackend({
      features: [fakeScaffolder(registered), scaffolderModuleKarpenter],
    });
    expect(registered.map(a => a.id).sort()).toEqual(
      createKarpenterActions()
        .map(a => a.id)
        .sort(),
    );
    expect(registered.map(a => a.id).sort()).toEqual([
      'karpenter:nodepools:change',
      'karpenter:nodepools:render',
      'karpenter:terraform:render',
      'karpenter:values:render',
    ]);
  });

  it('uses karpenter.scaffolder.defaultModuleSource from app-config', async () => {
    const registered: TemplateAction<any, any, any>[] = [];
    const source =
      'git::https://git.example.com/platform/k.git//karpenter?ref=v2';
    await startTestBackend({
      features: [
        fakeScaffolder(registered),
        scaffolderModuleKarpenter,
        mockServices.rootConfig.factory({
          data: { karpenter: { scaffolder: { defaultModuleSource: source } } },
        }),
      ],
    });
    const terraform = registered.find(
      a => a.id === 'karpenter:terraform:render',
    )!;
    const tmp = await makeTempDir();
    try {
      const outputs = await runAction(
        terraform,
        { clusterName: 'demo', awsRegion: 'us-east-1' },
        tmp.dir,
      );
      expect(outputs.moduleSource).toBe(source);
    } finally {
      await tmp.cleanup();
    }
  });

  it('refuses to start with an unsafe default module source', async () => {
    await expect(
      startTestBackend({
        features: [
          fakeScaffolder([]),
          scaffolderModuleKarpenter,
          mockServices.rootConfig.factory({
            data: {
              karpenter: { scaffolder: { defaultModuleSource: 'x" ${y}' } },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/karpenter\.scaffolder\.defaultModuleSource/);
  });
});
