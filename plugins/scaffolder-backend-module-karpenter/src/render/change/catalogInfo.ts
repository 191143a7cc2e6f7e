import { parseAllDocuments, isScalar } from 'yaml';

/** The annotation listing the NodePools a cluster entity shows. */
const NODEPOOLS_ANNOTATION = 'karpenter.sh/nodepools';

function names(value: string): string[] {
  return value
    .split(',')
    .map(n => n.trim())
    .filter(Boolean);
}

/**
 * `catalog-info.yaml` with each `karpenter.sh/nodepools` annotation following a NodePool change:
 * removed pools dropped, added pools appended, the other names (and the rest of the file, its
 * comments and quoting) kept as they are. A file without the annotation, or with an empty one, is
 * left alone (the entity then shows every NodePool of its cluster). Returns `undefined` when nothing changes.
 */
export function updateNodePoolsAnnotation(
  text: string,
  before: string[],
  after: string[],
): string | undefined {
  const removed = new Set(before.filter(n => !after.includes(n)));
  const added = after.filter(n => !before.includes(n));
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return undefined;
  let edited = false;
  for (const doc of documents) {
    if (doc.errors.length > 0) return undefined;
    const path = ['metadata', 'annotations', NODEPOOLS_ANNOTATION];
    const node = doc.getIn(path, true);
    if (!isScalar(node) || typeof node.value !== 'string') continue;
    const current = names(node.value);
    // an empty list shows every NodePool: adding names would narrow the entity
    if (current.length === 0) continue;
    const next = [
      ...current.filter(n => !removed.has(n)),
      ...added.filter(n => !current.includes(n)),
    ];
    if (next.join(',') === current.join(',')) continue;
    node.value = next.join(',');
    edited = true;
  }
  if (!edited) return undefined;
  return documents.map(doc => doc.toString({ lineWidth: 0 })).join('');
}
