"""Vocabulary of the event extractor as data: triggers, stop words, places, roles, figures.

Everything here is matched against the *normalised* text (simplified characters, spaces
and in-sentence line breaks removed), so the tables are written in simplified Chinese only.
Teaching the extractor a new word should mean adding a row here and a test case.
"""

from __future__ import annotations

# --- Sentences ---------------------------------------------------------------------------

# Characters that end a sentence. "；" ends one too: news lists separate reports of
# different occurrences with it ("…决赛成功举办，点燃创新热情；大学生运动会上，…").
SENTENCE_END = "。！？；!?"
ELLIPSIS = "……"
OPEN_QUOTES = "“‘「『"
CLOSE_QUOTES = "”’」』"
OPEN_BRACKETS = "（(《〈【"
CLOSE_BRACKETS = "）)》〉】"
# Clause boundaries inside a sentence (outside quotes and brackets).
CLAUSE_END = "，,：:"

# A paragraph that starts one of these opens a new report: a newspaper page holds several.
# Who files a dated dateline ("新华社太原9月26日电", "中新网合肥9月20日电", "本报晋中4月28日讯"):
# the paper itself and the agencies and central news sites whose copy local pages repost.
DATELINE_AGENCIES = ("本报", "新华社", "中新社", "中新网", "中国新闻网", "人民网", "新华网", "央视网", "央广网", "光明网")
REPORT_OPENERS = (
    "本报讯",
    "本报记者",
    "本报通讯员",
    "新华社",
    "中新网",
)
# A dateline as printed: "本报讯", "【本报讯】", "本报讯（记者 王芳）", and the dated forms
# "本报太原9月26日讯", "新华社太原9月26日电" (the date is the day the report was filed).
DATELINE = (
    # the dated forms first: "新华社太原10月12日电" is more than "新华社"
    r"[【\[]?(?:(?:" + "|".join(DATELINE_AGENCIES) + r")[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日(?:讯|电)|"
    + "|".join(REPORT_OPENERS)
    # Taiwan and Hong Kong papers: "【記者林志明／臺中報導】" (flat text is simplified)
    + r"|[【\[]记者[^】\]]{1,16}报[导道][】\]])"
    + r"[】\]]?(?:[（(][^）)]{0,30}[）)])?"
)
# A line opening with a list number starts a paragraph of its own: "一、组织单位", "（二）项目签约",
# "3、报名方式" (notices and plans). Two digits at most, and "3.5万" is no list number.
LIST_ITEM = (
    r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}(?:、|．|\.(?!\d))"
    # and a stage or session with its day: "第二期于3月12日至14日在…举办；", "首站：4月10日…"
    r"|(?:第[一二三四五六七八九十\d]{1,3}(?:期|阶段|站|场次|场|批|轮)|首(?:站|场|期))(?=将于|定于|于|[:：]))"
)
# The labelled lines of a notice ("主办单位：…", "活动时间：…"): what the label ends with.
NOTICE_LABEL_HEADS = ("单位", "时间", "地点", "对象", "内容", "方式", "联系人", "电话")
# A label printed alone on its line, its value on the next: "📅 活动时间" / "7月13日—7月17日",
# "一、培训时间" / "2025年3月24日至28日". Never a WeChat phrase of a sentence.
BARE_LABEL = (
    r"\W{0,4}(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])?\s*"
    r"[\u4e00-\u9fff]{0,4}(?:时间|日期|地点|对象|名称|内容|方式|要求|安排|营期|展期)\s*[:：]?$"
)
# The filing date inside a dated dateline, and the relative day words it anchors: under
# "本报太原9月26日讯", "今天" is the 26th whatever day the paper came out.
DATELINE_DATE = r"(\d{1,2})月(\d{1,2})日(?:讯|电)"
RELATIVE_DAY_WORDS = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1}

# --- Event triggers -----------------------------------------------------------------------

