/* eslint-disable jest/no-conditional-expect -- the property holds per outcome: refused or rendered */
import { InputError } from '@backstage/errors';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { parse as parseHcl } from '@cdktn/hcl2json';
import { validateKarpenterTemplateInput } from '@karpenter-backstage/karpenter-template';
import { validateKarpenterObject } from '@karpenter-backstage/karpenter-crds';
import fc from 'fast-check';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  createNodePoolsRenderAction,
  createTerraformRenderAction,
  createValuesRenderAction,
} from '../actions';
import { templateInput } from '../__testUtils__/arbitraries';
import { valuesThenReRender } from '../__testUtils__/reRender';
import {
  listFiles,
  makeTempDir,
  runAction,
} from '../__testUtils__/mockActionContext';
import { KarpenterInputError } from './errors';
import { fromHclJsonString } from './hcl/escape';

/**
 * Property: for any input, the two actions either refuse it with an InputError from input
 * validation (and write nothing), or write only inside the workspace files whose parsed content
 * (HCL via hcl2json, YAML as 1.1 and 1.2) carries exactly the input's values and validates
 * against the Karpenter v1 CRDs; and re-rendering the result from its own
 * `karpenter-values.yaml` with the CLI (`karpenter-render --values karpenter-values.yaml --out .`,
 * as the generated repository's CI does) changes no byte and adds no file.
 *
 * Runs 1,000 inputs in the test command; `yarn fuzz` runs 10,000 (KARPENTER_FUZZ_RUNS).
 */
const RUNS = Number(process.env.KARPENTER_FUZZ_RUNS ?? 1000);
const SEED = process.env.KARPENTER_FUZZ_SEED
  ? Number(process.env.KARPENTER_FUZZ_SEED)
  : undefined;

/** The portal's karpenter.scaffolder.defaultModuleSource in this test. */
const PORTAL_MODULE_SOURCE =
  'git::https://git.example.com/platform/karpenter.git//terraform-module/karpenter?ref=v1.2.3';
const terraform = createTerraformRenderAction({
  defaultModuleSource: PORTAL_MODULE_SOURCE,
});
const nodePools = createNodePoolsRenderAction();
const values = createValuesRenderAction({
  defaultModuleSource: PORTAL_MODULE_SOURCE,
});
const checkReRender = (input: unknown, workspace: string) =>
  valuesThenReRender(values, input, workspace);

const CLUSTER_KEYS = [
  'clusterName',
  'awsRegion',
  'environment',
  'namespace',
  'serviceAccountName',
  'helmChartVersion',
  'tags',
  'moduleSource',
  'backend',
];

/** Cluster settings for one action, NodePools for the other; unknown keys go to both. */
function split(input: any) {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { cluster: input, pools: input };
  }
  const entries = Object.entries(input);
  const cluster = Object.fromEntries(
    entries.filter(([k]) => k !== 'nodePools'),
  );
  const pools = Object.fromEntries(
    entries.filter(([k]) => k === 'clusterName' || !CLUSTER_KEYS.includes(k)),
  );
  return { cluster, pools };
}

/** Runs an action; returns its outputs or the error, asserting the error is input validation's. */
async function attempt(
  action: TemplateAction<any, any, any>,
  input: unknown,
  workspace: string,
): Promise<Record<string, unknown> | undefined> {
  const before = await listFiles(workspace);
  try {
    return await runAction(action, input, workspace);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect(error).toBeInstanceOf(KarpenterInputError);
    expect((error as KarpenterInputError).stage).toBe('input');
    expect(await listFiles(workspace)).toEqual(before);
    return undefined;
  }
}

const decode = (value: unknown): unknown => {
  if (typeof value === 'string') {
    return fromHclJsonString(value);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [fromHclJsonString(k), decode(v)]),
    );
  }
  return value;
};

async function checkTerraform(input: any, workspace: string) {
  const read = (file: string) =>
    fs.readFile(path.join(workspace, 'terraform', file), 'utf8');
  const main = await parseHcl('main.tf', await read('main.tf'));
  const block = main.module.karpenter[0];
  expect(decode(block.source)).toBe(input.moduleSource ?? PORTAL_MODULE_SOURCE);
  expect(decode(block.eks_cluster_name)).toBe(input.clusterName);
  expect(decode(block.aws_region)).toBe(input.awsRegion);
  expect(decode(block.environment)).toBe(input.environment ?? 'dev');
  expect(decode(block.namespace)).toBe(input.namespace ?? 'karpenter');
  expect(decode(block.service_account_name)).toBe(
    input.serviceAccountName ?? 'karpenter',
  );
  expect(decode(block.helm_chart_version)).toBe(
    input.helmChartVersion ?? '1.14.1',
  );
  expect(decode(block.resource_tag)).toEqual(input.tags ?? {});
  expect(decode(main.data.aws_eks_cluster.this[0].name)).toBe(
    input.clusterName,
  );
  expect(decode(main.provider.aws[0].region)).toBe(input.awsRegion);
  if (input.backend?.bucket) {
    const backend = (await parseHcl('backend.tf', await read('backend.tf')))
      .terraform[0].backend.s3[0];
    expect(decode(backend.bucket)).toBe(input.backend.bucket);
    expect(decode(backend.key)).toBe(
      input.backend.key ?? `karpenter/${input.clusterName}/terraform.tfstate`,
    );
    expect(backend.region).toBe(input.backend.region ?? input.awsRegion);
    if (input.backend.dynamodbTable) {
      expect(backend.dynamodb_table).toBe(input.backend.dynamodbTable);
    }
  }
}

