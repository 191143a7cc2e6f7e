import { parseKarpenterValues } from './valuesFile';

const VALID = `# a comment
clusterName: prod-eu
awsRegion: eu-west-1
moduleSource: git::https://example.com/karpenter.git?ref=v1.0.0
nodePools:
  - name: general
    preset: general
    limits:
      cpu: "100"
`;

describe('parseKarpenterValues', () => {
  it('reads a values file with the model defaults filled in', () => {
    const result = parseKarpenterValues(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.clusterName).toBe('prod-eu');
    expect(result.value.namespace).toBe('karpenter');
    expect(result.value.nodePools).toEqual([
      expect.objectContaining({
        name: 'general',
        preset: 'general',
        limits: { cpu: '100' },
      }),
    ]);
  });

  it('names the fields the model rejects', () => {
    const result = parseKarpenterValues(
      VALID.replace('cpu: "100"', 'cpu: "lots"'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(e => e.field)).toEqual([
      'nodePools[0].limits.cpu',
    ]);
  });

  it('rejects YAML that does not parse, and duplicate keys, naming the file and line', () => {
    const broken = parseKarpenterValues('clusterName: [a\n');
    expect(broken).toEqual({
      ok: false,
      errors: [
        {
          field: 'karpenter-values.yaml',
          message: expect.stringMatching(/^is not valid YAML: /),
        },
      ],
    });
    const duplicate = parseKarpenterValues(`${VALID}clusterName: other\n`);
    expect(duplicate.ok).toBe(false);
    if (duplicate.ok) return;
    expect(duplicate.errors[0].message).toMatch(/unique|duplicate/i);
  });

  it('refuses a file far larger than any values file', () => {
    const result = parseKarpenterValues(`# ${'x'.repeat(600 * 1024)}\n`);
    expect(result.ok).toBe(false);
  });
});
