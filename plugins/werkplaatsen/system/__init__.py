"""The operating system as the tools use it: the programs they need (found or installed), git run
without a checkout's hooks, local ports checked, local servers started and stopped.

Standard library only (the Makefile runs `python -m werkplaatsen.system.programs` before .venv
exists); imports nothing else of werkplaatsen.
"""
