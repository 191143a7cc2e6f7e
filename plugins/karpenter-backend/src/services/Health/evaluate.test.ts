import { budgetActive, budgetAllows, parseDuration } from './budgets';
import {
  parseQuantity,
  worstStatus,
} from '@karpenter-backstage/plugin-karpenter-common';
import { evaluateNodeClassHealth, evaluateNodePoolHealth } from './evaluate';

const now = Date.parse('2026-11-24T12:00:00Z');
const cond = (type: string, status: string, reason = type, message = '') => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: '2026-11-24T10:00:00Z',
});
const readyConditions = [
  cond('ValidationSucceeded', 'True'),
  cond('NodeClassReady', 'True'),
  cond('NodeRegistrationHealthy', 'True'),
  cond('Ready', 'True'),
];

function pool(overrides: any = {}) {
  return {
    metadata: { name: 'general' },
    spec: {
      template: {
        spec: {
          nodeClassRef: {
            group: 'karpenter.k8s.aws',
            kind: 'EC2NodeClass',
            name: 'default',
          },
        },
      },
      limits: { cpu: '100', memory: '400Gi' },
      disruption: { budgets: [{ nodes: '10%' }] },
      ...overrides.spec,
    },
    status: {
      conditions: readyConditions,
      resources: { cpu: '40', memory: '100Gi', nodes: '10' },
      ...overrides.status,
    },
  };
}
const nodeClass = (ready = true) => ({
  metadata: { name: 'default' },
  status: {
    conditions: ready
      ? [cond('SubnetsReady', 'True'), cond('Ready', 'True')]
      : [
          cond(
            'SubnetsReady',
            'False',
            'SubnetsNotFound',
            'SubnetSelector did not match any Subnets',
          ),
          cond('SecurityGroupsReady', 'True'),
          cond('Ready', 'False', 'UnhealthyDependents'),
        ],
  },
});
const claim = (name: string, ageMin: number, conditions: any[]) => ({
  metadata: {
    name,
    creationTimestamp: new Date(now - ageMin * 60_000).toISOString(),
  },
  status: { conditions },
});
const codes = (h: { reasons: Array<{ code: string }> }) =>
  h.reasons.map(r => r.code);