# Heads of event noun phrases, longest first where they overlap ("培训班" before "培训").
# 博览会 counts as an exhibition, not a festival: it is a trade show with exhibitors;
# the 节 words (科技节, 咖啡节) are the festivals.
NOUN_TRIGGERS: dict[str, str] = {
    # festival
    "科技节": "festival",
    "文化节": "festival",
    "艺术节": "festival",
    "音乐节": "festival",
    "咖啡节": "festival",
    "美食节": "festival",
    "旅游节": "festival",
    "电影节": "festival",
    "读书节": "festival",
    "丰收节": "festival",
    "啤酒节": "festival",
    "采摘节": "festival",
    "桃花节": "festival",
    "灯会": "festival",
    "庙会": "festival",
    "嘉年华": "festival",
    "同乐日": "festival",  # Hong Kong: "STEM同樂日"
    "科学日": "festival",  # "親子科學日"
    "科普日": "festival",  # "全国科普日": on its own or heading an activity
    "科学节": "festival",
    "电商节": "festival",
    "购物节": "festival",
    "动漫节": "festival",
    "科普节": "festival",
    "创客节": "festival",
    "STEM节": "festival",
    "活动周": "festival",
    "宣传周": "festival",
    "科技周": "festival",
    "活动月": "festival",
    "创新周": "festival",  # "城東大創新周2023"
    "交流周": "festival",  # "中國—葡語國家科技交流周"
    "人才周": "festival",
    "开放周": "festival",
    "体验周": "festival",  # "创科体验周", "科普体验周": a week of hands-on activities
    "科普月": "festival",
    "宣传月": "festival",
    # exhibition
    "博览会": "exhibition",
    # "能博会", "农博会", "文博会": short names of a 博览会
    "博会": "exhibition",
    "博览": "exhibition",  # "创科博览2024"
    "展览会": "exhibition",
    "展销会": "exhibition",
    "交易会": "exhibition",
    "展示会": "exhibition",
    "展会": "exhibition",
    "商展": "exhibition",  # Taiwan and Hong Kong: "国际商展"
    "展洽会": "exhibition",
    "展览": "exhibition",
    "展演": "exhibition",
    "表演": "exhibition",  # "“机器人总动员”科普表演": a show, the nearest kind
    "成果展": "exhibition",
    "图片展": "exhibition",
    "精品展": "exhibition",
    "文物展": "exhibition",
    "特展": "exhibition",
    "主题展": "exhibition",
    "专题展": "exhibition",
    "艺术展": "exhibition",
    "科普展": "exhibition",
    "成就展": "exhibition",
    "书画展": "exhibition",
    "摄影展": "exhibition",
    # competition
    "大赛": "competition",
    "比赛": "competition",
    "竞赛": "competition",
    "决赛": "competition",
    "决选": "competition",  # Taiwan: 決選
    "复赛": "competition",
    "初赛": "competition",
    "半决赛": "competition",
    "选拔赛": "competition",
    "邀请赛": "competition",
    "友谊赛": "competition",  # "机器人足球友谊赛"
    "擂台赛": "competition",
    "公开赛": "competition",
    "对抗赛": "competition",
    "黑客松": "competition",
    "联赛": "competition",
    "锦标赛": "competition",
    "挑战赛": "competition",
    # contests named by what is done in them: "水火箭发射赛", "无人机竞速赛", "机器人障碍赛"
    "发射赛": "competition",
    "竞速赛": "competition",
    "障碍赛": "competition",
    "接力赛": "competition",
    "运动会": "competition",
    "马拉松": "competition",
    # meeting
    "论坛": "meeting",
    "路演": "meeting",
    "沙龙": "meeting",  # "女科技工作者沙龙", "教研沙龙"
    "总结会": "meeting",
    "表彰会": "meeting",  # "技术路演", "专场路演": projects presented to investors
    "峰会": "meeting",
    "座谈会": "meeting",
    "推介会": "meeting",
    "研讨会": "meeting",
    "洽谈会": "meeting",
    "对接会": "meeting",
    "媒合会": "meeting",  # Taiwan: a matchmaking fair (媒合會), the 对接会 of the mainland
    "交流会": "meeting",
    "分享会": "meeting",
    "恳谈会": "meeting",
    "见面会": "meeting",
    "招聘会": "meeting",
    "双选会": "meeting",
    "报告会": "meeting",
    "观摩会": "meeting",
    "推进会": "meeting",
    "现场会": "meeting",
    "年会": "meeting",
    "大会": "meeting",
    "会议": "meeting",
    # training
    "培训班": "training",
    "培训会": "training",
    "宣讲会": "training",
    "研修班": "training",
    "训练营": "training",
    "讲座": "training",
    "体验营": "training",  # "无人机编程体验营", Taiwan "海洋科學體驗營"
    "夏令营": "training",
    "冬令营": "training",
    "研学营": "training",
    "工作营": "training",  # "青少年科学工作营"
    "科学营": "training",
    "科普营": "training",  # "星空露营科普营", "航天科普营"
    "创客营": "training",  # "暑期创客营"
    "集训营": "training",
    "学习班": "training",
    "进修班": "training",
    "公开课": "training",
    "大讲堂": "training",
    "研习营": "training",  # Taiwan: 研習營, 研習會, 工作坊
    "研习会": "training",
    "工作坊": "training",
    "讲习班": "training",
    "讲习会": "training",  # Taiwan: 講習會, 訓練班
    "训练班": "training",
    "培训": "training",
    # launch
    "发布会": "launch",
    "首发式": "launch",
    "发表会": "launch",  # Taiwan: "新品發表會"
    # opening / unveiling / signing ceremonies
    "开幕式": "opening",
    "开幕典礼": "opening",
    "开幕礼": "opening",  # Hong Kong: "開幕禮"
    "揭牌典礼": "unveiling",
    "揭幕典礼": "unveiling",
    "出征仪式": "other",  # "科技特派员服务团授旗出征仪式"
    "开班仪式": "training",
    "开营仪式": "training",
    "结营仪式": "training",
    "开放日": "opening",
    "开园仪式": "opening",
    "开业仪式": "opening",
    "启动仪式": "opening",
    "揭牌仪式": "unveiling",
    "授牌仪式": "unveiling",
    # construction and founding ceremonies: no kind of their own, so "other"
    "开工仪式": "other",
    "开工典礼": "other",
    "动工仪式": "other",
    "动土典礼": "other",  # Taiwan: 動土典禮
    "动土仪式": "other",
    "奠基仪式": "other",
    "奠基典礼": "other",
    "上梁仪式": "other",
    "上梁典礼": "other",
    "竣工仪式": "other",
    "竣工典礼": "other",
    "落成典礼": "opening",
    "落成仪式": "opening",
    "启用仪式": "opening",
    "启用典礼": "opening",
    "启动式": "opening",
    "成立大会": "unveiling",
    "签约仪式": "signing",
    "签约会": "signing",
    "签约大会": "signing",
    "颁奖典礼": "competition",
    "总决赛": "competition",
    "颁奖仪式": "competition",
    "颁奖大会": "competition",
    # service
    "义诊": "service",
    # "活动" is the weakest head: its kind comes from the words inside the phrase
    # (ACTIVITY_KINDS) and it only counts with an occurrence verb ("开展…活动").
    "活动": "other",
}

# For a phrase headed by "活动": the first of these inside it decides the kind.
ACTIVITY_KINDS: tuple[tuple[str, str], ...] = (
    ("巡展", "exhibition"),  # "“科普大篷车乡村行”巡展活动"
    ("签约", "signing"),
    ("培训", "training"),
    ("讲座", "training"),
    ("比赛", "competition"),
    ("开放日", "opening"),
    ("嘉年华", "festival"),
    ("科普日", "festival"),
    ("科技周", "festival"),
    ("活动周", "festival"),
    ("宣传周", "festival"),
    ("展示", "exhibition"),
    ("展览", "exhibition"),
    ("惠农", "service"),
    ("助农", "service"),
    ("下乡", "service"),
    ("义诊", "service"),
    ("志愿", "service"),
    ("服务", "service"),
    ("送", "service"),
    ("科普", "service"),
)

# Bare names that on their own refer back to a fuller name in the same article
# ("举办科技节" after "山西·太谷第二十一届科技节…开幕").
# A bare "典礼"/"仪式" ("典禮定於10月13日下午舉行") is the ceremony just named (referents.py); it is
# no trigger inside a longer name ("开园暨首批企业入驻仪式" is the opening).
BARE_CEREMONIES = ("典礼", "仪式")
GENERIC_NAMES = frozenset(NOUN_TRIGGERS) | {"活动", *BARE_CEREMONIES}

# Ceremony heads that open or close another named event: "科技活动周启动仪式" is the
# festival starting, so the name takes the kind of the event inside it.
CEREMONY_HEADS = ("启动仪式", "开幕式", "开幕典礼", "开幕礼", "闭幕式")

