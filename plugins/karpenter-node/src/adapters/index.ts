export {
  fromKubernetesAuthStrategy,
  fromKubernetesClusterDetails,
  fromKubernetesClustersSupplier,
  karpenterAuthProviderOf,
  toKubernetesClusterDetails,
} from './kubernetesPlugin';
