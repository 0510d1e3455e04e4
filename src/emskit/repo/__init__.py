"""Finding, reading and locating the files of an EMS repository."""
