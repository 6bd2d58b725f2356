import { Controller, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { AddressInfo, Server } from 'node:net';
import type { Logger } from 'pino';
import { nestPinoLogger } from './nest-pino-logger';
import { commandPattern, type RpcEndpoint } from './rpc-endpoint';
import { errorToWire, fromWire, toWire, type CommandReply, type CommandRequest } from './wire';

/** The built-in command every command server answers with 'pong' (the gateway's health probe). */
export const PING_COMMAND = '$ping';

/** A command the server answers: called with the decoded arguments (input, CommandContext). */
export type CommandFunction = (...args: unknown[]) => Promise<unknown>;

/** Options of {@link startCommandServer}. */
export interface CommandServerOptions {
  readonly endpoint: RpcEndpoint;
  /** Command name → function. Only these names are callable; anything else is answered UNKNOWN_COMMAND. */
  readonly commands: Readonly<Record<string, CommandFunction>>;
  readonly logger: Logger;
}

/** A listening command server: the bound port (useful with port 0) and how to close it. */
export interface CommandServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves a service's commands as a NestJS microservice (request–response, DESIGN §1) on the
 * endpoint's transport (TCP). Each request `{ command, args }` calls the named function; the answer
 * is `{ ok: true, value }` or `{ ok: false, error }` with the typed rejection (DomainError /
 * EventStoreError: code, message, field) so the gateway rethrows the same error it would get
 * in-process. The built-in PING_COMMAND answers 'pong' (health probes). An unexpected error is logged here (name and code only) and answered `internal`.
 * Resolves once listening; rejects when the port is taken.
 */
export async function startCommandServer(options: CommandServerOptions): Promise<CommandServer> {
  const { endpoint, logger } = options;
  const dispatch = async (payload: unknown): Promise<CommandReply> => {
    const request = payload as Partial<CommandRequest> | null;
    const name = typeof request?.command === 'string' ? request.command : '';
    if (name === PING_COMMAND) return { ok: true, value: 'pong' };
    const command = Object.prototype.hasOwnProperty.call(options.commands, name) ? options.commands[name] : undefined;
    if (!command || !Array.isArray(request?.args)) {
      return { ok: false, error: { kind: 'domain', name: 'DomainError', code: 'UNKNOWN_COMMAND', message: `the ${endpoint.service} service has no command "${name.slice(0, 100)}"` } };
    }
    try {
      const value = await command(...(fromWire(request.args) as unknown[]));
      return { ok: true, value: toWire(value) };
    } catch (error) {
      const wire = errorToWire(error);
      if (wire.kind === 'internal') {
        const code = (error as { code?: unknown } | null)?.code;
        logger.error({ command: name, errorName: wire.name, errorCode: typeof code === 'string' ? code : undefined }, 'command failed unexpectedly');
      }
      return { ok: false, error: wire };
    }
  };

  @Controller()
  class CommandController {
    @MessagePattern(commandPattern(endpoint.service))
    handle(@Payload() payload: unknown): Promise<CommandReply> {
      return dispatch(payload);
    }
  }

  @Module({})
  class CommandServerModule {
    static register(): DynamicModule {
      return { module: CommandServerModule, controllers: [CommandController] };
    }
  }

  const app = await NestFactory.createMicroservice<MicroserviceOptions>(CommandServerModule.register(), {
    transport: Transport.TCP,
    options: { host: endpoint.host, port: endpoint.port },
    logger: nestPinoLogger(logger.child({ component: 'nest' })),
  });
  await app.listen();
  const address = app.unwrap<Server>().address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return { port: address.port, close: () => (closed ??= app.close()) };
}
