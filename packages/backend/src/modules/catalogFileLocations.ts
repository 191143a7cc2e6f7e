import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';

/**
 * Local portal only: lets `POST /api/catalog/locations` register `file` locations when
 * `catalog.allowFileLocationRegistration` is true (the browser tests register the entity they
 * generate from the template this way, as catalog:register registers a repository URL).
 */
export const catalogFileLocationsModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-file-locations',
  register(env) {
    env.registerInit({
      deps: {
        locations: catalogLocationsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ locations, config }) {
        if (
          config.getOptionalBoolean('catalog.allowFileLocationRegistration')
        ) {
          locations.setAllowedLocationTypes(['url', 'file']);
        }
      },
    });
  },
});
