import { z } from 'zod';
import {
  ARCHITECTURES,
  CAPACITY_TYPES,
  CLUSTER_DEFAULTS,
  CONSOLIDATION_POLICIES,
  DEFAULT_AMI_ALIAS,
  DISCOVERY_TAG_KEY,
  BUDGET_DISRUPTION_REASONS,
  MAX_NODE_POOLS,
  NODE_POOL_PRESET_NAMES,
  REQUIREMENT_OPERATORS,
  TAINT_EFFECTS,
} from './constants';
import {
  checkAwsRegion,
  checkClusterName,
  checkDns1123Label,
  checkDynamoDbTableName,
  checkHelmChartVersion,
  checkIntegerInRange,
  checkModuleSource,
  checkS3BucketName,
  checkS3Key,
  ValueCheck,
} from './rules/names';
import {
  checkKarpenterLabelKey,
  checkLabelValue,
  checkTaintKey,
  checkTaintValue,
} from './rules/labels';
import {
  checkAwsTagKey,
  checkAwsTagValue,
  checkInstanceTagKey,
  checkSelectorTagKey,
  checkSelectorTagValue,
} from './rules/awsTags';
import { checkPositiveQuantity } from './rules/quantity';
import {
  checkBudgetDuration,
  checkDuration,
  checkDurationOrNever,
} from './rules/duration';
import { checkCronSchedule } from './rules/cron';
import {
  checkAmiAlias,
  checkInstanceCategory,
  checkInstanceFamily,
  checkInstanceType,
  checkVolumeSize,
} from './rules/ec2';

/*
 * The ONE input model of the Karpenter template, its actions and the CLI.
 *
 * Structure (types, enums, descriptions, defaults) is plain zod, so the scaffolder's JSON schema
 * of an action describes it. Every value rule is a `superRefine` check with a message written for
 * people; JSON Schema conversion drops those, so the scaffolder passes values through and the one
 * validation (`validate.ts`) reports every field error with a clear message.
 */

function checked<T extends z.ZodTypeAny>(
  schema: T,
  check: ValueCheck<z.output<T>>,
): z.ZodEffects<T, z.output<T>, z.input<T>> {
  return schema.superRefine((value, ctx) => {
    const message = check(value);
    if (message) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    }
  });
}

const checkedString = (check: ValueCheck<string>) => checked(z.string(), check);

const keyCheck =
  (check: ValueCheck<string>): ValueCheck<string> =>
  key => {
    // JSON allows it, but JavaScript objects would silently drop it
    const message = key === '__proto__' ? 'is a reserved name' : check(key);
    return message ? `invalid key: ${message}` : undefined;
  };

function stringMap(
  keyRule: ValueCheck<string>,
  valueRule: ValueCheck<string>,
  maxEntries: number,
) {
  return checked(
    z.record(checkedString(keyCheck(keyRule)), checkedString(valueRule)),
    value =>
      Object.keys(value).length > maxEntries
        ? `must have at most ${maxEntries} entries`
        : undefined,
  );
}

