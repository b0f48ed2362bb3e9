# The standard library's urlopen, uncaught. Usage: urllib_raise.py URL
import sys
import urllib.request

with urllib.request.urlopen(sys.argv[1]) as resp:
    print(resp.read())
