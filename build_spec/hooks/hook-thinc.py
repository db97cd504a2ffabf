"""thinc for the reader's bundle: the contrib hook's submodules and data, without the tests."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests" not in name)
datas = collect_data_files("thinc", excludes=["tests/**"])