describe('evaluateNodePoolHealth', () => {
  it('is healthy for a ready NodePool with a ready EC2NodeClass and room to grow', () => {
    expect(
      evaluateNodePoolHealth({
        pool: pool(),
        nodeClass: nodeClass(),
        nowMs: now,
      }),
    ).toEqual({ status: 'healthy', reasons: [] });
  });

  it('is unhealthy with the failing NodeClass condition when NodeClassReady is False', () => {
    const h = evaluateNodePoolHealth({
      pool: pool({
        status: {
          conditions: [
            cond('ValidationSucceeded', 'True'),
            cond('NodeClassReady', 'False', 'NodeClassNotReady'),
            cond('Ready', 'False', 'UnhealthyDependents'),
          ],
        },
      }),
      nodeClass: nodeClass(false),
      nowMs: now,
    });
    expect(h.status).toBe('unhealthy');
    expect(codes(h)).toEqual(['NODECLASS_NOT_READY']);
    expect(h.reasons[0].message).toContain(
      'SubnetsReady=False (SubnetsNotFound): SubnetSelector did not match any Subnets',
    );
  });

  it('is unhealthy when validation failed or the NodeClass does not exist', () => {
    const invalid = evaluateNodePoolHealth({
      pool: pool({
        status: {
          conditions: [
            cond('ValidationSucceeded', 'False', 'RequirementsInvalid'),
            cond('Ready', 'False'),
          ],
        },
      }),
      nodeClass: nodeClass(),
      nowMs: now,
    });
    expect(codes(invalid)).toEqual(['NODEPOOL_VALIDATION_FAILED']);
    const missing = evaluateNodePoolHealth({
      pool: pool({
        status: {
          conditions: [cond('NodeClassReady', 'False'), cond('Ready', 'False')],
        },
      }),
      nowMs: now,
    });
    expect(codes(missing)).toEqual(['NODECLASS_NOT_FOUND']);
  });

  it('is degraded when node registration is unhealthy', () => {
    const h = evaluateNodePoolHealth({
      pool: pool({
        status: {
          conditions: [
            ...readyConditions.filter(
              c => c.type !== 'NodeRegistrationHealthy',
            ),
            cond('NodeRegistrationHealthy', 'False', 'Unhealthy'),
          ],
        },
      }),
      nodeClass: nodeClass(),
      nowMs: now,
    });
    expect(h.status).toBe('degraded');
    expect(codes(h)).toEqual(['NODE_REGISTRATION_UNHEALTHY']);
  });

  it('is degraded at 90 % of a limit and unhealthy at 100 %, with configurable thresholds', () => {
    const near = evaluateNodePoolHealth({
      pool: pool({
        status: { resources: { cpu: '92', memory: '100Gi', nodes: '10' } },
      }),
      nodeClass: nodeClass(),
      nowMs: now,
    });
    expect(near.status).toBe('degraded');
    expect(near.reasons[0]).toMatchObject({
      code: 'CPU_LIMIT_NEAR',
      message: 'CPU usage is at 92 % of the NodePool limit',
    });
    const full = evaluateNodePoolHealth({
      pool: pool({
        status: { resources: { cpu: '40', memory: '400Gi', nodes: '10' } },
      }),
      nodeClass: nodeClass(),
      nowMs: now,
    });
    expect(full.status).toBe('unhealthy');
    expect(codes(full)).toEqual(['MEMORY_LIMIT_REACHED']);
    const custom = evaluateNodePoolHealth({
      pool: pool({
        status: { resources: { cpu: '80', memory: '1Gi', nodes: '10' } },
      }),
      nodeClass: nodeClass(),
      nowMs: now,
      thresholds: { limitDegradedRatio: 0.75 },
    });
    expect(codes(custom)).toEqual(['CPU_LIMIT_NEAR']);
    const noLimit = evaluateNodePoolHealth({
      pool: pool({ spec: { limits: undefined } }),
      nodeClass: nodeClass(),
      nowMs: now,
    });
    expect(noLimit.status).toBe('healthy');
  });

  it('is degraded for NodeClaims stuck launching or registering, and reports drift without degrading', () => {
    const h = evaluateNodePoolHealth({
      pool: pool(),
      nodeClass: nodeClass(),
      nowMs: now,
      nodeClaims: [
        claim('a', 6, [cond('Launched', 'Unknown')]),
        claim('b', 4, [cond('Launched', 'Unknown')]),
        claim('c', 16, [cond('Launched', 'True'), cond('Registered', 'False')]),
        claim('d', 10, [cond('Launched', 'True'), cond('Registered', 'False')]),
        claim('e', 60, [
          cond('Launched', 'True'),
          cond('Registered', 'True'),
          cond('Drifted', 'True'),
        ]),
      ],
    });
    expect(h.status).toBe('degraded');
    expect(h.reasons).toEqual([
      {
        code: 'NODECLAIMS_NOT_LAUNCHED',
        message: '1 NodeClaim(s) not launched after 5 min',
        severity: 'degraded',
      },
      {
        code: 'NODECLAIMS_NOT_REGISTERED',
        message: '1 NodeClaim(s) not registered after 15 min',
        severity: 'degraded',
      },
      {
        code: 'NODECLAIMS_DRIFTED',
        message: '1 NodeClaim(s) drifted and will be replaced',
        severity: 'healthy',
      },
    ]);
  });

  it('reports budgets that allow 0 disruptions now, honouring schedules', () => {
    const budgets = [
      {
        nodes: '0',
        reasons: ['Drifted'],
        schedule: '0 9 * * *',
        duration: '8h',
      },
      { nodes: '10%' },
    ];
    const during = evaluateNodePoolHealth({
      pool: pool({ spec: { disruption: { budgets } } }),
      nodeClass: nodeClass(),
      nowMs: now,
    });
    expect(during.status).toBe('healthy');
    expect(codes(during)).toEqual(['DISRUPTION_BLOCKED_BY_BUDGET']);
    const night = evaluateNodePoolHealth({
      pool: pool({ spec: { disruption: { budgets } } }),
      nodeClass: nodeClass(),
      nowMs: Date.parse('2026-11-24T20:00:00Z'),
    });
    expect(codes(night)).toEqual([]);
  });

  it('is unknown without status and adds outside reasons', () => {
    expect(
      evaluateNodePoolHealth({ pool: { metadata: { name: 'x' } }, nowMs: now })
        .status,
    ).toBe('unknown');
    const h = evaluateNodePoolHealth({
      pool: pool(),
      nodeClass: nodeClass(),
      nowMs: now,
      extraReasons: [
        {
          code: 'INTERRUPTION_QUEUE_BACKLOG',
          message: 'falling behind',
          severity: 'degraded',
        },
      ],
    });
    expect(h.status).toBe('degraded');
  });
});

describe('helpers', () => {
  it('parses quantities', () => {
    expect(parseQuantity('1500m')).toBe(1.5);
    expect(parseQuantity('16Gi')).toBe(16 * 2 ** 30);
    expect(parseQuantity('1k')).toBe(1000);
    expect(parseQuantity('12')).toBe(12);
    expect(parseQuantity('abc')).toBeNaN();
  });
  it('evaluates budgets and durations', () => {
    expect(budgetAllows({ nodes: '10%' }, 15)).toBe(2);
    expect(budgetAllows({ nodes: '3' }, 15)).toBe(3);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(
      budgetActive(
        { nodes: '0', schedule: '@daily', duration: '10m' },
        Date.parse('2026-11-24T00:05:00Z'),
      ),
    ).toBe(true);
    expect(
      budgetActive(
        { nodes: '0', schedule: '0 9 * * mon-fri', duration: '8h' },
        Date.parse('2026-11-22T12:00:00Z'),
      ),
    ).toBe(false);
    expect(
      budgetActive(
        { nodes: '0', schedule: '0 9 * * mon-fri', duration: '8h' },
        Date.parse('2026-11-24T12:00:00Z'),
      ),
    ).toBe(true);
  });
  it('orders statuses', () => {
    expect(worstStatus(['healthy', 'degraded', 'unknown'])).toBe('degraded');
    expect(evaluateNodeClassHealth(undefined).status).toBe('unknown');
  });
});
