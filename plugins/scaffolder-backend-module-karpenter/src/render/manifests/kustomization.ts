/** `manifests/kustomization.yaml` listing every manifest (for Argo CD, Flux or `kubectl apply -k`). */
export function buildKustomization(
  resources: string[],
): Record<string, unknown> {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  };
}
