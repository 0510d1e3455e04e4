"""The clause model of each edition."""
