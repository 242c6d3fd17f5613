"""Where the embedded broker keeps its files, and the socket path limit."""

from __future__ import annotations

from pathlib import Path

from worker.embedded import BrokerFiles, _quote, broker_url


def test_files_live_in_data_dir(tmp_path):
    files = BrokerFiles.of(tmp_path)
    assert files.socket == tmp_path.resolve() / "broker.sock"
    assert files.pidfile.parent == files.aof_dir.parent == tmp_path.resolve()
    assert broker_url(tmp_path) == f"redis+socket://{files.socket}"


def test_a_deep_data_dir_gets_a_short_socket_path_of_its_own(tmp_path):
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    other = tmp_path / ("d" * 60) / ("f" * 60)
    socket = BrokerFiles.of(deep).socket
    assert len(str(socket)) < 100
    assert socket != BrokerFiles.of(other).socket
    assert socket == BrokerFiles.of(deep).socket


def test_relative_and_user_paths_resolve_to_one_server(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert BrokerFiles.of(Path("data")) == BrokerFiles.of(tmp_path / "data")


def test_config_values_with_spaces_and_quotes_are_quoted():
    assert _quote('/Users/me/Application Support/"x"') == (
        '"/Users/me/Application Support/\\"x\\""'
    )
