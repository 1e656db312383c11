"""Editorial tables of the Linzi 2024 report: everything its editors decided, nothing positional.

Reading order, page furniture, misreadings, goal areas, sections, figures, derived figures, quotes
and named things, each anchored by the text it quotes. ``tools.dataset_builder`` derives offsets,
spans, sentences, repairs and derived values from these and the raw article.

Line numbers in the tables are 0-based indexes into the raw text's lines.
"""

from __future__ import annotations

from tools.dataset_builder import (
    A,
    DerivedInputSpec,
    DerivedSpec,
    Drop,
    E,
    EntitySpec,
    Fig,
    GoalSpec,
    Json,
    Misreading,
    ParagraphSpec,
    PunctuationDrop,
    QuoteSpec,
    ReportTables,
    SectionSpec,
)

# fmt: off

# Page furniture: (first line, last line, note).
DROPS = [
    (4, 4, "page banner of the series (拼出美好未来), not part of the article"),
    (6, 6, "series label (聚焦淄博区县两会), kept in metadata"),
    (8, 8, "page number 02, kept in metadata"),
    (64, 66, "masthead block of 大众日报淄博融媒体中心 with its slogan; not article text"),
    (68, 68, "masthead of 鲁中晨报; which paper the page belongs to is recorded as an ambiguity"),
    (70, 76, "unrelated panel: 社会主义核心价值观 slogans at the foot of the page"),
]

# Paragraphs in reading order: (id, role, [(line, start offset in line or None, end or None)]).
# A paragraph made of several pieces was split by a column break (a join), or continues
# a passage printed elsewhere on the page (a move).
PARAGRAPHS: list[tuple[str, str, list[tuple[int, int | None, int | None]]]] = [
    ("p01", "headline", [(10, None, None)]),
    ("p02", "body", [(12, None, None)]),
    ("p03", "body", [(14, None, None)]),
    ("p04", "heading", [(16, None, None)]),
    ("p05", "body", [(18, None, None)]),
    ("p06", "body", [(20, None, None)]),
    ("p07", "body", [(22, None, None)]),
    ("p08", "body", [(24, None, None)]),
    ("p09", "heading", [(26, None, None), (28, 0, 7)]),
    ("p10", "body", [(28, 7, None)]),
    ("p11", "body", [(30, None, None)]),
    ("p12", "body", [(32, None, None)]),
    ("p13", "body", [(34, None, None)]),
    ("p14", "heading", [(38, None, None)]),
    ("p15", "body", [(40, None, None)]),
    ("p16", "body", [(42, None, None)]),
    ("p17", "body", [(44, None, None), (46, None, None)]),
    ("p18", "body", [(48, None, None), (50, None, None)]),
    ("p19", "body", [(52, None, None), (54, None, None)]),
    ("p20", "body", [(56, None, None), (36, None, None)]),
    ("p21", "body", [(58, None, None)]),
    ("p22", "body", [(60, None, None)]),
    ("p23", "byline", [(62, None, None)]),
]

JOIN_NOTES = {
    ("p09", 0): "heading split in two by a column break: 农村集体增收与区域环境|改善齐头并进",
    ("p17", 0): "word split by a column break: 实|体经济",
    ("p18", 0): "word split by a column break: 发|展",
    ("p19", 0): "word split by a column break: 新开壶|力企业",
    ("p20", 0): (
        "sentence continues in a passage printed earlier on the page: 遴选了胶济|客专临淄火车站改造工程"
    ),
}
MOVES = {
    ("p20", 1): (
        "passage printed between the paragraph on the year's achievements (raw line 34) and the "
        "heading 走在前,关键在人 (raw line 38); it continues 遴选了胶济 at the end of raw line 56"
    ),
}

# Misreadings: (raw line, raw text in that line, reading, certainty, applied, note).
MISREADINGS = [
    (14, "《报告中》", "《报告》中", "high", True, "closing book-title mark misplaced after 中"),
    (58, "說", "说", "high", True, "traditional character in simplified text"),
    (
        52,
        "新开壶",
        "新开户潜",
        "low",
        False,
        "garbled enterprise description 新开壶|力企业 (continued on raw line 54); 新开户潜力企业 (newly registered foreign-trade firms with "
        "potential) fits the sentence but is a guess, so the raw text is kept",
    ),
    (36, "民生实项目", "民生实事项目", "high", True, "character 事 missing from 民生实事 (livelihood projects)"),
]

# Raw characters removed as punctuation: (raw line, offset in line, note).
PUNCTUATION_DROPS = [
    (28, 6, "comma left at the end of the split heading 农村集体增收与区域环境改善齐头并进"),
]

