from emskit.cli.main import run

run()
