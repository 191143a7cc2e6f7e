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

const itemKey = (i: Pick<CostItem, 'instanceType' | 'capacityType'>) =>
  `${i.instanceType}\u0000${i.capacityType}`;

function finish(parts: {
  hourly: number;
  onDemandEquivalentHourly: number;
  pricedNodes: number;
  unpricedNodes: number;
  oldest?: number;
  items: Map<string, CostItem>;
  unavailable?: Cost['unavailable'];
  stale: boolean;
}): Cost {
  const cost: Cost = {
    hourly: parts.hourly,
    onDemandEquivalentHourly: parts.onDemandEquivalentHourly,
    currency: 'USD',
    pricedNodes: parts.pricedNodes,
    unpricedNodes: parts.unpricedNodes,
    byInstanceType: [...parts.items.values()].sort(
      (a, b) =>
        (b.hourly ?? -1) - (a.hourly ?? -1) ||
        a.instanceType.localeCompare(b.instanceType) ||
        a.capacityType.localeCompare(b.capacityType),
    ),
  };
  const savings = spotSavings(cost);
  if (savings !== undefined) cost.spotSavings = savings;
  if (parts.oldest !== undefined)
    cost.pricesAsOf = new Date(parts.oldest).toISOString();
  if (parts.stale) cost.pricesStale = true;
  if (parts.unavailable && parts.unpricedNodes > 0)
    cost.unavailable = parts.unavailable;
  return cost;
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
  let hourly = 0;
  let onDemandEquivalentHourly = 0;
  let pricedNodes = 0;
  let unpricedNodes = 0;
  let oldest: number | undefined;
  const items = new Map<string, CostItem>();
  for (const node of nodes) {
    if (!BILLED_NODE_CLAIM_STATES.includes(node.state)) continue;
    const price = nodeHourlyPrice(node, prices, options);
    const instanceType = node.instanceType ?? 'unknown';
    const capacityType = node.capacityType ?? 'unknown';
    const key = `${itemKey({ instanceType, capacityType })}\u0000${
      price ? 'priced' : 'unpriced'
    }`;
    const item = items.get(key) ?? {
      instanceType,
      capacityType,
      nodes: 0,
      ...(price ? { hourly: 0 } : {}),
    };
    item.nodes += 1;
    items.set(key, item);
    if (!price) {
      unpricedNodes += 1;
      continue;
    }
    item.hourly = (item.hourly ?? 0) + price.hourly;
    pricedNodes += 1;
    hourly += price.hourly;
    onDemandEquivalentHourly += price.onDemandEquivalent;
    oldest =
      oldest === undefined
        ? price.fetchedAt
        : Math.min(oldest, price.fetchedAt);
  }
  return finish({
    hourly,
    onDemandEquivalentHourly,
    pricedNodes,
    unpricedNodes,
    oldest,
    items,
    unavailable: prices.unavailable,
    stale:
      oldest !== undefined &&
      options.nowMs - oldest >
        (options.staleAfterMs ?? DEFAULT_PRICE_STALE_AFTER_MS),
  });
}

/**
 * The sum of some costs (the NodePools of an entity, the clusters of a summary): stale when a part
 * is, unavailable (with the first part's reason) when a part has unpriced nodes for want of
 * prices; undefined when there is none.
 *
 * @public
 */
export function sumCosts(costs: Iterable<Cost | undefined>): Cost | undefined {
  let any = false;
  let stale = false;
  let hourly = 0;
  let onDemandEquivalentHourly = 0;
  let pricedNodes = 0;
  let unpricedNodes = 0;
  let oldest: number | undefined;
  let unavailable: Cost['unavailable'];
  const items = new Map<string, CostItem>();
  for (const cost of costs) {
    if (!cost) continue;
    any = true;
    hourly += cost.hourly;
    onDemandEquivalentHourly += cost.onDemandEquivalentHourly;
    pricedNodes += cost.pricedNodes;
    unpricedNodes += cost.unpricedNodes;
    if (cost.pricesAsOf) {
      const at = Date.parse(cost.pricesAsOf);
      oldest = oldest === undefined ? at : Math.min(oldest, at);
    }
    unavailable = unavailable ?? cost.unavailable;
    stale = stale || cost.pricesStale === true;
    for (const item of cost.byInstanceType) {
      const key = `${itemKey(item)}\u0000${
        item.hourly === undefined ? 'unpriced' : 'priced'
      }`;
      const sum = items.get(key);
      if (!sum) items.set(key, { ...item });
      else {
        sum.nodes += item.nodes;
        if (item.hourly !== undefined)
          sum.hourly = (sum.hourly ?? 0) + item.hourly;
      }
    }
  }
  if (!any) return undefined;
  return finish({
    hourly,
    onDemandEquivalentHourly,
    pricedNodes,
    unpricedNodes,
    oldest,
    items,
    unavailable,
    stale,
  });
}
