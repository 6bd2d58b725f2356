/** The event-store append metrics live with the service processes' RPC (single-server); single-node registers the same ones. */
export { meteredEventStore } from '@samabay/service-rpc';
