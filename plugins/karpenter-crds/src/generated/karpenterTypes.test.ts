import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { NodePool } from './karpenterTypes';

const GENERATOR = path.resolve(__dirname, '../../scripts/generate-types.mjs');

describe('the Karpenter object types generated from the vendored CRDs', () => {
  it('are up to date with crds/*.yaml', () => {
    let output = '';
    try {
      execFileSync(process.execPath, [GENERATOR, '--check'], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      output = `${(error as { stderr?: string }).stderr ?? error}`;
    }
    expect(output).toBe('');
  });

  it('type a NodePool as the CRD declares it (int-or-string limits, enum reasons)', () => {
    const pool: NodePool = {
      apiVersion: 'karpenter.sh/v1',
      kind: 'NodePool',
      metadata: { name: 'general' },
      spec: {
        disruption: {
          consolidateAfter: '1m',
          budgets: [{ nodes: '10%', reasons: ['Drifted'] }],
        },
        limits: { cpu: 1000, memory: '1000Gi' },
        template: {
          spec: {
            nodeClassRef: {
              group: 'karpenter.k8s.aws',
              kind: 'EC2NodeClass',
              name: 'default',
            },
            requirements: [
              {
                key: 'karpenter.sh/capacity-type',
                operator: 'In',
                values: ['spot'],
              },
            ],
          },
        },
      },
    };
    expect(pool.spec.limits).toEqual({ cpu: 1000, memory: '1000Gi' });
  });
});
