import {
  DEFAULT_MODULE_SOURCE,
  ResolvedClusterSettings,
  ResolvedKarpenterTemplate,
  ResolvedNodePools,
  TemplateFieldError,
} from '@karpenter-backstage/plugin-karpenter-common';
import { RenderedFile } from './files';
import { buildEc2NodeClass } from './manifests/ec2NodeClass';
import { buildKustomization } from './manifests/kustomization';
import { buildNodePool } from './manifests/nodePool';
import { backendTf, mainTf, outputsTf, versionsTf } from './terraform';
import {
  assertNoOutputErrors,
  checkHclFiles,
  checkManifest,
} from './validateOutput';
import { toYaml } from './yaml';

/** Options of the renderer. */
export interface RenderOptions {
  /** `source` of the module block when the input names none (else DEFAULT_MODULE_SOURCE). */
  defaultModuleSource?: string;
}

/** The module source the Terraform files use. */
export function moduleSourceOf(
  settings: ResolvedClusterSettings,
  options: RenderOptions = {},
): string {
  return (
    settings.moduleSource ??
    options.defaultModuleSource ??
    DEFAULT_MODULE_SOURCE
  );
}

/**
 * `terraform/main.tf`, `versions.tf`, `outputs.tf` and (with a backend) `backend.tf`, each
 * canonically formatted and proven to parse.
 */
export async function renderTerraformFiles(
  settings: ResolvedClusterSettings,
  options: RenderOptions = {},
): Promise<RenderedFile[]> {
  const backend = backendTf(settings);
  return checkHclFiles([
    {
      path: 'terraform/main.tf',
      content: mainTf(settings, moduleSourceOf(settings, options)),
    },
    { path: 'terraform/versions.tf', content: versionsTf() },
    { path: 'terraform/outputs.tf', content: outputsTf() },
    ...(backend ? [{ path: 'terraform/backend.tf', content: backend }] : []),
  ]);
}

/**
 * `manifests/ec2nodeclass-<name>.yaml` and `manifests/nodepool-<name>.yaml` per NodePool plus
 * `manifests/kustomization.yaml`; every manifest is checked against the Karpenter v1 CRDs and
 * must read back as the object it was made from.
 */
export function renderNodePoolFiles(input: ResolvedNodePools): RenderedFile[] {
  const manifests: Array<{ file: string; object: Record<string, unknown> }> =
    input.nodePools.flatMap(pool => [
      {
        file: `ec2nodeclass-${pool.name}.yaml`,
        object: buildEc2NodeClass(input.clusterName, pool),
      },
      { file: `nodepool-${pool.name}.yaml`, object: buildNodePool(pool) },
    ]);
  manifests.push({
    file: 'kustomization.yaml',
    object: buildKustomization(manifests.map(m => m.file)),
  });
  const errors: TemplateFieldError[] = [];
  const files = manifests.map(({ file, object }) => {
    const rendered = { path: `manifests/${file}`, content: toYaml(object) };
    errors.push(...checkManifest(rendered, object));
    return rendered;
  });
  assertNoOutputErrors(errors);
  return files;
}

/** Everything both actions render: what the CLI writes. */
export async function renderKarpenterRepository(
  input: ResolvedKarpenterTemplate,
  options: RenderOptions = {},
): Promise<RenderedFile[]> {
  return [
    ...(await renderTerraformFiles(input, options)),
    ...renderNodePoolFiles(input),
  ];
}
