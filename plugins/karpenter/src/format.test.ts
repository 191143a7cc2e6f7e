import { formatAge, formatBytes, formatCores, formatPercent } from './format';

describe('format', () => {
  it('formats cores, bytes and percentages', () => {
    expect(formatCores(0.25)).toBe('250m');
    expect(formatCores(12)).toBe('12');
    expect(formatCores(7.25)).toBe('7.3');
    expect(formatBytes(1024 ** 3)).toBe('1 GiB');
    expect(formatBytes(1.5 * 1024 ** 4)).toBe('1.5 TiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatPercent(0.934)).toBe('93 %');
  });
  it('formats ages like kubectl', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(formatAge('2026-11-24T11:59:15Z', now)).toBe('45s');
    expect(formatAge('2026-11-24T11:30:00Z', now)).toBe('30m');
    expect(formatAge('2026-11-24T02:00:00Z', now)).toBe('10h');
    expect(formatAge('2026-11-20T12:00:00Z', now)).toBe('4d');
    expect(formatAge(undefined, now)).toBe('—');
  });
});