METADATA: Json = {
    "title": "临淄区2024年政府工作报告",
    "title_en": "Linzi District Government Work Report 2024",
    "year": 2024,
    "region": {"province": "山东省", "city": "淄博市", "district": "临淄区", "district_en": "Linzi District"},
    "meeting": {"name": "临淄区第十九届人民代表大会第三次会议", "date": "2024-01-19"},
    "presenter": {"name": "蔡华刚", "office": "临淄区人民政府区长"},
    "article": {
        "headline": "临淄“走在前”的定力与底气",
        "series_label": "聚焦淄博区县两会",
        "banner": "拼出美好未来",
        "publication": "大众日报淄博融媒体中心",
        "reporters": ["张吉宝", "李鸿斐"],
        "dateline": "淄博1月20日讯",
        "date": "2024-01-20",
        "page": "02",
    },
    "ambiguities": [
        {
            "id": "amb-paper",
            "topic": "publication",
            "text": (
                "The page carries the mastheads of both 大众日报(淄博融媒体中心) and 鲁中晨报. The byline "
                "credits reporters of 大众日报淄博融媒体中心, so the article is attributed to them; the "
                "page itself may belong to 鲁中晨报, which prints the centre's Zibo coverage."
            ),
        },
        {
            "id": "amb-heading",
            "topic": "reading order",
            "text": (
                "Raw lines 26 and 28 are read as one subheading, 农村集体增收与区域环境改善齐头并进, split by a "
                "column break. They may instead be the opening clause of the paragraph that follows."
            ),
        },
        {
            "id": "amb-three-titles",
            "topic": "wording",
            "text": (
                "首次实现淄博市综合考核“三连冠” (for the first time, a third consecutive first place) is "
                "kept as printed; it is not a misreading."
            ),
        },
        {
            "id": "amb-slogan",
            "topic": "page furniture",
            "text": "The masthead slogan reads 服务大众 团结大众 服务大众, repeating 服务大众; dropped as furniture.",
        },
    ],
    "presentation": {
        "goal_label": "坚定不移{title} · {lead}走在前",
        "goal_short_label": "坚定不移{title}",
        "goals_heading": "八个“坚定不移”",
        "goals_heading_en": "The eight goal areas",
        "overview_section": "sec-overview",
    },
}

GOALS = [
    ("g1-growth", "稳增长", "经济回升向好", "Stabilise growth: lead in the economy's recovery"),
    ("g2-momentum", "强动力", "动能更新迭代", "Strengthen drivers: lead in renewing the engines of growth"),
    ("g3-vitality", "激活力", "改革开放创新", "Unleash vitality: lead in reform, opening-up and innovation"),
    ("g4-coordination", "抓统筹", "城市品质提升", "Coordinate as a whole: lead in raising urban quality"),
    ("g5-rural", "塑样板", "乡村全面振兴", "Build models: lead in all-round rural revitalisation"),
    ("g6-ecology", "优生态", "绿色低碳发展", "Improve the environment: lead in green, low-carbon development"),
    ("g7-culture", "增内涵", "文旅深度融合", "Deepen substance: lead in integrating culture and tourism"),
    ("g8-wellbeing", "惠民生", "群众幸福指数", "Benefit the people: lead in the public's happiness"),
]
ALL_GOALS = [g[0] for g in GOALS]

SECTIONS = [
    ("sec-overview", "报告概况", "The report and the meeting", ["p01", "p02", "p03"], []),
    ("sec-goals", "八个“坚定不移”", "The eight goal areas", ["p04", "p05", "p06"], [(g, "a") for g in ALL_GOALS]),
    (
        "sec-results-2023",
        "2023年工作成效",
        "Results of 2023",
        ["p07", "p13"],
        [("g1-growth", "e"), ("g2-momentum", "e"), ("g8-wellbeing", "e")],
    ),
    ("sec-bottom-line", "底线思维", "Bottom-line work", ["p08"], [("g4-coordination", "e"), ("g8-wellbeing", "e")]),
    (
        "sec-rural-environment",
        "农村集体增收与区域环境改善",
        "Rural income and the environment",
        ["p09", "p10", "p11"],
        [("g5-rural", "e"), ("g6-ecology", "e")],
    ),
    ("sec-honours", "荣誉与排名", "Honours and rankings", ["p12"], []),
    ("sec-cadre", "干部作风", "Cadre conduct", ["p14", "p15", "p16"], []),
    (
        "sec-tasks-2024",
        "2024年目标任务和工作重点",
        "Key tasks for 2024",
        ["p17", "p18", "p19", "p20"],
        [("g1-growth", "a"), ("g2-momentum", "a"), ("g3-vitality", "a"), ("g8-wellbeing", "a")],
    ),
    ("sec-livelihood", "七件民生实事", "The seven livelihood projects", ["p20"], [("g8-wellbeing", "a")]),
    ("sec-closing", "结语", "Closing", ["p21", "p22", "p23"], []),
]


