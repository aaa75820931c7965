import { createServer } from 'node:net';

/** `port` when nothing listens on it, else 0 (the system then picks a free one). */
export function portOrAny(port: number, host = '127.0.0.1'): Promise<number> {
  if (port === 0) return Promise.resolve(0);
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(0));
    probe.listen({ port, host }, () => probe.close(() => resolve(port)));
  });
}
