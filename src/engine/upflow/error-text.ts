/**
 * Upflow's reason for refusing a request, whatever the shape of its error body ([open] in
 * docs/upflow-api.md: clients read `message`, sometimes `error`). Null when it gave none.
 */
export function errorText(data: unknown, raw: string): string | null {
  const pick = (value: unknown): string | null => {
    if (typeof value === 'string') return value.trim() || null;
    if (Array.isArray(value)) return value.map(pick).filter(Boolean).join('; ') || null;
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      for (const key of ['message', 'error_description', 'detail', 'title', 'error', 'errors']) {
        const found = pick(o[key]);
        if (found) return found;
      }
    }
    return null;
  };
  const found = data === null ? null : pick(data);
  if (found) return found.slice(0, 500);
  // A plain-text body is a reason too; an HTML error page is not.
  const text = raw.trim();
  return text && text.length <= 500 && !text.startsWith('<') && !text.startsWith('{') ? text : null;
}

/** A short code from the body when it names one (`{"error": "CODE"}`), else from the status. */
export function errorCode(data: unknown, status: number): string {
  const code = data && typeof data === 'object' ? ((data as Record<string, unknown>).error ?? (data as Record<string, unknown>).code) : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,60}$/.test(code) ? code : `HTTP_${status}`;
}
