"""The one exception tree: every error a user can cause or meet is a RagError with a fix in its text."""


class RagError(Exception):
    """Base of every error the product reports to a user (one line, no traceback)."""


class ConfigError(RagError):
    """A setting is missing or malformed."""


class QuestionError(RagError):
    """The question cannot be asked as given (empty, too long)."""


class DocumentError(RagError):
    """A file could not be read as a document (binary, empty, undecodable, too large)."""


class StoreError(RagError):
    """The vector store or the library database failed or does not match."""


class EmbedderMismatch(StoreError):
    """The index was built by another embedder than the one configured."""


class ModelError(RagError):
    """A chat model endpoint failed; the message names the endpoint and the cause."""
