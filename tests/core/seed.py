"""The course's own example (seed 000): the 智能服务升级 project of an after-sales department."""

PROJECT = {"name": "智能服务升级", "value": "预计客户满意度提升15分，年度价值约2000万", "sponsor": "CEO"}

RESOURCES = [
    {"resource": "系统开发", "department": "IT部门", "priority": "P0", "needed_by": "2周后", "workload": "3人月", "owner": "李总监"},
    {"resource": "数据支持", "department": "数据部门", "priority": "P0", "needed_by": "1周后", "workload": "3天", "owner": "王总监"},
    {"resource": "员工培训", "department": "培训部门", "priority": "P1", "needed_by": "1个月后", "workload": "2人月", "owner": "张经理"},
    {"resource": "外部培训机构", "department": "外部", "priority": "P2", "needed_by": "1个月后", "workload": "", "owner": "", "alternative_for": "员工培训"},
]

EXCHANGE = [
    {
        "department": "IT部门",
        "owner": "李总监",
        "their_needs": "展示部门价值",
        "i_give": "标准需求文档和技术规格、专人对接",
        "they_get": "CEO级别曝光、年度优秀项目提名",
        "plan": "项目汇报时突出IT贡献",
    },
    {
        "department": "数据部门",
        "owner": "王总监",
        "their_needs": "数据安全保障",
        "i_give": "完整安全协议、审计日志",
        "they_get": "公开表彰",
        "plan": "严格数据使用规范+公开表彰",
    },
]

TRACKER = [
    {
        "department": "IT部门",
        "stance": "对立",
        "status": "沟通中",
        "owner": "李总监",
        "progress": "已提交需求文档",
        "next_step": "等待排期确认",
        "last_contact": "2026-02-10",
        "risk": "可能排期太晚",
        "obstacle": "太忙",
        "refusals": 2,
    },
    {
        "department": "数据部门",
        "stance": "可争取",
        "status": "已同意",
        "owner": "王总监",
        "progress": "已签署数据协议",
        "next_step": "1周后提供数据",
        "last_contact": "2026-02-25",
        "risk": "",
        "obstacle": "",
        "refusals": 0,
    },
    {
        "department": "培训部门",
        "stance": "盟友",
        "status": "已同意",
        "owner": "张经理",
        "progress": "同意分两批培训",
        "next_step": "确认第一批名单",
        "last_contact": "2026-02-26",
        "risk": "",
        "obstacle": "",
        "refusals": 0,
    },
    {
        "department": "市场部门",
        "stance": "中立",
        "status": "沟通中",
        "owner": "赵经理",
        "progress": "介绍了项目",
        "next_step": "下周约谈推广方案",
        "last_contact": "2026-02-20",
        "risk": "",
        "obstacle": "不在KPI",
        "refusals": 1,
    },
]

WORKBOOK = {
    "format": "crossdept-workbook",
    "version": 1,
    "project": PROJECT,
    "worksheets": {
        "resources": {"rows": RESOURCES},
        "exchange": {"rows": EXCHANGE},
        "tracker": {"rows": TRACKER},
        "value": {"lost_customers_per_month": 200, "ltv": 2500},
    },
}
