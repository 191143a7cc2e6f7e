import { celActivation, evaluateCel } from '../cel';
import { collectRules, compileRule, LocatedRule } from './celRules';
import { loadKarpenterCrds } from './loadCrds';

/*
 * Every x-kubernetes-validations rule of the shipped CRDs, evaluated on `self` values it accepts
 * and rejects, at every schema node it sits on (with `self` typed by that node). The rules are
 * collected from the CRDs: a rule without a case here (a new or changed rule upstream) fails.
 */

/** Accepted and rejected values of `self`. */
interface SelfCase {
  accept: unknown[];
  reject: unknown[];
}

/** Accepted and rejected `[self, oldSelf]` pairs of a transition rule. */
interface TransitionCase {
  transition: true;
  accept: Array<[unknown, unknown]>;
  reject: Array<[unknown, unknown]>;
}

const quoted = (values: string[]) => values.map(v => `"${v}"`).join(', ');

/** The well-known labels of the karpenter.k8s.aws domain, as the label rules list them. */
const AWS_LABELS = [
  'instance-tenancy',
  'capacity-reservation-type',
  'capacity-reservation-id',
  'capacity-reservation-interruptible',
  'ec2nodeclass',
  'instance-encryption-in-transit-supported',
  'nitro-sandbox',
  'instance-category',
  'instance-hypervisor',
  'instance-family',
  'instance-generation',
  'instance-local-nvme',
  'instance-size',
  'instance-cpu',
  'instance-cpu-manufacturer',
  'instance-cpu-sustained-clock-speed-mhz',
  'instance-memory',
  'instance-ebs-bandwidth',
  'instance-network-bandwidth',
  'instance-gpu-name',
  'instance-gpu-manufacturer',
  'instance-gpu-count',
  'instance-gpu-memory',
  'instance-accelerator-name',
  'instance-accelerator-manufacturer',
  'instance-accelerator-count',
  'instance-capability-flex',
  'placement-group-id',
  'placement-group-partition',
].map(l => `karpenter.k8s.aws/${l}`);
// the NodePool's template-label rule lists capacity-reservation-interruptible twice
const AWS_LABELS_OF_TEMPLATE = [
  ...AWS_LABELS.slice(0, 4),
  AWS_LABELS[3],
  ...AWS_LABELS.slice(4),
];

const awsKeys: SelfCase = {
  accept: [
    'karpenter.k8s.aws/instance-family',
    'example.com/karpenter.k8s.aws',
  ],
  reject: ['karpenter.k8s.aws/foo', 'sub.karpenter.k8s.aws/foo'],
};
const shKeys: SelfCase = {
  accept: ['karpenter.sh/capacity-type', 'node.kubernetes.io/instance-type'],
  reject: ['karpenter.sh/foo', 'x.karpenter.sh/foo'],
};
const labels = (c: SelfCase): SelfCase => ({
  accept: c.accept.map(k => ({ [k as string]: 'v' })),
  reject: c.reject.map(k => ({ a: 'b', [k as string]: 'v' })),
});
const notEmpty: SelfCase = { accept: ['x'], reject: [''] };
const amiFamilyRule = (alias: string, family: string) =>
  `!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == '${alias}') ? (self.amiFamily == 'Custom' || self.amiFamily == '${family}') : true)`;
const amiFamily = (alias: string, family: string): SelfCase => ({
  accept: [
    { amiSelectorTerms: [{ alias: `${alias}@latest` }] },
    { amiSelectorTerms: [{ alias: `${alias}@latest` }], amiFamily: family },
    { amiSelectorTerms: [{ alias: `${alias}@v1` }], amiFamily: 'Custom' },
    { amiSelectorTerms: [{ id: 'ami-1' }], amiFamily: 'AL2' },
  ],
  reject: [
    {
      amiSelectorTerms: [{ alias: `${alias}@latest` }],
      amiFamily: family === 'AL2' ? 'Bottlerocket' : 'AL2',
    },
  ],
});
const requirement = (
  operator: string,
  values?: string[],
  minValues?: number,
) => ({
  key: 'k',
  operator,
  ...(values ? { values } : {}),
  ...(minValues ? { minValues } : {}),
});
const tagMaps: SelfCase = {
  accept: [{ a: 'b' }, {}],
  reject: [{ a: '' }, { '': 'b' }],
};
const nodeClassRef = {
  group: 'karpenter.k8s.aws',
  kind: 'EC2NodeClass',
  name: 'a',
};
const claimSpec = {
  nodeClassRef,
  requirements: [requirement('In', ['m5.large'])],
  expireAfter: '720h',
};