# Bare ceremony names that are a part of the report's event, not one of their own:
# "11日上午舉行開幕典禮" under a three-day expo, "颁奖典礼当晚在…举行" after a final.
CEREMONY_NAMES = frozenset(
    (
        "开幕式",
        "开幕典礼",
        "开幕礼",
        "开幕仪式",
        "启动仪式",
        "开班仪式",
        "结业仪式",
        "开营仪式",
        "结营仪式",
        "闭幕式",
        "颁奖典礼",
        "颁奖仪式",
    )
)

# Time words a title leaves out: "工研院今（8）日…与…签署" is titled "工研院与…签署".
TITLE_TIME_WORDS = (
    r"[今昨明前][（(]\d{1,2}[)）]日",
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日",
    "今天",
    "今日",
    "昨天",
    "昨日",
    "日前",
    "近日",
    "上午",
    "下午",
)

# Verbs that tell who took part in an event: with a named event in the sentence they are its
# figures ("…媒合會…舉行，預計有120家新創企業參展"), not an exhibition of their own.
PARTICIPATION_VERBS = ("参展",)

# Ceremonies that close a multi-day event: "颁奖典礼上，…签订了协议" happened on its last day.
CLOSING_CEREMONIES = (
    "颁奖典礼",
    "颁奖仪式",
    "颁奖大会",
    "闭幕式",
    "闭幕典礼",
    "闭幕仪式",
    "结业仪式",
    "结业典礼",
)

# Words before a verb that make it a goal, not an occurrence: "确保项目早开工、早投产".
GOAL_MARKERS = (
    "确保",
    "力争",
    "争取",
    "早投产",
    "早见效",
    "早开工",
    "早落地",
    "计划于",
    "预计于",
    "预计将",
    "有望",
)

# Verbs that report an event's last day: with "为期5天" the event ran up to it.
CLOSING_VERBS = ("闭幕", "落幕", "落下帷幕", "圆满结束", "结业", "结营")

# The stage or ceremony words at the end of an event's name, longest first: "…大赛启动仪式"
# names the contest, so a later bare "决赛" is "…大赛决赛".
STAGE_HEADS = (
    "启动仪式",
    "开幕典礼",
    "颁奖典礼",
    "颁奖仪式",
    "开幕式",
    "闭幕式",
    "总决赛",
    "决赛",
    "复赛",
    "初赛",
)

# The rounds of a contest, longest first: a line opening with one and its day is that round
# ("（三）复赛：10月12日在…举行", segments.py).
CONTEST_STAGES = ("半决赛", "总决赛", "决赛", "复赛", "初赛", "预赛", "初选", "复选", "决选")

# Bare ceremonies of a verb event: "揭牌仪式" is the ceremony of the report's unveiling.
VERB_CEREMONIES = frozenset(("揭牌仪式", "签约仪式", "授牌仪式", "开园仪式", "开业仪式"))

# Verbs that assert that the named event happened; they carry no kind of their own.
OCCURRENCE_VERBS = (
    "成功举办",
    "隆重举行",
    "盛大举行",
    "举办",
    "举行",
    "召开",
    "开展",
    "启动",
    "开幕",
    "揭幕",  # "创科博览2024揭幕": a named event that is unveiled opens
    "登场",  # "…科技展今（5）日起至8日在南港展览馆登场"
    "推出",  # "科技馆推出“科学嘉年华”系列活动"
    "结业",  # "…培训班在市委党校结业"
    "提供",  # "为200余名居民提供免费义诊"
    "闭幕",
    "落幕",
    "上演",
    "亮相",
    "开班",
    "开课",
    "开赛",
    "开讲",
    "主讲",  # "会长于会议中心主讲「…」专题讲座", "讲座由…教授主讲"
    "开营",  # "体验营…开营"
    "迎来",  # "实验室将迎来首个公众开放日"
    "办理",  # Taiwan: "教育處訂於7月22日至26日辦理「AI教師研習營」"
    "开设",  # "主场同步开设“科技创新成果展”", "开设…培训班"
    "开场",  # "…主题活动…热闹开场"
    "揭晓",
    "拉开帷幕",
    "落下帷幕",
    "圆满结束",
    "参加",
    "参与",
    "结营",  # "“陇原青少年科学营”圆满结营"
    "设置了",  # "大会还设置了乳业装备展"
)

# Locatives after an event noun: "咖啡节里", "运动会上" (being at the event).
EVENT_LOCATIVES = ("上", "里", "中", "期间", "现场")

# Verb triggers: (regex, kind, title mode, strength). Title modes:
#   "subject"  the thing before the verb + the verb ("…平台揭牌", "…场馆向社会开放")
#   "clause"   the whole clause, trimmed ("推荐3名高企高管入选2023年晋中市“青春榜样”")
#   "object"   what follows the verb ("实现…全覆盖", "开展…服务" → the object; "送…下乡" whole)
#   "phrase"   the regex match itself, widened left to a "与…" partner list
VERB_TRIGGERS: tuple[tuple[str, str, str, float], ...] = (
    # "开放" only as a predicate at the end of a clause: "开放协作的体系" is not an opening.
    (
        # "免费向公众开放三个月": a duration may follow
        # "暂停对外开放", "恢复正常开放" (a closure notice) are no opening
        r"(?<!暂停)(?<!停止)(?<!恢复)(?<!恢复正常)(?<!暂停对外)(?<!停止对外)"
        r"(?:正式|全面|全部)?(?:免费)?(?:向社会|向公众|向市民|对社会|对公众|对市民|对外|免费)?开放"
        r"(?=[，。；、]|$|了|[一二两三四五六七八九十\d]{1,3}个?(?:月|天|周|年))",
        "opening",
        "subject",
        0.7,
    ),
    (r"开幕|开园|开业|启用|开通|通车|开馆", "opening", "subject", 0.8),
    # a facility put into service: "渝东北首个加氢站建成投用", "新馆正式投入使用"
    (r"(?:建成|正式)?(?:投用|投入使用)", "opening", "subject", 0.7),
    (r"揭牌(?!成立)|揭幕|授牌", "unveiling", "subject", 0.8),
    (r"(?:揭牌|正式|宣告)成立(?!了?[\w“]{0,12}(?:小组|专班|机制))", "unveiling", "subject", 0.7),
    # construction milestones: "…项目集中开工", "…破土动工", "…举行奠基", "…顺利封顶"
    (r"集中开工|开工建设|正式开工|破土动工|动工|动土|奠基|上梁|封顶|竣工", "other", "subject", 0.6),
    (r"签约", "signing", "subject", 0.8),
    (r"签(?:署|订)[^，。；]{0,20}?(?:协议|合同|备忘录|协定|意向书|合作书)", "signing", "phrase", 0.8),
    (r"投运|投产|上市|首发|首飞|上线|正式发布|隆重发布", "launch", "subject", 0.6),
    # "发布" alone is mostly announcements ("发布通知"); a named publication is a launch.
    (r"发布了?[《“][^》”]{2,30}[》”][\w]{0,12}", "launch", "phrase", 0.6),
    # "发布了新一代…大模型": a new product, not an announcement
    (r"发布(?:了)?(?:新一代|新款|首款|全新)[\w]{2,16}", "launch", "phrase", 0.6),
    (r"授课|开讲", "training", "subject", 0.7),
    # "服务团专家来到…村，现场指导村民…": help given on the spot; a bare "指导" is too common.
    (r"(?:现场|上门|入户|田间)指导", "service", "subject", 0.6),
    (r"参展|展出", "exhibition", "subject", 0.6),
    (r"入选|获评|荣获|获得[^，。]{0,12}称号", "other", "clause", 0.5),
    (r"实现[^，。；]{2,40}全覆盖", "service", "object", 0.6),
    # "送科技下乡", "开展科技咨询服务": services taken to people. Bare "服务" is too common.
    (r"送[^，。；、]{1,8}下乡", "service", "object", 0.6),
    (r"开展[^，。；、的]{2,12}服务(?!中心|平台|体系|站|队)", "service", "object", 0.6),
)

