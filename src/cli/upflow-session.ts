import { UpflowClient, UpflowError } from '../engine/upflow/client';
import { createNodeTransport } from '../node/sync-transport';
import { UsageError } from './read-input';

/**
 * Runs `work` with a client for Upflow at `api`, the key and secret taken from the environment,
 * and closes the connection after. Upflow's refusals become usage errors (exit 2) that never
 * carry the secret. `verb` names what needs the credentials, for the message when they're missing.
 */
export function withUpflow<T>(api: string, verb: string, work: (client: UpflowClient) => T): T {
  const apiKey = process.env.UPFLOW_API_KEY;
  const apiSecret = process.env.UPFLOW_API_SECRET;
  if (!apiKey || !apiSecret) throw new UsageError(`Set UPFLOW_API_KEY and UPFLOW_API_SECRET (Upflow > Settings > API) to ${verb}.`);
  const transport = createNodeTransport();
  const perMinute = Number(process.env.UPFLOW_RATE_LIMIT) || 600;
  try {
    return work(new UpflowClient(transport, { baseUrl: api, apiKey, apiSecret }, perMinute));
  } catch (error) {
    if (error instanceof UpflowError) throw new UsageError(`Upflow: ${error.message}`);
    throw error;
  } finally {
    transport.close();
  }
}
