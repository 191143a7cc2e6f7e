import {
  formatFieldErrors,
  NodePoolInput,
  ResolvedNodePools,
  validateKarpenterNodePoolsInput,
} from '@karpenter-backstage/karpenter-template';
import { classifyNodePoolsChange, NodePoolsChange } from './classify';
import { describeNodePoolsChange, NodePoolsChangeContext } from './describe';

function resolved(nodePools: NodePoolInput[]): ResolvedNodePools {
  const result = validateKarpenterNodePoolsInput({
    clusterName: 'prod-eu',
    nodePools,
  });
  if (!result.ok) {
    throw new Error(formatFieldErrors(result.errors));
  }
  return result.value;
}

const NO_FILES: NodePoolsChangeContext['files'] = {
  changed: [],
  added: [],
  deleted: [],
};

function describeValues(
  before: NodePoolInput[],
  after: NodePoolInput[],
  files = NO_FILES,
) {
  return describeNodePoolsChange(
    classifyNodePoolsChange(resolved(before), resolved(after)),
    { clusterName: 'prod-eu', files },
  );
}

/** The lines of a markdown section, up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  const end = lines.findIndex(
    (line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level,
  );
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The cells of a GFM table row, split the way GFM does (on pipes not escaped). */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map(c => c.trim());
}

/** Several pools with different impacts, as in a typical day-two change. */
const BEFORE: NodePoolInput[] = [
  { name: 'general' },
  { name: 'batch', preset: 'batch' },
  { name: 'critical', preset: 'critical' },
  { name: 'old', preset: 'custom' },
];
const AFTER: NodePoolInput[] = [
  {
    name: 'general',
    taints: [{ key: 'team', value: 'a', effect: 'NoSchedule' }],
  },
  { name: 'batch', preset: 'batch', capacityTypes: ['on-demand'] },
  { name: 'critical', preset: 'critical', limits: { cpu: 400 } },
  { name: 'gpu', preset: 'custom', weight: 30 },
];