# A trigger immediately followed by these is a reference point, not a report of the
# occurrence: "自驻市高校向社会开放以来", "高校开放后", "先行县共建以来".
NOT_OCCURRENCE_AFTER = ("以来", "之后", "后，", "以后", "之前", "前，")

# A noun trigger followed by one of these names a building, not an event: "上党门会议中心",
# "培训中心", "展览馆".
NOT_EVENT_AFTER = (
    "中心",
    "堂",  # "沙田大會堂": a hall
    "室",
    "厅",
    "楼",
    "馆",
    "基地",
    "大厦",
    "场所",
    "展览中心",  # "香港会议展览中心"
    "展览馆",
    "会展中心",
    # and an exhibit's furniture: "科普展板", "展位", "展品", "展区", "展台"
    "板",
    "位",
    "品",
    "区",
    "台",
)

# A sentence opening with these states a plan, not an occurrence: "下一步，全市将建立…".
PLAN_OPENERS = ("下一步", "下一阶段", "今后", "未来")

# "持续至9月26日", "展期至11月3日": the last day of the event dated before, printed on its own.
# "截止到"/"截止至"/"截止" before a day end the event too ("活动截止到12月31日"), unless the
# clause is about registering (ENDING_NOT_EVENT).
UNTIL = ("持续至", "持续到", "展期至", "延续至", "一直持续至", "截止到", "截止至", "截止", "至")

# Verbs after a day that end the event dated before: "12月19日下午5时闭幕", "将于19日17时结束".
# A few words may stand between ("12月19日下午在主会场闭幕"), but no clause punctuation.
ENDING_VERBS = (
    "落下帷幕",
    "圆满结束",
    "结束",
    "闭幕",
    "落幕",
    "闭展",
    "撤展",
    "收官",
    "截止",
    "结业",
    "闭营",
)
# After an ending verb these make the day a point of reference, not the end: "12月19日结束后，…".
ENDING_NOT_END = ("后", "以后", "之后", "前", "以前", "之前")
# A clause about these ends something else than the event: "报名截止12月10日", "申报12月1日截止".
ENDING_NOT_EVENT = ("报名", "申报", "申请", "预约", "投稿", "征稿", "提交", "售票", "购票", "投票", "公示")

# "为期三天", "展期三天", "会期两天", "赛期3天", "营期5天": how long the event dated just before lasts;
# "展期共6天", "会期为两天" say the same with a word between. Not a date after "为": "展期为20日至22日"
# is a range, and a day or range is never followed by "至"/"—" when it is a count.
# "为期一周", "为期两周": weeks, read as 7 days each ("为期一个星期" too).
# "一连三日", "一連兩天", "连续5天": days in a row from the day given.
DURATION = (
    r"(?:为期|展期|会期|赛期|营期|历时|一连|连续)(?:共|为|共计)?"
    r"([一二两三四五六七八九十\d]{1,3})?个?(天|日|周|星期)(?![至到—\-–~－])"
)
# "为期三个月", "展期半年", "为期一年": months from the day given ("9月2日开班，为期三个月" ends on
# 12月1日). Only 为期/展期: "历时三年" tells how long something took, not what follows the day.
DURATION_MONTHS = r"(?:为期|展期)([一二两三四五六七八九十\d]{1,2}|半)?个?(月|年)"

# Reporting verbs: a date before them dates the reporting, not what is reported
# ("5月18日，记者从市科技局了解到，…在深圳揭牌").
REPORTING_VERBS = ("获悉", "了解到", "得知", "获知", "采访时")

# Time words that may follow "于" or "在" but are no place ("已于近日揭牌").
NOT_PLACE_TIMES = (
    "近日",
    "日前",
    "近期",
    "当天",
    "当日",
    "同日",
    "今年",
    "去年",
    "目前",
    "此前",
    "今天",
    "昨日",
    "今日",
    "本月",
    "下月",
    "上月",
    "本周",
    "下周",
    "明年",
    "届时",
)

# A clause opened by "通过" is a means, not an occurrence: "通过集中培训…等方式".
MEANS_OPENERS = ("通过", "借助", "依托", "利用")

# Words that make a clause habitual or cumulative: never a single day.
CUMULATIVE_MARKERS = ("目前", "截至", "截止", "累计", "至今", "以来", "年来", "多次", "先后", "各类")

# Of those, the ones that make the clause a total over a period ("今年以来累计举办培训班46期",
# "近3年来，全县累计开展…", "截至目前…"): statistics, not an event, so nothing in it is reported.
TOTAL_MARKERS = ("累计", "截至", "截止", "以来", "年来", "先后", "多次")

