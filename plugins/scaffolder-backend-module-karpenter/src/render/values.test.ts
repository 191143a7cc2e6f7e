import { parse } from 'yaml';
import { renderValuesFile, VALUES_FILE } from './values';

const input = {
  nodePools: [{ name: 'general' }],
  awsRegion: 'eu-west-1',
  clusterName: 'demo',
};

describe('renderValuesFile', () => {
  it('writes the input with defaults and the module source used, keys in the model order', () => {
    const file = renderValuesFile(input, {
      defaultModuleSource: 'git::https://git.example.com/k.git?ref=v1',
    });
    expect(file.path).toBe(VALUES_FILE);
    const values = parse(file.content);
    expect(Object.keys(values)).toEqual([
      'clusterName',
      'awsRegion',
      'environment',
      'namespace',
      'serviceAccountName',
      'helmChartVersion',
      'tags',
      'moduleSource',
      'nodePools',
    ]);
    expect(values.moduleSource).toBe(
      'git::https://git.example.com/k.git?ref=v1',
    );
    // its own values render the same bytes (no default needed any more)
    expect(renderValuesFile(values).content).toBe(file.content);
  });

  it('keeps a moduleSource of the input over the default, and needs one of them', () => {
    const file = renderValuesFile(
      { ...input, moduleSource: '../modules/karpenter' },
      { defaultModuleSource: 'git::https://git.example.com/k.git?ref=v1' },
    );
    expect(parse(file.content).moduleSource).toBe('../modules/karpenter');
    expect(() => renderValuesFile(input)).toThrow(
      /karpenter\.scaffolder\.defaultModuleSource is not configured/,
    );
  });
});
