import {
  ARCHITECTURES,
  AWS_REGION_PATTERN,
  BUDGET_DISRUPTION_REASONS,
  CAPACITY_TYPES,
  CLUSTER_DEFAULTS,
  CLUSTER_NAME_PATTERN,
  CONSOLIDATION_POLICIES,
  HELM_CHART_VERSION_PATTERN,
  MAX_CLUSTER_NAME_LENGTH,
  MAX_NODE_POOLS,
  NODE_POOL_PRESET_NAMES,
  TAINT_EFFECTS,
  validateKarpenterNodePoolsInput,
} from '@karpenter-backstage/karpenter-template';
import { DNS1123_LABEL_PATTERN } from '@karpenter-backstage/plugin-karpenter-common';
import {
  createNodePoolsRenderAction,
  createTerraformRenderAction,
} from '../actions';
import { loadChangeTemplate } from '../__testUtils__/changeTemplate';
import { loadTemplate } from '../__testUtils__/template';

/**
 * The form (template.yaml parameters) is a view of the one input model in karpenter-common:
 * these tests keep its patterns, enums, defaults and field names equal to the model.
 */
describe('the karpenter-eks form follows the input model', () => {
  const template = loadTemplate();
  const props: Record<string, any> = Object.assign(
    {},
    ...template.spec.parameters.map((page: any) => page.properties),
  );
  const pool = props.nodePools.items.properties;

  it('is a v1beta3 template registered for the portal', () => {
    expect(template.apiVersion).toBe('scaffolder.backstage.io/v1beta3');
    expect(template.kind).toBe('Template');
    expect(template.spec.steps.map((s: any) => s.action)).toEqual([
      'karpenter:terraform:render',
      'karpenter:nodepools:render',
      'karpenter:values:render',
      'fetch:template',
      'publish:github',
      'catalog:register',
    ]);
    expect(props.repoUrl['ui:field']).toBe('RepoUrlPicker');
    expect(props.owner['ui:field']).toBe('OwnerPicker');
  });

  it('uses the model patterns and defaults', () => {
    expect(props.clusterName.pattern).toBe(CLUSTER_NAME_PATTERN);
    expect(props.clusterName.maxLength).toBe(MAX_CLUSTER_NAME_LENGTH);
    expect(props.awsRegion.pattern).toBe(AWS_REGION_PATTERN);
    expect(props.environment.pattern).toBe(DNS1123_LABEL_PATTERN);
    expect(props.namespace.pattern).toBe(DNS1123_LABEL_PATTERN);
    expect(props.namespace.maxLength).toBe(63);
    // the module's service_account_name accepts a DNS-1123 label only (no dots, <= 63)
    expect(props.serviceAccountName.pattern).toBe(DNS1123_LABEL_PATTERN);
    expect(props.serviceAccountName.maxLength).toBe(63);
    expect(props.helmChartVersion.pattern).toBe(HELM_CHART_VERSION_PATTERN);
    expect(pool.name.pattern).toBe(DNS1123_LABEL_PATTERN);
    expect(props.environment.default).toBe(CLUSTER_DEFAULTS.environment);
    expect(props.namespace.default).toBe(CLUSTER_DEFAULTS.namespace);
    expect(props.serviceAccountName.default).toBe(
      CLUSTER_DEFAULTS.serviceAccountName,
    );
    expect(props.helmChartVersion.default).toBe(
      CLUSTER_DEFAULTS.helmChartVersion,
    );
    expect(props.nodePools.maxItems).toBe(MAX_NODE_POOLS);
    expect(
      validateKarpenterNodePoolsInput({
        clusterName: 'demo',
        nodePools: props.nodePools.default,
      }).ok,
    ).toBe(true);
  });

  it('uses the model enums', () => {
    expect(pool.preset.enum).toEqual([...NODE_POOL_PRESET_NAMES]);
    expect(pool.preset['ui:enumNames']).toHaveLength(
      NODE_POOL_PRESET_NAMES.length,
    );
    expect(pool.capacityTypes.items.enum).toEqual([...CAPACITY_TYPES]);
    expect(pool.architectures.items.enum).toEqual([...ARCHITECTURES]);
    expect(pool.consolidationPolicy.enum).toEqual([...CONSOLIDATION_POLICIES]);
    expect(pool.taints.items.properties.effect.enum).toEqual([
      ...TAINT_EFFECTS,
    ]);
    expect(pool.budgets.items.properties.reasons.items.enum).toEqual([
      ...BUDGET_DISRUPTION_REASONS,
    ]);
  });

  /** Every form field must exist in the action's input schema with a compatible type. */
  function expectSubset(form: any, model: any, at: string) {
    const type = (s: any) => (s.type === 'integer' ? 'number' : s.type);
    const modelTypes = ([] as string[]).concat(
      model.anyOf ? model.anyOf.map(type) : type(model),
    );
    expect([at, modelTypes]).toEqual([
      at,
      expect.arrayContaining([type(form)]),
    ]);
    if (form.properties) {
      for (const [name, child] of Object.entries<any>(form.properties)) {
        expect([`${at}.${name}`, Boolean(model.properties?.[name])]).toEqual([
          `${at}.${name}`,
          true,
        ]);
        expectSubset(child, model.properties[name], `${at}.${name}`);
      }
    }
    if (form.items) {
      expectSubset(form.items, model.items, `${at}[]`);
    }
    if (form.additionalProperties) {
      expectSubset(
        form.additionalProperties,
        model.additionalProperties,
        `${at}{}`,
      );
    }
  }

  it('has only fields the render actions accept, with the same types', () => {
    const terraform = createTerraformRenderAction().schema!.input as any;
    const nodePools = createNodePoolsRenderAction().schema!.input as any;
    const formOnly = ['owner', 'description', 'repoUrl'];
    for (const [name, schema] of Object.entries<any>(props)) {
      if (formOnly.includes(name)) {
        continue;
      }
      const model = terraform.properties[name] ?? nodePools.properties[name];
      expect([name, Boolean(model)]).toEqual([name, true]);
      expectSubset(schema, model, name);
    }
  });

  it('passes every model field of the step inputs from the form', () => {
    const [terraformStep, nodePoolsStep] = template.spec.steps;
    const terraform = createTerraformRenderAction().schema!.input as any;
    expect(Object.keys(terraformStep.input).sort()).toEqual(
      Object.keys(terraform.properties).sort(),
    );
    expect(Object.keys(nodePoolsStep.input).sort()).toEqual([
      'clusterName',
      'nodePools',
    ]);
  });
});

