"""Words for the buttons themselves (session 23 probe): "按钮不见了" raised a 🆘 with "情况危急请马上拨打120" (the model's
emergency, uncertain: "不见了"); "菜单", "主页", "重新开始", "取消" got "没太明白"; "返回" read "再见，保重身体！" and "退出"
"这个问题我不太确定". Now each gets the big buttons back with one short line, nobody paged."""
import pytest
from conftest import signed_up

WORDS = ["按钮不见了", "按钮没了", "找不到按钮", "菜单", "主页", "主菜单", "返回", "重新开始", "取消", "退出", "menu",
         "the buttons are gone"]


@pytest.mark.parametrize("words", WORDS)
async def test_asking_for_the_buttons_gets_them_back(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    said = "\n".join(wang.texts()[n:])
    assert not any("求助 #" in t for t in people("李社工").texts()), people("李社工").texts()
    assert "按钮" in said or "button" in said, said
    assert not any(w in said for w in ("没太明白", "再见", "不太确定", "120")), said
    assert any("🆘" in k for k in wang.last().keyboard), wang.last()
