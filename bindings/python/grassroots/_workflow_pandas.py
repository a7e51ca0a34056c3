"""Re-export for grassroots._analytics_pandas until it imports _instants from grassroots._frames."""
from ._frames import _instants  # noqa: F401
