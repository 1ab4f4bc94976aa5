"""The sections of Day 48 parts 2–8 that a quiz question or a reflection question sends the learner to.

A quiz's “重读：…” link and a journal question's “出自：…” link take their label from the title of
the course topic that names the section (``manifest.sections``): a section no topic names would be
labelled only “相关章节”. So every section the quizzes and the journal of parts 2–8 point to is
listed here, titled ``<part> · <its heading>``: the journal lists the questions of all eight parts
on one page, and a part's name tells “场景 3” of part 3 from “场景 3” of part 5. The heading is
written as the chapter writes it, without its ordinal (``二、``, ``1. ``); ``tests/site`` checks it
against the built page, so a renamed heading fails the tests instead of drifting.

``playbook.TOPICS`` adds these as topics whose id is the section itself (anchors such as
``scene-data`` or ``prepare`` repeat on different pages), ahead of the topics the tools' flags
link to: where both name a section (``negotiation-zopa``), a quiz or the journal shows this title,
so the links of one journal read alike, and a flag keeps its own topic's title.
"""

from __future__ import annotations

# (page, the part's name, ((anchor, heading), …)), in reading order.
READING_SECTIONS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    (
        "day48/influence-theory.md",
        "第二部分",
        (
            ("influence-what", "什么是非职权影响力"),
            ("influence-sources", "影响力的六大来源"),
            ("source-expert", "专家权：让对方信服你的判断"),
            ("source-referent", "参照权：让对方愿意和你站在一起"),
            ("source-information", "信息权：让事实替你说话"),
            ("influence-currencies", "交换的货币：Cohen 与 Bradford 的影响力模型"),
            ("influence-building", "如何系统地建立影响力"),
        ),
    ),
    (
        "day48/influence-practice.md",
        "第三部分",
        (
            ("influence-tactics", "五种实战影响策略"),
            ("tactic-rational", "策略1：理性说服——让数字先开口"),
            ("tactic-exchange", "策略2：交换——先想清楚对方收什么货币"),
            ("tactic-consult", "策略3：咨询——把“我的方案”变成“我们的方案”"),
            ("tactic-collaborate", "策略4：协作——替对方把门槛降下来"),
            ("tactic-coalition", "策略5：结盟——让对方面对的不只是你一个人"),
            ("influence-scenarios", "十个高频场景的应对话术"),
            ("scene-finance", "场景3：财务说紧急费用要走 3 天流程"),
            ("scene-data", "场景4：数据部说客户数据不能给"),
            ("scene-training", "场景5：培训部说培训师已经排满"),
            ("influence-case", "完整案例演练：小李推动“春季保养节”"),
            ("case-sequence", "第三步：排出先后——先盟友，后难关"),
            ("case-follow-up", "第四步：兑现与跟进"),
        ),
    ),
    (
        "day48/conflict-theory.md",
        "第四部分",
        (
            ("definition", "冲突是什么"),
            ("good-and-bad", "冲突不一定是坏事"),
            ("conflict-interests", "水面上的立场，水面下的利益"),
            ("stages", "冲突是一步步升级的"),
            ("conflict-types", "冲突的 5 种类型"),
            ("type-information", "信息冲突"),
            ("type-process", "职责冲突"),
            ("conflict-modes", "处理冲突的 5 种策略：托马斯—基尔曼模型"),
            ("mode-competing", "竞争：守住底线时才用"),
            ("mode-avoiding", "回避：不是逃避，而是选时机"),
            ("mode-accommodating", "迁就：为长期关系存一笔款"),
            ("choose", "怎样选出合适的策略"),
        ),
    ),
    (
        "day48/conflict-practice.md",
        "第五部分",
        (
            ("conflict-steps", "冲突解决的 5 步法"),
            ("resolve-1", "第 1 步：稳住情绪，约一次面谈"),
            ("resolve-2", "第 2 步：摆出事实和各自的立场"),
            ("resolve-3", "第 3 步：挖出立场背后的利益"),
            ("resolve-4", "第 4 步：一起设计方案"),
            ("resolve-5", "第 5 步：达成共识并跟进"),
            ("scenes", "常见冲突场景解析"),
            ("scene-finance", "场景 3：财务说流程最快要 3 天"),
            ("scene-data", "场景 4：数据部说权限要法务审批"),
            ("scene-history", "场景 6：对方说“上次合作很不愉快”"),
            ("case", "实战案例：培训排班撞上春季保养节"),
        ),
    ),
    (
        "day48/negotiation-method.md",
        "第六部分",
        (
            ("two-kinds", "两种谈判：分饼与做饼"),
            ("positions-interests", "立场与利益"),
            ("principled", "原则谈判的四条原则"),
            ("negotiation-batna", "BATNA：谈不成时你怎么办"),
            ("negotiation-zopa", "底线与 ZOPA：能谈成的区间"),
            ("prepare", "谈判前的准备"),
            ("techniques", "谈判中的核心技巧"),
            ("negotiation-anchor", "开价与锚定"),
            ("negotiation-criteria", "用客观标准代替意志较量"),
            ("negotiation-concessions", "有来有往的让步"),
            ("deadlock", "僵局怎么破"),
        ),
    ),
    (
        "day48/negotiation-cases.md",
        "第七部分",
        (
            ("cases", "三个经典谈判案例深度拆解"),
            ("case-it", "案例 1：和 IT 谈预约系统的上线时间"),
            ("case-market", "案例 2：和市场部谈春季保养节的预算"),
            ("case-finance", "案例 3：和财务谈紧急赔付的通道"),
            ("templates", "10 个谈判话术模板"),
            ("template-2", "模板 2：探询利益"),
            ("template-6", "模板 6：条件式让步"),
            ("template-8", "模板 8：温和地提 BATNA"),
            ("template-9", "模板 9：打破僵局"),
            ("template-10", "模板 10：收尾确认"),
        ),
    ),
    (
        "day48/capstone.md",
        "第八部分",
        (
            ("prepare", "准备阶段：谈之前，先把账算清"),
            ("prepare-value", "把问题换算成钱"),
            ("prepare-resources", "画资源地图：这件事到底要动用谁"),
            ("prepare-interests", "想清楚 IT 在乎什么"),
            ("prepare-negotiation", "谈判准备：立场、利益、底线和退路"),
            ("negotiate-threshold", "对方说“实在抽不出人”：降低门槛"),
            ("negotiate-conflict", "出现分歧：用合作，而不是硬碰"),
            ("negotiate-close", "收尾：把共识写下来"),
            ("follow-up-tracker", "把每个部门放进追踪表"),
            ("follow-up-stuck", "如果卡住了：梯子和升级"),
            ("improvement-plan", "写一份四周提升计划"),
        ),
    ),
)
