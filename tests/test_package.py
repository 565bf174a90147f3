"""The package's own helpers: the one switch of the cycle collector."""

from __future__ import annotations

import gc

from dgcli import acyclic


def test_acyclic_pauses_the_collector_and_resumes_it_as_found() -> None:
    assert gc.isenabled()
    with acyclic():
        assert not gc.isenabled()
        with acyclic():  # nested: the inner one must not switch it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with acyclic():
            pass
        assert not gc.isenabled()  # found off, left off
    finally:
        gc.enable()


def test_a_run_in_process_leaves_the_collector_on(run: object) -> None:
    from dgcli.cli import main

    main(["list", "--json"])
    assert gc.isenabled()