describe('describeNodePoolsChange', () => {
  const files = {
    changed: ['manifests/general.yaml'],
    added: ['manifests/gpu.yaml'],
    deleted: ['manifests/old.yaml'],
  };
  const description = describeValues(BEFORE, AFTER, files);

  it('puts what happens to running nodes first, one verdict per pool', () => {
    const { markdown } = description;
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('## Karpenter NodePools of prod-eu');
    const firstSection = lines.find(l => l.startsWith('### '));
    expect(firstSection).toBe('### What happens to running nodes');
    const bullets = section(
      markdown,
      '### What happens to running nodes',
    ).filter(l => l.startsWith('- '));
    expect(bullets).toEqual([
      "- **general**: replaces every node (drift) — Karpenter replaces them within the pool's disruption budget for Drifted",
      expect.stringMatching(/^- \*\*batch\*\*: may replace some nodes — /),
      expect.stringMatching(/^- \*\*critical\*\*: no node is replaced — /),
      expect.stringMatching(
        /^- \*\*gpu\*\*: added — no node is replaced; .*\(weight 30: tried before NodePools of lower weight\)$/,
      ),
      expect.stringMatching(
        /^- \*\*old\*\*: removed: all its nodes are drained and deleted \(disruption budgets do not apply\)/,
      ),
    ]);
  });

  it('has a table of field changes per pool with field, before, after and effect', () => {
    const table = section(
      description.markdown,
      '#### general (changed)',
    ).filter(l => l.startsWith('|'));
    expect(cells(table[0])).toEqual(['Field', 'Before', 'After', 'Effect']);
    expect(table).toHaveLength(3);
    expect(cells(table[2])).toEqual([
      '`spec.template.spec.taints` (NodePool)',
      '—',
      '`[{"key":"team","value":"a","effect":"NoSchedule"}]`',
      '**replaces nodes**: static drift: changes the NodePool hash, Karpenter marks every NodeClaim Drifted (NodePoolDrifted)',
    ]);
    const batch = section(description.markdown, '#### batch (changed)');
    expect(batch.join('\n')).toContain(
      '`spec.template.spec.requirements[karpenter.sh/capacity-type]` (NodePool)',
    );
    expect(batch.join('\n')).toContain(
      '**may replace nodes**: requirements narrowed',
    );
    // neither a removed pool nor an added one has a table (the new manifest is in the Files list)
    expect(description.markdown).not.toContain('#### old');
    expect(description.markdown).not.toContain('#### gpu');
  });

  it('lists the files and ends with the drift documentation link', () => {
    expect(section(description.markdown, '### Files')).toEqual(
      expect.arrayContaining([
        '- `manifests/general.yaml` (changed)',
        '- `manifests/gpu.yaml` (added)',
        '- `manifests/old.yaml` (deleted)',
      ]),
    );
    const lines = description.markdown.trimEnd().split('\n');
    expect(lines[lines.length - 1]).toContain(
      '(https://karpenter.sh/docs/concepts/disruption/#drift)',
    );
    expect(description.markdown).not.toMatch(/<[a-z/]/i);
  });

  it('summarises one line per changed pool, naming the fields behind the verdict', () => {
    expect(description.summary).toEqual([
      'general: replaces nodes (spec.template.spec.taints)',
      'batch: may replace nodes (spec.template.spec.requirements[karpenter.sh/capacity-type])',
      'critical: no node replaced (spec.limits.cpu)',
      'gpu: added, no node replaced (weight 30)',
      'old: removed, all its nodes are drained and deleted',
    ]);
  });

  it('titles the pull request by what changes', () => {
    expect(description.title).toBe(
      'karpenter(prod-eu): change general, batch, critical; add gpu; remove old',
    );
    expect(
      describeValues(
        [{ name: 'general' }],
        [{ name: 'general' }, { name: 'gpu' }],
      ).title,
    ).toBe('karpenter(prod-eu): add NodePool gpu');
  });

  it('truncates the title to 72 characters with +N more', () => {
    const names = [
      'alpha-pool',
      'bravo-pool',
      'charlie-pool',
      'delta-pool',
      'echo-pool',
    ];
    const { title } = describeValues(
      names.map(name => ({ name })),
      names.map(name => ({ name, weight: 5 })),
    );
    expect(title.length).toBeLessThanOrEqual(72);
    expect(title).toMatch(
      /^karpenter\(prod-eu\): change NodePools alpha-pool, bravo-pool(, charlie-pool)? \+[23] more$/,
    );
    const long = 'x'.repeat(63);
    const huge = describeNodePoolsChange(
      classifyNodePoolsChange(
        resolved([{ name: 'general' }]),
        resolved([{ name: 'general' }, { name: long }]),
      ),
      { clusterName: 'prod-eu', files: NO_FILES },
    );
    expect(huge.title).toBe('karpenter(prod-eu): add 1 NodePool');
  });

  it('describes a no-op change', () => {
    const none = describeValues([{ name: 'general' }], [{ name: 'general' }]);
    expect(none.title).toBe('karpenter(prod-eu): no NodePool changes');
    expect(none.summary).toEqual([]);
    expect(none.markdown).toContain(
      '- No NodePool or EC2NodeClass changes: no node is affected.',
    );
    expect(none.markdown).toContain('Unchanged NodePools: `general`');
    expect(none.markdown).not.toContain('### Field changes');
    expect(none.markdown).toContain('No file changes.');
  });

  it('escapes | and newlines in values so the table keeps its four columns', () => {
    const change: NodePoolsChange = {
      changed: true,
      unchanged: [],
      pools: [
        {
          name: 'we|ird*name',
          change: 'changed',
          impact: 'replacesNodes',
          fields: [
            {
              object: 'EC2NodeClass',
              path: 'spec.userData',
              before: 'a | b\n| --- |\n# heading',
              after: { script: 'x`y\\|z' },
              impact: 'replacesNodes',
              why: 'static <b>drift</b> | [link](http://evil)\n- item',
            },
          ],
        },
      ],
    };
    const { markdown, summary } = describeNodePoolsChange(change, {
      clusterName: 'c\n# injected',
      files: { changed: ['a`b|c\nd'], added: [], deleted: [] },
    });
    const lines = markdown.split('\n');
    expect(lines).not.toContain('# injected');
    expect(lines.some(l => l.startsWith('# '))).toBe(false);
    expect(lines.some(l => /^- item/.test(l))).toBe(false);
    expect(lines.filter(l => l.startsWith('| --- |'))).toEqual([
      '| --- | --- | --- | --- |',
    ]);
    const row = lines.filter(l => l.startsWith('| `spec.userData`'));
    expect(row).toHaveLength(1);
    const [fieldCell, before, after, effect] = cells(row[0]);
    expect(cells(row[0])).toHaveLength(4);
    expect(fieldCell).toBe('`spec.userData` (EC2NodeClass)');
    expect(before).toBe('`a \\| b\\n\\| --- \\|\\n# heading`');
    // backticks inside get a longer fence; the backslash before | is doubled so | stays escaped
    expect(after).toBe('``{"script":"x`y\\\\\\|z"}``');
    expect(effect).toContain('\\<b\\>drift\\</b\\>');
    expect(effect).toContain('\\[link\\](http://evil)');
    expect(markdown).toContain('- **we|ird\\*name**: replaces every node');
    expect(markdown).toContain('- ``a`b|c\\nd`` (changed)');
    expect(summary).toEqual(['we|ird*name: replaces nodes (spec.userData)']);
  });
});
