from dgcli.cli import run

run()
