import {
  Architecture,
  CapacityType,
  ConsolidationPolicy,
  DEFAULT_AMI_ALIAS,
  DEFAULT_NODE_POOL_PRESET,
  DISCOVERY_TAG_KEY,
  NodePoolPresetName,
} from './constants';
import { TemplateFieldError } from './errors';
import { NODE_POOL_PRESETS } from './presets';
import { instanceArchitecture } from './rules/architecture';
import {
  DisruptionBudget,
  NodePoolRequirement,
  NodePoolTaint,
  ParsedClusterInput,
  ParsedNodePool,
} from './schema';

/** An EC2NodeClass with every default applied. @public */
export interface ResolvedNodeClass {
  amiAlias: string;
  subnetSelectorTags: Record<string, string>;
  securityGroupSelectorTags: Record<string, string>;
  tags: Record<string, string>;
  rootVolumeSize?: string;
  capacityReservationIds: string[];
  detailedMonitoring?: boolean;
  associatePublicIPAddress?: boolean;
}

/** A NodePool with its preset and defaults applied: what the renderer turns into YAML. @public */
export interface ResolvedNodePool {
  name: string;
  preset: NodePoolPresetName;
  capacityTypes: CapacityType[];
  architectures: Architecture[];
  instanceCategories: string[];
  instanceFamilies: string[];
  instanceGenerationGreaterThan?: number;
  instanceTypes: string[];
  requirements: NodePoolRequirement[];
  limits: { cpu?: string | number; memory?: string | number };
  taints: NodePoolTaint[];
  startupTaints: NodePoolTaint[];
  labels: Record<string, string>;
  weight?: number;
  expireAfter: string;
  terminationGracePeriod?: string;
  consolidationPolicy: ConsolidationPolicy;
  consolidateAfter: string;
  budgets: DisruptionBudget[];
  nodeClass: ResolvedNodeClass;
}

/** The S3 backend with defaults applied. @public */
export interface ResolvedS3Backend {
  bucket: string;
  key: string;
  region: string;
  useLockfile: boolean;
  dynamodbTable?: string;
  encrypt: boolean;
}

/** Cluster settings with defaults applied (`moduleSource` stays optional: the renderer's option decides). @public */
export interface ResolvedClusterSettings {
  clusterName: string;
  awsRegion: string;
  environment: string;
  namespace: string;
  serviceAccountName: string;
  helmChartVersion: string;
  tags: Record<string, string>;
  moduleSource?: string;
  backend?: ResolvedS3Backend;
}

/** The NodePools part, resolved. @public */
export interface ResolvedNodePools {
  clusterName: string;
  nodePools: ResolvedNodePool[];
}

/** The whole resolved input. @public */
export type ResolvedKarpenterTemplate = ResolvedClusterSettings &
  ResolvedNodePools;

export function resolveClusterSettings(
  input: ParsedClusterInput,
): ResolvedClusterSettings {
  const { backend, moduleSource, ...rest } = input;
  return {
    ...rest,
    ...(moduleSource !== undefined ? { moduleSource } : {}),
    ...(backend?.bucket !== undefined
      ? {
          backend: {
            bucket: backend.bucket,
            key:
              backend.key ?? `karpenter/${input.clusterName}/terraform.tfstate`,
            region: backend.region ?? input.awsRegion,
            useLockfile: backend.useLockfile ?? true,
            encrypt: backend.encrypt ?? true,
            ...(backend.dynamodbTable !== undefined
              ? { dynamodbTable: backend.dynamodbTable }
              : {}),
          },
        }
      : {}),
  };
}

function optional<K extends string, V>(
  key: K,
  value: V | undefined,
): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A list or map the user filled in; empty ones count as not set (forms leave them empty). */
function given<T extends unknown[] | Record<string, unknown>>(
  value: T | undefined,
): T | undefined {
  if (value === undefined) {
    return undefined;
  }
  const size = Array.isArray(value) ? value.length : Object.keys(value).length;
  return size > 0 ? value : undefined;
}

function withoutEmptyReasons(budget: DisruptionBudget): DisruptionBudget {
  const { reasons, ...rest } = budget;
  return reasons && reasons.length > 0 ? { ...rest, reasons } : rest;
}

