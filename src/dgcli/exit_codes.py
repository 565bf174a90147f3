"""The exit-code contract, in one place (README "Exit codes"; `dgcli --help` says the same)."""

EXIT_OK = 0
EXIT_FAILED = 1  # verify: a claim inconsistent or gross (--strict: within_rounding, not_compared); diff: differ
EXIT_USAGE = 2  # a usage error, an unknown metric, a data file that cannot be read or validated, or (CI) none found
EXIT_BUG = 3  # a bug in dgcli
EXIT_OUTPUT = 74  # output could not be written (EX_IOERR): a full disk, a closed stdout
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_PIPE = 141  # the reader closed the pipe (dgcli list | head): like a process killed by SIGPIPE
