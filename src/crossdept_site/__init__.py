"""The build shell of the course site: an MkDocs plugin that turns the core and the worksheet
definitions into files the browser can use. All domain logic stays in ``crossdept``."""
