# The scenario loop (scenario.py) logged with the standard library's
# logging in a common setup: basicConfig, level INFO, the format
# "%(asctime)s %(levelname)s %(name)s: %(message)s" on stderr, tracebacks
# from logger.exception. Usage: logging_service.py BASE CLOSED HANG
import logging
import sys

import scenario

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("orders.sync")


class Sink:
    def started(self, workers, base):
        log.info("worker started with %d worker(s), api %s", workers, base)

    def health(self, n):
        log.info("health check passed, error_count=%d", n)

    def cache_miss(self, key):
        log.debug("cache miss for %s", key)

    def handled(self, method, url, status, rid, d):
        log.info("%s %s %d in %.1f ms (request id %s)", method, url, status, d * 1000, rid)

    def rate_limited(self, url, status, rid, retry_after, attempt):
        log.warning("rate limited by %s (%d, request id %s), retry after %s, attempt %d", url, status, rid, retry_after, attempt)

    def status_error(self, url, e, d):
        log.exception("sync of %s failed", url)

    def failed(self, url, e, attempt, d):
        log.error("request to %s failed (attempt %d): %s", url, attempt, e)

    def retrying_after_error(self, url, attempt):
        log.info("retrying after error: %s, attempt %d", url, attempt)

    def put_item_failed(self, table, oid, e):
        log.exception("saving order %s to %s failed", oid, table)

    def synced(self, batch, orders):
        log.info("batch %d synced: %d orders, error=%s", batch, orders, None)

    def stopped(self, batches):
        log.info("worker stopped after %d batches", batches)


scenario.run(Sink(), *sys.argv[1:4])
