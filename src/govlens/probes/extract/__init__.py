"""Reading fetched pages: charset, HTML (lists, rows, dates, identity, entries), text and wording.

Pure functions of a body or a parse tree: nothing here fetches.
"""
