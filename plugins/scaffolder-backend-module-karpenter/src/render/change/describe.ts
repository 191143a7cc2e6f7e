import {
  FieldChange,
  NodeImpact,
  NodePoolChange,
  NodePoolsChange,
} from './classify';

/**
 * What {@link describeNodePoolsChange} needs besides the change: the cluster and the files the
 * pull request changes, adds and deletes.
 *
 * @public
 */
export interface NodePoolsChangeContext {
  clusterName: string;
  files: { changed: string[]; added: string[]; deleted: string[] };
}

/**
 * A pull request's title and description (GitHub-flavoured markdown without HTML), and one
 * summary line per differing pool for the scaffolder output page.
 *
 * @public
 */
export interface NodePoolsChangeDescription {
  title: string;
  markdown: string;
  summary: string[];
}

/** Karpenter's documentation of drift. */
const DRIFT_DOCS = 'https://karpenter.sh/docs/concepts/disruption/#drift';
const MAX_TITLE = 72;
/** Longest value shown in a table cell (the files show the whole value). */
const MAX_VALUE = 300;

const oneLine = (value: string) => value.replace(/\r\n|\r|\n/g, ' ');

/**
 * Plain text that cannot start markdown structure: inline punctuation escaped, newlines
 * flattened (`|` is left to {@link cell}, the only place it is special).
 */
