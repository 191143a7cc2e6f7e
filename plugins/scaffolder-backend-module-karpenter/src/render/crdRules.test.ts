import { AWS_WELL_KNOWN_LABELS } from '@karpenter-backstage/karpenter-template';
import { crdDirectory } from '@karpenter-backstage/karpenter-crds';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The input model hard-codes a few Karpenter v1 CEL rules, so a bad value is reported on the form
 * field rather than by the CRD validator on the rendered manifest; these tests keep them in line
 * with the CRDs copied into karpenter-crds.
 */
describe('the input model follows the Karpenter v1 CRD rules', () => {
  const nodePoolCrd = parse(
    fs.readFileSync(
      path.join(crdDirectory(), 'karpenter.sh_nodepools.yaml'),
      'utf8',
    ),
  );
  const keySchema =
    nodePoolCrd.spec.versions[0].schema.openAPIV3Schema.properties.spec
      .properties.template.properties.spec.properties.requirements.items
      .properties.key;

  it('allows exactly the karpenter.k8s.aws labels of the requirement key rule', () => {
    const rule: string = keySchema['x-kubernetes-validations'].find(
      (v: { message: string }) => v.message.includes('karpenter.k8s.aws'),
    ).rule;
    const listed = new Set(
      Array.from(rule.matchAll(/"(karpenter\.k8s\.aws\/[^"]+)"/g), m => m[1]),
    );
    expect(new Set(AWS_WELL_KNOWN_LABELS)).toEqual(listed);
  });

  it('restricts karpenter.sh/nodepool and kubernetes.io/hostname like the CRD', () => {
    const rules = keySchema['x-kubernetes-validations'].map(
      (v: { rule: string }) => v.rule,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'self != "karpenter.sh/nodepool"',
        'self != "kubernetes.io/hostname"',
      ]),
    );
  });
});
