import type { Addon } from '../addon/harness';
import type { PullView } from '../../src/shared/api';

/** Gets customers from Upflow as the sidebar does: start, then one step per call until the pull ends. */
export function pullAll(addon: Addon, onlyMine = false): PullView {
  let pull = addon.value('pullCustomers', { onlyMine });
  while (pull.state === 'running') pull = addon.value('continuePull', pull.id);
  return pull;
}