# A year's plan of activities ("今年将实施…行动，计划开展…培训、交流活动10场以上"): not an event.
# The next edition announced ("并宣布下届数博会将于明年5月举办"): a plan, not an event of this report.
NEXT_EDITION = ("下届", "下一届")
PLAN_VERBS = ("计划开展", "计划举办", "计划组织", "计划实施", "将实施", "谋划举办", "谋划开展")
# A forecast count of activities ("今年活动周预计开展各类科普活动1200余项"): a programme's size, not an event.
FORECAST = (
    r"预计[^，。；]{0,12}?(?:开展|举办|组织|举行|推出)[^，。；]{0,16}?"
    r"[\d一二三四五六七八九十百千]+[余多]?(?:场次|场|项|期)"
)
# Signing up for an event named after the verb ("市民可於即日起登記參加工作坊"): a call, not the event.
SIGN_UP_VERBS = ("登记参加", "报名参加", "预约参加", "登记参与", "报名参与")
# Opening registration for an event ("…应用比赛即日起接受报名"): a call to sign up, not the event.
REGISTRATION_OPENS = (
    "接受报名",
    "开放报名",
    "开始报名",
    "启动报名",
    "报名开始",
    "报名开启",
    "火热报名",
    "开启报名",
)
# Awards received at a ceremony ("结业仪式上，12名学员获评“优秀学员”"): part of the ceremony.
AWARD_RECEIVED = ("获评", "荣获", "入选", "称号")

# After a name, a plan rather than a date: "第二期研修班计划于9月开班"; anywhere, a date to come:
# "8月下旬还将推出…讲座，具体时间将另行通知".
# A deadline before the verb: a target to reach, not something done ("2026年底前实现…培训全覆盖",
# "到2025年底前建成…", "6月底前完成…").
DEADLINE = r"(?:年底|年末|月底|月末|季度末|底)前"
PLAN_AFTER = ("计划于", "计划在", "有望于")
DATE_TO_COME = ("另行通知", "另行公布", "时间待定", "日期待定")
# A recurring activity: "每周六晚还将举办…讲座", "每逢周六下午举办亲子工作坊".
RECURRING = ("每周", "每逢", "每月", "每天", "每晚", "每个周")
# A briefing at a press conference about an event ("负责同志介绍…科技节工作开展情况"): not the event.
BRIEFING_VERBS = ("介绍", "通报", "发布了")
# A name that opens with these is a class of events, not one: "各类技术培训班14期", "一系列庆祝活动".
EVENT_CLASSES = ("各类", "各项", "各种", "一系列", "系列", "多项", "多场", "多种", "相关")
# What an event includes is its programme: "活动包括开幕式暨主旨论坛、科技成果展、项目对接会".
INCLUDING_WORDS = ("包括", "包含", "涵盖", "内容有")
# Sessions of people's congresses and political consultative conferences: government, not tech events.
POLITICAL_SESSIONS = ("人民代表大会", "人大常委会", "政协", "党代会", "代表大会第")

# Handing out plaques or awards to someone ("为…授牌"): part of a ceremony, not an event of its own.
AWARD_VERBS = ("授牌",)

# Press conferences that announce an event: a clause holding one reports no event ("…新闻发布会召开",
# "主辦方上月舉行記者會介紹展覽安排"). A product's "发布会" is a launch and is not listed here.
PRESS_CONFERENCES = (
    "新闻发布会",
    "记者会",
    "新闻通气会",
    "媒体通气会",
    "通气会",
    "记者见面会",
    "媒体见面会",
    "记者招待会",
    "吹风会",
)

# The summary of an event's programme: "开展科普讲座、科技展览等200余场活动", "…等活动50余场",
# "…等20余场配套活动". The items listed before it are no events of their own.
# A count of what was held ("共举办各类科技活动210余场"): a statistic, like a total.
HELD_COUNT = (
    # "共举办…210余场", "今年已举办各类技术培训班14期"
    r"(?:共|已)(?:举办|开展|组织|举行|完成)[^，。；]{0,20}?(?<!第)[\d一二三四五六七八九十百千]+[余多]?(?:场次|场|次|期|项)"
)
# A name that opens with a count of sessions: "20余场专题论坛", "逾30场论坛": a programme, not one event.
COUNTED_EVENTS = r"(?:逾|超过|近|共)?[\d一二三四五六七八九十百千]+[余多]?(?:场次|场|项)"
PROGRAMME_SUMMARY = (
    r"等(?:[\d一二三四五六七八九十百千]+[余多]?(?:场次|场|项|个|类|次)[\u4e00-\u9fff]{0,4}活动"
    r"|活动[\d一二三四五六七八九十百千]+[余多]?(?:场次|场|项))"
    # "…活动10场以上": a target count
    r"|[\d一二三四五六七八九十百千]+[余多]?(?:场次|场|项)以上"
    # "设置了水火箭发射赛、机器人搭建挑战…四大板块": the sections of the event reported
    r"|[\d一二三四五六七八九十]+大(?:板块|版块|主题活动|系列活动)"
)

# A clause about events in general, not one occurrence: "校地活动的频繁开展",
# "一场场活动轮番上演". Nothing in it is reported as an event.
GENERAL_MARKERS = ("频繁", "轮番", "一场场", "一次次", "一个个", "一批批", "各种", "各项", "常态化")

# Words that stop a noun phrase when walking left from its head noun.
NP_LEFT_STOPS = (
    "宣布",  # "部长…出席并宣布活动启动": who declares it is no part of the name
    "介绍",  # "负责同志介绍2023年淄博科技节工作开展情况": nor who briefs on it
    "主持",  # "副局長今早主持開幕禮時表示": nor who presides over it
    "主讲",  # "会长于会议中心主讲「…」专题讲座": nor who gives the lecture
    "包括",  # "活动包括开幕式暨主旨论坛、…": the parts start after it
    "举办了",  # "并举办了慢性病防治科普讲座": the aspect mark is no part of the name
    "提供",  # "为200余名居民提供免费义诊"
    "举行了",
    "开展了",
    "召开了",
    "的",
    "在",
    "于",
    "由",
    "是",
    "为",
    "将",
    "把",
    "对",
    "给",
    "向",
    "举办",
    "举行",
    "召开",
    "开展",
    "参加",
    "参与",
    "启动",
    "荣获",
    "获得",
    "获",
    "入选",
    "推出",
    "办理",  # Taiwan: "在竹北市博愛國中辦理「AI教師研習營」"
    "开设",
    "设置了",
    "共有",
    "有",
    "和",
    "及",
    "暨",  # handled specially: "科技节暨…活动" keeps walking (see titles.walk_noun_phrase)
)

