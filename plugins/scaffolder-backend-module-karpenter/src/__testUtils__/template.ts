import { parse as parseHcl } from '@cdktn/hcl2json';
import { validateKarpenterObject } from '@karpenter-backstage/karpenter-crds';
import Ajv from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { createTemplateRenderer } from 'nunjitsu';
import { parse as parseYaml } from 'yaml';
import { listFiles } from './mockActionContext';
import { runStepsInProcess, templateRenderer } from './runSteps';

const PACKAGE: { name: string; version: string } = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'),
);

/** A folder of this repository's templates/. */
export function templateFolder(name: string): string {
  return path.resolve(__dirname, '../../../../templates', name);
}

/** The template folder of this repository. */
export const TEMPLATE_DIR = templateFolder('karpenter-eks');

/** The template.yaml of a template folder (default: karpenter-eks), parsed. */
export function loadTemplate(dir: string = TEMPLATE_DIR): any {
  return parseYaml(fs.readFileSync(path.join(dir, 'template.yaml'), 'utf8'));
}

/** Every file of the template folder (template.yaml + skeleton/), as the dry-run API takes them. */
export function templateDirectoryContents(): Array<{
  path: string;
  base64Content: string;
}> {
  const out: Array<{ path: string; base64Content: string }> = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        out.push({
          path: path.relative(TEMPLATE_DIR, full).split(path.sep).join('/'),
          base64Content: fs.readFileSync(full).toString('base64'),
        });
      }
    }
  };
  walk(TEMPLATE_DIR);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** The values a user enters in the form for the e2e and in-process runs: two NodePools. */
export const TWO_POOL_VALUES = {
  clusterName: 'demo-cluster',
  awsRegion: 'eu-west-1',
  environment: 'prod',
  owner: 'group:default/platform-team',
  description: 'Demo "cluster" with ${{ not templated }}',
  tags: { Team: 'platform', CostCenter: 'Zürich 42' },
  nodePools: [
    { name: 'general', preset: 'general' },
    {
      name: 'batch',
      preset: 'batch',
      capacityTypes: ['spot', 'on-demand'],
      limits: { cpu: '800' },
      weight: 20,
    },
  ],
  repoUrl: 'github.com?owner=acme&repo=karpenter-demo-cluster',
};

/** Adds the form's `default`s for properties the user left out (top level, like the form does). */
export function withFormDefaults(template: any, values: Record<string, any>) {
  const out = { ...values };
  for (const page of template.spec.parameters) {
    for (const [name, schema] of Object.entries<any>(page.properties ?? {})) {
      if (out[name] === undefined && schema.default !== undefined) {
        out[name] = schema.default;
      }
    }
  }
  return out;
}

/** Checks values against every form page's JSON schema (as the scaffolder does before a run). */
export function formErrors(template: any, values: Record<string, any>) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return template.spec.parameters.flatMap((page: any) => {
    const validate = ajv.compile({ type: 'object', ...page });
    return validate(values) ? [] : validate.errors!;
  });
}

/** `karpenter.scaffolder.defaultModuleSource` of the local portal's app-config.yaml. */
export function portalDefaultModuleSource(): string {
  const config = parseYaml(
    fs.readFileSync(
      path.resolve(__dirname, '..', '..', '..', '..', 'app-config.yaml'),
      'utf8',
    ),
  );
  const source = config?.karpenter?.scaffolder?.defaultModuleSource;
  if (typeof source !== 'string') {
    throw new Error(
      'app-config.yaml does not set karpenter.scaffolder.defaultModuleSource',
    );
  }
  return source;
}

/**
 * Runs template.yaml in process the way the scaffolder's workflow runner does (see
 * {@link runStepsInProcess}): `fetch:template` is reproduced (every skeleton path and file
 * rendered with `values`, `copyWithoutTemplating` globs of the form `dir/*` copied), and
 * publish/register are skipped with stand-in outputs.
 */
export async function runTemplateInProcess(
  values: Record<string, unknown>,
  workspace: string,
) {
  const renderer = templateRenderer();
  const { steps, output } = await runStepsInProcess({
    template: loadTemplate(),
    values,
    workspace,
    defaultModuleSource: portalDefaultModuleSource(),
    standIns: {
      'fetch:template': input => {
        fetchTemplate(renderer, input, workspace);
        return {};
      },
      'publish:github': () => ({
        remoteUrl: 'https://github.com/acme/karpenter-demo-cluster',
        repoContentsUrl:
          'https://github.com/acme/karpenter-demo-cluster/blob/main',
      }),
      'catalog:register': () => ({
        entityRef: `resource:default/${values.clusterName}`,
      }),
    },
  });
  return { steps, output };
}

