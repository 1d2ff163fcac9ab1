"""The local dashboard and JSON API (``bilateral serve``)."""

from bilateral.web.app import create_app
from bilateral.web.server import serve

__all__ = ["create_app", "serve"]
