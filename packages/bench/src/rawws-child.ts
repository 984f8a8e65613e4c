/** The fan-out floor: a raw `ws` server that sends the same bytes to every client (one frame, built once). */
import http from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';
import { memory, serveCommands } from './util.js';

const server = http.createServer();
const wss = new WebSocketServer({ server, path: '/graphql' });
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.send?.({ ready: { url: `ws://127.0.0.1:${address.port}/graphql` } });
});
serveCommands({
  clients: () => wss.clients.size,
  broadcast: (args) => {
    const payload = String(args.payload);
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(payload);
    }
    return wss.clients.size;
  },
  memory: () => memory(),
});
process.on('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close();
  process.exit(0);
});
