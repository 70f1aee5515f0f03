"""Renderers: the same result objects as text (styled or plain), Markdown, JSON and HTML.

Every human format escapes document text through :func:`tui.infra.safety.visible`;
JSON keeps it exact. Renderers import rich only for styled terminal output.
"""
