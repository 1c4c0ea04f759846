"""张阿姨, registered, writes "隔壁老太太摔倒了": the call is stored at once as hers (the fast lane never waits to read
the words), and staff read a packet saying 张阿姨 at 3号楼602 is in danger — nothing said the words are about someone
else. Now her packet says so loudly: the one in danger may be someone else, call her back to ask who and where.
Her own cry ("我摔倒了", "我头晕 隔壁没人") reads as before."""
import pytest
from conftest import signed_up

FLAG = "可能是别人"


@pytest.mark.parametrize("words", ["隔壁老太太摔倒了", "楼上王老伯摔倒了", "我们楼有个老人晕倒了"])
async def test_a_residents_cry_about_a_neighbour_is_flagged_to_staff(people, app, words):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send(words)
    packet = li.last("紧急求助 #1").text
    assert words in packet and FLAG in packet, packet


@pytest.mark.parametrize("words", ["我摔倒了起不来", "我头晕得厉害", "我在楼下摔倒了"])
async def test_her_own_cry_is_not_flagged(people, app, words):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send(words)
    assert FLAG not in li.last("紧急求助 #1").text
