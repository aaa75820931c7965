/**
 * Tells open pages that the document changed (server-sent events carrying the new version), so
 * the grid refreshes after every sidebar call, edit or menu item without polling.
 */
import type { ServerResponse } from 'node:http';

const KEEP_ALIVE_MS = 15_000;

export class ChangeFeed {
  private readonly streams = new Set<ServerResponse>();
  private readonly timer = setInterval(() => this.send(': keep-alive\n\n'), KEEP_ALIVE_MS).unref();
  private version = 0;
  private closed = false;

  get current(): number {
    return this.version;
  }

  subscribe(stream: ServerResponse): void {
    if (this.closed) {
      // 204 tells EventSource to stop reconnecting to a server that is going away.
      stream.writeHead(204).end();
      return;
    }
    stream.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    stream.write(`data: ${this.version}\n\n`);
    this.streams.add(stream);
    stream.on('close', () => this.streams.delete(stream));
  }

  bump(): void {
    this.version++;
    this.send(`data: ${this.version}\n\n`);
  }

  /** Ends every stream: an open one would keep the server from closing. */
  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    for (const stream of this.streams) stream.end();
    this.streams.clear();
  }

  private send(text: string): void {
    for (const stream of this.streams) stream.write(text);
  }
}
