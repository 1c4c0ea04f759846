"""A need typed rather than picked from 🙋's menu ("帮我买点菜", "电视坏了", "我想去医院 没人陪", "帮我配点药") reached staff
as "✏️ 其他" — the kind she would have tapped was in her words, but the staff queue, the desk and the week's report
counted every typed need as "other" (probe, session 26). Now it is filed as the button would have filed it."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words, kind", [("帮我买点菜", "🛒 买东西"), ("电视坏了", "🔧 修东西"),
                                         ("我想去医院 没人陪", "🏥 陪同看病"), ("帮我配点药", "💊 取药")])
async def test_a_typed_need_is_filed_as_its_button_would_file_it(people, app, words, kind):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send(words)
    packet = people("李社工").last("求助").text
    assert kind in packet.split("\n")[0], packet
    assert words.split()[0] in packet  # her words, as before


async def test_a_need_of_no_such_kind_stays_other(people, app):
    """Guard."""
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("帮我换个灯泡")
    assert "✏️ 其他" in people("李社工").last("求助").text.split("\n")[0]
