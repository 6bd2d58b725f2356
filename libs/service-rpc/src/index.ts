/**
 * @samabay/service-rpc: commands between the gateway and the services over `@nestjs/microservices`
 * request–response in the single-server topology (DESIGN §1–2): the endpoint configuration, the
 * service's command server, the gateway's command client, and the wire form of answers and typed
 * rejections (so a GraphQL answer is the same whether a command ran in-process or over TCP).
 */
export { commandPattern, DEFAULT_RPC_PORTS, rpcEndpointFromEnv, RpcConfigError, type RpcEndpoint, type RpcService, type RpcTransport } from './rpc-endpoint';
export { PING_COMMAND, startCommandServer, type CommandFunction, type CommandServer, type CommandServerOptions } from './command-server';
export { CommandClient } from './command-client';
export { nestPinoLogger } from './nest-pino-logger';
export { errorFromWire, errorToWire, fromWire, toWire, RemoteEventStoreError, RemoteInternalError, type CommandReply, type CommandRequest, type WireError } from './wire';
export { commandTable } from './command-table';
export { loadServiceProcessConfig, type ServiceProcessConfig } from './service-process-config';
export { runServiceProcess, type ServiceProcessDeps } from './service-process';
export { commandMetrics } from './command-metrics';
export { meteredEventStore } from './metered-event-store';
