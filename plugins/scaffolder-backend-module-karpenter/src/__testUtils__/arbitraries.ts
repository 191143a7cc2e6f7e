import fc from 'fast-check';
import {
  NODE_POOL_PRESET_NAMES,
  WELL_KNOWN_LABELS,
} from '@karpenter-backstage/karpenter-template';

/*
 * fast-check generators for the template input: valid values (including ones that are tricky
 * to serialise: YAML 1.1 words, Unicode letters, `aws:` selector keys) and hostile strings.
 */

const optional = <T>(arb: fc.Arbitrary<T>) =>
  fc.option(arb, { nil: undefined, freq: 2 });

/** Drops `undefined` properties so the input looks like parsed JSON/YAML. */
function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined),
  ) as T;
}

const record = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) =>
  fc.record(shape).map(r => defined(r as Record<string, unknown>));

/** Words YAML 1.1 reads as booleans, nulls or numbers. */
const YAML_WORDS = [
  'on',
  'yes',
  'No',
  'y',
  'N',
  'null',
  'true',
  'False',
  '0755',
  '1e3',
  '0x1F',
  '1_000',
  '0o17',
  '0O7',
  '0b101',
  '1.5',
];

const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,14}[a-z0-9])?$/);
const labelName = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,12}[A-Za-z0-9])?$/),
  fc.constantFrom(...YAML_WORDS),
);
const labelValue = fc.oneof(
  fc.stringMatching(/^(([A-Za-z0-9][-A-Za-z0-9_.]{0,12})?[A-Za-z0-9])?$/),
  fc.constantFrom(...YAML_WORDS),
);
const customLabelKey = fc
  .tuple(
    fc.option(
      fc.stringMatching(/^([a-z0-9]{1,8}\.)?(example|acme)\.(com|io)$/),
      {
        nil: undefined,
      },
    ),
    labelName,
  )
  .map(([prefix, name]) => (prefix ? `${prefix}/${name}` : name));

/** Characters AWS allows in tags, including letters of other scripts (all NFC-stable). */
const TAG_UNITS = [
  ...'abcXYZ019 _.:/=+-@',
  'ä',
  'ö',
  'ß',
  'é',
  'ł',
  'Ж',
  '東',
  '京',
  'ا',
  '٣',
  '\u00a0',
  '\u3000',
];
const tagText = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...TAG_UNITS), minLength, maxLength });
const tagKey = tagText(1, 24).filter(k => !k.toLowerCase().startsWith('aws:'));
const tags = (keys = tagKey) =>
  fc.dictionary(keys, tagText(0, 24), { maxKeys: 4 });
const instanceTags = tags(
  tagKey.filter(
    k =>
      !k.startsWith('kubernetes.io/cluster') &&
      ![
        'karpenter.sh/nodepool',
        'karpenter.sh/nodeclaim',
        'karpenter.k8s.aws/ec2nodeclass',
        'eks:eks-cluster-name',
      ].includes(k),
  ),
);
const selectorTags = fc.dictionary(
  fc.oneof(
    tagKey,
    fc.constantFrom('aws:eks:cluster-name', 'karpenter.sh/discovery'),
  ),
  fc.oneof(tagText(1, 16), fc.constant('*')),
  { maxKeys: 3 },
);

const duration = fc.stringMatching(/^([1-9][0-9]{0,3}[hms]){1,2}$/);
const durationOrNever = fc.oneof(duration, fc.constant('Never'));
const quantity = fc.oneof(
  fc.integer({ min: 1, max: 100000 }),
  fc.stringMatching(/^[1-9][0-9]{0,4}(m|k|Mi|Gi|Ti)?$/),
);

const taint = record({
  key: customLabelKey,
  value: optional(labelValue),
  effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute'),
});
const uniqueTaints = fc.uniqueArray(taint, {
  maxLength: 3,
  selector: t => `${t.key}:${t.effect}`,
});

