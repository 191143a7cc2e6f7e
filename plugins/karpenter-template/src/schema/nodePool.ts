import { z } from 'zod/v3';
import {
  ARCHITECTURES,
  BUDGET_DISRUPTION_REASONS,
  CAPACITY_TYPES,
  CONSOLIDATION_POLICIES,
  NODE_POOL_PRESET_NAMES,
  REQUIREMENT_OPERATORS,
  TAINT_EFFECTS,
} from '../constants';
import { checkBudgetNodes, budgetWindow } from '../rules/disruption';
import {
  checkBudgetDuration,
  checkDuration,
  checkDurationOrNever,
} from '../rules/duration';
import { checkCronSchedule } from '../rules/cron';
import {
  checkInstanceCategory,
  checkInstanceFamily,
  checkInstanceType,
} from '../rules/ec2';
import {
  checkKarpenterLabelKey,
  checkLabelValue,
  checkTaintKey,
  checkTaintValue,
} from '../rules/labels';
import { uniqueTaints } from '../rules/lists';
import { checkDns1123Label, checkIntegerInRange } from '../rules/names';
import { checkPositiveQuantity } from '../rules/quantity';
import { requirementValues } from '../rules/requirements';
import {
  checked,
  checkedString,
  refined,
  stringMap,
  uniqueList,
} from './combinators';
import { nodeClassInputSchema } from './nodeClass';

/** A NodePool taint. @public */
export const nodePoolTaintSchema = z
  .object({
    key: checkedString(checkTaintKey).describe('Taint key'),
    value: checkedString(checkTaintValue)
      .optional()
      .describe('Taint value (optional)'),
    effect: z.enum(TAINT_EFFECTS).describe('Taint effect'),
  })
  .strict();

const taints = (description: string) =>
  refined(z.array(nodePoolTaintSchema), uniqueTaints).describe(description);

/** A NodePool disruption budget. @public */
export const disruptionBudgetSchema = refined(
  z
    .object({
      nodes: checkedString(checkBudgetNodes).describe(
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
    .strict(),
  budgetWindow,
);

/** A NodePool scheduling requirement. @public */
export const nodePoolRequirementSchema = refined(
  z
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
    .strict(),
  requirementValues,
);

const quantity = (description: string) =>
  checked(z.union([z.string(), z.number()]), checkPositiveQuantity).describe(
    description,
  );

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
      .array(nodePoolRequirementSchema)
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
    budgets: z
      .array(disruptionBudgetSchema)
      .max(50)
      .optional()
      .describe('Disruption budgets'),
    nodeClass: nodeClassInputSchema.optional(),
  })
  .strict();

/** One NodePool as entered. @public */
export type NodePoolInput = z.input<typeof nodePoolInputSchema>;
/** @public */
export type NodePoolTaint = z.output<typeof nodePoolTaintSchema>;
/** @public */
export type NodePoolRequirement = z.output<typeof nodePoolRequirementSchema>;
/** @public */
export type DisruptionBudget = z.output<typeof disruptionBudgetSchema>;
/** Parsed (validated) input before presets and defaults are applied. */
export type ParsedNodePool = z.output<typeof nodePoolInputSchema>;
