"""跨部门协作实战: the planning core behind the course worksheets."""

__version__ = "0.1.0"