const nonEmpty = (v: any) =>
  v !== undefined &&
  (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

async function checkManifests(input: any, workspace: string) {
  const read = async (file: string) => {
    const text = await fs.readFile(
      path.join(workspace, 'manifests', file),
      'utf8',
    );
    const object = parseYaml(text, { version: '1.1' });
    expect(parseYaml(text, { version: '1.2' })).toEqual(object);
    return object;
  };
  for (const pool of input.nodePools) {
    const nodePool = await read(`nodepool-${pool.name}.yaml`);
    const nodeClass = await read(`ec2nodeclass-${pool.name}.yaml`);
    expect(validateKarpenterObject(nodePool).violations).toEqual([]);
    expect(validateKarpenterObject(nodeClass).violations).toEqual([]);
    expect(nodePool.metadata.name).toBe(pool.name);
    expect(nodeClass.metadata.name).toBe(pool.name);
    expect(nodeClass.spec.role).toBe(`KarpenterNodeRole-${input.clusterName}`);
    if (nonEmpty(pool.labels)) {
      expect(nodePool.spec.template.metadata.labels).toEqual(pool.labels);
    }
    if (nonEmpty(pool.taints)) {
      expect(nodePool.spec.template.spec.taints).toEqual(
        pool.taints.map((t: any) =>
          t.value ? t : { key: t.key, effect: t.effect },
        ),
      );
    }
    if (nonEmpty(pool.requirements)) {
      expect(
        nodePool.spec.template.spec.requirements.slice(
          -pool.requirements.length,
        ),
      ).toEqual(pool.requirements);
    }
    const nc = pool.nodeClass ?? {};
    expect(nodeClass.spec.amiSelectorTerms).toEqual([
      { alias: nc.amiAlias ?? 'al2023@latest' },
    ]);
    const discovery = { 'karpenter.sh/discovery': input.clusterName };
    expect(nodeClass.spec.subnetSelectorTerms).toEqual([
      {
        tags: nonEmpty(nc.subnetSelectorTags)
          ? nc.subnetSelectorTags
          : discovery,
      },
    ]);
    expect(nodeClass.spec.securityGroupSelectorTerms).toEqual([
      {
        tags: nonEmpty(nc.securityGroupSelectorTags)
          ? nc.securityGroupSelectorTags
          : discovery,
      },
    ]);
    expect(nodeClass.spec.tags ?? {}).toEqual(nc.tags ?? {});
  }
  expect((await read('kustomization.yaml')).resources).toHaveLength(
    input.nodePools.length * 2,
  );
}

describe('property: any input is refused cleanly or round-trips', () => {
  let tmp: { dir: string; cleanup: () => Promise<void> };
  const outside = () => path.join(tmp.dir, 'outside');

  beforeAll(async () => {
    tmp = await makeTempDir('karpenter-property-');
    await fs.mkdir(outside());
    await fs.writeFile(path.join(outside(), 'sentinel.txt'), 'untouched');
  });
  afterAll(() => tmp.cleanup());

  it(
    `holds for ${RUNS} random inputs`,
    async () => {
      let run = 0;
      const stats = { accepted: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(templateInput, async input => {
          const workspace = path.join(tmp.dir, `ws-${run++}`);
          await fs.mkdir(workspace);
          try {
            const { cluster, pools } = split(input);
            const tf = await attempt(terraform, cluster, workspace);
            const tfFiles = await listFiles(workspace);
            if (tf) {
              expect(tfFiles).toEqual([...(tf.files as string[])].sort());
              await checkTerraform(input, workspace);
            }
            const np = await attempt(nodePools, pools, workspace);
            if (np) {
              expect(await listFiles(workspace)).toEqual(
                [...tfFiles, ...(np.files as string[])].sort(),
              );
              await checkManifests(input, workspace);
            }
            // the whole-input model agrees with the two halves
            expect(validateKarpenterTemplateInput(input).ok).toBe(
              Boolean(tf && np),
            );
            if (tf && np) {
              await checkReRender(input, workspace);
            }
            stats[tf && np ? 'accepted' : 'refused']++;
            // nothing outside the workspace changed
            expect((await fs.readdir(tmp.dir)).sort()).toEqual(
              ['outside', path.basename(workspace)].sort(),
            );
            expect(await listFiles(outside())).toEqual(['sentinel.txt']);
            expect(
              await fs.readFile(path.join(outside(), 'sentinel.txt'), 'utf8'),
            ).toBe('untouched');
          } finally {
            await fs.rm(workspace, { recursive: true, force: true });
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // the generators must exercise both outcomes
      expect(stats.accepted).toBeGreaterThan(RUNS / 5);
      expect(stats.refused).toBeGreaterThan(RUNS / 5);
    },
    Math.max(120_000, RUNS * 200),
  );
});
