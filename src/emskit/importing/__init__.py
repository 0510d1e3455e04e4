"""emskit import: registers kept in spreadsheets, Markdown or JSON turned into YAML records.

The pipeline: a reader turns the file into grids of cells, `header` finds each grid's header,
`mapping` says which column feeds which field, a builder per kind turns rows into records
(parsing values with `values`), and `writer` lays the records out as files. Problems are
collected as values (`RowProblem`), never printed here.
"""
