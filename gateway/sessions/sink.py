"""Where eligible transcripts go: kept as an import path for the sessions package; the sink
itself (file and S3 backends, layout, erasure, pull, retention) lives in `gateway.dataset`."""

from gateway.dataset.sink import DatasetSink, Written

__all__ = ["DatasetSink", "Written"]
