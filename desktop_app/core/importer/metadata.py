"""Metadata a report's text gives away: year, level, region, meeting, presenter, title.

Everything here is a guess from the text, overridden by what the user states (``--year`` …).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_CN = "一二三四五六七八九十"
# The place before the meeting: no 在 in it, nor a date's 日 before it (…1月15日在山东省第十四届…).
_MEETING_PLACE = r"(?![日月年])(?:(?!在)[\u4e00-\u9fff]){1,14}?(?:区|县|市|省|州|旗|盟)"
_MEETING = re.compile(
    rf"((?:{_MEETING_PLACE})?第[{_CN}]+届(?:全国)?人民代表大会(?:常务委员会)?第[{_CN}]+次(?:全体)?会议)(?!以来|以后|期间|精神|通过|批准|决定)"
)
_DATED_MEETING = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日在")
_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日[，,]?[^。\d]{0,30}?会议")
_OFFICE = re.compile(
    r"((?:[\u4e00-\u9fff]{2,8}?人民政府)?(?:国务院总理|国务院副总理|代总理|总理|省长|代省长|市长|代市长|区长|代区长"
    r"|县长|代县长|州长|旗长|主席))\s*([\u4e00-\u9fff]{2,3}?)(?=作|在|向|$|\s)"
)
_REVIEW_HEADING = re.compile(r"^[一二三四五六七八九十]+、((?:19|20)\d\d)年[^。]{0,12}(?:回顾|工作)")
# The level of a place by how its name ends (the last one named: 淄博市临淄区 is a district).
_LEVEL_BY_SUFFIX = (
    ("自治区", "province"),
    ("省", "province"),
    ("市", "city"),
    ("州", "city"),
    ("盟", "city"),
    ("区", "district"),
    ("县", "county"),
    ("旗", "county"),
)
# Cities at the level of a province (直辖市).
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_PLACE = re.compile(r"([\u4e00-\u9fff]{2})(省|市)(?![长委民场])")
_NOT_PLACE_END = "全本各外我该兄城都会门"
_TASK_YEAR = re.compile(
    r"((?:19|20)\d\d)年(?:的)?(?:发展目标|目标任务|主要任务|工作任务|政府工作|主要预期目标)"
)


@dataclass(frozen=True, slots=True)
class Detected:
    """What the text says about the report; "" or None where it says nothing."""

    title: str
    year: int | None
    level: str
    region_name: str
    province: str
    city: str
    district: str
    meeting: str
    meeting_date: str
    presenter: str
    office: str


def _year(texts: list[str]) -> tuple[int | None, str]:
    head = "\n".join(texts[:8])
    dated = _DATED_MEETING.search(head)
    if dated:
        y, m, d = (int(g) for g in dated.groups())
        return y, f"{y:04d}-{m:02d}-{d:02d}"
    for text in texts:
        review = _REVIEW_HEADING.match(text)
        if review:
            return int(review.group(1)) + 1, ""
    return None, ""


def _region(meeting: str, office: str, head: str) -> tuple[str, str]:
    if "代表国务院" in head or "全国" in meeting or "国务院" in office or office in ("总理", "代总理"):
        return "national", ""
    source = meeting.split("第", 1)[0] if meeting else re.sub(r"人民政府.*", "", office)
    if source in _MUNICIPALITIES:
        return "province", source
    ends = [
        (source.rfind(suffix) + len(suffix), level)
        for suffix, level in _LEVEL_BY_SUFFIX
        if source.rfind(suffix) > 0  # a name before it: 省长 alone names no province
    ]
    if ends:
        end, level = max(ends, key=lambda item: item[0])  # first listed wins a tie: 自治区 before 区
        return level, _last_place(source[:end])
    return "", ""


def _last_place(names: str) -> str:
    """The last place of a chain of places (山东省淄博市临淄区 → 临淄区).

    Cut after a province's or city's name where at least two characters follow: 广州市 and the 州 of
    北京市通州区 are no cuts, 广西壮族自治区 is one place.
    """
    cuts = [m.end() for m in re.finditer(r"自治区|[省市州盟]", names) if len(names) - m.end() >= 2]
    return names[cuts[-1] :] if cuts else names


def detect(texts: list[str]) -> Detected:
    """Guess the metadata from a report's repaired paragraphs."""
    joined = "\n".join(texts[:40])
    meeting_match = _MEETING.search("\n".join(texts[:8]))
    meeting = meeting_match.group(1) if meeting_match else ""
    office_match = _OFFICE.search(joined)
    office, presenter = (office_match.group(1), office_match.group(2)) if office_match else ("", "")
    year, date = _year(texts)
    if year is None:
        dated = re.search(r"((?:19|20)\d\d)年政府工作报告", joined) or _TASK_YEAR.search("\n".join(texts))
        year = int(dated.group(1)) if dated else None
    if year is not None and not date:
        day = _DAY.search(joined)
        if day:
            date = f"{year:04d}-{int(day.group(1)):02d}-{int(day.group(2)):02d}"
    level, region = _region(meeting, office, "\n".join(texts[:6]))
    province = city = district = ""
    if level in ("district", "county"):
        district = region
    elif level == "city":
        city = region
    elif level == "province":
        province = region
    if level in ("district", "county", "city"):
        places = Counter(
            m.group(1) + m.group(2)
            for m in _PLACE.finditer("\n".join(texts))
            if m.group(1)[-1] not in _NOT_PLACE_END and m.group(1)[0] not in _NOT_PLACE_END
        )
        places.pop(region, None)
        cities = [p for p, _ in places.most_common() if p.endswith("市")]
        provinces = [p for p, _ in places.most_common() if p.endswith("省")]
        city = city or (cities[0] if cities and level != "city" else "")
        province = provinces[0] if provinces else ""
    if level == "national":
        title = f"{year}年国务院政府工作报告" if year else "国务院政府工作报告"
    else:
        title = f"{region}{year}年政府工作报告" if year else f"{region}政府工作报告"
    return Detected(
        title=title,
        year=year,
        level=level,
        region_name="中华人民共和国" if level == "national" else region,
        province=province,
        city=city,
        district=district,
        meeting=meeting,
        meeting_date=date,
        presenter=presenter,
        office=office,
    )


def split_presenter(written: str) -> tuple[str, str]:
    """Office and name of a presenter as a user writes them.

    ``区长蔡华刚`` → (区长, 蔡华刚), ``国务院总理 李克强`` → (国务院总理, 李克强), ``李克强`` → ("", 李克强).
    """
    words = written.split()
    if len(words) > 1:
        return " ".join(words[:-1]), words[-1]
    found = _OFFICE.fullmatch(written.strip())
    if found:
        return found.group(1), found.group(2)
    return "", written.strip()


def date_problem(text: str) -> str:
    """Why ``text`` is no meeting date of the schema's form (YYYY-MM-DD, a real day); "" when it is."""
    import datetime as dt

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return f"expected a date such as 2024-01-19, found {text!r}"
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return f"no such day: {text}"
    return ""
