"""Documents: jinja2 rendering of reports and, later, the certification pack."""
