"""Everyday words a lonely or stuck resident types (session 19's probes). Before: "我很久没出门了" read "听到您很好，
真高兴！"; "我儿子不管我" and a broken thing at home ("电视没信号了", Shanghainese "阿拉屋里厢电灯勿亮了") were "没太明白".
Now the first two reach staff as someone to talk to, the others as a request, and she is told so."""
import pytest
from conftest import enrolled

LONELY = ["我很久没出门了", "好久没下楼了", "我儿子不管我", "子女都不管我"]
BROKEN = ["电视没信号了", "阿拉屋里厢电灯勿亮了", "冰箱不制冷了", "洗衣机不转了", "水龙头关不上"]


@pytest.mark.parametrize("words", LONELY)
async def test_alone_and_unseen_reaches_staff_as_someone_to_talk_to(people, app, words):
    zhang, _ = await enrolled(people, app)
    await zhang.send(words)
    told = "\n".join(zhang.texts())
    assert "真高兴" not in told and "没太明白" not in told, told
    assert "💬" in people("李社工").last("求助 #1").text


@pytest.mark.parametrize("words", BROKEN)
async def test_a_broken_thing_at_home_is_a_request(people, app, words):
    zhang, _ = await enrolled(people, app)
    await zhang.send(words)
    assert words in people("李社工").last("求助 #1").text
    assert "已经告诉居委会社工" in zhang.last().text
