"""A kept lock is let go when its holder's work ends, even when the end comes during a renewal.

The lock of a person (or of a call) is renewed while its holder works (bot/store/kept_lock.py); at the end its keeper
is cancelled and awaited. On Python 3.11 a cancel can be swallowed: redis-py wraps the command it sends in
asyncio.wait_for, which returns the result of a call that ended just as it was cancelled. A keeper cancelled during a
renewal so went on renewing, for ever: the work never ended, and the lock stayed hers — her next message waited on
it and was answered "busy" (a call's: every staff tap on it)."""
import asyncio

from bot.store.kept_lock import KeptLock

SECONDS = 0.3  # the lock's lifetime: renewed every 0.1 s


class RenewalSwallowsCancel:
    """A Redis lock whose renewal, once under way, ends as if never cancelled (3.11's wait_for)."""

    def __init__(self) -> None:
        self.held = False

    async def acquire(self) -> bool:
        self.held = True
        return True

    async def reacquire(self) -> bool:
        try:
            await asyncio.sleep(0.2)
        except asyncio.CancelledError:
            pass  # the command had gone: its answer is returned, the cancel lost
        return True

    async def release(self) -> None:
        self.held = False


async def test_work_ending_during_a_renewal_lets_the_lock_go():
    lock = RenewalSwallowsCancel()
    async with asyncio.timeout(3):
        async with KeptLock(lock, "user", SECONDS):
            await asyncio.sleep(0.2)  # the work ends while the first renewal (0.1 s – 0.3 s) is under way
    assert not lock.held
