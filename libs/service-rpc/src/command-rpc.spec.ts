import { DomainError, ValidationError } from '@samabay/domain-kit';
import pino from 'pino';
import { CommandClient } from './command-client';
import { startCommandServer, type CommandServer } from './command-server';
import type { RpcEndpoint } from './rpc-endpoint';

const silent = pino({ level: 'silent' });

interface Greeter {
  greet(input: { name: string }, context: { idempotencyKey: string }): Promise<{ text: string; position: { commit: bigint; prepare: bigint } }>;
  refuse(input: { shares: number }): Promise<never>;
  explode(): Promise<never>;
}

describe('commands over @nestjs/microservices TCP', () => {
  let server: CommandServer;
  let client: CommandClient;
  let endpoint: RpcEndpoint;
  const errors: unknown[] = [];

  beforeAll(async () => {
    const commands = {
      greet: async (input: unknown, context: unknown) => ({
        text: `hello ${(input as { name: string }).name} (${(context as { idempotencyKey: string }).idempotencyKey})`,
        position: { commit: 9_007_199_254_740_993n, prepare: 2n },
      }),
      refuse: async () => {
        throw new ValidationError('shares', 'shares must be at least 1', 'INVALID_SHARES');
      },
      explode: async () => {
        throw new TypeError('secret detail');
      },
    };
    const logger = pino({ level: 'error' }, { write: (line: string) => errors.push(JSON.parse(line)) });
    server = await startCommandServer({ endpoint: { service: 'membership', transport: 'tcp', host: '127.0.0.1', port: 0, timeoutMs: 5_000 }, commands, logger });
    endpoint = { service: 'membership', transport: 'tcp', host: '127.0.0.1', port: server.port, timeoutMs: 5_000 };
    client = new CommandClient(endpoint);
  });

  afterAll(async () => {
    await client?.close();
    await server?.close();
  });

  it('answers a command with its result, bigints intact', async () => {
    const greeter = client.commandsOf<Greeter>(['greet', 'refuse', 'explode']);
    await expect(greeter.greet({ name: 'branch' }, { idempotencyKey: 'key-1' })).resolves.toEqual({ text: 'hello branch (key-1)', position: { commit: 9_007_199_254_740_993n, prepare: 2n } });
  });

  it('rethrows a typed rejection as the same ValidationError (code, field, message)', async () => {
    const greeter = client.commandsOf<Greeter>(['refuse']);
    const error = await greeter.refuse({ shares: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'INVALID_SHARES', field: 'shares', message: 'shares must be at least 1' });
  });

  it('answers an unexpected error by name only and logs it in the service without its message', async () => {
    const error = await client.send('explode', []).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'RemoteInternalError', message: 'the membership service failed unexpectedly (TypeError)' });
    expect(JSON.stringify(errors)).not.toContain('secret detail');
    expect(errors).toEqual([expect.objectContaining({ command: 'explode', errorName: 'TypeError', msg: 'command failed unexpectedly' })]);
  });

  it('answers the built-in ping (health probe)', async () => {
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('refuses a name that is not a listed command (no private helper is reachable)', async () => {
    const error = await client.send('constructor', []).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'UNKNOWN_COMMAND' });
  });

  it('answers SERVICE_UNAVAILABLE when the service does not listen', async () => {
    const stopped = await startCommandServer({ endpoint: { ...endpoint, service: 'lending', port: 0 }, commands: {}, logger: silent });
    const port = stopped.port;
    await stopped.close();
    const orphan = new CommandClient({ ...endpoint, service: 'lending', port });
    try {
      const error = await orphan.send('anything', []).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await orphan.close();
    }
  });
});
