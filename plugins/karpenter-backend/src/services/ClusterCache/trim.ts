/** Resources the cache holds. @internal */
export type CachedResource =
  | 'nodepools'
  | 'nodeclaims'
  | 'ec2nodeclasses'
  | 'nodes'
  | 'pods';

function meta(m: any) {
  return {
    name: m.name,
    namespace: m.namespace,
    uid: m.uid,
    labels: m.labels,
    creationTimestamp: m.creationTimestamp,
    deletionTimestamp: m.deletionTimestamp,
    generation: m.generation,
    resourceVersion: m.resourceVersion,
  };
}

/** Keeps only the fields the plugin reads (no managedFields, images, annotations...). @internal */
export function trimObject(resource: CachedResource, obj: any): any {
  switch (resource) {
    case 'nodes':
      return {
        metadata: meta(obj.metadata),
        spec: { providerID: obj.spec?.providerID },
      };
    case 'pods':
      return {
        metadata: meta(obj.metadata),
        spec: { nodeName: obj.spec?.nodeName },
        status: { phase: obj.status?.phase },
      };
    case 'nodeclaims':
      return {
        metadata: meta(obj.metadata),
        spec: { nodeClassRef: obj.spec?.nodeClassRef },
        status: {
          nodeName: obj.status?.nodeName,
          providerID: obj.status?.providerID,
          conditions: obj.status?.conditions,
          capacity: obj.status?.capacity,
        },
      };
    default:
      return {
        metadata: meta(obj.metadata),
        spec: obj.spec,
        status: obj.status,
      };
  }
}
