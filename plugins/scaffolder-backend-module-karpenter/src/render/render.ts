import {
  ResolvedClusterSettings,
  ResolvedKarpenterTemplate,
  ResolvedNodePools,
  TemplateFieldError,
} from '@karpenter-backstage/karpenter-template';
import { KarpenterInputError } from './errors';
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

/** The app-config key of the portal's default module source. */
export const DEFAULT_MODULE_SOURCE_KEY =
  'karpenter.scaffolder.defaultModuleSource';

/** Options of the renderer. @public */
export interface RenderOptions {
  /** `source` of the module block when the input names none. */
  defaultModuleSource?: string;
  /**
   * Where `defaultModuleSource` is set, named in the error when neither it nor the input's
   * `moduleSource` is given (default: the app-config key; the CLI: `--module-source`).
   */
  defaultModuleSourceSetting?: string;
}

/**
 * The module source the Terraform files use: the input's, else the configured default. There is
 * no built-in default — nobody publishes the module for a portal — so without either the render
 * fails with an error naming the setting (docs/terraform-module.md, "Publishing the module").
 */
export function moduleSourceOf(
  settings: Pick<ResolvedClusterSettings, 'moduleSource'>,
  options: RenderOptions = {},
): string {
  const source = settings.moduleSource ?? options.defaultModuleSource;
  if (source === undefined) {
    const setting =
      options.defaultModuleSourceSetting ?? DEFAULT_MODULE_SOURCE_KEY;
    throw new KarpenterInputError('No Terraform module source', [
      {
        field: 'moduleSource',
        message: `is not set and ${setting} is not configured: publish terraform-module/karpenter (a tag of your fork or a private registry) and set ${setting} to its source, or enter a module source`,
      },
    ]);
  }
  return source;
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
    { path: 'terraform/versions.tf', content: versionsTf(settings) },
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