YI = ("亿元", "CNY", 1e8)
PCT = ("%", "percent", 1.0)

FIGURES = [
    Fig("ind-industrial-output", "p07", "2504亿元", "规上工业总产值", "Output of industry above designated size",
        2504, *YI, 2023, "achieved", "实现", "exact", "district", [("g1-growth", E)], ["sec-results-2023"],
        headline=True),
    Fig("ind-industrial-output-city-share", "p07", "35%", "规上工业总产值占全市比重",
        "Share of the city's industrial output", 35, *PCT, 2023, "share", "占…比重", "exact", "city",
        [("g1-growth", E)], ["sec-results-2023"], denominator="淄博市规上工业总产值", headline=True),
    Fig("ind-new-economy-value-added", "p07", "246亿元", "“四新”经济增加值", "Value added of the 'four new' economy",
        246, *YI, 2023, "estimate", "预计达", "estimate", "district", [("g2-momentum", E)], ["sec-results-2023"],
        headline=True),
    Fig("ind-new-economy-gdp-share", "p07", "四分之一", "“四新”经济增加值占GDP比重", "Share of GDP of the 'four new' economy",
        25, *PCT, 2023, "share", "预计…占…四分之一", "approximate", "district",
        [("g2-momentum", E)], ["sec-results-2023"], denominator="临淄区地区生产总值(GDP)"),
    Fig("ind-dev-zone-rank-change", "p07", "67个位次", "临淄经开区综合发展水平全省排名变化",
        "Provincial ranking of the Linzi Economic Development Zone: places gained", 67, "个位次", "places", 1.0,
        2023, "rank_change", "跃升", "exact", "province", [("g3-vitality", E)], ["sec-results-2023"]),
    Fig("ind-livelihood-spending", "p07", "41.93亿元", "民生支出", "Spending on people's livelihoods",
        41.93, *YI, 2023, "achieved", "全年", "exact", "district", [("g8-wellbeing", E)], ["sec-results-2023"],
        headline=True),
    Fig("ind-livelihood-spending-share", "p07", "84%", "民生支出占财政支出比重", "Livelihood share of fiscal spending",
        84, *PCT, 2023, "share", "达", "exact", "district", [("g8-wellbeing", E)], ["sec-results-2023"],
        denominator="临淄区财政支出", headline=True),
    Fig("ind-rural-schools-merged", "p07", "14所", "农村中小学教育资源整合", "Rural schools whose resources were merged",
        14, "所", "schools", 1.0, 2023, "count", "完成", "exact", "district", [("g8-wellbeing", E)],
        ["sec-results-2023"]),
    Fig("ind-school-quality-gap", "p07", "0.15", "义务教育质量监测校际差异率", "Gap between schools in compulsory-education quality",
        0.15, "", "ratio", 1.0, 2023, "bound", "低于", "upper_bound", "district", [("g8-wellbeing", E)],
        ["sec-results-2023"], lower_is_better=True),
    Fig("ind-titled-communities", "p08", "60个", "完成颁证小区", "Housing estates whose property titles were issued",
        60, "个", "estates", 1.0, 2023, "count", "完成", "exact", "district", [("g4-coordination", E)],
        ["sec-bottom-line"]),
    Fig("ind-titled-households", "p08", "9300户", "颁证惠及群众", "Households benefiting from property titles",
        9300, "户", "households", 1.0, 2023, "count", "惠及", "exact", "district", [("g4-coordination", E)],
        ["sec-bottom-line"]),
    Fig("ind-visit-free-grids", "p08", "95%", "无访网格创建率", "Share of grid cells free of petitions",
        95, *PCT, 2023, "rate", "达", "exact", "district", [("g8-wellbeing", E)], ["sec-bottom-line"]),
    Fig("ind-agri-output", "p10", "100亿元", "农业总产值", "Gross agricultural output",
        100, *YI, 2023, "estimate", "预计突破", "estimate_lower_bound", "district", [("g5-rural", E)],
        ["sec-rural-environment"], headline=True),
    Fig("ind-agri-top10", "p10", "十强县", "全省现代农业强县排名", "Provincial ranking of modern-agriculture counties",
        10, "强", "rank", 1.0, 2023, "bound", "入选…十强", "upper_bound", "province", [("g5-rural", E)],
        ["sec-rural-environment"], lower_is_better=True),
    Fig("ind-villages-below-200k", "p10", "20万元以下村全部清零", "集体收入20万元以下村",
        "Villages with collective income below 200,000 yuan", 0, "个", "villages", 1.0, 2023, "count",
        "全部清零", "eliminated", "district", [("g5-rural", E)], ["sec-rural-environment"]),
    Fig("ind-villages-above-500k", "p10", "120个", "集体收入50万元以上村", "Villages with collective income above 500,000 yuan",
        120, "个", "villages", 1.0, 2023, "count", "达到", "exact", "district", [("g5-rural", E)],
        ["sec-rural-environment"]),
    Fig("ind-house-land-households", "p10", "7.7万户", "“房地一体”确权登记受益群众", "Households with house-and-land titles registered",
        7.7, "万户", "households", 1e4, 2023, "count", "受益", "exact", "district", [("g5-rural", E)],
        ["sec-rural-environment"]),
    Fig("ind-env-projects", "p11", "86个", "环保治理项目", "Environmental projects carried out",
        86, "个", "projects", 1.0, 2023, "count", "策划实施", "exact", "district", [("g6-ecology", E)],
        ["sec-rural-environment"]),
    Fig("ind-env-campaigns", "p11", "16个", "专项治理攻坚行动", "Special clean-up campaigns",
        16, "个", "campaigns", 1.0, 2023, "count", "开展", "exact", "district", [("g6-ecology", E)],
        ["sec-rural-environment"]),
    Fig("ind-air-quality-rank-change", "p11", "22个位次", "环境空气质量全省排名变化",
        "Provincial ranking of air quality: places gained", 22, "个位次", "places", 1.0, 2023, "rank_change",
        "提升", "exact", "province", [("g6-ecology", E)], ["sec-rural-environment"], headline=True),
    Fig("ind-village-sewage", "p11", "36个村", "完成生活污水治理村", "Villages with domestic sewage treated",
        36, "个村", "villages", 1.0, 2023, "count", "完成", "exact", "district", [("g6-ecology", E), ("g5-rural", E)],
        ["sec-rural-environment"]),
    Fig("ind-water-quality-rank", "p11", "前5", "水环境质量改善率全省排名", "Provincial ranking of water-quality improvement",
        5, "名", "rank", 1.0, 2023, "bound", "前", "upper_bound", "province", [("g6-ecology", E)],
        ["sec-rural-environment"], lower_is_better=True, headline=True),
    Fig("ind-assessment-titles", "p12", "三连冠", "淄博市综合考核连续第一", "Consecutive first places in Zibo's annual assessment",
        3, "连冠", "titles", 1.0, 2023, "count", "首次实现", "exact", "city", [], ["sec-honours"]),
    Fig("ind-assessment-top2-share", "p12", "85%", "考核指标列小组前两名比重", "Share of assessment indicators ranked 1st or 2nd in group",
        85, *PCT, 2023, "share", "", "exact", "city", [], ["sec-honours"], denominator="淄博市综合考核指标"),
    Fig("ind-assessment-group-rank", "p12", "第1、2名", "考核指标小组排名", "Group ranking of those assessment indicators",
        2, "名", "rank", 1.0, 2023, "bound", "第1、2名", "upper_bound", "city", [], ["sec-honours"],
        lower_is_better=True),
    Fig("ind-site-review-rank", "p12", "第1名", "全市上半年现场观摩点评名次", "Rank in the city's mid-year on-site review",
        1, "名", "rank", 1.0, 2023, "rank", "荣获", "exact", "city", [], ["sec-honours"], before="观摩点评",
        lower_is_better=True),
    Fig("ind-supervision-incentives", "p12", "5项", "获得全省首批督查激励的工作", "Work items rewarded in the province's first supervision incentives",
        5, "项", "items", 1.0, 2023, "count", "获得", "exact", "province", [], ["sec-honours"]),
    Fig("ind-double-top10-count", "p12", "两个", "全省工业、农业“双十强”区县数量", "Counties in the province's top ten for both industry and agriculture",
        2, "个", "counties", 1.0, 2023, "count", "仅有的", "exact", "province", [], ["sec-honours"]),
    Fig("ind-quality-development-rank", "p12", "第51位", "全国高质量发展百强区排名", "National rank among top-100 districts for quality development",
        51, "位", "rank", 1.0, 2023, "rank", "列", "exact", "nation", [("g1-growth", E)], ["sec-honours"],
        lower_is_better=True, headline=True),
    Fig("ind-industry-rank", "p12", "第53位", "中国工业百强区排名", "National rank among China's top-100 industrial districts",
        53, "位", "rank", 1.0, 2023, "rank", "列", "exact", "nation", [("g1-growth", E)], ["sec-honours"],
        lower_is_better=True, headline=True),
    Fig("ind-overall-strength-rank", "p12", "第54位", "全国综合实力百强区排名", "National rank among top-100 districts for overall strength",
        54, "位", "rank", 1.0, 2023, "rank", "列", "exact", "nation", [("g1-growth", E)], ["sec-honours"],
        lower_is_better=True, headline=True),
    Fig("ind-tech-upgrade-projects", "p18", "50个", "市级重点技改项目", "City-level key technology-upgrade projects",
        50, "个", "projects", 1.0, 2024, "target", "实施", "exact", "district", [("g1-growth", A), ("g2-momentum", E)],
        ["sec-tasks-2024"]),
    Fig("ind-digital-scenarios", "p18", "10个", "数字赋能典型应用场景", "Showcase digital application scenarios",
        10, "个", "scenarios", 1.0, 2024, "target", "打造", "exact", "district", [("g1-growth", A), ("g2-momentum", E)],
        ["sec-tasks-2024"]),
    Fig("ind-trade-target", "p19", "250亿元", "进出口总额", "Imports and exports",
        250, *YI, 2024, "target", "力争…突破", "aspiration_lower_bound", "district", [("g3-vitality", A)],
        ["sec-tasks-2024"], headline=True),
    Fig("ind-new-kindergartens", "p20", "4所", "新建幼儿园", "New kindergartens",
        4, "所", "kindergartens", 1.0, 2024, "target", "新建", "exact", "district", [("g8-wellbeing", A)],
        ["sec-tasks-2024"]),
    Fig("ind-livelihood-projects", "p20", "7件", "年度重大民生实事项目", "Major livelihood projects of the year",
        7, "件", "projects", 1.0, 2024, "target", "遴选", "exact", "district", [("g8-wellbeing", A)],
        ["sec-tasks-2024", "sec-livelihood"], headline=True),
]

