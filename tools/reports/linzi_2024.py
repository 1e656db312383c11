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
    QuoteSpec,
    ReportTables,
    SectionSpec,
)

# fmt: off

# Page furniture: (first line, last line, note, note in English). Whole lines only.
DROPS = [
    Drop(4, 4, "本系列的版面栏题(拼出美好未来),不属于文章", "page banner of the series (拼出美好未来), not part of the article"),
    Drop(6, 6, "系列栏目名(聚焦淄博区县两会),保留在元数据中", "series label (聚焦淄博区县两会), kept in metadata"),
    Drop(8, 8, "版次02,保留在元数据中", "page number 02, kept in metadata"),
    Drop(64, 66, "大众日报淄博融媒体中心的报头及其口号,不是文章正文",
         "masthead block of 大众日报淄博融媒体中心 with its slogan; not article text"),
    Drop(68, 68, "鲁中晨报报头;版面属于哪家报纸记作存疑之处",
         "masthead of 鲁中晨报; which paper the page belongs to is recorded as an ambiguity"),
    Drop(70, 76, "与文章无关的版块:版面底部的社会主义核心价值观标语",
         "unrelated panel: 社会主义核心价值观 slogans at the foot of the page"),
]

# Paragraphs in reading order: (id, role, [(line, start offset in line or None, end or None)]).
# A paragraph made of several pieces was split by a column break (a join), or continues
# a passage printed elsewhere on the page (a move). Ids are stable: p09 (once a heading) is
# gone since raw lines 27 and 29 are read as the opening of body paragraph p10.
PARAGRAPHS = [
    ParagraphSpec("p01", "headline", [(10, None, None)]),
    ParagraphSpec("p02", "body", [(12, None, None)]),
    ParagraphSpec("p03", "body", [(14, None, None)]),
    ParagraphSpec("p04", "heading", [(16, None, None)]),
    ParagraphSpec("p05", "body", [(18, None, None)]),
    ParagraphSpec("p06", "body", [(20, None, None)]),
    ParagraphSpec("p07", "body", [(22, None, None)]),
    ParagraphSpec("p08", "body", [(24, None, None)]),
    ParagraphSpec("p10", "body", [(26, None, None), (28, None, None)]),
    ParagraphSpec("p11", "body", [(30, None, None)]),
    ParagraphSpec("p12", "body", [(32, None, None)]),
    ParagraphSpec("p13", "body", [(34, None, None)]),
    ParagraphSpec("p14", "heading", [(38, None, None)]),
    ParagraphSpec("p15", "body", [(40, None, None)]),
    ParagraphSpec("p16", "body", [(42, None, None)]),
    ParagraphSpec("p17", "body", [(44, None, None), (46, None, None)]),
    ParagraphSpec("p18", "body", [(48, None, None), (50, None, None)]),
    ParagraphSpec("p19", "body", [(52, None, None), (54, None, None)]),
    ParagraphSpec("p20", "body", [(56, None, None), (36, None, None)]),
    ParagraphSpec("p21", "body", [(58, None, None)]),
    ParagraphSpec("p22", "body", [(60, None, None)]),
    ParagraphSpec("p23", "byline", [(62, None, None)]),
]

# (paragraph, piece before the break): (note, note in English). Raw lines counted from 1.
JOIN_NOTES = {
    ("p10", 0): ("段首句被分栏截断:农村集体增收与区域环境|改善齐头并进,(原始第27、29行)",
                 "opening clause split by a column break: 农村集体增收与区域环境|改善齐头并进, (raw lines 27 and 29)"),
    ("p17", 0): ("词语被分栏截断:实|体经济", "word split by a column break: 实|体经济"),
    ("p18", 0): ("词语被分栏截断:发|展", "word split by a column break: 发|展"),
    ("p19", 0): ("词语被分栏截断:新开壶|力企业", "word split by a column break: 新开壶|力企业"),
    ("p20", 0): ("句子接续版面上较早印出的一段:遴选了胶济|客专临淄火车站改造工程",
                 "sentence continues in a passage printed earlier on the page: 遴选了胶济|客专临淄火车站改造工程"),
}
MOVES = {
    ("p20", 1): (
        "这段印在“成绩单”一段(原始第35行)与小标题“走在前,关键在人”(原始第39行)之间;它接续原始第57行末尾的“遴选了胶济”",
        "passage printed between the paragraph on the year's achievements (raw line 35) and the "
        "heading 走在前,关键在人 (raw line 39); it continues 遴选了胶济 at the end of raw line 57",
    ),
}

# Misreadings: ([(raw line, raw text in that line), …], reading, certainty, applied, note, note_en).
# A word split by a column break is one misreading with a piece on each side of the break.
MISREADINGS = [
    Misreading([(14, "《报告中》")], "《报告》中", "high", True, "书名号错位:后书名号误置于“中”之后",
               "closing book-title mark misplaced after 中"),
    Misreading([(58, "說")], "说", "high", True, "简体文本中混入繁体字", "traditional character in simplified text"),
    Misreading(
        [(52, "新开壶"), (54, "力企业")], "新开户潜力企业", "low", False,
        "企业描述“新开壶|力企业”被分栏截断且有误(原始第53、55行)。读作“新开户潜力企业”(新开户的外贸潜力企业)合乎文意:"
        "“壶”→“户”同音,是常见的输入错误(把握中等);补入的“潜”是推测(把握低)。整体把握取其低者,故保留原文。",
        "garbled enterprise description 新开壶|力企业, split by a column break (raw lines 53 and 55). "
        "新开户潜力企业 (newly registered foreign-trade firms with potential) fits the sentence: 壶→户 is a "
        "same-sound input slip (medium certainty); the inserted 潜 is a guess (low). The whole reading is only "
        "as certain as its weakest part, so the raw text is kept.",
    ),
    Misreading([(36, "民生实项目")], "民生实事项目", "high", True, "“民生实事”(民生项目)漏了“事”字",
               "character 事 missing from 民生实事 (livelihood projects)"),
    Misreading(
        [(48, "邀博")], "遨博", "high", True,
        "形近误字:这家企业是遨博(AUBO;遨博(山东)智能机器人有限公司位于临淄,是当地机器人产业链的链主,据大众网2024-12-23报道)。",
        "look-alike misprint: the firm is 遨博 (AUBO; 遨博(山东)智能机器人有限公司 is in Linzi and leads its "
        "robot chain, per 大众网 2024-12-23).",
    ),
]

