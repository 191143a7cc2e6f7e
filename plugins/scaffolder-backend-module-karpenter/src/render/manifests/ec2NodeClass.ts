import {
  karpenterNodeRoleName,
  ResolvedNodePool,
} from '@karpenter-backstage/karpenter-template';

/** The device holding kubelet's root: AL2/AL2023 boot from xvda, Bottlerocket keeps data on xvdb. */
function rootDeviceName(amiAlias: string): string {
  return amiAlias.startsWith('bottlerocket@') ? '/dev/xvdb' : '/dev/xvda';
}

/**
 * `karpenter.k8s.aws/v1` EC2NodeClass for one NodePool: the module's node role, subnets and
 * security groups selected by tags (the `karpenter.sh/discovery` tag by default), an AMI alias.
 */
export function buildEc2NodeClass(
  clusterName: string,
  pool: ResolvedNodePool,
): Record<string, unknown> {
  const nc = pool.nodeClass;
  return {
    apiVersion: 'karpenter.k8s.aws/v1',
    kind: 'EC2NodeClass',
    metadata: { name: pool.name },
    spec: {
      role: karpenterNodeRoleName(clusterName),
      amiSelectorTerms: [{ alias: nc.amiAlias }],
      subnetSelectorTerms: [{ tags: nc.subnetSelectorTags }],
      securityGroupSelectorTerms: [{ tags: nc.securityGroupSelectorTags }],
      ...(nc.capacityReservationIds.length > 0
        ? {
            capacityReservationSelectorTerms: nc.capacityReservationIds.map(
              id => ({ id }),
            ),
          }
        : {}),
      ...(nc.rootVolumeSize !== undefined
        ? {
            blockDeviceMappings: [
              {
                deviceName: rootDeviceName(nc.amiAlias),
                rootVolume: true,
                ebs: {
                  volumeSize: nc.rootVolumeSize,
                  volumeType: 'gp3',
                  encrypted: true,
                  deleteOnTermination: true,
                },
              },
            ],
          }
        : {}),
      ...(nc.detailedMonitoring !== undefined
        ? { detailedMonitoring: nc.detailedMonitoring }
        : {}),
      ...(nc.associatePublicIPAddress !== undefined
        ? { associatePublicIPAddress: nc.associatePublicIPAddress }
        : {}),
      ...(Object.keys(nc.tags).length > 0 ? { tags: nc.tags } : {}),
    },
  };
}
