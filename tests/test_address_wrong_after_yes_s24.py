"""Her address said wrong after she had said it was right (session 24 probe): ✅ 对 to the read-back, then "不对不对 我在楼下"
— staff read it as "📝 又说", but the packet they go by still said "✅ 居民已确认地址". Worse, "我不在家 在女儿家" and
"地址不对 我不在家" were taken for the check-in's "away" ("您要出门几天？这段时间不发每日问候。") and no staff heard
them; "错了 我在菜场门口" read "您没事就好". Now the packet drops the confirmation and shows her words loudly, as after
❌ 不对; staff read her words at once; she reads that the address she gave reached them."""
import pytest
from conftest import enrolled


async def _confirmed(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘")
    await zhang.send("要")
    await zhang.send("对的")
    li = people("李社工")
    assert "✅ 居民已确认地址" in li.last("紧急求助 #1").text
    return zhang, li


@pytest.mark.parametrize("words", ["不对不对 我在楼下", "地址不对 我不在家", "错了 我在菜场门口", "我不在家 在女儿家"])
async def test_a_no_after_her_yes_takes_the_confirmation_off_the_packet(people, app, words):
    zhang, li = await _confirmed(people, app)
    await zhang.send(words)
    packet = li.last("紧急求助 #1").text
    assert "✅ 居民已确认地址" not in packet and "⚠️⚠️" in packet and words in packet, packet
    assert words in li.last("不一样").text  # (one message: the address-differs one, not "又说" too: session 26)
    told = zhang.last().text
    assert "地址告诉社工" in told and "出门几天" not in told and "没事就好" not in told, told


async def test_guard_words_that_do_not_dispute_the_address_leave_it_confirmed(people, app):
    zhang, li = await _confirmed(people, app)
    await zhang.send("门没锁 钥匙在地垫下面")
    assert "✅ 居民已确认地址" in li.last("紧急求助 #1").text
