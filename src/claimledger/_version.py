"""``claimledger.__version__``: the one declaration of claimledger's version.

pyproject.toml does not repeat it: its version is ``dynamic``, read from here by setuptools
(``[tool.setuptools.dynamic] version = {attr = ...}``, which reads the assignment without importing
the package), so the wheel's metadata, ``claimledger --version`` and the API all say the same.
A plain constant, so that ``claimledger --help`` does not pay for importlib.metadata or tomllib.
"""

__version__ = "0.1.0"
