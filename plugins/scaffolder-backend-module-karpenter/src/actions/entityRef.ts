/**
 * The catalog entity the template registers for the cluster: a `Resource` named like the cluster
 * in the default namespace (see templates/karpenter-eks/skeleton/catalog-info.yaml).
 */
export function clusterEntityRef(clusterName: string): string {
  return `resource:default/${clusterName}`;
}
