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
