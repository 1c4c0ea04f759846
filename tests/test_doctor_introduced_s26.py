"""赵医生, the family doctor of 张阿姨 and 王老伯, wrote "我是赵医生" and read "您是 张阿姨、王老伯 的紧急联系人" — he is
their doctor, not their emergency contact (probe, session 26). Now he reads that he is their family doctor; a
daughter still reads she is the emergency contact (guard)."""
from conftest import signed_up


async def test_the_family_doctor_is_greeted_as_their_doctor(people, app):
    doc = await signed_up(people("赵医生"), "13922220001")
    await doc.send("我是赵医生")
    said = doc.last().text
    assert "家庭医生" in said and "紧急联系人" not in said, said
    assert "张阿姨" in said and "王老伯" in said, said


async def test_a_daughter_is_still_their_emergency_contact(people, app):
    """Guard."""
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我是王老伯的女儿")
    assert "紧急联系人" in wangli.last().text, wangli.last().text
