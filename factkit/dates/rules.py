"""The rule table: a name, a pattern, a builder and anchors per rule (Duckling's rules)."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, cached_property
from typing import TypeAlias

import regex

from .builders import (build_rest_of_period, _build_year_part, build_context_day, build_day_of_month, build_decade,
                       build_first_months, build_full_date, build_lunar_date, build_month,
                       build_month_day, build_month_part, build_month_range,
                       build_new_years_day_lunar, build_plan_period, build_relative,
                       build_relative_month_day, build_republic_year, build_slash_month_day,
                       build_stem_branch, build_vague, build_year, build_year_month,
                       build_year_period, build_year_range, build_zodiac_year)
from .holidays import (SOLAR_TERMS, ALIAS_PATTERN, FESTIVAL_ALIASES, FESTIVAL_GUARDS, HOLIDAY_SPAN_PATTERN, SOLAR_TERM_PATTERN,
                       build_festival, build_holiday_span, build_national_day, build_solar_term,
                       national_day_pattern, SCHOOL_BREAK_PATTERN, FISCAL_YEAR_PATTERN,
                       build_school_break, build_fiscal_year)
from .clock import CLOCK_PATTERN, DAY_PART_PATTERN, build_clock, build_day_with_part
from .periods import (build_month_week, build_nth_weekday, build_offset, build_quarter_part,
                      build_weekday, build_weekend)
from .days import DateSpec, _alternation, _era_year, _eras, _festivals, _relative_table
from .patterns import (SEP_WORDS, _D, _D_CN, _LUNAR_DAY, _LUNAR_MONTH, _M, _M_CN, _REL_YEAR, _SEP, _SP,
                       _TRIGGER_WORDS, _Y2, _Y3, _Y3_CN, _Y4, _Y4_YEAR, _Y_CN, _first_char_guard,
                       _plain, _year_pattern)
from .scan import opens_with_literal, word_anchors

_COUNT = r"[1-9][0-9]{0,2}|[一二两三四五六七八九十百]{1,3}"
_WHICH_WEEK = r"上上个?|下下个?|上一个|下一个|上个?|下个?|本|这个?"


# a rule's builder: the match and the text to a date, or None when the match is no date
_Build: TypeAlias = "Callable[[regex.Match[str], str], DateSpec | None]"


class Rule:
    """A rule, compiled on first use: most texts need only a few of the rules."""

    def __init__(self, name: str, source: str, build: _Build, anchors: str,
                 words: tuple[str, ...] = (), screen: str | None = None) -> None:
        self.name = name
        self.source = source    # as written (possessive quantifiers, for the regex engine)
        self.build = build
        # whether the builder reads the text around its match; if not, its spec follows from
        # the match's groups and span alone
        self.reads_text = build in _READ_AROUND
        self.anchors = anchors  # characters one of which every match holds
        self.words = words      # words one of which a text must hold for a match
        # a small pattern every match holds a match of: a clause without one is skipped, and
        # a text without one never compiles the rule
        self.screen_source = screen
        # whether its stretches may be screened by one search going on from stretch to
        # stretch (scan.TextIndex._screened_by_skipping) rather than a search per stretch
        self.screen_opens_with_literal = screen is not None and opens_with_literal(screen)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        # The stdlib engine: these patterns have no nested repetition (so no catastrophic
        # backtracking) and it scans this kind of pattern about three times faster than regex.
        return re.compile(_plain(_first_char_guard(self.name) + self.source))

    @cached_property
    def screen(self) -> re.Pattern[str] | None:
        return re.compile(self.screen_source) if self.screen_source else None

    def __repr__(self) -> str:
        return f"Rule({self.name!r})"


# Builders that read the text around their match: a year or a part of day written before it
# (2025年春节, 下午3点), 民国 or Taiwan words elsewhere (115年). Every other builder reads
# only its match's groups (tests/test_dates_settling.py checks it from their code), so the
# extractor builds one spec per distinct match of a text and places copies of it.
_READ_AROUND: frozenset[_Build] = frozenset({
    build_republic_year, build_quarter_part, build_clock, build_festival, build_solar_term,
    build_holiday_span, build_national_day, build_school_break, build_fiscal_year})


# Characters one of which every match of a rule holds (tests/test_dates_scan.py proves each
# set from the pattern). A rare character makes a rule cheap: it is tried only in the clauses
# that hold one.
_ANCHORS = {
    "full date": "月", "numeric date": "-./", "short numeric date": "-",
    "month-first numeric date": "/", "day-first numeric date": "-./",
    # 19 or 20 opens every compact date: the anchors of a bare year, rarer together than 0, 1
    "compact date": "09",
    "month/day": "/", "spaced numeric date": " ", "year month": "月", "month day": "月",
    "day of this month": "月", "year": "年", "republic year": "年", "bare year": "09",
    "month": "月", "day of month": "号日", "lunar date": "月", "大年初一": "年",
    "holiday span": "假周", "national day": "庆",
    "school break": "假", "fiscal year": "财计", "stem-branch year": "甲乙丙丁戊己庚辛壬癸",
    "zodiac year": "鼠牛虎兔龙蛇马羊猴鸡狗猪",
    "period of a year": "年", "period of a year (alone)": "冬夏季岁年春秋", "今年初": "年",
    "month part": "月", "旬": "旬", "month range": "月", "year range": "年",
    "year range (从)": "从", "clock": ":时時点钟點：", "day with part": "夜早晚晨",
    "weekend": "末", "context day": "夜天日晚", "rest of period": "内", "vague": "久日近",
    "weekday": "周拜星", "offset": "内前后来", "span until now": "周天年月星", "nth weekday": "周拜星",
    "month week": "周拜星", "quarter part": "季", "first months": "月", "plan period": "五",
    "decade": "代",
}
_NUMERAL = "[0-9一二两三四五六七八九十百]"
# what never follows a month standing alone (3月5日 is a day, 5月亮 no month at all)
_NOT_AFTER_MONTH = "[0-9日号亮光球饼薪嫂子]"
_MONTH_NUMBER = "[0-9一二三四五六七八九十]{1,2}"
_DAY_START = "[0-9一二三四五六七八九十廿卅]"
_SEP_CHAR = "[" + regex.escape("".join(sorted({c for word in SEP_WORDS for c in word}))) + "]"
# Screens: for the rules that cost most to compile or to scan, a part every match holds: a
# clause holding none is not scanned, and a text holding none does not compile the rule. The
# engine finds a screen fast when every branch of it opens with a literal character (best one
# rare, as 年): it then skips from candidate to candidate, where a pattern opening with a
# lookaround or an optional part is tried at every position. So a clause dense with anchors
# that make no date (1年1年…) costs a screen's quick scan. (The scanner test checks that
# screened rules find what a whole-text scan finds.)
# Rules whose every match holds one of their trigger words (patterns._TRIGGER_WORDS): the
# words screen their clauses, which costs a short search per clause holding an anchor, where
# the check for the words in the whole text costs a pass over all of it per word (the
# scanner needs no check at all: a stretch that passes the screen holds one of them).
_WORDS_IN_EVERY_MATCH = ("holiday span", "national day", "school break", "fiscal year",
                         "weekend", "context day", "rest of period", "decade", "大年初一")
_SCREENS = {
    "full date": rf"年[ \t]*{_MONTH_NUMBER}[ \t]*月[ \t]*{_DAY_START}",
    "year month": rf"年[ \t]*{_MONTH_NUMBER}[ \t]*月",
    "month day": rf"[0-9一二三四五六七八九十][ \t]*月[ \t]*{_DAY_START}",
    "day of month": "[0-9一二三四五六七八九十][日号]",
    "lunar date": "月(?:初|十|二十|廿|三十|卅)", "month part": "旬|月[初底末]",
    # opening with the separator (digits, which open the range, are everywhere in dates),
    # then what stands before it: a numeral, 月, a space or the first half of ——
    "month range": rf"{_SEP_CHAR}(?<=[{_NUMERAL[1:-1]}月 \t—]{_SEP_CHAR})[ \t]*{_NUMERAL}",
    # 月 followed by what may follow a month (月份 included: 份 is not in the class)
    "month": f"月(?!{_NOT_AFTER_MONTH})",
    "first months": "[前首](?:[1-9][0-9]?|[一二两三四五六七八九十]{1,2})个?月",
    "今年初": "年[初中底末]",
    "clock": r"[0-9零一二两三四五六七八九十][ \t]*[时点點時]|[0-9][:：][0-5][0-9]",
    "solar term": "|".join(SOLAR_TERMS), "nth weekday": "个(?:星期|周|礼拜)",
    "month week": "(?:第[一二三四五1-5]|最后一)(?:周|个?星期|个?礼拜)",
    # every branch opens with a literal: a class first would be tried at every position. A
    # season alone is one with what opens or closes it (初春, 春天; 春季 holds 季): 春 alone
    # is mostly in other words (春节, 新春, 长春)
    "period of a year (alone)": "季|半年|全年|年[初中底末终尾]|岁[末初尾]|"
                                + "|".join(f"{opening}[春夏秋冬]" for opening in "初早深晚暮盛仲隆")
                                + "|春天|夏天|秋天|冬天",
    # the separators with the month between them (decimals, 5.2%, hold one at most), and
    # the spaces around the month of a spaced date
    "numeric date": "[-/.][0-9]{1,2}[-/.][0-9]", "day-first numeric date": "[-/.][0-9]{1,2}[-/.][0-9]",
    "spaced numeric date": " (?:0[1-9]|1[0-2]) [0-3]", "year range (从)": "从[ \t]*[0-9]{4}",
    "bare year": "(?:19|20)[0-9]{2}[，,]", "compact date": "(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])",
    "vague": "近|日前|不久", "year range": "[—–~～至到-]",
    # the unit (or 半, 多) right before the direction word: 三天后, 3年多以来, 一年半以前
    "offset": "[天日年月周期拜半多][ \t]*[以之前后来内]",
    "zodiac year": "年(?<=[鼠牛虎兔龙蛇马羊猴鸡狗猪]年)",
    # two or three digits before 年, not the end of a four-digit year
    "republic year": "年(?<=[0-9][0-9]年)(?<![0-9]{4}年)",
    # after the year or 今年/去年…, what a period opens with (第一季度, 上半年, 年底, 初春)
    "period of a year": "年[ \t]*的?(?:[第首前上下全年岁初早深晚暮盛仲隆寒春夏秋冬]|[一二三四1-4]季)",
    "span until now": "(?:近|过去|最近|前|上|未来|今后|接下来|往后|后|下)[ \t]*[1-9一二两三四五六七八九十百半]",
    "quarter part": "季(?:度?[初中末底]|(?<=个季)度)",
    "day of this month": "月(?<=[本上下当个]月)[0-9一二三四五六七八九十廿卅]",
    "weekday": "(?:星期|周|礼拜)[一二三四五六日天]",
}


def _year_screen() -> str:
    """What stands right before the 年 of a year: two digits (2026年, 07年, 公元367年), a
    Chinese numeral or 元 (二〇二六年, 两千年, 民国元年), a space (2026 年), or one digit after
    an era's name (民国9年); never a lone digit, as in 1年 (a length of time)."""
    era_ends = "".join(sorted({era[-1] for era in _eras()}))
    return (f"年(?:(?<=[0-9][0-9]年)|(?<=[〇零一二三四五六七八九十百千元 \t]年)"
            f"|(?<=[{era_ends}][1-9]年))")


