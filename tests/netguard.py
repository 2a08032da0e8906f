"""Imported first in a subprocess: any socket use beyond loopback is recorded and refused."""

import ipaddress
import os
import socket

LOG = os.environ["NETGUARD_LOG"]
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo
_LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "", None}


def _record(what: str) -> None:
    with open(LOG, "a", encoding="utf-8") as fh:
        fh.write(what + "\n")


def _is_loopback(host) -> bool:
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(address):
    if isinstance(address, tuple) and not _is_loopback(address[0]):
        _record(f"connect {address!r}")
        raise OSError(101, "network is unreachable (netguard)")


def connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _real_connect(self, address)


def connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _check(address)
    return _real_connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    if not _is_loopback(host if not isinstance(host, bytes) else host.decode()):
        _record(f"resolve {host!r}")
        raise socket.gaierror(-3, "temporary failure in name resolution (netguard)")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.getaddrinfo = getaddrinfo
