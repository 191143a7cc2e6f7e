import { InputError } from '@backstage/errors';
import { KarpenterAuthStrategy } from '@karpenter-backstage/plugin-karpenter-node';
import { toClusterDetails } from './details';
import { BUILTIN_AUTH_PROVIDERS, ClusterConfig } from './types';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

const from = (c: ClusterConfig) => (c.source ? ` (from ${c.source})` : '');

/** Whether requests to the cluster carry credentials; a custom strategy is assumed to send some. */
function sendsCredentials(c: ClusterConfig): boolean {
  if (c.authProvider === 'serviceAccount') return !!c.serviceAccountToken;
  return c.authProvider !== 'none';
}

/**
 * A token over plain http can be read on the way: refused unless the server is loopback (the
 * local simulator, kubectl proxy) or the cluster sets `allowInsecureHttp: true`.
 *
 * @internal
 */
export function refuseInsecureCredentials(c: ClusterConfig) {
  if (!c.url.startsWith('http://') || !sendsCredentials(c)) return;
  let host = '';
  try {
    host = new URL(c.url).hostname;
  } catch {
    // not a URL: refused below like any other non-loopback host
  }
  if (LOOPBACK.test(host) || c.allowInsecureHttp) return;
  throw new InputError(
    `Cluster '${c.name}': url ${c.url} is plain http and authProvider ${c.authProvider} sends credentials; use https, or set allowInsecureHttp: true on the cluster`,
  );
}

/** Names must be unique across karpenter.clusters, imported and supplied clusters. @internal */
export function refuseDuplicateNames(clusters: ClusterConfig[]) {
  const seen = new Map<string, ClusterConfig>();
  for (const c of clusters) {
    const first = seen.get(c.name);
    if (first) {
      const sources =
        first.source && c.source && first.source !== c.source
          ? ` (from ${first.source} and ${c.source})`
          : '';
      throw new InputError(
        `karpenter.clusters: duplicate cluster name '${c.name}'${sources}`,
      );
    }
    seen.set(c.name, c);
  }
}

/**
 * Everything the registry needs of its clusters, checked at start-up and on each refresh: unique
 * names, http(s) URLs, no credentials over plain http, and an auth strategy for every
 * `authProvider` (whose own `validateCluster` passes).
 *
 * @internal
 */
export function validateClusters(
  clusters: ClusterConfig[],
  strategies: ReadonlyMap<string, KarpenterAuthStrategy>,
) {
  refuseDuplicateNames(clusters);
  for (const c of clusters) {
    if (!/^https?:\/\//.test(c.url))
      throw new InputError(
        `Cluster '${c.name}'${from(c)}: url must be an http(s) URL, got '${
          c.url
        }'`,
      );
    const strategy = strategies.get(c.authProvider);
    if (!strategy && c.authProvider !== 'kubeconfig') {
      const custom = [...strategies.keys()].filter(
        k => !(BUILTIN_AUTH_PROVIDERS as readonly string[]).includes(k),
      );
      throw new InputError(
        `Cluster '${c.name}'${from(c)} has authProvider '${
          c.authProvider
        }', for which the Karpenter plugin has no auth strategy (built-in: ${BUILTIN_AUTH_PROVIDERS.join(
          ', ',
        )}${
          custom.length ? `; registered: ${custom.join(', ')}` : ''
        }). Add a backend module that registers one with karpenterAuthStrategyExtensionPoint from @karpenter-backstage/plugin-karpenter-node (a Kubernetes-plugin AuthenticationStrategy can be adapted with fromKubernetesAuthStrategy), or configure the cluster in karpenter.clusters with a supported authProvider; see docs/extending.md`,
      );
    }
    const problems = strategy?.validateCluster?.(toClusterDetails(c)) ?? [];
    if (problems.length)
      throw new InputError(
        `Cluster '${c.name}'${from(c)}: authProvider '${
          c.authProvider
        }' refuses its settings: ${problems.map(p => p.message).join('; ')}`,
      );
    refuseInsecureCredentials(c);
  }
}