# 前年 and 后年 are the year before last and the year after next, except where 前/后 closes a
# word and 年 opens an annual measure (年产值, 年均, 年销售收入): 此前年均增长, 建成后年产值.
# Words ending in 前 are few (目前, 此前, 之前, 以前): only they are checked, for a subject
# stands before 前年 as often (公司前年营业收入). Any verb ends in 后 (建成后, 投产后): every
# Han character is, but the words that lead to a time (较, 到, 预计后年产量). Hand-typed from
# the phrasing of project and statistics news (no lexicon lists the nouns 年 opens or the
# words that end in 前 or lead to a time).
_ANNUAL_MEASURE = ("产|均|销售|销量|收入|营业|营收|利润|利税|纳税|税收|处理|发电|接待|节约|节省"
                   "|减少|减排|增加|新增|吞吐|运量|运输|供|需求|用电|用水|耗|排放|总|出口|进口"
                   "|交易|客流|游客|旅客|培训|服务")
# (written after the word, so that the rule's pattern still opens with its literal words)
_YEAR_WORD_GUARDS = {
    "前年": rf"(?:(?<![目此之以提当日事空先从眼]前年)|(?!{_ANNUAL_MEASURE}))",
    "后年": rf"(?:(?<![\u4e00-\u9fff]后年)|(?<=[到至和及与或较比同跟为是在于从自截计等而但即并]后年)"
            rf"|(?!{_ANNUAL_MEASURE}))",
}


