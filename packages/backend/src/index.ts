/*
 * The local portal's backend: the Backstage features a Karpenter platform team needs, plus the
 * Karpenter plugins of this repository.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogFileLocationsModule } from './modules/catalogFileLocations';
import { karpenterCatalogClustersModule } from './modules/karpenterCatalogClusters';
import { karpenterTokenFileAuthModule } from './modules/karpenterTokenFileAuth';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for local development
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog (+ templates as entities, + logging of processing errors)
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(catalogFileLocationsModule);

// permissions: allow-all policy for local development
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// scaffolder + the Karpenter actions
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@karpenter-backstage/plugin-scaffolder-backend-module-karpenter'),
);

// TechDocs (local builder + publisher)
backend.add(import('@backstage/plugin-techdocs-backend'));

// search (in-memory Lunr engine) over the catalog and TechDocs
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// events bus (lets the catalog subscribe to events in-process)
backend.add(import('@backstage/plugin-events-backend'));

// Karpenter
backend.add(import('@karpenter-backstage/plugin-karpenter-backend'));
// example modules of the Karpenter extension points (docs/extending.md): clusters from catalog
// `kubernetes-cluster` Resources (only with karpenter.catalogClusters.enabled), and the
// `tokenFile` auth strategy (only used by clusters with authProvider: tokenFile)
backend.add(karpenterCatalogClustersModule);
backend.add(karpenterTokenFileAuthModule);

backend.start();