# Words that start with a stop word but belong to the name: "…股份有限公司2024年新品发布会".
NP_STOP_EXCEPTIONS = ("有限", "和平", "为民", "对接")  # "项目对接会", "对接活动": 对 opens the word
# Stop characters that can open a place name (和顺县, 和平区, 和田地区): kept when a place follows.
PLACE_OPENING_STOPS = ("和",)

# Adverbs between a subject and its verb, dropped from titles: "顺利揭牌", "全部向社会开放".
ADVERBS = (
    "成功",
    "顺利",
    "正式",
    "隆重",
    "盛大",
    "全面",
    "全部",
    "已经",
    "已",
    "将",
    "均",
    "首次",
    "集中",
    "共",
    "率先",
    "同时",
    "也",
    "还",
    "同步",
)

# Anaphors that refer to an event already named in the report.
EVENT_ANAPHORS = ("本届", "此次", "这次", "本次", "该次", "这届", "今届")  # 今屆: Hong Kong and Macau

# Clause-initial phrases that put an occurrence on the day of the last dated event in the
# same report: "开幕式上，共有15个项目成功签约" happened on the opening day. Besides this
# list, any short occasion name with a locative counts (DATE_ANAPHOR_RE: "签约仪式上",
# "论坛期间", "发布会上", "開幕典禮上"), and a time of day may follow ("当天上午，").
DATE_ANAPHORS = (
    "开幕式上",
    "开幕式现场",
    "开幕当天",
    "会后",  # "会后，…培训班随即开班": the day of the meeting just told
    "签约现场",  # "签约现场，12个项目集中签约": at the signing of the meeting named before
    "开幕当日",
    "启动仪式上",
    "仪式上",
    "活动现场",
    "活动当天",
    "活动期间",
    "会上",
    "会议上",
    "当天",
    "当日",
    "同日",
    "同一天",
    "现场",
    "期间",  # "…科技周由10月19日至27日举行，期间将举办展览、讲座…": during the event
    "届时",  # "届时，我省将组织80余家企业参展": at the event announced
)
DATE_ANAPHOR_RE = (
    # Ceremony and meeting heads only: "运动会上，运动员们…" is at an event, not dated by one.
    r"[\u4e00-\u9fff]{0,8}?(?:仪式|典礼|开幕式|开幕礼|闭幕式|闭幕礼|发布会|推介会|对接会|研讨会|座谈会|交流会|会议|大会|论坛|峰会|展会|博会)"
    r"(?:上|期间|现场|当天|当日|结束后|后)"
    # "签约后，双方召开科技合作座谈会": right after the signing just told, on its day
    r"|(?:签约|揭牌|签字)(?:仪式)?(?:后|结束后)"
    # "开幕当天举行的重大项目签约仪式上": a ceremony held on the day the event named before opened
    r"|(?:开幕|闭幕|开班|活动|会议|大会)(?:当天|当日|首日)(?:举行|举办|召开)的[\u4e00-\u9fff“”]{0,14}?"
    r"(?:仪式|典礼|大会|会议)(?:上|现场)"
)
# What a report adds with "还", "同时", "另外" happened at the event it has just told, on its day or
# over its span: "孵化器还与…签订了合作协议", "此外，电商节还举办了…推介会". Not with a future or
# modal word after it ("还将", "还要"), nor in words that only contain it (还原, 还款); not when the
# sentence prints any time of its own ("近日，…"), and never "也": "近日，…联盟也在示范区揭牌成立"
# tells a like event elsewhere, not a part of this one.
ALSO_WORDS = ("还", "同时", "另外")
ALSO_RE = r"(?:还|同时|另外)(?!将|要|需|计划|拟|可|会|应|是|有|没|未|不|能|原|款|贷|清|本|期|段)"
# Verbs of an event that a later clause can be at: "开园当天，园区还举行了…", "上线当天，…".
OCCASION_VERBS = ("开园", "开幕", "开业", "上线", "开班", "启动", "揭牌", "开馆", "开营")

# A tour's stops, one clause each: "13日走进A，14日来到B，15日在C收官".
STOP_VERBS = ("走进", "来到", "在", "赴", "前往", "到达", "抵达", "进入")
STOP_ENDS = ("收官", "举办", "举行", "开展", "启动", "结束", "落幕", "站")

# Kinds that stay open day after day: a list of consecutive days at one venue is one span for them
# ("10/19(六)、10/20(日)…應用展"), while sessions (讲座, 工作坊, 放映) stay one event a day.
SPAN_KINDS = ("exhibition", "festival")
# Named events of another kind that stay open day after day too: an open day over a weekend
# ("本周六、周日（5月17日、18日）举办…公众科学开放日活动", "本星期六及星期日…「城市科技開放日」") is one
# event over both days.
SPAN_NAMES = ("开放日", "开放周")

# What stands between the days of a list: "12日、19日及26日", "4月3日和5日", "5月8日、9日、10日".
DAY_LIST_SEPARATORS = ("、", "和", "及", "以及", "与", ",")

# Labels of the line that gives an event's day under its name ("时间：5月11日", "报告时间：本周四（4月18日）").
TIME_LABELS = (
    "活动时间",
    "比赛时间",
    "复赛时间",
    "决赛时间",
    "初赛时间",
    "报告时间",
    "讲座时间",
    "培训时间",
    "会议时间",
    "开放时间",
    "举办时间",
    "时间",
    "日期",
    "营期",
    "展期",
)

# Same-day anaphors that introduce another event, never a part of the one before:
# "同日，…产业园项目举行奠基仪式" after "…集中开工仪式在…举行".
OTHER_EVENT_ANAPHORS = ("同日", "同一天", "同期")
TIMES_OF_DAY = ("上午", "下午", "中午", "晚上", "晚间", "早上")
# An hour after a time of day: "下午四时", "上午9时30分", "下午2点半", "19:30".
CLOCK_HOUR = r"(?:[0-9一二三四五六七八九十两]{1,3}(?:时|点)(?:半|[0-9一二三四五六七八九十]{1,3}分)?|[0-9]{1,2}[:：][0-5][0-9])"
# The time a date anaphor may carry ("当天上午", "开幕当日下午四时", "活动当天19:30"): never empty.
ANAPHOR_TIME = "(?:(?:" + "|".join(TIMES_OF_DAY) + ")(?:" + CLOCK_HOUR + ")?|" + CLOCK_HOUR + ")"