METADATA: Json = {
    "title": "临淄区2024年政府工作报告",
    "title_en": "Linzi District Government Work Report 2024",
    "year": 2024,
    "level": "district",
    "region": {
        "province": "山东省", "city": "淄博市", "district": "临淄区", "district_en": "Linzi District",
        "name": "临淄区", "name_en": "Linzi District",
    },
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
        "date_basis": "dateline",
        "mastheads": ["大众日报淄博融媒体中心", "鲁中晨报"],
        "page": "02",
    },
    "presentation": {
        "goal_label": "坚定不移{title} · {lead}走在前",
        "goal_short_label": "坚定不移{title}",
        "goals_heading": "八个“坚定不移”",
        "goals_heading_en": "The eight goal areas",
        "overview_section": "sec-overview",
    },
    "ambiguities": [
        {
            "id": "amb-paper",
            "topic": "刊物",
            "topic_en": "publication",
            "text": (
                "版面同时印有大众日报(淄博融媒体中心)和鲁中晨报的报头。署名为大众日报淄博融媒体中心记者,故文章归于该中心;"
                "版面本身可能属于刊发该中心淄博报道的鲁中晨报。"
            ),
            "text_en": (
                "The page carries the mastheads of both 大众日报(淄博融媒体中心) and 鲁中晨报. The byline "
                "credits reporters of 大众日报淄博融媒体中心, so the article is attributed to them; the "
                "page itself may belong to 鲁中晨报, which prints the centre's Zibo coverage."
            ),
        },
        {
            "id": "amb-date",
            "topic": "日期",
            "topic_en": "date",
            "text": (
                "版面只印电头“淄博1月20日讯”,没有年份。2024年是推定的:会议为临淄区第十九届人大第三次会议,"
                "文中以2023年为上一年、以2024年为今年。"
            ),
            "text_en": (
                "The page prints only the dateline 淄博1月20日讯, without a year. 2024 is inferred: the meeting is "
                "the third session of the 19th district people's congress, and the text treats 2023 as last year "
                "and 2024 as this year."
            ),
        },
        {
            "id": "amb-heading",
            "topic": "阅读顺序",
            "topic_en": "reading order",
            "text": (
                "原始第27、29行“农村集体增收与区域环境|改善齐头并进,”读作正文一段(第02版·第9段)的开头:句末逗号接续正文,"
                "断开处与其他分栏处一致。也可能是被分栏截断的小标题,逗号为多余。"
            ),
            "text_en": (
                "Raw lines 27 and 29, 农村集体增收与区域环境|改善齐头并进, are read as the opening of a body "
                "paragraph (page 02, paragraph 9): the trailing comma runs on into the body text and the split "
                "matches the other column breaks. They may instead be a subheading split by a column break, the "
                "comma a stray."
            ),
        },
        {
            "id": "amb-three-titles",
            "topic": "措辞",
            "topic_en": "wording",
            "text": "“首次实现淄博市综合考核‘三连冠’”(首次取得连续第三个第一名)照原文保留,不是误读。",
            "text_en": (
                "首次实现淄博市综合考核“三连冠” (for the first time, a third consecutive first place) is "
                "kept as printed; it is not a misreading."
            ),
        },
        {
            "id": "amb-slogan",
            "topic": "版面附属内容",
            "topic_en": "page furniture",
            "text": "报头口号印作“服务大众 团结大众 服务大众”,“服务大众”重复;作为版面附属内容删去。",
            "text_en": "The masthead slogan reads 服务大众 团结大众 服务大众, repeating 服务大众; dropped as furniture.",
        },
        {
            "id": "amb-zengsu",
            "topic": "措辞",
            "topic_en": "wording",
            "text": "“增塑产业发展新优势”照原文保留;常见说法是“重塑”或“塑造”产业发展新优势,可能是误字,但未改动。",
            "text_en": (
                "增塑产业发展新优势 is kept as printed; the usual phrase is 重塑 or 塑造 (reshape, build) new "
                "advantages, so 增塑 may be a misprint, but it is not changed."
            ),
        },
        {
            "id": "amb-strong-country",
            "topic": "措辞",
            "topic_en": "wording",
            "text": "“现代化强国建设新局面”照原文保留;区级报告通常写“现代化强区建设”,可能是误字,但未改动。",
            "text_en": (
                "现代化强国建设新局面 (building a modern strong country) is kept as printed; a district usually "
                "writes 现代化强区建设 (a modern strong district), so 国 may be a misprint, but it is not changed."
            ),
        },
        {
            "id": "amb-shizhong",
            "topic": "措辞",
            "topic_en": "wording",
            "text": "“是种胸襟”照原文保留;可能脱漏“一”字(“是一种胸襟”,与下句“就是一种态度”对仗),但未改动。",
            "text_en": (
                "是种胸襟 is kept as printed; it may have lost 一 (是一种胸襟, matching 就是一种态度 in the next "
                "clause), but it is not changed."
            ),
        },
    ],
}