function fetchTemplate(
  renderer: ReturnType<typeof createTemplateRenderer>,
  input: any,
  workspace: string,
) {
  const skeleton = path.join(TEMPLATE_DIR, input.url);
  const context = renderer.prepareContext({ values: input.values });
  const copyOnly = (input.copyWithoutTemplating ?? []).map((glob: string) => {
    if (!glob.endsWith('/*')) {
      throw new Error(`the test only reproduces "dir/*" globs, not ${glob}`);
    }
    return glob.slice(0, -1);
  });
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const location = path.relative(skeleton, full).split(path.sep).join('/');
      const copy = copyOnly.some(
        (prefix: string) =>
          location.startsWith(prefix) &&
          !location.slice(prefix.length).includes('/'),
      );
      const target = path.join(workspace, renderer.render(location, context));
      if (fs.existsSync(target)) {
        continue;
      }
      const content = fs.readFileSync(full, 'utf8');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(
        target,
        copy ? content : renderer.render(content, context),
      );
    }
  };
  walk(skeleton);
}

/** Reads every file below a workspace into a path → content map. */
export async function readWorkspace(dir: string) {
  const files = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    files.set(file, fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  return files;
}

/**
 * The checks both runs of the template (in process and through the portal's dry-run API) make on
 * the produced repository for TWO_POOL_VALUES.
 */
export async function checkTwoPoolRepository(files: Map<string, string>) {
  const get = (file: string) => {
    const content = files.get(file);
    if (content === undefined) {
      throw new Error(`missing ${file}; got ${[...files.keys()].join(', ')}`);
    }
    return content;
  };
  expect([...files.keys()].sort()).toEqual([
    '.github/workflows/validate.yaml',
    '.gitignore',
    'README.md',
    'catalog-info.yaml',
    'docs/index.md',
    'karpenter-values.yaml',
    'manifests/ec2nodeclass-batch.yaml',
    'manifests/ec2nodeclass-general.yaml',
    'manifests/kustomization.yaml',
    'manifests/nodepool-batch.yaml',
    'manifests/nodepool-general.yaml',
    'mkdocs.yml',
    'terraform/main.tf',
    'terraform/outputs.tf',
    'terraform/versions.tf',
  ]);

  // Terraform: parses; the module block carries the form's values
  const main = await parseHcl('main.tf', get('terraform/main.tf'));
  expect(main.module.karpenter[0]).toMatchObject({
    eks_cluster_name: 'demo-cluster',
    eks_cluster_endpoint: '${data.aws_eks_cluster.this.endpoint}',
    aws_region: 'eu-west-1',
    environment: 'prod',
    namespace: 'karpenter',
    service_account_name: 'karpenter',
    helm_chart_version: '1.14.1',
    resource_tag: { Team: 'platform', CostCenter: 'Zürich 42' },
  });
  expect(main.module.karpenter[0].source).toMatch(
    /terraform-module\/karpenter\?ref=/,
  );
  // the values file names the module source that was used
  const values = parseYaml(get('karpenter-values.yaml'));
  expect(values).toMatchObject({
    clusterName: 'demo-cluster',
    awsRegion: 'eu-west-1',
    moduleSource: main.module.karpenter[0].source,
  });
  expect(values.nodePools.map((p: { name: string }) => p.name)).toEqual([
    'general',
    'batch',
  ]);
  expect(get('README.md')).toContain(main.module.karpenter[0].source);

  // the repo's own docs: what a real apply needs, the compatibility table, upgrade and uninstall
  const docs = get('docs/index.md');
  for (const needed of [
    'eks-pod-identity-agent',
    '`API` or `API_AND_CONFIG_MAP`',
    'Two nodes outside Karpenter',
    'karpenter.sh/discovery: demo-cluster',
    '| 1.36       | >= 1.13           |',
    'the `karpenter-crd` release (the CRDs) before the controller',
    'Delete the NodePools',
    'terraform destroy',
  ]) {
    expect(docs).toContain(needed);
  }
  expect(docs.indexOf('Delete the NodePools')).toBeLessThan(
    docs.indexOf('`cd terraform && terraform destroy`'),
  );
  for (const file of ['terraform/versions.tf', 'terraform/outputs.tf']) {
    await expect(parseHcl(file, get(file))).resolves.toBeTruthy();
  }

  // Manifests: valid against the Karpenter v1 CRDs, wired to the module's node role
  for (const pool of ['general', 'batch']) {
    const nodePool = parseYaml(get(`manifests/nodepool-${pool}.yaml`));
    const nodeClass = parseYaml(get(`manifests/ec2nodeclass-${pool}.yaml`));
    expect(validateKarpenterObject(nodePool).violations).toEqual([]);
    expect(validateKarpenterObject(nodeClass).violations).toEqual([]);
    expect(nodePool.spec.template.spec.nodeClassRef.name).toBe(pool);
    expect(nodeClass.spec.role).toBe('KarpenterNodeRole-demo-cluster');
    expect(nodeClass.spec.subnetSelectorTerms).toEqual([
      { tags: { 'karpenter.sh/discovery': 'demo-cluster' } },
    ]);
  }
  const batch = parseYaml(get('manifests/nodepool-batch.yaml'));
  expect(batch.spec.weight).toBe(20);
  expect(batch.spec.limits).toEqual({ cpu: '800' });
  expect(batch.spec.template.spec.requirements).toContainEqual({
    key: 'karpenter.sh/capacity-type',
    operator: 'In',
    values: ['spot', 'on-demand'],
  });
  expect(parseYaml(get('manifests/kustomization.yaml')).resources).toEqual([
    'ec2nodeclass-general.yaml',
    'nodepool-general.yaml',
    'ec2nodeclass-batch.yaml',
    'nodepool-batch.yaml',
  ]);

  // Catalog entity: the cluster as a Resource with the Karpenter annotations and TechDocs
  const entity = parseYaml(get('catalog-info.yaml'));
  expect(entity).toMatchObject({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'demo-cluster',
      description: 'Demo "cluster" with ${{ not templated }}',
      annotations: {
        'karpenter.sh/cluster': 'demo-cluster',
        'karpenter.sh/nodepools': 'general,batch',
        'backstage.io/techdocs-ref': 'dir:.',
        'github.com/project-slug': 'acme/karpenter-demo-cluster',
      },
      tags: ['karpenter', 'eks', 'prod'],
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: 'group:default/platform-team',
      lifecycle: 'production',
    },
  });

  // CI workflow copied verbatim (its ${{ }} expressions are GitHub's, not the scaffolder's)
  const workflow = parseYaml(get('.github/workflows/validate.yaml'));
  expect(Object.keys(workflow.jobs)).toEqual([
    'rendered',
    'terraform',
    'manifests',
  ]);
  // every action pinned by a full commit SHA, the kubeconform download checked against a sha256
  const uses = JSON.stringify(workflow.jobs).match(/"uses":"[^"]+"/g) ?? [];
  expect(uses.length).toBeGreaterThan(0);
  for (const use of uses) {
    expect(use).toMatch(/^"uses":"[\w.-]+\/[\w.-]+@[0-9a-f]{40}"$/);
  }
  expect(workflow.jobs.manifests.env.KUBECONFORM_SHA256).toMatch(
    /^[0-9a-f]{64}$/,
  );
  expect(get('.github/workflows/validate.yaml')).toContain(
    'sha256sum --check --strict',
  );
  // the re-render job: the renderer of this package's version, then git diff --exit-code
  const rendered = JSON.stringify(workflow.jobs.rendered);
  expect(rendered).toContain(
    'karpenter-render --values karpenter-values.yaml --out .',
  );
  expect(rendered).toContain('git diff --exit-code');
  expect(workflow.jobs.rendered.env.KARPENTER_RENDER_PACKAGE).toBe(
    `${PACKAGE.name}@${PACKAGE.version}`,
  );
  expect(get('.github/workflows/validate.yaml')).toContain(
    "if: ${{ vars.AWS_ROLE_ARN != '' }}",
  );
  const steps = JSON.stringify(workflow.jobs);
  for (const command of [
    'terraform fmt -check',
    'terraform validate',
    'terraform plan',
    'kubeconform',
  ]) {
    expect(steps).toContain(command);
  }

  // Docs: README and TechDocs name the cluster; they point at karpenter-values.yaml for the
  // NodePools instead of listing them, so a day-two change (a pull request that touches only the
  // values and manifests) leaves them true
  expect(get('README.md')).toContain('# demo-cluster: Karpenter on EKS');
  for (const doc of ['README.md', 'docs/index.md']) {
    expect(get(doc)).toContain('the `nodePools` of `karpenter-values.yaml`');
    expect(get(doc)).not.toMatch(/nodepool-(general|batch)\.yaml/);
    expect(get(doc)).toContain('*Change Karpenter NodePools*');
  }
  expect(parseYaml(get('mkdocs.yml')).site_name).toBe(
    'demo-cluster - Karpenter',
  );
}
