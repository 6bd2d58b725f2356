import { DomainError } from '@samabay/domain-kit';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { PING_COMMAND } from './command-server';
import { commandPattern, type RpcEndpoint } from './rpc-endpoint';
import { errorFromWire, fromWire, toWire, type CommandReply } from './wire';

/**
 * The gateway's side of one service's commands over `@nestjs/microservices` (DESIGN §1): sends
 * `{ command, args }` to the service and returns its decoded answer or throws the typed rejection
 * it answered (see errorFromWire). Call `connect()` once (it retries lazily otherwise) and `close()` at the end.
 */
export class CommandClient {
  private readonly proxy: ClientProxy;
  private readonly pattern: string;

  constructor(private readonly endpoint: RpcEndpoint) {
    this.proxy = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: endpoint.host, port: endpoint.port } });
    this.pattern = commandPattern(endpoint.service);
  }

  /** Opens the connection; rejects when the service does not listen. */
  async connect(): Promise<void> {
    await this.proxy.connect();
  }

  /**
   * Sends one command. Only the first `args` that are data travel (functions, e.g. progress
   * callbacks, are dropped). Throws the service's typed rejection; DomainError SERVICE_UNAVAILABLE
   * when the service does not answer (not listening, connection lost, or no answer within the
   * endpoint's timeout, or `timeoutMs`) — the command may or may not have been applied, and retrying it with the
   * same idempotency key is safe.
   */
  async send(command: string, args: readonly unknown[], timeoutMs = this.endpoint.timeoutMs): Promise<unknown> {
    let reply: CommandReply;
    try {
      reply = await firstValueFrom(this.proxy.send<CommandReply>(this.pattern, { command, args: toWire(args) }).pipe(timeout(timeoutMs)));
    } catch (error) {
      const name = error instanceof Error ? error.name : typeof error;
      throw new DomainError('SERVICE_UNAVAILABLE', `the ${this.endpoint.service} service did not answer (${name}); retry with the same idempotency key`);
    }
    if (!reply.ok) throw errorFromWire(this.endpoint.service, reply.error);
    return fromWire(reply.value);
  }

  /**
   * An object with one async method per name that sends that command: the service's commands
   * interface as seen from the gateway (`names` must list every method of `T`).
   */
  commandsOf<T extends object>(names: readonly (keyof T & string)[]): T {
    const commands: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
    for (const name of names) commands[name] = (...args: unknown[]) => this.send(name, args);
    return commands as unknown as T;
  }

  /** Resolves when the service answers its built-in ping within `timeoutMs`; throws DomainError SERVICE_UNAVAILABLE otherwise. */
  async ping(timeoutMs = 2_000): Promise<void> {
    await this.send(PING_COMMAND, [], timeoutMs);
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    await this.proxy.close();
  }
}
