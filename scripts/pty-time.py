#!/usr/bin/env python3
"""Times commands with stdout on a pseudo-terminal, as a person runs them.

Each command runs RUNS times in a row, each time on a fresh pty. The child
is started with posix_spawn (a fork of this Python process would charge
the child a few milliseconds of copy-on-write page faults that a shell's
child never pays). CPU time comes from wait4, whose usage includes the
children the command reaped itself (such as a `tmux info` run by colour
detection); wall time from a monotonic clock. Prints mean CPU and wall per
command and each one's ratio to the first command (the baseline), and
writes them as JSON to $PTY_TIME_JSON when that is set.

usage: pty-time.py RUNS 'NAME::cmd args' ['NAME::cmd args' ...]
Each command sees this process's environment, with VAR=value words before
the command set for it alone (no env(1): its exec would be timed too).
"""
import json, os, pty, shlex, shutil, sys, time


def run(argv, runs):
    env = dict(os.environ)
    while argv and "=" in argv[0] and not argv[0].startswith("="):  # NAME=value before the command
        k, _, v = argv[0].partition("=")
        env[k] = v
        argv = argv[1:]
    path = shutil.which(argv[0]) or argv[0]
    cpu = wall = 0.0
    for _ in range(runs):
        master, slave = pty.openpty()
        actions = [(os.POSIX_SPAWN_DUP2, slave, 0), (os.POSIX_SPAWN_DUP2, slave, 1),
                   (os.POSIX_SPAWN_DUP2, slave, 2), (os.POSIX_SPAWN_CLOSE, master),
                   (os.POSIX_SPAWN_CLOSE, slave)]
        t0 = time.monotonic()
        pid = os.posix_spawn(path, argv, env, file_actions=actions, setsid=True)
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
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit(f"{argv}: exit status {code}")
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
        print(f"{name:>44}: cpu {cpu*1e3:6.2f} ms ({cpu/base_cpu:.2f}x)  wall {wall*1e3:6.2f} ms ({wall/base_wall:.2f}x)")
    if os.environ.get("PTY_TIME_JSON"):
        with open(os.environ["PTY_TIME_JSON"], "w") as f:
            json.dump([{"name": n, "cpu": c, "wall": w} for n, c, w in results], f)


main()