const CASES: Record<string, SelfCase | TransitionCase> = {
  // NodePool spec
  'has(self.replicas) == has(oldSelf.replicas)': {
    transition: true,
    accept: [
      [{ replicas: 2 }, { replicas: 3 }],
      [{ weight: 1 }, {}],
    ],
    reject: [
      [{ replicas: 2 }, {}],
      [{}, { replicas: 2 }],
    ],
  },
  "!has(self.replicas) || (!has(self.limits) || size(self.limits) == 0 || (size(self.limits) == 1 && 'nodes' in self.limits))":
    {
      accept: [
        { limits: { cpu: '10' } },
        { replicas: 2 },
        { replicas: 2, limits: {} },
        { replicas: 2, limits: { nodes: 5 } },
      ],
      reject: [
        { replicas: 2, limits: { cpu: '10' } },
        { replicas: 2, limits: { nodes: 5, cpu: '10' } },
      ],
    },
  '!has(self.replicas) || !has(self.weight)': {
    accept: [{ replicas: 1 }, { weight: 10 }, {}],
    reject: [{ replicas: 1, weight: 10 }],
  },
  'self.all(x, has(x.schedule) == has(x.duration))': {
    accept: [
      [{ nodes: '10%' }, { nodes: '0', schedule: '@daily', duration: '1h' }],
    ],
    reject: [
      [{ nodes: '0', schedule: '@daily' }],
      [{ nodes: '0', duration: '1h' }],
    ],
  },
  // labels of the NodePool template
  [`self.all(x, x in ["karpenter.sh/capacity-type", "karpenter.sh/nodepool"] || !x.find("^([^/]+)").endsWith("karpenter.sh"))`]:
    labels(shKeys),
  'self.all(x, x != "karpenter.sh/nodepool")': labels({
    accept: ['karpenter.sh/capacity-type'],
    reject: ['karpenter.sh/nodepool'],
  }),
  'self.all(x, x != "kubernetes.io/hostname")': labels({
    accept: ['kubernetes.io/arch'],
    reject: ['kubernetes.io/hostname'],
  }),
  [`self.all(x, x in [${quoted(
    AWS_LABELS_OF_TEMPLATE,
  )}] || !x.find("^([^/]+)").endsWith("karpenter.k8s.aws"))`]: labels(awsKeys),
  // nodeClassRef (NodePool, NodeClaim) and other strings that may not be empty
  'self.group == oldSelf.group': {
    transition: true,
    accept: [[nodeClassRef, { ...nodeClassRef, name: 'b' }]],
    reject: [[nodeClassRef, { ...nodeClassRef, group: 'example.com' }]],
  },
  'self.kind == oldSelf.kind': {
    transition: true,
    accept: [[nodeClassRef, { ...nodeClassRef, name: 'b' }]],
    reject: [[nodeClassRef, { ...nodeClassRef, kind: 'Other' }]],
  },
  "self != ''": notEmpty,
  // requirements (NodePool, NodeClaim)
  "self.all(x, x.operator == 'In' ? x.values.size() != 0 : true)": {
    accept: [[requirement('In', ['a']), requirement('Exists')], []],
    reject: [[requirement('In', [])]],
  },
  "self.all(x, (x.operator == 'Gt' || x.operator == 'Lt' || x.operator == 'Gte' || x.operator == 'Lte') ? (x.values.size() == 1 && int(x.values[0]) >= 0) : true)":
    {
      accept: [
        [requirement('Gt', ['5']), requirement('Lte', ['0'])],
        [requirement('In', ['a', 'b'])],
      ],
      reject: [
        [requirement('Gt', ['5', '6'])],
        [requirement('Lt', ['-1'])],
        [requirement('Gte', [])],
      ],
    },
  "self.all(x, (x.operator == 'In' && has(x.minValues)) ? x.values.size() >= x.minValues : true)":
    {
      accept: [
        [requirement('In', ['a', 'b'], 2)],
        [requirement('NotIn', ['a'], 3)],
      ],
      reject: [[requirement('In', ['a'], 2)]],
    },
  [`self in ["karpenter.sh/capacity-type", "karpenter.sh/nodepool"] || !self.find("^([^/]+)").endsWith("karpenter.sh")`]:
    shKeys,
  'self != "karpenter.sh/nodepool"': {
    accept: ['karpenter.sh/capacity-type'],
    reject: ['karpenter.sh/nodepool'],
  },
  'self != "kubernetes.io/hostname"': {
    accept: ['kubernetes.io/arch'],
    reject: ['kubernetes.io/hostname'],
  },
  [`self in [${quoted(
    AWS_LABELS,
  )}] || !self.find("^([^/]+)").endsWith("karpenter.k8s.aws")`]: awsKeys,
  // NodeClaim spec
  'self == oldSelf': {
    transition: true,
    accept: [[claimSpec, structuredClone(claimSpec)]],
    reject: [
      [
        claimSpec,
        { ...claimSpec, requirements: [requirement('In', ['m5.xlarge'])] },
      ],
      [claimSpec, { ...claimSpec, expireAfter: 'Never' }],
      [{ nodeClassRef }, claimSpec],
    ],
  },
  // EC2NodeClass spec
  '(has(self.role) && !has(self.instanceProfile)) || (!has(self.role) && has(self.instanceProfile))':
    {
      accept: [{ role: 'r' }, { instanceProfile: 'p' }],
      reject: [{ role: 'r', instanceProfile: 'p' }, {}],
    },
  [amiFamilyRule('al2', 'AL2')]: amiFamily('al2', 'AL2'),
  [amiFamilyRule('al2023', 'AL2023')]: amiFamily('al2023', 'AL2023'),
  [amiFamilyRule('bottlerocket', 'Bottlerocket')]: amiFamily(
    'bottlerocket',
    'Bottlerocket',
  ),
  [amiFamilyRule('windows2019', 'Windows2019')]: amiFamily(
    'windows2019',
    'Windows2019',
  ),
  [amiFamilyRule('windows2022', 'Windows2022')]: amiFamily(
    'windows2022',
    'Windows2022',
  ),
  [amiFamilyRule('windows2025', 'Windows2025')]: amiFamily(
    'windows2025',
    'Windows2025',
  ),
  'self.amiSelectorTerms.exists(x, has(x.alias)) ? true : has(self.amiFamily)':
    {
      accept: [
        { amiSelectorTerms: [{ alias: 'al2023@latest' }] },
        { amiSelectorTerms: [{ id: 'ami-1' }], amiFamily: 'AL2023' },
      ],
      reject: [{ amiSelectorTerms: [{ id: 'ami-1' }] }],
    },
  // amiSelectorTerms
  'self.all(x, has(x.tags) || has(x.id) || has(x.name) || has(x.alias) || has(x.ssmParameter))':
    {
      accept: [[{ id: 'ami-1' }, { ssmParameter: 'p' }, { tags: { a: 'b' } }]],
      reject: [[{ id: 'ami-1' }, { owner: 'self' }]],
    },
  '!self.exists(x, has(x.id) && (has(x.alias) || has(x.tags) || has(x.name) || has(x.owner)))':
    {
      accept: [[{ id: 'ami-1' }, { name: 'n', owner: 'self' }]],
      reject: [[{ id: 'ami-1', owner: 'self' }], [{ id: 'ami-1', name: 'n' }]],
    },
  '!self.exists(x, has(x.alias) && (has(x.id) || has(x.tags) || has(x.name) || has(x.owner)))':
    {
      accept: [[{ alias: 'al2023@latest' }], [{ name: 'n', owner: 'self' }]],
      reject: [[{ alias: 'al2023@latest', tags: { a: 'b' } }]],
    },
  '!(self.exists(x, has(x.alias)) && self.size() != 1)': {
    accept: [[{ alias: 'al2023@latest' }], [{ id: 'a' }, { id: 'b' }]],
    reject: [[{ alias: 'al2023@latest' }, { id: 'ami-1' }]],
  },
  "self.matches('^[a-zA-Z0-9]+@.+$')": {
    // RE2's `.` matches `\r`, JavaScript's does not
    accept: ['al2023@latest', 'al2023@v2025\r'],
    reject: ['al2023', '@latest', 'al-2023@latest', 'al2023@'],
  },
  "self.split('@')[0] in ['al2','al2023','bottlerocket','windows2019','windows2022','windows2025']":
    {
      accept: ['al2023@latest', 'bottlerocket', 'windows2022@v1'],
      reject: ['ubuntu@latest', 'AL2023@latest'],
    },
  "self.split('@')[0] in ['windows2019','windows2022','windows2025'] ? self.split('@')[1] == 'latest' : true":
    {
      accept: ['windows2022@latest', 'al2023@v20240101', 'al2023'],
      reject: ['windows2019@v1', 'windows2025@'],
    },
  "self.all(k, k != '' && self[k] != '')": tagMaps,
  // blockDeviceMappings
  'self.filter(x, has(x.rootVolume)?x.rootVolume==true:false).size() <= 1': {
    accept: [
      [
        { rootVolume: true },
        { rootVolume: false },
        { deviceName: '/dev/xvdb' },
      ],
      [],
    ],
    reject: [[{ rootVolume: true }, { rootVolume: true }]],
  },
  'has(self.snapshotID) || has(self.volumeSize)': {
    accept: [{ volumeSize: '20Gi' }, { snapshotID: 'snap-1' }],
    reject: [{ volumeType: 'gp3' }],
  },
  "!has(self.volumeInitializationRate) || (has(self.snapshotID) && self.snapshotID != '')":
    {
      accept: [
        { volumeSize: '20Gi' },
        { snapshotID: 'snap-1', volumeInitializationRate: 200 },
      ],
      reject: [
        { volumeSize: '20Gi', volumeInitializationRate: 200 },
        { snapshotID: '', volumeInitializationRate: 200 },
      ],
    },
  // capacityReservationSelectorTerms
  'self.all(x, has(x.tags) || has(x.id) || has(x.instanceMatchCriteria))': {
    accept: [[{ id: 'cr-1' }, { instanceMatchCriteria: 'open' }]],
    reject: [[{ id: 'cr-1' }, { ownerID: '012345678901' }]],
  },
  '!self.all(x, has(x.id) && (has(x.tags) || has(x.ownerID) || has(x.instanceMatchCriteria)))':
    {
      accept: [
        [{ id: 'cr-1' }],
        [{ tags: { a: 'b' }, ownerID: '012345678901' }],
      ],
      reject: [[{ id: 'cr-1', ownerID: '012345678901' }]],
    },
  'has(self.tcpEstablishedTimeout) || has(self.udpStreamTimeout) || has(self.udpTimeout)':
    {
      accept: [{ udpTimeout: 30 }, { tcpEstablishedTimeout: 432000 }],
      reject: [{}],
    },
  // networkInterfaces
  "self.size() == 0 || self.exists(x, x.deviceIndex == 0 && x.networkCardIndex == 0 && x.interfaceType == 'interface')":
    {
      accept: [
        [],
        [
          { networkCardIndex: 0, deviceIndex: 0, interfaceType: 'interface' },
          { networkCardIndex: 1, deviceIndex: 0, interfaceType: 'efa-only' },
        ],
      ],
      reject: [
        [{ networkCardIndex: 0, deviceIndex: 0, interfaceType: 'efa-only' }],
        [{ networkCardIndex: 1, deviceIndex: 0, interfaceType: 'interface' }],
      ],
    },
  "self.all(x, self.filter(y, x.networkCardIndex == y.networkCardIndex && x.deviceIndex == y.deviceIndex).size() == 1 && (x.interfaceType != 'efa-only' || self.filter(y, x.networkCardIndex == y.networkCardIndex && y.interfaceType == 'efa-only').size() == 1))":
    {
      accept: [
        [
          { networkCardIndex: 0, deviceIndex: 0, interfaceType: 'interface' },
          { networkCardIndex: 0, deviceIndex: 1, interfaceType: 'efa-only' },
          { networkCardIndex: 1, deviceIndex: 0, interfaceType: 'efa-only' },
        ],
      ],
      reject: [
        [
          { networkCardIndex: 0, deviceIndex: 0, interfaceType: 'interface' },
          { networkCardIndex: 0, deviceIndex: 0, interfaceType: 'efa-only' },
        ],
        [
          { networkCardIndex: 1, deviceIndex: 0, interfaceType: 'efa-only' },
          { networkCardIndex: 1, deviceIndex: 1, interfaceType: 'efa-only' },
        ],
      ],
    },
  // placementGroupSelector
  'has(self.name) || has(self.id)': {
    accept: [{ name: 'pg' }, { id: 'pg-1' }],
    reject: [{}],
  },
  '!(has(self.name) && has(self.id))': {
    accept: [{ name: 'pg' }, {}],
    reject: [{ name: 'pg', id: 'pg-1' }],
  },
  // securityGroupSelectorTerms, subnetSelectorTerms
  'self.size() != 0': { accept: [[{ id: 'sg-1' }]], reject: [[]] },
  'self.all(x, has(x.tags) || has(x.id) || has(x.name))': {
    accept: [[{ id: 'sg-1' }, { name: 'n' }, { tags: { a: 'b' } }]],
    reject: [[{ id: 'sg-1' }, {}]],
  },
  '!self.all(x, has(x.id) && (has(x.tags) || has(x.name)))': {
    accept: [
      [{ id: 'sg-1' }],
      [{ id: 'sg-1', name: 'n' }, { tags: { a: 'b' } }],
    ],
    reject: [[{ id: 'sg-1', name: 'n' }]],
  },
  '!self.all(x, has(x.name) && (has(x.tags) || has(x.id)))': {
    accept: [[{ name: 'n' }]],
    reject: [[{ name: 'n', tags: { a: 'b' } }]],
  },
  'self.all(x, has(x.tags) || has(x.id))': {
    accept: [[{ id: 'subnet-1' }, { tags: { a: 'b' } }]],
    reject: [[{ id: 'subnet-1' }, {}]],
  },
  '!self.all(x, has(x.id) && has(x.tags))': {
    accept: [[{ id: 'subnet-1' }]],
    reject: [[{ id: 'subnet-1', tags: { a: 'b' } }]],
  },
  // EC2NodeClass tags
  "self.all(k, k != '')": { accept: [{ team: 'a' }], reject: [{ '': 'a' }] },
  "self.all(k, k !='eks:eks-cluster-name')": {
    accept: [{ 'eks:other': 'a' }],
    reject: [{ 'eks:eks-cluster-name': 'a' }],
  },
  "self.all(k, !k.startsWith('kubernetes.io/cluster') )": {
    accept: [{ 'example.com/kubernetes.io/cluster': 'a' }],
    reject: [{ 'kubernetes.io/cluster/demo': 'owned' }],
  },
  "self.all(k, k != 'karpenter.sh/nodepool')": {
    accept: [{ 'karpenter.sh/other': 'a' }],
    reject: [{ 'karpenter.sh/nodepool': 'a' }],
  },
  "self.all(k, k !='karpenter.sh/nodeclaim')": {
    accept: [{ 'karpenter.sh/other': 'a' }],
    reject: [{ 'karpenter.sh/nodeclaim': 'a' }],
  },
  "self.all(k, k !='karpenter.k8s.aws/ec2nodeclass')": {
    accept: [{ 'karpenter.k8s.aws/other': 'a' }],
    reject: [{ 'karpenter.k8s.aws/ec2nodeclass': 'a' }],
  },
};

