import { createServer, type AddressInfo } from 'node:net';

/**
 * `count` distinct free TCP ports on 127.0.0.1 (bound once and released), for processes a test
 * starts on a fixed port (SAMABAY_PORT, the services' RPC ports).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