# Derived: (id, name, name_en, unit, formula, [(symbol, indicator id, half width, note)], decimals,
#           explanation, goals, sections)
DERIVED = [
    ("der-city-industrial-output", "淄博市规上工业总产值(推算)", "Zibo's industrial output (implied)", "亿元",
     "a / (b / 100)",
     [("a", "ind-industrial-output", 0.5, "stated to the nearest 亿元"),
      ("b", "ind-industrial-output-city-share", 0.5, "stated to the nearest percent")],
     0, "Linzi's output divided by its share of the city's.", [("g1-growth", E)], ["sec-results-2023"]),
    ("der-linzi-gdp", "临淄区地区生产总值(推算)", "Linzi's GDP (implied)", "亿元",
     "a / (b / 100)",
     [("a", "ind-new-economy-value-added", 0.5, "stated to the nearest 亿元"),
      ("b", "ind-new-economy-gdp-share", 2.5,
       "四分之一 read as a share rounded to the nearest 5 percent (22.5%–27.5%)")],
     0, "The 'four new' economy's value added divided by its stated share of GDP (one quarter).",
     [("g2-momentum", E)], ["sec-results-2023"]),
    ("der-fiscal-spending", "临淄区财政支出(推算)", "Linzi's fiscal spending (implied)", "亿元",
     "a / (b / 100)",
     [("a", "ind-livelihood-spending", 0.005, "stated to 0.01 亿元"),
      ("b", "ind-livelihood-spending-share", 0.5, "stated to the nearest percent")],
     2, "Livelihood spending divided by its share of fiscal spending.", [("g8-wellbeing", E)],
     ["sec-results-2023"]),
    ("der-other-fiscal-spending", "民生以外的财政支出(推算)", "Fiscal spending other than on livelihoods (implied)",
     "亿元", "a / (b / 100) - a",
     [("a", "ind-livelihood-spending", 0.005, "stated to 0.01 亿元"),
      ("b", "ind-livelihood-spending-share", 0.5, "stated to the nearest percent")],
     2, "Implied fiscal spending less livelihood spending.", [("g8-wellbeing", E)], ["sec-results-2023"]),
]

