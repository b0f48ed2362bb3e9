#!/usr/bin/env python3
"""Times commands with stdout on a pseudo-terminal, as a person runs them.

Each command runs RUNS times in a row on one pty; the child's CPU time comes
from wait4 (which includes the children it reaped, such as a `tmux info`
run by colour detection) and wall time from a monotonic clock. Prints mean
CPU and wall per command and the ratio to the first command (the baseline).

usage: pty-time.py RUNS 'NAME::cmd args' ['NAME::cmd args' ...]
Environment: each command sees this process's environment; prefix a command
with env VAR=... to change it.
"""
import os, pty, shlex, sys, time

def run(argv, runs):
    cpu = wall = 0.0
    for _ in range(runs):
        master, slave = pty.openpty()
        t0 = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.dup2(slave, 1); os.dup2(slave, 2)
            os.close(master); os.close(slave)
            try:
                os.execvp(argv[0], argv)
            finally:
                os._exit(127)
        os.close(slave)
        while True:  # drain output so the child never blocks
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        _, status, ru = os.wait4(pid, 0)
        wall += time.monotonic() - t0
        os.close(master)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit(f"{argv}: exit status {os.waitstatus_to_exitcode(status)}")
        cpu += ru.ru_utime + ru.ru_stime
    return cpu / runs, wall / runs

def main():
    runs = int(sys.argv[1])
    results = []
    for spec in sys.argv[2:]:
        name, _, cmd = spec.partition("::")
        argv = shlex.split(cmd)
        run(argv, max(1, runs // 10))  # warm up
        results.append((name, *run(argv, runs)))
    base_cpu, base_wall = results[0][1], results[0][2]
    for name, cpu, wall in results:
        print(f"{name:>48}: cpu {cpu*1e3:6.2f} ms ({cpu/base_cpu:.2f}x)  wall {wall*1e3:6.2f} ms ({wall/base_wall:.2f}x)")

main()
