import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compileCel } from '../cel';
import { collectRules, compileRule, validateCelRules } from './celRules';
import {
  KARPENTER_CRD_FILES,
  crdDirectory,
  loadKarpenterCrds,
} from './loadCrds';
import { CEL_RULES_NOT_CHECKED, validateKarpenterObject } from './validate';

/** Every object carrying `x-kubernetes-validations`, anywhere in a parsed CRD file. */
function rulesAnywhere(node: unknown, out: Array<Record<string, any>> = []) {
  if (Array.isArray(node)) {
    node.forEach(child => rulesAnywhere(child, out));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-kubernetes-validations') {
        out.push(...(value as Array<Record<string, any>>));
      } else {
        rulesAnywhere(value, out);
      }
    }
  }
  return out;
}

const crdFiles = KARPENTER_CRD_FILES.map(file =>
  parse(fs.readFileSync(path.join(crdDirectory(), file), 'utf8')),
);

describe('the CRDs x-kubernetes-validations rules', () => {
  const all = crdFiles.flatMap(doc => rulesAnywhere(doc));
  const distinct = [...new Set(all.map(r => r.rule as string))];

  it('finds the ~60 distinct rules of the three CRDs', () => {
    expect(distinct.length).toBeGreaterThanOrEqual(55);
  });

  it.each(distinct)('compiles rule %s', rule => {
    expect(() => compileCel(rule)).not.toThrow();
  });

  it('uses only rule options the validator implements', () => {
    for (const rule of all) {
      expect(() => compileRule(rule as any)).not.toThrow();
      expect([
        'rule',
        'message',
        'messageExpression',
        'reason',
        'fieldPath',
        'optionalOldSelf',
      ]).toEqual(expect.arrayContaining(Object.keys(rule)));
    }
  });

  it('reaches every rule of the served v1 schemas when walking the schema', () => {
    for (const [i, crd] of loadKarpenterCrds().entries()) {
      const version = crdFiles[i].spec.versions.find(
        (v: { name: string }) => v.name === 'v1',
      );
      expect(collectRules(crd.schema).length).toBe(
        rulesAnywhere(version.schema).length,
      );
    }
  });

  it('treats exactly the oldSelf rules as transition rules', () => {
    const transition = all
      .filter(r => compileRule(r as any).transition)
      .map(r => r.rule);
    expect([...new Set(transition)].sort()).toEqual([
      'has(self.replicas) == has(oldSelf.replicas)',
      'self == oldSelf',
      'self.group == oldSelf.group',
      'self.kind == oldSelf.kind',
    ]);
  });
});

const nodePool = (): any => ({
  apiVersion: 'karpenter.sh/v1',
  kind: 'NodePool',
  metadata: { name: 'general' },
  spec: {
    template: {
      metadata: { labels: { workload: 'general' } },
      spec: {
        nodeClassRef: {
          group: 'karpenter.k8s.aws',
          kind: 'EC2NodeClass',
          name: 'general',
        },
        requirements: [
          {
            key: 'karpenter.sh/capacity-type',
            operator: 'In',
            values: ['spot', 'on-demand'],
          },
          {
            key: 'karpenter.k8s.aws/instance-generation',
            operator: 'Gt',
            values: ['5'],
          },
          { key: 'kubernetes.io/arch', operator: 'Exists' },
        ],
      },
    },
    limits: { cpu: '1000' },
    disruption: {
      consolidationPolicy: 'WhenEmptyOrUnderutilized',
      consolidateAfter: '1m',
      budgets: [{ nodes: '0', schedule: '0 9 * * mon-fri', duration: '8h' }],
    },
  },
});

const nodeClass = (): any => ({
  apiVersion: 'karpenter.k8s.aws/v1',
  kind: 'EC2NodeClass',
  metadata: { name: 'general' },
  spec: {
    role: 'KarpenterNodeRole-demo',
    amiSelectorTerms: [{ alias: 'al2023@latest' }],
    subnetSelectorTerms: [{ tags: { 'karpenter.sh/discovery': 'demo' } }],
    securityGroupSelectorTerms: [{ id: 'sg-0123456789abcdef0' }],
    tags: { team: 'payments' },
    blockDeviceMappings: [
      {
        deviceName: '/dev/xvda',
        rootVolume: true,
        ebs: { volumeSize: '100Gi', volumeType: 'gp3' },
      },
    ],
  },
});