function uniqueList<T extends z.ZodTypeAny>(item: T, options: { max: number }) {
  return z.array(item).superRefine((values, ctx) => {
    if (values.length > options.max) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must list at most ${options.max} values`,
      });
    }
    values.forEach((value, index) => {
      if (values.indexOf(value) < index) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [index],
          message: `duplicates an earlier entry (${JSON.stringify(value)})`,
        });
      }
    });
  });
}

const awsTags = (description: string) =>
  stringMap(checkAwsTagKey, checkAwsTagValue, 50).describe(description);

const quantity = (description: string) =>
  checked(z.union([z.string(), z.number()]), checkPositiveQuantity).describe(
    description,
  );

/** Optional S3 backend of the generated Terraform root. @public */
export const s3BackendSchema = z
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
  .strict()
  .superRefine((value, ctx) => {
    if (value.bucket === undefined && Object.keys(value).length > 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['bucket'],
        message: 'is required when other backend settings are given',
      });
    }
  })
  .describe(
    'Remote state in S3; without it (or with an empty object) Terraform keeps local state',
  );

const clusterName = checkedString(checkClusterName).describe(
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
    tags: awsTags('AWS tags on every resource the module creates').default({}),
    moduleSource: checkedString(checkModuleSource)
      .optional()
      .describe(
        "Source of the Terraform module (default: the portal's karpenter.scaffolder.defaultModuleSource; one of them is required)",
      ),
    backend: s3BackendSchema.optional(),
  })
  .strict();

const taint = z
  .object({
    key: checkedString(checkTaintKey).describe('Taint key'),
    value: checkedString(checkTaintValue)
      .optional()
      .describe('Taint value (optional)'),
    effect: z.enum(TAINT_EFFECTS).describe('Taint effect'),
  })
  .strict();

const taints = (description: string) =>
  z
    .array(taint)
    .superRefine((list, ctx) => {
      list.forEach((t, index) => {
        if (
          list.findIndex(o => o.key === t.key && o.effect === t.effect) < index
        ) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [index],
            message: `duplicates the taint ${t.key}:${t.effect}`,
          });
        }
      });
      if (list.length > 50) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'must list at most 50 taints',
        });
      }
    })
    .describe(description);

const budget = z
  .object({
    nodes: checkedString(value =>
      /^((100|[0-9]{1,2})%|[0-9]{1,6})$/.test(value)
        ? undefined
        : 'must be a node count such as "5" or a percentage such as "10%"',
    ).describe(
      'Most nodes disrupted at once: a count ("5") or a percentage ("10%")',
    ),
    reasons: uniqueList(z.enum(BUDGET_DISRUPTION_REASONS), { max: 3 })
      .optional()
      .describe('Disruption reasons the budget applies to (default: all)'),
    schedule: checkedString(checkCronSchedule)
      .optional()
      .describe('Cron schedule when the budget starts being active (UTC)'),
    duration: checkedString(checkBudgetDuration)
      .optional()
      .describe(
        'How long the budget is active after each schedule hit (e.g. 8h)',
      ),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.schedule === undefined) !== (value.duration === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [value.schedule === undefined ? 'schedule' : 'duration'],
        message: 'schedule and duration must be set together',
      });
    }
  });

const requirement = z
  .object({
    key: checkedString(checkKarpenterLabelKey).describe(
      'Label key, e.g. karpenter.k8s.aws/instance-size',
    ),
    operator: z.enum(REQUIREMENT_OPERATORS).describe('Requirement operator'),
    values: uniqueList(checkedString(checkLabelValue), { max: 100 })
      .optional()
      .describe(
        'Values (none for Exists/DoesNotExist, one integer for Gt/Lt/Gte/Lte)',
      ),
    minValues: checked(z.number(), checkIntegerInRange(1, 50))
      .optional()
      .describe('Minimum number of distinct values (operator In only)'),
  })
  .strict()
  .superRefine((value, ctx) => {
    const values = value.values ?? [];
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    switch (value.operator) {
      case 'In':
        if (values.length === 0) {
          issue('values', 'operator In needs at least one value');
        }
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          issue('values', `operator ${value.operator} takes no values`);
        }
        break;
      case 'Gt':
      case 'Lt':
      case 'Gte':
      case 'Lte':
        if (values.length !== 1 || !/^[0-9]{1,9}$/.test(values[0])) {
          issue(
            'values',
            `operator ${value.operator} needs exactly one non-negative integer value`,
          );
        }
        break;
      default:
        break;
    }
    if (value.minValues !== undefined) {
      if (value.operator !== 'In') {
        issue('minValues', 'is only supported with operator In');
      } else if (values.length < value.minValues) {
        issue('minValues', 'must not exceed the number of values');
      }
    }
  });

const nodeClass = z
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
      checkedString(value =>
        /^cr-[0-9a-z]{1,32}$/.test(value)
          ? undefined
          : 'must be a capacity reservation id such as cr-0123456789abcdef0',
      ),
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

/** One NodePool of the form (fields left out come from its preset). @public */
export const nodePoolInputSchema = z
  .object({
    name: checkedString(checkDns1123Label(63)).describe(
      'NodePool (and EC2NodeClass) name, a DNS-1123 label',
    ),
    preset: z
      .enum(NODE_POOL_PRESET_NAMES)
      .optional()
      .describe(
        'Preset the other fields default to (default: general); empty lists and maps count as not set',
      ),
    capacityTypes: uniqueList(z.enum(CAPACITY_TYPES), { max: 3 })
      .optional()
      .describe('Capacity types: spot, on-demand, reserved'),
    architectures: uniqueList(z.enum(ARCHITECTURES), { max: 2 })
      .optional()
      .describe('CPU architectures: amd64, arm64'),
    instanceCategories: uniqueList(checkedString(checkInstanceCategory), {
      max: 30,
    })
      .optional()
      .describe('Instance categories, e.g. c, m, r'),
    instanceFamilies: uniqueList(checkedString(checkInstanceFamily), {
      max: 100,
    })
      .optional()
      .describe('Instance families, e.g. m6i, c7g'),
    instanceGenerationGreaterThan: checked(
      z.number(),
      checkIntegerInRange(0, 99),
    )
      .optional()
      .describe('Only instance generations greater than this (Gt)'),
    instanceTypes: uniqueList(checkedString(checkInstanceType), { max: 100 })
      .optional()
      .describe('Explicit instance types, e.g. c5.xlarge'),
    requirements: z
      .array(requirement)
      .max(30)
      .optional()
      .describe('Further scheduling requirements (Karpenter v1 syntax)'),
    limits: z
      .object({
        cpu: quantity('Most vCPUs across the pool, e.g. 1000').optional(),
        memory: quantity('Most memory across the pool, e.g. 1000Gi').optional(),
      })
      .strict()
      .optional()
      .describe('Resource limits of the pool'),
    taints: taints('Taints of the nodes').optional(),
    startupTaints: taints(
      'Taints present until a DaemonSet removes them at startup',
    ).optional(),
    labels: stringMap(checkKarpenterLabelKey, checkLabelValue, 100)
      .optional()
      .describe('Labels of the nodes'),
    weight: checked(z.number(), checkIntegerInRange(1, 100))
      .optional()
      .describe('Priority among NodePools (1-100, higher first)'),
    expireAfter: checkedString(checkDurationOrNever)
      .optional()
      .describe('Node lifetime, e.g. 720h, or Never'),
    terminationGracePeriod: checkedString(checkDuration)
      .optional()
      .describe('Longest drain before a node is forcibly terminated, e.g. 48h'),
    consolidationPolicy: z
      .enum(CONSOLIDATION_POLICIES)
      .optional()
      .describe('WhenEmpty or WhenEmptyOrUnderutilized'),
    consolidateAfter: checkedString(checkDurationOrNever)
      .optional()
      .describe('Wait before consolidating, e.g. 1m, or Never'),
    budgets: z.array(budget).max(50).optional().describe('Disruption budgets'),
    nodeClass: nodeClass.optional(),
  })
  .strict();

/**
 * Duplicate NodePool names in a (possibly invalid) list; also used when other fields failed, so
 * that every error is listed at once.
 */
export function duplicateNodePoolNames(
  pools: unknown,
): Array<{ path: (string | number)[]; message: string }> {
  if (!Array.isArray(pools)) {
    return [];
  }
  const names = pools.map(pool =>
    pool && typeof pool === 'object'
      ? (pool as { name?: unknown }).name
      : undefined,
  );
  return names.flatMap((name, index) =>
    typeof name === 'string' && names.indexOf(name) < index
      ? [
          {
            path: [index, 'name'],
            message: `duplicate NodePool name "${name}"`,
          },
        ]
      : [],
  );
}

/** The NodePools part of the input. @public */
export const karpenterNodePoolsInputSchema = z
  .object({
    clusterName,
    nodePools: z
      .array(nodePoolInputSchema)
      .superRefine((pools, ctx) => {
        if (pools.length === 0) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: 'must list at least one NodePool',
          });
        }
        if (pools.length > MAX_NODE_POOLS) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: `must list at most ${MAX_NODE_POOLS} NodePools`,
          });
        }
        for (const issue of duplicateNodePoolNames(pools)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, ...issue });
        }
      })
      .describe('NodePools to render, each with its own EC2NodeClass'),
  })
  .strict();

/** The whole template input: cluster settings and NodePools (what the CLI reads). @public */
export const karpenterTemplateInputSchema = karpenterClusterInputSchema.merge(
  karpenterNodePoolsInputSchema,
);

/** Input of `karpenter:terraform:render`. @public */
export type KarpenterClusterInput = z.input<typeof karpenterClusterInputSchema>;
/** Input of `karpenter:nodepools:render`. @public */
export type KarpenterNodePoolsInput = z.input<
  typeof karpenterNodePoolsInputSchema
>;
/** One NodePool as entered. @public */
export type NodePoolInput = z.input<typeof nodePoolInputSchema>;
/** The whole template input (values file of the CLI). @public */
export type KarpenterTemplateInput = z.input<
  typeof karpenterTemplateInputSchema
>;
/** @public */
export type NodePoolTaint = z.output<typeof taint>;
/** @public */
export type NodePoolRequirement = z.output<typeof requirement>;
/** @public */
export type DisruptionBudget = z.output<typeof budget>;
/** @public */
export type NodeClassInput = z.output<typeof nodeClass>;
/** @public */
export type S3BackendInput = z.output<typeof s3BackendSchema>;

/** Parsed (validated) input before presets and defaults are applied. */
export type ParsedClusterInput = z.output<typeof karpenterClusterInputSchema>;
/** Parsed (validated) input before presets and defaults are applied. */
export type ParsedNodePoolsInput = z.output<
  typeof karpenterNodePoolsInputSchema
>;
/** Parsed (validated) input before presets and defaults are applied. */
export type ParsedNodePool = z.output<typeof nodePoolInputSchema>;
