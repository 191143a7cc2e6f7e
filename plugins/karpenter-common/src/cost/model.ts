import type { NodeClaimState } from '../api/types';
import type {
  Cost,
  CostedNode,
  CostItem,
  CostOptions,
  PriceBook,
  PricePoint,
} from './types';

/** Prices older than this are marked stale by default (Karpenter refreshes every 12 h). @public */
export const DEFAULT_PRICE_STALE_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The NodeClaim states that have an EC2 instance, so a bill: from launch (`launched`) until the
 * instance is gone (`terminating` NodeClaims still run theirs). `pending` and `failed` NodeClaims
 * have none.
 *
 * @public
 */
export const BILLED_NODE_CLAIM_STATES: readonly NodeClaimState[] = [
  'launched',
  'registered',
  'initialized',
  'drifted',
  'disrupting',
  'terminating',
];

/** The hourly price of one node (USD, after the discount). @public */
export interface NodePrice {
  hourly: number;
  /** Its on-demand price (its own price when AWS has no on-demand price for its type). */
  onDemandEquivalent: number;
  /** When the oldest price used was fetched (ms since the epoch). */
  fetchedAt: number;
}

/**
 * The hourly price of one running node: its instance type × its capacity type × its zone (spot)
 * or region (on-demand), times the discount. `reserved` capacity costs the on-demand price times
 * `reservedPriceFactor`. Undefined when the price is not known (an unknown instance type,
 * capacity type or zone, or a price AWS did not return).
 *
 * @public
 */
export function nodeHourlyPrice(
  node: CostedNode,
  prices: PriceBook,
  options: Omit<CostOptions, 'nowMs'> = {},
): NodePrice | undefined {
  const { instanceType, capacityType, zone } = node;
  if (!instanceType) return undefined;
  const discount = options.discount ?? 1;
  const onDemand = prices.onDemand(instanceType);
  let own: PricePoint | undefined;
  let factor = 1;
  if (capacityType === 'on-demand') own = onDemand;
  else if (capacityType === 'reserved') {
    own = onDemand;
    factor = options.reservedPriceFactor ?? 1;
  } else if (capacityType === 'spot' && zone)
    own = prices.spot(instanceType, zone);
  if (!own) return undefined;
  // a spot price without an on-demand price: the node counts at its own price (no saving shown)
  const equivalent = onDemand ?? own;
  return {
    hourly: own.usdPerHour * factor * discount,
    onDemandEquivalent: equivalent.usdPerHour * discount,
    fetchedAt: Math.min(own.fetchedAt, equivalent.fetchedAt),
  };
}

/** 1 − hourly / onDemandEquivalentHourly, in [0, 1]; undefined when nothing is priced. @public */
export function spotSavings(
  cost: Pick<Cost, 'hourly' | 'onDemandEquivalentHourly'>,
): number | undefined {
  if (!(cost.onDemandEquivalentHourly > 0)) return undefined;
  return Math.min(
    1,
    Math.max(0, 1 - cost.hourly / cost.onDemandEquivalentHourly),
  );
}

/** Sums of costs and their breakdown, item by item. */
class CostAccumulator {
  hourly = 0;
  onDemandEquivalentHourly = 0;
  pricedNodes = 0;
  unpricedNodes = 0;
  oldest: number | undefined;
  unavailable: Cost['unavailable'];
  stale = false;
  dataStale = false;
  private readonly items = new Map<string, CostItem>();

  /** Adds nodes of one instance type and capacity type (`hourly` absent: unpriced). */
  addItem(item: CostItem) {
    const key = [
      item.instanceType,
      item.capacityType,
      item.hourly === undefined ? 'unpriced' : 'priced',
    ].join('\u0000');
    const sum = this.items.get(key);
    if (!sum) this.items.set(key, { ...item });
    else {
      sum.nodes += item.nodes;
      if (item.hourly !== undefined)
        sum.hourly = (sum.hourly ?? 0) + item.hourly;
    }
  }

  pricedAt(fetchedAt: number) {
    this.oldest =
      this.oldest === undefined ? fetchedAt : Math.min(this.oldest, fetchedAt);
  }

  result(): Cost {
    const cost: Cost = {
      hourly: this.hourly,
      onDemandEquivalentHourly: this.onDemandEquivalentHourly,
      currency: 'USD',
      pricedNodes: this.pricedNodes,
      unpricedNodes: this.unpricedNodes,
      byInstanceType: [...this.items.values()].sort(
        (a, b) =>
          (b.hourly ?? -1) - (a.hourly ?? -1) ||
          a.instanceType.localeCompare(b.instanceType) ||
          a.capacityType.localeCompare(b.capacityType),
      ),
    };
    const savings = spotSavings(cost);
    if (savings !== undefined) cost.spotSavings = savings;
    if (this.oldest !== undefined)
      cost.pricesAsOf = new Date(this.oldest).toISOString();
    if (this.stale) cost.pricesStale = true;
    if (this.dataStale) cost.dataStale = true;
    if (this.unavailable && this.unpricedNodes > 0)
      cost.unavailable = this.unavailable;
    return cost;
  }
}

/**
 * What some NodeClaims cost per hour: the sum over those that have an instance
 * ({@link BILLED_NODE_CLAIM_STATES}) of {@link nodeHourlyPrice}; a node without a known price is
 * counted in `unpricedNodes`, never as free.
 *
 * @public
 */
export function nodesCost(
  nodes: Iterable<CostedNode>,
  prices: PriceBook,
  options: CostOptions,
): Cost {
  const acc = new CostAccumulator();
  acc.unavailable = prices.unavailable;
  for (const node of nodes) {
    if (!BILLED_NODE_CLAIM_STATES.includes(node.state)) continue;
    const price = nodeHourlyPrice(node, prices, options);
    acc.addItem({
      instanceType: node.instanceType ?? 'unknown',
      capacityType: node.capacityType ?? 'unknown',
      nodes: 1,
      ...(price ? { hourly: price.hourly } : {}),
    });
    if (!price) {
      acc.unpricedNodes += 1;
      continue;
    }
    acc.pricedNodes += 1;
    acc.hourly += price.hourly;
    acc.onDemandEquivalentHourly += price.onDemandEquivalent;
    acc.pricedAt(price.fetchedAt);
  }
  acc.stale =
    acc.oldest !== undefined &&
    options.nowMs - acc.oldest >
      (options.staleAfterMs ?? DEFAULT_PRICE_STALE_AFTER_MS);
  return acc.result();
}

/**
 * The sum of some costs (the NodePools of an entity, the clusters of a summary): its prices or data
 * stale when a part's are, unavailable (with the first part's reason) when a part has unpriced nodes for want of
 * prices; undefined when there is none.
 *
 * @public
 */
export function sumCosts(costs: Iterable<Cost | undefined>): Cost | undefined {
  let any = false;
  const acc = new CostAccumulator();
  for (const cost of costs) {
    if (!cost) continue;
    any = true;
    acc.hourly += cost.hourly;
    acc.onDemandEquivalentHourly += cost.onDemandEquivalentHourly;
    acc.pricedNodes += cost.pricedNodes;
    acc.unpricedNodes += cost.unpricedNodes;
    if (cost.pricesAsOf) acc.pricedAt(Date.parse(cost.pricesAsOf));
    acc.unavailable = acc.unavailable ?? cost.unavailable;
    acc.stale = acc.stale || cost.pricesStale === true;
    acc.dataStale = acc.dataStale || cost.dataStale === true;
    for (const item of cost.byInstanceType) acc.addItem(item);
  }
  return any ? acc.result() : undefined;
}
