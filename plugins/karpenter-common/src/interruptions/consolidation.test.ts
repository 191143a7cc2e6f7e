import { parseConsolidationCandidate } from './consolidation';

// Messages as kubernetes-sigs/karpenter v1.14 formats them: events.go ConsolidationCandidate
// around types.go Command.StringForNode (the command has no Method/ID when its events are
// published from consolidation.go computeConsolidation).
describe('parseConsolidationCandidate', () => {
  it('reads a single-node replacement', () => {
    expect(
      parseConsolidationCandidate(
        'Consolidation candidate: replace: [ip-10-0-1-7.eu-west-1.compute.internal] -> [1 replacement] (savings: $0.17)',
      ),
    ).toEqual({
      decision: 'replace',
      commandSavings: 0.17,
      nodes: 1,
      savings: 0.17,
    });
  });

  it("gives a node of a multi-node command its share of the command's savings", () => {
    const parsed = parseConsolidationCandidate(
      'Consolidation candidate: replace: [ip-10-0-1-7.eu-west-1.compute.internal] (part of 4-node consolidation) (savings: $1.00)',
    );
    expect(parsed).toMatchObject({
      commandSavings: 1,
      nodes: 4,
      savings: 0.25,
    });
  });

  it('reads the full command format and a negative figure (Go %.2f)', () => {
    const parsed = parseConsolidationCandidate(
      'Consolidation candidate: Underutilized/5f0c: replace: nodepools=[batch]: [n1] -> [1 replacement] (savings: $0.30) (savings: $-0.02)',
    );
    expect(parsed).toMatchObject({
      decision: 'replace',
      commandSavings: -0.02,
    });
  });

  it('refuses other messages', () => {
    expect(
      parseConsolidationCandidate('Disrupting Node: Underutilized'),
    ).toBeUndefined();
    expect(
      parseConsolidationCandidate(
        'Consolidation rejected: replace: [n1] -> [1 replacement], reason: pdb (savings: $0.10)',
      ),
    ).toBeUndefined();
  });
});