# Goal areas: (id, title, lead, English title, the source's exact words for it in p05).
GOALS = [
    GoalSpec("g1-growth", "稳增长", "经济回升向好", "Stabilise growth: lead in the economy's recovery",
             "临淄要坚定不移稳增长,奋力推动经济回升向好走在前;"),
    GoalSpec("g2-momentum", "强动力", "动能更新迭代", "Strengthen drivers: lead in renewing the engines of growth",
             "要坚定不移强动力,奋力推动动能更新迭代走在前;"),
    GoalSpec("g3-vitality", "激活力", "改革开放创新", "Unleash vitality: lead in reform, opening-up and innovation",
             "要坚定不移激活力,奋力推动改革开放创新走在前;"),
    GoalSpec("g4-coordination", "抓统筹", "城市品质提升", "Coordinate as a whole: lead in raising urban quality",
             "要坚定不移抓统筹,奋力推动城市品质提升走在前;"),
    GoalSpec("g5-rural", "塑样板", "乡村全面振兴", "Build models: lead in all-round rural revitalisation",
             "要坚定不移塑样板,奋力推动乡村全面振兴走在前;"),
    GoalSpec("g6-ecology", "优生态", "绿色低碳发展", "Improve the environment: lead in green, low-carbon development",
             "要坚定不移优生态,奋力推动绿色低碳发展走在前;"),
    GoalSpec("g7-culture", "增内涵", "文旅深度融合", "Deepen substance: lead in integrating culture and tourism",
             "要坚定不移增内涵,奋力推动文旅深度融合走在前;",
             no_figures=("原文没有给出这一目标的数据:“文旅深度融合”只出现在八个“坚定不移”的列举中。",
                         "The article states no figures for this goal area: culture and tourism appears only in "
                         "its list of the eight goal areas.")),
    GoalSpec("g8-wellbeing", "惠民生", "群众幸福指数", "Benefit the people: lead in the public's happiness",
             "要坚定不移惠民生,奋力推动群众幸福指数走在前。"),
]
ALL_GOALS = [g.id for g in GOALS]

# Sections: their own goal links; the builder adds every goal area a member links.
SECTIONS = [
    SectionSpec("sec-overview", "报告概况", "The report and the meeting", ["p01", "p02", "p03"], []),
    SectionSpec("sec-goals", "八个“坚定不移”", "The eight goal areas", ["p04", "p05", "p06"], [(g, A) for g in ALL_GOALS]),
    SectionSpec("sec-results-2023", "2023年工作成效", "Results of 2023", ["p07", "p13"], []),
    SectionSpec("sec-bottom-line", "底线思维", "Bottom-line thinking", ["p08"], []),
    SectionSpec("sec-rural-environment", "农村集体增收与区域环境改善", "Rural income and the environment",
                ["p10", "p11"], []),
    SectionSpec("sec-honours", "荣誉与排名", "Honours and rankings", ["p12"], []),
    SectionSpec("sec-cadre", "干部作风", "Cadre conduct", ["p14", "p15", "p16"], []),
    SectionSpec("sec-tasks-2024", "2024年目标任务和工作重点", "Key tasks for 2024", ["p17", "p18", "p19", "p20"], []),
    SectionSpec("sec-livelihood", "七件民生实事", "The seven livelihood projects", ["p20"], []),
    SectionSpec("sec-closing", "结语", "Closing", ["p21", "p22", "p23"], []),
]

YI = ("亿元", "CNY", 1e8)
PCT = ("%", "percent", 1.0)