# Quotes: (id, paragraph, exact text, attribution, speaker, goals, sections)
QUOTES = [
    ("q-eight-goals", "p05",
     "临淄要坚定不移稳增长,奋力推动经济回升向好走在前;要坚定不移强动力,奋力推动动能更新迭代走在前;"
     "要坚定不移激活力,奋力推动改革开放创新走在前;要坚定不移抓统筹,奋力推动城市品质提升走在前;"
     "要坚定不移塑样板,奋力推动乡村全面振兴走在前;要坚定不移优生态,奋力推动绿色低碳发展走在前;"
     "要坚定不移增内涵,奋力推动文旅深度融合走在前;要坚定不移惠民生,奋力推动群众幸福指数走在前。",
     "report", "《政府工作报告》", [(g, A) for g in ALL_GOALS], ["sec-goals"]),
    ("q-steadfast-meaning", "p06", "所谓坚定不移,是面对困难、挑战或压力时,始终保持决心和信念,不轻易改变自己的立场或行动方向,"
     "体现出一个人一个地方的坚韧和果敢,是一种定力。", "reporters", "记者张吉宝、李鸿斐", [], ["sec-goals"]),
    ("q-certainty", "p16", "以工作的确定性应对形势变化的不确定性", "report", "《政府工作报告》", [], ["sec-cadre"]),
    ("q-fighting-spirit", "p16", "越是艰险越向前", "report", "《政府工作报告》", [], ["sec-cadre"]),
    ("q-solutions", "p16", "以“有解”思维开辟“优解”路径", "report", "《政府工作报告》", [], ["sec-cadre"]),
    ("q-real-economy-root", "p17", "培育壮大实体经济,加快主导产业“膨胀”发展是坚定不移稳增长,奋力推动经济回升向好走在前的“根”",
     "report", "《政府工作报告》", [("g1-growth", A)], ["sec-tasks-2024"]),
    ("q-finance-industry", "p19", "“金融链”通“产业脉”,推动动能迭代和改革创新走在前。", "reporters", "记者张吉宝、李鸿斐",
     [("g2-momentum", A), ("g3-vitality", A)], ["sec-tasks-2024"]),
    ("q-livelihood-happiness", "p20", "民生是群众最大的幸福指数", "report", "《政府工作报告》", [("g8-wellbeing", A)],
     ["sec-tasks-2024"]),
    ("q-success-attitude", "p21", "如果说“功成不必在我”是种胸襟,那么“功成必定有我”就是一种态度。", "reporters",
     "记者张吉宝、李鸿斐", [], ["sec-closing"]),
    ("q-cai-hard-work", "p22", "道阻且长,行则将至;任重千钧,唯有实干。", "district_head", "区长蔡华刚", [],
     ["sec-closing"]),
    ("q-promising-future", "p22", "临淄,未来可期!", "reporters", "记者张吉宝、李鸿斐", [], ["sec-closing"]),
]

