"""An external Redis restarted under the running bot: the next call for help is stored and alerted as usual."""
from conftest import signed_up

from bot.redis_server import EmbeddedRedis
from bot.testing.tools import Person


async def test_a_sos_after_redis_restarted_is_stored_and_alerted_not_the_fallback(make_app, tmp_path):
    server = EmbeddedRedis(tmp_path / "redis").start()  # a real redis-server process of its own
    try:
        app = await make_app(redis_url=server.url)
        wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
        li = Person(app, 1001, "李社工")
        await wang.send("你好")  # every pooled connection has been used
        server.stop()
        server.start()  # same port, same append-only data: the pool's connections are now stale
        await wang.send("🆘 紧急求助")
        alert = li.last("紧急求助 #1")
        assert "建新路27弄5号302室" in alert.text and alert.buttons
        assert not any("系统故障" in t for t in li.texts())
        assert len(await app.svc.store.open_incident_ids()) == 1
        assert "已通知值班社工" in wang.last("已通知值班社工").text
    finally:
        server.stop()