# Organisations that can act as the actor of a verb-only event ("…特派团…现场授课").
ORG_SUFFIXES = (
    "特派团",
    "服务团",
    "服务队",
    "工作队",
    "志愿队",
    "宣讲团",
    "专家团",
    "研究院",
    "研究所",
    "公司",
    "协会",
    "合作社",
    "科技局",
    "农业农村局",
)

# What the name of an organiser ends with, for the "<organiser><event>" titles of events
# named as objects ("榆次区人社局" + "电商直播技能培训").
ORGANISER_SUFFIXES = (
    "科协",
    "局",
    "委员会",
    "管委会",
    "政府",
    "公司",
    "集团",
    "协会",
    "学会",
    "大学",
    "学院",
    "研究院",
    "研究所",
    "医院",
    "学校",
    "厅",
    "团委",
    "妇联",
)

# Verbs that make a product, and what a product's name ends with: "研发出…细纱机".
PRODUCT_VERBS = ("研发出", "研制出", "开发出", "生产出", "推出", "研发成功")
LAUNCH_VERBS = ("上市", "投产", "投运", "首发", "上线", "发布")
PRODUCT_SUFFIXES = (
    "机",
    "器",
    "车",
    "系统",
    "平台",
    "产品",
    "设备",
    "装备",
    "软件",
    "芯片",
    "材料",
    "疫苗",
    "品种",
)

# --- Places ---------------------------------------------------------------------------------

PLACE_MARKERS = ("在", "于", "位于", "深入", "走进", "来到", "前往", "赴")
# What a place noun phrase ends with, longest first.
PLACE_SUFFIXES = (
    "会展中心",
    "体育中心",
    "文化中心",
    "蔬菜园",
    "体育场",
    "体育馆",
    "博物馆",
    "图书馆",
    "展览馆",
    "示范区",
    "开发区",
    "产业园",
    "科技园",
    "大学城",
    "广场",
    "中心",
    "基地",
    "大厦",
    "会堂",
    "礼堂",
    "剧院",
    "校区",
    "大学",
    "学院",
    "学校",
    "街道",
    "社区",
    "园区",
    "创新城",
    "科技城",
    "会议中心",
    "党校",
    "公园",
    "农场",
    "酒店",
    "宾馆",
    "展厅",
    "省",
    "市",
    "县",
    "区",
    "乡",
    "镇",
    "村",
    "园",
    "馆",
    "厅",
    "街",
)
# Where a place phrase stops when it runs into the verb that follows it.
PLACE_STOPS = (
    "开幕",
    "开展",
    "举办",
    "举行",
    "召开",
    "进行",
    "隆重",
    "正式",
    "顺利",
    "成功",
    "盛大",
    "落下帷幕",
    "拉开帷幕",
    "闭幕",
    "落幕",
    "揭牌",
    "签约",
    "签订",
    "签署",
    "发布",
    "的",  # "位于大同市御东新区的大同市科技馆": the place is before "的"
    "启动",
    "开班",
    "开赛",
    "里",
    "内",
    "给",
    "与",  # "在新竹工研院中興院區與美國麻省理工學院簽署": the partner follows the place
    "向",
    "为",
    "对",
    "，",
)
# A scene-setting clause "<time>的<place>" names its time with one of these ("初冬时节的…村").
SCENE_TIME_WORDS = (
    "时节",
    "时分",
    "时候",
    "季节",
    "周末",
    "清晨",
    "早晨",
    "傍晚",
    "夜晚",
    "春",
    "夏",
    "秋",
    "冬",
    "日",
    "月",
)
# Verbs that, straight after "在X", make X a venue even without a place suffix ("在太原举行").
VENUE_VERBS = (
    "举行",
    "举办",
    "召开",
    "开幕",
    "隆重",
    "盛大",
    "启动",
    "开展",
    "签订",
    "签署",
    "签约",
    "揭牌",
    "开班",
    "开赛",
    "开课",
    "发布",
)
# Words ending in a unit character that name no place ("城市", "上市", "地区", "社区").
NOT_PLACE_WORDS = frozenset(
    "城市 上市 超市 门市 都市 夜市 股市 集市 县市 省市 入市 开市 楼市 车市 早市 新市 "
    "地区 社区 园区 景区 校区 城区 市区 片区 展区 赛区 辖区 山区 郊区 灾区 专区 街区 库区 矿区 "
    "郡县 州县 区县 市县 各县".split()
)
# Adverbs that open a predicate after a place acting as subject ("晋中市持续在…下功夫").
SUBJECT_ADVERBS = ("持续", "不断", "坚持", "着力", "率先", "全力", "积极", "深入", "大力")
# Administrative units: a place naming one is preferred over a bare "核桃园".
ADMIN_UNITS = "省市县区乡镇村"

# --- Organisers -----------------------------------------------------------------------------

ORGANIZER_ROLES = {"主办": "hosts", "协办": "co_organizers", "承办": "undertakers"}

# --- Figures --------------------------------------------------------------------------------

# A number as printed: Arabic (with decimals) or Chinese numerals.
NUMBER = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
APPROX = r"(?:余|多|个)?"