const requirement = fc.oneof(
  record({
    key: fc.oneof(customLabelKey, fc.constantFrom(...WELL_KNOWN_LABELS)),
    operator: fc.constantFrom('In', 'NotIn'),
    values: fc.uniqueArray(
      labelValue.filter(v => v !== ''),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  record({
    key: customLabelKey,
    operator: fc.constantFrom('Exists', 'DoesNotExist'),
  }),
  record({
    key: fc.constantFrom(
      'karpenter.k8s.aws/instance-cpu',
      'karpenter.k8s.aws/instance-memory',
    ),
    operator: fc.constantFrom('Gt', 'Lt', 'Gte', 'Lte'),
    values: fc.nat({ max: 100000 }).map(n => [String(n)]),
  }),
);

const budget = fc.oneof(
  record({
    nodes: fc.stringMatching(/^(100%|[0-9]{1,2}%|[0-9]{1,3})$/),
    reasons: optional(
      fc.uniqueArray(fc.constantFrom('Underutilized', 'Empty', 'Drifted'), {
        maxLength: 3,
      }),
    ),
  }),
  record({
    nodes: fc.stringMatching(/^(100%|[0-9]{1,2}%|[0-9]{1,3})$/),
    schedule: fc.constantFrom(
      '0 9 * * mon-fri',
      '@daily',
      '*/15 * * * *',
      '30 22 1,15 * *',
    ),
    duration: fc.constantFrom('8h', '30m', '1h30m'),
  }),
);

const AMD64_TYPES = ['c5.xlarge', 'c6i.2xlarge', 'm5.large', 'm6i.xlarge'];
const ARM64_TYPES = ['r7g.2xlarge', 'c7gn.4xlarge'];

/**
 * Architectures and instance types that agree, as a valid input needs them to: the presets' types
 * are amd64, so an arm64-only pool names arm64 types (which replace the preset's); a pool with both
 * architectures may name any.
 */
const architecturesAndTypes = fc.oneof(
  record({
    architectures: optional(fc.constantFrom<string[]>([], ['amd64'])),
    instanceTypes: optional(
      fc.uniqueArray(fc.constantFrom(...AMD64_TYPES), { maxLength: 3 }),
    ),
  }),
  record({
    architectures: fc.constant(['arm64']),
    instanceTypes: fc.uniqueArray(fc.constantFrom(...ARM64_TYPES), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  record({
    architectures: fc.constantFrom(['amd64', 'arm64'], ['arm64', 'amd64']),
    instanceTypes: optional(
      fc.uniqueArray(fc.constantFrom(...AMD64_TYPES, ...ARM64_TYPES), {
        maxLength: 3,
      }),
    ),
  }),
);

const nodeClass = record({
  amiAlias: optional(
    fc.constantFrom(
      'al2023@latest',
      'al2023@v20240625',
      'al2@latest',
      'bottlerocket@latest',
      'bottlerocket@v1.20.3',
    ),
  ),
  subnetSelectorTags: optional(selectorTags),
  securityGroupSelectorTags: optional(selectorTags),
  tags: optional(instanceTags),
  rootVolumeSize: optional(fc.stringMatching(/^[1-9][0-9]{1,3}Gi$/)),
  capacityReservationIds: optional(
    fc.uniqueArray(fc.stringMatching(/^cr-[0-9a-f]{17}$/), { maxLength: 2 }),
  ),
  detailedMonitoring: optional(fc.boolean()),
  associatePublicIPAddress: optional(fc.boolean()),
});

const nodePool = (name: fc.Arbitrary<string>) =>
  fc
    .tuple(
      record({
        name,
        preset: optional(fc.constantFrom(...NODE_POOL_PRESET_NAMES)),
        capacityTypes: optional(
          fc.uniqueArray(fc.constantFrom('spot', 'on-demand'), {
            maxLength: 2,
          }),
        ),
        instanceCategories: optional(
          fc.uniqueArray(fc.constantFrom('c', 'm', 'r'), {
            minLength: 3,
            maxLength: 3,
          }),
        ),
        instanceGenerationGreaterThan: optional(fc.integer({ min: 0, max: 4 })),
        requirements: optional(fc.array(requirement, { maxLength: 3 })),
        limits: optional(
          record({ cpu: optional(quantity), memory: optional(quantity) }),
        ),
        taints: optional(uniqueTaints),
        startupTaints: optional(uniqueTaints),
        labels: optional(
          fc.dictionary(customLabelKey, labelValue, { maxKeys: 3 }),
        ),
        weight: optional(fc.integer({ min: 1, max: 100 })),
        expireAfter: optional(durationOrNever),
        terminationGracePeriod: optional(duration),
        consolidationPolicy: optional(
          fc.constantFrom('WhenEmpty', 'WhenEmptyOrUnderutilized'),
        ),
        consolidateAfter: optional(durationOrNever),
        budgets: optional(fc.array(budget, { maxLength: 2 })),
        nodeClass: optional(nodeClass),
      }),
      architecturesAndTypes,
    )
    .map(([pool, arch]) => ({ ...pool, ...arch }));

/** A valid template input (the values of the whole template). */
export const validTemplateInput = record({
  clusterName: fc.stringMatching(
    /^[0-9A-Za-z]([A-Za-z0-9_-]{0,20}[A-Za-z0-9])?$/,
  ),
  awsRegion: fc.stringMatching(/^[a-z]{2}-(gov-)?[a-z]{3,9}-[1-9]$/),
  environment: optional(dnsLabel),
  namespace: optional(dnsLabel),
  serviceAccountName: optional(dnsLabel),
  helmChartVersion: optional(
    fc.stringMatching(/^1\.(0|[1-9][0-9]?)\.(0|[1-9][0-9]?)$/),
  ),
  tags: optional(tags()),
  moduleSource: optional(
    fc.oneof(
      fc.stringMatching(/^(\.\.\/){1,2}modules\/[a-z0-9_-]{1,10}$/),
      fc.stringMatching(
        /^git::https:\/\/git\.example\.com\/[a-z]{1,8}\/[a-z]{1,8}\.git\/\/karpenter\?ref=v[0-9]\.[0-9]$/,
      ),
    ),
  ),
  backend: optional(
    record({
      bucket: fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,20}[a-z0-9]$/),
      key: optional(
        fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z0-9._-]{1,8}){0,2}$/),
      ),
      region: optional(fc.constantFrom('us-east-1', 'eu-west-1')),
      useLockfile: optional(fc.boolean()),
      dynamodbTable: optional(fc.stringMatching(/^[a-z0-9_.-]{3,20}$/)),
      encrypt: optional(fc.boolean()),
    }),
  ),
  nodePools: fc.uniqueArray(nodePool(dnsLabel), {
    minLength: 1,
    maxLength: 3,
    selector: p => p.name,
  }),
});

/** Strings meant to break out of HCL, YAML or paths. */
export const INJECTIONS = [
  '"',
  '${file("/etc/passwd")}',
  '%{ if true }x%{ endif }',
  '"\n}\nresource "null_resource" "x" {\n',
  '\\"',
  'a\nb',
  'a\r\nb',
  '\u2028',
  '\u0085',
  '\ufeff',
  'e\u0301',
  '\ud800',
  '---\nkind: Secret',
  '- x',
  '&anchor',
  '*alias',
  '!!binary x',
  '{a: 1}',
  '[1, 2]',
  '# comment',
  'key: value',
  '| block',
  '> folded',
  '../../etc/passwd',
  '/etc/passwd',
  '..',
  '',
  ' ',
  'x'.repeat(400),
  'on',
  '<<',
  '~',
  '\u0000',
  '😀',
  '\u202etxt.exe',
  '__proto__',
  'constructor',
];

/** Any string: injections, arbitrary Unicode (lone surrogates included), or a valid-looking value with an injection. */
export const hostileString = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({
    unit: fc.constantFrom(
      '$',
      '{',
      '}',
      '%',
      '"',
      "'",
      '\\',
      '\n',
      '\t',
      '#',
      ':',
      '-',
      ' ',
      '/',
      '.',
      '*',
      '&',
      '!',
      '|',
      '>',
      'a',
      'Z',
      '0',
      'é',
    ),
    maxLength: 20,
  }),
  fc
    .tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom(...INJECTIONS))
    .map(([valid, bad]) => valid + bad),
);

