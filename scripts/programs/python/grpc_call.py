# grpcio: one unary call of errcode.fixture.Echo/Say with raw bytes (no
# generated stubs), uncaught. Usage: grpc_call.py HOST:PORT [TIMEOUT]
import sys

import grpc

channel = grpc.insecure_channel(sys.argv[1])
say = channel.unary_unary("/errcode.fixture.Echo/Say")
timeout = float(sys.argv[2]) if len(sys.argv) > 2 else None
say(b"\x0a\x02hi", timeout=timeout)
