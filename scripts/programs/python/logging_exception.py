# A service that logs the failure with logging.exception and goes on.
# Usage: logging_exception.py URL
import logging
import sys

import requests

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("billing.sync")

try:
    resp = requests.get(sys.argv[1], timeout=5)
    resp.raise_for_status()
except requests.RequestException:
    log.exception("sync of invoices failed")
log.info("next run in 300s")
