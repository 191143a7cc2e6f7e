import { loadKarpenterCrds } from '@karpenter-backstage/karpenter-crds';

const fieldValidation = {
  name: 'fieldValidation',
  in: 'query',
  schema: { type: 'string', uniqueItems: true },
};

/** `/openapi/v3`: the group versions with a document (only the Karpenter CRDs). */
export function openApiIndex() {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const crd of loadKarpenterCrds()) {
    const gv = `apis/${crd.group}/${crd.version}`;
    paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=1` };
  }
  return { paths };
}

/**
 * `/openapi/v3/apis/<group>/<version>`: the CRD schemas with their GVK and the write operations
 * declaring `fieldValidation`, so kubectl validates on the server (which checks the real CRD
 * schema) rather than on the client.
 */
export function openApiDocument(group: string, version: string) {
  const crds = loadKarpenterCrds().filter(
    c => c.group === group && c.version === version,
  );
  if (!crds.length) return undefined;
  const schemas: Record<string, unknown> = {};
  const paths: Record<string, unknown> = {};
  for (const crd of crds) {
    const id = `${group.split('.').reverse().join('.')}.${version}.${crd.kind}`;
    schemas[id] = {
      ...crd.schema,
      'x-kubernetes-group-version-kind': [{ group, kind: crd.kind, version }],
    };
    const op = (verb: string, action: string) => ({
      operationId: `${verb}${crd.kind}`,
      parameters: [fieldValidation],
      responses: { '200': { description: 'OK' } },
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': { group, kind: crd.kind, version },
    });
    paths[`/apis/${group}/${version}/${crd.plural}`] = {
      post: op('create', 'post'),
      get: op('list', 'list'),
    };
    paths[`/apis/${group}/${version}/${crd.plural}/{name}`] = {
      put: op('replace', 'put'),
      patch: op('patch', 'patch'),
      get: op('read', 'get'),
      delete: op('delete', 'delete'),
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0' },
    paths,
    components: { schemas },
  };
}