# (name, regex with the number as group 1 and an optional unit 亿/万 as group "unit").
# Matched against the normalised sentence; the first match of each name wins.
FIGURES: tuple[tuple[str, str], ...] = (
    # "专案" is the Taiwan word for a project.
    ("projects_signed", NUMBER + r"个[\w]{0,8}?(?:项目|专案)(?:成功|集中|现场)?签约"),
    ("projects_signed", r"签约的" + NUMBER + r"个[\w]{0,6}?项目"),
    ("projects_signed", r"签约(?:项目)?" + NUMBER + r"个"),
    (
        "investment_yuan",
        r"(?:总投资|投资额|投资总额|协议投资|签约金额|总金额)(?:超过|达到|达|约|超|逾|近|共|为)?"
        + NUMBER
        + r"(?P<unit>亿|万)?元",
    ),
    ("exhibitors", NUMBER + r"(?:余|多)?家[^，。；]{0,16}参展"),
    ("exhibitors", r"参展(?:企业|单位|商)(?:达|共|有|超过|超|逾|近|约)?" + NUMBER + r"(?:余|多)?家"),
    ("exhibition_zones", NUMBER + r"(?:大|个)(?:功能|特色|主题|专业)?展区"),
    (
        "area_m2",
        r"(?:展览|展出|展示|布展)面积(?:达|约|超过|超|为|共)?"
        + NUMBER
        + r"(?P<unit>万)?(?:余|多)?平方(?:米|公尺)",
    ),
    ("trainees", r"培训(?:农民|农户|群众|人员|学员|干部|职工|教师)?(?:达|共)?" + NUMBER + r"(?:余|多)?人"),
    ("trainees", NUMBER + r"(?:余|多)?名[^，。；]{0,12}参加(?:了)?(?:本次|本期)?(?:培训|研修|学习)"),
    ("trainees", r"培训学员" + NUMBER + r"(?:余|多)?(?:人|名)"),
    ("teams", r"参赛队伍(?:达|共|有)?" + NUMBER + r"(?:余|多)?支"),
    ("teams", NUMBER + r"(?:余|多)?支(?:参赛)?(?:队伍|团队|代表队)"),
    ("trainings", r"培训" + NUMBER + r"(?:余|多)?(?:场|期|次)"),
    ("trainings", NUMBER + r"(?:余|多)?(?:场|期)(?:次)?(?:技术)?培训"),
    ("local_experts", r"土专家”?" + NUMBER + r"(?:余|多)?名"),
    ("beneficiary_households", r"受益(?:种植户|农户|群众|户)?(?:达|共|有)?" + NUMBER + r"(?:余|多)?户"),
    ("universities", NUMBER + r"所(?:驻地|驻市|在晋)?(?:高校|大学|院校)"),
    ("selected", NUMBER + r"名[^，。；]{0,8}入选"),
    ("high_tech_enterprises", r"高企(?:数)?(?:达|共|有)?" + NUMBER + r"家"),
    ("high_tech_enterprises", NUMBER + r"家高新技术企业"),
    ("participants", NUMBER + r"(?:余|多)?(?:名|人)[^，。；]{0,16}(?:参加|参与|参赛|出席|参会)"),
    (
        "visitors",
        r"(?:吸引|接待)(?:参观)?(?:游客|观众|市民|民众)?(?:逾|超过|超|近|约|达)?"
        + NUMBER
        + r"(?P<unit>万)?(?:余|多)?人次",
    ),
)
UNIT_MULTIPLIERS = {"亿": 100_000_000, "万": 10_000}

# Figures that belong to the report's event even when their sentence names none
# ("开幕当天，共吸引观众5.6万人次"): the kinds each may go to.
FIGURE_KINDS: dict[str, tuple[str, ...]] = {
    "area_m2": ("exhibition", "festival"),
    "exhibitors": ("exhibition", "festival", "meeting"),  # "对接会…120家企业参展"
    "exhibition_zones": ("exhibition", "festival"),
    "visitors": ("exhibition", "festival", "opening"),
    "trainees": ("training",),
    "teams": ("competition",),
    "projects_signed": ("signing", "meeting"),  # "推介会在深圳举行，现场签约项目8个"
    "investment_yuan": ("signing", "meeting"),
}

# --- Page furniture ------------------------------------------------------------------------
# Lines a web page, a WeChat post or a PDF page prints around the report. They date or name
# the page, never an event, so ``furniture.mask_furniture`` blanks them before reading.

# A date with a clock time: "2023-05-22 10:15", "2024/06/13 05:30", "2024年06月07日 08:40".
STAMP_DATETIME = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}[:：]\d{2}"
# Labels of a page's metadata lines: "来源：", "发布时间：", "责任编辑：", "作者：". A bare
# "时间：" is left out: a notice prints its event's day under it.
STAMP_LABELS = (
    "来源",
    "稿源",
    "发布时间",
    "发布日期",
    "更新时间",
    "发表时间",
    "作者",
    "编辑",
    "责任编辑",
    "责编",
    "审核",
    "校对",
    "字号",
    "浏览次数",
    "点击数",
    "点阅次数",
    "访问量",
    "信息来源",
    "发布单位",
    "发布机构",
    # A government page's metadata table ("索 引 号：…　主题分类：…", "成文日期：…", "标　　题：…"):
    # the 标题 line repeats the headline printed below it.
    "索引号",
    "主题分类",
    "成文日期",
    "生效日期",
    "废止日期",
    "标题",
    "文号",
)
# Words that mark a line as site furniture wherever they stand in a short line.
FURNITURE_WORDS = (
    "【打印】",
    "【关闭】",
    "打印本页",
    "关闭窗口",
    "分享到",
    "阅读原文",
    "免责声明",
    "当前位置",
    "发表于",
    "扫一扫",
    "长按识别",
    "本文首发",  # "（本文首发于…）": where a repost first ran
    "版权所有",
)
# A line opening with these links to another page: "上一篇：金坛区召开2024年科技创新大会".
LINK_OPENERS = ("上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页", "返回列表")
# Headings of a related-article list: the link lines under them are other reports' headlines.
RELATED_HEADINGS = (
    "相关阅读",
    "相关报道",
    "相关新闻",
    "相关链接",
    "相关文章",
    "延伸阅读",
    "推荐阅读",
    "往期回顾",
    "往期推荐",
    "热点推荐",
    "更多新闻",
)
# A photo caption: "图为…", "▲…", "圖說：…" (simplified here), or a line ending with a credit.
CAPTION_OPENERS = ("图为", "▲", "△", "图说", "图片说明", "图注", "（图", "(图", "图：", "图/")
CAPTION_CREDITS = ("摄", "供图", "摄影")
# A PDF page's running header or folio: "晋中日报　2024年4月18日　星期四　3", "—3—", "第3版".
PAGE_HEADER = r"^.{0,16}\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天].{0,20}$"
PAGE_FOLIO = r"^(?:[—\-－]\s*\d{1,3}\s*[—\-－]|第\s*\d{1,3}\s*版.{0,12})$"
# An e-paper story continued on another page: "（下转A05版）", "（上接第1版）", "(转第3版)".
CONTINUATION_MARK = r"[（(](?:下转|上接|转|接)第?\s*[A-Za-z]?\d{1,3}\s*版[）)]"
# Site navigation: "首页 > 新闻中心 > 县区动态".
BREADCRUMB = r"^(?:首页|当前位置|您的位置|主页)\s*[>＞»/]"
# A site's name alone on its line, as a page's masthead or footer prints it: "会同县人民政府门户网站",
# "株洲新闻网", "平和县融媒体中心" (simplified). Joined to the headline below, it became the title's head.
SITE_NAME = r"^[\u4e00-\u9fff·]{2,20}(?:门户网站|入口网站|政府网站|人民政府网|政府网|新闻网|融媒体中心|官方网站|官网)$"