@cache
def _rules() -> tuple[Rule, ...]:
    year = _year_pattern()
    festivals = "|".join(FESTIVAL_GUARDS.get(w, ("", ""))[0] + regex.escape(w)
                         + FESTIVAL_GUARDS.get(w, ("", ""))[1]
                         for w in sorted(_festivals(), key=len, reverse=True))
    relative = "|".join(regex.escape(w) + _YEAR_WORD_GUARDS.get(w, "") for w in
                        sorted((w for w in _relative_table() if w != "当年"), key=len, reverse=True))
    year_prefix = rf"(?:(?P<y>{year}){_SP}年{_SP}|(?P<rel>{_REL_YEAR}){_SP})"
    season = r"(?:初|早|深|晚|暮|盛|仲|隆|寒)?[春夏秋冬](?:天|季|日)?"
    season_alone = r"(?:初|早|深|晚|暮|盛|仲|隆)[春夏秋冬](?![节风雨雪])|[春夏秋冬](?:天|季)"
    periods = (r"(?:第?[一二三四1-4]季度|首季度?|前[二两三]季度|上半年|下半年|全年(?!红)|年初|年中"
               r"|年底|年末|岁末|岁初|年终|岁尾|年尾)(?![”\"」]?(?:牌|品牌|系列))")
    rules: list[tuple[str, str, _Build]] = [
        ("full date", rf"(?P<y>{year}|{_Y3}|{_Y3_CN}){_SP}年{_SP}(?P<m>{_M}|{_M_CN}){_SP}月{_SP}"
                      rf"(?P<d>{_D}(?={_SP}[日号])|{_D_CN})(?:{_SP}[日号]|(?![一二三四五六七八九十日号]))",
         build_full_date),
        ("numeric date", rf"(?<![0-9.])(?P<y>[0-9]{{4}})(?P<s>[-/.])(?P<m>{_M})(?P=s)"
                         rf"(?P<d>{_D})(?![0-9])", build_full_date),
        # 12-11-10 is year-month-day (the Chinese order) before it is day-month-year
        ("short numeric date", rf"(?<![0-9.\-])(?P<y>[0-9]{{2}})-(?P<m>{_M})-(?P<d>{_D})"
                               r"(?![0-9\-])",
         build_full_date),
        # 25/12/2019, 25.12.2019, 1/2/2020 (day first, as Recognizers reads Chinese text);
        # month first only where the day cannot be a month (12/25/2019, the American order)
        ("month-first numeric date", rf"(?<![0-9./])(?P<m>{_M})/(?P<d>1[3-9]|2[0-9]|3[01])/"
                                     rf"(?P<y>[0-9]{{4}})"
                                     rf"(?![0-9./])", build_full_date),
        ("day-first numeric date", rf"(?<![0-9.])(?P<d>{_D})(?P<s>[-/.])(?P<m>{_M})(?P=s)"
                                   rf"(?P<y>[0-9]{{4}}|[0-9]{{2}})(?![0-9.])", build_full_date),
        ("compact date", r"(?<![0-9A-Za-z#号码.\-])(?P<y>(?:19|20)[0-9]{2})(?P<m>0[1-9]|1[0-2])"
                         r"(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9.%元万亿个人次吨])", build_full_date),
        ("month/day", rf"(?<![0-9./\-:A-Za-z])(?P<m>{_M})/(?P<d>{_D})(?![0-9./%\-:])",
         build_slash_month_day),
        ("spaced numeric date", r"(?<![0-9])(?P<y>1[0-9]{3}|20[0-9]{2}) (?P<m>0[1-9]|1[0-2]) "
                                r"(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])", build_full_date),
        ("year month", rf"(?P<y>{year}){_SP}年{_SP}(?P<m>{_M}(?![0-9])|{_M_CN}){_SP}月(?:份)?",
         build_year_month),
        ("month day", rf"(?:(?P<rel>{_REL_YEAR}))?(?<![0-9个])(?P<m>{_M}(?![0-9])|{_M_CN}){_SP}月"
                      rf"{_SP}(?P<d>{_D}(?![0-9])(?={_SP}[日号])|{_D_CN})(?:{_SP}[日号]|"
                      rf"(?![\u4e00-\u9fff]))", build_month_day),
        ("day of this month", rf"(?:(?P<rel>{_REL_YEAR}))?(?P<relm>本月|上月|下月|当月|上个月|下个月)"
                              rf"(?P<d>{_D}(?![0-9])|{_D_CN})(?:日|号)", build_relative_month_day),
        ("year", rf"(?P<y>{_Y4_YEAR}|{_Y_CN}|{_Y2}|{_Y3}|{_era_year()}){_SP}年(?:度)?(?![代纪级轻])",
         build_year),
        ("republic year", rf"(?<![0-9.国])(?P<y>[1-9][0-9]{{1,2}})年(?![代纪级前后来间里内多余度历的之])"
                          rf"(?:{_SP}(?P<m>{_M}|{_M_CN}){_SP}月"
                          rf"(?:{_SP}(?P<d>{_D}|{_D_CN}){_SP}[日号])?)?",
         build_republic_year),
        ("bare year", r"(?:^|(?<=[。！？\n]))(?P<y>(?:19|20)[0-9]{2})(?=[，,])", build_year),
        ("month", rf"(?:(?P<rel>{_REL_YEAR}))?(?<![0-9.个数几多每第—\-~至到])(?P<m>{_M}(?![0-9])|"
                  rf"{_M_CN}|正|腊|冬){_SP}月(?:份)?(?!{_NOT_AFTER_MONTH})", build_month),
        ("day of month", rf"(?<![0-9月年.个第每数几近一二三四五六七八九十])(?P<d>{_D}(?![0-9])|"
                         rf"{_D_CN}(?<=[一二三四五六七八九十][一二三四五六七八九十]))(?:日|号)"
                         r"(?![游内来后前之以元线楼院文机站馆令门房车台位])", build_day_of_month),
        ("lunar date", rf"(?P<nl>农历|阴历)?(?:(?P<y>{year}){_SP}年{_SP})?(?P<nl2>农历|阴历)?"
                       rf"(?P<lm>{_LUNAR_MONTH})月(?P<ld>{_LUNAR_DAY})(?!日|号)", build_lunar_date),
        ("大年初一", rf"(?:(?P<y>{year}){_SP}年{_SP})?大年(?P<ld>初[一二三四五六七八九十]|三十)",
         build_new_years_day_lunar),
        ("festival", rf"(?P<f>{festivals}|{ALIAS_PATTERN})", build_festival),
        ("solar term", rf"{SOLAR_TERM_PATTERN}", build_solar_term),
        ("holiday span", rf"{HOLIDAY_SPAN_PATTERN}", build_holiday_span),
        ("national day", rf"{national_day_pattern()}", build_national_day),
        ("school break", rf"{SCHOOL_BREAK_PATTERN}", build_school_break),
        ("fiscal year", rf"(?P<y>{year}){_SP}{FISCAL_YEAR_PATTERN}", build_fiscal_year),
        ("stem-branch year", r"(?P<stem>[甲乙丙丁戊己庚辛壬癸])(?P<branch>[子丑寅卯辰巳午未申酉戌亥])"
                             r"(?P<zod>[鼠牛虎兔龙蛇马羊猴鸡狗猪])?年", build_stem_branch),
        ("zodiac year", r"(?<![甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])(?P<zod>[鼠牛虎兔龙蛇马羊猴鸡狗猪])年"
                        r"(?![代纪级轻])", build_zodiac_year),
        # 2027年第二季: Hong Kong and Taiwan write the quarter without 度; only after a year, as a
        # bare 第二季 is a television season
        ("period of a year", rf"{year_prefix}(?:的)?(?P<p>{periods}|{season}|第[一二三四1-4]季(?![度节]))",
         build_year_period),
        ("period of a year (alone)", rf"(?P<p>(?<![一每两几半多同本今去明前后当])(?:{periods})"
                                     rf"|{season_alone})", build_year_period),
        ("今年初", rf"(?:(?P<y>{year})|(?P<rel>今|去|明|前|后|上|当)){_SP}年(?P<p>初|中|底|末)"
                   rf"(?![0-9一二三四五六七八九十])", _build_year_part),
        ("month part", rf"(?:(?P<y>{year}){_SP}年{_SP})?(?:(?<![0-9个])(?P<m>{_M}|{_M_CN}){_SP}月"
                       rf"|(?P<relm>本月|上月|下月|上个月|下个月|当月)|(?<![年岁个每日])月)"
                       rf"(?P<part>上旬|中旬|下旬|初|底|末)", build_month_part),
        ("旬", r"(?<![0-9月])(?P<part>上旬|中旬|下旬)", build_month_part),
        ("month range", rf"(?:(?P<y>{year}){_SP}年{_SP}|(?P<rel>{_REL_YEAR}){_SP})?(?<![0-9])(?P<m1>{_M}|{_M_CN})(?:月)?{_SP}"
                        rf"{_SEP}{_SP}(?P<m2>{_M}|{_M_CN}){_SP}月(?:份)?", build_month_range),
        ("year range", rf"(?P<y1>{_Y4})(?:{_SP}年)?{_SP}{_SEP}{_SP}(?P<y2>{_Y4}){_SP}年",
         build_year_range),
        ("year range (从)", rf"从{_SP}(?P<y1>{_Y4}){_SP}(?:年{_SP})?{_SEP}{_SP}(?P<y2>{_Y4})(?:{_SP}年)?",
         build_year_range),
        ("relative", rf"(?P<w>{relative})", build_relative),
        ("clock", CLOCK_PATTERN, build_clock),
        ("day with part", DAY_PART_PATTERN, build_day_with_part),
        ("weekend", rf"(?<![0-9一二两三四五六七八九十每几])(?P<which>{_WHICH_WEEK})?周末",
         build_weekend),
        # 同日 is the day just named, not 同 + 日本/日方 (with Japan) nor a word ending in 同
        # (不同日期, 共同日程) nor 不可同日而语
        ("context day", r"(?P<w>当天|当日|当晚|当夜|同日(?<![不共相协合赞认如等陪偕连会随伙混雷大异一]同日)"
                        r"(?![本方韩美朝俄欧印]|而语|期|程)|次日|翌日)", build_context_day),
        ("rest of period", r"(?<![0-9一二三四五六七八九十百千万多])(?P<w>年内|月内)(?![容外部])",
         build_rest_of_period),
        ("vague", r"(?P<w>近年来|近些年|近几年|近年(?!度)|近日|最近(?![0-9一二两三四五六七八九十百半几的])"
                  r"|(?<![节假生忌纪])日前|近期|前不久|不久前)",
         build_vague),
        ("weekday", rf"(?<![0-9一二两三四五六七八九十每几第])(?P<which>{_WHICH_WEEK}|最后一个的?)?"
                    r"(?:星期|周|礼拜)(?P<wd>[一二三四五六日天])(?![一二三四五六七八九十])",
         build_weekday),
        ("offset", rf"(?<![0-9一二两三四五六七八九十百第])(?P<n>{_COUNT}|半){_SP}(?:多{_SP})?"
                   rf"(?P<u>天|日|年|个多?月|月|周|个?星期|个?礼拜)(?P<half>半)?(?:多)?{_SP}"
                   rf"(?P<dir>以前|以后|之前|之后|前|后|以来|来|以内|之内|内)(?![年天来])",
         build_offset),
        ("span until now", rf"(?P<span>近|过去|最近|前|上|未来|今后|接下来|往后|后|下){_SP}"
                           rf"(?P<n>{_COUNT}|半){_SP}(?:多{_SP})?"
                           rf"(?P<u>天|年|个多?月|月|周|个?星期)(?P<half>半)?(?:多)?"
                           rf"(?:来|以来|内|里)?", build_offset),
        ("nth weekday", rf"(?:(?P<y>{year}){_SP}年{_SP})?(?:(?P<m>{_M}|{_M_CN}){_SP}月|"
                        rf"(?P<relm>本月|上月|下月|上个月|下个月))(?:的)?"
                        rf"(?:第(?P<n>[一二三四五1-5])|(?P<n2>最后一))个(?:星期|周|礼拜)"
                        rf"(?P<wd>[一二三四五六日天])", build_nth_weekday),
        ("month week", rf"(?:(?P<y>{year}){_SP}年{_SP})?(?:(?P<m>{_M}|{_M_CN}){_SP}月|"
                       rf"(?P<relm>本月|上月|下月|上个月|下个月))(?:的)?"
                       rf"(?:第(?P<n>[一二三四五1-5])|(?P<n2>最后一))(?:周|个?星期|个?礼拜)"
                       rf"(?![一二三四五六日天])", build_month_week),
        ("quarter part", r"(?:第?(?P<q>[一二三四1-4])季度?"
                         r"(?P<part>初|中|末|底)|后(?P<count>[两二三])个季度)", build_quarter_part),
        ("first months", rf"(?:{year_prefix})?[前首](?P<n>[1-9][0-9]?|[一二两三四五六七八九十]{{1,2}})个?月",
         build_first_months),
        ("plan period", r"(?<![一二三四五六七八九十百千万零〇两])(?P<n>十[一二三四五六七八九])五"
                        r"(?:时期|期间)?(?![个家名人位项])",
         build_plan_period),
        ("decade", r"(?P<c>上世纪|本世纪|[0-9]{2}世纪|[一二]?十[一二三四五六七八九]?世纪)?(?P<d>[1-9]0|[一二三四五六七八九]十)年代",
         build_decade),
    ]
    # the short names of holidays (五一, 三八) are festivals too (holidays.ALIAS_PATTERN)
    anchors = _ANCHORS | {"festival": word_anchors([*_festivals(), *FESTIVAL_ALIASES]),
                          "solar term": word_anchors(SOLAR_TERMS),
                          "relative": word_anchors(w for w in _relative_table() if w != "当年")}
    screens = _SCREENS | {"year": _year_screen(), "festival": _alternation(
        [*_festivals(), *FESTIVAL_ALIASES])} | {
        name: _alternation(_TRIGGER_WORDS[name]) for name in _WORDS_IN_EVERY_MATCH}
    return tuple(Rule(name, pattern, build, anchors[name],
                      () if name in _WORDS_IN_EVERY_MATCH else _TRIGGER_WORDS.get(name, ()),
                      screens.get(name))
                 for name, pattern, build in rules)


