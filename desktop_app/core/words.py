"""The one bilingual table of domain words: what the data's codes and a document's parts are called.

Two systems of words, one rule:

* **Interface words** (menus, buttons, dialog texts) are Qt translations: ``self.tr()`` in the Qt
  layer, the ``.ts`` catalogue in ``resources/translations``.
* **Domain words** (a figure's kind, a modifier's meaning, a scope, a repair kind, the headings of a
  printed summary, the words drawn inside a chart) are here, keyed by :class:`Language`, because
  they are also written into documents (PDF, HTML, CSV) whose language is chosen apart from the
  interface's, and by code that has no Qt (the core, the command line).

Templates use ``str.format`` fields (``{n}``), filled in one pass, so a value that itself contains
``{n}`` or ``%1`` is never re-read. Full-width punctuation is written as escapes: editors fold it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from desktop_app.core.language import Language

_LP, _RP, _C, _CO, _SC = "\uff08", "\uff09", "\uff0c", "\uff1a", "\uff1b"

_TABLE: dict[str, tuple[str, str]] = {
    # Kinds of figure (IndicatorKind).
    "kind.achieved": ("实绩", "achieved"),
    "kind.estimate": ("预计", "estimate"),
    "kind.target": ("目标", "target"),
    "kind.rank": ("排名", "rank"),
    "kind.rank_change": ("排名变化", "rank change"),
    "kind.share": ("占比", "share"),
    "kind.count": ("数量", "count"),
    "kind.rate": ("比率", "rate"),
    "kind.bound": ("界限", "bound"),
    "kind.change": ("增减", "change"),
    "kind.derived": ("推算", "derived"),
    # What a modifier says about the value (ModifierMeaning).
    "meaning.exact": ("确数", "exact"),
    "meaning.lower_bound": ("下限", "at least"),
    "meaning.upper_bound": ("上限", "at most"),
    "meaning.approximate": ("约数", "approximate"),
    "meaning.aspiration": ("力争", "aspiration"),
    "meaning.aspiration_lower_bound": ("力争下限", "aspiration, at least"),
    "meaning.estimate": ("预计", "estimate"),
    "meaning.estimate_lower_bound": ("预计下限", "estimate, at least"),
    "meaning.eliminated": ("清零", "eliminated"),
    # Geographic frames (Scope).
    "scope.county": ("县", "county"),
    "scope.district": ("区", "district"),
    "scope.city": ("市", "city"),
    "scope.province": ("省", "province"),
    "scope.nation": ("全国", "nation"),
    # Certainty of a misreading.
    "certainty.high": ("高", "high"),
    "certainty.medium": ("中", "medium"),
    "certainty.low": ("低", "low"),
    # Repairs between the raw page and the repaired text (RepairKind).
    "repair.join": ("接续", "join"),
    "repair.move": ("移位", "move"),
    "repair.drop": ("删除版面元素", "drop"),
    "repair.misreading": ("误植", "misreading"),
    "repair.punctuation": ("标点", "punctuation"),
    "repair.linebreak": ("断行", "line break"),
    "repair.invisible": ("不可见字符", "invisible character"),
    "repair.digits": ("全角数字", "full-width digits"),
    "repair.furniture": ("版面元素", "page furniture"),
    "repair_note.join": ("跨栏接续", "Joined across a column break"),
    "repair_note.move": ("移回阅读顺序", "Moved into reading order"),
    "repair_note.drop": ("作为版面元素删除", "Dropped as page furniture"),
    "repair_note.misreading": ("误植", "Misreading"),
    "repair_note.punctuation": ("恢复全角标点", "Punctuation restored"),
    "repair_note.linebreak": ("删去段内断行", "Line break inside a paragraph removed"),
    "repair_note.invisible": ("删去不可见字符", "Invisible character removed"),
    "repair_note.digits": ("全角数字改为半角", "Full-width digits written as ASCII"),
    "repair_note.furniture": (
        "作为页眉页脚等删除",
        "Dropped as a header, footer or page number",
    ),
    # Named things (EntityKind): singular and as a heading.
    "entity.livelihood_project": ("民生实事", "livelihood project"),
    "entity.project": ("项目", "project"),
    "entity.park": ("园区", "park"),
    "entity.enterprise": ("企业", "enterprise"),
    "entity.programme": ("工作举措", "programme"),
    "entity.honour": ("荣誉", "honour"),
    "entity.place": ("地点", "place"),
    "entity.claim": ("排名与领先表述", "claim"),
    "entity.mechanism": ("机制", "mechanism"),
    "entities.livelihood_project": ("民生实事项目", "Livelihood projects"),
    "entities.project": ("重点项目", "Projects"),
    "entities.park": ("园区", "Parks"),
    "entities.enterprise": ("企业", "Enterprises"),
    "entities.programme": ("工作举措", "Programmes"),
    "entities.honour": ("荣誉", "Honours"),
    "entities.place": ("地点", "Places"),
    "entities.claim": ("排名与领先表述", "Rank and leadership claims"),
    "entities.mechanism": ("机制与改革", "Mechanisms and reforms"),
    # Who links an item to a goal area (LinkBasis).
    "basis.article": ("报道原文", "article"),
    "basis.editorial": ("编者判断", "editorial"),
    # Figures in running text.
    "figure.derived_marker": ("≈", "≈"),
    "figure.range": ("舍入允许的范围", "range rounding allows"),
    "figure.range_text": ("舍入允许的范围 {low}–{high}", "range rounding allows {low}–{high}"),
    "figure.lower_is_better": ("越小越好", "lower is better"),
    # A figure whose text has no modifier word (20万元以下村全部清零): — in the word's place, and its
    # meaning labelled as a meaning, never written as if it were the word (presentation.modifier_text).
    "figure.no_modifier": ("\u2014", "\u2014"),
    "figure.meaning_only": (f"含义{_CO}{{meaning}}", "meaning: {meaning}"),
    "figure.year": ("{year}年", "{year}"),
    "figure.unreviewed": ("未审核", "unreviewed"),
    "figure.unreviewed_tag": ("\u3014未审核\u3015", "[unreviewed] "),  # before the name: never elided
    # A figure listed by name (the goal tree): 规上工业总产值：2504 亿元〔预计〕; a count after a label.
    "figure.listed": (f"{{name}}{_CO}{{value}}", "{name}: {value}"),
    "figure.kind_tag": ("\u3014{kind}\u3015", " [{kind}]"),
    "figure.count": (f"{_LP}{{n}}{_RP}", "  ({n})"),
    "figure.unreviewed_note": (
        f"标有\u201c未审核\u201d的数据由导入程序提出{_C}尚未经人核对{_C}仅供参考。",
        "Figures marked \u201cunreviewed\u201d were proposed by the importer and have not been checked"
        " by a person; read them with care.",
    ),
    "figure.unreviewed_left_out": (
        f"另有 {{n}} 项待审核数据未列入{_LP}未经核对{_RP}。",
        "{n} figures awaiting review are left out (not yet checked).",
    ),
    "figure.unreviewed_included": (
        f"含 {{n}} 项未审核数据{_LP}未经核对{_C}已标明{_RP}。",
        "Includes {n} unreviewed figures (not yet checked; marked as such).",
    ),
    # Whose report a dataset is (Level).
    "level.national": ("国家级", "national"),
    "level.province": ("省级", "province"),
    "level.city": ("市级", "city"),
    "level.district": ("区级", "district"),
    "level.county": ("县级", "county"),
    # A figure's review state (Review): whether a person checked it against the source.
    "review.proposed": ("待审核", "proposed"),
    "review.confirmed": ("已确认", "confirmed"),
    "review.rejected": ("已否决", "rejected"),
    # Where a passage stands in the source.
    "location.page_paragraph": ("第{page}版·第{paragraph}段", "page {page}, paragraph {paragraph}"),
    "location.paragraph": ("第{paragraph}段", "paragraph {paragraph}"),
    "location.in_section": ("{section} · {location}", "{section} · {location}"),
    # Charts: what an axis measures, and the words drawn inside a chart.
    "chart.amount": ("金额", "Amounts"),
    "chart.share": ("占比与比率", "Shares and rates"),
    "chart.rank": ("排名", "Rankings"),
    "chart.rank_change": ("排名变化", "Rank changes (places gained)"),
    "chart.count": ("数量", "Counts"),
    "chart.other": ("其他", "Other"),
    "chart.numbers": ("单项数字", "Single figures"),
    "chart.unit_lower": (f"{{unit}}{_LP}越小越好{_RP}", "{unit} (lower is better)"),
    "chart.with_range": (f"{{label}}{_LP}含范围{_RP}", "{label} (with range)"),
    "chart.unit_suffix": (f"{_LP}{{unit}}{_RP}", " ({unit})"),
    "chart.rank_unit": ("名次", "place"),
    "chart.places": ("位次", "places"),
    "chart.list_size": ("共{n}名", "list of {n}"),
    "chart.scope.district": ("区级", "district"),
    "chart.scope.county": ("县级", "county"),
    "chart.scope.city": ("市级", "city"),
    "chart.scope.province": ("省级", "province"),
    "chart.scope.nation": ("全国", "national"),
    "chart.bound": ("界限", "bound"),
    # Term trends across a collection (issue 15): what the trend chart and its table say.
    "trend.title": ("\u201c{query}\u201d每万字出现次数", "\u201c{query}\u201d per 10,000 characters"),
    "trend.axis": ("每万字次数", "per 10,000 characters"),
    "trend.hover": (
        f"{{year}}年{_CO}{{count}} 次{_C}共 {{characters}} 字{_C}每万字 {{rate}} 次",
        "{year}: {count} occurrences in {characters} characters, {rate} per 10,000",
    ),
    "chart.more": ("另有 {n} 项未画出", "{n} more not drawn"),
    "chart.source": (
        f"来源{_CO}{{title}}{_C}{{citation}}{_SC}数据集 {{dataset}}{_SC}Report Viewer 制图",
        "Source: {title}; {citation}; dataset {dataset}; chart by Report Viewer",
    ),
    # The chart of one series across years (Targets & outcomes): legend entries and hover lines.
    "target_chart.outcome": ("实际", "Outcome"),
    "target_chart.band": (f"目标{_LP}左右{_C}含容差{_RP}", "Target (approximately, with tolerance)"),
    "target_chart.floor": (f"目标下限{_LP}以上{_RP}", "Target floor (at least)"),
    "target_chart.ceiling": (f"目标上限{_LP}以内{_RP}", "Target ceiling (at most)"),
    "target_chart.point": ("目标", "Target"),
    "target_chart.hover_target": (f"{{year}}年目标{_CO}{{label}}", "{year} target: {label}"),
    "target_chart.hover_outcome": (f"{{year}}年实际{_CO}{{label}}", "{year} outcome: {label}"),
    "target_chart.band_range": (f"{_LP}容差范围 {{low}}–{{high}}{_RP}", " (tolerance {low}–{high})"),
    "target_chart.year": ("年份", "Year"),
    # The printed summary of targets and outcomes (issue 16), in the document's language.
    "targets_doc.title": ("目标与实绩对照", "Targets and outcomes"),
    "targets_doc.count": (f"共 {{pairs}} 项目标{_C}{{series}} 个系列", "{pairs} targets in {series} series"),
    "targets_doc.year": ("年份", "Year"),
    "targets_doc.target": ("目标", "Target"),
    "targets_doc.outcome": ("实际", "Outcome"),
    "targets_doc.verdict": ("判定与依据", "Verdict and rule"),
    "targets_doc.rules": ("判定规则", "Verdict rules"),
    "targets_doc.rule.met": (
        f"以上类目标实际不低于目标{_SC}以内类目标实际不高于目标{_SC}左右类目标与目标之差在容差以内{_C}"
        f"或在有优劣方向的指标上偏向较好的一侧{_SC}区间目标实际落在区间内",
        "at-least target: outcome ≥ target; at-most target: outcome ≤ target; approximately-target: within "
        "the series' tolerance, or outside it on the better side of a higher/lower-is-better series; "
        "range: inside it",
    ),
    "targets_doc.rule.missed": (
        f"实际在目标较差的一侧{_LP}未达以上类目标{_C}超出以内类目标{_C}或在容差之外偏向较差的一侧{_RP}",
        "worse than the target (below an at-least target, above an at-most target, or outside the "
        "tolerance on the worse side)",
    ),
    "targets_doc.rule.above": (
        f"无优劣方向的指标{_CO}实际高于目标加容差",
        "a series where neither direction is better: outcome above target + tolerance",
    ),
    "targets_doc.rule.below": (
        f"无优劣方向的指标{_CO}实际低于目标减容差{_LP}如居民消费价格涨幅0.2%对3%左右{_C}记为低于{_C}不算未达成{_RP}",
        "a series where neither direction is better: outcome below target − tolerance (CPI 0.2% "
        "against 3% approximately is below, not missed)",
    ),
    "targets_doc.rule.qualitative": (
        f"定性目标与后一报告的表述并列显示{_C}不作判断",
        "a text target beside the later report's words, not judged",
    ),
    "targets_doc.rule.consistent": (
        f"预算对预算{_CO}后一报告的比上年数据推得的上年预算与目标一致",
        "budget vs budget: the later report's comparison with last year implies the budgeted figure",
    ),
    "targets_doc.rule.no_outcome_stated": (
        f"后一年报告在库中{_C}但未写明该年结果{_LP}不作推测{_RP}",
        "the later report is in the library but states no outcome (never a guess)",
    ),
    "targets_doc.rule.no_later_report": (
        "库中没有后一年的报告",
        "the next year's report is not in the library",
    ),
    # Search: the fields a hit can be in (never shown as internal keys), and result words.
    "field.lead": ("目标要求", "goal aim"),
    "field.sentence": ("原文句子", "source sentence"),
    "field.name": ("名称", "name"),
    "field.name_en": ("英文名称", "English name"),
    "field.value": ("原文数值", "value as written"),
    "field.unit": ("单位", "unit"),
    "field.explanation": ("推算说明", "explanation"),
    "field.number": ("数值", "number"),
    "field.text": ("正文", "text"),
    "field.quote": ("论述", "quote"),
    "field.speaker": ("出处", "speaker"),
    "field.roles": ("类别", "role"),
    "field.title": ("标题", "title"),
    "field.title_en": ("英文标题", "English title"),
    "search.source_article": ("原文", "Source article"),  # as the tree's source node reads
    "search.count": (f"{{label}}{_LP}{{n}} 处{_RP}", "{label} ({n} found)"),
    "search.item_field": ("{item} · {field}", "{item} · {field}"),
    # How a term trend counts (core/library/trend.py), shown beside every trend chart, table and export.
    "trend.folding": (
        f"按检索的规则计数{_CO}繁简同字{_LP}說\uff1d说{_RP}、全角半角同形、字母不分大小写{_C}"
        f"不计空格、标点和换行{_SC}比率为每万字出现次数{_C}字数同样不计空格、标点和换行。",
        "Counted as search counts: traditional and simplified alike (說 = 说), full- and half-width "
        "alike, letters in any case, spaces, punctuation and line breaks ignored; the rate is "
        "occurrences per 10,000 characters, counted without spaces, punctuation and line breaks.",
    ),
    # A printed or exported summary (its own words, in the document's language).
    "doc.goals_default": ("主要任务", "Task areas"),
    "doc.goal": ("目标", "Goal area"),
    "doc.headline": ("主要数据", "Headline figures"),
    "doc.other_figures": ("其他数据", "Other figures"),
    "doc.figures": ("相关数据", "Figures"),
    "doc.figures_title": ("数据一览", "Figures"),
    "doc.stated_figures": (f"报道所载数据{_LP}{{n}} 项{_RP}", "Figures stated in the article ({n})"),
    "doc.derived_figures": (
        f"推算数据{_LP}{{n}} 项{_C}报道未直接给出{_RP}",
        "Derived figures ({n}, not stated in the article)",
    ),
    "doc.charts": ("图表", "Charts"),
    "doc.figure_n": ("图 {n}", "Figure {n}"),
    "doc.livelihood": ("民生实事项目", "Livelihood projects"),
    "doc.quotes": ("重要论述", "Key quotes"),
    "doc.related": ("相关项目与单位", "Related projects and bodies"),
    "doc.notes": ("注释", "Notes"),
    "doc.derived_notes": ("推算数据", "Derived figures"),
    "doc.misreading_notes": ("原文误植", "Misreadings in the source"),
    "doc.source": ("来源", "Source"),
    "doc.generated": (f"生成日期{_CO}{{date}}{_LP}{{app}}{_RP}", "Generated {date} by {app}"),
    "doc.name": ("指标", "Figure"),
    "doc.value": ("数值", "Value"),
    "doc.year": ("年份", "Year"),
    "doc.kind": ("类别", "Kind"),
    "doc.sentence": ("原文", "Source sentence"),
    "doc.count_figures": ("相关数据 {n} 项", "{n} figures"),
    "doc.meeting": (f"{{meeting}}{_C}{{date}}", "{meeting}, {date}"),
    "doc.presenter": ("{office} {name} 作报告", "presented by {office} {name}"),
    "doc.part_of": ("{title} · 目标 {order}", "{title} · goal area {order}"),
    "doc.page": ("第 {page} 页 / 共 {total} 页", "Page {page} of {total}"),
    "doc.misreading": (
        f"原文\u201c{{raw}}\u201d{_C}应读作\u201c{{reading}}\u201d{_LP}可信度{{certainty}}{_C}{{applied}}{_RP}",
        "the source has \u201c{raw}\u201d, read as \u201c{reading}\u201d ({certainty} certainty; {applied})",
    ),
    "doc.applied": ("已据此更正", "corrected"),
    "doc.not_applied": (f"未更正{_C}保留原文", "not corrected, the source text is kept"),
    "doc.no_figures": ("本目标没有相关数据。", "No figures are linked to this goal area."),
    "doc.no_items": ("无。", "None."),
    "doc.dataset": ("数据集 {id}", "dataset {id}"),
    "doc.paper_page": ("第 {page} 版", "page {page}"),
    "doc.editorial_mark": ("*", "*"),
    "doc.editorial_note": (
        f"* 由本数据集编者归入本目标{_C}报道原文并未将其与本目标直接关联。",
        "* Linked to this goal area by the dataset's editors; the article does not link it.",
    ),
    "doc.author": (f"{{app}} 数据集编者{_LP}数据集 {{id}}{_RP}", "{app} dataset editors (dataset {id})"),
    "doc.subject": (
        f"{{office}}{{name}}在{{meeting}}{_LP}{{date}}{_RP}上所作报告的摘要{_SC}来源{_CO}{{citation}}",
        "Summary of the report presented by {office} {name} to the {meeting} ({date}); source: {citation}",
    ),
    # Targets and outcomes (issue 16): verdicts, how a target is read, and the rules behind a verdict.
    "verdict.met": ("达成", "met"),
    "verdict.missed": ("未达成", "missed"),
    "verdict.above": ("高于目标", "above"),
    "verdict.below": ("低于目标", "below"),
    "verdict.qualitative": ("定性对照", "qualitative"),
    "verdict.consistent": ("预算一致", "consistent"),
    "verdict.no_outcome_stated": ("未写明结果", "no outcome stated"),
    "verdict.no_later_report": ("无后续报告", "no later report"),
    "semantics.approximately": ("约数目标", "approximately"),
    "semantics.at_least": ("下限目标", "at least"),
    "semantics.at_most": ("上限目标", "at most"),
    "semantics.aspiration": ("力争目标", "aspiration"),
    "semantics.ceiling": ("价格上限式目标", "ceiling"),
    "semantics.qualitative": ("定性目标", "qualitative"),
    "semantics.range": ("区间目标", "range"),
    "semantics.exact": ("确数目标", "exact"),
    "targets.basis.outcome": ("实际结果", "outcome"),
    "targets.basis.budget": ("预算对预算", "budget vs budget"),
    "direction.higher": ("越高越好", "higher is better"),
    "direction.lower": ("越低越好", "lower is better"),
    "direction.neither": ("无优劣方向", "neither direction is better"),
    "rule.within": (
        f"{{label}}{_CO}{{o}} 与 {{t}} 相差 {{d}}{_C}在容差 ±{{tol}} 以内",
        "{label}: {o} is {d} from {t}, within the tolerance ±{tol}",
    ),
    "rule.better_side": (
        f"{{label}}{_CO}{{o}} 在 {{t}} ±{{tol}} 之外{_C}但在较好的一侧{_LP}{{direction}}{_RP}",
        "{label}: {o} is outside {t} ±{tol}, on the better side ({direction})",
    ),
    "rule.worse_side": (
        f"{{label}}{_CO}{{o}} 在 {{t}} ±{{tol}} 之外{_C}在较差的一侧{_LP}{{direction}}{_RP}",
        "{label}: {o} is outside {t} ±{tol}, on the worse side ({direction})",
    ),
    "rule.above_tolerance": (
        f"{{label}}{_CO}{{o}} 高于 {{t}} +{{tol}}{_LP}{{direction}}{_C}记为高于{_C}不算未达成{_RP}",
        "{label}: {o} is above {t} + {tol} ({direction}: above, not missed)",
    ),
    "rule.below_tolerance": (
        f"{{label}}{_CO}{{o}} 低于 {{t}} −{{tol}}{_LP}{{direction}}{_C}记为低于{_C}不算未达成{_RP}",
        "{label}: {o} is below {t} − {tol} ({direction}: below, not missed)",
    ),
    "rule.at_least_met": (f"{{label}}{_CO}{{o}} ≥ {{t}}", "{label}: {o} ≥ {t}"),
    "rule.at_least_missed": (f"{{label}}{_CO}{{o}} < {{t}}", "{label}: {o} < {t}"),
    "rule.at_most_met": (f"{{label}}{_CO}{{o}} ≤ {{t}}", "{label}: {o} ≤ {t}"),
    "rule.at_most_missed": (f"{{label}}{_CO}{{o}} > {{t}}", "{label}: {o} > {t}"),
    "rule.exact_met": (f"{{label}}{_CO}{{o}} = {{t}}", "{label}: {o} = {t}"),
    "rule.inside_range": (f"{{label}}{_CO}{{o}} 在 {{t}} 之内", "{label}: {o} is inside {t}"),
    "rule.above_range": (
        f"{{label}}{_CO}{{o}} 高于 {{t}}{_LP}{{direction}}{_RP}",
        "{label}: {o} is above {t} ({direction})",
    ),
    "rule.below_range": (
        f"{{label}}{_CO}{{o}} 低于 {{t}}{_LP}{{direction}}{_RP}",
        "{label}: {o} is below {t} ({direction})",
    ),
    "rule.qualitative": (
        f"{{label}}{_CO}目标与后一报告的表述并列显示{_C}不作判断",
        "{label}: the target and the later report's words are shown side by side, not judged",
    ),
    "rule.units_differ": (
        f"单位不同{_LP}{{t}} 与 {{o}}{_RP}{_CO}并列显示{_C}不作判断",
        "units differ ({t} and {o}): shown side by side, not judged",
    ),
    "rule.budget_consistent": (
        f"预算对预算{_CO}后一报告推得上年预算 {{o}}{_LP}{{formula}}{_RP}{_C}与 {{t}} 一致",
        "budget vs budget: the later report implies last year's budget {o} ({formula}), as budgeted ({t})",
    ),
    "rule.budget_differs": (
        f"预算对预算{_CO}后一报告推得上年预算 {{o}}{_LP}{{formula}}{_RP}{_C}与 {{t}} 不一致",
        "budget vs budget: the later report implies last year's budget {o} ({formula}), not {t}",
    ),
    "rule.no_outcome_stated": (
        f"{{later}}年报告在库中{_C}但未写明{{year}}年的结果{_LP}不作推测{_RP}",
        "the {later} report is in the library but states no outcome for {year} (never a guess)",
    ),
    "rule.unreviewed_outcome": (
        f"{{later}}年报告对{{year}}年没有已审核的结果{_SC}未审核的数字{_LP}{{figure}}{_RP}不作依据",
        "the {later} report states no reviewed outcome for {year}; "
        "an unreviewed figure ({figure}) is not used",
    ),
    "rule.words_only": (
        f"{{later}}年报告对{{year}}年只有文字表述{_LP}{{words}}{_RP}{_C}没有数字{_C}不算写明结果",
        "the {later} report has only words for {year} ({words}), no figure: not a stated outcome",
    ),
    "rule.no_later_report": (
        f"库中没有{{later}}年的报告{_C}也没有写明{{year}}年结果的更晚报告",
        "no {later} report in the library, and no later report states the outcome for {year}",
    ),
}

WORDS: Mapping[str, tuple[str, str]] = MappingProxyType(_TABLE)
"""Every domain word as ``key → (Chinese, English)``."""


def word(key: str, lang: Language | str = Language.ZH) -> str:
    """The word or template for ``key`` in ``lang``.

    Raises:
        KeyError: ``key`` is not in the table (a programming error, not bad data).
    """
    zh, en = _TABLE[key]
    return zh if Language.from_tag(lang) is Language.ZH else en


def words(prefix: str, lang: Language | str = Language.ZH) -> dict[str, str]:
    """Every word under ``prefix.`` in ``lang``, keyed by the rest of its key (``doc.page`` → ``page``)."""
    start = prefix + "."
    return {key[len(start) :]: word(key, lang) for key in _TABLE if key.startswith(start)}
