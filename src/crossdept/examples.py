"""The course's worked example for the conflict and negotiation worksheets (Day 48 part 8).

Both restate seed 003's IT system case: 小李, after-sales operations for the 华东 region, needs the
booking system fixed (peak-hour booking success under 60%, about 200 customers lost a month, 600万 a
year); IT's priority is the new features headquarters asked for. The negotiation uses seed 000's
split (the necessary features in 2 weeks, the rest in a second phase) and its outsourcing offer.
Estimates of the other side's limits are the learner's guesses, as the worksheet asks for them.
"""

from __future__ import annotations

from types import MappingProxyType

CONFLICT_EXAMPLE = MappingProxyType(
    {
        "issue": "预约系统优化的排期",
        "description": "门店反馈预约系统高峰期经常崩溃，预约成功率不到60%。IT部门说现在的优先级是总部要求的新功能开发，系统优化排不上号，最早3个月后。",
        "my_side": "售后运营部（华东区域）",
        "their_side": "IT部门",
        "their_person": "李总监",
        "my_position": "预约系统这个月内完成优化",
        "my_interest": "高峰期预约成功率恢复正常，不再每月流失约200位客户（一年约600万收入）",
        "their_position": "先完成总部下达的新功能开发，系统优化排到3个月后",
        "their_interest": "按时完成总部任务、保证系统稳定，团队不被临时需求打乱",
        "type": "",
        "outcome": "5",
        "relationship": "4",
        "urgency": "中",
        "authority": "都没有",
        "refusals": "1",
        "tried": "已经当面找过IT负责人一次，对方说排不上",
        "superior": "区域总监",
    }
)

NEGOTIATION_EXAMPLE = MappingProxyType(
    {
        "issue": "预约系统必需功能的上线时间",
        "counterpart": "IT部门（李总监）",
        "unit": "周",
        "direction": "越少越好",
        "target": "2",
        "reservation": "8",
        "batna": "用运营预算请外包团队做基础开发，IT只做技术把关和最后集成",
        "batna_value": "8",
        "their_reservation": "2",
        "their_batna": "维持原排期，3个月后再做",
        "their_batna_value": "12",
        "their_interests": "按时完成总部下达的新功能开发\n保证系统稳定，不出事故\n团队的年度评优和总部曝光",
        "options": "必需功能先做，增强功能放到二期\n我们出预算请外包做基础开发，IT只做技术把关和集成\n"
        "把项目作为“技术驱动业务增长”的标杆向总部汇报，写明IT的贡献",
        "criteria": "门店数据：高峰期预约成功率不到60%，每月流失约200位客户，一年约600万收入\n拆分后的需求文档：必需功能的工作量约2周",
        "concessions": "增强功能放到二期 → IT本周内确认必需功能的排期\n"
        "我们派专人对接、需求文档一次给齐 → 上线后高峰期由IT值守一周\n"
        "上线时间从2周放宽到4周 → IT先做高峰期扩容，预约不再崩溃",
    }
)
