/** Whether a parsed JSON value is an object (or an array): one whose members can be read. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `value?.[key]` of a parsed JSON value. */
export function member(value: unknown, key: string): unknown {
  return isJsonObject(value) ? value[key] : undefined;
}
