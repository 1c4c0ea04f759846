"""Who reported a death (session 25): the 🕯 request a colleague opened herself ("王老伯去世了" → [🕯 为王老伯登记去世
报告]) read "🕯 家属报告老人去世" to every staff member — they would phone his daughter believing she had told them, when
she may not know yet. The label now says who reported it: a staff member (by name), his family doctor, his family.
With his request open, her words offered only [🆘 为王老伯发起紧急求助] (an ambulance round for a man said to be dead):
now the death report's tap, which marks 🕯 on that request."""
from conftest import signed_up

FAMILY = "家属报告"


async def test_a_death_a_colleague_registered_is_labelled_as_hers(people, app):
    li, wang = people("李社工"), people("王社工")
    await li.send("王老伯去世了")
    await li.click(li.last(), "去世报告")
    packet = li.last("#1").text
    assert FAMILY not in packet and "李社工" in packet and "🕯" in packet, packet
    assert all(FAMILY not in t for t in wang.texts() if "#1" in t), wang.texts()


async def test_a_death_his_doctor_reports_is_labelled_as_the_doctors(people, app):
    doctor = await signed_up(people("赵医生"), "13922220001")
    await doctor.send("王老伯去世了")
    packet = people("李社工").last("#1").text
    assert FAMILY not in packet and "家庭医生" in packet and "🕯" in packet, packet


async def test_guard_his_daughters_report_still_reads_family(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸去世了")
    assert FAMILY in people("李社工").last("#1").text


async def test_a_death_a_colleague_tells_on_his_open_call_is_labelled_as_hers(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("帮我叫个人来修水管")
    li = people("李社工")
    await li.send("王老伯去世了")
    offer = li.last()
    assert not any("🆘 为王老伯" in label for label, _ in offer.buttons), offer.buttons  # (was his 🆘 tap alone)
    await li.click(offer, "去世报告")
    packet = li.last("求助 #1").text
    assert "🕯" in packet and FAMILY not in packet and "李社工" in packet, packet