# A figure's modifier is the hedging or bounding word only (预计, 前, 低于 …), never the figure as
# written: where the words that state the value also bound it (第1、2名, 十强, 全部清零) the modifier is ""
# and the meaning (upper_bound, eliminated) says it (issue 12, point 11).
FIGURES = [
    Fig("ind-industrial-output", "p07", "2504亿元", "规上工业总产值", "Output of industry above designated size",
        2504, *YI, 2023, "achieved", "", "exact", "district", [("g1-growth", E)], ["sec-results-2023"],
        headline=True, series="linzi.industrial_output"),
    Fig("ind-industrial-output-city-share", "p07", "35%", "规上工业总产值占全市比重",
        "Share of the city's industrial output", 35, *PCT, 2023, "share", "", "exact", "city",
        [("g1-growth", E)], ["sec-results-2023"], denominator="淄博市规上工业总产值", headline=True),
    Fig("ind-new-economy-value-added", "p07", "246亿元", "“四新”经济增加值", "Value added of the 'four new' economy",
        246, *YI, 2023, "estimate", "预计", "estimate", "district", [("g2-momentum", E)], ["sec-results-2023"],
        headline=True, series="linzi.new_economy_value_added"),
    Fig("ind-new-economy-gdp-share", "p07", "四分之一", "“四新”经济增加值占GDP比重", "Share of GDP of the 'four new' economy",
        25, *PCT, 2023, "share", "预计", "estimate", "district",
        [("g2-momentum", E)], ["sec-results-2023"], denominator="临淄区地区生产总值(GDP)"),
    Fig("ind-dev-zone-rank-change", "p07", "67个位次", "临淄经开区综合发展水平全省排名变化",
        "Provincial ranking of the Linzi Economic Development Zone: places gained", 67, "个位次", "places", 1.0,
        2023, "rank_change", "", "exact", "province", [("g3-vitality", E)], ["sec-results-2023"]),
    Fig("ind-livelihood-spending", "p07", "41.93亿元", "民生支出", "Spending on people's livelihoods",
        41.93, *YI, 2023, "achieved", "", "exact", "district", [("g8-wellbeing", E)], ["sec-results-2023"],
        headline=True, series="linzi.livelihood_spending"),
    Fig("ind-livelihood-spending-share", "p07", "84%", "民生支出占财政支出比重", "Livelihood share of fiscal spending",
        84, *PCT, 2023, "share", "", "exact", "district", [("g8-wellbeing", E)], ["sec-results-2023"],
        denominator="临淄区财政支出", headline=True, series="linzi.livelihood_spending_share"),
    Fig("ind-rural-schools-merged", "p07", "14所", "农村中小学教育资源整合", "Rural schools whose resources were merged",
        14, "所", "schools", 1.0, 2023, "count", "", "exact", "district", [("g8-wellbeing", E)],
        ["sec-results-2023"]),
    Fig("ind-school-quality-gap", "p07", "0.15", "义务教育质量监测校际差异率", "Gap between schools in compulsory-education quality",
        0.15, "", "ratio", 1.0, 2023, "bound", "低于", "upper_bound", "district", [("g8-wellbeing", E)],
        ["sec-results-2023"], lower_is_better=True),
    Fig("ind-titled-communities", "p08", "60个", "完成颁证小区", "Housing estates whose property titles were issued",
        60, "个", "estates", 1.0, 2023, "count", "", "exact", "district", [("g4-coordination", E)],
        ["sec-bottom-line"]),
    Fig("ind-titled-households", "p08", "9300户", "颁证惠及群众", "Households benefiting from property titles",
        9300, "户", "households", 1.0, 2023, "count", "", "exact", "district", [("g4-coordination", E)],
        ["sec-bottom-line"]),
    Fig("ind-visit-free-grids", "p08", "95%", "无访网格创建率", "Share of grid cells free of petitions",
        95, *PCT, 2023, "rate", "", "exact", "district", [("g8-wellbeing", E)], ["sec-bottom-line"]),
    Fig("ind-agri-output", "p10", "100亿元", "农业总产值", "Gross agricultural output",
        100, *YI, 2023, "estimate", "预计突破", "estimate_lower_bound", "district", [("g5-rural", E)],
        ["sec-rural-environment"], headline=True, series="linzi.agri_output"),
    Fig("ind-agri-top10", "p10", "十强县", "全省现代农业强县排名", "Provincial ranking of modern-agriculture counties",
        10, "强", "rank", 1.0, 2023, "bound", "", "upper_bound", "province", [("g5-rural", E)],
        ["sec-rural-environment"], lower_is_better=True),
    Fig("ind-villages-below-200k", "p10", "20万元以下村全部清零", "集体收入20万元以下村",
        "Villages with collective income below 200,000 yuan", 0, "个", "villages", 1.0, 2023, "count",
        "", "eliminated", "district", [("g5-rural", E)], ["sec-rural-environment"],
        lower_is_better=True, threshold=(20, "万元")),
    Fig("ind-villages-above-500k", "p10", "120个", "集体收入50万元以上村", "Villages with collective income above 500,000 yuan",
        120, "个", "villages", 1.0, 2023, "count", "", "exact", "district", [("g5-rural", E)],
        ["sec-rural-environment"], threshold=(50, "万元")),
    Fig("ind-house-land-households", "p10", "7.7万户", "“房地一体”确权登记受益群众", "Households with house-and-land titles registered",
        7.7, "万户", "households", 1e4, 2023, "count", "", "exact", "district", [("g5-rural", E)],
        ["sec-rural-environment"]),
    Fig("ind-env-projects", "p11", "86个", "环保治理项目", "Environmental projects carried out",
        86, "个", "projects", 1.0, 2023, "count", "", "exact", "district", [("g6-ecology", E)],
        ["sec-rural-environment"]),
    Fig("ind-env-campaigns", "p11", "16个", "专项治理攻坚行动", "Special clean-up campaigns",
        16, "个", "campaigns", 1.0, 2023, "count", "", "exact", "district", [("g6-ecology", E)],
        ["sec-rural-environment"]),
    Fig("ind-air-quality-rank-change", "p11", "22个位次", "环境空气质量全省排名变化",
        "Provincial ranking of air quality: places gained", 22, "个位次", "places", 1.0, 2023, "rank_change",
        "", "exact", "province", [("g6-ecology", E)], ["sec-rural-environment"], headline=True),
    Fig("ind-village-sewage", "p11", "36个村", "完成生活污水治理村", "Villages with domestic sewage treated",
        36, "个村", "villages", 1.0, 2023, "count", "", "exact", "district", [("g6-ecology", E), ("g5-rural", E)],
        ["sec-rural-environment"]),
    Fig("ind-water-quality-rank", "p11", "前5", "水环境质量改善率全省排名", "Provincial ranking of water-quality improvement",
        5, "名", "rank", 1.0, 2023, "bound", "前", "upper_bound", "province", [("g6-ecology", E)],
        ["sec-rural-environment"], lower_is_better=True, headline=True),
    Fig("ind-assessment-titles", "p12", "三连冠", "淄博市综合考核连续第一", "Consecutive first places in Zibo's annual assessment",
        3, "连冠", "titles", 1.0, 2023, "count", "", "exact", "city", [], ["sec-honours"]),
    Fig("ind-assessment-top2-share", "p12", "85%", "考核指标列小组前两名比重", "Share of assessment indicators ranked 1st or 2nd in group",
        85, *PCT, 2023, "share", "", "exact", "city", [], ["sec-honours"], denominator="淄博市综合考核指标"),
    Fig("ind-assessment-group-rank", "p12", "第1、2名", "考核指标小组排名", "Group ranking of those assessment indicators",
        2, "名", "rank", 1.0, 2023, "bound", "", "upper_bound", "city", [], ["sec-honours"],
        lower_is_better=True),
    Fig("ind-site-review-rank", "p12", "第1名", "全市上半年现场观摩点评名次", "Rank in the city's mid-year on-site review",
        1, "名", "rank", 1.0, 2023, "rank", "", "exact", "city", [], ["sec-honours"], before="观摩点评",
        lower_is_better=True),
    Fig("ind-supervision-incentives", "p12", "5项", "获得全省首批督查激励的工作", "Work items rewarded in the province's first supervision incentives",
        5, "项", "items", 1.0, 2023, "count", "", "exact", "province", [], ["sec-honours"]),
    Fig("ind-double-top10-count", "p12", "两个", "全省工业、农业“双十强”区县数量", "Counties in the province's top ten for both industry and agriculture",
        2, "个", "counties", 1.0, 2023, "count", "", "exact", "province", [], ["sec-honours"]),
    Fig("ind-quality-development-rank", "p12", "第51位", "全国高质量发展百强区排名", "National rank among top-100 districts for quality development",
        51, "位", "rank", 1.0, 2023, "rank", "", "exact", "nation", [("g1-growth", E)], ["sec-honours"],
        lower_is_better=True, headline=True),
    Fig("ind-industry-rank", "p12", "第53位", "中国工业百强区排名", "National rank among China's top-100 industrial districts",
        53, "位", "rank", 1.0, 2023, "rank", "", "exact", "nation", [("g1-growth", E)], ["sec-honours"],
        lower_is_better=True, headline=True),
    Fig("ind-overall-strength-rank", "p12", "第54位", "全国综合实力百强区排名", "National rank among top-100 districts for overall strength",
        54, "位", "rank", 1.0, 2023, "rank", "", "exact", "nation", [("g1-growth", E)], ["sec-honours"],
        lower_is_better=True, headline=True),
    Fig("ind-tech-upgrade-projects", "p18", "50个", "市级重点技改项目", "City-level key technology-upgrade projects",
        50, "个", "projects", 1.0, 2024, "target", "", "exact", "district", [("g1-growth", A), ("g2-momentum", E)],
        ["sec-tasks-2024"], series="linzi.tech_upgrade_projects"),
    Fig("ind-digital-scenarios", "p18", "10个", "数字赋能典型应用场景", "Showcase digital application scenarios",
        10, "个", "scenarios", 1.0, 2024, "target", "", "exact", "district", [("g1-growth", A), ("g2-momentum", E)],
        ["sec-tasks-2024"], series="linzi.digital_scenarios"),
    Fig("ind-trade-target", "p19", "250亿元", "进出口总额", "Imports and exports",
        250, *YI, 2024, "target", "力争…突破", "aspiration_lower_bound", "district", [("g3-vitality", A)],
        ["sec-tasks-2024"], headline=True, series="linzi.foreign_trade"),
    Fig("ind-new-kindergartens", "p20", "4所", "新建幼儿园", "New kindergartens",
        4, "所", "kindergartens", 1.0, 2024, "target", "", "exact", "district", [("g8-wellbeing", A)],
        ["sec-tasks-2024"], series="linzi.new_kindergartens"),
    Fig("ind-livelihood-projects", "p20", "7件", "年度重大民生实事项目", "Major livelihood projects of the year",
        7, "件", "projects", 1.0, 2024, "target", "", "exact", "district", [("g8-wellbeing", A)],
        ["sec-tasks-2024", "sec-livelihood"], headline=True, series="linzi.livelihood_projects"),
]

