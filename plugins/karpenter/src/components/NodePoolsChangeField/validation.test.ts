import { validateNodePoolsChange } from './validation';

const CLUSTER = 'resource:default/prod-eu';
const source = {
  entityRef: CLUSTER,
  clusterName: 'prod-eu',
  valuesUrl: 'https://github.com/acme/prod-eu/blob/main/karpenter-values.yaml',
  catalogInfoUrl: 'https://github.com/acme/prod-eu/blob/main/catalog-info.yaml',
};
const values = {
  values: {
    nodePools: [
      { name: 'general', preset: 'general' },
      { name: 'batch', preset: 'batch', limits: { cpu: '200' } },
    ],
  },
};

describe('validateNodePoolsChange', () => {
  const context = (formData: Record<string, unknown>) => ({
    apiHolder: { get: () => undefined },
    formData: formData as never,
    schema: {},
    uiSchema: { 'ui:options': { clusterField: 'cluster' } },
  });
  function errorsOf(value: object, formData: Record<string, unknown>) {
    const errors: string[] = [];
    validateNodePoolsChange(
      value,
      { addError: (m: string) => errors.push(m) } as never,
      context(formData),
    );
    return errors;
  }

  it('refuses values that were not loaded, or were loaded for another cluster', () => {
    expect(
      errorsOf(
        { source: {}, nodePools: [{ name: 'a' }] },
        { cluster: CLUSTER },
      ),
    ).toEqual([expect.stringMatching(/NodePools are not loaded/)]);
    expect(
      errorsOf(
        { source, nodePools: [{ name: 'a' }] },
        { cluster: 'resource:default/prod-us' },
      ),
    ).toEqual([
      `The NodePools were loaded for ${CLUSTER}, not for the picked cluster resource:default/prod-us: wait for them to load`,
    ]);
  });

  it('lists every template-model error with its field, and none for valid NodePools', () => {
    // refs compare in canonical form: kind and namespace may be left out or capitalised
    expect(
      errorsOf(
        { source, nodePools: values.values.nodePools as object[] },
        { cluster: 'Resource:prod-eu' },
      ),
    ).toEqual([]);
    expect(
      errorsOf(
        {
          source,
          nodePools: [
            { name: 'a', limits: { cpu: 'lots' } },
            { name: 'a', capacityTypes: [] },
          ],
        },
        { cluster: CLUSTER },
      ),
    ).toEqual([
      'nodePools[0].limits.cpu: must be a positive quantity such as 1000, 500m or 1000Gi',
      'nodePools[1].name: duplicate NodePool name "a"',
    ]);
  });
});
