# The scenario loop (scenario.py) logged with structlog as its
# documentation configures it for production: JSON lines with an ISO
# timestamp and the level, exceptions rendered by format_exc_info into an
# "exception" field, on stdout. Usage: structlog_service.py BASE CLOSED HANG
import logging
import sys

import structlog

import scenario

structlog.configure(
    processors=[
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.processors.StackInfoRenderer(),
        structlog.processors.format_exc_info,
        structlog.processors.JSONRenderer(),
    ],
    wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG),
    logger_factory=structlog.PrintLoggerFactory(),
    cache_logger_on_first_use=True,
)
log = structlog.get_logger().bind(service="order-sync")


def ms(d):
    return round(d * 1000, 1)


class Sink:
    def started(self, workers, base):
        log.info("worker started", workers=workers, api=base)

    def health(self, n):
        log.info("health check passed", error_count=n)

    def cache_miss(self, key):
        log.debug("cache miss", key=key)

    def handled(self, method, url, status, rid, d):
        log.info("request handled", method=method, url=url, status=status, request_id=rid, duration_ms=ms(d))

    def rate_limited(self, url, status, rid, retry_after, attempt):
        log.warning("rate limited, will retry", url=url, status=status, request_id=rid, retry_after=retry_after, attempt=attempt)

    def status_error(self, url, e, d):
        r = e.response
        log.exception("upstream returned an error", url=url, status=r.status_code, request_id=r.headers.get("X-Request-Id"), duration_ms=ms(d))

    def failed(self, url, e, attempt, d):
        log.error("request failed", url=url, attempt=attempt, duration_ms=ms(d), error=str(e))

    def retrying_after_error(self, url, attempt):
        log.info("retrying after error", url=url, attempt=attempt)

    def put_item_failed(self, table, oid, e):
        log.exception("saving order failed", table=table, order_id=oid)

    def synced(self, batch, orders):
        log.info("batch synced", batch=batch, orders=orders, error=None)

    def stopped(self, batches):
        log.info("worker stopped", batches=batches)


scenario.run(Sink(), *sys.argv[1:4])
