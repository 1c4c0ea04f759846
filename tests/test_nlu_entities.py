"""Address parts, phone numbers and ages, as the address-confirmation step needs them."""
import pytest

from nlu.entities import extract_entities, parse_address


def addr(road=None, lane=None, building=None, room=None):
    return {"road": road, "lane": lane, "building": building, "room": room}


@pytest.mark.parametrize("text, expected", [
    ("建新路27弄3号602", addr("建新路", "27", "3", "602")),
    ("二十七弄三号楼六零二室", addr(None, "27", "3", "602")),
    ("3号602", addr(None, None, "3", "602")),
    ("我住在建新路27弄3-602", addr("建新路", "27", "3", "602")),
    ("地址：徐汇区天平路十二弄五号二零三室", addr("天平路", "12", "5", "203")),
    ("阿拉屋里厢在五原路100弄", addr("五原路", "100")),
    ("我住建國路88號1201室", addr("建国路", None, "88", "1201")),
    ("我住２７弄３号", addr(None, "27", "3")),
    ("三号", addr(building="3")),
    ("我家住在9幢502房间", addr(None, None, "9", "502")),
])
def test_parse_address(text, expected):
    assert parse_address(text) == expected


@pytest.mark.parametrize("text", ["养老金几号到账", "每月15号发吗", "我走路摔倒了", "天平街道建新居民区", "你好"])
def test_no_address_where_there_is_none(text):
    assert parse_address(text) == addr()


def test_entities_have_rasa_shape_and_offsets_into_the_original():
    text = "我住建新路二十七弄3号602，电话13812345678"
    ents = extract_entities(text)
    assert [(e["entity"], e["value"]) for e in ents] == [
        ("road", "建新路"), ("lane", "27"), ("building", "3"), ("room", "602"), ("phone", "13812345678"),
    ]
    for e in ents:
        assert set(e) == {"entity", "value", "start", "end", "extractor"}
    assert [text[e["start"]:e["end"]] for e in ents] == ["建新路", "二十七弄", "3号", "602", "13812345678"]


@pytest.mark.parametrize("text, phone", [
    ("我的手机是13912345678", "13912345678"),
    ("手机 139 1234 5678", "13912345678"),
    ("打我家里电话021-64381234", "02164381234"),
    ("家里电话64381234", "64381234"),
])
def test_phone(text, phone):
    assert [e["value"] for e in extract_entities(text) if e["entity"] == "phone"] == [phone]


def test_phone_is_not_mistaken_for_an_address():
    assert parse_address("13812345678") == addr()
    assert [e["entity"] for e in extract_entities("12812345678")] != ["phone"]  # 12x is no mobile prefix


@pytest.mark.parametrize("text, age", [("我今年72岁", "72"), ("老伴七十二岁了", "72"), ("我九十岁", "90"), ("八十五周岁", "85")])
def test_age(text, age):
    assert [e["value"] for e in extract_entities(text) if e["entity"] == "age"] == [age]


def test_the_way_home_is_no_road_name():
    assert parse_address("我出来买菜，迷路了，找不到回家的路")["road"] is None
    assert parse_address("我在天平路120弄")["road"] == "天平路"