# Named things: (id, kind, paragraph, exact name, roles, goals, sections, note, before)
L = "livelihood_project"
ENTITIES: list[tuple[str, str, str, str, list[str], list[tuple[str, str]], list[str], str, str]] = [
    ("lp-jiaoji-station", L, "p20", "胶济客专临淄火车站改造工程", ["民生实事"], [("g8-wellbeing", A), ("g4-coordination", E)],
     ["sec-livelihood"], "the name spans the moved passage (胶济 | 客专…)", ""),
    ("lp-medical-centre", L, "p20", "区医疗中心(区人民医院新院区)", ["民生实事"], [("g8-wellbeing", A)], ["sec-livelihood"], "", ""),
    ("lp-exam-school-cooling", L, "p20", "考点学校“清凉工程”(一期)", ["民生实事"], [("g8-wellbeing", A)], ["sec-livelihood"],
     "", "、"),
    ("lp-funeral-centre", L, "p20", "区殡仪服务中心", ["民生实事"], [("g8-wellbeing", A)], ["sec-livelihood"], "", ""),
    ("lp-kindergarten-expansion", L, "p20", "区幼儿园扩容工程", ["民生实事"], [("g8-wellbeing", A)], ["sec-livelihood"], "", ""),
    ("lp-urban-roads", L, "p20", "城区道路畅通工程", ["民生实事"], [("g8-wellbeing", A), ("g4-coordination", E)],
     ["sec-livelihood"], "", ""),
    ("lp-union-service-complex", L, "p20", "区工会惠工服务综合体", ["民生实事"], [("g8-wellbeing", A)], ["sec-livelihood"],
     "", ""),
    ("prj-refinery-upgrade", "project", "p18", "鲁油鲁炼转型升级", ["重大项目"], [("g1-growth", A)], ["sec-tasks-2024"], "", ""),
    ("prj-alkane-use", "project", "p18", "烷烃综合利用", ["重大项目"], [("g1-growth", A)], ["sec-tasks-2024"], "", ""),
    ("prj-nylon-phase2", "project", "p18", "尼龙新材料二期", ["重大项目"], [("g1-growth", A)], ["sec-tasks-2024"], "", ""),
    ("prj-robot-park", "project", "p18", "现代工业机器人产业园", ["新兴产业"], [("g1-growth", A), ("g2-momentum", E)],
     ["sec-tasks-2024"], "", ""),
    ("prj-aubo-robot-base", "project", "p18", "邀博协作机器人产业基地", ["新兴产业"], [("g1-growth", A), ("g2-momentum", E)],
     ["sec-tasks-2024"], "", ""),
    ("prj-xinchuang-base", "project", "p18", "信创基地", ["新兴产业"], [("g1-growth", A), ("g2-momentum", E)],
     ["sec-tasks-2024"], "", ""),
    ("prj-connected-cars-phase2", "project", "p18", "智能网联汽车二期项目", ["新兴产业"],
     [("g1-growth", A), ("g2-momentum", E)], ["sec-tasks-2024"], "", ""),
    ("prj-aite-crossborder-park", "project", "p19", "爱特云翔跨境产业园", ["跨境电商"], [("g3-vitality", A)],
     ["sec-tasks-2024"], "", ""),
    ("prj-xuegong-campus", "project", "p20", "雪宫教育集团学府校区改造", ["教育"], [("g8-wellbeing", A)], ["sec-tasks-2024"], "", ""),
    ("park-three-zones-ten-parks", "park", "p07", "“三区十园”", ["园区体系"], [("g1-growth", E)], ["sec-results-2023"], "", ""),
    ("park-qilu-chemical", "park", "p07", "齐鲁化工区", ["化工园区"], [("g1-growth", E)], ["sec-results-2023"],
     "first in the province to expand its area", ""),
    ("park-linzi-edz", "park", "p07", "临淄经开区", ["经济开发区"], [("g3-vitality", E)], ["sec-results-2023"], "", ""),
    ("park-specialised", "park", "p07", "石化装备、专用化学品、高分子等专业园区", ["专业园区"], [("g1-growth", E)],
     ["sec-results-2023"], "", ""),
    ("ent-qilu-petrochemical", "enterprise", "p18", "齐鲁石化", ["链主企业"], [("g1-growth", A)], ["sec-tasks-2024"], "", ""),
    ("ent-xintai-petrochemical", "enterprise", "p18", "鑫泰石化", ["链主企业", "外贸龙头企业"],
     [("g1-growth", A), ("g3-vitality", A)], ["sec-tasks-2024"], "named again in p19 as a leading foreign-trade firm", ""),
    ("ent-tianchen-qixiang", "enterprise", "p18", "天辰齐翔", ["链主企业"], [("g1-growth", A)], ["sec-tasks-2024"], "", ""),
    ("ent-bluesail-medical", "enterprise", "p19", "蓝帆医疗", ["外贸龙头企业"], [("g3-vitality", A)], ["sec-tasks-2024"], "", ""),
    ("ent-huixin-dacheng", "enterprise", "p19", "汇信大成", ["新开壶力企业(疑为新开户潜力企业)"], [("g3-vitality", A)],
     ["sec-tasks-2024"], "role garbled in the source; see repair of 新开壶力企业", ""),
    ("ent-runhan-bio", "enterprise", "p19", "润涵生物", ["新开壶力企业(疑为新开户潜力企业)"], [("g3-vitality", A)],
     ["sec-tasks-2024"], "role garbled in the source; see repair of 新开壶力企业", ""),
    ("ent-intco", "enterprise", "p19", "英科", ["跨境电商布局企业"], [("g3-vitality", A)], ["sec-tasks-2024"], "", ""),
    ("ent-yinuowei", "enterprise", "p19", "一诺威", ["跨境电商布局企业"], [("g3-vitality", A)], ["sec-tasks-2024"], "", ""),
    ("prog-456-chains", "programme", "p19", "“456”产业链群", ["招商"], [("g3-vitality", A)], ["sec-tasks-2024"], "", ""),
    ("prog-tech-upgrade", "programme", "p18", "新一轮技术改造专项行动", ["技术改造"], [("g1-growth", A), ("g2-momentum", E)],
     ["sec-tasks-2024"], "", ""),
    ("prog-universal-insurance", "programme", "p20", "全民参保计划", ["社会保障"], [("g8-wellbeing", A)], ["sec-tasks-2024"], "", ""),
    ("prog-qihuibao", "programme", "p20", "“齐惠保”", ["社会保障"], [("g8-wellbeing", A)], ["sec-tasks-2024"], "", ""),
    ("prog-exam-school-cooling", "programme", "p20", "考点学校“清凉工程”", ["教育"], [("g8-wellbeing", A)],
     ["sec-tasks-2024"], "also a livelihood project (一期)", "实施"),
    ("prog-house-land-titles", "programme", "p10", "农村“房地一体”确权登记", ["确权登记"], [("g5-rural", E)],
     ["sec-rural-environment"], "", ""),
    ("prog-smart-grid", "programme", "p08", "智慧网格", ["社会治理"], [("g8-wellbeing", E)], ["sec-bottom-line"], "", ""),
    ("prog-mediation-centre", "programme", "p08", "一站式矛调中心", ["社会治理"], [("g8-wellbeing", E)], ["sec-bottom-line"],
     "", ""),
    ("prog-smart-campus", "programme", "p07", "中小学智慧校园建设", ["教育"], [("g8-wellbeing", E)], ["sec-results-2023"], "", ""),
    ("hon-governance-pilot", "honour", "p08", "全国社会治理综合标准化试点", ["国家级"], [], ["sec-honours", "sec-bottom-line"],
     "won by 智慧网格", ""),
    ("hon-safe-shandong", "honour", "p08", "平安山东创建示范活动表现突出的区县", ["省级"], [],
     ["sec-honours", "sec-bottom-line"], "", ""),
    ("hon-agri-top10", "honour", "p12", "山东省现代农业十强县", ["省级"], [("g5-rural", E)], ["sec-honours"], "", ""),
    ("hon-assessment-three-titles", "honour", "p12", "淄博市综合考核“三连冠”", ["市级"], [], ["sec-honours"], "", ""),
    ("hon-site-review", "honour", "p12", "2023年全市上半年现场观摩点评第1名", ["市级"], [], ["sec-honours"], "", ""),
    ("hon-supervision-incentive", "honour", "p12", "全省首批督查激励", ["省级"], [], ["sec-honours"], "", ""),
    ("hon-double-top10", "honour", "p12", "工业、农业“双十强”区县", ["省级"], [("g1-growth", E), ("g5-rural", E)],
     ["sec-honours"], "", ""),
    ("hon-transport-integration", "honour", "p12", "全国城乡交通运输一体化示范县", ["国家级"], [("g4-coordination", E)],
     ["sec-honours"], "", ""),
    ("hon-rural-roads", "honour", "p12", "“四好农村路”全国示范县", ["国家级"], [("g5-rural", E)], ["sec-honours"], "", ""),
    ("hon-resource-saving", "honour", "p12", "首批全国自然资源节约集约示范区", ["国家级"], [("g6-ecology", E)], ["sec-honours"],
     "", ""),
    ("hon-science-popularisation", "honour", "p12", "全国科普示范区", ["国家级"], [("g7-culture", E)], ["sec-honours"],
     "the article states no figure for culture and tourism; this honour is its nearest item", ""),
    ("hon-quality-top100", "honour", "p12", "全国高质量发展百强区", ["国家级"], [("g1-growth", E)], ["sec-honours"], "", ""),
    ("hon-industry-top100", "honour", "p12", "中国工业百强区", ["国家级"], [("g1-growth", E)], ["sec-honours"], "", ""),
    ("hon-strength-top100", "honour", "p12", "全国综合实力百强区", ["国家级"], [("g1-growth", E)], ["sec-honours"], "", ""),
]