type Path = Array<string | number>;

/** Every string leaf and every record key of a value, as paths (`{ key }` marks a key). */
export function stringSlots(
  value: unknown,
  path: Path = [],
): Array<{ path: Path; key: boolean }> {
  if (typeof value === 'string') {
    return [{ path, key: false }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => stringSlots(v, [...path, i]));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      { path: [...path, k], key: true },
      ...stringSlots(v, [...path, k]),
    ]);
  }
  return [];
}

/** A copy of `value` with the string (or key) at `slot` replaced. */
export function replaceSlot(
  value: any,
  slot: { path: Path; key: boolean },
  replacement: string,
): any {
  const copy = structuredClone(value);
  const parentPath = slot.path.slice(0, -1);
  const last = slot.path[slot.path.length - 1];
  const parent = parentPath.reduce((node, part) => node[part], copy);
  if (slot.key) {
    const entries = Object.entries(parent).map(([k, v]) => [
      k === last ? replacement : k,
      v,
    ]);
    for (const k of Object.keys(parent)) {
      delete parent[k];
    }
    for (const [k, v] of entries) {
      // own property even for "__proto__", as JSON.parse would create it
      Object.defineProperty(parent, k as string, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  } else {
    parent[last] = replacement;
  }
  return copy;
}

/**
 * The inputs of the property test: half valid inputs, half valid inputs with one string (value or
 * key) replaced by a hostile one, plus some with a wrong JSON type somewhere.
 */
export const templateInput = fc.oneof(
  validTemplateInput,
  fc
    .tuple(validTemplateInput, fc.nat(), hostileString)
    .map(([input, index, bad]) => {
      const slots = stringSlots(input).filter(
        s => s.path[0] !== 'nodePools' || s.path.length > 1,
      );
      return replaceSlot(input, slots[index % slots.length], bad);
    }),
  fc
    .tuple(
      validTemplateInput,
      fc.nat(),
      fc.constantFrom<unknown>(null, 42, true, [], {}, ['x']),
    )
    .map(([input, index, bad]) => {
      const slots = stringSlots(input).filter(s => !s.key);
      const slot = slots[index % slots.length];
      const copy = structuredClone(input) as any;
      const parent = slot.path
        .slice(0, -1)
        .reduce((node: any, part) => node[part], copy);
      parent[slot.path[slot.path.length - 1]] = bad;
      return copy;
    }),
);
