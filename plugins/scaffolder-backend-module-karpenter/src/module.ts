import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKarpenterActions } from './actions';
import { readRenderOptions } from './config';

/**
 * Registers the Karpenter actions (`karpenter:terraform:render`, `karpenter:nodepools:render`,
 * `karpenter:values:render`, `karpenter:nodepools:change`) in the scaffolder.
 *
 * @public
 */
export const scaffolderModuleKarpenter = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'karpenter',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ scaffolder, config, logger }) {
        const actions = createKarpenterActions(readRenderOptions(config));
        scaffolder.addActions(...actions);
        logger.info('Registered Karpenter scaffolder actions', {
          actions: actions.map(a => a.id).join(','),
        });
      },
    });
  },
});
