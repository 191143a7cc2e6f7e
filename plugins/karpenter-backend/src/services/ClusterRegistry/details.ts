import { KarpenterClusterDetails } from '@karpenter-backstage/plugin-karpenter-node';
import { ClusterConfig } from './types';

const DEFAULT_TIMEOUT_MS = 5_000;

/** A supplied cluster as the registry's ClusterConfig. @internal */
export function fromClusterDetails(
  d: KarpenterClusterDetails,
  source: string,
): ClusterConfig {
  return {
    name: d.name,
    title: d.title,
    url: d.url,
    authProvider: d.authProvider,
    authMetadata: d.authMetadata,
    serviceAccountToken: d.serviceAccountToken,
    caData: d.caData,
    skipTLSVerify: d.skipTLSVerify ?? false,
    allowInsecureHttp: d.allowInsecureHttp ?? false,
    kubeconfigContext: d.kubeconfigContext,
    requestTimeoutMs: d.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    interruptionQueue: d.interruptionQueue,
    aws: { ...d.aws },
    cost: d.cost ? { ...d.cost } : undefined,
    source,
  };
}

/** The registry's ClusterConfig as the public KarpenterClusterDetails (for auth strategies). @internal */
export function toClusterDetails(c: ClusterConfig): KarpenterClusterDetails {
  const { source: _, ...details } = c;
  return { ...details, aws: { ...c.aws } };
}
