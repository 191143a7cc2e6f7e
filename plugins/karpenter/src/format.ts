import type { Cost } from '@karpenter-backstage/plugin-karpenter-common';

/** Formats cores: 0.5 → "500m", 12 → "12". @internal */
export function formatCores(cores: number): string {
  if (cores > 0 && cores < 1) {
    return `${Math.round(cores * 1000)}m`;
  }
  return Number.isInteger(cores) ? String(cores) : cores.toFixed(1);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Formats bytes with binary units: 1073741824 → "1 GiB". @internal */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text =
    value >= 100 || Number.isInteger(value)
      ? value.toFixed(0)
      : value.toFixed(1);
  return `${text} ${UNITS[unit]}`;
}

/** 0.934 → "93 %". @internal */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/** Age like kubectl: 45s, 12m, 3h, 5d. @internal */
export function formatAge(iso: string | undefined, nowMs = Date.now()): string {
  if (!iso) {
    return '—';
  }
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(iso)) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** Local time of day for "last updated". @internal */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

const USD = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * USD per hour, 2 decimals: 12.4 → "$12.40/h", 1234.5 → "$1,234.50/h", 0.004 → "<$0.01/h"
 * (0 stays "$0.00/h"). @internal
 */
export function formatHourlyCost(usd: number): string {
  if (usd > 0 && usd < 0.01) {
    return '<$0.01/h';
  }
  return `$${USD.format(usd)}/h`;
}

/** The spot saving: 0.612 → "61 % saved by spot". @internal */
export function formatSavings(fraction: number): string {
  return `${formatPercent(fraction)} saved by spot`;
}

/**
 * Whether no price at all is known (the backend says why in `unavailable`): then there is no
 * number to read, not "$0.00/h". @internal
 */
export function costUnavailable(cost: Cost): boolean {
  return Boolean(cost.unavailable) && cost.pricedNodes === 0;
}

/**
 * Whether the cost has priced spot nodes: "saved by spot" is said only then (a saving without
 * spot nodes comes from a cheaper reserved price, not from spot).
 */
function hasPricedSpot(cost: Cost): boolean {
  return cost.byInstanceType.some(
    i => i.capacityType === 'spot' && i.nodes > 0 && i.hourly !== undefined,
  );
}

/**
 * The spot saving to show, or undefined: only with priced spot nodes and a known saving (then
 * also "0 % saved by spot", which says that spot saves nothing). @internal
 */
export function shownSavings(cost: Cost): number | undefined {
  return hasPricedSpot(cost) ? cost.spotSavings : undefined;
}

/**
 * One line about a cost: "$12.40/h · 61 % saved by spot" (the saving only with priced spot
 * nodes, see {@link shownSavings}), "Cost unavailable" when no price is known. @internal
 */
export function costText(cost: Cost): string {
  if (costUnavailable(cost)) {
    return 'Cost unavailable';
  }
  const savings = shownSavings(cost);
  const hourly = formatHourlyCost(cost.hourly);
  return savings === undefined
    ? hourly
    : `${hourly} · ${formatSavings(savings)}`;
}

/** The noun for a count: (1, 'pod') → "pod", (3, 'pod') → "pods". @internal */
export function pluralNoun(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}

/** A count of nodes: 1 → "1 node", 3 → "3 nodes". @internal */
export function nodesText(count: number): string {
  return `${count} ${pluralNoun(count, 'node')}`;
}

/** A count of pods: 1 → "1 pod", 3 → "3 pods". @internal */
export function podsText(count: number): string {
  return `${count} ${pluralNoun(count, 'pod')}`;
}

/** Nodes without a known price: 2 → "+2 nodes unpriced". @internal */
export function unpricedText(count: number): string {
  return `+${nodesText(count)} unpriced`;
}
