"""A resident's minutes of voice input, typed out: what matters is often said last. Staff read a packet with the
words cut to fit, so the danger said at the end must still be in front of them, not only in /incident N."""
from __future__ import annotations

from tests.conftest import signed_up

RAMBLE = ("你好啊小同志，我跟你说说我家里的事情，我儿子在外地工作很忙，平时不大回来，女儿也嫁到苏州去了，"
          "我老伴走了好几年了，我一个人住在这里，楼下的邻居对我蛮好的，有时候会帮我买点菜，"
          "前几天社区里发了一个通知说要体检，我也不知道什么时候去，还有养老金的事情我也想问问，") * 3


async def test_a_fall_said_at_the_end_of_a_long_message_is_in_the_staff_packet(people, app):
    resident = await signed_up(people("张阿姨"), "13900000001")
    await resident.send(RAMBLE + "刚才我在卫生间摔倒了，爬不起来")
    alert = people("李社工").last("紧急求助 #1")
    assert "摔倒" in alert.text, alert.text  # the danger, not only the start of the ramble
    assert "爬不起来" in alert.text


async def test_a_long_message_shows_staff_its_start_and_its_end(people, app):
    resident = await signed_up(people("张阿姨"), "13900000001")
    await resident.send(RAMBLE + "我家里的水管漏水了，水流了一地，请你们派人来看看")
    packet = people("李社工").last("#1")
    assert "你好啊小同志" in packet.text and "请你们派人来看看" in packet.text, packet.text
