"""Asked "需要帮什么忙？" with five buttons, 张阿姨 types (or says) what a button says instead of pressing it. Before:
"修东西" was "没太明白", "买东西" reached staff as "✏️ 其他", and "其他" — typed anywhere — raised a full 🆘 alert. Now a
typed label is that button: the request of its kind, or (其他) the one question what she needs."""
import pytest
from conftest import enrolled

KINDS = [("买东西", "🛒 买东西"), ("修东西", "🔧 修东西"), ("取药", "💊 取药"), ("陪同看病", "🏥 陪同看病"),
         ("🔧 修东西", "🔧 修东西"), ("帮我取药", "💊 取药")]


@pytest.mark.parametrize("typed, kind", KINDS)
async def test_a_typed_category_is_that_request(people, app, typed, kind):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🙋 找居委会帮忙")
    assert "需要帮什么忙" in zhang.last().text
    await zhang.send(typed)
    assert f"求助 #1 · {kind}" in people("李社工").last("#1").text
    assert "已经告诉居委会社工" in "\n".join(zhang.texts())


@pytest.mark.parametrize("steps", [["🙋 找居委会帮忙", "其他"], ["其他"], ["✏️ 其他"]])
async def test_other_typed_asks_what_she_needs_and_alarms_nobody(people, app, steps):
    zhang, _ = await enrolled(people, app)
    for words in steps:
        await zhang.send(words)
    assert "请用一句话说说需要什么帮助" in zhang.last().text
    assert not [t for t in people("李社工").texts() if "#1" in t]
    await zhang.send("帮我换个灯泡")
    assert "帮我换个灯泡" in people("李社工").last("求助 #1").text
