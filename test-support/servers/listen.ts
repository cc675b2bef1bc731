import type { Server, Socket } from 'node:net';

/**
 * Starts `server` on 127.0.0.1 (a free port) and tracks its sockets: `close` destroys them first, so a stalled or
 * tunnelled connection cannot keep a test alive; `track` adds other sockets to destroy (a proxy's upstream ones).
 */
export async function listenLocal(
  server: Server,
): Promise<{ port: number; track(s: Socket): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  server.on('connection', track);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    track,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