# Derived figures: each with its own scope, zh/en explanation and input notes. The range is every
# value the inputs' rounding allows (rounded outward); it is not a confidence interval.
_NEAREST_YI = ("按亿元取整", "stated to the nearest 亿元")
_NEAREST_PCT = ("按百分点取整", "stated to the nearest percent")
_CENT_YI = ("精确到0.01亿元", "stated to 0.01 亿元")
DERIVED = [
    DerivedSpec(
        "der-city-industrial-output", "淄博市规上工业总产值(推算)", "Zibo's industrial output (implied)", "亿元",
        "a / (b / 100)",
        [DerivedInputSpec("a", "ind-industrial-output", 0.5, *_NEAREST_YI),
         DerivedInputSpec("b", "ind-industrial-output-city-share", 0.5, *_NEAREST_PCT)],
        0,
        "临淄区规上工业总产值除以其占全市的比重,得出淄博市(全市)的规上工业总产值。范围是输入数字的取整所允许的全部数值,不是置信区间。",
        [("g1-growth", E)], ["sec-results-2023"], "city",
        "Linzi's output divided by its share of the city's gives Zibo city's output. The range is every value "
        "the inputs' rounding allows, not a confidence interval.",
    ),
    DerivedSpec(
        "der-linzi-gdp", "临淄区地区生产总值(推算)", "Linzi's GDP (implied)", "亿元",
        "a / (b / 100)",
        [DerivedInputSpec("a", "ind-new-economy-value-added", 0.5,
                          "本身是预计数(“预计达”),按亿元取整", "itself an estimate (预计达), stated to the nearest 亿元"),
         DerivedInputSpec("b", "ind-new-economy-gdp-share", 2.5,
                          "“四分之一”按取整到5个百分点的比重理解(22.5%–27.5%)",
                          "四分之一 read as a share rounded to the nearest 5 percent (22.5%–27.5%)")],
        0,
        "“四新”经济增加值(预计数)除以其占GDP的比重(四分之一)。两个输入都是约数,范围是取整所允许的全部数值,不是置信区间。",
        [("g2-momentum", E)], ["sec-results-2023"], "district",
        "The 'four new' economy's value added (itself an estimate) divided by its stated share of GDP (one "
        "quarter). Both inputs are approximate; the range is every value their rounding allows, not a "
        "confidence interval.",
    ),
    DerivedSpec(
        "der-fiscal-spending", "临淄区财政支出(推算)", "Linzi's fiscal spending (implied)", "亿元",
        "a / (b / 100)",
        [DerivedInputSpec("a", "ind-livelihood-spending", 0.005, *_CENT_YI),
         DerivedInputSpec("b", "ind-livelihood-spending-share", 0.5, *_NEAREST_PCT)],
        2,
        "民生支出除以其占财政支出的比重。范围是输入数字的取整所允许的全部数值,不是置信区间。",
        [("g8-wellbeing", E)], ["sec-results-2023"], "district",
        "Livelihood spending divided by its share of fiscal spending. The range is every value the inputs' "
        "rounding allows, not a confidence interval.",
    ),
    DerivedSpec(
        "der-other-fiscal-spending", "民生以外的财政支出(推算)", "Fiscal spending other than on livelihoods (implied)",
        "亿元", "a / (b / 100) - a",
        [DerivedInputSpec("a", "ind-livelihood-spending", 0.005, *_CENT_YI),
         DerivedInputSpec("b", "ind-livelihood-spending-share", 0.5, *_NEAREST_PCT)],
        2,
        "推算的财政支出减去民生支出。范围是输入数字的取整所允许的全部数值,不是置信区间。",
        [("g8-wellbeing", E)], ["sec-results-2023"], "district",
        "Implied fiscal spending less livelihood spending. The range is every value the inputs' rounding "
        "allows, not a confidence interval.",
    ),
]