const located: Array<LocatedRule & { kind: string }> =
  loadKarpenterCrds().flatMap(crd =>
    collectRules(crd.schema).map(rule => ({ ...rule, kind: crd.kind })),
  );

describe('every rule of the shipped CRDs', () => {
  it('has a case, and every case is a rule of the CRDs', () => {
    const rules = new Set(located.map(r => r.rule));
    expect([...rules].filter(rule => !(rule in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter(rule => !rules.has(rule))).toEqual([]);
  });

  it.each(located.map(r => [`${r.kind} ${r.path}: ${r.rule}`, r] as const))(
    '%s',
    (_, rule) => {
      const testCase = CASES[rule.rule];
      const compiled = compileRule(rule.spec, rule.schema);
      const evaluate = (self: unknown, old?: unknown) =>
        evaluateCel(compiled.program, celActivation(rule.schema, self, old));
      expect(compiled.transition).toBe('transition' in testCase);
      const pairs = (values: unknown[]): Array<[unknown, unknown]> =>
        'transition' in testCase
          ? (values as Array<[unknown, unknown]>)
          : values.map(v => [v, undefined]);
      expect(testCase.accept.length).toBeGreaterThan(0);
      expect(testCase.reject.length).toBeGreaterThan(0);
      for (const [self, old] of pairs(testCase.accept)) {
        expect({ self, old, result: evaluate(self, old) }).toEqual({
          self,
          old,
          result: true,
        });
      }
      for (const [self, old] of pairs(testCase.reject)) {
        expect({ self, old, result: evaluate(self, old) }).toEqual({
          self,
          old,
          result: false,
        });
      }
    },
  );
});