function text(value: string): string {
  return oneLine(value).replace(/[\\`*_[\]<>#~&]/g, c => `\\${c}`);
}

/** A code span whatever the value holds: a fence longer than any backtick run inside it. */
function code(value: string): string {
  const flat = value.replace(/\r\n|\r|\n/g, '\\n');
  const runs = flat.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map(r => r.length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Table cell content: every `|` escaped (GFM splits rows before inline parsing, also inside code
 * spans). A backslash before a pipe would escape the escape, so such runs get one more backslash.
 */
function cell(content: string): string {
  return content.replace(/(\\*)\|/g, (_, slashes: string) =>
    slashes.length % 2 === 0 ? `${slashes}\\|` : `${slashes}\\\\|`,
  );
}

function valueCell(value: unknown): string {
  if (value === undefined) {
    return '—';
  }
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  const shown =
    raw.length > MAX_VALUE ? `${raw.slice(0, MAX_VALUE - 1)}…` : raw;
  return cell(code(shown));
}

const IMPACT_LABEL: Record<NodeImpact, string> = {
  replacesNodes: 'replaces nodes',
  mayReplaceNodes: 'may replace nodes',
  noReplacement: 'no node replaced',
};

const weightOf = (pool: NodePoolChange) =>
  pool.fields.find(f => f.object === 'NodePool' && f.path === 'spec.weight')
    ?.after;

function verdict(pool: NodePoolChange): string {
  if (pool.change === 'removed') {
    return 'removed: all its nodes are drained and deleted (disruption budgets do not apply); its EC2NodeClass is deleted once no NodeClaim uses it';
  }
  if (pool.change === 'added') {
    const weight = weightOf(pool);
    return `added — no node is replaced; Karpenter launches its nodes only when pending pods need them${
      weight === undefined
        ? ''
        : ` (weight ${text(
            String(weight),
          )}: tried before NodePools of lower weight)`
    }`;
  }
  switch (pool.impact) {
    case 'replacesNodes':
      return "replaces every node (drift) — Karpenter replaces them within the pool's disruption budget for Drifted";
    case 'mayReplaceNodes':
      return "may replace some nodes — only nodes that no longer match are marked Drifted and replaced, within the pool's disruption budget for Drifted";
    default:
      return "no node is replaced — the changes only steer Karpenter's later decisions (launches, limits, consolidation)";
  }
}

function fieldRow(field: FieldChange): string {
  const name = cell(`${code(field.path)} (${field.object})`);
  const effect = cell(`**${IMPACT_LABEL[field.impact]}**: ${text(field.why)}`);
  return `| ${name} | ${valueCell(field.before)} | ${valueCell(
    field.after,
  )} | ${effect} |`;
}

function fieldTable(pool: NodePoolChange): string[] {
  return [
    `#### ${text(pool.name)} (${pool.change})`,
    '',
    '| Field | Before | After | Effect |',
    '| --- | --- | --- | --- |',
    ...pool.fields.map(fieldRow),
    '',
  ];
}

function fileLines(files: NodePoolsChangeContext['files']): string[] {
  const lines = [
    ...files.changed.map(f => `- ${code(f)} (changed)`),
    ...files.added.map(f => `- ${code(f)} (added)`),
    ...files.deleted.map(f => `- ${code(f)} (deleted)`),
  ];
  return lines.length > 0 ? lines : ['No file changes.'];
}

/**
 * `karpenter(<cluster>): change NodePools a, b` for one kind of change, or
 * `karpenter(<cluster>): change a, b; add c; remove d` for several, at most 72 characters: the
 * longest list is shortened to `+N more` first, then lists shrink to a count.
 */
function title(change: NodePoolsChange, clusterName: string): string {
  const prefix = `karpenter(${oneLine(clusterName)}): `;
  const groups = (
    [
      ['change', 'changed'],
      ['add', 'added'],
      ['remove', 'removed'],
    ] as const
  )
    .map(([verb, kind]) => ({
      verb,
      names: change.pools
        .filter(p => p.change === kind)
        .map(p => oneLine(p.name)),
    }))
    .filter(g => g.names.length > 0);
  if (groups.length === 0) {
    return `${prefix}no NodePool changes`.slice(0, MAX_TITLE);
  }
  const nodePools = (n: number) => (n === 1 ? 'NodePool' : 'NodePools');
  const render = (listed: number[]) =>
    prefix +
    groups
      .map(({ verb, names }, i) => {
        const keep = listed[i];
        if (keep === 0) {
          return `${verb} ${names.length} ${nodePools(names.length)}`;
        }
        const noun = groups.length === 1 ? ` ${nodePools(names.length)}` : '';
        const rest = names.length - keep;
        return `${verb}${noun} ${names.slice(0, keep).join(', ')}${
          rest > 0 ? ` +${rest} more` : ''
        }`;
      })
      .join('; ');
  const listed = groups.map(g => g.names.length);
  let candidate = render(listed);
  while (candidate.length > MAX_TITLE) {
    // the list showing most names loses one (the later on ties); one name each as long as possible
    let trim = -1;
    listed.forEach((n, i) => {
      if (n > 1 && (trim < 0 || n >= listed[trim])) trim = i;
    });
    if (trim < 0) {
      trim = listed.map(n => n > 0).lastIndexOf(true);
    }
    if (trim < 0) {
      return `${candidate.slice(0, MAX_TITLE - 1)}…`;
    }
    listed[trim]--;
    candidate = render(listed);
  }
  return candidate;
}

function summaryLine(pool: NodePoolChange): string {
  const name = oneLine(pool.name);
  if (pool.change === 'removed') {
    return `${name}: removed, all its nodes are drained and deleted`;
  }
  if (pool.change === 'added') {
    const weight = weightOf(pool);
    return `${name}: added, no node replaced${
      weight === undefined ? '' : ` (weight ${String(weight)})`
    }`;
  }
  const paths = [
    ...new Set(
      pool.fields.filter(f => f.impact === pool.impact).map(f => f.path),
    ),
  ];
  const shown = paths.slice(0, 3).join(', ');
  const more = paths.length > 3 ? `, +${paths.length - 3} more` : '';
  return `${name}: ${IMPACT_LABEL[pool.impact as NodeImpact]} (${oneLine(
    shown,
  )}${more})`;
}

/**
 * Describes a classified change for a pull request: a title, a markdown description that says
 * first what happens to the running nodes of every pool, then lists the field changes, the files
 * and a link to Karpenter's drift documentation, and one summary line per differing pool.
 * Input strings are escaped so that they cannot add markdown structure (or HTML).
 *
 * @public
 */
export function describeNodePoolsChange(
  change: NodePoolsChange,
  context: NodePoolsChangeContext,
): NodePoolsChangeDescription {
  // a new pool's fields are its whole manifest (in the Files list): only changed pools get a table
  const withFields = change.pools.filter(
    p => p.change === 'changed' && p.fields.length > 0,
  );
  const markdown = [
    `## Karpenter NodePools of ${text(context.clusterName)}`,
    '',
    '### What happens to running nodes',
    '',
    ...(change.pools.length > 0
      ? change.pools.map(p => `- **${text(p.name)}**: ${verdict(p)}`)
      : ['- No NodePool or EC2NodeClass changes: no node is affected.']),
    ...(change.unchanged.length > 0
      ? [
          '',
          `Unchanged NodePools: ${change.unchanged
            .map(name => code(name))
            .join(', ')}`,
        ]
      : []),
    '',
    ...(withFields.length > 0
      ? ['### Field changes', '', ...withFields.flatMap(fieldTable)]
      : []),
    '### Files',
    '',
    ...fileLines(context.files),
    '',
    `How Karpenter replaces drifted nodes: [Karpenter drift documentation](${DRIFT_DOCS})`,
    '',
  ].join('\n');
  return {
    title: title(change, context.clusterName),
    markdown,
    summary: change.pools.map(summaryLine),
  };
}