# Quotes: (id, paragraph, exact text, attribution, speaker, goals, sections, attribution basis).
# "report" with basis "inferred" where the article reports what 临淄(区) 提出 without quoting the report;
# "reporters" for the article's own narrative.
_REPORT = "《政府工作报告》"
_REPORT_INFERRED = "《政府工作报告》(推定)"
_REPORTERS = "记者张吉宝、李鸿斐"
QUOTES = [
    QuoteSpec("q-eight-goals", "p05",
     "临淄要坚定不移稳增长,奋力推动经济回升向好走在前;要坚定不移强动力,奋力推动动能更新迭代走在前;"
     "要坚定不移激活力,奋力推动改革开放创新走在前;要坚定不移抓统筹,奋力推动城市品质提升走在前;"
     "要坚定不移塑样板,奋力推动乡村全面振兴走在前;要坚定不移优生态,奋力推动绿色低碳发展走在前;"
     "要坚定不移增内涵,奋力推动文旅深度融合走在前;要坚定不移惠民生,奋力推动群众幸福指数走在前。",
     "report", _REPORT, [(g, A) for g in ALL_GOALS], ["sec-goals"]),
    QuoteSpec("q-steadfast-meaning", "p06", "所谓坚定不移,是面对困难、挑战或压力时,始终保持决心和信念,不轻易改变自己的立场或行动方向,"
     "体现出一个人一个地方的坚韧和果敢,是一种定力。", "reporters", _REPORTERS, [], ["sec-goals"]),
    QuoteSpec("q-certainty", "p16", "以工作的确定性应对形势变化的不确定性", "report", _REPORT_INFERRED, [], ["sec-cadre"],
              "inferred"),
    QuoteSpec("q-fighting-spirit", "p16", "越是艰险越向前", "reporters", _REPORTERS, [], ["sec-cadre"]),
    QuoteSpec("q-solutions", "p16", "以“有解”思维开辟“优解”路径", "report", _REPORT_INFERRED, [], ["sec-cadre"], "inferred"),
    QuoteSpec("q-real-economy-root", "p17", "培育壮大实体经济,加快主导产业“膨胀”发展是坚定不移稳增长,奋力推动经济回升向好走在前的“根”",
     "report", _REPORT, [("g1-growth", A)], ["sec-tasks-2024"]),
    QuoteSpec("q-finance-industry", "p19", "“金融链”通“产业脉”,推动动能迭代和改革创新走在前。", "reporters", _REPORTERS,
     [("g2-momentum", A), ("g3-vitality", A)], ["sec-tasks-2024"]),
    QuoteSpec("q-livelihood-happiness", "p20", "民生是群众最大的幸福指数", "reporters", _REPORTERS, [("g8-wellbeing", A)],
     ["sec-tasks-2024"]),
    QuoteSpec("q-success-attitude", "p21", "如果说“功成不必在我”是种胸襟,那么“功成必定有我”就是一种态度。", "reporters",
     _REPORTERS, [], ["sec-closing"]),
    QuoteSpec("q-cai-hard-work", "p22", "道阻且长,行则将至;任重千钧,唯有实干。", "district_head", "区长蔡华刚", [],
     ["sec-closing"]),
    QuoteSpec("q-promising-future", "p22", "临淄,未来可期!", "reporters", _REPORTERS, [], ["sec-closing"]),
]

