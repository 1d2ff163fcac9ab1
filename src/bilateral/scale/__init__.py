"""Scale: parallel coding on one machine, sharded restartable batch runs, and Apache Spark.

* :mod:`bilateral.scale.parallel`: a pool of worker processes, each with its own coder, mapping
  batches of documents in order (``--workers N`` of ``code-text`` and ``ingest``);
* :mod:`bilateral.scale.batch`: ``bilateral batch``: input split into shards, each shard's output
  written atomically, a rerun skips finished shards;
* :mod:`bilateral.scale.spark`: ``bilateral spark-code``: the coder in ``mapPartitions``, Parquet out
  (needs the optional extra ``bilateral[spark]``).
"""

from bilateral.scale.parallel import CodingPool, ParallelCoder, default_workers

__all__ = ["CodingPool", "ParallelCoder", "default_workers"]
