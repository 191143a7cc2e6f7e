import { z } from 'zod/v3';
import { CLUSTER_DEFAULTS } from '../constants';
import { checkAwsTagKey, checkAwsTagValue } from '../rules/awsTags';
import { s3BackendBucket } from '../rules/backend';
import {
  checkAwsRegion,
  checkClusterName,
  checkDns1123Label,
  checkDynamoDbTableName,
  checkHelmChartVersion,
  checkModuleSource,
  checkS3BucketName,
  checkS3Key,
} from '../rules/names';
import { checkedString, refined, stringMap } from './combinators';

/** Optional S3 backend of the generated Terraform root. */
/** The S3 backend of the Terraform state. @public */
export const s3BackendInputSchema = refined(
  z
    .object({
      bucket: checkedString(checkS3BucketName)
        .optional()
        .describe(
          'S3 bucket that stores the Terraform state (without it: no backend, local state)',
        ),
      key: checkedString(checkS3Key)
        .optional()
        .describe(
          'Object key of the state file (default: karpenter/<clusterName>/terraform.tfstate)',
        ),
      region: checkedString(checkAwsRegion)
        .optional()
        .describe('Region of the bucket (default: awsRegion)'),
      useLockfile: z
        .boolean()
        .optional()
        .describe('S3-native state locking, Terraform >= 1.10 (default: true)'),
      dynamodbTable: checkedString(checkDynamoDbTableName)
        .optional()
        .describe('Legacy DynamoDB lock table (prefer useLockfile)'),
      encrypt: z
        .boolean()
        .optional()
        .describe('Encrypt the state object (default: true)'),
    })
    .strict(),
  s3BackendBucket,
).describe(
  'Remote state in S3; without it (or with an empty object) Terraform keeps local state',
);

/** The cluster name field, shared by the cluster settings and the NodePools part. */
export const clusterName = checkedString(checkClusterName).describe(
  'Name of the existing EKS cluster Karpenter is deployed onto',
);

/** Cluster-level settings: the inputs of the Terraform module instance. @public */
export const karpenterClusterInputSchema = z
  .object({
    clusterName,
    awsRegion: checkedString(checkAwsRegion).describe(
      'AWS region of the cluster, e.g. us-east-1',
    ),
    environment: checkedString(checkDns1123Label(32))
      .default(CLUSTER_DEFAULTS.environment)
      .describe('Environment name passed to the module (e.g. dev, prod)'),
    namespace: checkedString(checkDns1123Label(63))
      .default(CLUSTER_DEFAULTS.namespace)
      .describe('Kubernetes namespace of the Karpenter controller'),
    // a DNS-1123 label (not a subdomain): the module's service_account_name validation
    serviceAccountName: checkedString(checkDns1123Label(63))
      .default(CLUSTER_DEFAULTS.serviceAccountName)
      .describe(
        'ServiceAccount of the Karpenter controller (Pod Identity); a DNS-1123 label of at most 63 characters',
      ),
    helmChartVersion: checkedString(checkHelmChartVersion)
      .default(CLUSTER_DEFAULTS.helmChartVersion)
      .describe('Karpenter Helm chart version (any 1.x.y)'),
    tags: stringMap(checkAwsTagKey, checkAwsTagValue, 50)
      .describe('AWS tags on every resource the module creates')
      .default({}),
    moduleSource: checkedString(checkModuleSource)
      .optional()
      .describe(
        "Source of the Terraform module (default: the portal's karpenter.scaffolder.defaultModuleSource; one of them is required)",
      ),
    backend: s3BackendInputSchema.optional(),
  })
  .strict();

/** Input of `karpenter:terraform:render`. @public */
export type KarpenterClusterInput = z.input<typeof karpenterClusterInputSchema>;
/** @public */
export type S3BackendInput = z.output<typeof s3BackendInputSchema>;
/** Parsed (validated) input before presets and defaults are applied. */
export type ParsedClusterInput = z.output<typeof karpenterClusterInputSchema>;