# Named things: EntitySpec(id, kind, paragraph, exact name, roles, goals, sections, note, before, note_en).
L = "livelihood_project"
_GARBLED = ("新开壶力企业(疑为新开户潜力企业)",)
_GARBLED_NOTE = ("原文所述角色有误,见“新开壶|力企业”的误读记录", "role garbled in the source; see the misreading of 新开壶|力企业")
ENTITIES = [
    EntitySpec("lp-jiaoji-station", L, "p20", "胶济客专临淄火车站改造工程", ["民生实事"], [("g8-wellbeing", A), ("g4-coordination", E)],
     ["sec-livelihood"], "名称跨越移位的一段(胶济|客专……)", "", "the name spans the moved passage (胶济 | 客专…)"),
    EntitySpec("lp-medical-centre", L, "p20", "区医疗中心(区人民医院新院区)", ["民生实事"], [("g8-wellbeing", A)], ["sec-livelihood"], ""),
    EntitySpec("lp-exam-school-cooling", L, "p20", "考点学校“清凉工程”(一期)", ["民生实事"], [("g8-wellbeing", A)], ["sec-livelihood"],
     "", "、"),
    EntitySpec("lp-funeral-centre", L, "p20", "区殡仪服务中心", ["民生实事"], [("g8-wellbeing", A)], ["sec-livelihood"], ""),
    EntitySpec("lp-kindergarten-expansion", L, "p20", "区幼儿园扩容工程", ["民生实事"], [("g8-wellbeing", A)], ["sec-livelihood"], ""),
    EntitySpec("lp-urban-roads", L, "p20", "城区道路畅通工程", ["民生实事"], [("g8-wellbeing", A), ("g4-coordination", E)],
     ["sec-livelihood"], ""),
    EntitySpec("lp-union-service-complex", L, "p20", "区工会惠工服务综合体", ["民生实事"], [("g8-wellbeing", A)], ["sec-livelihood"], ""),
    EntitySpec("prj-refinery-upgrade", "project", "p18", "鲁油鲁炼转型升级", ["重大项目"], [("g1-growth", A)], ["sec-tasks-2024"], ""),
    EntitySpec("prj-alkane-use", "project", "p18", "烷烃综合利用", ["重大项目"], [("g1-growth", A)], ["sec-tasks-2024"], ""),
    EntitySpec("prj-nylon-phase2", "project", "p18", "尼龙新材料二期", ["重大项目"], [("g1-growth", A)], ["sec-tasks-2024"], ""),
    EntitySpec("prj-robot-park", "project", "p18", "现代工业机器人产业园", ["新兴产业"], [("g1-growth", A), ("g2-momentum", E)],
     ["sec-tasks-2024"], ""),
    EntitySpec("prj-aubo-robot-base", "project", "p18", "遨博协作机器人产业基地", ["新兴产业"], [("g1-growth", A), ("g2-momentum", E)],
     ["sec-tasks-2024"], "原文印作“邀博”,为形近误字;见误读记录", "", "printed 邀博, a look-alike misprint; see the misreading"),
    EntitySpec("prj-xinchuang-base", "project", "p18", "信创基地", ["新兴产业"], [("g1-growth", A), ("g2-momentum", E)],
     ["sec-tasks-2024"], ""),
    EntitySpec("prj-connected-cars-phase2", "project", "p18", "智能网联汽车二期项目", ["新兴产业"],
     [("g1-growth", A), ("g2-momentum", E)], ["sec-tasks-2024"], ""),
    EntitySpec("prj-aite-crossborder-park", "project", "p19", "爱特云翔跨境产业园", ["跨境电商"], [("g3-vitality", A)],
     ["sec-tasks-2024"], ""),
    EntitySpec("prj-xuegong-campus", "project", "p20", "雪宫教育集团学府校区改造", ["教育"], [("g8-wellbeing", A)], ["sec-tasks-2024"], ""),
    EntitySpec("park-three-zones-ten-parks", "park", "p07", "“三区十园”", ["园区体系"], [("g1-growth", E)], ["sec-results-2023"], ""),
    EntitySpec("park-qilu-chemical", "park", "p07", "齐鲁化工区", ["化工园区"], [("g1-growth", E)], ["sec-results-2023"],
     "在全省率先实现扩区", "", "first in the province to expand its area"),
    EntitySpec("park-linzi-edz", "park", "p07", "临淄经开区", ["经济开发区"], [("g3-vitality", E)], ["sec-results-2023"], ""),
    EntitySpec("park-specialised", "park", "p07", "石化装备、专用化学品、高分子等专业园区", ["专业园区"], [("g1-growth", E)],
     ["sec-results-2023"], ""),
    EntitySpec("ent-qilu-petrochemical", "enterprise", "p18", "齐鲁石化", ["链主企业"], [("g1-growth", A)], ["sec-tasks-2024"], ""),
    EntitySpec("ent-xintai-petrochemical", "enterprise", "p18", "鑫泰石化", ["链主企业", "外贸龙头企业"],
     [("g1-growth", A), ("g3-vitality", A)], ["sec-tasks-2024"], "在谈拓展开放的一段中又作为外贸龙头企业出现", "",
     "named again, in the paragraph on opening up, as a leading foreign-trade firm"),
    EntitySpec("ent-tianchen-qixiang", "enterprise", "p18", "天辰齐翔", ["链主企业"], [("g1-growth", A)], ["sec-tasks-2024"], ""),
    EntitySpec("ent-bluesail-medical", "enterprise", "p19", "蓝帆医疗", ["外贸龙头企业"], [("g3-vitality", A)], ["sec-tasks-2024"], ""),
    EntitySpec("ent-huixin-dacheng", "enterprise", "p19", "汇信大成", list(_GARBLED), [("g3-vitality", A)],
     ["sec-tasks-2024"], _GARBLED_NOTE[0], "", _GARBLED_NOTE[1]),
    EntitySpec("ent-runhan-bio", "enterprise", "p19", "润涵生物", list(_GARBLED), [("g3-vitality", A)],
     ["sec-tasks-2024"], _GARBLED_NOTE[0], "", _GARBLED_NOTE[1]),
    EntitySpec("ent-intco", "enterprise", "p19", "英科", ["跨境电商布局企业"], [("g3-vitality", A)], ["sec-tasks-2024"], ""),
    EntitySpec("ent-yinuowei", "enterprise", "p19", "一诺威", ["跨境电商布局企业"], [("g3-vitality", A)], ["sec-tasks-2024"], ""),
    EntitySpec("prog-456-chains", "programme", "p19", "“456”产业链群", ["招商"], [("g3-vitality", A)], ["sec-tasks-2024"], ""),
    EntitySpec("prog-tech-upgrade", "programme", "p18", "新一轮技术改造专项行动", ["技术改造"], [("g1-growth", A), ("g2-momentum", E)],
     ["sec-tasks-2024"], ""),
    EntitySpec("prog-universal-insurance", "programme", "p20", "全民参保计划", ["社会保障"], [("g8-wellbeing", A)], ["sec-tasks-2024"], ""),
    EntitySpec("prog-qihuibao", "programme", "p20", "“齐惠保”", ["社会保障"], [("g8-wellbeing", A)], ["sec-tasks-2024"], ""),
    EntitySpec("prog-exam-school-cooling", "programme", "p20", "考点学校“清凉工程”", ["教育"], [("g8-wellbeing", A)],
     ["sec-tasks-2024"], "也是一件民生实事(一期)", "实施", "also a livelihood project (一期)"),
    EntitySpec("prog-house-land-titles", "programme", "p10", "农村“房地一体”确权登记", ["确权登记"], [("g5-rural", E)],
     ["sec-rural-environment"], ""),
    EntitySpec("prog-smart-grid", "programme", "p08", "智慧网格", ["社会治理"], [("g8-wellbeing", E)], ["sec-bottom-line"], ""),
    EntitySpec("prog-mediation-centre", "programme", "p08", "一站式矛调中心", ["社会治理"], [("g8-wellbeing", E)], ["sec-bottom-line"], ""),
    EntitySpec("prog-smart-campus", "programme", "p07", "中小学智慧校园建设", ["教育"], [("g8-wellbeing", E)], ["sec-results-2023"], ""),
    # Mechanisms and reforms the article names (point 13).
    EntitySpec("mech-grid-standards", "mechanism", "p08", "网格管理标准化、标签化", ["社会治理"], [("g8-wellbeing", E)],
     ["sec-bottom-line"], ""),
    EntitySpec("mech-closed-loop", "mechanism", "p16", "清单化交办、项目化推进、销号式管理闭环落实机制", ["干部作风"], [],
     ["sec-cadre"], ""),
    EntitySpec("mech-bank-roadshow", "mechanism", "p19", "重点项目银企路演机制", ["金融"], [("g2-momentum", A), ("g3-vitality", A)],
     ["sec-tasks-2024"], ""),
    EntitySpec("mech-platform-reform", "mechanism", "p19", "国有平台公司市场化转型", ["国资国企改革"], [("g3-vitality", A)],
     ["sec-tasks-2024"], ""),
    EntitySpec("mech-soe-oversight", "mechanism", "p19", "国企出资、投资项目全过程监管机制", ["国资国企改革"], [("g3-vitality", A)],
     ["sec-tasks-2024"], ""),
    EntitySpec("mech-per-mu-yield", "mechanism", "p19", "亩产效益评价机制", ["要素配置"], [("g3-vitality", A)],
     ["sec-tasks-2024"], ""),
    # Places (point 13).
    EntitySpec("place-wuhe-dongsha", "place", "p11", "乌河东沙断面", ["水质监测断面"], [("g6-ecology", E)], ["sec-rural-environment"],
     "水质首次达到优良水体", "", "its water quality reached 'good' for the first time"),
    # Honours held.
    EntitySpec("hon-governance-pilot", "honour", "p08", "全国社会治理综合标准化试点", ["国家级"], [],
     ["sec-honours", "sec-bottom-line"], "由智慧网格入选", "", "won by 智慧网格"),
    EntitySpec("hon-safe-shandong", "honour", "p08", "平安山东创建示范活动表现突出的区县", ["省级"], [],
     ["sec-honours", "sec-bottom-line"], ""),
    EntitySpec("hon-agri-top10", "honour", "p12", "山东省现代农业十强县", ["省级"], [("g5-rural", E)], ["sec-honours"], ""),
    EntitySpec("hon-assessment-three-titles", "honour", "p12", "淄博市综合考核“三连冠”", ["市级"], [], ["sec-honours"], ""),
    EntitySpec("hon-site-review", "honour", "p12", "2023年全市上半年现场观摩点评第1名", ["市级"], [], ["sec-honours"], ""),
    EntitySpec("hon-supervision-incentive", "honour", "p12", "全省首批督查激励", ["省级"], [], ["sec-honours"], ""),
    EntitySpec("hon-double-top10", "honour", "p12", "工业、农业“双十强”区县", ["省级"], [("g1-growth", E), ("g5-rural", E)],
     ["sec-honours"], ""),
    EntitySpec("hon-transport-integration", "honour", "p12", "全国城乡交通运输一体化示范县", ["国家级"], [("g4-coordination", E)],
     ["sec-honours"], ""),
    EntitySpec("hon-rural-roads", "honour", "p12", "“四好农村路”全国示范县", ["国家级"], [("g5-rural", E)], ["sec-honours"], ""),
    EntitySpec("hon-resource-saving", "honour", "p12", "首批全国自然资源节约集约示范区", ["国家级"], [("g6-ecology", E)], ["sec-honours"],
     ""),
    # No goal link: the article gives culture and tourism (goal area 7) no figure or item, and a
    # science-popularisation honour is not culture and tourism (point 9).
    EntitySpec("hon-science-popularisation", "honour", "p12", "全国科普示范区", ["国家级"], [], ["sec-honours"], ""),
    # Rankings published by research bodies, not state honours (point 17).
    EntitySpec("hon-quality-top100", "honour", "p12", "全国高质量发展百强区", ["全国性排名"], [("g1-growth", E)], ["sec-honours"], ""),
    EntitySpec("hon-industry-top100", "honour", "p12", "中国工业百强区", ["全国性排名"], [("g1-growth", E)], ["sec-honours"], ""),
    EntitySpec("hon-strength-top100", "honour", "p12", "全国综合实力百强区", ["全国性排名"], [("g1-growth", E)], ["sec-honours"], ""),
    # Honours sought in 2024 (point 13): 争创, not yet held.
    EntitySpec("hon-sought-compulsory-education", "honour", "p20", "全国义务教育优质均衡发展区", ["争创", "国家级"],
     [("g8-wellbeing", A)], ["sec-tasks-2024"], "2024年争创的目标,尚未获得", "", "sought in 2024 (争创), not yet held"),
    EntitySpec("hon-sought-preschool", "honour", "p20", "学前教育普及普惠区", ["争创", "国家级"],
     [("g8-wellbeing", A)], ["sec-tasks-2024"], "2024年争创的目标,尚未获得", "", "sought in 2024 (争创), not yet held"),
    # Qualitative rank and "first" claims (point 14).
    EntitySpec("claim-supervision-most", "claim", "p12", "数量全市最多", ["全市最多"], [], ["sec-honours"],
     "5项工作获得全省首批督查激励,数量全市最多", "", "5 work items won the province's first supervision incentives, the most in the city"),
    EntitySpec("claim-education-leading", "claim", "p07", "优质均衡发展水平全省领先", ["全省领先"], [("g8-wellbeing", E)],
     ["sec-results-2023"], "义务教育优质均衡发展水平", "", "quality and balance of compulsory education"),
    EntitySpec("claim-villages-first", "claim", "p10", "在淄博市率先实现20万元以下村全部清零", ["全市率先"], [("g5-rural", E)],
     ["sec-rural-environment"], "集体收入20万元以下的村全部清零,在淄博市率先", "",
     "first in Zibo to have no village with collective income below 200,000 yuan"),
    EntitySpec("claim-chemical-zone-first", "claim", "p07", "在全省率先实现扩区", ["全省率先"], [("g1-growth", E)],
     ["sec-results-2023"], "齐鲁化工区在全省率先扩区", "", "齐鲁化工区 was the first chemical zone in the province to expand"),
    EntitySpec("claim-house-land-full", "claim", "p10", "全覆盖完成农村“房地一体”确权登记", ["全覆盖"], [("g5-rural", E)],
     ["sec-rural-environment"], "农村“房地一体”确权登记全覆盖", "", "house-and-land title registration covers every village"),
]

# fmt: on


TABLES = ReportTables(
    id="linzi-2024",
    raw_name="linzi-2024-article.raw.txt",
    out_name="linzi-2024.json",
    metadata=METADATA,
    drops=DROPS,
    paragraphs=PARAGRAPHS,
    join_notes=JOIN_NOTES,
    moves=MOVES,
    misreadings=MISREADINGS,
    goals=GOALS,
    goal_paragraph="p05",
    sections=SECTIONS,
    figures=FIGURES,
    derived=DERIVED,
    quotes=QUOTES,
    entities=ENTITIES,
)
