import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { configApiRef, useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  CatalogApi,
  catalogApiRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  clusterOfClusterEntity,
  KARPENTER_CLUSTER_ANNOTATION,
  KARPENTER_CLUSTER_ENTITY_TYPE,
} from '@karpenter-backstage/plugin-karpenter-common';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { changeTemplateRouteRef } from '../routes';

/**
 * The template the remediation links open when `karpenter.frontend.changeTemplate` is not configured.
 *
 * @internal
 */
export const DEFAULT_CHANGE_TEMPLATE =
  'template:default/karpenter-nodepools-change';

/**
 * The href of the change template for a cluster (its name, as in the summary) and optionally a
 * NodePool to preselect; `undefined` when no link can be offered.
 *
 * @internal
 */
export type ChangeTemplateLink = (
  cluster: string,
  nodePool?: string,
) => string | undefined;

/**
 * Catalog answers per catalog client, i.e. for the loaded app (until the page is reloaded):
 * every NodePool line of the card and every row of the tab share one request per question.
 * A failed request is forgotten, so the next mount asks again.
 */
interface Lookups {
  /** Template entity ref → whether the catalog has it. */
  templates: Map<string, Promise<boolean>>;
  /** Cluster name → the ref of its only cluster entity (`undefined`: none or several). */
  clusters: Map<string, Promise<string | undefined>>;
}
const lookupsByCatalog = new WeakMap<CatalogApi, Lookups>();

function lookups(catalogApi: CatalogApi): Lookups {
  let found = lookupsByCatalog.get(catalogApi);
  if (!found) {
    found = { templates: new Map(), clusters: new Map() };
    lookupsByCatalog.set(catalogApi, found);
  }
  return found;
}

function once<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  let answer = cache.get(key);
  if (!answer) {
    answer = load();
    cache.set(key, answer);
    answer.catch(() => cache.delete(key));
  }
  return answer;
}

function templateExists(catalogApi: CatalogApi, ref: string): Promise<boolean> {
  return once(lookups(catalogApi).templates, ref, async () =>
    Boolean(await catalogApi.getEntityByRef(ref)),
  );
}

/** The ref of the cluster's entity when the catalog has exactly one. */
function findClusterEntity(
  catalogApi: CatalogApi,
  cluster: string,
): Promise<string | undefined> {
  return once(lookups(catalogApi).clusters, cluster, async () => {
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'Resource',
        'spec.type': KARPENTER_CLUSTER_ENTITY_TYPE,
        [`metadata.annotations.${KARPENTER_CLUSTER_ANNOTATION}`]: cluster,
      },
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
      limit: 2, // a second one is enough to know the answer is ambiguous
    });
    return items.length === 1 ? stringifyEntityRef(items[0]) : undefined;
  });
}

/** The configured template as the scaffolder route's parameters; `undefined` if not a template ref. */
function templateParams(ref: string) {
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'template',
      defaultNamespace: 'default',
    });
    if (parsed.kind.toLocaleLowerCase('en-US') !== 'template') {
      return undefined;
    }
    return {
      ref: stringifyEntityRef(parsed),
      namespace: parsed.namespace,
      templateName: parsed.name,
    };
  } catch {
    return undefined;
  }
}

/** The current entity, when it is a cluster entity (the same test the backend's values route makes). */
function ownClusterEntity(entity: Entity) {
  const cluster = clusterOfClusterEntity(entity);
  return cluster ? { cluster, ref: stringifyEntityRef(entity) } : undefined;
}

interface Answers {
  /** What the answers are for: template ref and cluster names. */
  key: string;
  /** Cluster name → cluster entity ref (only clusters with exactly one entity). */
  refs: Record<string, string | undefined>;
}

/**
 * Links to the "Change Karpenter NodePools" template, prefilled with a cluster entity and a
 * NodePool: what the remediation links of the card and the tab open.
 *
 * A link is offered only when everything needed is known:
 * - the app binds `changeTemplateRouteRef` (optional external route, see routes.ts);
 * - the template of `karpenter.frontend.changeTemplate` (default {@link DEFAULT_CHANGE_TEMPLATE}) is in
 *   the catalog, so portals that did not register it show no dead links;
 * - the cluster has exactly one entity: the current entity when it is a Resource whose
 *   `karpenter.sh/cluster` annotation is the cluster's name and whose `spec.type` is
 *   `kubernetes-cluster` (no catalog request), otherwise the
 *   only `kubernetes-cluster` Resource with that annotation in the catalog (none or several: no
 *   link).
 *
 * The catalog is asked once per template and per cluster for the loaded app.
 *
 * The scaffolder prefills the form from the `formData` query parameter: the `Stepper` of
 * `@backstage/plugin-scaffolder-react` (v3, `next/components/Stepper/Stepper`) starts from
 * `useFormDataFromQuery` (`next/hooks/useFormDataFromQuery`), which reads
 * `JSON.parse(qs.parse(window.location.search).formData)`.
 *
 * @param clusters - the names of the clusters links may be asked for.
 * @internal
 */
export function useChangeTemplateLink(
  clusters: readonly string[],
): ChangeTemplateLink {
  const catalogApi = useApi(catalogApiRef);
  const config = useApi(configApiRef);
  const { entity } = useEntity();
  const route = useRouteRef(changeTemplateRouteRef);
  const configured =
    config.getOptionalString('karpenter.frontend.changeTemplate') ??
    DEFAULT_CHANGE_TEMPLATE;
  const template = useMemo(() => templateParams(configured), [configured]);
  const own = useMemo(() => ownClusterEntity(entity), [entity]);
  const names = clusters.join('\n');
  const key = `${template?.ref}\n${names}`;
  const routed = Boolean(route);
  const [answers, setAnswers] = useState<Answers | undefined>();

  useEffect(() => {
    if (!routed || !template) {
      return undefined;
    }
    let cancelled = false;
    const wanted = names ? names.split('\n') : [];
    const clusterRef = (cluster: string) =>
      own?.cluster === cluster
        ? Promise.resolve(own.ref)
        : findClusterEntity(catalogApi, cluster).catch(() => undefined);
    templateExists(catalogApi, template.ref)
      .then(async exists => {
        // without the template no cluster needs looking up
        const refs = exists ? await Promise.all(wanted.map(clusterRef)) : [];
        return Object.fromEntries(wanted.map((c, i) => [c, refs[i]]));
      })
      .catch(() => ({})) // no catalog answer, no links
      .then(refs => {
        if (!cancelled) setAnswers({ key, refs });
      });
    return () => {
      cancelled = true;
    };
  }, [catalogApi, routed, template, own, names, key]);

  return useCallback(
    (cluster: string, nodePool?: string) => {
      const ref = answers?.key === key ? answers.refs[cluster] : undefined;
      if (!route || !template || !ref) {
        return undefined;
      }
      const formData = nodePool ? { cluster: ref, nodePool } : { cluster: ref };
      const path = route({
        namespace: template.namespace,
        templateName: template.templateName,
      });
      return `${path}?formData=${encodeURIComponent(JSON.stringify(formData))}`;
    },
    [answers, key, route, template],
  );
}
