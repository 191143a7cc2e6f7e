import { apiVersionOf, RESOURCES } from './resources';

const VERBS_READ = ['get', 'list', 'watch'];
const VERBS_WRITE = [
  'create',
  'delete',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

export function versionInfo() {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0-karpenter-simulator',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function coreVersions() {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [
      { clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' },
    ],
  };
}

const groups = () =>
  Array.from(new Set(RESOURCES.filter(r => r.group).map(r => r.group)));

export function apiGroupList() {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups().map(name => {
      const version = RESOURCES.find(r => r.group === name)!.version;
      const gv = { groupVersion: `${name}/${version}`, version };
      return { name, versions: [gv], preferredVersion: gv };
    }),
  };
}

/** APIResourceList of a group version, or undefined when not served. */
export function resourceList(group: string, version: string) {
  const defs = RESOURCES.filter(
    r => r.group === group && r.version === version,
  );
  if (!defs.length) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf(defs[0]),
    resources: defs.map(r => ({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.writable ? VERBS_WRITE : VERBS_READ,
      shortNames: r.shortNames,
      categories: r.group.startsWith('karpenter') ? ['karpenter'] : undefined,
    })),
  };
}