export function resolveNodePool(
  clusterName: string,
  pool: ParsedNodePool,
): ResolvedNodePool {
  const presetName = pool.preset ?? DEFAULT_NODE_POOL_PRESET;
  const preset = NODE_POOL_PRESETS[presetName];
  const nodeClass = { ...preset.nodeClass, ...pool.nodeClass };
  const discovery = { [DISCOVERY_TAG_KEY]: clusterName };
  return {
    name: pool.name,
    preset: presetName,
    capacityTypes: given(pool.capacityTypes) ??
      given(preset.capacityTypes) ?? ['on-demand'],
    architectures: given(pool.architectures) ??
      given(preset.architectures) ?? ['amd64'],
    instanceCategories:
      given(pool.instanceCategories) ?? preset.instanceCategories ?? [],
    instanceFamilies:
      given(pool.instanceFamilies) ?? preset.instanceFamilies ?? [],
    ...optional(
      'instanceGenerationGreaterThan',
      pool.instanceGenerationGreaterThan ??
        preset.instanceGenerationGreaterThan,
    ),
    instanceTypes: given(pool.instanceTypes) ?? preset.instanceTypes ?? [],
    requirements: given(pool.requirements) ?? preset.requirements ?? [],
    limits: { ...preset.limits, ...pool.limits },
    taints: given(pool.taints) ?? preset.taints ?? [],
    startupTaints: given(pool.startupTaints) ?? preset.startupTaints ?? [],
    labels: given(pool.labels) ?? preset.labels ?? {},
    ...optional('weight', pool.weight ?? preset.weight),
    expireAfter: pool.expireAfter ?? preset.expireAfter ?? '720h',
    ...optional(
      'terminationGracePeriod',
      pool.terminationGracePeriod ?? preset.terminationGracePeriod,
    ),
    consolidationPolicy:
      pool.consolidationPolicy ??
      preset.consolidationPolicy ??
      'WhenEmptyOrUnderutilized',
    consolidateAfter: pool.consolidateAfter ?? preset.consolidateAfter ?? '1m',
    budgets: (given(pool.budgets) ?? preset.budgets ?? []).map(
      withoutEmptyReasons,
    ),
    nodeClass: {
      amiAlias: nodeClass.amiAlias ?? DEFAULT_AMI_ALIAS,
      subnetSelectorTags: given(nodeClass.subnetSelectorTags) ?? discovery,
      securityGroupSelectorTags:
        given(nodeClass.securityGroupSelectorTags) ?? discovery,
      tags: nodeClass.tags ?? {},
      ...optional('rootVolumeSize', nodeClass.rootVolumeSize),
      capacityReservationIds: nodeClass.capacityReservationIds ?? [],
      ...optional('detailedMonitoring', nodeClass.detailedMonitoring),
      ...optional(
        'associatePublicIPAddress',
        nodeClass.associatePublicIPAddress,
      ),
    },
  };
}

/**
 * Instance types and families of an architecture the pool does not allow: the NodePool's
 * requirements are ANDed, so such a type can never launch (e.g. `arm64` with the batch preset's
 * c5/c6i types). Each error names both fields.
 */
function architectureConflicts(
  pool: ResolvedNodePool,
  at: (field: string) => string,
): TemplateFieldError[] {
  const allowed = pool.architectures.join(', ');
  const conflicts = (field: 'instanceTypes' | 'instanceFamilies') =>
    pool[field].flatMap((name, i) => {
      const arch = instanceArchitecture(name);
      return arch === undefined || pool.architectures.includes(arch)
        ? []
        : [
            {
              field: at(`${field}[${i}]`),
              message: `${name} is ${arch}, but architectures allows only ${allowed}: add ${arch} to architectures or choose ${allowed} ${field} (a field left empty takes the ${pool.preset} preset's value)`,
            },
          ];
    });
  return [...conflicts('instanceTypes'), ...conflicts('instanceFamilies')];
}

/** Karpenter's AWS provider reads category and generation from the type name this way. */
const INSTANCE_TYPE_SCHEME = /^([a-z]+)(-[0-9]+tb)?([0-9]+)/;

/**
 * Checks that need the preset applied: explicit instance types must survive the category, family
 * and generation filters (otherwise the NodePool could never launch them), and the reserved
 * capacity type needs capacity reservations to select.
 */
export function checkResolvedNodePool(
  pool: ResolvedNodePool,
  index: number,
): TemplateFieldError[] {
  const errors: TemplateFieldError[] = [];
  const at = (field: string) => `nodePools[${index}].${field}`;
  pool.instanceTypes.forEach((type, i) => {
    const match = INSTANCE_TYPE_SCHEME.exec(type);
    const family = type.split('.')[0];
    const field = at(`instanceTypes[${i}]`);
    if (
      pool.instanceFamilies.length > 0 &&
      !pool.instanceFamilies.includes(family)
    ) {
      errors.push({
        field,
        message: `${type} is excluded by instanceFamilies (${pool.instanceFamilies.join(
          ', ',
        )}); add its family or clear instanceFamilies`,
      });
    }
    if (!match) {
      return;
    }
    const [, category, , generation] = match;
    if (
      pool.instanceCategories.length > 0 &&
      !pool.instanceCategories.includes(category)
    ) {
      errors.push({
        field,
        message: `${type} is excluded by instanceCategories (${pool.instanceCategories.join(
          ', ',
        )}); add "${category}" or set instanceCategories to []`,
      });
    }
    if (
      pool.instanceGenerationGreaterThan !== undefined &&
      Number(generation) <= pool.instanceGenerationGreaterThan
    ) {
      errors.push({
        field,
        message: `${type} is excluded by instanceGenerationGreaterThan (${pool.instanceGenerationGreaterThan}); lower it or remove the type`,
      });
    }
  });
  errors.push(...architectureConflicts(pool, at));
  if (
    pool.capacityTypes.includes('reserved') &&
    pool.nodeClass.capacityReservationIds.length === 0
  ) {
    errors.push({
      field: at('capacityTypes'),
      message:
        'reserved capacity needs nodeClass.capacityReservationIds to select reservations from',
    });
  }
  return errors;
}
