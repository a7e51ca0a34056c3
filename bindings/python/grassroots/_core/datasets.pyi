"""
Data shipped inside the library
"""
from __future__ import annotations
import grassroots._core.division
__all__: list[str] = ['dongying', 'dongying_csv']
def dongying() -> grassroots._core.division.DivisionTree:
    """
    Dongying city's 1,982 division units (NBS 统计用区划代码 2023), shipped inside the library.
    """
def dongying_csv() -> str:
    """
    The shipped Dongying division table as code,name,level,parent_code CSV text.
    """
