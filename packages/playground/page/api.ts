/** The page's requests to the playground server. */
import type { ActionAnswer, PlaygroundState } from '../view-types';

export async function fetchState(): Promise<PlaygroundState> {
  const response = await fetch('/state', { cache: 'no-store' });
  if (!response.ok) throw new Error(`The playground answered HTTP ${response.status}.`);
  return (await response.json()) as PlaygroundState;
}

/** Resolves when the action was done; rejects with what Sheets or the add-on said. */
export async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json().catch(() => null)) as ActionAnswer | null;
  if (answer?.ok) return;
  throw new Error(answer?.error ?? `The playground answered HTTP ${response.status}.`);
}

/** Calls `onChange` with each new version of the document (server-sent events). */
export function watchChanges(onChange: () => void): void {
  const source = new EventSource('/events');
  source.onmessage = () => onChange();
}
