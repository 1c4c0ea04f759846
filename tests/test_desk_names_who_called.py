"""The desk's Now list and a call's page named a call by its resident: a colleague's own cry ("救命" from 李社工 on a
visit) and an unregistered stranger's showed as "#1 同事求助 · ?" — a staff member at the desk could not tell who
needed help (probe, session 20). Now they name the colleague, and the stranger as the packet does."""
import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.desk import make_web_app
from bot.testing.desk import BOT_TOKEN, sign_in
from bot.testing.tools import Person

WANG = 1002


@pytest.fixture
async def desk(app, clock):
    client = TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN)))
    await client.start_server()
    await sign_in(client, WANG, clock.ts())
    yield client
    await client.close()


async def test_a_colleagues_own_call_is_named_for_her_on_the_now_list_and_its_page(desk, app, people):
    await people("李社工").send("救命 我在楼梯上摔倒了")
    now = await (await desk.get("/")).text()
    assert "#1 🆘同事求助 · 李社工" in now, now
    page = await (await desk.get("/incident/1")).text()
    assert "· 李社工" in page.split("</h1>")[0], page.split("</h1>")[0]


async def test_a_strangers_call_is_named_as_its_packet_names_them(desk, app):
    await Person(app, 8888, "小周").send("救命 我摔倒了")
    now = await (await desk.get("/")).text()
    row = now.split('id="inc-1"')[1].split("</header>")[0]
    assert "小周" in row and "· ?" not in row, row
