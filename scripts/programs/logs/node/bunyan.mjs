// The scenario loop (scenario.mjs, with axios) logged with bunyan as its
// README sets it up: createLogger with a name and the standard
// serializers, JSON lines on stdout, numeric levels (50 = error), ISO time.
// Usage: node bunyan.mjs BASE CLOSED HANG
import bunyan from 'bunyan';
import { run } from './scenario.mjs';

const log = bunyan.createLogger({ name: 'order-sync', serializers: bunyan.stdSerializers });

await run({
  started: (workers, api) => log.info({ workers, api }, 'worker started'),
  health: (n) => log.info({ error_count: n }, 'health check passed'),
  cacheMiss: (key) => log.debug({ key }, 'cache miss'),
  handled: (method, url, status, requestId, ms) => log.info({ method, url, status, requestId, responseTime: ms }, 'request handled'),
  rateLimited: (url, status, requestId, retryAfter, attempt) => log.warn({ url, status, requestId, retryAfter, attempt }, 'rate limited, will retry'),
  statusError: (url, err, ms) => log.error({ err, url, status: err.response.status, requestId: err.response.requestId, responseTime: ms }, 'upstream returned an error'),
  failed: (url, err, attempt, ms) => log.error({ err, url, attempt, responseTime: ms }, 'request failed'),
  retryingAfterError: (url, attempt) => log.info({ url, attempt }, 'retrying after error'),
  putItemFailed: (table, orderId, err) => log.error({ err, table, orderId }, 'saving order failed'),
  synced: (batch, orders) => log.info({ batch, orders, error: null }, 'batch synced'),
  stopped: (batches) => log.info({ batches }, 'worker stopped'),
}, 'axios', process.argv.slice(2));