# fmt: on


def _goal_anchor(goal: GoalSpec) -> str:
    return f"坚定不移{goal.steadfast},奋力推动{goal.lead}走在前"


def _goal_sentence(goal: GoalSpec, anchor: str) -> str:
    return f"临淄要{anchor}。"


TABLES = ReportTables(
    id="linzi-2024",
    raw_name="linzi-2024-article.raw.txt",
    out_name="linzi-2024.json",
    metadata=METADATA,
    drops=[Drop(*d) for d in DROPS],
    paragraphs=[ParagraphSpec(*p) for p in PARAGRAPHS],
    join_notes=JOIN_NOTES,
    moves=MOVES,
    misreadings=[Misreading(*m) for m in MISREADINGS],
    punctuation_drops=[PunctuationDrop(*p) for p in PUNCTUATION_DROPS],
    goals=[GoalSpec(*g) for g in GOALS],
    goal_paragraph="p05",
    goal_anchor=_goal_anchor,
    goal_sentence=_goal_sentence,
    sections=[SectionSpec(*s) for s in SECTIONS],
    figures=FIGURES,
    derived=[DerivedSpec(*d[:5], [DerivedInputSpec(*x) for x in d[5]], *d[6:]) for d in DERIVED],
    quotes=[QuoteSpec(*q) for q in QUOTES],
    entities=[EntitySpec(*e) for e in ENTITIES],
)
