/** The command handler's metrics live with the service processes' RPC (single-server); single-node registers the same ones. */
export { commandMetrics } from '@samabay/service-rpc';
