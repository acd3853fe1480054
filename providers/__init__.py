"""Model providers behind one protocol. Upstream failures become gateway errors here, once."""
