import { rpcEndpointFromEnv, RpcConfigError } from './rpc-endpoint';

describe('rpcEndpointFromEnv', () => {
  it('defaults to TCP on 127.0.0.1 with a port per service', () => {
    expect(rpcEndpointFromEnv('membership', {})).toEqual({ service: 'membership', transport: 'tcp', host: '127.0.0.1', port: 4101, timeoutMs: 120_000 });
    expect(rpcEndpointFromEnv('savings', {}).port).toBe(4102);
    expect(rpcEndpointFromEnv('lending', {}).port).toBe(4103);
  });

  it('reads the service-specific host and port and the shared timeout', () => {
    expect(rpcEndpointFromEnv('savings', { SAMABAY_SAVINGS_RPC_HOST: '10.0.0.5', SAMABAY_SAVINGS_RPC_PORT: '5000', SAMABAY_RPC_TIMEOUT_MS: '9000' })).toMatchObject({ host: '10.0.0.5', port: 5000, timeoutMs: 9000 });
  });

  it.each([
    [{ SAMABAY_RPC_TRANSPORT: 'nats' }, /SAMABAY_RPC_TRANSPORT: must be tcp/],
    [{ SAMABAY_LENDING_RPC_PORT: '70000' }, /SAMABAY_LENDING_RPC_PORT/],
    [{ SAMABAY_LENDING_RPC_PORT: 'abc' }, /SAMABAY_LENDING_RPC_PORT/],
    [{ SAMABAY_RPC_TIMEOUT_MS: '5' }, /SAMABAY_RPC_TIMEOUT_MS/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => rpcEndpointFromEnv('lending', env)).toThrow(RpcConfigError);
    expect(() => rpcEndpointFromEnv('lending', env)).toThrow(message);
  });
});
