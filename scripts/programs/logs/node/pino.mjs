// The scenario loop (scenario.mjs, with fetch) logged with pino's defaults:
// JSON lines on stdout, numeric levels (50 = error), epoch-millisecond
// time, pid and hostname, errors under err through pino's standard
// serializer. Usage: node pino.mjs BASE CLOSED HANG
import pino from 'pino';
import { run } from './scenario.mjs';

const logger = pino({ name: 'order-sync' });

await run({
  started: (workers, api) => logger.info({ workers, api }, 'worker started'),
  health: (n) => logger.info({ error_count: n }, 'health check passed'),
  cacheMiss: (key) => logger.debug({ key }, 'cache miss'),
  handled: (method, url, status, requestId, ms) => logger.info({ method, url, status, requestId, responseTime: ms }, 'request handled'),
  rateLimited: (url, status, requestId, retryAfter, attempt) => logger.warn({ url, status, requestId, retryAfter, attempt }, 'rate limited, will retry'),
  statusError: (url, err, ms) => logger.error({ err, url, status: err.response.status, requestId: err.response.requestId, responseTime: ms }, 'upstream returned an error'),
  failed: (url, err, attempt, ms) => logger.error({ err, url, attempt, responseTime: ms }, 'request failed'),
  retryingAfterError: (url, attempt) => logger.info({ url, attempt }, 'retrying after error'),
  putItemFailed: (table, orderId, err) => logger.error({ err, table, orderId }, 'saving order failed'),
  synced: (batch, orders) => logger.info({ batch, orders, error: null }, 'batch synced'),
  stopped: (batches) => logger.info({ batches }, 'worker stopped'),
}, 'fetch', process.argv.slice(2));
