import {
  KarpenterTemplateInput,
  ResolvedKarpenterTemplate,
  validateKarpenterTemplateInput,
} from '@karpenter-backstage/karpenter-template';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { valueOrThrow } from '../errors';
import { RenderedFile } from '../files';
import { renderKarpenterRepository } from '../render';
import { renderValuesFile, VALUES_FILE } from '../values';
import { updateNodePoolsAnnotation } from './catalogInfo';

/** The repository files a NodePool change writes and deletes, compared file by file. */
export interface NodePoolsChangePlan {
  before: ResolvedKarpenterTemplate;
  after: ResolvedKarpenterTemplate;
  /** Files to write (changed or new), with their new content. */
  writes: RenderedFile[];
  changed: string[];
  added: string[];
  deleted: string[];
  /** A short, stable id of the new values (for the branch name). */
  valuesDigest: string;
}

async function renderAll(
  input: KarpenterTemplateInput,
  resolved: ResolvedKarpenterTemplate,
): Promise<Map<string, string>> {
  // the values carry the module source they were rendered with: no portal default is needed
  const files = [
    ...(await renderKarpenterRepository(resolved)),
    renderValuesFile(input),
  ];
  return new Map(files.map(f => [f.path, f.content]));
}

type NodePools = KarpenterTemplateInput['nodePools'];

/**
 * A value with its empty lists and maps left out: the model reads an empty list or map of a
 * NodePool as "not set" (the preset's value applies), and a form sends them for fields the user
 * never touched.
 */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const compact = withoutEmpty(item);
      const empty =
        compact === undefined ||
        (Array.isArray(compact) && compact.length === 0) ||
        (typeof compact === 'object' &&
          compact !== null &&
          !Array.isArray(compact) &&
          Object.keys(compact).length === 0);
      if (!empty) out[key] = compact;
    }
    return out;
  }
  return value;
}

/**
 * The new NodePools, each pool that means the same as the current pool of its name kept exactly
 * as the repository has it (so neither a no-op nor an untouched pool changes the values file),
 * the others without their empty lists and maps.
 */
function sameAsCurrent(current: NodePools, next: NodePools): NodePools {
  const byName = new Map(current.map(pool => [pool.name, pool]));
  return next.map(pool => {
    const existing = byName.get(pool.name);
    const compact = withoutEmpty(pool) as NodePools[number];
    return existing && isDeepStrictEqual(withoutEmpty(existing), compact)
      ? existing
      : compact;
  });
}

/**
 * What changing a repository's NodePools writes: the repository rendered from its current values
 * and from the same values with the new NodePools, by the one renderer the create template and
 * the CLI use, compared file by file — so a file the change does not touch (the Terraform, when
 * only NodePools change) is not written even where a newer renderer would format it differently.
 * The repository's CI keeps its files equal to a render of its values, so the current render is
 * what the repository holds. `catalog-info.yaml` (written by the template skeleton, not the
 * renderer) gets its `karpenter.sh/nodepools` list updated when given.
 */
export async function planNodePoolsChange(options: {
  current: KarpenterTemplateInput;
  nodePools: NodePools;
  catalogInfo?: { path: string; content: string };
}): Promise<NodePoolsChangePlan> {
  const { current, catalogInfo } = options;
  const nodePools = sameAsCurrent(current.nodePools, options.nodePools);
  const next: KarpenterTemplateInput = { ...current, nodePools };
  const before = valueOrThrow(
    validateKarpenterTemplateInput(current),
    'Invalid karpenter-values.yaml',
  );
  const after = valueOrThrow(
    validateKarpenterTemplateInput(next),
    'Invalid NodePools',
  );
  const [oldFiles, newFiles] = await Promise.all([
    renderAll(current, before),
    renderAll(next, after),
  ]);
  const writes: RenderedFile[] = [];
  const changed: string[] = [];
  const added: string[] = [];
  for (const [path, content] of newFiles) {
    const old = oldFiles.get(path);
    if (old === content) continue;
    writes.push({ path, content });
    (old === undefined ? added : changed).push(path);
  }
  const deleted = [...oldFiles.keys()].filter(p => !newFiles.has(p));
  if (catalogInfo) {
    const updated = updateNodePoolsAnnotation(
      catalogInfo.content,
      before.nodePools.map(p => p.name),
      after.nodePools.map(p => p.name),
    );
    if (updated !== undefined) {
      writes.push({ path: catalogInfo.path, content: updated });
      changed.push(catalogInfo.path);
    }
  }
  const valuesDigest = createHash('sha256')
    .update(newFiles.get(VALUES_FILE) ?? '')
    .digest('hex')
    .slice(0, 8);
  return {
    before,
    after,
    writes,
    changed: changed.sort(),
    added: added.sort(),
    deleted: deleted.sort(),
    valuesDigest,
  };
}
