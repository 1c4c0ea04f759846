"""The committee knows which language each resident reads, and writes it in the register: a `language` (语言)
column, "zh-Hans" / "en" (中文, 英文, English, Chinese too). Before, there was no such column: 王老伯, 89, whose
grandson set his Telegram up in English, read English however the committee knew him. Now the register's language
decides above his Telegram profile and above words typed on his phone (his grandson's English); only a language he
chooses himself (/language, or a [中文] [English] tap) stands above it."""
import pytest
from conftest import signed_up

from bot import residents as register
from bot.testing.tools import Person

WANG = "王老伯,13900000002,建新路,27,5,302,yes,1937-08-02,王丽,女儿,13911110002,,,,赵医生,13922220001,耳背,{}"


def _register(tmp_path, *rows, language="language", name="r.csv"):
    path = tmp_path / name
    path.write_text("\n".join([",".join([*register.COLUMNS[:17], language]), *rows]) + "\n", encoding="utf-8")
    return path


async def _wang_registered(app, tmp_path, said, profile="en", header="language"):
    await register.import_file(app.svc.store, _register(tmp_path, WANG.format(said), language=header))
    return await signed_up(Person(app, 5401, "王老伯", language=profile), "13900000002")


async def test_registered_chinese_with_an_english_profile_reads_chinese_alone(app, tmp_path):
    wang = await _wang_registered(app, tmp_path, "中文", header="语言")
    welcome = wang.last("认出您了")
    assert "I know who you are" not in welcome.text and "🆘 紧急求助" in welcome.keyboard, welcome
    assert not wang.inbox[-1].buttons  # nothing to guess: no language choice
    await wang.send("🆘 Emergency help")  # a button left from before: still his cry
    said = wang.last("120").text
    assert "已通知值班社工" in said and "social worker" not in said, said


async def test_registered_english_with_a_chinese_profile_reads_english(app, tmp_path):
    tom = await _wang_registered(app, tmp_path, "English", profile="zh-hans")
    await tom.send("🆘 Emergency help")
    said = tom.last("120").text
    assert "The social worker on duty has been told" in said and "值班社工" not in said, said


async def test_the_register_stands_above_english_typed_on_his_phone(app, tmp_path):
    wang = await _wang_registered(app, tmp_path, "zh-Hans")
    await wang.send("please help me fill in a form")  # his grandson typing
    answer = wang.inbox[-2]  # (then, once, which language he reads: tests/test_language_words_unlike_register.py)
    assert "社工" in answer.text and "social worker" not in answer.text, answer.text


async def test_a_language_he_chooses_stands_above_the_register(app, tmp_path):
    wang = await _wang_registered(app, tmp_path, "中文")
    await wang.send("/language en")
    await wang.send("🆘 Emergency help")
    said = wang.last("120").text
    assert "The social worker on duty has been told" in said and "值班社工" not in said, said


async def test_a_language_written_in_after_he_signed_up_decides_his_next_press(app, tmp_path):
    wang = await signed_up(Person(app, 5402, "王老伯", language="en"), "13900000002")
    await register.import_file(app.svc.store, _register(tmp_path, WANG.format("中文")))
    await wang.send("🆘 Emergency help")
    said = wang.last("120").text
    assert "已通知值班社工" in said and "social worker" not in said, said


@pytest.mark.parametrize("said, locale", [("zh-Hans", "zh"), ("中文", "zh"), ("Chinese", "zh"), ("zh", "zh"),
                                          ("en", "en"), ("English", "en"), ("英文", "en"), ("英语", "en")])
async def test_the_column_reads_the_usual_ways_of_writing_it(app, tmp_path, said, locale):
    await register.import_file(app.svc.store, _register(tmp_path, WANG.format(said)))
    assert (await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000002")))["language"] == locale


async def test_a_language_it_cannot_read_stops_the_file_naming_its_line(app, tmp_path):
    with pytest.raises(register.RegisterError) as err:
        await register.import_file(app.svc.store, _register(tmp_path, WANG.format("法语")))
    assert err.value.problems[0].startswith("line 2:") and "language" in err.value.problems[0], err.value.problems


async def test_a_file_without_the_column_keeps_the_language_and_an_export_carries_it(app, tmp_path):
    await register.import_file(app.svc.store, _register(tmp_path, WANG.format("English")))
    plain = tmp_path / "plain.csv"
    plain.write_text(",".join(register.COLUMNS[:17]) + "\n" + WANG.format("")[:-1] + "\n", encoding="utf-8")
    await register.import_file(app.svc.store, plain)  # an older ledger, no language column
    out = tmp_path / "out.xlsx"
    register.export_file(await app.svc.store.residents(), out)
    rows = {r["phone"]: r for _, r in register.read_rows(out)}
    assert rows["13900000002"]["language"] == "en" and rows["13900000001"]["language"] == ""
    assert (await register.import_file(app.svc.store, out)).updated == 0  # round trips unchanged


async def test_his_morning_greeting_follows_a_language_written_in_after_he_signed_up(app, tmp_path, clock):
    """What is sent to him unasked reads the register at once, not only once he next writes."""
    from conftest import TUESDAY_9, at

    wang = await signed_up(Person(app, 5403, "王老伯", language="en"), "13900000002")
    await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(wang.id))["id"])
    await register.import_file(app.svc.store, _register(tmp_path, WANG.format("中文")))
    await at(app, clock, TUESDAY_9)
    greeting = wang.inbox[-1]
    assert "早上好" in greeting.text and "Good morning" not in greeting.text, greeting.text


async def test_staff_write_his_language_in_at_the_desk_and_he_reads_it(app, clock):
    import re

    from aiohttp.test_utils import TestClient, TestServer

    from bot.desk import make_web_app
    from bot.testing.desk import BOT_TOKEN, sign_in

    wang = await signed_up(Person(app, 5404, "王老伯", language="en"), "13900000002")
    rid = (await app.svc.store.resident_by_tg(wang.id))["id"]
    async with TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN))) as desk:
        csrf = await sign_in(desk, 1001, clock.ts())
        form = await (await desk.get(f"/residents/{rid}/edit")).text()
        assert "语言" in form
        fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', form))
        fields.update(language="法语", csrf=csrf, reason="他只看中文", lives_alone="yes")
        bad = await desk.post(f"/residents/{rid}/edit", data=fields)
        assert bad.status == 422 and "语言一栏请填" in await bad.text()
        assert "language" not in await app.svc.store.resident(rid)
        ok = await desk.post(f"/residents/{rid}/edit", data={**fields, "language": "中文"}, allow_redirects=False)
        assert ok.status == 303
    await wang.send("🆘 Emergency help")
    said = wang.last("120").text
    assert "已通知值班社工" in said and "social worker" not in said, said
