import { z } from 'zod/v3';
import { DEFAULT_AMI_ALIAS, DISCOVERY_TAG_KEY } from '../constants';
import {
  checkAwsTagValue,
  checkInstanceTagKey,
  checkSelectorTagKey,
  checkSelectorTagValue,
} from '../rules/awsTags';
import {
  checkAmiAlias,
  checkCapacityReservationId,
  checkVolumeSize,
} from '../rules/ec2';
import { checkedString, stringMap, uniqueList } from './combinators';

/** The EC2NodeClass options of one NodePool. @public */
export const nodeClassInputSchema = z
  .object({
    amiAlias: checkedString(checkAmiAlias)
      .optional()
      .describe(
        `AMI alias (default ${DEFAULT_AMI_ALIAS}; bottlerocket@latest, al2023@v20240625, ...)`,
      ),
    subnetSelectorTags: stringMap(
      checkSelectorTagKey,
      checkSelectorTagValue,
      20,
    )
      .optional()
      .describe(
        `Tags that select subnets (default ${DISCOVERY_TAG_KEY}: <clusterName>)`,
      ),
    securityGroupSelectorTags: stringMap(
      checkSelectorTagKey,
      checkSelectorTagValue,
      20,
    )
      .optional()
      .describe(
        `Tags that select security groups (default ${DISCOVERY_TAG_KEY}: <clusterName>)`,
      ),
    tags: stringMap(checkInstanceTagKey, checkAwsTagValue, 50)
      .optional()
      .describe(
        'Tags on the EC2 instances, volumes and templates Karpenter creates',
      ),
    rootVolumeSize: checkedString(checkVolumeSize)
      .optional()
      .describe(
        'Size of the encrypted gp3 root (bottlerocket: data) volume, e.g. 50Gi',
      ),
    capacityReservationIds: uniqueList(
      checkedString(checkCapacityReservationId),
      { max: 30 },
    )
      .optional()
      .describe(
        'On-Demand Capacity Reservations to use (capacity type reserved)',
      ),
    detailedMonitoring: z
      .boolean()
      .optional()
      .describe('Enable detailed CloudWatch monitoring of the instances'),
    associatePublicIPAddress: z
      .boolean()
      .optional()
      .describe('Give instances a public IP address (default: subnet setting)'),
  })
  .strict()
  .describe('Options of the EC2NodeClass rendered for this NodePool');

/** @public */
export type NodeClassInput = z.output<typeof nodeClassInputSchema>;
