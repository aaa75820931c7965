/**
 * The panel is rebuilt whenever an answer lands. A button rebuilt between the press and the
 * release of the mouse would lose the click (the two land on different elements), so a render
 * that falls inside a press waits for its end. The release may happen outside the sidebar, where
 * it sends no event: a press never holds renders longer than HOLD_MAX_MS.
 */
const HOLD_MAX_MS = 1_000;

// A press under way is the mouse's, not something the sidebar knows: it stays out of sidebar/state.ts.
let pressedAt: number | null = null;
let waiting: (() => void) | null = null;

function release(): void {
  pressedAt = null;
  const run = waiting;
  waiting = null;
  // After the click, which the browser dispatches in the same task as the release.
  if (run) window.setTimeout(run, 0);
}

export function watchPresses(): void {
  document.addEventListener('pointerdown', () => (pressedAt = Date.now()), true);
  for (const end of ['pointerup', 'pointercancel'] as const) document.addEventListener(end, release, true);
  window.addEventListener('blur', release);
}

/** Runs `render` now, or once the press under way ends. */
export function renderWhenFree(render: () => void): void {
  if (pressedAt === null) return render();
  waiting = render;
  window.setTimeout(() => waiting === render && release(), Math.max(0, pressedAt + HOLD_MAX_MS - Date.now()));
}
