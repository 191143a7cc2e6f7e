import {
  Entity,
  getEntitySourceLocation,
  ANNOTATION_LOCATION,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { KARPENTER_VALUES_FILE } from '@karpenter-backstage/karpenter-template';

/** The GitHub slug annotation the create template writes (`owner/repo`). */
const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

/** Where a cluster entity's repository files are, and where a change to it goes. */
export interface RepoLocation {
  valuesUrl: string;
  catalogInfoUrl: string;
  /** `host?owner=…&repo=…`, the scaffolder's `repoUrl` form; GitHub only. */
  repoUrl?: string;
  targetBranch?: string;
}

/**
 * `/owner/repo/(blob|tree)/<branch>/…` of a GitHub URL → owner, repo and branch. A branch name
 * with a `/` is ambiguous in such a URL; the first segment is taken (the create template's repos
 * use `main`).
 */
function githubParts(url: URL) {
  const [owner, repo, kind, branch] = url.pathname
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  if (!owner || !repo) return undefined;
  return {
    owner,
    repo: repo.replace(/\.git$/, ''),
    branch: kind === 'blob' || kind === 'tree' ? branch : undefined,
  };
}

function repoUrlOf(owner: string, repo: string, host: string) {
  const query = new URLSearchParams({ owner, repo });
  return `${host}?${query.toString()}`;
}

/**
 * The files of a cluster repository created by the Karpenter template: `karpenter-values.yaml`
 * beside the entity's `catalog-info.yaml` at the repository root, located from the entity's
 * source location (`backstage.io/source-location`, else its catalog file). Only `url` locations
 * can be read through the URL reader; the reader's allow-list (integrations,
 * `backend.reading.allow`) decides whether the backend may read them.
 */
export function repoLocationOf(
  entity: Entity,
  integrations: ScmIntegrationRegistry,
): RepoLocation {
  const ref = stringifyEntityRef(entity);
  let source: { type: string; target: string };
  try {
    source = getEntitySourceLocation(entity);
  } catch {
    throw new InputError(
      `${ref} has no source location to read ${KARPENTER_VALUES_FILE} from`,
    );
  }
  if (source.type !== 'url') {
    throw new InputError(
      `${ref} comes from a ${source.type} location; ${KARPENTER_VALUES_FILE} can only be read from a url location (its repository)`,
    );
  }
  const resolve = (file: string) =>
    integrations.resolveUrl({ url: `./${file}`, base: source.target });
  const managedBy = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  let catalogInfoUrl = resolve('catalog-info.yaml');
  if (managedBy) {
    const location = parseLocationRef(managedBy);
    if (location.type === 'url') catalogInfoUrl = location.target;
  }
  const valuesUrl = resolve(KARPENTER_VALUES_FILE);

  const location: RepoLocation = { valuesUrl, catalogInfoUrl };
  const github = integrations.github.byUrl(valuesUrl);
  const parts = githubParts(new URL(valuesUrl));
  if (github && parts) {
    location.repoUrl = repoUrlOf(parts.owner, parts.repo, github.config.host);
    if (parts.branch) location.targetBranch = parts.branch;
    return location;
  }
  const slug = entity.metadata.annotations?.[PROJECT_SLUG_ANNOTATION];
  const [owner, repo, ...rest] = (slug ?? '').split('/');
  if (owner && repo && rest.length === 0) {
    location.repoUrl = repoUrlOf(owner, repo, 'github.com');
  }
  return location;
}
