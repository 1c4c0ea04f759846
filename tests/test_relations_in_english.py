"""A staff member who reads English got "👪 女儿 王丽: +86…" and "👪 妹妹 王秀英" when she typed that 王老伯's phone is not
answered — the register's relation left in Chinese in an English line. And a committee whose assistant speaks English
read "🆘 #1 王老伯 · 👪 王丽 (女儿) cries for help". Relations now come from the message catalogue (daughter, sister);
one the catalogue does not know is shown as the register wrote it."""
from datetime import datetime

from conftest import signed_up
from test_incident_followups import SH

from bot.testing.tools import Person


async def _his_call_taken_by_an_english_reader(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    li = Person(app, 1001, "李社工", language="en")
    await li.send("/start")
    await wang.send("🆘 紧急求助")
    await li.press_data(li.last("#1").message_id, "inc:claim:1")
    return wang, li


async def test_an_english_reader_asking_whom_to_phone_reads_daughter_and_sister(people, app, clock):
    await _his_call_taken_by_an_english_reader(people, app, clock)
    li = Person(app, 1001, "李社工", language="en")
    await li.send("no answer from him")  # (Chinese words would be read as hers: she would read Chinese)
    said = li.last("王丽").text
    assert "daughter" in said.lower() and "sister" in said.lower(), said
    assert "女儿" not in said and "妹妹" not in said, said


async def test_an_english_committee_reads_his_daughters_cry_with_her_relation_in_english(make_app, settings, clock):
    app = await make_app(settings_=settings.model_copy(update={"locale": "en"}))
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(Person(app, 6001, "王老伯"), "13900000002")
    wangli = await signed_up(Person(app, 6002, "王丽"), "13911110002")
    li = Person(app, 1001, "李社工")
    await wang.send("🆘 紧急求助")
    clock.advance(seconds=70)
    await wangli.send("救命，我爸爸摔倒了")
    line = li.last("我爸爸摔倒了").text
    assert "王丽" in line and "daughter" in line.lower() and "女儿" not in line, line
    packet = li.last("#1").text if "👪" in li.last("#1").text else next(t for t in li.texts() if "👪" in t)
    assert "女儿" not in packet and "妹妹" not in packet, packet
