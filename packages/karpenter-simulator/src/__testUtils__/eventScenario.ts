import { KubeConfig } from '@kubernetes/client-node';
import { Scenario, ScenarioCluster } from '../scenario/types';

/**
 * A small cluster for the event tests: `spot` (spot nodes with pods, WhenEmptyOrUnderutilized),
 * `quiet` (WhenEmpty, with pods: consolidation refuses its nodes) and `frozen` (a budget of 0).
 */
export function eventScenario(extra: Partial<ScenarioCluster> = {}): Scenario {
  return {
    name: 'events',
    seed: 3,
    clusters: [
      {
        name: 't',
        region: 'eu-west-1',
        nodeClasses: [{ name: 'default' }],
        nodePools: [
          {
            name: 'spot',
            capacityTypes: ['spot'],
            instanceTypes: ['m5.large'],
            nodes: 4,
            consolidationPolicy: 'WhenEmptyOrUnderutilized',
            consolidateAfter: '1m',
          },
          {
            name: 'quiet',
            capacityTypes: ['on-demand'],
            instanceTypes: ['m5.large'],
            nodes: 1,
            consolidationPolicy: 'WhenEmpty',
            consolidateAfter: '1m',
          },
          {
            name: 'frozen',
            capacityTypes: ['on-demand'],
            instanceTypes: ['m5.large'],
            nodes: 2,
            consolidationPolicy: 'WhenEmptyOrUnderutilized',
            consolidateAfter: '1m',
            budgets: [{ nodes: '0' }],
          },
        ],
        workloads: [
          { name: 'web', namespace: 'shop', nodePool: 'spot', replicas: 4 },
          { name: 'db', namespace: 'shop', nodePool: 'quiet', replicas: 1 },
          { name: 'ice', namespace: 'shop', nodePool: 'frozen', replicas: 2 },
        ],
        ...extra,
      },
    ],
  };
}

export function kubeConfig(url: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'sim', server: url, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'sim', cluster: 'sim', user: 'u' }],
    currentContext: 'sim',
  });
  return kc;
}

/** `Kind:Reason` of each Event about the given objects, sorted. */
export function shapes(
  events: Array<{
    involvedObject: { kind?: string; name?: string };
    reason?: string;
  }>,
  names: Array<string | undefined>,
): string[] {
  return events
    .filter(e => names.includes(e.involvedObject.name))
    .map(e => `${e.involvedObject.kind}:${e.reason}`)
    .sort();
}
