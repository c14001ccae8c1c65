"""Rules: one module per standard, plus integrity and privacy.

The registry is explicit: importing this package imports every rule module
by name, in this order, and nothing else registers rules.
"""

from generator.rules import integrity, lifecycle, privacy, renren, votes, xingfuli  # noqa: F401  (registers the rules)
from generator.rules.registry import RULES, Assessment, Context, Result, Rule, Status, run_rules

__all__ = ["RULES", "Assessment", "Context", "Result", "Rule", "Status", "run_rules"]
