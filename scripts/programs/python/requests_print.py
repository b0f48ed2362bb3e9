# What a script prints when it checks the status itself and exits.
# Usage: requests_print.py URL
import sys

import requests

resp = requests.get(sys.argv[1])
if not resp.ok:
    print(f"Error: {resp.status_code} {resp.reason}: {resp.text}", file=sys.stderr)
    sys.exit(1)
