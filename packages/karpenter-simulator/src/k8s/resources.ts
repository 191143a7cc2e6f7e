/** A resource the simulated API server serves. */
export interface ResourceDef {
  /** Store key, e.g. `nodepools`. */
  plural: string;
  singular: string;
  kind: string;
  group: string; // '' for core
  version: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Writable through the API (the CRDs users apply). */
  writable?: boolean;
  /** Served from another resource's store (events.k8s.io/v1 events are core events converted). */
  storeAs?: string;
}

export const RESOURCES: ResourceDef[] = [
  {
    plural: 'nodes',
    singular: 'node',
    kind: 'Node',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['no'],
  },
  {
    plural: 'pods',
    singular: 'pod',
    kind: 'Pod',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['po'],
  },
  {
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['ev'],
  },
  {
    plural: 'namespaces',
    singular: 'namespace',
    kind: 'Namespace',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['ns'],
  },
  {
    plural: 'events',
    singular: 'event',
    kind: 'Event',
    group: 'events.k8s.io',
    version: 'v1',
    namespaced: true,
    shortNames: ['ev'],
    storeAs: 'events',
  },
  {
    plural: 'nodepools',
    singular: 'nodepool',
    kind: 'NodePool',
    group: 'karpenter.sh',
    version: 'v1',
    namespaced: false,
    writable: true,
  },
  {
    plural: 'nodeclaims',
    singular: 'nodeclaim',
    kind: 'NodeClaim',
    group: 'karpenter.sh',
    version: 'v1',
    namespaced: false,
  },
  {
    plural: 'ec2nodeclasses',
    singular: 'ec2nodeclass',
    kind: 'EC2NodeClass',
    group: 'karpenter.k8s.aws',
    version: 'v1',
    namespaced: false,
    writable: true,
    shortNames: ['ec2nc', 'ec2ncs'],
  },
];

export const STORE_KINDS: Record<string, string> = {
  nodes: 'Node',
  pods: 'Pod',
  events: 'Event',
  namespaces: 'Namespace',
  nodepools: 'NodePool',
  nodeclaims: 'NodeClaim',
  ec2nodeclasses: 'EC2NodeClass',
};

/** `kind` (any case) or plural → store plural. */
export function storeOf(kindOrPlural: string): string {
  const lower = kindOrPlural.toLowerCase();
  const def = RESOURCES.find(
    r =>
      r.plural === lower ||
      r.kind.toLowerCase() === lower ||
      r.singular === lower,
  );
  if (!def) throw new Error(`unknown resource ${kindOrPlural}`);
  return def.storeAs ?? def.plural;
}

export function apiVersionOf(def: ResourceDef): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}
