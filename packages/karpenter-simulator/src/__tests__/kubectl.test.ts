import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Simulator } from '../Simulator';

const run = promisify(execFile);
const kubectl = (server: string, ...args: string[]) =>
  run('kubectl', ['--server', server, '--insecure-skip-tls-verify', ...args], {
    env: { ...process.env, KUBECONFIG: '/dev/null' },
    maxBuffer: 64 * 1024 * 1024,
  });

describe('kubectl against the simulator', () => {
  let sim: Simulator;
  let server: string;
  beforeEach(async () => {
    sim = new Simulator({ scenario: 'demo' });
    await sim.start();
    server = sim.clusters[0].url;
  });
  afterEach(() => sim.stop());

  it('gets every Karpenter resource, nodes, pods and events as JSON', async () => {
    const { stdout } = await kubectl(
      server,
      'get',
      'nodepools,nodeclaims,ec2nodeclasses,nodes,pods,events',
      '-A',
      '-o',
      'json',
    );
    const list = JSON.parse(stdout);
    const kinds = list.items.reduce(
      (acc: Record<string, number>, i: any) => ({
        ...acc,
        [i.kind]: (acc[i.kind] ?? 0) + 1,
      }),
      {},
    );
    expect(kinds).toMatchObject({
      NodePool: 4,
      NodeClaim: 39,
      EC2NodeClass: 2,
      Node: 39,
      Pod: 27,
    });
    expect(kinds.Event).toBeGreaterThan(0);
  });

  it('streams NodePool changes with -w', async () => {
    const child = spawn(
      'kubectl',
      ['--server', server, 'get', 'nodepools', '-w', '-o', 'name'],
      { env: { ...process.env, KUBECONFIG: '/dev/null' } },
    );
    let out = '';
    child.stdout.on('data', d => (out += d));
    await new Promise(resolve => setTimeout(resolve, 1500));
    sim.interrupt({ cluster: 'demo', nodePool: 'general' });
    await sim.advance(60_000);
    await new Promise(resolve => setTimeout(resolve, 1000));
    child.kill();
    const lines = out.trim().split('\n');
    expect(
      lines.filter(l => l === 'nodepool.karpenter.sh/general').length,
    ).toBeGreaterThan(1);
  });

  it('applies, patches and deletes NodePools and EC2NodeClasses with validation (kubectl apply -k)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-apply-'));
    fs.writeFileSync(
      path.join(dir, 'kustomization.yaml'),
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ec2nodeclass.yaml\n  - nodepool.yaml\n',
    );
    const nodeClass = (tag: string) =>
      `apiVersion: karpenter.k8s.aws/v1\nkind: EC2NodeClass\nmetadata:\n  name: fresh\nspec:\n  role: KarpenterNodeRole-demo\n  amiSelectorTerms:\n    - alias: al2023@latest\n  subnetSelectorTerms:\n    - tags:\n        karpenter.sh/discovery: ${tag}\n  securityGroupSelectorTerms:\n    - tags:\n        karpenter.sh/discovery: demo\n`;
    fs.writeFileSync(path.join(dir, 'ec2nodeclass.yaml'), nodeClass('demo'));
    fs.writeFileSync(
      path.join(dir, 'nodepool.yaml'),
      'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: fresh\nspec:\n  template:\n    spec:\n      nodeClassRef:\n        group: karpenter.k8s.aws\n        kind: EC2NodeClass\n        name: fresh\n      requirements:\n        - key: karpenter.sh/capacity-type\n          operator: In\n          values: [spot]\n  limits:\n    cpu: "10"\n',
    );
    await kubectl(server, 'apply', '-k', dir);
    const c = sim.cluster('demo');
    expect(
      c
        .get('EC2NodeClass', 'fresh')
        .status.conditions.find((x: any) => x.type === 'Ready').status,
    ).toBe('True');
    expect(
      c
        .get('NodePool', 'fresh')
        .status.conditions.find((x: any) => x.type === 'Ready').status,
    ).toBe('True');

    fs.writeFileSync(
      path.join(dir, 'ec2nodeclass.yaml'),
      nodeClass('nothing-has-this'),
    );
    await kubectl(server, 'apply', '-k', dir);
    expect(
      c
        .get('EC2NodeClass', 'fresh')
        .status.conditions.find((x: any) => x.type === 'SubnetsReady').status,
    ).toBe('False');
    expect(
      c
        .get('NodePool', 'fresh')
        .status.conditions.find((x: any) => x.type === 'Ready').status,
    ).toBe('False');

    fs.writeFileSync(
      path.join(dir, 'nodepool.yaml'),
      'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: bad\nspec:\n  template:\n    spec:\n      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: fresh}\n      requirements: []\n  disruption:\n    consolidationPolicy: Sometimes\n',
    );
    const failed = await kubectl(server, 'apply', '-k', dir).catch(e => e);
    expect(failed.stderr).toMatch(
      /The NodePool "bad" is invalid:[\s\S]*spec\.disruption\.consolidationPolicy: Unsupported value/,
    );
    expect(c.get('NodePool', 'bad')).toBeUndefined();

    fs.writeFileSync(
      path.join(dir, 'nodepool.yaml'),
      'apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: fresh\nspec:\n  template:\n    spec:\n      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: fresh}\n      requirements: []\n',
    );
    await kubectl(server, 'delete', '-k', dir);
    expect(c.get('NodePool', 'fresh')).toBeUndefined();
    expect(c.get('EC2NodeClass', 'fresh')).toBeUndefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
