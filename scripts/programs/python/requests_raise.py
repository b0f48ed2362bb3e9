# GET a URL with requests and raise_for_status(), uncaught: the traceback
# Python prints. Usage: requests_raise.py URL [TIMEOUT_SECONDS]
import sys

import requests

url = sys.argv[1]
timeout = float(sys.argv[2]) if len(sys.argv) > 2 else None
resp = requests.get(url, headers={"Authorization": "Bearer sk_test_fixture"}, timeout=timeout)
resp.raise_for_status()
print(resp.text)