const nodeClaim = (): any => ({
  apiVersion: 'karpenter.sh/v1',
  kind: 'NodeClaim',
  metadata: { name: 'general-abcde' },
  spec: {
    nodeClassRef: {
      group: 'karpenter.k8s.aws',
      kind: 'EC2NodeClass',
      name: 'general',
    },
    requirements: [
      {
        key: 'node.kubernetes.io/instance-type',
        operator: 'In',
        values: ['m5.large'],
      },
    ],
  },
});

const violations = (object: unknown, old?: unknown) =>
  validateKarpenterObject(object, old).violations;

describe('validateKarpenterObject evaluates the CEL rules', () => {
  it('accepts valid NodePools, EC2NodeClasses and NodeClaims', () => {
    expect(violations(nodePool())).toEqual([]);
    expect(violations(nodeClass())).toEqual([]);
    expect(violations(nodeClaim())).toEqual([]);
    const custom = nodeClass();
    custom.spec.amiFamily = 'AL2023';
    custom.spec.amiSelectorTerms = [
      { tags: { 'karpenter.sh/discovery': 'demo' } },
      { name: 'my-ami-*', owner: 'self' },
    ];
    delete custom.spec.role;
    custom.spec.instanceProfile = 'KarpenterNodeInstanceProfile';
    expect(violations(custom)).toEqual([]);
  });

  it('rejects an EC2NodeClass with both role and instanceProfile, or neither', () => {
    const both = nodeClass();
    both.spec.instanceProfile = 'KarpenterNodeInstanceProfile';
    const expected = [
      {
        field: 'spec',
        message:
          "Invalid value: must specify exactly one of ['role', 'instanceProfile']",
      },
    ];
    expect(validateKarpenterObject(both)).toEqual({
      valid: false,
      kind: 'EC2NodeClass',
      violations: expected,
    });
    const neither = nodeClass();
    delete neither.spec.role;
    expect(violations(neither)).toEqual(expected);
  });

  it('rejects an empty role with the rule on the string field, showing the value', () => {
    const bad = nodeClass();
    bad.spec.role = '';
    expect(violations(bad)).toEqual([
      {
        field: 'spec.role',
        message: 'Invalid value: "": role cannot be empty',
      },
    ]);
  });

  it('rejects amiSelectorTerms mixing an alias with another term', () => {
    const bad = nodeClass();
    bad.spec.amiSelectorTerms.push({ id: 'ami-0123456789abcdef0' });
    expect(violations(bad)).toEqual([
      {
        field: 'spec.amiSelectorTerms',
        message:
          "Invalid value: 'alias' is mutually exclusive, cannot be set with a combination of other amiSelectorTerms",
      },
    ]);
  });

  it('rejects a Windows alias pinned to a version other than latest', () => {
    const bad = nodeClass();
    bad.spec.amiSelectorTerms = [{ alias: 'windows2022@v1' }];
    expect(violations(bad)).toEqual([
      {
        field: 'spec.amiSelectorTerms[0].alias',
        message:
          'Invalid value: "windows2022@v1": windows families may only specify version \'latest\'',
      },
    ]);
  });

  it('rejects an unknown alias family, an alias without a version and amiFamily mismatches', () => {
    const bad = nodeClass();
    bad.spec.amiSelectorTerms = [{ alias: 'ubuntu@latest' }];
    expect(violations(bad).map(v => v.message)).toEqual([
      expect.stringContaining('family is not supported'),
    ]);
    bad.spec.amiSelectorTerms = [{ alias: 'windows2022' }];
    // all rules run: the format rule fails, the 'latest' rule cannot even index the version
    expect(violations(bad)).toEqual([
      {
        field: 'spec.amiSelectorTerms[0].alias',
        message:
          "Invalid value: \"windows2022\": 'alias' is improperly formatted, must match the format 'family@version'",
      },
      {
        field: 'spec.amiSelectorTerms[0].alias',
        message:
          'Invalid value: "windows2022": index out of bounds: 1 evaluating rule: windows families may only specify version \'latest\'',
      },
    ]);
    const family = nodeClass();
    family.spec.amiFamily = 'Bottlerocket';
    expect(violations(family)).toEqual([
      {
        field: 'spec',
        message:
          "Invalid value: if set, amiFamily must be 'AL2023' or 'Custom' when using an AL2023 alias",
      },
    ]);
    const noAlias = nodeClass();
    noAlias.spec.amiSelectorTerms = [{ id: 'ami-0123456789abcdef0' }];
    expect(violations(noAlias)).toEqual([
      {
        field: 'spec',
        message:
          'Invalid value: must specify amiFamily if amiSelectorTerms does not contain an alias',
      },
    ]);
  });

  it('rejects restricted tags and empty selector terms', () => {
    const bad = nodeClass();
    bad.spec.tags = { 'kubernetes.io/cluster/demo': 'owned' };
    bad.spec.subnetSelectorTerms = [{ tags: { '': 'x' } }];
    bad.spec.securityGroupSelectorTerms = [{}];
    expect(violations(bad)).toEqual([
      {
        field: 'spec.subnetSelectorTerms[0].tags',
        message: "Invalid value: empty tag keys or values aren't supported",
      },
      {
        field: 'spec.securityGroupSelectorTerms',
        message:
          "Invalid value: expected at least one, got none, ['tags', 'id', 'name']",
      },
      {
        field: 'spec.tags',
        message:
          'Invalid value: tag contains a restricted tag matching kubernetes.io/cluster/',
      },
    ]);
  });

  it('rejects two root volumes and an EBS volume without snapshot or size', () => {
    const bad = nodeClass();
    bad.spec.blockDeviceMappings.push({
      deviceName: '/dev/xvdb',
      rootVolume: true,
      ebs: { volumeType: 'gp3' },
    });
    expect(violations(bad)).toEqual([
      {
        field: 'spec.blockDeviceMappings',
        message:
          'Invalid value: must have only one blockDeviceMappings with rootVolume',
      },
      {
        field: 'spec.blockDeviceMappings[1].ebs',
        message: 'Invalid value: snapshotID or volumeSize must be defined',
      },
    ]);
  });

  it('rejects a NodePool requirement with operator In and no values', () => {
    const bad = nodePool();
    bad.spec.template.spec.requirements[0].values = [];
    expect(violations(bad)).toEqual([
      {
        field: 'spec.template.spec.requirements',
        message:
          "Invalid value: requirements with operator 'In' must have a value defined",
      },
    ]);
    // without the values field at all, the rule cannot evaluate (as on a real API server)
    delete bad.spec.template.spec.requirements[0].values;
    expect(violations(bad)).toEqual([
      {
        field: 'spec.template.spec.requirements',
        message:
          "Invalid value: no such key: values evaluating rule: requirements with operator 'In' must have a value defined",
      },
    ]);
  });

  it('rejects Gt with two values, or with a value that is not an integer', () => {
    const bad = nodePool();
    bad.spec.template.spec.requirements[1].values = ['5', '6'];
    const message =
      "requirements operator 'Gt', 'Lt', 'Gte', or 'Lte' must have a single positive integer value";
    expect(violations(bad)).toEqual([
      {
        field: 'spec.template.spec.requirements',
        message: `Invalid value: ${message}`,
      },
    ]);
    bad.spec.template.spec.requirements[1].values = ['five'];
    expect(violations(bad)).toEqual([
      {
        field: 'spec.template.spec.requirements',
        message: `Invalid value: type conversion error from 'string' to 'int' evaluating rule: ${message}`,
      },
    ]);
  });

  it('rejects minValues larger than the number of values', () => {
    const bad = nodePool();
    bad.spec.template.spec.requirements[0].minValues = 3;
    expect(violations(bad).map(v => v.message)).toEqual([
      "Invalid value: requirements with 'minValues' must have at least that many values specified in the 'values' field",
    ]);
  });

  it('rejects restricted requirement keys and template labels', () => {
    const bad = nodePool();
    bad.spec.template.spec.requirements.push({
      key: 'karpenter.sh/foo',
      operator: 'Exists',
    });
    bad.spec.template.spec.requirements.push({
      key: 'kubernetes.io/hostname',
      operator: 'Exists',
    });
    bad.spec.template.metadata.labels['karpenter.k8s.aws/foo'] = 'x';
    expect(violations(bad)).toEqual([
      {
        field: 'spec.template.metadata.labels',
        message:
          'Invalid value: label domain "karpenter.k8s.aws" is restricted',
      },
      {
        field: 'spec.template.spec.requirements[3].key',
        message:
          'Invalid value: "karpenter.sh/foo": label domain "karpenter.sh" is restricted',
      },
      {
        field: 'spec.template.spec.requirements[4].key',
        message:
          'Invalid value: "kubernetes.io/hostname": label "kubernetes.io/hostname" is restricted',
      },
    ]);
  });

  it('allows the well-known karpenter.sh and karpenter.k8s.aws keys', () => {
    const ok = nodePool();
    ok.spec.template.spec.requirements.push(
      {
        key: 'karpenter.k8s.aws/instance-family',
        operator: 'In',
        values: ['m5'],
      },
      { key: 'example.com/karpenter.sh-ish', operator: 'Exists' },
    );
    expect(violations(ok)).toEqual([]);
  });

  it('rejects a disruption budget with a schedule but no duration', () => {
    const bad = nodePool();
    delete bad.spec.disruption.budgets[0].duration;
    expect(violations(bad)).toEqual([
      {
        field: 'spec.disruption.budgets',
        message: "Invalid value: 'schedule' must be set with 'duration'",
      },
    ]);
  });

  it('rejects limits other than nodes, and weight, on static NodePools', () => {
    const bad = nodePool();
    bad.spec.replicas = 3;
    bad.spec.weight = 10;
    expect(violations(bad).map(v => v.message)).toEqual([
      "Invalid value: only 'limits.nodes' is supported on static NodePools",
      "Invalid value: 'weight' is not supported on static NodePools",
    ]);
    bad.spec.limits = { nodes: '5' };
    delete bad.spec.weight;
    expect(violations(bad)).toEqual([]);
  });

  describe('transition rules (with the old object)', () => {
    it('are skipped without an old object', () => {
      const changed = nodePool();
      changed.spec.template.spec.nodeClassRef.group = 'example.com';
      expect(violations(changed)).toEqual([]);
    });

    it('reject a nodeClassRef group or kind change', () => {
      const changed = nodePool();
      changed.spec.template.spec.nodeClassRef.group = 'example.com';
      changed.spec.template.spec.nodeClassRef.kind = 'OtherNodeClass';
      expect(violations(changed, nodePool())).toEqual([
        {
          field: 'spec.template.spec.nodeClassRef',
          message: 'Invalid value: nodeClassRef.group is immutable',
        },
        {
          field: 'spec.template.spec.nodeClassRef',
          message: 'Invalid value: nodeClassRef.kind is immutable',
        },
      ]);
      const renamed = nodePool();
      renamed.spec.template.spec.nodeClassRef.name = 'other';
      expect(violations(renamed, nodePool())).toEqual([]);
    });

    it('reject switching a NodePool between static and dynamic', () => {
      const toStatic = nodePool();
      toStatic.spec.replicas = 2;
      toStatic.spec.limits = { nodes: '2' };
      expect(violations(toStatic, nodePool()).map(v => v.message)).toEqual([
        'Invalid value: Cannot transition NodePool between static (replicas set) and dynamic (replicas unset) provisioning modes',
      ]);
      const scaled = structuredClone(toStatic);
      scaled.spec.replicas = 4;
      expect(violations(scaled, toStatic)).toEqual([]);
    });

    it('reject any change of a NodeClaim spec', () => {
      const changed = nodeClaim();
      changed.spec.requirements[0].values = ['m5.xlarge'];
      expect(violations(changed, nodeClaim())).toEqual([
        { field: 'spec', message: 'Invalid value: spec is immutable' },
      ]);
      const relabelled = nodeClaim();
      relabelled.metadata.labels = { a: 'b' };
      expect(violations(relabelled, nodeClaim())).toEqual([]);
    });

    it('ignore an old object of another kind', () => {
      const changed = nodePool();
      changed.spec.template.spec.nodeClassRef.group = 'example.com';
      expect(violations(changed, nodeClass())).toEqual([]);
    });

    it('ratchet: an update keeps a value that was already invalid, but may not change it to another invalid one', () => {
      const stored = nodePool();
      stored.spec.template.metadata.labels['karpenter.sh/legacy'] = 'x';
      const update = structuredClone(stored);
      update.spec.weight = 50;
      expect(violations(update)).toHaveLength(1);
      expect(violations(update, stored)).toEqual([]);
      update.spec.template.metadata.labels['karpenter.sh/other'] = 'y';
      expect(violations(update, stored)).toEqual([
        {
          field: 'spec.template.metadata.labels',
          message: 'Invalid value: label domain "karpenter.sh" is restricted',
        },
      ]);
    });
  });

  it('does not evaluate the rules when the OpenAPI check found a blocking error, like kube-apiserver', () => {
    const bad = nodeClass();
    bad.spec.instanceProfile = 'KarpenterNodeInstanceProfile';
    bad.spec.amiFamily = 'Ubuntu';
    expect(violations(bad)).toEqual([
      {
        field: 'spec.amiFamily',
        message: expect.stringContaining('Unsupported value'),
      },
      CEL_RULES_NOT_CHECKED,
    ]);
    // a pattern mismatch is not blocking: the rules still run
    const pattern = nodePool();
    pattern.spec.template.spec.expireAfter = 'forever';
    pattern.spec.template.spec.requirements[0].values = [];
    expect(violations(pattern).map(v => v.field)).toEqual([
      'spec.template.spec.expireAfter',
      'spec.template.spec.requirements',
    ]);
  });
});

