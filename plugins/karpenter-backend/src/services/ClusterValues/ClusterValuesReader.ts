import {
  BackstageCredentials,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterValues,
  clusterOfClusterEntity,
  KARPENTER_CLUSTER_ANNOTATION,
} from '@karpenter-backstage/plugin-karpenter-common';
import {
  formatFieldErrors,
  KARPENTER_VALUES_FILE,
  parseKarpenterValues,
} from '@karpenter-backstage/karpenter-template';
import { ClusterAccessDecision } from '../ClusterAccess';
import { ClusterRegistry } from '../ClusterRegistry';
import { entityContext } from '../EntitySummaries';
import { repoLocationOf } from './repoLocation';

/**
 * Reads a cluster repository's `karpenter-values.yaml` for the day-two change template.
 *
 * @internal
 */
export interface ClusterValuesService {
  forEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    decision: ClusterAccessDecision,
  ): Promise<ClusterValues>;
}

/**
 * The values of a `kubernetes-cluster` Resource carrying `karpenter.sh/cluster`: the entity read
 * with the caller's credentials (the catalog's permissions apply), a cluster of app-config also
 * checked against `karpenter.cluster.read`, the file read through the URL reader (its allow-list
 * decides what may be read; no URL comes from the request) and validated by the template model.
 * Reader failures are logged with their text; the answer names the file, not the upstream error.
 *
 * @internal
 */
export class ClusterValuesReader implements ClusterValuesService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      registry: ClusterRegistry;
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
      logger: LoggerService;
    },
  ) {}

  async forEntity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
    decision: ClusterAccessDecision,
  ): Promise<ClusterValues> {
    const { catalog, registry, integrations } = this.options;
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `Entity ${ref.kind}:${ref.namespace}/${ref.name} not found`,
      );
    }
    const entityRef = stringifyEntityRef(entity);
    const clusterName = clusterOfClusterEntity(entity);
    if (!clusterName) {
      throw new InputError(
        `${entityRef} is not a Karpenter cluster entity: a Resource of type kubernetes-cluster with the ${KARPENTER_CLUSTER_ANNOTATION} annotation, as the Karpenter template creates`,
      );
    }
    const configured = registry.list().some(c => c.name === clusterName);
    if (configured && !decision.allows(clusterName, entityContext(entity))) {
      throw new NotAllowedError(
        `karpenter.cluster.read is denied for cluster ${clusterName}`,
      );
    }
    const location = repoLocationOf(entity, integrations);
    const text = await this.read(location.valuesUrl, entityRef);
    const parsed = parseKarpenterValues(text);
    if (!parsed.ok) {
      throw new InputError(
        `${KARPENTER_VALUES_FILE} of ${entityRef} is invalid: ${formatFieldErrors(
          parsed.errors,
        ).replace(/\n/g, '; ')}`,
      );
    }
    if (parsed.value.clusterName !== clusterName) {
      throw new InputError(
        `${KARPENTER_VALUES_FILE} of ${entityRef} is for cluster ${parsed.value.clusterName}, but the entity's ${KARPENTER_CLUSTER_ANNOTATION} is ${clusterName}`,
      );
    }
    return {
      entityRef,
      clusterName,
      ...location,
      values: parsed.value as ClusterValues['values'],
    };
  }

  private async read(url: string, entityRef: string): Promise<string> {
    try {
      const response = await this.options.urlReader.readUrl(url);
      return (await response.buffer()).toString('utf8');
    } catch (error) {
      if ((error as Error)?.name === 'NotFoundError') {
        throw new NotFoundError(
          `The repository of ${entityRef} has no ${KARPENTER_VALUES_FILE} (looked at ${url}); it was created before the values file existed, or by hand`,
        );
      }
      this.options.logger.warn(
        `Could not read ${KARPENTER_VALUES_FILE} of ${entityRef} from ${url}`,
        { error: String((error as Error)?.message ?? error) },
      );
      throw new ServiceUnavailableError(
        `Could not read ${KARPENTER_VALUES_FILE} of ${entityRef} from ${url}: the backend's URL reader refused or failed (see the backend log; reading needs an integration for the host or an entry in backend.reading.allow)`,
      );
    }
  }
}
