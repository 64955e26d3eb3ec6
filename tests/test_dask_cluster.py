"""intervalues.dask when workers die: a real distributed.LocalCluster, SIGKILL, no hang.

Each test starts its own cluster (it kills workers); a few seconds each.
"""

from __future__ import annotations

import gc
import operator
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from intervalues import IntervalMeter  # noqa: E402
from intervalues import dask as idask  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore")  # the cluster complains about the kills


def cluster(n_workers: int = 2) -> distributed.LocalCluster:
    return distributed.LocalCluster(
        n_workers=n_workers,
        processes=True,
        threads_per_worker=1,
        dashboard_address=":0",
        memory_limit="1GiB",
        silence_logs=50,
    )


@pytest.fixture(scope="module")
def client():
    """Two worker processes under nannies (a killed worker is restarted)."""
    with cluster() as c, distributed.Client(c) as client:
        yield client


def data(n: int, seed: int, floats: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    s = rng.integers(0, 50_000, n)
    value = rng.choice([0.1, 0.2, -0.3, 2.5], n) if floats else rng.integers(1, 6, n)
    return pd.DataFrame({"start": s, "stop": s + rng.integers(1, 300, n), "value": value})


def slow_frame(pdf: pd.DataFrame, nparts: int, delay: float) -> dd.DataFrame:
    """A dask frame whose partitions each take ``delay`` seconds to read (built from
    builtins only: workers in processes of their own can run it)."""
    step = -(-len(pdf) // nparts)
    parts = [
        dask.delayed(operator.getitem)((pdf.iloc[i : i + step], dask.delayed(time.sleep)(delay)), 0)
        for i in range(0, len(pdf), step)
    ]
    return dd.from_delayed(parts, meta=pdf.iloc[:0])


def worker_pids(client: distributed.Client) -> list[int]:
    return sorted(client.run(os.getpid).values())


def kill_when(client: distributed.Client, done: int, pids: list[int]) -> threading.Thread:
    """SIGKILL ``pids`` once ``done`` input partitions have been read (in a thread)."""

    def read_so_far(dask_scheduler) -> int:  # runs on the scheduler
        return sum(
            1
            for ts in dask_scheduler.tasks.values()
            if ts.state == "memory" and "_local" in str(ts.key)
        )

    def run() -> None:
        deadline = time.monotonic() + 60
        while client.run_on_scheduler(read_so_far) < done:
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        thread.killed = True

    thread = threading.Thread(target=run, daemon=True)
    thread.killed = False
    thread.start()
    return thread


def same(result: dd.DataFrame, pdf: pd.DataFrame) -> None:
    got = result.compute().reset_index(drop=True)
    want = IntervalMeter.from_pandas(pdf, value="value").to_pandas()
    pd.testing.assert_frame_equal(got, want, check_exact=True)


class TestWorkerKilled:
    def test_killed_after_the_read_pass(self, client):
        pdf = data(40_000, 1, floats=True)
        before = worker_pids(client)
        result = idask.combine(
            dd.from_pandas(pdf, npartitions=8, sort=False), value="value", npartitions=6
        )
        os.kill(before[0], signal.SIGKILL)  # its events are lost: they are made again
        same(result, pdf)
        client.wait_for_workers(2, timeout=60)
        assert before[0] not in worker_pids(client)  # the nanny started a new worker

    def test_killed_during_the_read_pass(self, client):
        pdf = data(40_000, 2)
        client.wait_for_workers(2, timeout=60)
        before = worker_pids(client)
        killer = kill_when(client, 2, before[:1])
        result = idask.combine(slow_frame(pdf, 10, 0.3), value="value", npartitions=5)
        killer.join()
        assert killer.killed
        same(result, pdf)


class TestNoWorkers:
    def test_all_workers_killed_gives_a_clear_error_in_time(self):
        # workers without a nanny, in processes of their own: once killed, none is left
        pdf = data(20_000, 3)
        caught: list[BaseException] = []
        with (
            dask.config.set({idask.TIMEOUT_SETTING: "2s"}),
            cluster(n_workers=0) as c,
            distributed.Client(c) as client,
        ):
            workers = [
                subprocess.Popen(
                    [sys.executable, "-m", "distributed.cli.dask_worker", c.scheduler_address,
                     "--no-nanny", "--nthreads", "1", "--memory-limit", "1GiB",
                     "--no-dashboard"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                for _ in range(2)
            ]  # fmt: skip
            try:
                client.wait_for_workers(2, timeout=60)
                killer = kill_when(client, 1, [w.pid for w in workers])

                def run() -> None:
                    try:
                        idask.combine(slow_frame(pdf, 12, 0.4), value="value")
                    except BaseException as exc:  # handed to the test thread
                        caught.append(exc)

                t0 = time.monotonic()
                runner = threading.Thread(target=run, daemon=True)
                runner.start()
                runner.join(120)  # a bound for the test itself: it must not hang
                elapsed = time.monotonic() - t0
                assert not runner.is_alive(), "combine() waited without a bound"
                killer.join()
                assert killer.killed  # the workers died mid-run, not before
            finally:
                for w in workers:
                    w.kill()
                    w.wait()
        assert [type(e) for e in caught] == [TimeoutError]
        assert "intervalues.no-workers-timeout" in str(caught[0])
        assert elapsed < 60  # far less than the default minute: the setting was used

    def test_combine_files_without_workers(self, tmp_path):
        data(1000, 4).to_parquet(tmp_path / "in.parquet")
        with (
            dask.config.set({idask.TIMEOUT_SETTING: "1s"}),
            cluster(n_workers=0) as c,
            distributed.Client(c) as client,
            pytest.raises(
                TimeoutError, match="no dask worker has been connected to the scheduler for 1 s"
            ),
        ):
            idask.combine_files(
                str(tmp_path / "*.parquet"),
                "start",
                "stop",
                "value",
                scheduler=client,
                out=str(tmp_path / "out"),
                progress=False,
            )

    def test_cli_without_workers_says_so_in_one_line(self, tmp_path, capsys):
        from intervalues.cli import main

        data(1000, 4).to_parquet(tmp_path / "in.parquet")
        with (
            dask.config.set({idask.TIMEOUT_SETTING: "1s"}),
            cluster(n_workers=0) as c,
        ):
            code = main(
                ["combine", str(tmp_path / "*.parquet"), "--start", "start", "--stop", "stop",
                 "--value", "value", "--dask", "--scheduler", c.scheduler_address,
                 "--out", str(tmp_path / "out"), "--no-progress"]
            )  # fmt: skip
        err = capsys.readouterr().err
        assert code == 2
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "no dask worker" in err and idask.TIMEOUT_SETTING in err

    def test_bad_setting(self):
        with (
            dask.config.set({idask.TIMEOUT_SETTING: "soon"}),
            cluster(n_workers=0) as c,
            distributed.Client(c),
            pytest.raises(ValueError, match="positive duration"),
        ):
            idask.combine(data(10, 5), value="value")


class TestDistinctCoordinates:
    def test_every_coordinate_distinct(self, client, monkeypatch):
        # no two intervals share a coordinate: 2 events per interval, the most there are;
        # a small group budget makes the ranges combine in many small groups
        n = 400_000
        rng = np.random.default_rng(6)
        s = rng.integers(0, 2**60, n)
        pdf = pd.DataFrame(
            {"start": s, "stop": s + rng.integers(1, 2**40, n), "value": rng.integers(1, 6, n)}
        )
        assert len(np.unique(np.concatenate([pdf["start"], pdf["stop"]]))) == 2 * n
        monkeypatch.setattr(idask, "_GROUP_BYTES", 2**20)
        client.wait_for_workers(2, timeout=60)
        result = idask.combine(
            dd.from_pandas(pdf, npartitions=8, sort=False), value="value", npartitions=16
        )
        assert result.npartitions == 16
        same(result, pdf)


class TestNothingLeft:
    def test_combine_files_leaves_nothing_on_the_workers(self, client, tmp_path):
        # once combine_files has returned, no event of its read pass may stay on the
        # workers, not even until Python's cycle collector runs or distributed's log of
        # recent messages moves on (a later run would silently reuse them)
        data(5000, 7).to_parquet(tmp_path / "in.parquet")
        gc.disable()
        try:
            idask.combine_files(
                str(tmp_path / "*.parquet"), "start", "stop", "value",
                scheduler=client, out=str(tmp_path / "out"), progress=False,
            )  # fmt: skip
            deadline = time.monotonic() + 30
            while True:
                held = [str(k) for keys in client.has_what().values() for k in keys]
                ours = [k for k in held if "_local" in k or "_survey_of" in k]
                if not ours or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
        finally:
            gc.enable()
        assert ours == []

    def test_a_dropped_combine_result_leaves_nothing(self, client):
        pdf = data(5000, 8)
        gc.disable()
        try:
            result = idask.combine(slow_frame(pdf, 4, 0.3), value="value", npartitions=3)
            held = [str(k) for keys in client.has_what().values() for k in keys]
            assert any("_local" in k for k in held)  # the events wait for the result
            same(result, pdf)
            del result
            deadline = time.monotonic() + 30
            while True:
                held = [str(k) for keys in client.has_what().values() for k in keys]
                ours = [k for k in held if "_local" in k or "_survey_of" in k]
                if not ours or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
        finally:
            gc.enable()
        assert ours == []
