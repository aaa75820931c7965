/** Drops absent fields: an empty cell never erases what Upflow holds, so it is not sent at all. */
export function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}
