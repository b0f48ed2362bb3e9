# httpx: GET and raise_for_status(), uncaught. Usage: httpx_raise.py URL
import sys

import httpx

resp = httpx.get(sys.argv[1])
resp.raise_for_status()
