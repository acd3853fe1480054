"""Session capture: the recorder (redacted turns into the store), session end (explicit or by
inactivity, through the store's queue), the finalizer (eligible: dataset; otherwise: delete)
and the dataset sink."""
