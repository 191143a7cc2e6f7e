import { regionFromQueueUrl } from '@karpenter-backstage/plugin-karpenter-node';
import { ClusterConfig } from '../ClusterRegistry';
import { CachedNodeClaim } from '../ClusterCache';
import { regionOfZone } from './regions';
import { PriceDemand } from './types';

const ZONE = 'topology.kubernetes.io/zone';
const REGION = 'topology.kubernetes.io/region';
const INSTANCE_TYPE = 'node.kubernetes.io/instance-type';

/**
 * The AWS region of a cluster: `aws.region`, else the region of its interruption queue's URL,
 * else the region label or zone of its NodeClaims (Karpenter labels them with the instance's
 * zone and region).
 *
 * @internal
 */
export function clusterRegion(
  config: Pick<ClusterConfig, 'aws' | 'interruptionQueue'>,
  claims: readonly CachedNodeClaim[],
): string | undefined {
  const configured =
    config.aws.region ?? regionFromQueueUrl(config.interruptionQueue);
  if (configured) return configured;
  for (const claim of claims) {
    const labels = claim.metadata.labels ?? {};
    const region = labels[REGION] ?? regionOfZone(labels[ZONE]);
    if (region) return region;
  }
  return undefined;
}

/**
 * What each region needs priced: the instance types the NodeClaims of its clusters run (only
 * those are asked for), fetched with the AWS settings of its first cluster.
 *
 * @internal
 */
export function priceDemands(
  clusters: readonly {
    config: ClusterConfig;
    claims: readonly CachedNodeClaim[];
  }[],
): PriceDemand[] {
  const byRegion = new Map<string, PriceDemand & { types: Set<string> }>();
  for (const { config, claims } of clusters) {
    const region = clusterRegion(config, claims);
    if (!region) continue;
    let demand = byRegion.get(region);
    if (!demand) {
      demand = {
        region,
        instanceTypes: [],
        types: new Set<string>(),
        clusters: [],
        roleArn: config.aws.roleArn,
        externalId: config.aws.externalId,
        pricingEndpoint: config.aws.pricingEndpoint,
        ec2Endpoint: config.aws.ec2Endpoint,
      };
      byRegion.set(region, demand);
    }
    demand.clusters.push(config.name);
    for (const claim of claims) {
      const type = claim.metadata.labels?.[INSTANCE_TYPE];
      if (type) demand.types.add(type);
    }
  }
  return [...byRegion.values()].map(({ types, ...demand }) => ({
    ...demand,
    instanceTypes: [...types].sort(),
  }));
}
