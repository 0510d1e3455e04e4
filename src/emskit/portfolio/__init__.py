"""Many EMS repositories at once: finding them, one summary row each, the order to show them.

The use case (``emskit.commands.portfolio``) runs each repository in a worker process; what
is here is plain values and functions of one repository's analysis, so it pickles and tests
without processes.
"""