describe('validateCelRules', () => {
  const schema = {
    type: 'object',
    properties: {
      a: {
        type: 'object',
        properties: { x: { type: 'integer' }, y: { type: 'integer' } },
        'x-kubernetes-validations': [
          {
            rule: 'self.x < self.y',
            messageExpression: "'x (' + string(self.x) + ') must be below y'",
            fieldPath: '.x',
          },
          {
            rule: 'self.x != 7',
            reason: 'FieldValueForbidden',
            message: 'no 7',
          },
          { rule: 'self.x != 8' },
          {
            rule: 'self.x != 9',
            messageExpression: 'self.nope',
            message: 'not 9',
          },
        ],
      },
      items: {
        type: 'array',
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-list-map-keys': ['name'],
        items: {
          type: 'object',
          properties: { name: { type: 'string' }, v: { type: 'integer' } },
          'x-kubernetes-validations': [
            { rule: 'self.v >= oldSelf.v', message: 'v may not decrease' },
          ],
        },
      },
      m: {
        type: 'object',
        additionalProperties: {
          type: 'string',
          'x-kubernetes-validations': [
            { rule: "self != ''", message: 'empty' },
          ],
        },
      },
    },
  };

  it('uses messageExpression, reason, fieldPath and the default message', () => {
    expect(validateCelRules(schema, { a: { x: 3, y: 1 } }, undefined)).toEqual([
      { field: 'a.x', message: 'Invalid value: x (3) must be below y' },
    ]);
    expect(validateCelRules(schema, { a: { x: 7, y: 8 } }, undefined)).toEqual([
      { field: 'a', message: 'Forbidden: no 7' },
    ]);
    expect(validateCelRules(schema, { a: { x: 8, y: 9 } }, undefined)).toEqual([
      { field: 'a', message: 'Invalid value: failed rule: self.x != 8' },
    ]);
    expect(validateCelRules(schema, { a: { x: 9, y: 10 } }, undefined)).toEqual(
      [{ field: 'a', message: 'Invalid value: not 9' }],
    );
  });

  it('skips absent and null values, names map entries by key', () => {
    expect(validateCelRules(schema, { a: null }, undefined)).toEqual([]);
    expect(validateCelRules(schema, {}, undefined)).toEqual([]);
    expect(validateCelRules(schema, { m: { k: '' } }, undefined)).toEqual([
      { field: 'm[k]', message: 'Invalid value: "": empty' },
    ]);
  });

  it('correlates list-type map items by key for transition rules', () => {
    const old = {
      items: [
        { name: 'a', v: 2 },
        { name: 'b', v: 5 },
      ],
    };
    expect(
      validateCelRules(
        schema,
        {
          items: [
            { name: 'b', v: 4 },
            { name: 'c', v: 0 },
            { name: 'a', v: 3 },
          ],
        },
        old,
      ),
    ).toEqual([
      { field: 'items[0]', message: 'Invalid value: v may not decrease' },
    ]);
  });

  it('reports a non-bool rule result as an error', () => {
    const weird = {
      type: 'string',
      'x-kubernetes-validations': [{ rule: 'self', message: 'm' }],
    };
    expect(validateCelRules(weird, 'text', undefined)).toEqual([
      {
        field: '<root>',
        message: expect.stringMatching(
          /^Invalid value: "text": 'no such overload.*for rule: m$/,
        ),
      },
    ]);
  });

  it('refuses rules it cannot evaluate faithfully', () => {
    expect(() =>
      compileRule({ rule: 'self == oldSelf', optionalOldSelf: true }),
    ).toThrow('optionalOldSelf');
    expect(() => compileRule({ rule: 'self.exists_two(x, x)' })).toThrow();
  });
});