describe('the karpenter-nodepools-change form edits NodePools like the create form', () => {
  const template = loadChangeTemplate();
  const [clusterPage, poolsPage] = template.spec.parameters;
  const change = poolsPage.properties.change;

  it('picks a Karpenter cluster entity, then edits its NodePools through the Karpenter field', () => {
    expect(template.apiVersion).toBe('scaffolder.backstage.io/v1beta3');
    expect(clusterPage.properties.cluster['ui:field']).toBe('EntityPicker');
    expect(clusterPage.properties.cluster['ui:options'].catalogFilter).toEqual([
      {
        kind: 'Resource',
        'spec.type': 'kubernetes-cluster',
        'metadata.annotations.karpenter.sh/cluster': { exists: true },
      },
    ]);
    expect(change['ui:field']).toBe('KarpenterNodePoolsChange');
    expect(change['ui:options']).toEqual({
      clusterField: 'cluster',
      focusField: 'nodePool',
    });
    expect(template.spec.steps.map((s: any) => s.action)).toEqual([
      'fetch:plain:file',
      'fetch:plain:file',
      'karpenter:nodepools:change',
      'publish:github:pull-request',
    ]);
  });

  it("has the create form's NodePool item schema and limits, field for field", () => {
    const create = Object.assign(
      {},
      ...loadTemplate().spec.parameters.map((page: any) => page.properties),
    ).nodePools;
    const { default: _default, title, description, ...limits } = create;
    const { items, ...changeLimits } = change.properties.nodePools;
    expect(items).toEqual(create.items);
    expect({ ...changeLimits, title, description }).toEqual({
      ...limits,
      items: undefined,
      title,
      description,
    } as any);
  });
});
