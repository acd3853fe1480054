"""The training-dataset bucket (issue 7): one de-identified record per finalized session,
partitioned by tenant and day, in a directory (`file://`) or S3 (`s3://`); the ML team's pull
(HTTP and CLI), erasure by subject, consent withdrawal and retention. See docs/dataset.md.

Modules: objects (file backend and the store protocol), s3, layout (keys), records (format,
checksums), sink, surrogates and deidentify (the training pass), engine (the shared PII
engine), vault (the live pass's originals), pull, routes (HTTP), forget, retention, cli."""
