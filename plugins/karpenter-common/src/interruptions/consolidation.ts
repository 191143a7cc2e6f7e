/*
 * Karpenter's `ConsolidationCandidate` event (kubernetes-sigs/karpenter 1.9+,
 * `pkg/controllers/disruption/events/events.go` `ConsolidationCandidate`, published by
 * `Command.EmitCandidateEvents` in `pkg/controllers/disruption/types.go`): recorded on the Node and
 * the NodeClaim of each candidate when consolidation has computed a replacement, with the message
 * "Consolidation candidate: <command> (savings: $%.2f)". The command is `Command.StringForNode`:
 * for one node "replace: [<node>] -> [1 replacement]", for a multi-node command
 * "replace: [<node>] (part of <N>-node consolidation)"; the savings are the whole command's
 * (`EstimatedSavings`: the candidates' prices minus the cheapest available replacement offering,
 * USD per hour at Karpenter's prices). Deletions record no candidate event
 * (`consolidation.go` returns the delete command before `EmitCandidateEvents`).
 */

/** What a `ConsolidationCandidate` message says. @public */
export interface ConsolidationCandidateMessage {
  /** `replace` (or `delete`, should a later Karpenter record one). */
  decision: string;
  /** Karpenter's estimate for the whole command, USD per hour at its prices. */
  commandSavings: number;
  /** Nodes in the command: 1, or N of "part of N-node consolidation". */
  nodes: number;
  /** This node's share of the estimate: `commandSavings / nodes`. */
  savings: number;
}

const CANDIDATE =
  /^Consolidation candidate: (.*)\(savings: \$(-?\d+(?:\.\d+)?)\)\s*$/;
const DECISION = /(?:^|: )(replace|delete):/;
const PART_OF = /\(part of (\d+)-node consolidation\)/;

/**
 * Parses a `ConsolidationCandidate` message; undefined when it is not one (the savings figure is
 * the last "(savings: $x)" of the message).
 *
 * @public
 */
export function parseConsolidationCandidate(
  message: string,
): ConsolidationCandidateMessage | undefined {
  const match = CANDIDATE.exec(message);
  if (!match) return undefined;
  const commandSavings = Number(match[2]);
  if (!Number.isFinite(commandSavings)) return undefined;
  const nodes = Math.max(1, Number(PART_OF.exec(match[1])?.[1] ?? 1));
  return {
    decision: DECISION.exec(match[1])?.[1] ?? 'unknown',
    commandSavings,
    nodes,
    savings: commandSavings / nodes,
  };
}
