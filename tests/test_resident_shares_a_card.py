"""A resident who shares someone's contact card — her son's new number, a neighbour who holds her key — read "您已经
登记过了" and nothing more (console probe, session 16): the number went nowhere. Now staff get it as a request about
her, with the card's number, and she reads that they will look at it. Her own card still says she is signed up."""
from conftest import signed_up


async def test_a_card_of_someone_else_reaches_staff_with_its_number(people, app):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.share_contact("13911112222", own=False)
    packet = li.last("求助 #1").text
    assert "13911112222" in packet and "张阿姨" in packet
    assert "社工" in zhang.last().text and "已经登记过了" not in zhang.last().text


async def test_her_own_card_again_still_says_she_is_signed_up(people, app):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.share_contact("13900000001")
    assert "已经登记过了" in zhang.last().text and li.inbox == []
